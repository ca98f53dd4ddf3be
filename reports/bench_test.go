package reports

import (
	"io"
	"strconv"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

// benchReport is a run over one document of n segments, a finding with a
// fix in every segment.
func benchReport(n int) (*Report, int) {
	const tgt = "Les Alliés se consultent  sur la sécurité et la défense collective de l'espace euro-atlantique."
	b := newBuilder()
	d := &pipeline.Document{Path: "bench.txt", Format: "text", TargetLang: fr}
	for i := range n {
		d.Segments = append(d.Segments, pipeline.Segment{ID: strconv.Itoa(i + 1), Target: tgt, TargetLoc: at(i+1, 1, i*(len(tgt)+1))})
	}
	b.doc(d)
	for i := range n {
		b.add(0, i, finding{
			check: "double-space", category: pipeline.CategoryWhitespace, severity: pipeline.Minor,
			sub: "  ", message: "Two spaces between words",
			fixes: []pipeline.Fix{replace("Replace with one space", tgt, "  ", 0, " ")},
		})
	}
	return b.report(), n * len(tgt)
}

func BenchmarkWriteText(b *testing.B) {
	r, size := benchReport(10000)
	b.SetBytes(int64(size))
	for b.Loop() {
		if err := WriteText(io.Discard, r, TextOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteJSON(b *testing.B) {
	r, size := benchReport(10000)
	b.SetBytes(int64(size))
	for b.Loop() {
		if err := WriteJSON(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
