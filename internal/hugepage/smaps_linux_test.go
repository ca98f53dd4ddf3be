//go:build linux

package hugepage

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// TestAdviseMarksMapping checks, in /proc/self/smaps, that the mapping
// that holds a large array's huge pages carries the mark ("hg" among its
// VmFlags) once Advise has run.
func TestAdviseMarksMapping(t *testing.T) {
	s := make([]byte, 6*Size)
	if !Advise(s) {
		t.Skip("the kernel refuses MADV_HUGEPAGE")
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	lo, _, _ := alignedRange(start, uintptr(len(s)))
	flags, err := vmFlags(lo)
	if err != nil {
		t.Skipf("cannot read the mappings: %v", err)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("mapping at %#x has VmFlags %q after Advise, want hg among them", lo, flags)
	}
}

// vmFlags returns the VmFlags of the mapping of /proc/self/smaps that
// holds address addr.
func vmFlags(addr uintptr) (string, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var from, to uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &from, &to); n == 2 {
			in = from <= addr && addr < to
			continue
		}
		if rest, ok := strings.CutPrefix(line, "VmFlags:"); ok && in {
			return strings.TrimSpace(rest), nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", fmt.Errorf("no mapping holds %#x", addr)
}

// TestPrepareHeap runs the test binary again, so that PrepareHeap is
// called in a fresh process as at the start of a program, and checks
// there that it leaves none of the memory it asks for in use, and that an
// array allocated next lies in memory marked for huge pages.
//
// The second run frees a few pages first, as a program may before it
// calls PrepareHeap, which PrepareHeap must take up (absorbFreed) before
// it allocates.
func TestPrepareHeap(t *testing.T) {
	switch os.Getenv("HUGEPAGE_TEST_CHILD") {
	case "fresh":
		preparedHeapChild(t, false)
		return
	case "freed":
		preparedHeapChild(t, true)
		return
	}
	if testing.Short() {
		t.Skip("runs a process")
	}
	for _, mode := range []string{"fresh", "freed"} {
		t.Run(mode, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestPrepareHeap$", "-test.v")
			cmd.Env = append(os.Environ(), "HUGEPAGE_TEST_CHILD="+mode)
			out, err := cmd.CombinedOutput()
			switch {
			case err != nil:
				t.Fatalf("the process failed: %v\n%s", err, out)
			case bytes.Contains(out, []byte("--- SKIP")):
				t.Skipf("the process skipped:\n%s", out)
			case !bytes.Contains(out, []byte("--- PASS: TestPrepareHeap")):
				t.Fatalf("the process did not run the test:\n%s", out)
			}
		})
	}
}

// freedPages is where preparedHeapChild keeps the arrays it frees.
var freedPages [][]byte

func preparedHeapChild(t *testing.T, free bool) {
	if !enabled {
		t.Skip("GODEBUG=disablethp=1 turns huge pages off")
	}
	if free {
		// Five single-page arrays, dropped and collected: their
		// pages are freed and stay with the heap.
		for range 5 {
			b := make([]byte, absorbPage)
			b[0] = 1
			freedPages = append(freedPages, b)
		}
		freedPages = nil
		runtime.GC()
		if f := freedBytes(); f == 0 || f > maxAbsorb {
			t.Skipf("the heap has %d bytes freed, want 1 to %d", f, maxAbsorb)
		}
	} else if heapHasFreed() {
		t.Skip("the heap has freed memory before the test runs")
	}
	// runtime.ReadMemStats would make the heap count memory as freed.
	stats := func() (cycles, inUse uint64) {
		s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}, {Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64(), s[1].Value.Uint64()
	}
	cycles, inUse := stats()
	const n = 32 << 20
	PrepareHeap(n)
	cyclesAfter, inUseAfter := stats()
	if cyclesAfter == cycles {
		t.Fatalf("PrepareHeap(%d) ran no collection", n)
	}
	// alignFrontier's arrays stay, untouched: up to a huge page and
	// its probe.
	if inUseAfter > inUse+Size+32*absorbPage {
		t.Errorf("heap in use: %d bytes before, %d after PrepareHeap(%d)", inUse, inUseAfter, n)
	}
	s := make([]byte, 4<<20)
	if start := uintptr(unsafe.Pointer(unsafe.SliceData(s))); start%Size != 0 {
		t.Errorf("an array allocated after PrepareHeap starts at %#x, not on a huge page (alignFrontier)", start)
	}
	flags, err := vmFlags(uintptr(unsafe.Pointer(unsafe.SliceData(s))) + 2<<20)
	if err != nil {
		t.Skipf("cannot read the mappings: %v", err)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("an array allocated after PrepareHeap lies in a mapping with VmFlags %q, want hg among them", flags)
	}
}

// TestPrepareHeapAfterFree checks that PrepareHeap does nothing once the
// heap has freed memory: no collection runs.
func TestPrepareHeapAfterFree(t *testing.T) {
	prepareOnce = sync.Once{}
	garbage := make([]byte, 1<<20)
	garbage[0] = 1
	garbage = nil
	runtime.GC()
	if !heapHasFreed() {
		t.Skip("the heap returned all its free memory")
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	PrepareHeap(32 << 20)
	runtime.ReadMemStats(&after)
	if after.NumGC != before.NumGC {
		t.Errorf("PrepareHeap ran %d collections in a heap that had freed memory", after.NumGC-before.NumGC)
	}
}
