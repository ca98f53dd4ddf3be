package reports

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

func TestGoldenMarkdown(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			var first, second bytes.Buffer
			if err := WriteMarkdown(&first, c.report()); err != nil {
				t.Fatal(err)
			}
			if err := WriteMarkdown(&second, c.report()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Error("two writes of the same report differ")
			}
			checkGolden(t, c.name+".md", first.Bytes())
		})
	}
}

func TestMarkdownEscaping(t *testing.T) {
	for _, tt := range []struct{ in, text, code string }{
		{"plain words", "plain words", "`plain words`"},
		{"a|b", `a\|b`, "`a\\|b`"},
		{"<script>*x*</script>", `\<script\>\*x\*\</script\>`, "`<script>*x*</script>`"},
		{"use `x`", "use \\`x\\`", "`` use `x` ``"},
		{"line\nbreak", "line␊break", "`line␊break`"},
		{"&amp;", `\&amp;`, "`&amp;`"},
	} {
		if got := mdText(tt.in); got != tt.text {
			t.Errorf("mdText(%q) = %q, want %q", tt.in, got, tt.text)
		}
		if got := mdCode(tt.in); got != tt.code {
			t.Errorf("mdCode(%q) = %q, want %q", tt.in, got, tt.code)
		}
	}
}

// TestMarkdownTables: every table row has as many cells as its header,
// whatever the text holds.
func TestMarkdownTables(t *testing.T) {
	b := newBuilder()
	const tgt = "a | b ` c \n d"
	d := b.doc(&pipeline.Document{Path: "p|q.md", Format: "markdown", TargetLang: en,
		Segments: []pipeline.Segment{{ID: "1", Target: tgt, TargetLoc: at(1, 1, 0)}}})
	b.add(d, 0, finding{check: "c", category: pipeline.CategoryWhitespace, severity: pipeline.Minor,
		sub: tgt, message: "x | y\nz", fixes: []pipeline.Fix{replace("do | this", tgt, "a", 0, "b")}})
	var out bytes.Buffer
	if err := WriteMarkdown(&out, b.report()); err != nil {
		t.Fatal(err)
	}
	cells := func(row string) int { return strings.Count(strings.ReplaceAll(row, `\|`, ""), "|") }
	want := 0
	for _, line := range strings.Split(out.String(), "\n") {
		if !strings.HasPrefix(line, "|") {
			want = 0
			continue
		}
		if want == 0 {
			want = cells(line)
			continue
		}
		if got := cells(line); got != want {
			t.Errorf("row with %d cell borders, header has %d: %s", got, want, line)
		}
	}
}

func BenchmarkWriteMarkdown(b *testing.B) {
	r, size := benchReport(10000)
	b.SetBytes(int64(size))
	for b.Loop() {
		if err := WriteMarkdown(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMarkdownProposals: proposed retranslations are listed with their
// status, a word-level diff and the reasons of rejected ones.
func TestMarkdownProposals(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, htmlProposalsReport()); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "proposals.md", b.Bytes())
	if !strings.Contains(b.String(), "#### Proposed retranslations:") {
		t.Errorf("no proposals section:\n%s", b.String())
	}
}

func TestMDDiff(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"US is酝酿 Leaving NATO", "US is mulling leaving NATO", "US is~~酝酿 Leaving~~ **mulling leaving** NATO"},
		{"same text", "same text", "same text"},
		{"a | b", "a * b", "a ~~\\|~~**\\*** b"},
	}
	for _, tt := range tests {
		if got := mdDiff(tt.a, tt.b); got != tt.want {
			t.Errorf("mdDiff(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}
