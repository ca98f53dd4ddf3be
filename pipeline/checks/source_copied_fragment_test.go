package checks

import (
	"context"
	"fmt"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

func TestSourceContext(t *testing.T) {
	src := "美国酝酿退出北约"
	tests := []struct {
		start, end, n int
		want          string
	}{
		{6, 12, 12, "美国酝酿退出北约"},
		{6, 12, 1, "…国酝酿退…"},
		{0, 6, 2, "美国酝酿…"},
		{18, 24, 2, "…退出北约"},
	}
	for _, tt := range tests {
		if got := sourceContext(src, tt.start, tt.end, tt.n); got != tt.want {
			t.Errorf("sourceContext(%d, %d, %d) = %q, want %q", tt.start, tt.end, tt.n, got, tt.want)
		}
	}
	if got := sourceContext("a\nb 酝酿 c\ufffcd", 4, 10, 4); got != "a b 酝酿 c d" {
		t.Errorf("line breaks and codes: got %q", got)
	}
}

// TestSourceCopiedFragmentSeverity covers headings and configured
// severities, which the scenarios cannot set.
func TestSourceCopiedFragmentSeverity(t *testing.T) {
	doc := func() *pipeline.Document {
		return &pipeline.Document{Path: "t.jsonl", Segments: []pipeline.Segment{
			{ID: "1", Kind: pipeline.Heading, Source: "美国酝酿退出北约", Target: "US is酝酿 Leaving NATO"},
			{ID: "2", Source: "美国酝酿退出北约", Target: "US is酝酿 Leaving NATO"},
		}}
	}
	tests := []struct {
		name       string
		configured map[string]pipeline.Severity
		want       [2]pipeline.Severity
	}{
		{"defaults", nil, [2]pipeline.Severity{pipeline.Critical, pipeline.Major}},
		{"configured minor", map[string]pipeline.Severity{"source-copied-fragment": pipeline.Minor}, [2]pipeline.Severity{pipeline.Major, pipeline.Minor}},
		{"neutral is never raised", map[string]pipeline.Severity{"source-copied-fragment": pipeline.Neutral}, [2]pipeline.Severity{pipeline.Neutral, pipeline.Neutral}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English, Severity: tt.configured}
			fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc()}, []*pipeline.Check{SourceCopiedFragment, MixedScript}, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != 2 {
				t.Fatalf("%d findings, want 2 (and none of mixed-script): %+v", len(fs), fs)
			}
			for k, f := range fs {
				if f.Check != "source-copied-fragment" || f.Severity != tt.want[k] {
					t.Errorf("segment %s: %s %v, want source-copied-fragment %v", f.ID, f.Check, f.Severity, tt.want[k])
				}
			}
		})
	}
}

func ExampleSourceCopiedFragment() {
	doc := &pipeline.Document{Path: "demo.jsonl", Segments: []pipeline.Segment{
		{ID: "1", Source: "美国酝酿退出北约", Target: "US is酝酿 Leaving NATO"},
	}}
	cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English}
	fs, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{MixedScript, SourceCopiedFragment}, cfg)
	for _, f := range fs {
		fmt.Printf("%s %v %s\n", f.Check, f.Span, f.Message)
	}
	// Output:
	// source-copied-fragment [5,11) Chinese (Han) text “酝酿” copied untranslated from the source (“美国酝酿退出北约”); no space between “is” and it
}
