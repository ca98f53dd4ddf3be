// Package hugepage asks the operating system to back a large, freshly
// allocated array with huge pages, so that filling it takes a few page
// faults instead of one every 4 KB.
//
// # Why
//
// Memory that a process touches for the first time costs a page fault
// per page: the kernel finds a page, zeroes it and maps it. Pages are
// 4 KB on amd64 Linux, so filling a 10 MB array (the segments of a PO
// file of 29,000 messages) takes about 2,500 faults; on a virtual machine
// each costs several microseconds, and together they cost more than the
// work that fills the array. A huge page is 2 MB: one fault maps 512
// small pages' worth.
//
// Linux gives huge pages to anonymous memory when transparent huge pages
// are enabled "always", or "madvise" (a common default) for ranges that
// the program marks with madvise(MADV_HUGEPAGE). Go's heap does not mark
// its memory, and the heap grows by new mappings, so a mark must be set
// on an array once it is allocated, before it is written: Advise does
// that.
//
// # What it does
//
// Advise marks the 2 MB-aligned pages that lie wholly inside the backing
// array of a slice; the rest of the array (up to 2 MB at each end) keeps
// small pages, so the mark never makes the process hold memory that the
// array does not cover. Arrays smaller than 4 MB may hold no such page,
// and Advise then does nothing. The mark changes no byte of memory: it is
// advice, and it is safe to give on memory that Go's allocator and
// collector own. Where the kernel refuses it (transparent huge pages
// "never", an old kernel) or on other systems, Advise does nothing.
//
// Give it only on large arrays that are about to be written in full: on
// pages already touched it has no effect, and on an array that stays
// mostly unwritten it would make the kernel map 2 MB where small pages
// would have mapped a few.
package hugepage
