package reports

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// JSONSchemaVersion names the schema of the JSON report: the value of its
// "schema" field.
const JSONSchemaVersion = "tqa.report/v1"

// JSONReport is the JSON report, schema tqa.report/v1: the whole output of
// WriteJSON. Decode it with ReadJSON. Arrays are never null, and objects
// keep this field order.
type JSONReport struct {
	// Schema is always JSONSchemaVersion.
	Schema string `json:"schema"`
	// Tool is the name of the program that wrote the report ("tqa").
	Tool string `json:"tool"`
	// Version is the version of that program.
	Version string `json:"version"`
	// Documents are the inputs that were read, in run order.
	Documents []JSONDocument `json:"documents"`
	// Findings are in report order: by document, segment, side (target
	// first), position, check and message.
	Findings []JSONFinding `json:"findings"`
	// Proposals are the new targets proposed for flagged segments
	// (tqa check --retranslate), by document and segment.
	Proposals []JSONProposal `json:"proposals"`
	// Errors are the inputs that could not be read.
	Errors []JSONError `json:"errors"`
	// Summary counts over the whole run.
	Summary JSONSummary `json:"summary"`
}

// JSONDocument is one input file that was read.
type JSONDocument struct {
	// Path is the file's path as given on the command line, slash-separated.
	Path string `json:"path"`
	// Format is the input format: "text", "markdown", "jsonl", "xliff", ...
	Format string `json:"format"`
	// SourceLang and TargetLang are BCP 47 tags; "und" when unknown.
	SourceLang string `json:"source_lang"`
	TargetLang string `json:"target_lang"`
	// Segments is the number of segments read from the file.
	Segments int `json:"segments"`
	// Words is the number of words of the file's targets, counted as MQM
	// scoring does (pipeline.CountWords).
	Words int `json:"words"`
	// MQM is the score of the file's findings over its words.
	MQM JSONScore `json:"mqm"`
	// Findings is the number of findings in the file.
	Findings int `json:"findings"`
	// SHA256 is "sha256:" and the hex SHA-256 of the file as it was read;
	// absent when unknown. tqa apply refuses a file whose content no
	// longer has it.
	SHA256 string `json:"sha256,omitempty"`
}

// JSONScore is an MQM-style score; both numbers are rounded to two decimals.
type JSONScore struct {
	// Penalty is the sum of the findings' weights: minor 1 (minor
	// punctuation 0.1), major 5, critical 25, neutral 0.
	Penalty float64 `json:"penalty"`
	// PerThousandWords is Penalty per 1,000 words of target text; 0 when
	// there are no words. Lower is better; 0 is a clean text.
	PerThousandWords float64 `json:"per_1000_words"`
}

// JSONFinding is one problem at one place.
type JSONFinding struct {
	// Check is the stable name of the check that found it.
	Check string `json:"check"`
	// Category is its MQM category, e.g. "accuracy/untranslated".
	Category string `json:"category"`
	// Severity is "critical", "major", "minor" or "neutral".
	Severity string `json:"severity"`
	// Path is the path of the document, as in JSONDocument.Path.
	Path string `json:"path"`
	// Segment is the segment's ID: the unit id of the file format, or the
	// 1-based ordinal of the segment in its document.
	Segment string `json:"segment"`
	// Side is "target" or "source": the text that Start and End index.
	Side string `json:"side"`
	// Line and Column give the file position of the first character of the
	// flagged text: 1-based, the column counted in characters (Unicode
	// code points). Both are 0 when the input format records no position.
	Line   int `json:"line"`
	Column int `json:"column"`
	// EndLine and EndColumn give the position just after the flagged text
	// (exclusive), counted the same way.
	EndLine   int `json:"end_line"`
	EndColumn int `json:"end_column"`
	// Start and End are byte offsets into the UTF-8 text of that side of
	// the segment: the flagged text is text[Start:End]. Start == End marks
	// a position (for example where a space is missing).
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is exactly the flagged text.
	Text string `json:"text"`
	// Message says what is wrong and what is expected.
	Message string `json:"message"`
	// Suggestions are alternative fixes, best first.
	Suggestions []JSONSuggestion `json:"suggestions"`
}

// JSONSuggestion is one way to fix a finding.
type JSONSuggestion struct {
	// Message says what the fix does, in the imperative.
	Message string `json:"message"`
	// Edits replace byte ranges of the finding's side of the segment,
	// sorted by start. They do not overlap, and all offsets refer to the
	// text before any edit: apply them from the last to the first. An
	// insertion (Start == End) comes before a replacement that starts at
	// the same offset.
	Edits []JSONEdit `json:"edits"`
	// Result is the whole text of that side of the segment after the edits.
	Result string `json:"result"`
}

// JSONEdit replaces the bytes [Start, End) of a segment's side with Text.
type JSONEdit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// JSONError is an input that could not be read.
type JSONError struct {
	// Path is the input as given on the command line.
	Path string `json:"path"`
	// Message says what went wrong.
	Message string `json:"message"`
}

// JSONSummary counts over the whole run.
type JSONSummary struct {
	// Documents, Segments and Words are what was read and checked.
	Documents int `json:"documents"`
	Segments  int `json:"segments"`
	Words     int `json:"words"`
	// Findings is the number of findings.
	Findings int `json:"findings"`
	// BySeverity counts the findings of each severity.
	BySeverity JSONSeverityCounts `json:"by_severity"`
	// ByCategory and ByCheck count the findings of each MQM category and
	// of each check; only names with findings appear, sorted.
	ByCategory map[string]int `json:"by_category"`
	ByCheck    map[string]int `json:"by_check"`
	// MQM is the score of all findings over all words.
	MQM JSONScore `json:"mqm"`
}

// JSONSeverityCounts counts findings by severity; every key is present.
type JSONSeverityCounts struct {
	Critical int `json:"critical"`
	Major    int `json:"major"`
	Minor    int `json:"minor"`
	Neutral  int `json:"neutral"`
}

// WriteJSON writes r as one JSON object following schema tqa.report/v1
// (see JSONReport), indented by two spaces and ended by a newline, as
// encoding/json's Encoder would write it (see json_write.go). The
// findings are encoded one at a time, so memory does not grow with the
// size of the output.
func WriteJSON(w io.Writer, r *Report) error {
	jr, err := jsonEnvelope(r)
	if err != nil {
		return err
	}
	for _, s := range append([]JSONScore{jr.Summary.MQM}, jsonDocumentScores(jr)...) {
		for _, f := range [...]float64{s.Penalty, s.PerThousandWords} {
			if math.IsInf(f, 0) || math.IsNaN(f) {
				// As encoding/json fails, before anything is written.
				return &json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
			}
		}
	}
	return writeJSONReport(w, jr, len(r.Findings), func(i int) JSONFinding {
		return jsonFinding(r, &r.Findings[i])
	})
}

// jsonDocumentScores returns the scores of the documents of jr.
func jsonDocumentScores(jr *JSONReport) []JSONScore {
	out := make([]JSONScore, len(jr.Documents))
	for i := range jr.Documents {
		out[i] = jr.Documents[i].MQM
	}
	return out
}

// encodeStreamingArray writes envelope as encodeIndented does, with the
// array member key, which envelope holds empty at the given indent, filled
// with the n values item returns, each encoded as it is needed: memory does
// not grow with the length of the array. The empty array is found by its
// text, which cannot occur elsewhere: JSON strings never hold a raw line
// break.
func encodeStreamingArray(w io.Writer, envelope any, key, indent string, n int, item func(int) any) error {
	var env bytes.Buffer
	if err := encodeIndented(&env, envelope, ""); err != nil {
		return err
	}
	marker := "\n" + indent + `"` + key + `": [],` + "\n"
	head, tail, ok := bytes.Cut(env.Bytes(), []byte(marker))
	if !ok {
		return fmt.Errorf("reports: no empty %q array to fill", key)
	}
	bw := bufio.NewWriter(w)
	bw.Write(head)
	if n == 0 {
		bw.WriteString(marker)
	} else {
		bw.WriteString("\n" + indent + `"` + key + `": [`)
		inner := indent + "  "
		var buf bytes.Buffer
		for i := range n {
			if i > 0 {
				bw.WriteByte(',')
			}
			buf.Reset()
			if err := encodeIndented(&buf, item(i), inner); err != nil {
				return err
			}
			bw.WriteString("\n" + inner)
			bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		}
		bw.WriteString("\n" + indent + "],\n")
	}
	bw.Write(tail)
	return bw.Flush()
}

// encodeIndented writes v as encoding/json does with SetIndent(prefix, "  ")
// and no HTML escaping, ended by a newline.
func encodeIndented(w io.Writer, v any, prefix string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// NewJSONReport returns the JSON report of r: the value WriteJSON writes.
func NewJSONReport(r *Report) (*JSONReport, error) {
	jr, err := jsonEnvelope(r)
	if err != nil {
		return nil, err
	}
	jr.Findings = make([]JSONFinding, len(r.Findings))
	for i := range r.Findings {
		jr.Findings[i] = jsonFinding(r, &r.Findings[i])
	}
	return jr, nil
}

// jsonEnvelope returns the JSON report of r without its findings: the
// documents, errors and summary.
func jsonEnvelope(r *Report) (*JSONReport, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	t := r.tally()
	jr := &JSONReport{
		Schema:    JSONSchemaVersion,
		Tool:      r.Tool,
		Version:   r.Version,
		Documents: make([]JSONDocument, len(r.Documents)),
		Findings:  []JSONFinding{},
		Proposals: jsonProposals(r),
		Errors:    make([]JSONError, len(r.Errors)),
		Summary: JSONSummary{
			Documents: len(r.Documents),
			Segments:  t.segments,
			Words:     t.words,
			Findings:  len(r.Findings),
			BySeverity: JSONSeverityCounts{
				Critical: t.bySeverity[pipeline.Critical],
				Major:    t.bySeverity[pipeline.Major],
				Minor:    t.bySeverity[pipeline.Minor],
				Neutral:  t.bySeverity[pipeline.Neutral],
			},
			ByCategory: map[string]int{},
			ByCheck:    map[string]int{},
			MQM:        jsonScore(t.score),
		},
	}
	for i, d := range r.Documents {
		jr.Documents[i] = JSONDocument{
			Path:       d.Path,
			Format:     d.Format,
			SourceLang: d.SourceLang.String(),
			TargetLang: d.TargetLang.String(),
			Segments:   len(d.Segments),
			Words:      t.docWords[i],
			MQM:        jsonScore(pipeline.ScoreOf(t.docFindings[i], t.docWords[i])),
			Findings:   len(t.docFindings[i]),
		}
		if i < len(r.Digests) {
			jr.Documents[i].SHA256 = r.Digests[i]
		}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		jr.Summary.ByCategory[f.Category]++
		jr.Summary.ByCheck[f.Check]++
	}
	for i, e := range r.Errors {
		jr.Errors[i] = JSONError{Path: e.Path, Message: e.message()}
	}
	return jr, nil
}

func jsonFinding(r *Report, f *pipeline.Finding) JSONFinding {
	d, seg := r.segment(f)
	text := seg.Text(f.Side)
	start := seg.Locate(f.Side, f.Span.Start)
	end := seg.Locate(f.Side, f.Span.End)
	jf := JSONFinding{
		Check:       f.Check,
		Category:    f.Category,
		Severity:    f.Severity.String(),
		Path:        d.Path,
		Segment:     seg.ID,
		Side:        f.Side.String(),
		Line:        start.Line,
		Column:      start.Column,
		EndLine:     end.Line,
		EndColumn:   end.Column,
		Start:       f.Span.Start,
		End:         f.Span.End,
		Text:        text[f.Span.Start:f.Span.End],
		Message:     f.Message,
		Suggestions: make([]JSONSuggestion, len(f.Fixes)),
	}
	for i, fix := range f.Fixes {
		s := JSONSuggestion{Message: fix.Message, Edits: make([]JSONEdit, len(fix.Edits)), Result: fix.Apply(text)}
		for j, e := range fix.Edits {
			s.Edits[j] = JSONEdit{Start: e.Span.Start, End: e.Span.End, Text: e.NewText}
		}
		// The order pipeline.Fix.Apply applies them in.
		slices.SortStableFunc(s.Edits, func(a, b JSONEdit) int { return cmp.Compare(a.Start, b.Start) })
		jf.Suggestions[i] = s
	}
	return jf
}

func jsonScore(s pipeline.Score) JSONScore {
	return JSONScore{Penalty: round2(s.Penalty), PerThousandWords: round2(s.PerThousand)}
}

// round2 rounds x to two decimals, halves away from zero.
func round2(x float64) float64 { return math.Round(x*100) / 100 }

// ReadJSON decodes a JSON report written by WriteJSON. It fails on a report
// of another schema; fields it does not know are ignored, as the schema's
// stability rules allow.
func ReadJSON(rd io.Reader) (*JSONReport, error) {
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("reports: read JSON report: %w", err)
	}
	var jr JSONReport
	if err := json.Unmarshal(data, &jr); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return nil, fmt.Errorf("reports: read JSON report: %s: %w", lineColumn(data, syn.Offset-1), err) // Offset is just after the bad byte
		case errors.As(err, &typ):
			return nil, fmt.Errorf("reports: read JSON report: %s: %w", lineColumn(data, typ.Offset), err)
		}
		return nil, fmt.Errorf("reports: read JSON report: %w", err)
	}
	if jr.Schema != JSONSchemaVersion {
		return nil, fmt.Errorf("reports: read JSON report: schema %q, want %q", jr.Schema, JSONSchemaVersion)
	}
	return &jr, nil
}

// lineColumn names the position of byte offset off of data: "line 3,
// column 7", the column counted in characters.
func lineColumn(data []byte, off int64) string {
	off = min(max(off, 0), int64(len(data)))
	head := data[:off]
	line := bytes.Count(head, []byte{'\n'}) + 1
	col := utf8.RuneCount(head[bytes.LastIndexByte(head, '\n')+1:]) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}
