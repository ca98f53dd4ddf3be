package reports

import (
	"encoding/json"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The JSON report is written by hand, field by field, in exactly the
// bytes that encoding/json's Encoder writes for a JSONReport with
// SetIndent("", "  ") and SetEscapeHTML(false): same field order, same
// indentation, same string escapes, same number formats, "null" for a nil
// slice or map. It spares a run the reflection encoding/json does (the
// first use of each type builds its encoders) and the copies of its
// indentation pass, and it writes each finding straight into one reused
// buffer. TestJSONWriterMatchesEncoding compares the two on reports with
// every field set, so that a field added to a JSON type without its line
// here fails a test.

// jsonWriter appends indented JSON to buf. Objects and arrays are opened
// and closed with open and close; each member or element starts with
// next. The indentation of a member follows from the nesting depth.
type jsonWriter struct {
	buf []byte
	// filled says, for each open object or array, whether it has a
	// member yet: an empty one is written {} or [].
	filled []bool
	err    error // the first unsupported value (NaN or an infinity)
}

// open starts an object ('{') or an array ('[').
func (w *jsonWriter) open(c byte) {
	w.buf = append(w.buf, c)
	w.filled = append(w.filled, false)
}

// close ends the innermost object ('}') or array (']').
func (w *jsonWriter) close(c byte) {
	n := len(w.filled) - 1
	filled := w.filled[n]
	w.filled = w.filled[:n]
	if filled {
		w.newline()
	}
	w.buf = append(w.buf, c)
}

// next starts an element of the innermost array, or a member of the
// innermost object before its key.
func (w *jsonWriter) next() {
	n := len(w.filled) - 1
	if w.filled[n] {
		w.buf = append(w.buf, ',')
	}
	w.filled[n] = true
	w.newline()
}

// newline starts a line indented by two spaces a level of nesting.
func (w *jsonWriter) newline() {
	w.buf = append(w.buf, '\n')
	for range len(w.filled) {
		w.buf = append(w.buf, ' ', ' ')
	}
}

// key starts a member of the innermost object: its name, a colon and a
// space. The names are the fixed ones of the JSON types, which need no
// escapes.
func (w *jsonWriter) key(name string) {
	w.next()
	w.buf = append(w.buf, '"')
	w.buf = append(w.buf, name...)
	w.buf = append(w.buf, '"', ':', ' ')
}

func (w *jsonWriter) str(name, s string) {
	w.key(name)
	w.buf = appendJSONString(w.buf, s)
}

func (w *jsonWriter) int(name string, i int) {
	w.key(name)
	w.buf = strconv.AppendInt(w.buf, int64(i), 10)
}

func (w *jsonWriter) float(name string, f float64) {
	w.key(name)
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if w.err == nil {
			w.err = &json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
		}
		return
	}
	w.buf = appendJSONFloat(w.buf, f)
}

// nullable writes null and reports false for a nil slice or map, whose
// member name has been written.
func (w *jsonWriter) nullable(isNil bool) bool {
	if isNil {
		w.buf = append(w.buf, "null"...)
	}
	return !isNil
}

// appendJSONFloat appends f as encoding/json writes a float64: like
// strconv's shortest 'f' format, or 'e' below 1e-6 and from 1e21 with a
// one-digit exponent written without its leading zero.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// jsonSafe marks the ASCII bytes that a JSON string holds as they are
// (encoding/json without HTML escaping): all but the control characters,
// the double quote and the backslash.
var jsonSafe = func() (safe [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		safe[c] = c != '"' && c != '\\'
	}
	return safe
}()

// appendJSONString appends s as a JSON string, escaped as encoding/json
// does without HTML escaping: \" \\ \b \f \n \r \t, other control
// characters as \u00XX, invalid UTF-8 as \ufffd, and U+2028 and U+2029
// (which JavaScript does not allow in strings) as \u2028 and \u2029.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		} else {
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// writeJSONReport writes jr, whose Findings are left out, with the n
// findings that finding returns in their place (null when there are none
// and jr.Findings is nil), each encoded as it is
// needed, and a final newline. Output is written to out in pieces of
// about 32 kB.
func writeJSONReport(out io.Writer, jr *JSONReport, n int, finding func(int) JSONFinding) error {
	w := &jsonWriter{buf: make([]byte, 0, 40<<10), filled: make([]bool, 0, 8)}
	flush := func() error {
		if w.err != nil {
			return w.err
		}
		_, err := out.Write(w.buf)
		w.buf = w.buf[:0]
		return err
	}
	w.open('{')
	w.str("schema", jr.Schema)
	w.str("tool", jr.Tool)
	w.str("version", jr.Version)
	w.key("documents")
	if w.nullable(jr.Documents == nil) {
		w.open('[')
		for i := range jr.Documents {
			w.next()
			w.document(&jr.Documents[i])
		}
		w.close(']')
	}
	w.key("findings")
	if w.nullable(jr.Findings == nil && n == 0) {
		w.writeFindings(n, finding, flush)
		if w.err != nil {
			return w.err
		}
	}
	w.key("proposals")

	if w.nullable(jr.Proposals == nil) {
		w.open('[')
		for i := range jr.Proposals {
			w.next()
			w.proposal(&jr.Proposals[i])
		}
		w.close(']')
	}
	w.key("errors")
	if w.nullable(jr.Errors == nil) {
		w.open('[')
		for _, e := range jr.Errors {
			w.next()
			w.open('{')
			w.str("path", e.Path)
			w.str("message", e.Message)
			w.close('}')
		}
		w.close(']')
	}
	w.key("summary")
	w.summary(&jr.Summary)
	w.close('}')
	w.buf = append(w.buf, '\n')
	return flush()
}

// writeFindings writes the array of the n findings that finding returns,
// calling flush when the buffer holds 32 kB or more. A flush error is
// kept in w.err.
func (w *jsonWriter) writeFindings(n int, finding func(int) JSONFinding, flush func() error) {
	w.open('[')
	for i := range n {
		w.next()
		f := finding(i)
		w.finding(&f)
		if len(w.buf) >= 32<<10 {
			if err := flush(); err != nil {
				w.err = err
				return
			}
		}
	}
	w.close(']')
}

func (w *jsonWriter) document(d *JSONDocument) {
	w.open('{')
	w.str("path", d.Path)
	w.str("format", d.Format)
	w.str("source_lang", d.SourceLang)
	w.str("target_lang", d.TargetLang)
	w.int("segments", d.Segments)
	w.int("words", d.Words)
	w.key("mqm")
	w.score(d.MQM)
	w.int("findings", d.Findings)
	if d.SHA256 != "" {
		w.str("sha256", d.SHA256)
	}
	w.close('}')
}

func (w *jsonWriter) score(s JSONScore) {
	w.open('{')
	w.float("penalty", s.Penalty)
	w.float("per_1000_words", s.PerThousandWords)
	w.close('}')
}

func (w *jsonWriter) finding(f *JSONFinding) {
	w.open('{')
	w.str("check", f.Check)
	w.str("category", f.Category)
	w.str("severity", f.Severity)
	w.str("path", f.Path)
	w.str("segment", f.Segment)
	w.str("side", f.Side)
	w.int("line", f.Line)
	w.int("column", f.Column)
	w.int("end_line", f.EndLine)
	w.int("end_column", f.EndColumn)
	w.int("start", f.Start)
	w.int("end", f.End)
	w.str("text", f.Text)
	w.str("message", f.Message)
	w.key("suggestions")
	if w.nullable(f.Suggestions == nil) {
		w.open('[')
		for i := range f.Suggestions {
			s := &f.Suggestions[i]
			w.next()
			w.open('{')
			w.str("message", s.Message)
			w.key("edits")
			if w.nullable(s.Edits == nil) {
				w.open('[')
				for _, e := range s.Edits {
					w.next()
					w.open('{')
					w.int("start", e.Start)
					w.int("end", e.End)
					w.str("text", e.Text)
					w.close('}')
				}
				w.close(']')
			}
			w.str("result", s.Result)
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
}

func (w *jsonWriter) proposal(p *JSONProposal) {
	w.open('{')
	w.str("path", p.Path)
	w.str("segment", p.Segment)
	w.str("original", p.Original)
	w.str("proposal", p.Proposal)
	w.str("status", p.Status)
	w.key("reasons")
	if w.nullable(p.Reasons == nil) {
		w.open('[')
		for _, r := range p.Reasons {
			w.next()
			w.buf = appendJSONString(w.buf, r)
		}
		w.close(']')
	}
	w.str("model", p.Model)
	w.str("notes", p.Notes)
	w.key("fixes")
	w.proposalFindings(p.Fixes)
	w.key("added")
	w.proposalFindings(p.Added)
	w.close('}')
}

func (w *jsonWriter) proposalFindings(fs []JSONProposalFinding) {
	if !w.nullable(fs == nil) {
		return
	}
	w.open('[')
	for i := range fs {
		f := &fs[i]
		w.next()
		w.open('{')
		w.str("check", f.Check)
		w.str("severity", f.Severity)
		w.str("side", f.Side)
		w.int("start", f.Start)
		w.int("end", f.End)
		w.str("text", f.Text)
		w.str("message", f.Message)
		w.close('}')
	}
	w.close(']')
}

func (w *jsonWriter) summary(s *JSONSummary) {
	w.open('{')
	w.int("documents", s.Documents)
	w.int("segments", s.Segments)
	w.int("words", s.Words)
	w.int("findings", s.Findings)
	w.key("by_severity")
	w.open('{')
	w.int("critical", s.BySeverity.Critical)
	w.int("major", s.BySeverity.Major)
	w.int("minor", s.BySeverity.Minor)
	w.int("neutral", s.BySeverity.Neutral)
	w.close('}')
	w.key("by_category")
	w.counts(s.ByCategory)
	w.key("by_check")
	w.counts(s.ByCheck)
	w.key("mqm")
	w.score(s.MQM)
	w.close('}')
}

// counts writes a map of counts with its keys sorted, as encoding/json
// does.
func (w *jsonWriter) counts(m map[string]int) {
	if !w.nullable(m == nil) {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.open('{')
	for _, k := range keys {
		w.next()
		w.buf = appendJSONString(w.buf, k)
		w.buf = append(w.buf, ':', ' ')
		w.buf = strconv.AppendInt(w.buf, int64(m[k]), 10)
	}
	w.close('}')
}
