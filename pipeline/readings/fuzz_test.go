package readings

import (
	"slices"
	"strings"
	"testing"
)

// FuzzParseWord checks ParseWord's invariants: it never panics; a word it
// accepts has syllables of the table only, one tone (0 to 5) a syllable,
// and its marked spelling (Marked) parses again to the same syllables and
// tones.
func FuzzParseWord(f *testing.F) {
	for _, s := range []string{"guanxi", "yùnniàng", "yun4niang4", "Xi'an", "xī’ān", "nǚ'ér", "lüe", "strength", "", "'", "a1", "zhuang4", "u\u0300"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		w, ok := ParseWord(word)
		if !ok {
			return
		}
		if len(w.Syllables) == 0 || len(w.Tones) != len(w.Syllables) {
			t.Fatalf("ParseWord(%q): %d syllables, %d tones", word, len(w.Syllables), len(w.Tones))
		}
		for k, s := range w.Syllables {
			if !IsSyllable(s) || w.Tones[k] < 0 || w.Tones[k] > 5 {
				t.Fatalf("ParseWord(%q): syllable %q tone %d", word, s, w.Tones[k])
			}
		}
		if w.Form == Numbered {
			return // Marked drops the neutral tone's 5
		}
		again, ok := ParseWord(w.Marked())
		if !ok || !slices.Equal(again.Syllables, w.Syllables) || !slices.Equal(again.Tones, w.Tones) {
			t.Fatalf("ParseWord(%q) = %v %v; its marked form %q parses as %v %v (%v)", word, w.Syllables, w.Tones, w.Marked(), again.Syllables, again.Tones, ok)
		}
		if strings.Join(w.Syllables, "") != w.Key() {
			t.Fatalf("Key() = %q", w.Key())
		}
	})
}

// FuzzRomanization checks that Romaji and Romanize never panic and give
// lower-case Latin text (with macrons, apostrophes and spaces) when they
// accept their input.
func FuzzRomanization(f *testing.F) {
	for _, s := range []string{"ノート", "まっちゃ", "しんよう", "ー", "っ", "ファイル", "한국어", "읽어", "북대서양 조약", "ㄱ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, fn := range []func(string) (string, bool){Romaji, Romanize} {
			out, ok := fn(text)
			if !ok {
				continue
			}
			for _, c := range out {
				if !(c >= 'a' && c <= 'z' || c == '\'' || c == ' ' || strings.ContainsRune("āīūēō", c)) {
					t.Fatalf("%q romanized as %q", text, out)
				}
			}
		}
	})
}
