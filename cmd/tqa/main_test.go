package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/internal/golden"
)

// tqa runs the command in-process from the repository root and returns
// its exit code, stdout and stderr.
func tqa(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func chdirRoot(t *testing.T) {
	t.Helper()
	t.Chdir(filepath.Join("..", ".."))
}

// TestSamplesJSON checks the demo corpus against the committed JSON report,
// byte for byte, on two runs.
func TestSamplesJSON(t *testing.T) {
	chdirRoot(t)
	goldenFile := filepath.Join("cmd", "tqa", "testdata", "samples.json")
	code, out, stderr := tqa(t, "check", "--format", "json", "corpus/samples")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr: %s", code, exitFindings, stderr)
	}
	_, again, _ := tqa(t, "check", "--format", "json", "corpus/samples")
	if out != again {
		t.Fatal("two runs gave different JSON")
	}
	golden.Check(t, goldenFile, []byte(out))
}

// sampleFinding is the part of a JSON finding the demo expectations use.
type sampleFinding struct {
	Check, Category, Severity, Path, Side, Text, Message string
	Line, Column, Start, End                             int
	Suggestions                                          []struct{ Message string }
}

// TestSamplesFindings states what the demo must report, independently of
// the golden file.
func TestSamplesFindings(t *testing.T) {
	chdirRoot(t)
	_, out, _ := tqa(t, "check", "--format", "json", "corpus/samples")
	var rep struct{ Findings []sampleFinding }
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	const a000, a001 = "corpus/samples/000_0c19f8692f25b57c.txt", "corpus/samples/001_b2d8e521503d7cce.txt"
	count := func(pred func(f sampleFinding) bool) int {
		n := 0
		for _, f := range rep.Findings {
			if pred(f) {
				n++
			}
		}
		return n
	}
	// 酝酿 on line 1 of the 001 article: the exact span, the missing space noted.
	if n := count(func(f sampleFinding) bool {
		return f.Path == a001 && f.Check == "mixed-script" && f.Category == "accuracy/untranslated" &&
			f.Text == "酝酿" && f.Line == 1 && f.Column == 6 && f.Start == 5 && f.End == 11 &&
			f.Severity == "critical" && strings.Contains(f.Message, "space")
	}); n != 1 {
		t.Errorf("want one critical mixed-script finding on 酝酿 at 001:1:6 noting the missing space, got %d", n)
	}
	// "Article V" with the suggestion "Article 5".
	if n := count(func(f sampleFinding) bool {
		return f.Path == a001 && f.Check == "term-deprecated" && f.Text == "Article V" &&
			len(f.Suggestions) > 0 && strings.Contains(f.Suggestions[0].Message, "Article 5")
	}); n != 1 {
		t.Errorf("want one term-deprecated finding on Article V suggesting Article 5, got %d", n)
	}
	// Both "~" dashes of the 000 article.
	if n := count(func(f sampleFinding) bool {
		return f.Path == a000 && f.Check == "dash-substitute" && f.Text == "~"
	}); n != 3 {
		// The article has three tildes used as dashes: two around
		// "strategic lift, intelligence, advanced weapons systems" and one
		// before "less certain".
		t.Errorf("want 3 dash-substitute findings in the 000 article, got %d", n)
	}
	// "defense" under the nato profile.
	if n := count(func(f sampleFinding) bool {
		return f.Path == a001 && f.Check == "spelling-profile" && f.Text == "defense"
	}); n == 0 {
		t.Error("want spelling-profile findings on defense in the 001 article")
	}
	// "Department of Defense" is a proper name.
	if n := count(func(f sampleFinding) bool {
		return f.Check == "spelling-profile" && f.Text == "Defense"
	}); n != 0 {
		t.Errorf("Department of Defense flagged %d times", n)
	}
	// No untranslated text anywhere in the 000 article.
	if n := count(func(f sampleFinding) bool {
		return f.Path == a000 && f.Category == "accuracy/untranslated"
	}); n != 0 {
		t.Errorf("%d accuracy/untranslated findings in the 000 article, want none", n)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.txt")
	leak := filepath.Join(dir, "leak.txt")
	bad := filepath.Join(dir, "bad.txt")
	mustWrite(t, clean, "The alliance met in Brussels.\n")
	mustWrite(t, leak, "The alliance met in 布鲁塞尔 today.\n")
	mustWrite(t, bad, "Fine line.\nBroken \xff byte.\n")
	runCases(t, []cliCase{
		{"clean", []string{"check", clean}, 0, "no findings", "", ""},
		{"leak fails at major", []string{"check", leak}, 1, "mixed-script", "", ""},
		{"leak passes at critical", []string{"check", "--fail-on", "critical", leak}, 0, "mixed-script", "", ""},
		{"never", []string{"check", "--fail-on", "never", leak}, 0, "", "", ""},
		{"bad fail-on", []string{"check", "--fail-on", "severe", clean}, 2, "", "--fail-on", ""},
		{"bad format", []string{"check", "--format", "xml", clean}, 2, "", "--format", ""},
		{"bad lang", []string{"check", "--target-lang", "english!", clean}, 2, "", "--target-lang", ""},
		{"bad spelling", []string{"check", "--spelling", "en-AU", clean}, 2, "", "--spelling", ""},
		{"unknown check", []string{"check", "--disable", "no-such-check", clean}, 2, "", "no-such-check", ""},
		{"no args", []string{"check"}, 2, "", "", ""},
		{"missing file", []string{"check", filepath.Join(dir, "nope.txt"), leak}, 2, "mixed-script", "nope.txt", ""},
		{"invalid utf-8 names line and column, others still reported", []string{"check", bad, leak}, 2, "mixed-script", "bad.txt: line 2, column 8", ""},
		{"disable", []string{"check", "--disable", "mixed-script", leak}, 0, "", "", "mixed-script"},
		{"missing glossary", []string{"check", "--glossary", filepath.Join(dir, "none.tbx"), clean}, 2, "", "none.tbx", ""},
	})
}

// cliCase is one scripted run of tqa: the arguments, the exit code, text
// that stdout and stderr must contain, and text stdout must not contain.
type cliCase struct {
	name      string
	args      []string
	code      int
	stdout    string
	stderr    string
	notStdout string
}

func runCases(t *testing.T, cases []cliCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := tqa(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errs)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, out)
			}
			if !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errs)
			}
			if tt.notStdout != "" && strings.Contains(out, tt.notStdout) {
				t.Errorf("stdout has %q:\n%s", tt.notStdout, out)
			}
		})
	}
}

func TestGlossaryCommands(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	dup := filepath.Join(dir, "dup.csv")
	broken := filepath.Join(dir, "broken.tbx")
	mustWrite(t, good, "concept,lang,term,status\nmbt,en,main battle tank,preferred\nmbt,en,heavy tank,deprecated\n")
	mustWrite(t, dup, "concept,lang,term,status\na,en,tank,preferred\nb,en,tank,preferred\n")
	mustWrite(t, broken, "<martif><text><body><termEntry id=\"x\"><langSet xml:lang=\"en\"><tig><term>x</term></tig>\n</body>")
	runCases(t, []cliCase{
		{"lookup builtin", []string{"glossary", "lookup", "Article V"}, 0, "Article 5", "", ""},
		{"lookup chinese", []string{"glossary", "lookup", "北约"}, 0, "North Atlantic Treaty Organization", "", ""},
		{"lookup user", []string{"glossary", "lookup", "--glossary", good, "--no-builtin-glossary", "heavy tank"}, 0, "main battle tank", "", ""},
		{"lookup none", []string{"glossary", "lookup", "no such term at all"}, 1, "", "no concept", ""},
		{"validate good", []string{"glossary", "validate", good}, 0, "1 concepts, 2 terms: ok", "", ""},
		{"validate dup", []string{"glossary", "validate", dup}, 1, "problems", "", ""},
		{"validate broken", []string{"glossary", "validate", broken}, 2, "", "broken.tbx", ""},
	})
}

func TestChecksCommand(t *testing.T) {
	code, out, _ := tqa(t, "checks")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, name := range []string{"mixed-script", "cjk-punctuation", "dash-substitute", "term-deprecated", "term-consistency", "spelling-profile"} {
		if !strings.Contains(out, name) {
			t.Errorf("tqa checks does not list %s", name)
		}
	}
}

func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
