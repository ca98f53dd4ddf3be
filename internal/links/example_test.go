package links_test

import (
	"fmt"

	"github.com/tqa-project/tqa/internal/links"
)

func ExampleFind() {
	text := "详见https://www.nato.int。Write to press@hq.nato.int, not U.S./EU."
	for _, sp := range links.Find(text) {
		fmt.Println(text[sp.Start:sp.End])
	}
	// Output:
	// https://www.nato.int
	// press@hq.nato.int
}
