package corpus_test

import (
	"fmt"
	"strings"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/pipeline"
)

// An XLIFF unit becomes a segment; its inline codes stand in the text as
// pipeline.CodeRune, and positions point into the file exactly, past
// tags and references.
func Example_xliff() {
	data := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="news.html" source-language="zh-CN" target-language="en" datatype="html">
    <body>
      <trans-unit id="title">
        <source>美国<g id="1">酝酿</g>退出北约</source>
        <target state="translated">US is<g id="1">酝酿</g> Leaving NATO &amp; more</target>
      </trans-unit>
    </body>
  </file>
</xliff>
`)
	doc, err := corpus.Read("news.xlf", data, "xliff", corpus.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	s := doc.Segments[0]
	show := func(text string) string { return strings.ReplaceAll(text, string(pipeline.CodeRune), "{}") }
	fmt.Printf("%s %s->%s %s\n", s.ID, s.SourceLang, s.TargetLang, s.State)
	fmt.Println(show(s.Source))
	fmt.Println(show(s.Target))
	for _, c := range s.TargetCodes {
		fmt.Printf("%s %s %s\n", c.Kind, c.Type, c.Data)
	}
	for _, word := range []string{"酝酿", "Leaving", "more"} {
		p := s.Locate(pipeline.Target, strings.Index(s.Target, word))
		fmt.Printf("%s at line %d, column %d\n", word, p.Line, p.Column)
	}
	// Output:
	// title zh-CN->en translated
	// 美国{}酝酿{}退出北约
	// US is{}酝酿{} Leaving NATO & more
	// open g <g id="1">
	// close g </g>
	// 酝酿 at line 7, column 51
	// Leaving at line 7, column 58
	// more at line 7, column 77
}
