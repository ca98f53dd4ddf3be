package hugepage

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent returns the collector's percentage without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

func TestDelayedPercent(t *testing.T) {
	for _, tc := range []struct{ n, base, want int }{
		{n: 48 << 20, base: 2 << 20, want: 2400},
		{n: 48 << 20, base: 0, want: 4800},        // base counted as 1 MB at least
		{n: 8 << 20, base: 16 << 20, want: 50},    // below the default: DelayCollection leaves it
		{n: 64 << 20, base: 1, want: 6400},        // 1 MB floor again
		{n: math.MaxInt32, base: 1, want: 204799}, // large n: no overflow
	} {
		if got := delayedPercent(tc.n, tc.base); got != tc.want {
			t.Errorf("delayedPercent(%d, %d) = %d, want %d", tc.n, tc.base, got, tc.want)
		}
	}
}

// TestDelayCollection checks that the percentage rises until the next
// collection and is then put back.
func TestDelayCollection(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	runtime.GC()
	DelayCollection(32 << 20)
	p := gcPercent()
	if p <= 100 {
		t.Fatalf("percentage %d after DelayCollection(32 MB), want above 100", p)
	}
	DelayCollection(64 << 20) // while the first delay holds: nothing
	if q := gcPercent(); q != p {
		t.Fatalf("percentage %d after a second DelayCollection, want %d still", q, p)
	}
	runtime.GC()
	// The cleanup runs on a goroutine of its own after the collection.
	deadline := time.Now().Add(10 * time.Second)
	for gcPercent() != 100 {
		if time.Now().After(deadline) {
			t.Fatalf("percentage %d after a collection, want 100 again", gcPercent())
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	for delaying.Load() {
		if time.Now().After(deadline) {
			t.Fatal("the delay is still marked as held after its cleanup")
		}
		time.Sleep(time.Millisecond)
	}
}

func TestDelayCollectionLeavesAlone(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	runtime.GC()
	DelayCollection(1 << 20) // under 4 MB
	if p := gcPercent(); p != 100 {
		t.Errorf("percentage %d after DelayCollection(1 MB), want 100", p)
	}
	debug.SetGCPercent(-1)
	DelayCollection(32 << 20)
	if p := gcPercent(); p != -1 {
		t.Errorf("percentage %d after DelayCollection with the collector off, want -1", p)
	}
	debug.SetGCPercent(100)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 40))
	DelayCollection(32 << 20)
	if p := gcPercent(); p != 100 {
		t.Errorf("percentage %d after DelayCollection under a memory limit, want 100", p)
	}
}
