package checks_test

import (
	"context"
	"fmt"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
)

// runOne runs one check on one segment and prints its findings.
func runOne(c *pipeline.Check, lang language.Tag, seg pipeline.Segment) {
	doc := &pipeline.Document{Path: "example", Segments: []pipeline.Segment{seg}}
	fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{c}, &pipeline.Config{TargetLang: lang})
	if err != nil {
		panic(err)
	}
	for _, f := range fs {
		fmt.Printf("%s %s %+q: %s\n", f.Side, f.Severity, f.Text, f.Message)
		for _, fix := range f.Fixes {
			fmt.Printf("  %s: %q\n", fix.Message, fix.Apply(seg.Text(f.Side)))
		}
	}
}

func ExamplePlaceholders() {
	runOne(checks.Placeholders, language.French, pipeline.Segment{
		ID: "1", Source: "Welcome, {name}! You have %d new messages.", Target: "Bienvenue, {nom} ! Vous avez des nouveaux messages.",
	})
	// Output:
	// target major "{nom}": placeholder “{nom}” differs from the source’s “{name}”
	//   Replace with “{name}”: "Bienvenue, {name} ! Vous avez des nouveaux messages."
	// source major "%d": placeholder “%d” of the source is missing from the target
}

func ExampleInlineTags() {
	// Readers put one U+FFFC in the text for each inline code.
	src := "Click \uFFFChere\uFFFC."
	tgt := "Cliquez ici\uFFFC."
	runOne(checks.InlineTags, language.French, pipeline.Segment{
		ID: "1", Source: src, Target: tgt,
		SourceCodes: []pipeline.Code{
			{Span: pipeline.Span{Start: 6, End: 9}, Kind: pipeline.Open, Type: "g", ID: "1", Data: `<g id="1">`},
			{Span: pipeline.Span{Start: 13, End: 16}, Kind: pipeline.Close, Type: "g", ID: "1", Data: `</g>`},
		},
		TargetCodes: []pipeline.Code{
			{Span: pipeline.Span{Start: 11, End: 14}, Kind: pipeline.Close, Type: "g", ID: "1", Data: `</g>`},
		},
	})
	// Output:
	// source major "\ufffc": inline code “<g id="1">” of the source is missing from the target
}

func ExampleURLsEmails() {
	runOne(checks.URLsEmails, language.English, pipeline.Segment{
		ID: "1", Source: "详见 www.nato.int/news，或致信 press@hq.nato.int。", Target: "See www.nato.int/new or write to press@hq.nato.int.",
	})
	// Output:
	// target major "www.nato.int/new": link “www.nato.int/new” differs from the source’s “www.nato.int/news”
	//   Replace with “www.nato.int/news”: "See www.nato.int/news or write to press@hq.nato.int."
}

func ExampleBracketsQuotes() {
	runOne(checks.BracketsQuotes, language.English, pipeline.Segment{
		ID: "1", Source: "北约（北大西洋公约组织）说：“我们会来的。”", Target: "NATO (the North Atlantic Treaty Organization said: “We will come.\"",
	})
	// Output:
	// target minor "(": opening bracket “(” is not closed; the source’s brackets are balanced
	// target minor "\"": straight quotation mark “"” pairs with the curly ““”; use “””
	//   Replace with “””: "NATO (the North Atlantic Treaty Organization said: “We will come.”"
}

func ExampleWhitespace() {
	runOne(checks.Whitespace, language.English, pipeline.Segment{
		ID: "1", Source: "保存\n", Target: "Save  the file ,then close it",
	})
	// Output:
	// target minor "  ": 2 spaces in a row
	//   Replace with one space: "Save the file ,then close it"
	// target minor " ,": space before “,” instead of after it
	//   Put the space after the comma: "Save  the file, then close it"
	// target minor "": the target ends with no white space, the source with a line break
	//   Use the source’s white space (a line break): "Save  the file ,then close it\n"
}

func ExampleRepeatedWord() {
	runOne(checks.RepeatedWord, language.English, pipeline.Segment{
		ID: "1", Target: "The summit of of the alliance: I think that that was the the plan.",
	})
	// Output:
	// target minor " of": “of” is repeated
	//   Remove the second “of”: "The summit of the alliance: I think that that was the the plan."
	// target neutral " that": “that” is repeated; check that the repetition is meant
	//   Remove the second “that”: "The summit of of the alliance: I think that was the the plan."
	// target minor " the": “the” is repeated
	//   Remove the second “the”: "The summit of of the alliance: I think that that was the plan."
}
