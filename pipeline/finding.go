package pipeline

import (
	"cmp"
	"slices"
)

// Edit replaces the bytes of Span, on the side of its finding, with NewText.
type Edit struct {
	Span    Span
	NewText string
}

// Fix is one way to correct a finding: a message in the imperative
// ("Replace with “Article 5”") and the edits that carry it out.
type Fix struct {
	Message string
	Edits   []Edit
}

// Finding is one problem at one place.
type Finding struct {
	Check    string   // stable name of the check: config key, SARIF ruleId
	Category string   // MQM category, e.g. "accuracy/untranslated"
	Severity Severity // after configuration overrides

	Doc     int    // index of the document in the run
	Path    string // the document's path
	Segment int    // index of the segment in its document
	ID      string // the segment's ID

	Side Side
	Span Span
	Text string // exactly the flagged text: Segment.Text(Side)[Span.Start:Span.End]

	Message string // what is wrong and what is expected
	Fixes   []Fix  // alternatives, best first
}

// Apply returns text with the edits of fix applied. Edits must not overlap.
func (fix Fix) Apply(text string) string {
	edits := slices.Clone(fix.Edits)
	slices.SortFunc(edits, func(a, b Edit) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	var out []byte
	last := 0
	for _, e := range edits {
		if e.Span.Start < last || e.Span.End > len(text) {
			continue
		}
		out = append(out, text[last:e.Span.Start]...)
		out = append(out, e.NewText...)
		last = e.Span.End
	}
	out = append(out, text[last:]...)
	return string(out)
}

// ReplaceFix returns a fix that replaces span with text.
func ReplaceFix(message string, span Span, text string) Fix {
	return Fix{Message: message, Edits: []Edit{{Span: span, NewText: text}}}
}

// compareFindings orders findings by document, segment, side, position,
// check and message: the order of every report.
func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Doc, b.Doc),
		cmp.Compare(a.Segment, b.Segment),
		cmp.Compare(a.Side, b.Side),
		cmp.Compare(a.Span.Start, b.Span.Start),
		cmp.Compare(a.Span.End, b.Span.End),
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(a.Message, b.Message),
	)
}

// SortFindings sorts findings in report order.
func SortFindings(fs []Finding) { slices.SortStableFunc(fs, compareFindings) }
