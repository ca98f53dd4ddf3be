package langid

import (
	"strings"
	"testing"
)

// TestEnglishWordLower checks the stack fold of englishWordLower against
// englishWord of strings.ToLower, for words whose only capital is the
// first letter: listed and unlisted, possessive, hyphenated, non-ASCII
// and too long for the stack buffer.
func TestEnglishWordLower(t *testing.T) {
	tests := []string{
		"The", "Defence", "La", "Beijing", "Guanxi", "Zeitenwende",
		"Army's", "Army’s", "Nations'", "Well-known", "Vis-à-vis",
		"État", "Élan", "Ångström",
		"Antidisestablishmentarianismsandmore", "A", "I", "Qq",
	}
	for _, word := range tests {
		size, ok := englishWordLower(word)
		wantSize, wantOK := englishWord(strings.ToLower(word))
		if size != wantSize || ok != wantOK {
			t.Errorf("englishWordLower(%q) = %d, %v; want %d, %v", word, size, ok, wantSize, wantOK)
		}
	}
}
