package reports

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// fuzzReport builds a report of one document holding target, with one
// finding on the bytes [a, b) of it (moved to character boundaries) that
// carries message and a fix inserting fix. Invalid UTF-8 is replaced, as
// the corpus readers do.
func fuzzReport(path, target, message, fix string, a, b uint16) *Report {
	path = strings.ToValidUTF8(path, "\uFFFD")
	target = strings.ToValidUTF8(target, "\uFFFD")
	start, end := min(int(a), len(target)), min(int(b), len(target))
	if start > end {
		start, end = end, start
	}
	for start > 0 && start < len(target) && !utf8.RuneStart(target[start]) {
		start--
	}
	for end < len(target) && !utf8.RuneStart(target[end]) {
		end++
	}
	sp := pipeline.Span{Start: start, End: end}
	bl := newBuilder()
	d := bl.doc(&pipeline.Document{Path: path, Format: "text", TargetLang: en,
		Segments: []pipeline.Segment{{ID: "1", Target: target, TargetLoc: at(1, 1, 0)}}})
	bl.r.Findings = append(bl.r.Findings, pipeline.Finding{
		Check: "fuzz", Category: pipeline.CategoryWhitespace, Severity: pipeline.Minor,
		Doc: d, Path: path, Segment: 0, ID: "1", Side: pipeline.Target, Span: sp,
		Text: target[start:end], Message: strings.ToValidUTF8(message, "\uFFFD"),
		Fixes: []pipeline.Fix{pipeline.ReplaceFix("Replace", sp, strings.ToValidUTF8(fix, "\uFFFD"))},
	})
	return bl.report()
}

func addFuzzSeeds(f *testing.F) {
	f.Add("a.txt", "Les Alliés  se consultent.", "Two spaces", " ", uint16(10), uint16(12))
	f.Add("dir/x,y:z%.md", "one\n::error::two\r\nthree", "m\n::warning::x", "%0A", uint16(0), uint16(40))
	f.Add("<a>&amp;.xlf", "北约峰会在Brussels举行", "]]> -- <!-- `|` *x*", "布鲁塞尔", uint16(15), uint16(23))
	f.Add("", "", "", "", uint16(0), uint16(0))
}

// FuzzGitHub: whatever the text, the output has exactly one workflow
// command, for the one finding, on one line.
func FuzzGitHub(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, path, target, message, fix string, a, b uint16) {
		var out bytes.Buffer
		if err := WriteGitHub(&out, fuzzReport(path, target, message, fix, a, b), Options{}); err != nil {
			t.Fatal(err)
		}
		commands := 0
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") {
				commands++
			}
		}
		if commands != 1 || !strings.HasPrefix(out.String(), "::warning file=") {
			t.Errorf("%d commands:\n%s", commands, out.String())
		}
	})
}
