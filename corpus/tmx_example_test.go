package corpus_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/pipeline"
)

// Example_tmx reads a TMX translation memory: one segment per <tu>, its
// source from the tuv in the header's srclang, its target from the other
// tuv. Inline codes stand in the text as pipeline.CodeRune (printed here
// as ￼), and every offset maps back to the file.
func Example_tmx() {
	data := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en"
          o-tmf="none" creationtool="example" creationtoolversion="1"/>
  <body>
    <tu tuid="headline">
      <tuv xml:lang="zh-CN"><seg>美国酝酿退出北约</seg></tuv>
      <tuv xml:lang="en"><seg>US is酝酿 Leaving NATO</seg></tuv>
    </tu>
    <tu tuid="founded">
      <tuv xml:lang="zh-CN"><seg><bpt i="1">&lt;b&gt;</bpt>北约<ept i="1">&lt;/b&gt;</ept>成立于1949年。</seg></tuv>
      <tuv xml:lang="en"><seg><bpt i="1">&lt;b&gt;</bpt>NATO<ept i="1">&lt;/b&gt;</ept> was founded in 1949 &amp; …</seg></tuv>
    </tu>
  </body>
</tmx>
`)
	doc, err := corpus.Read("news.tmx", data, "tmx", corpus.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.SourceLang, "->", doc.TargetLang)
	for _, s := range doc.Segments {
		fmt.Printf("%s: %s => %s\n", s.ID, s.Source, s.Target)
		for _, c := range s.TargetCodes {
			fmt.Printf("  %s %s %s\n", c.Kind, c.Type, c.Data)
		}
	}
	// Where is the untranslated 酝酿 in the file?
	s := &doc.Segments[0]
	p := s.Locate(pipeline.Target, strings.Index(s.Target, "酝酿"))
	fmt.Printf("酝酿 at line %d, column %d\n", p.Line, p.Column)
	// Output:
	// zh-CN -> en
	// headline: 美国酝酿退出北约 => US is酝酿 Leaving NATO
	// founded: ￼北约￼成立于1949年。 => ￼NATO￼ was founded in 1949 & …
	//   open bpt <bpt i="1">&lt;b&gt;</bpt>
	//   close ept <ept i="1">&lt;/b&gt;</ept>
	// 酝酿 at line 8, column 36
}
