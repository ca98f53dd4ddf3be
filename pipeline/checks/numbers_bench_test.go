package checks

import (
	"context"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/internal/cputime"
	"github.com/tqa-project/tqa/pipeline"
)

// tatoebaDoc returns the Tatoeba Mandarin–English pairs of ../shared as
// one document, Chinese sources and English targets, with the source
// language undetermined as in a PO file that names only its target's.
func tatoebaDoc(b *testing.B) *pipeline.Document {
	doc := &pipeline.Document{Path: "tatoeba.po", Format: "po", TargetLang: language.English}
	eachZhEnLine(b, filepath.Join(zhEnDataDir, "tatoeba_cmn_eng.tsv"), func(n int, f []string) {
		if len(f) >= 2 {
			doc.Segments = append(doc.Segments, pipeline.Segment{ID: "s", Source: f[1], Target: f[0]})
		}
	})
	return doc
}

// BenchmarkNumbersUnrelated runs numbers and unrelated-output, which share
// the numbers read from each side (segmentNumbers), over the Tatoeba
// pairs: about 29,000 segments whose Chinese sources are full of 一 and
// 两. It reports CPU time beside wall time; with GOMAXPROCS=1 it is the
// cost on one core.
func BenchmarkNumbersUnrelated(b *testing.B) {
	doc := tatoebaDoc(b)
	checks := []*pipeline.Check{Numbers, UnrelatedOutput}
	docs := []*pipeline.Document{doc}
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		if _, err := pipeline.Run(context.Background(), docs, checks, nil); err != nil {
			b.Fatal(err)
		}
	}
	if used := cputime.Process() - cpu; used > 0 {
		b.ReportMetric(float64(used)/float64(b.N), "cpu-ns/op")
	}
}
