package readings_test

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/cedict"
	"github.com/tqa-project/tqa/pipeline/readings"
)

func ExampleReader_Read() {
	dict, err := cedict.Parse("mini.u8", strings.NewReader("醞釀 酝酿 [yun4 niang4] /to brew/to mull over/\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	rd := readings.Reader{
		Matcher: func(lang language.Tag) *glossary.Matcher { return glossary.NewMatcher(lang, glossary.NATO()) },
		Dict:    dict,
	}
	for _, frag := range []string{"酝酿", "北约"} {
		r := rd.Read(frag, language.Chinese)
		fix, ok := r.Replacement()
		fmt.Printf("%s (%s) %q %v\n", frag, r.Note(), fix, ok)
	}
	// Output:
	// 酝酿 (yùnniàng: to brew; to mull over) "" false
	// 北约 (běiyuē, glossary term “NATO”) "NATO" true
}

func ExampleParseWord() {
	for _, w := range []string{"guanxi", "yun4niang4", "Xī'ān", "xiae", "strength"} {
		pw, ok := readings.ParseWord(w)
		if !ok {
			fmt.Println(w, "is not pinyin")
			continue
		}
		fmt.Println(w, pw.Syllables, pw.Marked())
	}
	// Output:
	// guanxi [guan xi] guanxi
	// yun4niang4 [yun niang] yùnniàng
	// Xī'ān [xi an] xī'ān
	// xiae is not pinyin
	// strength is not pinyin
}

func ExamplePinyin() {
	fmt.Println(readings.Pinyin("酝酿"), readings.Pinyin("西安"))
	// Output: yùnniàng xī'ān
}

func ExampleRomaji() {
	fmt.Println(readings.Romaji("ノート"))
	fmt.Println(readings.Romaji("日本語"))
	// Output:
	// nōto true
	//  false
}

func ExampleRomanize() {
	fmt.Println(readings.Romanize("한국어"))
	// Output: hangugeo true
}

func ExampleMarkNumbered() {
	fmt.Println(readings.MarkNumbered("Xi1 an1"), readings.MarkNumbered("nu:3 er2"))
	// Output: Xī'ān nǚ'ér
}

func ExampleLanguage() {
	for _, frag := range []string{"酝酿", "ノート", "북대서양"} {
		lang, _ := readings.Language(frag)
		fmt.Println(frag, lang)
	}
	// Output:
	// 酝酿 zh
	// ノート ja
	// 북대서양 ko
}

func ExampleKey() {
	fmt.Println(readings.Key("北约"), readings.IsSyllable("yue"), readings.CharSyllables('行'))
	// Output: beiyue true [xing hang heng]
}
