//go:build linux

package hugepage

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
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

// TestPrepareHeap checks that PrepareHeap leaves none of the memory it
// asks for in use, and that an array allocated next lies in memory marked
// for huge pages.
func TestPrepareHeap(t *testing.T) {
	prepareOnce = sync.Once{} // as at the start of a process
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	const n = 32 << 20
	PrepareHeap(n)
	runtime.ReadMemStats(&after)
	if after.HeapAlloc > before.HeapAlloc+Size {
		t.Errorf("heap in use: %d bytes before, %d after PrepareHeap(%d)", before.HeapAlloc, after.HeapAlloc, n)
	}
	s := make([]byte, 4<<20)
	flags, err := vmFlags(uintptr(unsafe.Pointer(unsafe.SliceData(s))) + 2<<20)
	if err != nil {
		t.Skipf("cannot read the mappings: %v", err)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("an array allocated after PrepareHeap lies in a mapping with VmFlags %q, want hg among them", flags)
	}
}
