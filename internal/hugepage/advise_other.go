//go:build !linux

package hugepage

import "unsafe"

// enabled says that advise can ask for huge pages.
const enabled = false

// advise does nothing: huge pages are asked for on Linux only.
func advise(p unsafe.Pointer, n uintptr) bool { return false }
