package worddiff_test

import (
	"fmt"

	"github.com/tqa-project/tqa/internal/worddiff"
)

func ExampleDiff() {
	for _, c := range worddiff.Diff("US is酝酿 Leaving NATO", "US is mulling leaving NATO") {
		switch c.Op {
		case worddiff.Equal:
			fmt.Print(c.Text)
		case worddiff.Delete:
			fmt.Print("[-" + c.Text + "-]")
		case worddiff.Insert:
			fmt.Print("{+" + c.Text + "+}")
		}
	}
	fmt.Println()
	// Output:
	// US is[-酝酿 Leaving-]{+ mulling leaving+} NATO
}

func ExampleTokens() {
	fmt.Printf("%q\n", worddiff.Tokens("北约峰会在Brussels举行。"))
	// Output:
	// ["北" "约" "峰" "会" "在" "Brussels" "举" "行" "。"]
}
