//go:build !linux

package hugepage

import "unsafe"

// advise does nothing: huge pages are asked for on Linux only.
func advise(p unsafe.Pointer, n uintptr) {}
