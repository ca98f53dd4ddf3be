package pipeline_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/tqa-project/tqa/pipeline"
)

// A check is a value with a Run function that reports findings with spans.
func ExampleRun() {
	tilde := &pipeline.Check{
		Name:     "tilde",
		Doc:      "Finds tildes.",
		Category: pipeline.CategoryPunctuation,
		Severity: pipeline.Minor,
		Run: func(p *pipeline.Pass) error {
			for d, doc := range p.Docs {
				for i, s := range doc.Segments {
					if j := strings.Index(s.Target, "~"); j >= 0 {
						span := pipeline.Span{Start: j, End: j + 1}
						p.Report(d, i, pipeline.Finding{
							Span:    span,
							Message: "tilde used as a dash",
							Fixes:   []pipeline.Fix{pipeline.ReplaceFix("Replace with an em dash", span, "—")},
						})
					}
				}
			}
			return nil
		},
	}
	doc := &pipeline.Document{Path: "a.txt", Segments: []pipeline.Segment{{
		ID:        "1",
		Target:    "capabilities ~ strategic lift",
		TargetLoc: pipeline.At(pipeline.Position{Line: 1, Column: 1}),
	}}}
	findings, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{tilde}, nil)
	if err != nil {
		panic(err)
	}
	for _, f := range findings {
		pos := doc.Segments[f.Segment].Locate(f.Side, f.Span.Start)
		fmt.Printf("%s:%d:%d: %s: %s: %s\n", f.Path, pos.Line, pos.Column, f.Severity, f.Check, f.Message)
		fmt.Println(f.Fixes[0].Apply(doc.Segments[f.Segment].Target))
	}
	// Output:
	// a.txt:1:14: minor: tilde: tilde used as a dash
	// capabilities — strategic lift
}
