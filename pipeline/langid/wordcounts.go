package langid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/glossary/spelling"
)

// ScanWords calls yield for each Latin-script word of text, in order, with
// the same boundaries and class that LatinWords gives it, until yield
// returns false. It allocates nothing for ASCII words of up to 32 bytes
// (nearly every word of English), so a check that only counts words (how
// many are English, how many unknown) need not build LatinWords' slice.
//
// The words are found as LatinWords finds them, and a word of a chunk
// that looks like code or an address, or a camelCase word, is Neutral as
// in LatinWords; each white-space separated chunk is judged once.
func ScanWords(text string, yield func(Word) bool) {
	start := -1
	latin, ascii := false, true
	// the chunk of the previous word, and whether it looks like code
	chunkEnd, code := -1, false
	emit := func(end int) bool {
		var w Word
		camelCase := camel
		if ascii && end-start <= asciiWordMax {
			w, camelCase = classifyASCII(text, start, end), camelASCII
		} else {
			w = classify(text, start, end)
		}
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
		if w.Class != NeutralWord && (code || camelCase(text[w.Start:w.End])) {
			w.Class = NeutralWord
		}
		return yield(w)
	}
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
				if start >= 0 && latin && !emit(i) {
					return
				}
				start, latin, ascii = -1, false, true
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
			latin, ascii = true, false
		case start >= 0 && unicode.IsMark(r),
			r == '’' && start >= 0 && i+n < len(text) && isLetterAt(text, i+n):
			ascii = false
		default:
			if start >= 0 && latin && !emit(i) {
				return
			}
			start, latin, ascii = -1, false, true
		}
		i += n
	}
	if start >= 0 && latin {
		emit(len(text))
	}
}

// asciiWordMax is the longest ASCII word classifyASCII folds on the stack.
const asciiWordMax = 32

// classifyASCII is classify for a word of at most asciiWordMax ASCII
// bytes, without the allocation of strings.ToLower: a capitalised word
// ("Boston", "Tuesday") is first looked up in small letters, folded in a
// stack buffer.
func classifyASCII(text string, start, end int) Word {
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
	var size int
	var ok bool
	if w.Capital && upper == 1 {
		// the small form first, as classify does
		var buf [asciiWordMax]byte
		folded := buf[:len(word)]
		copy(folded, word)
		folded[0] += 'a' - 'A'
		if size, ok = englishWordASCII(string(folded)); !ok {
			size, ok = englishWordASCII(word)
		}
	} else {
		size, ok = englishWordASCII(word)
	}
	if ok {
		w.Size = size
	}
	switch {
	case ok && (size <= 35 || size <= 50 && len(word) > 3):
		w.Class = EnglishWord
	case ok:
		w.Class = RareWord
	case w.Capital:
		w.Class = NeutralWord
	default:
		w.Class = UnknownWord
	}
	return w
}

// englishWordASCII is englishWord for an ASCII word: as it is, without a
// possessive 's, and part by part where it has hyphens (all parts must be
// English), the largest size class among the parts. It keeps no reference
// to word, which may live on the caller's stack.
func englishWordASCII(word string) (int, bool) {
	if s, ok := englishPartASCII(word); ok || strings.IndexByte(word, '-') < 0 {
		return s, ok
	}
	most := 0
	for rest := word; ; {
		part := rest
		i := strings.IndexByte(rest, '-')
		if i >= 0 {
			part = rest[:i]
		}
		s, ok := englishPartASCII(part)
		if !ok {
			return 0, false
		}
		most = max(most, s)
		if i < 0 {
			return most, true
		}
		rest = rest[i+1:]
	}
}

// englishPartASCII looks word up as it is, then without a possessive 's
// or a final apostrophe.
func englishPartASCII(word string) (int, bool) {
	if s, ok := spelling.EnglishSize(word); ok {
		return s, true
	}
	for _, suf := range [...]string{"'s", "'"} {
		if base, ok := strings.CutSuffix(word, suf); ok && base != "" {
			if s, ok := spelling.EnglishSize(base); ok {
				return s, true
			}
		}
	}
	return 0, false
}

// camelASCII is camel for an ASCII word: whether a capital letter follows
// a small one.
func camelASCII(word string) bool {
	for i := 1; i < len(word); i++ {
		if word[i] >= 'A' && word[i] <= 'Z' && word[i-1] >= 'a' && word[i-1] <= 'z' {
			return true
		}
	}
	return false
}
