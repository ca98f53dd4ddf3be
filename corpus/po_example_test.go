package corpus_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/pipeline"
)

// Example_po reads a gettext PO file: one segment per message (per
// plural form for plural messages), with msgctxt as the Context, "#,
// fuzzy" as the State and "#." and "# " comments as Notes. The header's
// Language gives the target language. IDs are hashes of msgctxt and
// msgid, so they stay when messages move.
func Example_po() {
	data := []byte(`msgid ""
msgstr ""
"Language: en\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#. Headline of the article.
#, fuzzy
msgctxt "headline"
msgid "美国酝酿退出北约"
msgstr "US is酝酿 "
"Leaving NATO"

msgid "%d 个盟国"
msgid_plural "%d 个盟国"
msgstr[0] "%d ally"
msgstr[1] "%d allies"
`)
	doc, err := corpus.Read("news.po", data, "po", corpus.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("target language:", doc.TargetLang)
	for _, s := range doc.Segments {
		fmt.Printf("%s %q: %s => %s [%s] %q\n", s.ID, s.Context, s.Source, s.Target, s.State, s.Notes)
	}
	// Where is the untranslated 酝酿, and where does "Leaving", on the
	// continuation line, start?
	s := &doc.Segments[0]
	for _, w := range []string{"酝酿", "Leaving"} {
		p := s.Locate(pipeline.Target, strings.Index(s.Target, w))
		fmt.Printf("%s at line %d, column %d\n", w, p.Line, p.Column)
	}
	// Output:
	// target language: en
	// po:95b5d72ac71a "headline": 美国酝酿退出北约 => US is酝酿 Leaving NATO [fuzzy] ["Headline of the article."]
	// po:70589ba4e2e6[0] "": %d 个盟国 => %d ally [] ["Plural-Forms: nplurals=2; plural=(n != 1);"]
	// po:70589ba4e2e6[1] "": %d 个盟国 => %d allies [] ["Plural-Forms: nplurals=2; plural=(n != 1);"]
	// 酝酿 at line 11, column 14
	// Leaving at line 12, column 2
}
