package checks

import (
	"context"
	"fmt"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// TestEmptyTargetStates covers what the scenarios cannot set: workflow
// states, configured severities, and segments whose target has no place in
// the file.
func TestEmptyTargetStates(t *testing.T) {
	at := pipeline.At(pipeline.Position{Line: 1, Column: 1})
	tests := []struct {
		name       string
		seg        pipeline.Segment
		configured map[string]pipeline.Severity
		want       pipeline.Severity // 0: no finding
		side       pipeline.Side
		span       pipeline.Span
	}{
		{"no state", pipeline.Segment{Source: "和平", SourceLoc: at, TargetLoc: at}, nil, pipeline.Major, pipeline.Target, pipeline.Span{}},
		{"translated", pipeline.Segment{Source: "和平", State: "translated", SourceLoc: at, TargetLoc: at}, nil, pipeline.Major, pipeline.Target, pipeline.Span{}},
		{"XLIFF 1.2 new", pipeline.Segment{Source: "和平", State: "new", SourceLoc: at, TargetLoc: at}, nil, pipeline.Neutral, pipeline.Target, pipeline.Span{}},
		{"XLIFF 1.2 needs-translation", pipeline.Segment{Source: "和平", State: "needs-translation", SourceLoc: at, TargetLoc: at}, nil, pipeline.Neutral, pipeline.Target, pipeline.Span{}},
		{"XLIFF 2 initial, any case", pipeline.Segment{Source: "和平", State: "Initial", SourceLoc: at, TargetLoc: at}, nil, pipeline.Neutral, pipeline.Target, pipeline.Span{}},
		{"untranslated", pipeline.Segment{Source: "和平", State: "untranslated", SourceLoc: at, TargetLoc: at}, nil, pipeline.Neutral, pipeline.Target, pipeline.Span{}},
		{"fuzzy is not untranslated", pipeline.Segment{Source: "和平", State: "fuzzy", SourceLoc: at, TargetLoc: at}, nil, pipeline.Major, pipeline.Target, pipeline.Span{}},
		{"configured critical", pipeline.Segment{Source: "和平", SourceLoc: at, TargetLoc: at},
			map[string]pipeline.Severity{"empty-target": pipeline.Critical}, pipeline.Critical, pipeline.Target, pipeline.Span{}},
		{"configured, still neutral when not translated yet", pipeline.Segment{Source: "和平", State: "new", SourceLoc: at, TargetLoc: at},
			map[string]pipeline.Severity{"empty-target": pipeline.Critical}, pipeline.Neutral, pipeline.Target, pipeline.Span{}},
		{"no target in the file: the source", pipeline.Segment{Source: " 和平 ", SourceLoc: at}, nil, pipeline.Major, pipeline.Source, pipeline.Span{Start: 1, End: 7}},
		{"no locators at all: the target", pipeline.Segment{Source: "和平"}, nil, pipeline.Major, pipeline.Target, pipeline.Span{}},
		{"a target", pipeline.Segment{Source: "和平", Target: "Peace", SourceLoc: at, TargetLoc: at}, nil, 0, 0, pipeline.Span{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := tt.seg
			seg.ID = "1"
			doc := &pipeline.Document{Path: "t.xlf", Segments: []pipeline.Segment{seg}}
			cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English, Severity: tt.configured}
			fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{EmptyTarget}, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == 0 {
				if len(fs) != 0 {
					t.Fatalf("got %+v, want no finding", fs)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("%d findings, want 1: %+v", len(fs), fs)
			}
			f := fs[0]
			if f.Severity != tt.want || f.Side != tt.side || f.Span != tt.span {
				t.Errorf("got %v %v %v (%s), want %v %v %v", f.Severity, f.Side, f.Span, f.Message, tt.want, tt.side, tt.span)
			}
		})
	}
}

func TestBlankTarget(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"", true},
		{" \t\n", true},
		{"\u00a0", true}, // no-break space
		{"\u3000", true}, // ideographic space
		{"\ufeff", true}, // byte order mark
		{"\u200b\u200d", true},
		{"\ufffc\ufffc", true},
		{"\ufffc x", false},
		{".", false},
		{"0", false},
		{"—", false},
	}
	for _, tt := range tests {
		if got := blankTarget(tt.text); got != tt.want {
			t.Errorf("blankTarget(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestQuoteShort(t *testing.T) {
	tests := []struct {
		text string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"one two three four five", 12, "one two thre…"},
		{"alpha beta gamma", 12, "alpha beta…"},
		{"abcdefghijklmnop", 5, "abcde…"},
		{"北大西洋理事会是北约的主要政治决策机构", 7, "北大西洋理事会…"},
		{"line\nbreak\ufffccode", 40, "line break code"},
	}
	for _, tt := range tests {
		if got := quoteShort(tt.text, tt.max); got != tt.want {
			t.Errorf("quoteShort(%q, %d) = %q, want %q", tt.text, tt.max, got, tt.want)
		}
	}
}

func ExampleEmptyTarget() {
	doc := &pipeline.Document{Path: "demo.xlf", Segments: []pipeline.Segment{
		{ID: "1", Source: "北约成立于1949年。", Target: ""},
		{ID: "2", Source: "集体防御", Target: " ", State: "new"},
	}}
	cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English}
	fs, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{EmptyTarget}, cfg)
	for _, f := range fs {
		fmt.Printf("%s %s: %s\n", f.ID, f.Severity, f.Message)
	}
	// Output:
	// 1 major: no translation: the target is empty where the source has “北约成立于1949年。”
	// 2 neutral: no translation: the target holds only white space where the source has “集体防御” (state “new”: not translated yet)
}
