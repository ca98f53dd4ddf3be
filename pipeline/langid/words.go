package langid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/glossary/spelling"
)

// WordClass is what the English pre-filter makes of one Latin-script word.
type WordClass uint8

const (
	// EnglishWord: words are English words of SCOWL's small and medium
	// dictionaries (size classes up to 50; up to 35 for words of at most
	// three letters, since "la" and "est" are size 50).
	EnglishWord WordClass = iota
	// RareWord: words are English only in SCOWL's large dictionary (sizes 60
	// and 70), where many short foreign words also appear: "la", "der",
	// "est", "el".
	RareWord
	// NeutralWord: words say nothing about the language: capitalised words that
	// no English list knows (names: "Stoltenberg", "Sánchez"), acronyms
	// and words with digits.
	NeutralWord
	// UnknownWord: words are written in small letters and are no English word
	// of the lists, or a word with a diacritic that the lists do not know:
	// evidence of another language ("défense", "eine", "facto").
	UnknownWord
)

// Word is one Latin-script word of a text: letters and combining marks,
// with the apostrophes and hyphens between its letters ("d'état",
// "vis-à-vis"), and digits; Class is the English pre-filter's verdict.
type Word struct {
	Start, End int
	Class      WordClass
	Diacritic  bool // has a Latin letter outside ASCII
	Capital    bool // starts with a capital letter
	// Size is the word's SCOWL size class (spelling.EnglishSize: 10 and
	// 20 the most common English words, 70 the rarest), 0 when the word
	// list does not know it.
	Size int
}

// LatinWords splits text into Latin-script words and classifies each one
// against the embedded English word list (spelling.EnglishSize). Letters
// of other scripts end a word and belong to none (mixed-script reports
// them). It is the cheap pre-filter of the English checks: only text near
// Unknown words needs lingua. It is AppendLatinWords into a slice of its
// own.
func LatinWords(text string) []Word {
	// about one word in five bytes of English: the words of a short text
	// are gathered on the stack and copied into a slice of their exact
	// size, those of a longer one appended to a slice of the estimate
	const stackWords = 32
	if n := len(text)/5 + 1; n > stackWords {
		return AppendLatinWords(make([]Word, 0, n), text)
	}
	var buf [stackWords]Word
	words := AppendLatinWords(buf[:0], text)
	out := make([]Word, len(words))
	copy(out, words)
	return out
}

// AppendLatinWords appends the Latin-script words of text, as LatinWords
// finds and classifies them, to dst and returns the extended slice. A
// caller that reuses dst from text to text allocates nothing for ASCII
// words of up to asciiWordMax bytes (nearly every word of English): the
// words are those of ScanWords.
func AppendLatinWords(dst []Word, text string) []Word {
	ScanWords(text, func(w Word) bool {
		dst = append(dst, w)
		return true
	})
	return dst
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func codeLike(chunk string) bool {
	// one pass over the bytes: most chunks are a plain word
	for i := 0; i < len(chunk); i++ {
		switch chunk[i] {
		case '/', '@', '\\', '_':
			return true
		case '.':
			// "www." is a '.' after a letter, so the test below finds it
			// whenever a letter or digit follows; "www." at the end of a
			// chunk needs its own test
			if i > 0 && i+1 < len(chunk) && isAlnumByte(chunk[i-1]) && isAlnumByte(chunk[i+1]) ||
				i >= 3 && chunk[i-3:i] == "www" {
				return true
			}
		}
	}
	return false
}

func isAlnumByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// camel reports whether word has a capital letter after a small one.
func camel(word string) bool {
	prevLower := false
	for _, r := range word {
		if prevLower && unicode.IsUpper(r) {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

func classify(text string, start, end int) Word {
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
			if size, ok = englishWordLower(word); !ok {
				size, ok = englishWord(word)
			}
		} else {
			size, ok = englishWord(word)
		}
		w.setListed(size, ok, utf8.RuneCountInString(word))
	}
	return w
}

// setListed sets w's Size and Class from the English word list's verdict
// on a word of runes letters that is neither a number nor an acronym:
// listed in size class size when ok. A listed word is English when its
// class is common (up to SCOWL size 35, or up to 50 for a word of more
// than three letters), rare otherwise; a word the list does not know is
// neutral when capitalised (a name, most likely) and unknown otherwise.
func (w *Word) setListed(size int, ok bool, runes int) {
	if ok {
		w.Size = size
	}
	switch {
	case ok && (size <= 35 || size <= 50 && runes > 3):
		w.Class = EnglishWord
	case ok:
		w.Class = RareWord
	case w.Capital:
		w.Class = NeutralWord
	default:
		w.Class = UnknownWord
	}
}

// englishWordLower is englishWord(strings.ToLower(word)) for a word whose
// only capital is its first letter. classify asks once a capitalised
// word, and strings.ToLower allocates each time, so a short ASCII word is
// first looked up as a whole folded on the stack.
func englishWordLower(word string) (int, bool) {
	if len(word) <= 32 && word[0] >= 'A' && word[0] <= 'Z' && isASCII(word) {
		var buf [32]byte
		copy(buf[:], word)
		buf[0] += 'a' - 'A'
		if s, ok := spelling.EnglishSize(string(buf[:len(word)])); ok {
			return s, true // englishWord's first step
		}
	}
	return englishWord(strings.ToLower(word))
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// englishWord looks word up in the English list: as it is, without a
// possessive 's, and part by part where it has hyphens (all parts must be
// English). It returns the largest size class among the parts.
func englishWord(word string) (int, bool) {
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
	if strings.Contains(word, "’") {
		// the same look-up again is all ReplaceAll would add otherwise
		word = strings.ReplaceAll(word, "’", "'")
		if s, ok := spelling.EnglishSize(word); ok {
			return s, true
		}
	}
	if !strings.Contains(word, "-") {
		return 0, false
	}
	most := 0
	for part := range strings.SplitSeq(word, "-") {
		s, ok := englishWord(part)
		if !ok {
			return 0, false
		}
		most = max(most, s)
	}
	return most, true
}
