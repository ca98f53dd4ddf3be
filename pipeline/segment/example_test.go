package segment_test

import (
	"fmt"

	"github.com/tqa-project/tqa/pipeline/segment"
)

func ExampleSentences() {
	text := "Mr. Trump spoke about the U.S. political debate. Some want to leave the U.S. The allies wait. 美国酝酿退出北约。北约回应了！"
	for _, s := range segment.Sentences(text) {
		fmt.Printf("%v %s\n", s, text[s.Start:s.End])
	}
	// Output:
	// [0,48) Mr. Trump spoke about the U.S. political debate.
	// [49,76) Some want to leave the U.S.
	// [77,93) The allies wait.
	// [94,121) 美国酝酿退出北约。
	// [121,139) 北约回应了！
}
