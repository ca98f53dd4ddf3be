package langid_test

import (
	"fmt"

	"github.com/tqa-project/tqa/pipeline/langid"
)

// AppendLatinWords reuses one slice from text to text; its words are
// those of LatinWords. Capitalised words that the English list does not
// know ("Zeitenwende", "Scholz") are Neutral: they may be names.
func ExampleAppendLatinWords() {
	var words []langid.Word
	for _, text := range []string{"La défense collective remains the core task.", "Eine neue Zeitenwende, said Scholz."} {
		words = langid.AppendLatinWords(words[:0], text)
		for _, w := range words {
			if w.Class == langid.UnknownWord {
				fmt.Println(text[w.Start:w.End])
			}
		}
	}
	fmt.Println(len(words) == len(langid.LatinWords("Eine neue Zeitenwende, said Scholz.")))
	// Output:
	// défense
	// neue
	// true
}
