package checks

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// TestTargetLatinWords asks for the targets' words in an order other than
// the segments' (and twice), with a target whose words need an array of
// their own, appends to each slice handed out, and wants
// langid.LatinWords of every target each time.
func TestTargetLatinWords(t *testing.T) {
	targets := []string{
		"La défense collective remains the Alliance's core task.",
		"",
		"北约峰会",
		"Eine neue Zeitenwende, said Scholz.",
		"Tom's well-known café at www.nato.int",
		// longer than the first array: its words start a new one
		strings.Repeat("Allies agreed on a plan of défense collective. ", 4),
	}
	doc := &pipeline.Document{Path: "memo.txt", Format: "text"}
	for _, text := range targets {
		doc.Segments = append(doc.Segments, pipeline.Segment{Target: text})
	}
	order := []int{3, 0, 5, 4, 1, 2, 3, 0, 5, 4, 1, 2}
	check := &pipeline.Check{
		Name: "latin-words-memo",
		Run: func(p *pipeline.Pass) error {
			for _, i := range order {
				got := targetLatinWords(p, 0, i)
				if want := langid.LatinWords(targets[i]); !slices.Equal(got, want) {
					t.Errorf("targetLatinWords(%q) = %v, want %v", targets[i], got, want)
				}
				// a caller's append must not reach another target's words
				_ = append(got, langid.Word{Start: -1, End: -1})
			}
			return nil
		},
	}
	if _, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{check}, nil); err != nil {
		t.Fatal(err)
	}
}
