package reports

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzMarkdown: whatever the text, every table row has as many cells as
// its header, and no line of text escapes its table.
func FuzzMarkdown(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, path, target, message, fix string, a, b uint16) {
		var out bytes.Buffer
		if err := WriteMarkdown(&out, fuzzReport(path, target, message, fix, a, b)); err != nil {
			t.Fatal(err)
		}
		cells := func(row string) int { return strings.Count(strings.ReplaceAll(row, `\|`, ""), "|") }
		want, rows := 0, 0
		for _, line := range strings.Split(out.String(), "\n") {
			if !strings.HasPrefix(line, "|") {
				want = 0
				continue
			}
			rows++
			if want == 0 {
				want = cells(line)
				continue
			}
			if got := cells(line); got != want {
				t.Errorf("row with %d cell borders, header has %d: %q", got, want, line)
			}
		}
		// Two headers, two separators, two summary rows, one finding.
		if rows != 7 {
			t.Errorf("%d table rows, want 7:\n%s", rows, out.String())
		}
	})
}
