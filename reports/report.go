package reports

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/tqa-project/tqa/pipeline"
)

// Report is everything a run produced: the one value every format writes.
type Report struct {
	Tool, Version string

	// Documents are in run order; Finding.Doc indexes this slice.
	Documents []*pipeline.Document

	// Findings are already sorted by pipeline.SortFindings.
	Findings []pipeline.Finding

	// Checks are the checks that ran, for formats that describe them
	// (SARIF rules, JUnit test cases). It may be empty; a finding of a
	// check not listed is still written.
	Checks []*pipeline.Check

	// Errors are the inputs that could not be read. They are reported, and
	// the run goes on without them.
	Errors []FileError

	// Proposals are the new targets proposed for flagged segments, with
	// the checks' verdict on each, by document and segment (see Proposal).
	Proposals []Proposal
	// Digests are, by document, "sha256:" and the hex SHA-256 of its file
	// as read ("" when unknown), so that a report can tell whether a file
	// changed since (tqa apply).
	Digests []string
	// Changes are the files with their accepted proposals written in, for
	// the patch format.
	Changes []FileChange
}

// FileError is an input that could not be read.
type FileError struct {
	Path string
	Err  error
}

func (e FileError) Error() string { return e.Path + ": " + e.message() }

// Unwrap returns the underlying error.
func (e FileError) Unwrap() error { return e.Err }

func (e FileError) message() string {
	if e.Err == nil {
		return "unknown error"
	}
	return e.Err.Error()
}

// check verifies what the writers rely on: every finding points at a
// document and segment of the report, with a valid severity and side, and
// its span and the edits of its fixes lie inside that side's text, on
// character boundaries, without overlapping. A finding that breaks these
// rules is a bug in the check that reported it; writing it anyway would
// print wrong positions or garbled text.
func (r *Report) check() error {
	if r == nil {
		return errors.New("reports: nil report")
	}
	for i, d := range r.Documents {
		if d == nil {
			return fmt.Errorf("reports: document %d is nil", i)
		}
	}
	for i := range r.Findings {
		if err := r.checkFinding(&r.Findings[i]); err != nil {
			return fmt.Errorf("reports: finding %d (%s): %w", i, r.Findings[i].Check, err)
		}
	}
	return r.checkProposals()
}

func (r *Report) checkFinding(f *pipeline.Finding) error {
	if f.Doc < 0 || f.Doc >= len(r.Documents) {
		return fmt.Errorf("%s: document index %d out of range (%d documents)", f.Path, f.Doc, len(r.Documents))
	}
	d := r.Documents[f.Doc]
	if f.Segment < 0 || f.Segment >= len(d.Segments) {
		return fmt.Errorf("%s: segment index %d out of range (%d segments)", d.Path, f.Segment, len(d.Segments))
	}
	seg := &d.Segments[f.Segment]
	if f.Severity < pipeline.Neutral || f.Severity > pipeline.Critical {
		return fmt.Errorf("%s: segment %s: invalid severity %v", d.Path, seg.ID, f.Severity)
	}
	if f.Side != pipeline.Target && f.Side != pipeline.Source {
		return fmt.Errorf("%s: segment %s: invalid side %d", d.Path, seg.ID, f.Side)
	}
	text := seg.Text(f.Side)
	if !f.Span.Valid(text) {
		return fmt.Errorf("%s: segment %s: invalid %s span %v (text of %d bytes)", d.Path, seg.ID, f.Side, f.Span, len(text))
	}
	for j, fix := range f.Fixes {
		if err := checkEdits(fix.Edits, text); err != nil {
			return fmt.Errorf("%s: segment %s: fix %d: %w", d.Path, seg.ID, j, err)
		}
	}
	return nil
}

// checkEdits reports whether edits are valid spans of text that
// pipeline.Fix.Apply applies in full: taken in order of their start, each
// begins at or after the end of the one before (so an insertion may precede
// a replacement at the same offset, but not follow it).
func checkEdits(edits []pipeline.Edit, text string) error {
	for i, e := range edits {
		if !e.Span.Valid(text) {
			return fmt.Errorf("edit %d: invalid span %v (text of %d bytes)", i, e.Span, len(text))
		}
	}
	order := make([]int, len(edits))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(edits[a].Span.Start, edits[b].Span.Start) })
	for k := 1; k < len(order); k++ {
		prev, e := edits[order[k-1]], edits[order[k]]
		if e.Span.Start < prev.Span.End {
			return fmt.Errorf("edits %d %v and %d %v overlap", order[k-1], prev.Span, order[k], e.Span)
		}
	}
	return nil
}

// segment returns the segment a checked finding points at.
func (r *Report) segment(f *pipeline.Finding) (*pipeline.Document, *pipeline.Segment) {
	d := r.Documents[f.Doc]
	return d, &d.Segments[f.Segment]
}

// tally is what the summaries of every format count.
type tally struct {
	segments, words int
	bySeverity      [pipeline.Critical + 1]int
	score           pipeline.Score
	docWords        []int                // words of each document
	docFindings     [][]pipeline.Finding // findings of each document
}

func (r *Report) tally() tally {
	t := tally{
		docWords:    make([]int, len(r.Documents)),
		docFindings: make([][]pipeline.Finding, len(r.Documents)),
	}
	for i, d := range r.Documents {
		t.segments += len(d.Segments)
		t.docWords[i] = pipeline.DocumentWords(d)
		t.words += t.docWords[i]
	}
	for _, f := range r.Findings {
		t.bySeverity[f.Severity]++
	}
	// Findings in report order come in one run per document: use the runs
	// as they are, and copy only when a document has several (an unsorted
	// report).
	for i := 0; i < len(r.Findings); {
		d, j := r.Findings[i].Doc, i+1
		for j < len(r.Findings) && r.Findings[j].Doc == d {
			j++
		}
		if t.docFindings[d] == nil {
			t.docFindings[d] = r.Findings[i:j:j] // full: append copies
		} else {
			t.docFindings[d] = append(t.docFindings[d], r.Findings[i:j]...)
		}
		i = j
	}
	t.score = pipeline.ScoreOf(r.Findings, t.words)
	return t
}
