package align_test

import (
	"fmt"

	"github.com/tqa-project/tqa/corpus/align"
	"golang.org/x/text/language"
)

func ExampleAlign() {
	src := []string{
		"北约成立于1949年。",
		"它的总部设在布鲁塞尔，目前有三十二个成员国。",
		"成员国承诺在遭受攻击时相互防卫。",
	}
	tgt := []string{
		"NATO was founded in 1949.",
		"Its headquarters are in Brussels.",
		"It currently has thirty-two member states.",
		"Member states pledge to defend each other if one of them is attacked.",
	}
	beads := align.Align(src, tgt, align.Options{
		SourceLang: language.Chinese,
		TargetLang: language.English,
		Anchors:    true,
	})
	for _, b := range beads {
		fmt.Println(b.Source, b.Target)
	}
	// Output:
	// [0] [0]
	// [1] [1 2]
	// [2] [3]
}
