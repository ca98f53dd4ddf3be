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
