package numerals_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline/numerals"
)

func ExampleExtract() {
	show := func(text string, lang language.Tag) {
		for _, n := range numerals.Extract(text, lang) {
			if n.Kind == numerals.Date {
				fmt.Printf("%s: date, year %d, month %d\n", text[n.Start:n.End], n.Year, n.Month)
				continue
			}
			fmt.Printf("%s: %s %s\n", text[n.Start:n.End], n.Kind, n.Value)
		}
	}
	show("2025年12月，两百人一起花了1.5万元。", language.Chinese)
	show("In December 2025, two hundred people spent 15,000 yuan together.", language.English)
	// Output:
	// 2025年12月: date, year 2025, month 12
	// 两百: cardinal 200
	// 1.5万: cardinal 15000
	// December 2025: date, year 2025, month 12
	// two hundred: cardinal 200
	// 15,000: cardinal 15000
}

func ExampleExtract_parts() {
	text := "七点四十五分"
	n := numerals.Extract(text, language.Chinese)[0]
	fmt.Println(n.Kind, n.Hour, n.Minute)
	for _, p := range n.Parts {
		fmt.Printf("%s: %s %s\n", text[p.Start:p.End], p.Kind, p.Value)
	}
	// Output:
	// time 7 45
	// 七: hour-part 7
	// 四十五: minute-part 45
}

func ExampleFormat() {
	fmt.Println(numerals.Format("15000.5", language.English, true))
	fmt.Println(numerals.Format("15000.5", language.German, true))
	fmt.Println(numerals.Format("2025", language.English, false))
	// Output:
	// 15,000.5
	// 15.000,5
	// 2025
}

func ExampleEnglishWords() {
	fmt.Println(numerals.EnglishWords("205", false))
	fmt.Println(numerals.EnglishWords("21", true))
	// Output:
	// two hundred five true
	// twenty-first true
}

func ExampleEnglishOrdinalSuffix() {
	fmt.Println(numerals.EnglishOrdinalSuffix(22), numerals.EnglishOrdinalSuffix(13))
	// Output: 22nd 13th
}

func ExampleEnglishMonth() {
	fmt.Println(numerals.EnglishMonth(12, false), numerals.EnglishMonth(9, true))
	// Output: December Sep
}

func ExampleRomanNumeral() {
	fmt.Println(numerals.RomanNumeral(5))
	// Output: V true
}

func ExampleUnitSize() {
	src := numerals.Extract("重80斤", language.Chinese)[0]
	tgt := numerals.Extract("40 kilograms", language.English)[0]
	_, a, _ := numerals.UnitSize(src.Unit)
	_, b, _ := numerals.UnitSize(tgt.Unit)
	fmt.Println(src.Unit, tgt.Unit, src.Value.Float64()*a == tgt.Value.Float64()*b)
	// Output: jin kilogram true
}

func ExampleIsHanNumeral() {
	fmt.Println(numerals.IsHanNumeral('五'), numerals.IsHanNumeral('万'), numerals.IsHanNumeral('人'))
	// Output: true true false
}

func ExampleReadsAlike() {
	// Chinese and an undetermined language read digits alike, and differ
	// only in English number words, which need ASCII letters.
	fmt.Println(numerals.ReadsAlike("两百人花了1.5万元。", language.Chinese, language.Und))
	fmt.Println(numerals.ReadsAlike("two hundred people", language.Chinese, language.Und))
	// German groups digits with a dot: "1.000" is a thousand.
	fmt.Println(numerals.ReadsAlike("1.000", language.German, language.English))
	// Output:
	// true
	// false
	// false
}

func ExampleAppendExtract() {
	// The numbers of many texts in one array, each text's a piece of it.
	var all []numerals.Number
	var ends []int
	for _, text := range []string{"三本书", "no number", "7 p.m. or 8 p.m."} {
		all = numerals.AppendExtract(all, text, language.English)
		ends = append(ends, len(all))
	}
	fmt.Println(len(all), ends)
	// Output:
	// 3 [1 1 3]
}
