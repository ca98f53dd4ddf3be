//go:build linux

package hugepage

import (
	"syscall"
	"unsafe"
)

// enabled says that advise can ask for huge pages.
const enabled = true

// advise marks the n bytes at p, aligned to Size, with MADV_HUGEPAGE; an
// error (no transparent huge pages) leaves them as they were.
func advise(p unsafe.Pointer, n uintptr) {
	_ = syscall.Madvise(unsafe.Slice((*byte)(p), n), syscall.MADV_HUGEPAGE)
}
