package spelling_test

import (
	"fmt"

	"github.com/tqa-project/tqa/glossary/spelling"
)

func ExampleParseProfile() {
	p, err := spelling.ParseProfile("en-gb")
	fmt.Println(p, err)
	_, err = spelling.ParseProfile("british")
	fmt.Println(err)
	// Output:
	// en-GB <nil>
	// unknown spelling profile "british" (want nato, en-US, en-GB or off)
}

func ExampleProfile_Suggest() {
	for _, w := range []string{"defense", "Organisation", "CENTER", "organization", "program"} {
		want, ok := spelling.NATO.Suggest(w)
		fmt.Println(w, want, ok)
	}
	// Output:
	// defense defence true
	// Organisation Organization true
	// CENTER CENTRE true
	// organization  false
	// program  false
}

func ExampleProfile_Lookup() {
	s, ok := spelling.EnUS.Lookup("labour’s")
	fmt.Printf("%s spelling, write %s (%v)\n", s.Variety, s.Want, ok)
	// Output:
	// British spelling, write labor’s (true)
}

func ExampleWords() {
	text := "The alliance’s defense-related spending"
	for i, j := range spelling.Words(text) {
		w := text[i:j]
		if want, ok := spelling.EnGB.Suggest(w); ok {
			fmt.Printf("[%d,%d) %s: write %s\n", i, j, w, want)
		}
	}
	// Output:
	// [17,24) defense: write defence
}

func ExampleProfile_Flagged() {
	text := "The Organisation’s centres of defense-related spending"
	for i, j := range spelling.NATO.Flagged(text) {
		s, _ := spelling.NATO.Lookup(text[i:j])
		fmt.Printf("[%d,%d) %s: %s spelling, write %s\n", i, j, text[i:j], s.Variety, s.Want)
	}
	// Output:
	// [4,20) Organisation’s: British -ise spelling, write Organization’s
	// [32,39) defense: US spelling, write defence
}

func ExampleEnglishSize() {
	for _, w := range []string{"the", "Defence", "realpolitik", "guanxi"} {
		size, ok := spelling.EnglishSize(w)
		fmt.Println(w, size, ok)
	}
	// Output:
	// the 10 true
	// Defence 10 true
	// realpolitik 55 true
	// guanxi 0 false
}
