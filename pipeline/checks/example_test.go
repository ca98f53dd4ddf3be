package checks_test

import (
	"context"
	"fmt"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
)

// All is the registry of checks; pipeline.Run applies them to documents.
func ExampleAll() {
	doc := &pipeline.Document{Path: "title.txt", Segments: []pipeline.Segment{{
		ID:        "1",
		Kind:      pipeline.Heading,
		Target:    "US is酝酿 Leaving NATO under Article V",
		TargetLoc: pipeline.At(pipeline.Position{Line: 1, Column: 1}),
	}}}
	cfg := &pipeline.Config{TargetLang: language.English, Glossaries: []*glossary.Glossary{glossary.NATO()}}
	findings, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, checks.All(), cfg)
	if err != nil {
		panic(err)
	}
	for _, f := range findings {
		fmt.Printf("%s %s %q\n", f.Check, f.Severity, f.Text)
	}
	// Output:
	// mixed-script critical "酝酿"
	// term-deprecated major "Article V"
}
