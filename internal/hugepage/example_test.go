package hugepage_test

import (
	"fmt"

	"github.com/tqa-project/tqa/internal/hugepage"
)

// A large array is marked once it is allocated, before it is filled.
func ExampleAdvise() {
	totals := make([]int64, 1<<20) // 8 MB
	hugepage.Advise(totals)
	for i := range totals {
		totals[i] = int64(i)
	}
	fmt.Println(totals[len(totals)-1])
	// Output: 1048575
}

// A program about to read inputs of 8 MB, which its work turns into about
// 16 times as much heap, prepares that much heap first.
func ExamplePrepareHeap() {
	hugepage.PrepareHeap(16 * 8 << 20)
	rows := make([][]string, 0, 100_000) // lies in the prepared memory
	rows = append(rows, []string{"a", "b"})
	fmt.Println(len(rows))
	// Output: 1
}
