package checks

import (
	"context"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// TestMixedScriptSeverity covers what the scenarios cannot configure:
// severity overrides, and how headings raise them.
func TestMixedScriptSeverity(t *testing.T) {
	doc := func() *pipeline.Document {
		return &pipeline.Document{Path: "t.txt", Segments: []pipeline.Segment{
			{ID: "1", Kind: pipeline.Heading, Target: "US is酝酿 Leaving NATO"},
			{ID: "2", Target: "US is酝酿 Leaving NATO"},
			{ID: "3", Kind: pipeline.Heading, Target: "The NАTO summit"},
			{ID: "4", Target: "The NАTO summit"},
		}}
	}
	tests := []struct {
		name       string
		configured map[string]pipeline.Severity
		want       []pipeline.Severity // segments 1 to 4
	}{
		{"defaults", nil, []pipeline.Severity{pipeline.Critical, pipeline.Major, pipeline.Major, pipeline.Minor}},
		{"configured minor", map[string]pipeline.Severity{"mixed-script": pipeline.Minor},
			[]pipeline.Severity{pipeline.Major, pipeline.Minor, pipeline.Major, pipeline.Minor}},
		{"configured critical", map[string]pipeline.Severity{"mixed-script": pipeline.Critical},
			[]pipeline.Severity{pipeline.Critical, pipeline.Critical, pipeline.Critical, pipeline.Critical}},
		{"neutral is never raised", map[string]pipeline.Severity{"mixed-script": pipeline.Neutral},
			[]pipeline.Severity{pipeline.Neutral, pipeline.Neutral, pipeline.Neutral, pipeline.Neutral}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := &pipeline.Config{TargetLang: language.English, Severity: tt.configured}
			fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc()}, []*pipeline.Check{MixedScript}, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != len(tt.want) {
				t.Fatalf("%d findings, want %d: %+v", len(fs), len(tt.want), fs)
			}
			for k, f := range fs {
				if f.Segment != k || f.Severity != tt.want[k] {
					t.Errorf("segment %s: %v, want %v (%s)", f.ID, f.Severity, tt.want[k], f.Message)
				}
			}
		})
	}
}

func TestScriptsLabel(t *testing.T) {
	tests := []struct {
		scripts []langid.Script
		want    string
	}{
		{[]langid.Script{langid.Han}, "Chinese (Han)"},
		{[]langid.Script{langid.Cyrillic}, "Cyrillic"},
		{[]langid.Script{langid.Han, langid.Hiragana}, "Japanese (Han, Hiragana)"},
		{[]langid.Script{langid.Katakana, langid.Hiragana}, "Japanese (Katakana, Hiragana)"},
		{[]langid.Script{langid.Hangul, langid.Han}, "Korean (Hangul, Han)"},
		{[]langid.Script{langid.Cyrillic, langid.Han}, "Cyrillic and Chinese (Han)"},
		{[]langid.Script{langid.Hangul, langid.Katakana}, "Korean (Hangul) and Japanese (Katakana)"},
	}
	for _, tt := range tests {
		if got := scriptsLabel(tt.scripts); got != tt.want {
			t.Errorf("scriptsLabel(%v) = %q, want %q", tt.scripts, got, tt.want)
		}
	}
}

func TestGreekSymbols(t *testing.T) {
	tests := []struct {
		run  string
		want bool
	}{
		{"α", true},
		{"μ", true},
		{"γδ", true},
		{"α, β, γ", true}, // a run may hold Common characters between words
		{"ΔΔG", true},     // ΔΔG, a free-energy change
		{"ΔΔΔ", false},
		{"δημοκρατία", false},
		{"ΝΑΤΟ", false},
		{"ά", true}, // letter with a combining accent
	}
	for _, tt := range tests {
		if got := greekSymbols(tt.run); got != tt.want {
			t.Errorf("greekSymbols(%q) = %v, want %v", tt.run, got, tt.want)
		}
	}
}

func TestLookalikesAreCyrillicOrGreekToASCII(t *testing.T) {
	for from, to := range lookalikes {
		if s := langid.Of(from); s != langid.Cyrillic && s != langid.Greek {
			t.Errorf("%q (U+%04X) is %v, want Cyrillic or Greek", from, from, s)
		}
		if !(to >= 'a' && to <= 'z' || to >= 'A' && to <= 'Z') {
			t.Errorf("%q maps to %q, not an ASCII letter", from, to)
		}
	}
}

func TestClassifyTilde(t *testing.T) {
	tests := []struct {
		text string
		want tildeUse
	}{
		{"capabilities ~ strategic lift", tildeDash},
		{"form ~ less", tildeDash},
		{"capabilities~strategic", tildeDash},
		{"in 2025 ~ a year", tildeDash},
		{"(briefly) ~ “then”", tildeDash},
		{"5~10", tildeRange},
		{"5 ~ 10", tildeRange},
		{"5%~10%", tildeRange},
		{"５～１０", tildeRange},
		{"~50", tildeOther},
		{"about ~50", tildeOther},
		{"weighs ~ 5 kg", tildeOther},
		{"word ~word", tildeOther},
		{"word~ word", tildeOther},
		{"~/path", tildeOther},
		{"https://example.org/~user", tildeOther},
		{"a=~b", tildeOther},
		{"~~struck~~", tildeOther},
		{"trailing ~", tildeOther},
		{"~ leading", tildeOther},
		{"北京～上海", tildeOther},
		{"北京 ～ 上海", tildeOther},
		{"line\n~ next", tildeOther},
		{"5~a", tildeOther},
	}
	for _, tt := range tests {
		i := -1
		for k, c := range tt.text {
			if isTilde(c) {
				i = k
				break
			}
		}
		_, n := utf8.DecodeRuneInString(tt.text[i:])
		if got := classifyTilde(tt.text, i, i+n).use; got != tt.want {
			t.Errorf("classifyTilde(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
