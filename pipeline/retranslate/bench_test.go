package retranslate

import (
	"context"
	"testing"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
)

// echoModel answers every request at once with the segment's current
// target: the cost of the stage without a model.
type echoModel struct{}

func (echoModel) Complete(_ context.Context, req Request) (*Response, error) {
	return &Response{Content: `{"translation": "The US is considering leaving NATO.", "notes": ""}`}, nil
}

// BenchmarkVerify measures the verification of one proposal for the 001
// headline: the checks run on the segment alone, with the original and
// with the proposal.
func BenchmarkVerify(b *testing.B) {
	doc := newsDoc()
	cfg := natoConfig()
	list := checks.All()
	fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, list, cfg)
	if err != nil {
		b.Fatal(err)
	}
	var fixes []pipeline.Finding
	for _, f := range fs {
		if f.Segment == 0 {
			fixes = append(fixes, f)
		}
	}
	v := &Verifier{Checks: list, Config: cfg}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Verify(context.Background(), doc, 0, 0, fixes, "US Is Considering Leaving NATO"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunSamples measures the whole stage on the demo corpus with a
// model that answers at once: selection, prompts and verification of its
// three flagged segments.
func BenchmarkRunSamples(b *testing.B) {
	paths, err := corpus.Expand([]string{"../../corpus/samples"})
	if err != nil {
		b.Skip(err)
	}
	var docs []*pipeline.Document
	for _, p := range paths {
		f, err := corpus.Open(p, corpus.Options{})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, f.Doc)
	}
	cfg := natoConfig()
	list := checks.All()
	fs, err := pipeline.Run(context.Background(), docs, list, cfg)
	if err != nil {
		b.Fatal(err)
	}
	opt := Options{Model: echoModel{}, ModelName: "echo", Checks: list, Config: cfg}
	b.ReportAllocs()
	for b.Loop() {
		props, _, err := Run(context.Background(), docs, fs, opt)
		if err != nil || len(props) != 3 {
			b.Fatalf("%d proposals, %v", len(props), err)
		}
	}
}

// BenchmarkGlossaryHash measures the hash of the built-in glossary, taken
// once per run for the cache keys.
func BenchmarkGlossaryHash(b *testing.B) {
	gs := natoConfig().Glossaries
	b.ReportAllocs()
	for b.Loop() {
		if _, err := GlossaryHash(gs); err != nil {
			b.Fatal(err)
		}
	}
}
