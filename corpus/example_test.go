package corpus_test

import (
	"fmt"
	"log"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/pipeline"
)

func ExampleRead() {
	data := []byte("# US is酝酿 Leaving NATO\n\n" +
		"> A growing trend of anti-NATO sentiment\n" +
		"> is emerging among the American elite.\n\n" +
		"- Original: toutiao.com/article/7600286426932199955/\n")
	doc, err := corpus.Read("title.md", data, "markdown", corpus.Options{TargetLang: language.English})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range doc.Segments {
		p := s.Locate(pipeline.Target, 0)
		fmt.Printf("%s %s %d:%d %q skip=%v\n", s.ID, s.Kind, p.Line, p.Column, s.Target, s.TargetSkip)
	}
	// Where is the untranslated 酝酿 in the file?
	title := &doc.Segments[0]
	p := title.Locate(pipeline.Target, strings.Index(title.Target, "酝酿"))
	fmt.Printf("酝酿 at line %d, column %d, byte %d\n", p.Line, p.Column, p.Offset)
	// Output:
	// 1 heading 1:3 "US is酝酿 Leaving NATO" skip=[]
	// 2 paragraph 3:3 "A growing trend of anti-NATO sentiment\nis emerging among the American elite." skip=[]
	// 3 list-item 6:3 "Original: toutiao.com/article/7600286426932199955/" skip=[[10,50)]
	// 酝酿 at line 1, column 8, byte 7
}

func ExampleReadFile() {
	doc, err := corpus.ReadFile("samples/001_b2d8e521503d7cce.txt", corpus.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Path, doc.Format, len(doc.Segments), "segments")
	for _, s := range doc.Segments {
		if s.Kind == pipeline.Heading {
			fmt.Printf("heading %s: %s\n", s.ID, s.Target)
		}
	}
	// Output:
	// samples/001_b2d8e521503d7cce.txt text 35 segments
	// heading 1: US is酝酿 Leaving NATO
	// heading 5: From Verbal Attacks to Direct Proposals to Halt
	// heading 18: Core Anti-NATO Arguments
}

func ExampleExpand() {
	paths, err := corpus.Expand([]string{"samples"})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range paths {
		fmt.Println(p)
	}
	// Output:
	// samples/000_0c19f8692f25b57c.txt
	// samples/001_b2d8e521503d7cce.txt
	// samples/tatoeba.zh-en.jsonl
}

func ExampleFormat() {
	for _, p := range []string{"a.txt", "notes.MD", "pairs.jsonl", "pairs.tmx"} {
		f, ok := corpus.Format(p)
		fmt.Printf("%s: %q %v\n", p, f, ok)
	}
	// Output:
	// a.txt: "text" true
	// notes.MD: "markdown" true
	// pairs.jsonl: "jsonl" true
	// pairs.tmx: "" false
}
