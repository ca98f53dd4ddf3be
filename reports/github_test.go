package reports

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

func TestGoldenGitHub(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			var first, second bytes.Buffer
			if err := WriteGitHub(&first, c.report(), Options{}); err != nil {
				t.Fatal(err)
			}
			if err := WriteGitHub(&second, c.report(), Options{}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Error("two writes of the same report differ")
			}
			checkGolden(t, c.name+".github.txt", first.Bytes())
		})
	}
}

// ghLine is a workflow command with a file position, as GitHub parses it.
var ghLine = regexp.MustCompile(`^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]+)::(.*)$`)

func TestGitHubCommands(t *testing.T) {
	var b bytes.Buffer
	if err := WriteGitHub(&b, severitiesReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	var levels []string
	for _, line := range strings.Split(b.String(), "\n") {
		if !strings.HasPrefix(line, "::") {
			continue
		}
		m := ghLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("command without file, line and column: %s", line)
			continue
		}
		levels = append(levels, m[1])
	}
	// Most severe first: critical, major (errors), three minor, one neutral.
	if got := strings.Join(levels, " "); got != "error error warning warning warning notice" {
		t.Errorf("levels in order: %s", got)
	}
	first := strings.SplitN(b.String(), "\n", 2)[0]
	if want := "::error file=nato/summit.xlf,line=10,col=15,endLine=10,endColumn=44,title=untranslated (critical)::The heading is identical to its English source%0A“Allied Command Transformation”"; first != want {
		t.Errorf("first line\n got %s\nwant %s", first, want)
	}
}

func TestGitHubEscaping(t *testing.T) {
	for _, tt := range []struct{ in, data, prop string }{
		{"50% done", "50%25 done", "50%25 done"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"x: y, z", "x: y, z", "x%3A y%2C z"},
		{"%0A", "%250A", "%250A"},
	} {
		if got := ghData(tt.in); got != tt.data {
			t.Errorf("ghData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := ghProperty(tt.in); got != tt.prop {
			t.Errorf("ghProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
	// A hostile path and message cannot start a command of their own.
	b := newBuilder()
	const tgt = "one\n::error::injected"
	d := b.doc(&pipeline.Document{Path: "a,b:c%.txt", Format: "text", TargetLang: en,
		Segments: []pipeline.Segment{{ID: "1", Target: tgt, TargetLoc: at(1, 1, 0)}}})
	b.add(d, 0, finding{check: "c", category: pipeline.CategoryWhitespace, severity: pipeline.Minor,
		sub: tgt, message: "m\n::warning::x"})
	var out bytes.Buffer
	if err := WriteGitHub(&out, b.report(), Options{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	commands := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "::") {
			commands++
		}
	}
	if commands != 1 || !strings.HasPrefix(lines[0], "::warning file=a%2Cb%3Ac%25.txt,line=1,col=1,endLine=2,endColumn=18,") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestGitHubStepSummary(t *testing.T) {
	var out, summary, md bytes.Buffer
	if err := WriteGitHub(&out, cjkReport(), Options{StepSummary: &summary}); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&md, cjkReport()); err != nil {
		t.Fatal(err)
	}
	if summary.Len() == 0 || !bytes.Equal(summary.Bytes(), md.Bytes()) {
		t.Errorf("step summary is not the Markdown report:\n%s", summary.String())
	}
	if strings.Contains(out.String(), "###") {
		t.Error("Markdown on stdout")
	}
}

func TestGitHubManyAnnotations(t *testing.T) {
	r, _ := benchReport(12)
	var b bytes.Buffer
	if err := WriteGitHub(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "GitHub shows the first 10 of 12 warning annotations") {
		t.Errorf("no note on the annotation limit:\n%s", b.String())
	}
}

func BenchmarkWriteGitHub(b *testing.B) {
	r, size := benchReport(10000)
	b.SetBytes(int64(size))
	for b.Loop() {
		if err := WriteGitHub(io.Discard, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestStepSummaryBudget(t *testing.T) {
	r, _ := benchReport(200)
	var full, cut bytes.Buffer
	if err := writeStepSummary(&full, r, 1<<30); err != nil {
		t.Fatal(err)
	}
	const budget = 4000
	if err := writeStepSummary(&cut, r, budget); err != nil {
		t.Fatal(err)
	}
	if full.Len() <= budget {
		t.Fatalf("the full summary (%d bytes) fits the budget: the test needs more findings", full.Len())
	}
	if cut.Len() > budget || !strings.HasSuffix(cut.String(), "every finding.*\n") {
		t.Errorf("cut summary of %d bytes ends %q", cut.Len(), cut.String()[max(0, cut.Len()-80):])
	}
	body := strings.TrimSuffix(cut.String(), "\n*The report is cut here: a GitHub job summary holds at most 1 MiB. The log and the other reports have every finding.*\n")
	if !strings.HasPrefix(full.String(), body) || !strings.HasSuffix(body, "|\n") {
		t.Error("the cut summary is not a prefix of whole lines of the full one")
	}
}
