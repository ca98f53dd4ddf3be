package langid

import (
	"strings"
	"testing"
)

// TestFunctionWordUnion checks the folding of functionWordUnion.has against
// functionKey: the same verdict for words in any case, with and without
// diacritics, and for words longer than any function word.
func TestFunctionWordUnion(t *testing.T) {
	u := anyFunctionWord()
	tests := []struct {
		word string
		want bool
	}{
		{"und", true}, {"Und", true}, {"LOS", true}, {"et", true},
		{"für", true}, {"Für", true}, {"été", true},
		{"house", false}, {"Tom", false}, {"8:30", false},
		{"internationalisation", false}, {"Ünd", false},
	}
	for _, tt := range tests {
		if got := u.has(tt.word); got != tt.want {
			t.Errorf("has(%q) = %v, want %v", tt.word, got, tt.want)
		}
		if got, plain := u.has(tt.word), u.set[functionKey(tt.word)]; got != plain {
			t.Errorf("has(%q) = %v, but the set holds functionKey's fold: %v", tt.word, got, plain)
		}
	}
}

// FuzzIsAnyFunctionWord checks isAnyFunctionWord, which looks short ASCII
// words up in anyFunctionWordKeys, against the map of anyFunctionWord.
func FuzzIsAnyFunctionWord(f *testing.F) {
	for _, w := range []string{
		"und", "Und", "LOS", "et", "für", "été", "house", "Tom", "I", "a",
		"desselben", "DERSELBEN", "all'", "qu'", "a\x00", "\x00", "", "la\x00",
	} {
		f.Add(w)
	}
	u := anyFunctionWord()
	f.Fuzz(func(t *testing.T, word string) {
		if got, want := isAnyFunctionWord(word), u.has(word); got != want {
			t.Fatalf("isAnyFunctionWord(%q) = %v, the map says %v", word, got, want)
		}
	})
}

// TestIsAnyFunctionWordAll asks isAnyFunctionWord about every function
// word of every language, in small letters, capitalised and in capitals.
func TestIsAnyFunctionWordAll(t *testing.T) {
	u := anyFunctionWord()
	for _, words := range functionWords() {
		for w := range words {
			for _, form := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
				if got, want := isAnyFunctionWord(form), u.has(form); got != want {
					t.Errorf("isAnyFunctionWord(%q) = %v, the map says %v", form, got, want)
				}
			}
			if !isAnyFunctionWord(w) {
				t.Errorf("isAnyFunctionWord(%q) = false for a function word", w)
			}
		}
	}
}

// BenchmarkIsAnyFunctionWord looks up the words that wrong-language asks
// ForeignFunctionWord about most (words that are no common English word),
// with the table and with the map.
func BenchmarkIsAnyFunctionWord(b *testing.B) {
	words := strings.Fields("I Tom Mary i'm la die und the Boston Tuesday I've los der et desselben für")
	isAnyFunctionWord("x")
	u := anyFunctionWord()
	for _, bb := range []struct {
		name string
		has  func(string) bool
	}{{"table", isAnyFunctionWord}, {"map", u.has}} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for _, w := range words {
					if bb.has(w) {
						n++
					}
				}
			}
			if n == 0 {
				b.Fatal("no function word")
			}
		})
	}
}
