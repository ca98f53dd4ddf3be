package checks

import (
	"slices"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// TestScanTargets checks that scriptRuns gives each target the runs
// langid.Scan finds in it, and nil for a target without any, whatever
// the number of runs of the targets before it.
func TestScanTargets(t *testing.T) {
	targets := []string{"", "NATO 北约", "   ", "Hello", "北约（NATO）成立于1949年。Москва", "", "a", "かなカナ漢字 and Latin"}
	var segs []pipeline.Segment
	for range 400 { // runs for more than one chunk
		for _, text := range targets {
			segs = append(segs, pipeline.Segment{Target: text})
		}
	}
	sr := scanTargets(segs)
	for i := range segs {
		var want []langid.Run
		langid.Scan(segs[i].Target, func(r langid.Run) bool {
			want = append(want, r)
			return true
		})
		got := sr.of(i)
		if !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("runs of target %d %q = %v, want %v", i, segs[i].Target, got, want)
		}
		if cap(got) != len(got) {
			t.Fatalf("runs of target %d have room for %d: appending to them would overwrite the next target's", i, cap(got))
		}
	}
}
