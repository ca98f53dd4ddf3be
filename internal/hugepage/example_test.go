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
