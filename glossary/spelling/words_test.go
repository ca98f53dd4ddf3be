package spelling

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func words(text string) []string {
	var out []string
	for i, j := range Words(text) {
		out = append(out, text[i:j])
	}
	return out
}

func TestWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"  ", nil},
		{"defense spending", []string{"defense", "spending"}},
		{"the alliance’s core; don't", []string{"the", "alliance’s", "core", "don't"}},
		{"defense-related", []string{"defense", "related"}},
		{"'quoted' ‘words’", []string{"quoted", "words"}},
		{"Allies' budgets", []string{"Allies", "budgets"}},
		{"U.S. Department of Defense.", []string{"U", "S", "Department", "of", "Defense"}},
		{"A400M and F-35", []string{"A400M", "and", "F", "35"}},
		{"naïve Türkiye", []string{"naïve", "Türkiye"}},
		{"US is酝酿 Leaving", []string{"US", "is酝酿", "Leaving"}},
		{"e\u0301t\u00e9", []string{"e\u0301t\u00e9"}},
		{"it’", []string{"it"}},
		{"it'\xe2\x80", []string{"it"}},
		{"\xff\xfeword", []string{"word"}},
	}
	for _, tt := range tests {
		if got := words(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestWordsStop(t *testing.T) {
	n := 0
	for range Words("one two three") {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("iterated %d words after break", n)
	}
}

// FuzzWords checks that the words are in order, in range, on rune
// boundaries (in valid UTF-8), start and end with a word character, and that no word
// character lies outside them.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"defense spending", "alliance’s", "it'", "’’a’’", "a'b'c", "\xe2\x80\x99x", "naïve-ly"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for i, j := range Words(text) {
			if i < last || j <= i || j > len(text) {
				t.Fatalf("%q: span [%d,%d) after %d", text, i, j, last)
			}
			// In valid UTF-8 the ends fall on rune boundaries (a stray
			// continuation byte after a word is not a boundary).
			if utf8.ValidString(text) && (!utf8.RuneStart(text[i]) || j < len(text) && !utf8.RuneStart(text[j])) {
				t.Fatalf("%q: span [%d,%d) splits a character", text, i, j)
			}
			if ok, _ := wordAt(text, i); !ok {
				t.Fatalf("%q: word %q starts with no word character", text, text[i:j])
			}
			r, _ := utf8.DecodeLastRuneInString(text[i:j])
			if r == '\'' || r == '’' {
				t.Fatalf("%q: word %q ends with an apostrophe", text, text[i:j])
			}
			for k := last; k < i; {
				ok, n := wordAt(text, k)
				if ok {
					t.Fatalf("%q: word character at %d outside the words", text, k)
				}
				k += n
			}
			last = j
		}
		for k := last; k < len(text); {
			ok, n := wordAt(text, k)
			if ok {
				t.Fatalf("%q: word character at %d after the last word", text, k)
			}
			k += n
		}
	})
}

// FuzzSuggest checks that a suggestion keeps the word's case pattern and
// possessive ending and is not flagged in turn.
func FuzzSuggest(f *testing.F) {
	for _, s := range []string{"defense", "Organisation", "CENTERS", "labor's", "colour’s", "DeFense"} {
		f.Add(s, uint8(NATO))
	}
	f.Fuzz(func(t *testing.T, word string, pb uint8) {
		p := Profile(pb % 4)
		want, ok := p.Suggest(word)
		if !ok {
			if want != "" {
				t.Fatalf("%v.Suggest(%q) = %q, false", p, word, want)
			}
			return
		}
		if p == Off || want == word || len(want) == 0 {
			t.Fatalf("%v.Suggest(%q) = %q", p, word, want)
		}
		if strings.ToUpper(word) == word && strings.ToUpper(want) != want {
			t.Fatalf("%v.Suggest(%q) = %q: lost upper case", p, word, want)
		}
		if strings.ToLower(word) == word && strings.ToLower(want) != want {
			t.Fatalf("%v.Suggest(%q) = %q: lost lower case", p, word, want)
		}
		if word[0] != want[0] && word[0]|0x20 == want[0]|0x20 {
			t.Fatalf("%v.Suggest(%q) = %q: first letter changed case", p, word, want)
		}
		_, ws := splitPossessive(word)
		_, ss := splitPossessive(want)
		if ws != ss {
			t.Fatalf("%v.Suggest(%q) = %q: ending %q became %q", p, word, want, ws, ss)
		}
		if again, ok := p.Suggest(want); ok {
			t.Fatalf("%v.Suggest(%q) = %q, flagged in turn as %q", p, word, want, again)
		}
	})
}

// BenchmarkCheckText measures what the spelling-profile check does on a
// text: split it into words and look each one up.
func BenchmarkCheckText(b *testing.B) {
	files, _ := filepath.Glob("../../corpus/samples/*.txt")
	if len(files) == 0 {
		b.Skip("no corpus samples")
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	flagged := 0
	for b.Loop() {
		flagged = 0
		for i, j := range Words(text) {
			if _, ok := NATO.Lookup(text[i:j]); ok {
				flagged++
			}
		}
	}
	b.ReportMetric(float64(flagged), "flagged/op")
}
