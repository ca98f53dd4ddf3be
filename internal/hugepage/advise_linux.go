//go:build linux

package hugepage

import (
	"os"
	"strings"
	"syscall"
	"unsafe"
)

// enabled says that advise can ask for huge pages: not when the Go
// runtime's own switch GODEBUG=disablethp=1 is set, which asks a Go
// program to leave its heap in small pages.
var enabled = !disabledByGODEBUG(os.Getenv("GODEBUG"))

// disabledByGODEBUG reports whether the GODEBUG value godebug sets
// disablethp=1 (the last setting of a key wins, as in the runtime).
func disabledByGODEBUG(godebug string) bool {
	off := false
	for _, kv := range strings.Split(godebug, ",") {
		if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok && k == "disablethp" {
			off = v == "1"
		}
	}
	return off
}

// advise marks the n bytes at p, aligned to Size, with MADV_HUGEPAGE; it
// reports whether the kernel took the mark (it refuses it without
// transparent huge pages).
func advise(p unsafe.Pointer, n uintptr) bool {
	return syscall.Madvise(unsafe.Slice((*byte)(p), n), syscall.MADV_HUGEPAGE) == nil
}
