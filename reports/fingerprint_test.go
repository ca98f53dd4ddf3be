package reports

import (
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

func TestFingerprint(t *testing.T) {
	base := pipeline.Finding{Check: "mixed-script", Path: "a.txt", ID: "1", Side: pipeline.Target, Text: "酝酿", Span: pipeline.Span{Start: 5, End: 11}, Segment: 0}
	moved := base
	moved.Segment, moved.Span = 7, pipeline.Span{Start: 40, End: 46}
	if Fingerprint(&base) != Fingerprint(&moved) {
		t.Errorf("fingerprint changed when the finding moved")
	}
	for name, mod := range map[string]func(*pipeline.Finding){
		"check": func(f *pipeline.Finding) { f.Check = "term-deprecated" },
		"path":  func(f *pipeline.Finding) { f.Path = "b.txt" },
		"id":    func(f *pipeline.Finding) { f.ID = "2" },
		"side":  func(f *pipeline.Finding) { f.Side = pipeline.Source },
		"text":  func(f *pipeline.Finding) { f.Text = "北约" },
	} {
		g := base
		mod(&g)
		if Fingerprint(&g) == Fingerprint(&base) {
			t.Errorf("changing the %s kept the fingerprint", name)
		}
	}
}
