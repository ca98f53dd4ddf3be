package reports

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

func TestColorOnlyWhenAsked(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			var plain, color bytes.Buffer
			if err := WriteText(&plain, c.report(), TextOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := WriteText(&color, c.report(), TextOptions{Color: true}); err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(plain.Bytes(), []byte("\x1b")) {
				t.Errorf("escape sequences without Color:\n%q", plain.String())
			}
			r := c.report()
			for _, f := range r.Findings {
				want := severityColor[f.Severity] + f.Severity.String() + ":" + ansiReset
				if !strings.Contains(color.String(), want) {
					t.Errorf("Color: no %q in\n%q", want, color.String())
				}
			}
			if len(r.Findings) > 0 && !strings.Contains(color.String(), ansiUnderline+"^") {
				t.Errorf("Color: underline not coloured in\n%q", color.String())
			}
			if len(r.Errors) > 0 && !strings.Contains(color.String(), ansiError+"error:"+ansiReset) {
				t.Errorf("Color: file errors not coloured in\n%q", color.String())
			}
			if len(r.Findings)+len(r.Errors) == 0 && color.String() != plain.String() {
				t.Errorf("Color changed a report with nothing to colour:\n%q\n%q", color.String(), plain.String())
			}
		})
	}
}

// Text from the input must never reach the terminal as control characters.
func TestTextEscapesControlCharacters(t *testing.T) {
	const tgt = "Red \x1b[31malert\x1b[0m\tnow\r"
	doc := &pipeline.Document{Path: "evil\x1b]0;title\x07.txt", Format: "text",
		Segments: []pipeline.Segment{{ID: "1", Target: tgt, TargetLoc: at(1, 1, 0)}}}
	sp := locate(tgt, "alert", 0)
	r := &Report{
		Documents: []*pipeline.Document{doc},
		Findings: []pipeline.Finding{{
			Check: "x", Severity: pipeline.Minor, Path: doc.Path, ID: "1", Span: sp, Text: tgt[sp.Start:sp.End],
			Message: "message with \x1b[2J and\nnewline", Fixes: []pipeline.Fix{{Message: "fix\x1b[K"}},
		}},
		Errors: []FileError{{Path: "bad\x1b.txt", Err: errors.New("line\x1bbreak")}},
	}
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		if err := WriteText(&b, r, TextOptions{Color: color}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if color {
			for _, sgr := range []string{ansiReset, ansiBold, ansiUnderline, ansiError, severityColor[pipeline.Minor]} {
				out = strings.ReplaceAll(out, sgr, "")
			}
		}
		for i, c := range []byte(out) {
			if c < 0x20 && c != '\n' || c == 0x7f {
				t.Fatalf("Color %v: control byte %#x at %d in\n%q", color, c, i, b.String())
			}
		}
		if strings.Count(out, "\n") != 6 { // error, finding, excerpt, underline, fix, summary
			t.Errorf("Color %v: a newline in a field split a line:\n%s", color, out)
		}
		if !strings.Contains(out, "Red ␛[31malert␛[0m now␍") {
			t.Errorf("Color %v: excerpt not shown with control pictures:\n%s", color, out)
		}
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("abcdefghij", 12) // 120 columns
	tests := []struct {
		name       string
		text       string
		start, end int
		want       string // the excerpt, "\n", the underline
	}{
		{"word", "one two three", 4, 7, "one two three\n    ^~~"},
		{"empty span", "one two", 3, 3, "one two\n   ^"},
		{"end of text", "one", 3, 3, "one\n   ^"},
		{"empty text", "", 0, 0, "\n^"},
		{"second line", "first\nsecond line", 13, 17, "second line\n       ^~~~"},
		{"span over a line break", "first\nsecond", 2, 9, "first\n  ^~~"},
		{"on the line break", "first\nsecond", 5, 6, "first\n     ^"},
		{"CRLF", "first\r\nsecond", 0, 5, "first\n^~~~~"},
		{"on the CR", "first\r\nsecond", 5, 7, "first\n     ^"},
		{"tab", "a\tb c", 2, 3, "a b c\n  ^"},
		{"control", "a\x00b", 2, 3, "a␀b\n  ^"},
		{"wide", "北约峰会在Brussels举行", 15, 23, "北约峰会在Brussels举行\n          ^~~~~~~~"},
		{"wide span", "在布鲁塞尔举行", 3, 15, "在布鲁塞尔举行\n  ^~~~~~~~"},
		{"fullwidth", "ＡＢC", 3, 6, "ＡＢC\n  ^~"},
		{"combining mark", "cafe\u0301 noir", 7, 11, "cafe\u0301 noir\n     ^~~~"},
		{"emoji", "ok 👍 yes", 8, 11, "ok 👍 yes\n      ^~~"},
		{"clip right", long, 2, 4, long[:80] + "…\n  ^~"},
		{"clip left", long, 116, 118, "…" + long[40:] + "\n" + strings.Repeat(" ", 77) + "^~"},
		{"clip both", long, 60, 62, "…" + long[21:101] + "…\n" + strings.Repeat(" ", 40) + "^~"},
		{"long span", long, 20, 120, "…" + long[10:90] + "…\n" + strings.Repeat(" ", 11) + "^" + strings.Repeat("~", 69)},
		{"clip wide", strings.Repeat("北约", 50), 60, 63, "…" + strings.Repeat("约北", 19) + "约…\n" + strings.Repeat(" ", 39) + "^~"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := makeExcerpt(tt.text, nil, tt.start, tt.end)
			got := ex.text + "\n" + strings.Repeat(" ", ex.pad) + "^" + strings.Repeat("~", ex.underline-1)
			if got != tt.want {
				t.Errorf("makeExcerpt(%q, %d, %d):\n%s\nwant\n%s", tt.text, tt.start, tt.end, got, tt.want)
			}
		})
	}
}

// TestExcerptCodes checks that inline codes show in excerpts by the labels
// of the HTML report, with the underline kept under the flagged text.
func TestExcerptCodes(t *testing.T) {
	code := func(start int, kind pipeline.CodeKind, typ string) pipeline.Code {
		return pipeline.Code{Span: pipeline.Span{Start: start, End: start + 3}, Kind: kind, Type: typ}
	}
	tests := []struct {
		name       string
		text       string
		codes      []pipeline.Code
		start, end int
		want       string // the excerpt, "\n", the underline
	}{
		{"pair and standalone", "Press \uFFFCSave\uFFFC now\uFFFC",
			[]pipeline.Code{code(6, pipeline.Open, "g"), code(13, pipeline.Close, "g"), code(20, pipeline.Standalone, "x")},
			9, 13, "Press ⟨g⟩Save⟨/g⟩ now⟨x/⟩\n         ^~~~"},
		{"span over a code", "a\uFFFCb", []pipeline.Code{code(1, pipeline.Standalone, "ph")}, 0, 5, "a⟨ph/⟩b\n^~~~~~~"},
		{"code without a type", "\uFFFCa", []pipeline.Code{code(0, pipeline.Open, "")}, 3, 4, "⟨code⟩a\n      ^"},
		{"control characters in a type", "\uFFFCa", []pipeline.Code{code(0, pipeline.Open, "x\x1b")}, 3, 4, "⟨x\u241b⟩a\n    ^"},
		{"code on the second line", "x\n\uFFFCy", []pipeline.Code{code(2, pipeline.Close, "g")}, 5, 6, "⟨/g⟩y\n    ^"},
		// the text "<b>" (written out, not a code) keeps its brackets
		{"text that looks like a code", "<b>\uFFFCa", []pipeline.Code{code(3, pipeline.Open, "b")}, 6, 7, "<b>⟨b⟩a\n      ^"},
		{"CodeRune without a code", "a\uFFFCb", nil, 4, 5, "a\uFFFCb\n  ^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := makeExcerpt(tt.text, tt.codes, tt.start, tt.end)
			got := ex.text + "\n" + strings.Repeat(" ", ex.pad) + "^" + strings.Repeat("~", ex.underline-1)
			if got != tt.want {
				t.Errorf("makeExcerpt(%q, %d, %d):\n%s\nwant\n%s", tt.text, tt.start, tt.end, got, tt.want)
			}
		})
	}
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		r    rune
		want int
	}{
		{'a', 1}, {'é', 1}, {'Ж', 1}, {'北', 2}, {'，', 2}, {'。', 2}, {'ア', 2}, {'ｱ', 1},
		{'한', 2}, {'Ａ', 2}, {'\u0301', 0}, {'\u200d', 0}, {'\u200f', 0}, {'👍', 2}, {'…', 1},
	}
	for _, tt := range tests {
		if got := displayWidth(tt.r); got != tt.want {
			t.Errorf("displayWidth(%U) = %d, want %d", tt.r, got, tt.want)
		}
	}
}

// FuzzExcerpt checks the excerpt of any span of any text: it never holds a
// control character, stays about excerptColumns wide, and when the line
// fits, its underline sits exactly under the flagged text.
func FuzzExcerpt(f *testing.F) {
	f.Add("北约峰会在Brussels举行,各国领导人出席。", 15, 23)
	f.Add("first\r\nsecond\tline", 3, 12)
	f.Add(strings.Repeat("北约 NATO ", 30), 100, 140)
	f.Add("cafe\u0301\x00", 0, 6)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		if !utf8.ValidString(text) {
			return
		}
		if len(text) > 0 {
			start = abs(start) % (len(text) + 1)
			end = start + abs(end)%(len(text)-start+1)
		} else {
			start, end = 0, 0
		}
		if !(pipeline.Span{Start: start, End: end}).Valid(text) {
			return
		}
		ex := makeExcerpt(text, nil, start, end)
		for _, r := range ex.text {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 {
				t.Fatalf("control character %U in excerpt %q", r, ex.text)
			}
		}
		w := textWidth(ex.text)
		if w > excerptColumns+2 {
			t.Fatalf("excerpt %q is %d columns wide", ex.text, w)
		}
		if ex.underline < 1 || ex.pad < 0 || ex.pad+ex.underline > max(w, ex.pad+1) {
			t.Fatalf("underline %d+%d outside excerpt %q of %d columns", ex.pad, ex.underline, ex.text, w)
		}
		ls, le := lineOf(text, start)
		line := text[ls:le]
		if textWidth(sanitize(line)) > excerptColumns {
			if !strings.Contains(ex.text, ellipsis) {
				t.Fatalf("line %q is too long but was not clipped: %q", line, ex.text)
			}
			return
		}
		if ex.text != sanitize(line) {
			t.Fatalf("excerpt %q, want the line %q", ex.text, sanitize(line))
		}
		if col := textWidth(sanitize(text[ls:min(start, le)])); col != ex.pad {
			t.Fatalf("underline starts at column %d, the span at %d: %q", ex.pad, col, line)
		}
		if e := min(end, le); e > start {
			if span := textWidth(sanitize(text[start:e])); span > 0 && span != ex.underline {
				t.Fatalf("underline %d columns, span %q %d", ex.underline, text[start:e], span)
			}
		}
	})
}

func textWidth(s string) int {
	w := 0
	for _, r := range s {
		_, n := visible(r)
		w += n
	}
	return w
}

func abs(i int) int {
	if i < 0 {
		if i == -i { // math.MinInt
			return 0
		}
		return -i
	}
	return i
}

func TestSummary(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, severitiesReport(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	// The run's line, then one line per file with findings.
	got := lines[len(lines)-3]
	if perFile := lines[len(lines)-2:]; perFile[0] != "  nato/summit.xlf: 5 findings, 18 words; MQM penalty 31.10, 1727.78 per 1,000 words" ||
		perFile[1] != "  notes/readme.md: 1 finding, 9 words; MQM penalty 1.00, 111.11 per 1,000 words" {
		t.Errorf("per-file lines:\n%s", strings.Join(perFile, "\n"))
	}
	// 1 critical (25) + 1 major (5) + 2 minor (1 each) + 1 minor punctuation
	// (0.1) + 1 neutral (0) = 32.1 over the words of the two documents.
	words := 0
	for _, d := range severitiesReport().Documents {
		words += pipeline.DocumentWords(d)
	}
	want := "6 findings (1 critical, 1 major, 3 minor, 1 neutral) in 2 files, 4 segments, " +
		plural(words, "word", "words") + "; MQM penalty 32.10, " + formatScore(32.1*1000/float64(words)) + " per 1,000 words"
	if got != want {
		t.Errorf("summary\n%s\nwant\n%s", got, want)
	}
}

func TestRound2(t *testing.T) {
	tests := []struct{ in, want float64 }{
		{0, 0}, {0.1, 0.1}, {0.125, 0.13}, {1188.8888, 1188.89}, {857.142857, 857.14}, {2.675, 2.68},
	}
	for _, tt := range tests {
		if got := round2(tt.in); got != tt.want {
			t.Errorf("round2(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := formatScore(0.125); got != "0.13" {
		t.Errorf("formatScore(0.125) = %s, want 0.13 as in JSON", got)
	}
}

// A reader that records no position gives line 0: the text format leaves
// it out, and the JSON report keeps the zeros the schema allows.
func TestNoPosition(t *testing.T) {
	r := &Report{
		Documents: []*pipeline.Document{{Path: "a.txt", Segments: []pipeline.Segment{{ID: "1", Target: "one two"}}}},
		Findings:  []pipeline.Finding{{Check: "c", Severity: pipeline.Minor, Span: pipeline.Span{Start: 4, End: 7}, Message: "m"}},
	}
	var b bytes.Buffer
	if err := WriteText(&b, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(b.String(), "\n"); first != "a.txt: minor: c: m" {
		t.Errorf("first line %q", first)
	}
	b.Reset()
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	if err := validate(compileSchema(t), b.Bytes()); err != nil {
		t.Errorf("report without positions: %v", err)
	}
	jr, err := ReadJSON(&b)
	if err != nil {
		t.Fatal(err)
	}
	if f := jr.Findings[0]; f.Line != 0 || f.Column != 0 || f.EndLine != 0 || f.EndColumn != 0 || f.Text != "two" {
		t.Errorf("finding %+v", f)
	}
}
