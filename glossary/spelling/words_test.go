package spelling

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tqa-project/tqa/internal/cputime"
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

// BenchmarkCheckTatoeba measures what the spelling-profile check does on
// the English side of the Tatoeba Chinese-English pairs (29,153 short
// sentences, ../shared/data/tatoeba_cmn_eng.tsv; skipped when it is
// absent): find the words that the nato profile flags, with Flagged and
// as the plain version does it (each word of Words looked up).
func BenchmarkCheckTatoeba(b *testing.B) {
	data, err := os.ReadFile("../../../shared/data/tatoeba_cmn_eng.tsv")
	if err != nil {
		b.Skipf("shared data not available: %v", err)
	}
	var texts []string
	size := 0
	for line := range strings.SplitSeq(string(data), "\n") {
		if en, _, ok := strings.Cut(line, "\t"); ok {
			texts = append(texts, en)
			size += len(en)
		}
	}
	for _, bc := range []struct {
		name string
		find func(string) int
	}{
		{"flagged", func(text string) (n int) {
			for range NATO.Flagged(text) {
				n++
			}
			return n
		}},
		{"plain", func(text string) int { return len(flaggedPlain(NATO, text)) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			flagged := 0
			cpu := cputime.Process()
			for b.Loop() {
				flagged = 0
				for _, text := range texts {
					flagged += bc.find(text)
				}
			}
			b.ReportMetric(float64(flagged), "flagged/op")
			if used := cputime.Process() - cpu; used > 0 {
				b.ReportMetric(float64(used)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

// nextWordPlain is nextWord as it was before it ended a word at ASCII
// punctuation without the calls: nextWord must agree with it everywhere.
func nextWordPlain(text string, from int) (start, end int) {
	i := from
	for i < len(text) {
		ok, n := wordAt(text, i)
		if ok {
			break
		}
		i += n
	}
	if i >= len(text) {
		return -1, -1
	}
	start = i
	for i < len(text) {
		ok, n := wordAt(text, i)
		if ok {
			i += n
			continue
		}
		a := apostropheAt(text, i)
		if a == 0 || i+a >= len(text) {
			break
		}
		if ok, _ := wordAt(text, i+a); !ok {
			break
		}
		i += a
	}
	return start, i
}

// flaggedPlain is Flagged written plainly: the words of Words that Lookup
// flags.
func flaggedPlain(p Profile, text string) [][2]int {
	var out [][2]int
	for i, j := range Words(text) {
		if _, ok := p.Lookup(text[i:j]); ok {
			out = append(out, [2]int{i, j})
		}
	}
	return out
}

// flaggedTexts are texts for the comparisons of nextWord and Flagged with
// the plain versions.
var flaggedTexts = []string{
	"", "the defense spending of the organisation’s centres", "Defense's DEFENSE’S defence'S", "it' it’ it'\xe2\x80 it’s",
	"U.S. Department of Defense.", "A400M and F-35 colour2 2colour", "naïve Türkiye color", "'quoted' ‘words’ labour",
	"e\u0301t\u00e9 eon EON eons's odor-mold molt", "\xff\xfeword odor\xff", "analyse, analyze; analysing. CENTER!", "ab'’cd x'y ’’a’’",
}

// TestNextWordPlain compares nextWord with the plain version at every
// position of the texts above.
func TestNextWordPlain(t *testing.T) {
	for _, text := range flaggedTexts {
		compareNextWord(t, text)
	}
}

func compareNextWord(t *testing.T, text string) {
	t.Helper()
	for i := 0; i <= len(text); i++ {
		s, e := nextWord(text, i)
		ws, we := nextWordPlain(text, i)
		if s != ws || e != we {
			t.Fatalf("nextWord(%q, %d) = %d, %d; the plain version says %d, %d", text, i, s, e, ws, we)
		}
	}
}

// FuzzNextWord checks that nextWord agrees with the plain version.
func FuzzNextWord(f *testing.F) {
	for _, s := range flaggedTexts {
		f.Add(s)
	}
	f.Fuzz(compareNextWord)
}

// TestFlagged compares Flagged with the plain version on the texts above,
// each word of the table in its three cases and with possessive endings,
// in each profile.
func TestFlagged(t *testing.T) {
	texts := append([]string(nil), flaggedTexts...)
	for line := range strings.SplitSeq(variantsTSV, "\n") {
		if w := lineWord(line); w != "" && w[0] != '#' {
			texts = append(texts, w+" "+strings.ToUpper(w)+"'s "+strings.ToUpper(w[:1])+w[1:]+"’s, "+w+"s")
		}
	}
	for _, text := range texts {
		compareFlagged(t, text)
	}
}

func compareFlagged(t *testing.T, text string) {
	t.Helper()
	for p := range Profile(len(profileNames) + 1) {
		var got [][2]int
		for i, j := range p.Flagged(text) {
			got = append(got, [2]int{i, j})
		}
		if want := flaggedPlain(p, text); !slices.Equal(got, want) {
			t.Fatalf("%v.Flagged(%q) = %v; the plain version says %v", p, text, got, want)
		}
	}
}

// FuzzFlagged checks that Flagged agrees with the plain version.
func FuzzFlagged(f *testing.F) {
	for _, s := range flaggedTexts {
		f.Add(s)
	}
	f.Fuzz(compareFlagged)
}
