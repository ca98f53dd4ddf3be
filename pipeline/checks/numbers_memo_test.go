package checks

import (
	"context"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/numerals"
)

// TestSegmentNumbers asks for the numbers of the segments of a document
// in an order other than theirs, and twice, and wants what
// numerals.Extract reads from each side: over more sides with numbers
// than a block of the memo holds, a side with more numbers than an array
// of them, sides without numbers, segments without a source or a target,
// and appends to each slice handed out.
func TestSegmentNumbers(t *testing.T) {
	type pair struct{ source, target string }
	var pairs []pair
	sources := []string{"我有两个孩子。", "一起去吧。", "2019年9月28日，45辆车。", "", "他三点到。", "没有数字。", strings.Repeat("3个，", 300)}
	targets := []string{"I have two children.", "Let's go.", "45 cars on 28 September 2019.", "No number.", "", "He arrives at three.", strings.Repeat("3, ", 300)}
	for k := 0; k < 1500; k++ {
		pairs = append(pairs, pair{sources[k%len(sources)], targets[(k/len(sources)+k)%len(targets)]})
	}
	doc := &pipeline.Document{Path: "memo.jsonl", Format: "jsonl"}
	for _, p := range pairs {
		doc.Segments = append(doc.Segments, pipeline.Segment{ID: "s", Source: p.source, Target: p.target, SourceLang: language.Chinese, TargetLang: language.English})
	}
	order := rand.New(rand.NewPCG(1, 2)).Perm(len(pairs))
	order = append(order, order...)
	sides := 0
	check := &pipeline.Check{
		Name: "numbers-memo",
		Run: func(p *pipeline.Pass) error {
			for _, i := range order {
				seg := &p.Docs[0].Segments[i]
				src, tgt := segmentNumbers(p, 0, i)
				var wantSrc, wantTgt []numerals.Number
				if seg.Source != "" && seg.Target != "" {
					wantSrc, wantTgt = numerals.Extract(seg.Source, seg.SourceLang), numerals.Extract(seg.Target, seg.TargetLang)
				}
				if !reflect.DeepEqual(src, wantSrc) || !reflect.DeepEqual(tgt, wantTgt) {
					t.Fatalf("segmentNumbers(%d) = %v, %v, want %v, %v", i, src, tgt, wantSrc, wantTgt)
				}
				if len(src) > 0 {
					sides++
				}
				// a caller's append must not reach another side's numbers
				_ = append(src, numerals.Number{Start: -1})
				_ = append(tgt, numerals.Number{Start: -1})
			}
			return nil
		},
	}
	if _, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{check}, nil); err != nil {
		t.Fatal(err)
	}
	if sides < 2*spanBlock {
		t.Fatalf("%d sources with numbers asked for: fewer than two blocks", sides)
	}
}
