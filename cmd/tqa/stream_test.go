package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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
