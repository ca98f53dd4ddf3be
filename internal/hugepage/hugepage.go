package hugepage

import "unsafe"

// Size is the size of a huge page that Advise asks for: 2 MB, as on amd64
// and arm64 Linux with 4 KB pages.
const Size = 2 << 20

// Advise asks the kernel to back the backing array of s, up to its
// capacity, with huge pages where whole ones fit (see the package
// documentation). It does nothing for arrays smaller than 4 MB, whose
// whole huge pages are too few to matter. It reports whether it marked
// memory.
func Advise[E any](s []E) bool {
	if !enabled || cap(s) == 0 {
		return false
	}
	var e E
	p := unsafe.Pointer(unsafe.SliceData(s[:cap(s)]))
	start := uintptr(p)
	lo, hi, ok := alignedRange(start, uintptr(cap(s))*unsafe.Sizeof(e))
	if !ok {
		return false
	}
	return advise(unsafe.Add(p, lo-start), hi-lo)
}

// alignedRange returns the whole huge pages [lo, hi) of the size bytes at
// start; ok is false when the range is under 4 MB or holds none.
func alignedRange(start, size uintptr) (lo, hi uintptr, ok bool) {
	if size < 2*Size {
		return 0, 0, false
	}
	lo = (start + Size - 1) &^ (Size - 1)
	hi = (start + size) &^ (Size - 1)
	return lo, hi, hi > lo
}
