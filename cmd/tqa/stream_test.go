package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestStreamStdin: tqa check --format jsonl - reads segments from stdin
// and writes one finding a line, with lines of the whole input, across
// the parts it is checked in.
func TestStreamStdin(t *testing.T) {
	var in strings.Builder
	for i := 1; i <= 2*streamParts+5; i++ {
		target := "Allies consult one another."
		if i == 3 || i == streamParts+7 {
			target = "US is酝酿 Leaving NATO"
		}
		fmt.Fprintf(&in, "{\"id\": \"s%d\", \"source\": \"美国酝酿退出北约\", \"target\": %q}\n", i, target)
	}
	var out, errb bytes.Buffer
	code := runIn([]string{"check", "--format", "jsonl", "--enable", "mixed-script,source-copied-fragment", "-"}, strings.NewReader(in.String()), &out, &errb)
	if code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr: %s", code, exitFindings, errb.String())
	}
	var lines []string
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var f struct {
			Check, Path, Segment, Text string
			Line                       int
		}
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		lines = append(lines, fmt.Sprintf("%s %s %s %d %s", f.Path, f.Segment, f.Check, f.Line, f.Text))
	}
	want := []string{
		"- s3 source-copied-fragment 3 酝酿",
		fmt.Sprintf("- s%d source-copied-fragment %d 酝酿", streamParts+7, streamParts+7),
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestStreamErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	if err := os.WriteFile(good, []byte(`{"id": "a", "target": "US is酝酿 Leaving NATO"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	// A malformed stdin is reported with its line and column; the file
	// after it is still checked.
	code := runIn([]string{"check", "--format", "jsonl", "-", good}, strings.NewReader("{\"target\": \"x\"}\n{\"target\": \n"), &out, &errb)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	if !strings.Contains(errb.String(), "read -: line 2, column 13: invalid JSON") {
		t.Errorf("stderr: %s", errb.String())
	}
	if !strings.Contains(out.String(), `"segment":"a"`) {
		t.Errorf("the good file was not reported: %s", out.String())
	}
	out.Reset()
	errb.Reset()
	if code := runIn([]string{"check", "--format", "json", "-"}, strings.NewReader(""), &out, &errb); code != exitError || !strings.Contains(errb.String(), "needs --format jsonl") {
		t.Errorf("stdin with --format json: exit %d, stderr %s", code, errb.String())
	}
}

// TestStreamBaseline: with --format jsonl a baseline applies part by part
// to a streamed JSON Lines file; a finding it holds is dropped and counted
// on stderr, a new one is reported, and the exit code gates the new ones
// only.
func TestStreamBaseline(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	mustWrite(t, "pairs.jsonl", `{"id":"1","source":"美国酝酿退出北约","target":"US is 酝酿 leaving NATO"}`+"\n")
	runCases(t, []cliCase{
		{"record", []string{"baseline", "update", "--baseline", "accepted.json", "pairs.jsonl"}, 0, "", "recorded", ""},
		{"all accepted", []string{"check", "--format", "jsonl", "--baseline", "accepted.json", "pairs.jsonl"}, 0, "", "suppressed by the baseline accepted.json", `"check"`},
	})
	mustWrite(t, "pairs.jsonl", `{"id":"1","source":"美国酝酿退出北约","target":"US is 酝酿 leaving NATO"}`+"\n"+
		`{"id":"2","source":"北约峰会","target":"The 北约 summit"}`+"\n")
	code, out, errs := tqa(t, "check", "--format", "jsonl", "--baseline", "accepted.json", "pairs.jsonl")
	if code != 1 {
		t.Errorf("exit %d, want 1 for the new finding\nstdout: %s\nstderr: %s", code, out, errs)
	}
	if strings.Contains(out, `"segment":"1"`) || !strings.Contains(out, `"segment":"2"`) {
		t.Errorf("want findings of segment 2 only:\n%s", out)
	}
	if !strings.Contains(errs, "suppressed by the baseline") {
		t.Errorf("stderr does not count the suppressed findings:\n%s", errs)
	}
}

// crossSegmentChecks compare the segments of a document with each other
// (term-consistency) or measure each against the document's level
// (length-ratio, length-outlier): streamed, they see one part at a time.
var crossSegmentChecks = []string{"term-consistency", "length-ratio", "length-outlier"}

// TestStreamMatchesWhole: streamed in parts of any size, PO, TSV and
// plain-text files give the findings (positions included) that reading
// them whole gives, but for those of the checks that compare segments.
func TestStreamMatchesWhole(t *testing.T) {
	// sheet.csv is sheet.tsv as CSV, with a quoted field that holds a
	// line break and a comma.
	sheet, err := os.ReadFile("testdata/formats/sheet.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var csvData bytes.Buffer
	w := csv.NewWriter(&csvData)
	for _, line := range strings.Split(strings.TrimSpace(string(sheet)), "\n") {
		if err := w.Write(strings.Split(line, "\t")); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Write([]string{"wrapped", "北约，美国", "NATO, the\nUS is酝酿"}); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	sheetCSV := filepath.Join(t.TempDir(), "sheet.csv")
	if err := os.WriteFile(sheetCSV, csvData.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := [][]string{
		{"testdata/formats/messages.po"}, {"testdata/formats/sheet.tsv"}, {sheetCSV}, {"testdata/formats/news.en.txt"}, {"../../corpus/testdata/po/zh-en.po"},
		// an aligned pair is read whole, streamed or not
		{"testdata/formats/news.zh.txt", "testdata/formats/news.en.txt"},
	}
	run := func(parts int, stream bool, files []string) []string {
		t.Helper()
		saved, savedFormats := streamParts, streamFormats
		defer func() { streamParts, streamFormats = saved, savedFormats }()
		streamParts = parts
		if !stream {
			streamFormats = map[string]bool{"jsonl": true}
		}
		var out, errb bytes.Buffer
		code := runIn(append([]string{"check", "--format", "jsonl", "--fail-on", "never"}, files...), strings.NewReader(""), &out, &errb)
		if code != 0 {
			t.Fatalf("%s: exit %d; stderr: %s", files, code, errb.String())
		}
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var f struct{ Check string }
			if err := json.Unmarshal([]byte(l), &f); err != nil {
				t.Fatalf("line %q: %v", l, err)
			}
			if !slices.Contains(crossSegmentChecks, f.Check) {
				lines = append(lines, l)
			}
		}
		slices.Sort(lines)
		return lines
	}
	for _, files := range inputs {
		whole := run(streamParts, false, files)
		if len(whole) == 0 {
			t.Fatalf("%s: no findings", files)
		}
		for _, parts := range []int{1, 2, 3, 7, 1000} {
			if got := run(parts, true, files); !slices.Equal(got, whole) {
				t.Errorf("%s in parts of %d:\n%s\nwant (whole):\n%s", files, parts, strings.Join(got, "\n"), strings.Join(whole, "\n"))
			}
		}
	}
}

// TestStreamBadMessage: a malformed PO message in the third part is
// reported with its line, after the findings of the parts before it.
func TestStreamBadMessage(t *testing.T) {
	saved := streamParts
	defer func() { streamParts = saved }()
	streamParts = 2
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.po")
	var po strings.Builder
	for i := 1; i <= 4; i++ {
		fmt.Fprintf(&po, "msgid \"美国酝酿退出北约 %d\"\nmsgstr \"US is酝酿 Leaving NATO %d\"\n\n", i, i)
	}
	po.WriteString("msgid \"北约\"\nmsgstr[0] \"NATO\"\n\nmsgid \"美国酝酿退出北约 6\"\nmsgstr \"US is酝酿 Leaving NATO 6\"\n")
	if err := os.WriteFile(path, []byte(po.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := runIn([]string{"check", "--format", "jsonl", "--enable", "source-copied-fragment", path}, strings.NewReader(""), &out, &errb)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	if want := "bad.po: line 14, column 1: msgstr[0] without msgid_plural"; !strings.Contains(errb.String(), want) {
		t.Errorf("stderr %q does not say %q", errb.String(), want)
	}
	var lines []int
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var f struct{ Line int }
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		lines = append(lines, f.Line)
	}
	if !slices.Equal(lines, []int{2, 5, 8, 11}) {
		t.Errorf("findings on lines %v, want 2, 5, 8, 11 (the parts before the bad message)", lines)
	}
}
