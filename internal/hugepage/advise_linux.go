//go:build linux

package hugepage

import (
	"syscall"
	"unsafe"
)

// enabled says that advise can ask for huge pages.
const enabled = true

// advise marks the n bytes at p, aligned to Size, with MADV_HUGEPAGE; it
// reports whether the kernel took the mark (it refuses it without
// transparent huge pages).
func advise(p unsafe.Pointer, n uintptr) bool {
	return syscall.Madvise(unsafe.Slice((*byte)(p), n), syscall.MADV_HUGEPAGE) == nil
}
