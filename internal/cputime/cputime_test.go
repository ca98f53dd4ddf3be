//go:build unix

package cputime

import (
	"testing"
	"time"
)

// TestProcessGrows checks that work shows in the figure: keeping the CPU
// busy must raise it (getrusage counts in steps of a clock tick or finer),
// and it never goes back.
func TestProcessGrows(t *testing.T) {
	start := Process()
	if start <= 0 {
		t.Fatalf("Process() = %v at start, want > 0", start)
	}
	x := uint64(1)
	deadline := time.Now().Add(30 * time.Second)
	for Process() == start {
		if time.Now().After(deadline) {
			t.Fatalf("Process() stayed at %v through 30 s of busy work", start)
		}
		for i := 0; i < 1e5; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	if end := Process(); end < start || x == 0 {
		t.Fatalf("Process() went from %v to %v", start, end)
	}
}
