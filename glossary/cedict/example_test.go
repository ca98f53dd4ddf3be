package cedict_test

import (
	"fmt"
	"strings"

	"github.com/tqa-project/tqa/glossary/cedict"
)

func ExampleParse() {
	const dict = `# A dictionary in the CC-CEDICT format
醞釀 酝酿 [yun4 niang4] /to brew/to mull over/
北約 北约 [Bei3 yue1] /NATO/
`
	d, err := cedict.Parse("mini.u8", strings.NewReader(dict))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range d.Lookup("酝酿") {
		fmt.Printf("%s [%s] %s (line %d)\n", e.Simplified, e.Pinyin, strings.Join(e.Glosses, "; "), e.Line)
	}
	fmt.Println(d.LookupPinyin("beiyue")[0].Glosses, d.LookupPinyin("beiyue")[0].IsName())

	_, err = cedict.Parse("bad.u8", strings.NewReader("醞釀 酝酿 /to brew/\n"))
	fmt.Println(err)
	// Output:
	// 酝酿 [yun4 niang4] to brew; to mull over (line 2)
	// [NATO] true
	// cedict: bad.u8: line 1: no [pinyin] after the simplified form
}
