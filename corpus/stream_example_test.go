package corpus_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/pipeline"
)

// A PO file read two messages at a time: the header's Plural-Forms reaches
// the plural message of the second part, and positions are the file's.
func ExampleStream() {
	po := `msgid ""
msgstr ""
"Language: en\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "北约"
msgstr "NATO"

msgid "美国酝酿退出北约"
msgstr "US is酝酿 Leaving NATO"

msgid "%d 个盟国"
msgid_plural "%d 个盟国"
msgstr[0] "%d ally"
msgstr[1] "%d allies"
`
	err := corpus.Stream(strings.NewReader(po), "nato.po", "po", corpus.Options{}, corpus.StreamOptions{Segments: 2}, func(doc *pipeline.Document) error {
		fmt.Println("part, target language", doc.TargetLang)
		for _, s := range doc.Segments {
			p := s.Locate(pipeline.Target, 0)
			fmt.Printf("  %s line %d: %q %q\n", s.ID, p.Line, s.Target, s.Notes)
		}
		return nil
	})
	fmt.Println(err, errors.Is(err, corpus.ErrWholeFile))
	// Output:
	// part, target language en
	//   po:375b87a9250e line 7: "NATO" []
	// part, target language en
	//   po:ae425611b68a line 10: "US is酝酿 Leaving NATO" []
	//   po:70589ba4e2e6[0] line 14: "%d ally" ["Plural-Forms: nplurals=2; plural=(n != 1);"]
	//   po:70589ba4e2e6[1] line 15: "%d allies" ["Plural-Forms: nplurals=2; plural=(n != 1);"]
	// <nil> false
}
