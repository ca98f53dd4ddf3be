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

// TestLengthRatioSeverity makes targets at chosen distances from the
// model's expectation and checks what length-ratio reports: nothing below
// zReport, minor from there, major from zExtreme, and configured
// severities.
func TestLengthRatioSeverity(t *testing.T) {
	src := strings.Repeat("北约成立于布鲁塞尔", 6) // 54 characters
	m := &zhEnLengthModel
	n := countLength(src).units()
	// A single segment is judged with the spread of all documents.
	sd := math.Sqrt(m.variance(n) + m.tau*m.tau)
	at := func(z float64) int { return int(math.Round(m.expected(n, 0) * math.Exp(z*sd))) }
	tests := []struct {
		name       string
		letters    int
		configured map[string]pipeline.Severity
		want       pipeline.Severity // 0: no finding
		category   string
	}{
		{"expected", at(0), nil, 0, ""},
		{"short, not extreme", at(-zReport + 0.3), nil, 0, ""},
		{"too short", at(-zReport - 0.3), nil, pipeline.Minor, pipeline.CategoryOmission},
		{"far too short", at(-zExtreme - 0.3), nil, pipeline.Major, pipeline.CategoryOmission},
		{"too long", at(zReport + 0.3), nil, pipeline.Minor, pipeline.CategoryAddition},
		{"configured major", at(-zReport - 0.3), map[string]pipeline.Severity{"length-ratio": pipeline.Major}, pipeline.Major, pipeline.CategoryOmission},
		{"configured major, extreme", at(-zExtreme - 0.3), map[string]pipeline.Severity{"length-ratio": pipeline.Major}, pipeline.Critical, pipeline.CategoryOmission},
		{"configured neutral, extreme", at(-zExtreme - 0.3), map[string]pipeline.Severity{"length-ratio": pipeline.Neutral}, pipeline.Neutral, pipeline.CategoryOmission},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := zhEnSegment(src, tt.letters)
			seg.ID = "1"
			doc := &pipeline.Document{Path: "t.jsonl", Segments: []pipeline.Segment{seg}}
			cfg := &pipeline.Config{Severity: tt.configured}
			fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{LengthRatio}, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == 0 {
				if len(fs) != 0 {
					t.Fatalf("%d letters: got %+v, want nothing", tt.letters, fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Severity != tt.want || fs[0].Category != tt.category {
				t.Fatalf("%d letters: got %+v, want one %v %s", tt.letters, fs, tt.want, tt.category)
			}
			if fs[0].Span != (pipeline.Span{Start: 0, End: len(seg.Target)}) {
				t.Errorf("span %v, want the whole target", fs[0].Span)
			}
		})
	}
}

func TestDescribeCount(t *testing.T) {
	tests := []struct {
		c    lengthCount
		want string
	}{
		{lengthCount{}, "no letters"},
		{lengthCount{CJK: 1}, "1 Chinese character"},
		{lengthCount{Letters: 12}, "12 letters"},
		{lengthCount{CJK: 60, Letters: 3, Digits: 4}, "60 Chinese characters, 3 letters and 4 digits"},
		{lengthCount{Letters: 1, Digits: 1}, "1 letter and 1 digit"},
	}
	for _, tt := range tests {
		if got := describeCount(tt.c); got != tt.want {
			t.Errorf("describeCount(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
	if got := describeUnits(32.7, 65.4, lengthCount{CJK: 5}); got != "10 to 20 Chinese characters" {
		t.Errorf("describeUnits in Chinese characters: %q", got)
	}
	if got := describeUnits(40, 40, lengthCount{Letters: 5, Digits: 2}); got != "40 letters and digits" {
		t.Errorf("describeUnits in letters: %q", got)
	}
}

func ExampleLengthRatio() {
	doc := &pipeline.Document{Path: "demo.jsonl", Segments: []pipeline.Segment{
		{ID: "1", Source: "北约成立于1949年，总部设在布鲁塞尔。", Target: "NATO was founded in 1949 and has its headquarters in Brussels."},
		{ID: "2", Source: "北大西洋理事会是北约的主要政治决策机构，由各成员国的常驻代表组成，每周至少举行一次会议，其决定均以协商一致方式作出。", Target: "The Council meets."},
	}}
	cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English}
	fs, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{LengthRatio}, cfg)
	for _, f := range fs {
		fmt.Printf("%s %s %s\n", f.ID, f.Severity, f.Category)
	}
	// Output:
	// 2 major accuracy/omission
}
