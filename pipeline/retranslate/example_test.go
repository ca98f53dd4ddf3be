package retranslate_test

import (
	"context"
	"fmt"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
	"github.com/tqa-project/tqa/pipeline/retranslate"
)

// fixedModel stands in for a language model: it always proposes the same
// text.
type fixedModel string

func (m fixedModel) Complete(context.Context, retranslate.Request) (*retranslate.Response, error) {
	return &retranslate.Response{Content: `{"translation": "` + string(m) + `", "notes": "translated 酝酿"}`}, nil
}

func ExampleRun() {
	doc := &pipeline.Document{Path: "news.txt", Format: "text", TargetLang: language.English,
		Segments: []pipeline.Segment{{ID: "1", Kind: pipeline.Heading, Target: "US is酝酿 Leaving NATO"}}}
	cfg := &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}}
	list := checks.All()
	findings, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, list, cfg)

	for _, model := range []fixedModel{"US Is Considering Leaving NATO", "US Is 酝酿 Leaving NATO"} {
		props, stats, err := retranslate.Run(context.Background(), []*pipeline.Document{doc}, findings, retranslate.Options{
			Model: model, ModelName: "example", Checks: list, Config: cfg,
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, p := range props {
			fmt.Printf("%s → %s: %s %q\n", p.Original, p.Proposed, p.Status, p.Reasons)
		}
		fmt.Println(stats.Requests, "request")
	}
	// Output:
	// US is酝酿 Leaving NATO → US Is Considering Leaving NATO: accepted []
	// 1 request
	// US is酝酿 Leaving NATO → US Is 酝酿 Leaving NATO: rejected ["keeps mixed-script “酝酿” (critical): Chinese (Han) text “酝酿” (yùnniàng) in an English target"]
	// 1 request
}

func ExampleParseReply() {
	r, err := retranslate.ParseReply("Here you are:\n```json\n{\"translation\": \"US Is Considering Leaving NATO\", \"notes\": \"translated 酝酿\"}\n```")
	fmt.Println(r.Translation, "|", r.Notes, "|", err)
	// Output: US Is Considering Leaving NATO | translated 酝酿 | <nil>
}

// A proposal from anywhere (a model, a colleague, a translation memory)
// can be verified the same way.
func ExampleVerifier() {
	doc := &pipeline.Document{Path: "news.txt", Format: "text", TargetLang: language.English,
		Segments: []pipeline.Segment{{ID: "2", Target: "The obligation under NATO Article V binds Washington."}}}
	cfg := &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}}
	list := checks.All()
	findings, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, list, cfg)
	v := &retranslate.Verifier{Checks: list, Config: cfg}
	for _, text := range []string{"The obligation under NATO Article 5 binds Washington.", "The obligation under NATO Article Five binds Washington."} {
		p, err := v.Verify(context.Background(), doc, 0, 0, findings, text)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(p.Status, len(p.Added), "added")
	}
	// Output:
	// accepted 0 added
	// rejected 1 added
}
