package langid

import "testing"

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
