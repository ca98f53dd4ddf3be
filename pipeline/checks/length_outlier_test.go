package checks

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// TestLengthOutlierBounds checks Z0 and Outlier on single segments at
// chosen population z-scores: inside the bounds nothing, beyond them an
// outlier; and that a single segment beyond them is length-ratio's.
func TestLengthOutlierBounds(t *testing.T) {
	src := strings.Repeat("北约成立于布鲁塞尔", 6) // 54 characters
	m := &zhEnLengthModel
	n := countLength(src).units()
	sd := math.Sqrt(m.variance(n) + m.tau*m.tau)
	at := func(z float64) int { return int(math.Round(m.expected(n, 0) * math.Exp(z*sd))) }
	tests := []struct {
		z       float64
		outlier bool
	}{
		{0, false},
		{m.outlierLow + 0.2, false},
		{m.outlierLow - 0.2, true},
		{m.outlierHigh - 0.2, false},
		{m.outlierHigh + 0.2, true},
	}
	for _, tt := range tests {
		seg := zhEnSegment(src, at(tt.z))
		sc := scoreLengths([]pipeline.Segment{seg}).z[0]
		if math.Abs(sc.Z0-tt.z) > 0.05 || sc.Outlier != tt.outlier {
			t.Errorf("z %.2f: Z0 %.2f, outlier %v; want outlier %v", tt.z, sc.Z0, sc.Outlier, tt.outlier)
		}
		if sc.Outlier && !lengthRatioReports(sc) {
			t.Errorf("z %.2f: a single segment beyond the bounds is not length-ratio's", tt.z)
		}
	}
}

// TestLengthOutlierDivision runs both length checks on a document whose
// every target is cut to the same fraction of its expected length, and
// checks that each segment gets one finding, from the check the division
// gives it to.
func TestLengthOutlierDivision(t *testing.T) {
	src := strings.Repeat("北约成立于布鲁塞尔", 8) // 72 characters
	m := &zhEnLengthModel
	n := countLength(src).units()
	tests := []struct {
		segments int
		share    float64 // of the expected length
		want     string  // the check reporting every segment, "" for none
	}{
		{1, 0.28, "length-ratio"},
		{6, 0.28, "length-outlier"},
		{6, 0.9, ""},
	}
	for _, tt := range tests {
		doc := &pipeline.Document{Path: "t.jsonl"}
		for i := 0; i < tt.segments; i++ {
			seg := zhEnSegment(src, int(tt.share*m.expected(n, 0)))
			seg.ID = fmt.Sprint(i + 1)
			doc.Segments = append(doc.Segments, seg)
		}
		fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{LengthRatio, LengthOutlier}, &pipeline.Config{})
		if err != nil {
			t.Fatal(err)
		}
		if tt.want == "" {
			if len(fs) != 0 {
				t.Errorf("%d segments at %.2f: %d findings, want none", tt.segments, tt.share, len(fs))
			}
			continue
		}
		if len(fs) != tt.segments {
			t.Fatalf("%d segments at %.2f: %d findings, want one each", tt.segments, tt.share, len(fs))
		}
		for _, f := range fs {
			if f.Check != tt.want || f.Category != pipeline.CategoryOmission {
				t.Errorf("%d segments at %.2f: %s %s, want %s", tt.segments, tt.share, f.Check, f.Category, tt.want)
			}
		}
	}
}

func TestFractionWords(t *testing.T) {
	tests := []struct {
		r    float64
		want string
	}{
		{4, "4 times"}, {1, "the same as"}, {0.5, "half"}, {0.33, "a third of"}, {0.25, "a quarter of"}, {0.1, "1/10 of"},
	}
	for _, tt := range tests {
		if got := fractionWords(tt.r); got != tt.want {
			t.Errorf("fractionWords(%g) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func ExampleLengthOutlier() {
	// An engine kept only the first clause of every long sentence of a
	// document: each target is a quarter of the usual length.
	source := "北大西洋理事会是北约的主要政治决策机构，由各成员国的常驻代表组成，每周至少举行一次会议，也可以在部长级和国家元首及政府首脑级举行会议，其决定均以协商一致方式作出。"
	doc := &pipeline.Document{Path: "mt.jsonl"}
	for i := 1; i <= 5; i++ {
		doc.Segments = append(doc.Segments, pipeline.Segment{ID: fmt.Sprint(i), Source: source,
			Target: "The North Atlantic Council is NATO's principal political decision-making body."})
	}
	cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English}
	fs, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{LengthRatio, LengthOutlier}, cfg)
	fmt.Println(len(fs), "findings")
	fmt.Println(fs[0].Check, fs[0].Severity, fs[0].Category)
	// Output:
	// 5 findings
	// length-outlier major accuracy/omission
}
