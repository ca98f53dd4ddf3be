package checks

import (
	"context"
	"fmt"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
)

func TestPrefixMatch(t *testing.T) {
	term := func(text string, cs bool) *glossary.Term {
		return &glossary.Term{Text: text, Lang: language.English, CaseSensitive: cs}
	}
	tests := []struct {
		text string
		term *glossary.Term
		want bool
	}{
		{"Japanese food", term("Japan", false), true},
		{"the Serbian team", term("Serbia", false), true},
		{"the USA", term("US", true), true},
		{"we use it", term("US", true), false}, // case-sensitive
		{"Canadians", term("Canada", false), true},
		{"Italian troops", term("Italy", false), true},
		{"German troops", term("Germany", false), true},
		{"the cat's cats", term("cat", false), true},
		{"catnapping", term("cat", false), false},   // suffix longer than the term
		{"maneuver", term("man", false), false},     // 3 + 5
		{"Frenchmen", term("France", false), false}, // not a prefix
		{"North Atlantic Councils", term("North Atlantic Council", false), true},
		{"Atlantic Councils", term("North Atlantic Council", false), false},
		{"North-Atlantic Council", term("North Atlantic Council", false), true},
		{"北约", &glossary.Term{Text: "北约", Lang: language.Chinese}, false},
	}
	for _, tt := range tests {
		if got := prefixMatch(tt.text, tt.term); got != tt.want {
			t.Errorf("prefixMatch(%q, %q) = %v, want %v", tt.text, tt.term.Text, got, tt.want)
		}
	}
}

func TestDottedMatch(t *testing.T) {
	us := &glossary.Term{Text: "US", CaseSensitive: true}
	tests := []struct {
		text string
		term *glossary.Term
		want bool
	}{
		{"the U.S. economy", us, true},
		{"U.S.-Japanese relations", us, true},
		{"in the U.S", us, true},
		{"the U.S.S.R.", us, false},
		{"BU.S.", us, false},
		{"the US", us, false}, // the matcher's job
		{"N.A.T.O.", &glossary.Term{Text: "NATO", CaseSensitive: true}, true},
		{"C.a.", &glossary.Term{Text: "Canada"}, false},
		{"N.P.", &glossary.Term{Text: "NATO PA"}, false},
	}
	for _, tt := range tests {
		if got := dottedMatch(tt.text, tt.term); got != tt.want {
			t.Errorf("dottedMatch(%q, %q) = %v, want %v", tt.text, tt.term.Text, got, tt.want)
		}
	}
}

func TestNamesPeople(t *testing.T) {
	zh := &glossary.Term{Text: "美国", Lang: language.Make("zh-Hans")}
	tests := []struct {
		source string
		want   bool
	}{
		{"美国人", true},
		{"美国人民", true},
		{"美国人员", false},
		{"美国政府", false},
		{"美国", false},
		{"美国语", true},
		{"美国文。", true},
		{"美国文", true},
		{"美国文件", false},
		{"美国文化", false},
	}
	for _, tt := range tests {
		m := glossary.Match{Start: 0, End: len("美国"), Term: zh}
		if got := namesPeople(tt.source, m); got != tt.want {
			t.Errorf("namesPeople(%q) = %v, want %v", tt.source, got, tt.want)
		}
	}
	en := &glossary.Term{Text: "US", Lang: language.English}
	if namesPeople("US人", glossary.Match{Start: 0, End: 2, Term: en}) {
		t.Error("an English term names people")
	}
}

func ExampleTermBilingual() {
	doc := &pipeline.Document{Path: "demo.jsonl", Segments: []pipeline.Segment{
		{ID: "1", Source: "北大西洋理事会今天开会。", Target: "The North Atlantic Council met today."},
		{ID: "2", Source: "北大西洋理事会今天开会。", Target: "The Atlantic Council met today."},
	}}
	cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English, Glossaries: []*glossary.Glossary{glossary.NATO()}}
	fs, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{TermBilingual}, cfg)
	for _, f := range fs {
		fmt.Printf("%s %s %q: %s\n", f.ID, f.Side, f.Text, f.Message)
	}
	// Output:
	// 2 source "北大西洋理事会": the NATO glossary translates “北大西洋理事会” as “North Atlantic Council” or “NAC”; the target has neither
}
