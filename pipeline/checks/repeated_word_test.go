package checks

import (
	"slices"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

func TestNextWord(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"NATO’s members won't leave", []string{"NATO’s", "members", "won't", "leave"}},
		{"well-known, self- and 10 km", []string{"well-known", "self", "and", "km"}},
		{"‘quoted’ café naïve", []string{"quoted", "café", "naïve"}},
		{"北约北约 and", []string{"北约北约", "and"}},
	}
	for _, tt := range tests {
		var got []string
		for w, ok := nextWord(tt.text, 0); ok; w, ok = nextWord(tt.text, w.end) {
			got = append(got, tt.text[w.start:w.end])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("words of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestRepeatedWordSeverity(t *testing.T) {
	tests := []struct {
		text    string
		english bool
		want    pipeline.Severity // 0: not reported
	}{
		{"the the", true, pipeline.Minor},
		{"The the", true, pipeline.Minor},
		{"He said The the", true, 0}, // not at a sentence start
		{"of of", true, pipeline.Minor},
		{"had had", true, pipeline.Neutral},
		{"the the", false, pipeline.Neutral},
		{"Bora Bora", true, 0},
		{"THE THE", true, pipeline.Minor},
		{"US us", true, 0},
		{"b b", true, 0},
		{"a a", true, pipeline.Minor},
		{"看看 看看", true, 0},
	}
	for _, tt := range tests {
		// The pair is the last two words of the text.
		var words []wordSpan
		for w, ok := nextWord(tt.text, 0); ok; w, ok = nextWord(tt.text, w.end) {
			words = append(words, w)
		}
		n := len(words)
		sev, rep := repeatedWord(tt.text, words[n-2], words[n-1], tt.english)
		if !rep {
			sev = 0
		}
		if sev != tt.want {
			t.Errorf("repeatedWord(%q) = %v, want %v", tt.text, sev, tt.want)
		}
	}
}
