package langid

import (
	"bytes"
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
// caller that reuses dst from text to text allocates nothing: ASCII words
// of up to plainWordMax bytes (nearly every word of English) are looked
// up without building a string.
func AppendLatinWords(dst []Word, text string) []Word {
	first := len(dst)
	start := -1
	latin, plain := false, true // plain: the word is all ASCII so far
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			// ASCII: no decoding
			switch {
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				if start < 0 {
					start = i
				}
				latin = true
			case c >= '0' && c <= '9':
				if start < 0 {
					start = i
				}
			case (c == '\'' || c == '-') && start >= 0 && i+1 < len(text) && isLetterAt(text, i+1):
				// inside a word: d'état, vis-à-vis
			default:
				if start >= 0 && latin {
					dst = append(dst, classifyWord(text, start, i, plain))
				}
				start, latin, plain = -1, false, true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.Is(unicode.Latin, r):
			if start < 0 {
				start = i
			}
			latin, plain = true, false
		case start >= 0 && unicode.IsMark(r):
			plain = false
		case r == '’' && start >= 0 && i+n < len(text) && isLetterAt(text, i+n):
			// inside a word: l’état
			plain = false
		default:
			if start >= 0 && latin {
				dst = append(dst, classifyWord(text, start, i, plain))
			}
			start, latin, plain = -1, false, true
		}
		i += n
	}
	if start >= 0 && latin {
		dst = append(dst, classifyWord(text, start, len(text), plain))
	}
	neutralizeCode(text, dst[first:])
	return dst
}

// plainWordMax is the longest ASCII word that classifyPlain folds on the
// stack; longer ones (and all others) take classify's general path.
const plainWordMax = 32

// classifyWord classifies text[start:end], a word of ASCII alone when
// plain.
func classifyWord(text string, start, end int, plain bool) Word {
	if plain && end-start <= plainWordMax {
		return classifyPlain(text, start, end)
	}
	return classify(text, start, end)
}

// neutralizeCode makes Neutral the words of white-space separated chunks
// that look like addresses or code rather than prose: URLs, domain and
// file names (a "/", "@" or "://", or a "." between two letters or
// digits: "www.nato.int", "No.1"), and camelCase ("clerkThe", "iPhone").
func neutralizeCode(text string, words []Word) {
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
		if ok {
			w.Size = size
		}
		w.Class = wordClass(word, size, ok, w.Capital)
	}
	return w
}

// classifyPlain is classify for a word of ASCII alone of at most
// plainWordMax bytes: it counts bytes rather than runes, and looks the
// word and its small form up without building strings on the heap.
func classifyPlain(text string, start, end int) Word {
	w := Word{Start: start, End: end}
	word := text[start:end]
	digits, upper, lower := false, 0, 0
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= 'a' && c <= 'z':
			lower++
		}
	}
	w.Capital = word[0] >= 'A' && word[0] <= 'Z'
	if digits || upper >= 2 && lower == 0 {
		w.Class = NeutralWord
		return w
	}
	var buf [plainWordMax]byte
	n := copy(buf[:], word)
	var size int
	var ok bool
	if w.Capital && upper == 1 {
		// as in classify: the small form first, then the word as
		// written
		buf[0] += 'a' - 'A'
		if size, ok = englishPlain(buf[:n]); !ok {
			buf[0] -= 'a' - 'A'
			size, ok = englishPlain(buf[:n])
		}
	} else {
		size, ok = englishPlain(buf[:n])
	}
	if ok {
		w.Size = size
	}
	w.Class = wordClass(word, size, ok, w.Capital)
	return w
}

// englishPlain is englishWord for a word of ASCII alone, held in a
// buffer: the typographic apostrophes that englishWord also tries cannot
// occur in it.
func englishPlain(word []byte) (int, bool) {
	if s, ok := spelling.EnglishSize(string(word)); ok {
		return s, true
	}
	for _, suf := range [...]string{"'s", "'"} {
		if n := len(word) - len(suf); n > 0 && string(word[n:]) == suf {
			if s, ok := spelling.EnglishSize(string(word[:n])); ok {
				return s, true
			}
		}
	}
	if bytes.IndexByte(word, '-') < 0 {
		return 0, false
	}
	// all parts must be English
	most := 0
	for {
		part, rest, more := bytes.Cut(word, []byte{'-'})
		s, ok := englishPlain(part)
		if !ok {
			return 0, false
		}
		most = max(most, s)
		if !more {
			return most, true
		}
		word = rest
	}
}

// wordClass is the class of a word that is not Neutral for its digits or
// capitals: size and ok are its look-up in the English list, capital
// whether it starts with a capital letter.
func wordClass(word string, size int, ok, capital bool) WordClass {
	switch {
	case ok && (size <= 35 || size <= 50 && utf8.RuneCountInString(word) > 3):
		return EnglishWord
	case ok:
		return RareWord
	case capital:
		return NeutralWord
	default:
		return UnknownWord
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
