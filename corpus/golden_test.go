package corpus

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/tqa-project/tqa/internal/golden"

	"github.com/tqa-project/tqa/pipeline"
)

// TestGolden reads the bundled samples and the Markdown test document and
// compares a listing of their segments with testdata/segments.golden.
func TestGolden(t *testing.T) {
	paths, err := Expand([]string{"samples", "testdata/nato.md"})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, p := range paths {
		doc, err := ReadFile(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s (%s, %d segments)\n", doc.Path, doc.Format, len(doc.Segments))
		for i := range doc.Segments {
			s := &doc.Segments[i]
			fmt.Fprintf(&b, "%s %s", s.ID, s.Kind)
			if s.Source != "" {
				writeSide(&b, s, pipeline.Source)
			}
			writeSide(&b, s, pipeline.Target)
			b.WriteByte('\n')
		}
	}
	const goldenFile = "testdata/segments.golden"
	golden.Check(t, goldenFile, b.Bytes())
}

func writeSide(b *bytes.Buffer, s *pipeline.Segment, side pipeline.Side) {
	p := s.Locate(side, 0)
	fmt.Fprintf(b, " %s %d:%d@%d %q", side, p.Line, p.Column, p.Offset, s.Text(side))
	for _, sp := range s.Skip(side) {
		fmt.Fprintf(b, " skip%v=%q", sp, s.Text(side)[sp.Start:sp.End])
	}
	if lang := s.Lang(side); lang.String() != "und" {
		fmt.Fprintf(b, " lang=%s", lang)
	}
}
