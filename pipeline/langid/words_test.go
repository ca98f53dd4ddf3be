package langid

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/glossary/spelling"
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

// testWordTexts are texts whose words take each path of AppendLatinWords:
// ASCII words capitalised or not, possessives and hyphens, diacritics,
// combining marks, typographic apostrophes, digits, code, other scripts
// and a word longer than asciiWordMax.
var testWordTexts = []string{
	"",
	"La défense collective remains the Alliance's core task.",
	"NATO's KFOR summit in 2024, the Army's well-known vis-à-vis.",
	"Stoltenberg met Pedro Sánchez l’état d'état Nations' Nations’ l’Europe",
	"US is酝酿 Leaving ещё Москва Tom's TOM Tom-Tom Well-known well- -known",
	"www.nato.int clerkThe iPhone No.1 a/b x@y.org snake_case path\\to",
	"Antidisestablishmentarianismsandmore Antidisestablishmentarianismsandmoree",
	"Cafe\u0301 cafe\u0301s e\u0301te\u0301 A I Qq La la LA Éta Ångström 12th 3D",
	"It's '90s rock-'n'-roll o'clock -- don't Don't DON'T x-ray X-Ray",
	"Zhōngguó rénmín nǐ hǎo, wǒ shì xuéshēng; Mǎ Yún's café",
}

// FuzzAppendLatinWords checks AppendLatinWords and LatinWords against the
// former implementation (a closure per text, classify for every word,
// strings.ToLower for capitalised words), and that appending to a slice
// leaves its words alone.
func FuzzAppendLatinWords(f *testing.F) {
	for _, text := range testWordTexts {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := latinWordsFormer(text)
		if got := LatinWords(text); !slices.Equal(got, want) {
			t.Fatalf("LatinWords(%q) = %v, want %v", text, got, want)
		}
		prefix := []Word{{Start: 1, End: 2, Class: RareWord, Size: 60}}
		got := AppendLatinWords(slices.Clone(prefix), text)
		if !slices.Equal(got[:1], prefix) || !slices.Equal(got[1:], want) {
			t.Fatalf("AppendLatinWords(prefix, %q) = %v, want %v after the prefix", text, got, want)
		}
	})
}

// TestAppendLatinWordsSamples compares AppendLatinWords, reusing one
// slice, with the former implementation on every line of the English
// samples.
func TestAppendLatinWordsSamples(t *testing.T) {
	files, err := filepath.Glob("../../corpus/samples/*.txt")
	if err != nil || len(files) == 0 {
		t.Skipf("no English samples under corpus/samples: %v", err)
	}
	var buf []Word
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			buf = AppendLatinWords(buf[:0], line)
			if want := latinWordsFormer(line); !slices.Equal(buf, want) {
				t.Fatalf("%s: AppendLatinWords(%q) = %v, want %v", name, line, buf, want)
			}
		}
	}
}

// TestAppendLatinWordsAllocs checks that AppendLatinWords into a slice
// with room allocates nothing for English.
func TestAppendLatinWordsAllocs(t *testing.T) {
	text := "The Alliance's well-known summit in Vilnius agreed on Ukraine's path, said Tom."
	buf := make([]Word, 0, 64)
	appendOnce := func() { buf = AppendLatinWords(buf[:0], text) }
	appendOnce() // the word list is loaded at first use
	if n := testing.AllocsPerRun(20, appendOnce); n != 0 {
		t.Errorf("AppendLatinWords allocates %v times a text, want 0", n)
	}
}

// latinWordsFormer is LatinWords as it was before AppendLatinWords: the
// reference of FuzzAppendLatinWords.
func latinWordsFormer(text string) []Word {
	// about one word in five bytes of English: one allocation for most texts
	out := make([]Word, 0, len(text)/5+1)
	start := -1
	latin := false
	flush := func(end int) {
		if start >= 0 && latin {
			out = append(out, classifyFormer(text, start, end))
		}
		start, latin = -1, false
	}
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'),
			r >= utf8.RuneSelf && unicode.Is(unicode.Latin, r):
			if start < 0 {
				start = i
			}
			latin = true
		case r >= '0' && r <= '9', start >= 0 && unicode.IsMark(r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’' || r == '-') && start >= 0 && i+n < len(text) && isLetterAt(text, i+n):
			// inside a word: d'état, vis-à-vis
		default:
			flush(i)
		}
		i += n
	}
	flush(len(text))
	neutralizeCodeFormer(text, out)
	return out
}

// classifyFormer is the former classify.
func classifyFormer(text string, start, end int) Word {
	w := Word{Start: start, End: end}
	word := text[start:end]
	digits, upper, lower := false, 0, 0
	for _, r := range word {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			w.Diacritic = true
		}
	}
	first, _ := utf8.DecodeRuneInString(word)
	w.Capital = unicode.IsUpper(first)
	switch {
	case digits || upper >= 2 && lower == 0:
		w.Class = NeutralWord
	default:
		var size int
		var ok bool
		if w.Capital && upper == 1 {
			// A capital may only start a sentence: "La" is the
			// abbreviation of Louisiana, "la" a rare word. The small
			// form counts first; the word as written only when the list
			// does not know that.
			if size, ok = englishWordLowerFormer(word); !ok {
				size, ok = englishWordFormer(word)
			}
		} else {
			size, ok = englishWordFormer(word)
		}
		if ok {
			w.Size = size
		}
		switch {
		case ok && (size <= 35 || size <= 50 && utf8.RuneCountInString(word) > 3):
			w.Class = EnglishWord
		case ok:
			w.Class = RareWord
		case w.Capital:
			w.Class = NeutralWord
		default:
			w.Class = UnknownWord
		}
	}
	return w
}

// englishWordFormer is the former englishWord.
func englishWordFormer(word string) (int, bool) {
	if s, ok := spelling.EnglishSize(word); ok {
		return s, true
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if base, ok := strings.CutSuffix(word, suf); ok && base != "" {
			if s, ok := spelling.EnglishSize(base); ok {
				return s, true
			}
		}
	}
	word = strings.ReplaceAll(word, "’", "'")
	if s, ok := spelling.EnglishSize(word); ok {
		return s, true
	}
	if !strings.Contains(word, "-") {
		return 0, false
	}
	most := 0
	for part := range strings.SplitSeq(word, "-") {
		s, ok := englishWordFormer(part)
		if !ok {
			return 0, false
		}
		most = max(most, s)
	}
	return most, true
}

// englishWordLowerFormer is the former englishWordLower.
func englishWordLowerFormer(word string) (int, bool) {
	if len(word) <= 32 && word[0] >= 'A' && word[0] <= 'Z' && isASCII(word) {
		var buf [32]byte
		copy(buf[:], word)
		buf[0] += 'a' - 'A'
		if s, ok := spelling.EnglishSize(string(buf[:len(word)])); ok {
			return s, true
		}
	}
	return englishWordFormer(strings.ToLower(word))
}

// neutralizeCodeFormer is the former neutralizeCode: it makes Neutral the
// words of white-space separated chunks
// that look like addresses or code rather than prose: URLs, domain and
// file names (a "/", "@" or "://", or a "." between two letters or
// digits: "www.nato.int", "No.1"), and camelCase ("clerkThe", "iPhone").
func neutralizeCodeFormer(text string, words []Word) {
	// the chunk of the previous word, and whether it looks like code:
	// most chunks hold one word, some several ("d'état", "No.1"), and
	// each is judged once
	chunkEnd, code := -1, false
	for k := range words {
		w := &words[k]
		if w.Start >= chunkEnd {
			cs, ce := w.Start, w.End
			for cs > 0 && !isSpaceByte(text[cs-1]) {
				cs--
			}
			for ce < len(text) && !isSpaceByte(text[ce]) {
				ce++
			}
			chunkEnd, code = ce, codeLike(text[cs:ce])
		}
		if w.Class == NeutralWord {
			continue
		}
		if code || camel(text[w.Start:w.End]) {
			w.Class = NeutralWord
		}
	}
}
