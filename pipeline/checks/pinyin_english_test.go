package checks

import (
	"maps"
	"slices"
	"testing"
)

func TestWordSet(t *testing.T) {
	tests := []struct {
		list string
		want []string
	}{
		{"", nil},
		{"# header\nbao\nfen\n", []string{"bao", "fen"}},
		{"a\n\nb", []string{"a", "b"}},
	}
	for _, tt := range tests {
		if got := slices.Sorted(maps.Keys(wordSet(tt.list))); !slices.Equal(got, tt.want) {
			t.Errorf("wordSet(%q) = %q, want %q", tt.list, got, tt.want)
		}
	}
	for _, w := range []string{"renminbi", "sashimi", "remobilize"} {
		if !pinyinEnglish()[w] {
			t.Errorf("pinyinEnglish lacks %q", w)
		}
	}
}

// BenchmarkPinyinEnglish is what the first English word that the pinyin
// check looks up pays.
func BenchmarkPinyinEnglish(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		wordSet(pinyinEnglishList)
	}
}
