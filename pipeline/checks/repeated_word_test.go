package checks

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

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

// nextWordPlain is nextWord as it was before its quick letter test:
// nextWord must agree with it everywhere.
func nextWordPlain(text string, i int) (wordSpan, bool) {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, without the Unicode tables.
			if btAlpha(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			break
		}
		i += n
	}
	if i >= len(text) {
		return wordSpan{}, false
	}
	j := i
	for j < len(text) {
		if c := text[j]; btAlpha(c) {
			j++
			continue
		} else if c < utf8.RuneSelf && c != '\'' && c != '-' {
			break // ASCII that is neither a letter nor joins two
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			j += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' {
			if nr := btRuneAt(text, j+n); nr != -1 && unicode.IsLetter(nr) {
				j += n
				continue
			}
		}
		break
	}
	return wordSpan{i, j}, true
}

// repeatedWordTexts are texts for the comparison of nextWord with the
// plain version.
var repeatedWordTexts = []string{
	"NATO’s members won't leave", "well-known, self- and 10 km", "‘quoted’ café naïve", "北约北约 and", "the the", "The\nthe",
	"a-b'c’d e- f' g’", "Z@[`{ az AZ", "\xff\xfe word\xe2\x80", "ǅungla ǆ", "e\u0301t\u00e9 été",
}

// TestNextWordPlain compares nextWord with the plain version at every
// position of the texts above.
func TestNextWordPlain(t *testing.T) {
	for _, text := range repeatedWordTexts {
		compareNextWord(t, text)
	}
}

func compareNextWord(t *testing.T, text string) {
	t.Helper()
	for i := 0; i <= len(text); i++ {
		w, ok := nextWord(text, i)
		pw, pok := nextWordPlain(text, i)
		if w != pw || ok != pok {
			t.Fatalf("nextWord(%q, %d) = %v, %v; the plain version says %v, %v", text, i, w, ok, pw, pok)
		}
	}
}

// FuzzNextWord checks that nextWord agrees with the plain version.
func FuzzNextWord(f *testing.F) {
	for _, s := range repeatedWordTexts {
		f.Add(s)
	}
	f.Fuzz(compareNextWord)
}

// TestMayFoldEqual checks the quick test of runRepeatedWord against
// strings.EqualFold on every pair of ASCII characters: it is false only
// for characters that EqualFold tells apart, and so for words that start
// with them.
func TestMayFoldEqual(t *testing.T) {
	for a := range byte(utf8.RuneSelf) {
		for b := range byte(utf8.RuneSelf) {
			sa, sb := string(rune(a)), string(rune(b))
			if !mayFoldEqual(a, b) && (strings.EqualFold(sa, sb) || strings.EqualFold(sa+"x", sb+"x")) {
				t.Errorf("mayFoldEqual(%q, %q) = false, but EqualFold says equal", a, b)
			}
			if btAlpha(a) && btAlpha(b) && mayFoldEqual(a, b) != strings.EqualFold(sa, sb) {
				t.Errorf("mayFoldEqual(%q, %q) = %v for letters", a, b, mayFoldEqual(a, b))
			}
		}
	}
	for _, r := range []string{"é", "\u212a", "\u017f", "北"} { // not ASCII (the Kelvin sign folds to k, long s to s): no answer
		if !mayFoldEqual(r[0], 'k') || !mayFoldEqual('s', r[0]) {
			t.Errorf("mayFoldEqual(%q) = false", r)
		}
	}
}
