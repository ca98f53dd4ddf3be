package main

import (
	"encoding/json"
	"fmt"
	"testing"
)

// TestFormatsDirectory runs one check over a directory holding one file of
// each input format, each with the headline "US is酝酿 Leaving NATO" against
// the source 美国酝酿退出北约 and a number changed in translation (200 ->
// 300), and states where every format must report them: the segment ID and
// the line of the target in that file.
func TestFormatsDirectory(t *testing.T) {
	chdirRoot(t)
	code, out, stderr := tqa(t, "check", "--format", "json", "cmd/tqa/testdata/formats")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr: %s", code, exitFindings, stderr)
	}
	var rep struct {
		Findings []struct {
			Check, Path, Segment, Side, Text string
			Line, Column                     int
		}
		Errors []any
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) > 0 {
		t.Errorf("errors: %v", rep.Errors)
	}
	type want struct {
		file, check, segment, side, text string
		line, column                     int
	}
	const dir = "cmd/tqa/testdata/formats/"
	var wants []want
	for _, f := range []struct {
		file, title, staff   string
		titleLine, staffLine int
		titleCol             int
	}{
		{"units.xlf", "title", "staff", 7, 11, 41},
		{"units2.xlf", "title/1", "staff/1", 7, 13, 22},
		{"memory.tmx", "title", "staff", 7, 11, 36},
		{"messages.po", "po:1f009e954b0a", "po:057e42a72467", 9, 12, 14},
		{"sheet.tsv", "title", "staff", 2, 3, 21},
		{"segments.jsonl", "title", "staff", 1, 2, 55},
		{"news.en.txt", "1", "2", 1, 3, 6},
		{"legacy.en.txt", "1", "2", 1, 3, 6}, // the GB18030 pair
	} {
		wants = append(wants,
			want{f.file, "source-copied-fragment", f.title, "target", "酝酿", f.titleLine, f.titleCol},
			want{f.file, "numbers", f.staff, "target", "300", f.staffLine, 0})
	}
	wants = append(wants,
		want{"units.xlf", "inline-tags", "speech", "source", "\uFFFC", 14, 17},
		want{"units2.xlf", "inline-tags", "speech/1", "source", "\uFFFC", 18, 17},
		want{"memory.tmx", "inline-tags", "speech", "source", "\uFFFC", 14, 34},
		want{"messages.po", "placeholders", "po:88f2af41cfee", "source", "%d", 14, 11},
	)
	for _, w := range wants {
		t.Run(fmt.Sprintf("%s/%s/%s", w.file, w.check, w.segment), func(t *testing.T) {
			for _, f := range rep.Findings {
				if f.Path == dir+w.file && f.Check == w.check && f.Segment == w.segment &&
					f.Side == w.side && f.Text == w.text && f.Line == w.line && (w.column == 0 || f.Column == w.column) {
					return
				}
			}
			t.Errorf("no %s finding on %q in segment %s of %s at line %d", w.check, w.text, w.segment, w.file, w.line)
		})
	}
}
