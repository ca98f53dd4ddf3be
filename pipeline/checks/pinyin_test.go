package checks

import (
	"testing"

	"github.com/tqa-project/tqa/pipeline/readings"
)

// TestMayBePinyin checks that the quick test never rejects a word that
// ParseWord reads as pinyin, on the syllable table and on joined pairs of
// syllables, and that it rejects common English words.
func TestMayBePinyin(t *testing.T) {
	syls := readings.Syllables()
	for _, a := range syls {
		for _, b := range syls {
			for _, w := range []string{a, a + b, a + "'" + b} {
				if _, ok := readings.ParseWord(w); ok && !mayBePinyin(w) {
					t.Errorf("mayBePinyin(%q) = false, but it is pinyin", w)
				}
			}
		}
	}
	for _, w := range []string{"Zhongnanhai", "guanxi", "xi'an", "yùnniàng", "yun4niang4", "Erhai", "ernü"} {
		if !mayBePinyin(w) {
			t.Errorf("mayBePinyin(%q) = false", w)
		}
	}
	for _, w := range []string{"the", "and", "of", "is", "strength", "five", "street", "sts"} {
		if mayBePinyin(w) {
			t.Errorf("mayBePinyin(%q) = true", w)
		}
	}
}

// FuzzPinyinWords checks the word finder of the pinyin check: it never
// panics, and every word it returns is a valid span of the text, holds
// exactly the word's text, and reads as pinyin.
func FuzzPinyinWords(f *testing.F) {
	for _, s := range []string{"The guanxi between them.", "Xi's zhongguo meng", "yun4niang4 and yùnniàng", "https://x.org/guanxi #tianxia", "ü'ü'", "a’b", "Zhongnanhai", "Yi\xa00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, names := range []bool{false, true} {
			for _, w := range pinyinWords(text, names) {
				if !w.span.Valid(text) || text[w.span.Start:w.span.End] != w.text {
					t.Fatalf("pinyinWords(%q): span %v for %q", text, w.span, w.text)
				}
				if _, ok := readings.ParseWord(w.text); !ok {
					t.Fatalf("pinyinWords(%q): %q is not pinyin", text, w.text)
				}
				if w.name && !names {
					t.Fatalf("pinyinWords(%q): name %q without names", text, w.text)
				}
			}
		}
	})
}
