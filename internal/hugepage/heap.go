package hugepage

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"unsafe"
)

// MaxPrepare bounds the memory that PrepareHeap marks. Marked memory that
// the heap uses sparsely may be held in whole huge pages (the kernel's
// khugepaged fills them in the background), so the mark is kept to what a
// run is expected to fill.
const MaxPrepare = 64 << 20

// prepareOnce lets PrepareHeap work once a process: on the first call the
// memory after the heap is fresh; later, the heap reuses memory it has
// touched, which the mark no longer changes.
var prepareOnce sync.Once

// PrepareHeap grows the Go heap by n bytes of fresh memory (at most
// MaxPrepare) and marks it for huge pages, so that the allocations that
// follow, which Go's allocator places at the lowest free addresses, fill
// huge pages instead of taking a page fault every 4 KB. It is meant for a
// program that is about to allocate about n bytes (tqa check, before it
// reads its inputs).
//
// It allocates an array of n bytes that it never touches, marks it (see
// Advise), drops it and runs the collector once, which frees it: its
// memory stays mapped, marked and untouched, and is what the heap hands
// out next. It starts on a huge page (see alignFrontier). The collection costs little at the
// start of a program, when the heap is small.
//
// Only the first call in a process does anything, and only while the
// heap has freed little memory (as at the start of a program): the
// allocator clears a new array that starts in memory used before, which
// would touch the whole array in small pages before it is marked, so
// PrepareHeap first takes up the freed pages with small arrays (up to
// maxAbsorb) and does nothing when there are more. It works only on
// 64-bit Linux, with no memory limit set (debug.SetMemoryLimit), and for
// n of 4 MB or more; where the kernel refuses the mark, PrepareHeap does
// not wait for the collection.
func PrepareHeap(n int) {
	if !enabled || unsafe.Sizeof(uintptr(0)) < 8 || n < 2*Size {
		return
	}
	prepareOnce.Do(func() {
		if debug.SetMemoryLimit(-1) != math.MaxInt64 {
			return
		}
		held, ok := absorbFreed()
		if !ok {
			return
		}
		// The collector is held off while b is allocated (the heap
		// outgrows its goal), so that the one collection below frees
		// it: the marked memory is then the next to be handed out.
		pace := debug.SetGCPercent(-1)
		alignFrontier()
		b := make([]byte, min(n, MaxPrepare))
		marked := Advise(b)
		runtime.KeepAlive(b)
		runtime.KeepAlive(held)
		b, held = nil, nil
		debug.SetGCPercent(pace)
		if marked {
			runtime.GC()
		}
	})
}

// alignFrontier takes up the fresh memory from where the heap's next
// large array would start to the next huge page, with arrays that are
// never written (fresh memory needs no clearing, so they hold none), so
// that PrepareHeap's array starts on a huge page and all of it is marked.
// Otherwise its start, up to a huge page's worth, would stay unmarked (the
// huge page around it holds memory used before), yet be what the heap
// hands out first: the next large array, tqa check's file as read, would
// fill it 4 KB at a time.
func alignFrontier() {
	// An array of 32 pages or more is placed by the heap itself, not
	// from a processor's cache of pages: it lies at the lowest free
	// pages that hold it, the frontier.
	probe := make([]byte, 32*absorbPage)
	end := uintptr(unsafe.Pointer(unsafe.SliceData(probe))) + uintptr(len(probe))
	unmarkedHead = append(unmarkedHead, probe)
	if head := (end+Size-1)&^(Size-1) - end; head >= absorbPage {
		unmarkedHead = append(unmarkedHead, make([]byte, head))
	}
}

// unmarkedHead holds alignFrontier's arrays for the life of the program.
var unmarkedHead [][]byte

// maxAbsorb bounds the freed memory that absorbFreed takes up. A program
// starts with a few freed pages at most (a goroutine's stack given back,
// a small array outgrown): tqa check, measured on a 2-core VM, had 8 to 64
// KB freed before its first collection in 3 or 4 runs of every 16 to 20.
const maxAbsorb = 256 << 10

// absorbFreed takes up the memory that the heap has used and freed, when
// it is little, with arrays of one 8 KB page each, so that a large array
// allocated while they are held starts in fresh memory. The allocator
// hands out a processor's cache of pages before the lowest free ones, so
// it may take several rounds. It returns the arrays to hold until then,
// and false when the heap has more freed memory than maxAbsorb or when
// maxAbsorbHeld bytes of arrays have not taken it all up.
func absorbFreed() ([][]byte, bool) {
	var held [][]byte
	for len(held)*absorbPage < maxAbsorbHeld {
		free := freedBytes()
		if free == 0 {
			return held, true
		}
		if free > maxAbsorb {
			return nil, false
		}
		for range (free + absorbPage - 1) / absorbPage {
			held = append(held, make([]byte, absorbPage))
		}
	}
	return nil, false
}

// maxAbsorbHeld bounds the arrays that absorbFreed allocates.
const maxAbsorbHeld = 4 << 20

// absorbPage is the size of absorbFreed's arrays: one page of the Go
// heap, a size class of its own.
const absorbPage = 8 << 10

// heapHasFreed reports whether the heap holds memory that it has used and
// freed and not yet returned to the system (runtime/metrics
// /memory/classes/heap/free:bytes; memory the heap has mapped but never
// used counts as released).
func heapHasFreed() bool { return freedBytes() > 0 }

// freedBytes returns the memory that the heap has used and freed and not
// yet returned to the system, or the largest int when the runtime does
// not tell.
func freedBytes() int {
	s := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[0].Value.Uint64() > math.MaxInt32 {
		return math.MaxInt
	}
	return int(s[0].Value.Uint64())
}
