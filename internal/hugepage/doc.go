// Package hugepage asks the operating system to back fresh heap memory
// with huge pages, so that filling it takes a few page faults instead of
// one every 4 KB.
//
// # Why
//
// Memory that a process touches for the first time costs a page fault
// per page: the kernel finds a page, zeroes it and maps it. Pages are
// 4 KB on amd64 Linux, so a check of a PO file of 29,000 messages, which
// fills a heap of about 30 MB, takes most of its 8,000 page faults there;
// on a virtual machine each costs several microseconds, and together they
// cost more than reading the file. A huge page is 2 MB: one fault maps
// 512 small pages' worth.
//
// Linux gives huge pages to anonymous memory when transparent huge pages
// are enabled "always", or "madvise" (a common default) for ranges that
// the program marks with madvise(MADV_HUGEPAGE). Go's heap does not mark
// its memory, and it grows by new mappings, which a mark set beforehand
// does not cover: memory must be marked once mapped and before it is
// touched.
//
// # What it does
//
// PrepareHeap marks, once, the memory that the heap will hand out next:
// it makes the heap map that much more, untouched, marks it and frees it
// again. A program calls it when it knows about how much it is about to
// allocate (tqa check, from the size of its inputs).
//
// Advise marks the 2 MB-aligned pages that lie wholly inside the array of
// a slice just allocated, before it is written (the segments of a large
// PO file), where the heap was not prepared or the array lies beyond.
//
// A mark changes no byte of memory: it is advice, and it is safe to give
// on memory that Go's allocator and collector own. Where the kernel
// refuses it (transparent huge pages "never", an old kernel) or on other
// systems, nothing changes. GODEBUG=disablethp=1, the Go runtime's switch
// that keeps a program's heap in small pages, turns both off. Its cost is memory: a huge page is held whole
// once touched, so a heap that fills marked memory sparsely holds more
// than with small pages (a few MB for tqa check on the file above).
package hugepage
