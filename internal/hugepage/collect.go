package hugepage

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// DelayCollection lets the heap grow by about n bytes (at most MaxPrepare)
// before the collector runs again, and puts the collector's pace back as
// it was once that collection has run (a call before then does nothing). A program calls it when it is about to build that much
// data that stays live (tqa check, as it reads its inputs into
// segments): a collection of a growing heap of live data frees nothing,
// and it costs more, the more the heap holds.
//
// It raises the collector's percentage (debug.SetGCPercent) so that the
// goal lies about n bytes above the live heap, for one collection only,
// as Go's compiler does at start-up; the heap therefore never grows by
// more than about n bytes without a collection. The pace is not put back
// earlier, when the program has built its data: the runtime would measure
// the heap against what the last collection found live, and collect at
// once. DelayCollection does nothing when the collector is off
// (GOGC=off), when a memory limit is set, when the percentage would not
// rise, or for n under 4 MB.
func DelayCollection(n int) {
	if n < 2*Size || debug.SetMemoryLimit(-1) != math.MaxInt64 || !delaying.CompareAndSwap(false, true) {
		return
	}
	n = min(n, MaxPrepare)
	old := debug.SetGCPercent(-1)
	p := delayedPercent(n, scannedBytes())
	if old < 0 || p <= old {
		debug.SetGCPercent(old)
		delaying.Store(false)
		return
	}
	debug.SetGCPercent(p)
	// The sentinel is unreachable from here on: the next collection
	// finds it so and runs the cleanup, which puts the pace back.
	sentinel := &struct{ p *int }{}
	runtime.AddCleanup(sentinel, func(old int) {
		debug.SetGCPercent(old)
		delaying.Store(false)
	}, old)
}

// delaying is true from a call of DelayCollection that raised the
// percentage until it is put back; a call meanwhile does nothing, so
// that the percentage saved is always the program's own.
var delaying atomic.Bool

// delayedPercent returns the collector's percentage at which the goal
// lies n bytes above a heap whose collection scans base bytes (the
// runtime sets the goal to the live heap plus base times the percentage
// over 100).
func delayedPercent(n, base int) int {
	base = max(base, 1<<20)
	return int(min(int64(n)*100/int64(base), 1_000_000))
}

// scannedBytes returns what the collector's percentage applies to: the
// live heap, goroutine stacks and globals, as the runtime last measured
// them.
func scannedBytes() int {
	s := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/gc/scan/stack:bytes"},
		{Name: "/gc/scan/globals:bytes"},
	}
	metrics.Read(s)
	total := 0
	for _, x := range s {
		if x.Value.Kind() == metrics.KindUint64 {
			total += int(min(x.Value.Uint64(), math.MaxInt32))
		}
	}
	return total
}
