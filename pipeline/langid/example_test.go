package langid_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline/langid"
)

func ExampleRuns() {
	text := "US is酝酿 Leaving NATO"
	for _, r := range langid.Runs(text) {
		fmt.Printf("%-6v [%2d,%2d) %q\n", r.Script, r.Start, r.End, text[r.Start:r.End])
	}
	// Output:
	// Latin  [ 0, 5) "US is"
	// Han    [ 5,11) "酝酿"
	// Common [11,12) " "
	// Latin  [12,24) "Leaving NATO"
}

func ExampleScan() {
	// Find the first run of Han without building a slice.
	text := "The 北约，欧盟 relationship"
	langid.Scan(text, func(r langid.Run) bool {
		if r.Script == langid.Han {
			fmt.Printf("%s %q\n", r.Script.Label(), text[r.Start:r.End])
			return false
		}
		return true
	})
	// Output:
	// Chinese (Han) "北约，欧盟"
}

func ExampleAll() {
	for r := range langid.All("Москва and Paris") {
		fmt.Println(r.Script)
	}
	// Output:
	// Cyrillic
	// Common
	// Latin
}

func ExampleDominant() {
	fmt.Println(langid.Dominant("US is酝酿 Leaving NATO"))
	fmt.Println(langid.Dominant("北约是一个军事联盟"))
	fmt.Println(langid.Dominant("1949"))
	// Output:
	// Latin
	// Han
	// Common
}

func ExampleOf() {
	fmt.Println(langid.Of('A'), langid.Of('а'), langid.Of('μ'), langid.Of('5'), langid.Of('\u0301'))
	// Output:
	// Latin Cyrillic Greek Common Inherited
}

func ExampleScriptsFor() {
	ja := langid.ScriptsFor(language.Japanese)
	fmt.Println(ja.Has(langid.Hiragana), ja.Has(langid.Han), ja.Has(langid.Latin))
	fmt.Println(langid.ScriptsFor(language.Und).Has(langid.Latin))
	// Output:
	// true true false
	// true
}

func ExampleIsFunctionWord() {
	fmt.Println(langid.IsFunctionWord(language.French, "des"), langid.IsFunctionWord(language.German, "Und"))
	fmt.Println(langid.IsFunctionWord(language.French, "défense"), langid.IsFunctionWord(language.English, "the"))
	// Output:
	// true true
	// false false
}

func ExampleBaseOf() {
	for _, t := range []language.Tag{language.BritishEnglish, language.MustParse("zh-Hant-TW"), language.Und} {
		base, conf := langid.BaseOf(t)
		fmt.Println(t, base, conf > language.Low)
	}
	// Output:
	// en-GB en true
	// zh-Hant-TW zh true
	// und en false
}
