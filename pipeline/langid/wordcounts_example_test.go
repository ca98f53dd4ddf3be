package langid_test

import (
	"fmt"

	"github.com/tqa-project/tqa/pipeline/langid"
)

func ExampleScanWords() {
	// Count the words of a target that the English word list does not
	// know, without building a slice of words.
	text := "The ministers discussed la défense européenne in Brussels."
	unknown := 0
	langid.ScanWords(text, func(w langid.Word) bool {
		if w.Class == langid.UnknownWord {
			unknown++
			fmt.Printf("%q\n", text[w.Start:w.End])
		}
		return true
	})
	fmt.Println(unknown, "unknown")
	// Output:
	// "défense"
	// "européenne"
	// 2 unknown
}
