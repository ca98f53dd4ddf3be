package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copySamples copies corpus/samples into a new temporary directory and
// returns the copy's path.
func copySamples(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "samples")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "corpus", "samples"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBaseline: a baseline written from the demo corpus silences it, and
// a new leak added to one file is the one finding reported.
func TestBaseline(t *testing.T) {
	samples := copySamples(t)
	base := filepath.Join(filepath.Dir(samples), "baseline.json")

	code, out, errs := tqa(t, "baseline", "update", "--baseline", base, samples)
	if code != 0 {
		t.Fatalf("baseline update: exit %d\nstdout: %s\nstderr: %s", code, out, errs)
	}
	if out != "" || !strings.Contains(errs, "findings recorded") {
		t.Errorf("baseline update: stdout %q, stderr %q", out, errs)
	}
	var b struct {
		Schema   string
		Findings []struct{ Check, Path, Segment, Side, Text string }
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	_, full, _ := tqa(t, "check", "--format", "json", samples)
	var all struct{ Findings []json.RawMessage }
	if err := json.Unmarshal([]byte(full), &all); err != nil {
		t.Fatal(err)
	}
	if b.Schema != "tqa.baseline/v1" || len(b.Findings) != len(all.Findings) || len(b.Findings) == 0 {
		t.Fatalf("baseline has schema %q and %d findings; the run reports %d", b.Schema, len(b.Findings), len(all.Findings))
	}
	if p := b.Findings[0].Path; !strings.HasPrefix(p, "samples/") {
		t.Errorf("baseline path %q is not relative to the baseline file", p)
	}

	// The unchanged corpus passes, and stderr says how much was held back.
	code, out, errs = tqa(t, "check", "--baseline", base, samples)
	if code != 0 {
		t.Fatalf("check --baseline on the unchanged corpus: exit %d\n%s%s", code, out, errs)
	}
	if want := fmt.Sprintf("tqa: %d findings suppressed by the baseline", len(b.Findings)); !strings.Contains(out, "no findings") || !strings.Contains(errs, want) {
		t.Errorf("stdout %q, stderr %q", out, errs)
	}

	// A new leak in one file: exit 1, and it is the only finding.
	article := filepath.Join(samples, "000_0c19f8692f25b57c.txt")
	text, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(text), "\n")
	mustWrite(t, article, first+" 北约\n"+rest)
	code, out, errs = tqa(t, "check", "--format", "json", "--baseline", base, samples)
	if code != exitFindings {
		t.Fatalf("check --baseline with a new leak: exit %d\n%s%s", code, out, errs)
	}
	var rep struct{ Findings []sampleFinding }
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].Text != "北约" || rep.Findings[0].Check != "mixed-script" ||
		!strings.HasSuffix(rep.Findings[0].Path, "000_0c19f8692f25b57c.txt") {
		t.Errorf("want the one new 北约 finding, got %+v", rep.Findings)
	}
	// Every old finding is still there, and held back.
	if want := fmt.Sprintf("tqa: %d findings suppressed by the baseline", len(b.Findings)); !strings.Contains(errs, want) {
		t.Errorf("stderr %q lacks %q", errs, want)
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	leak := filepath.Join(dir, "leak.txt")
	mustWrite(t, leak, "The alliance met in 布鲁塞尔 today.\n")
	broken := filepath.Join(dir, "broken.json")
	mustWrite(t, broken, "{\"schema\": \"tqa.baseline/v1\",\n \"findings\": [}\n")
	base := filepath.Join(dir, "new.json")
	runCases(t, []cliCase{
		{"update needs --baseline", []string{"baseline", "update", leak}, 2, "", "--baseline FILE is required", ""},
		{"no baseline written when an input is missing", []string{"baseline", "update", "--baseline", base, leak, filepath.Join(dir, "none.txt")}, 2, "", "not written", ""},
		{"missing baseline", []string{"check", "--baseline", filepath.Join(dir, "none.json"), leak}, 2, "", "none.json", ""},
		{"broken baseline names line and column", []string{"check", "--baseline", broken, leak}, 2, "", "broken.json:2:15: invalid character '}'", ""},
	})
	if _, err := os.Stat(base); err == nil {
		t.Error("a baseline was written although an input could not be read")
	}
}
