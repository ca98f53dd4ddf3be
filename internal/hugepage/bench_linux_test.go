//go:build linux

package hugepage

import (
	"syscall"
	"testing"
	"unsafe"
)

// BenchmarkFillFresh writes one byte in every 4 KB page of 16 MB of
// memory fresh from the kernel (mapped anew at each iteration, as a
// growing heap is), with small pages and with the huge-page mark: the
// difference is the cost of the page faults that the mark saves.
//
//	go test ./internal/hugepage -run '^$' -bench FillFresh
func BenchmarkFillFresh(b *testing.B) {
	const n = 16 << 20
	for _, tc := range []struct {
		name string
		mark bool
	}{{"small-pages", false}, {"huge-pages", true}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(n)
			for b.Loop() {
				// Map 2 MB more, so that n bytes start at a huge page boundary.
				mem, err := syscall.Mmap(-1, 0, n+Size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
				if err != nil {
					b.Fatal(err)
				}
				base := uintptr(unsafe.Pointer(&mem[0]))
				skip := int((base+Size-1)&^(Size-1) - base)
				fresh := mem[skip : skip+n]
				if tc.mark && !advise(unsafe.Pointer(&fresh[0]), n) {
					b.Skip("the kernel refuses MADV_HUGEPAGE")
				}
				for i := 0; i < n; i += 4096 {
					fresh[i] = 1
				}
				if err := syscall.Munmap(mem); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
