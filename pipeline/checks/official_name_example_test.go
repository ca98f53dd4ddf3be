package checks_test

import (
	"context"
	"fmt"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
)

// OfficialName reports a name that drifted from an official one, with the
// official name as the fix; the think tank "Atlantic Council" is another
// body and is left alone.
func ExampleOfficialName() {
	doc := &pipeline.Document{Path: "news.txt", Segments: []pipeline.Segment{
		{ID: "1", Target: `Massie introduced the "Untrustworthy Organization Act" in December 2025.`},
		{ID: "2", Target: "The Atlantic Council and the North Atlantic Council disagreed."},
	}}
	cfg := &pipeline.Config{TargetLang: language.English, Glossaries: []*glossary.Glossary{glossary.NATO()}}
	findings, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{checks.OfficialName}, cfg)
	if err != nil {
		panic(err)
	}
	for _, f := range findings {
		fmt.Printf("%s %q: %s\n", f.ID, f.Text, f.Fixes[0].Message)
	}
	// Output:
	// 1 "Untrustworthy Organization Act": Replace with “Not A Trusted Organization Act”
}
