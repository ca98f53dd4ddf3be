package langid

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// scanWordsPlain is ScanWords as it was before it learnt the shape of a
// word while reading it and judged chunks as they pass: the reference of
// FuzzScanWords. It calls yield for each Latin-script word of text, in order, with
// the same boundaries and class that LatinWords gives it, until yield
// returns false. It allocates nothing for ASCII words of up to 32 bytes
// (nearly every word of English), so a check that only counts words (how
// many are English, how many unknown) need not build LatinWords' slice.
//
// The words are found as LatinWords finds them, and a word of a chunk
// that looks like code or an address, or a camelCase word, is Neutral as
// in LatinWords; each white-space separated chunk is judged once.
func scanWordsPlain(text string, yield func(Word) bool) {
	start := -1
	latin, ascii := false, true
	// the chunk of the previous word, and whether it looks like code
	chunkEnd, code := -1, false
	emit := func(end int) bool {
		var w Word
		camelCase := camel
		if ascii && end-start <= asciiWordMax {
			w, camelCase = classifyASCIIPlain(text, start, end), camelASCIIPlain
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

// classifyASCIIPlain is classify for a word of at most asciiWordMax ASCII
// bytes, without the allocation of strings.ToLower: a capitalised word
// ("Boston", "Tuesday") is first looked up in small letters, folded in a
// stack buffer.
func classifyASCIIPlain(text string, start, end int) Word {
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
	w.setListed(size, ok, len(word))
	return w
}

// camelASCIIPlain is camel for an ASCII word: whether a capital letter follows
// a small one.
func camelASCIIPlain(word string) bool {
	for i := 1; i < len(word); i++ {
		if word[i] >= 'A' && word[i] <= 'Z' && word[i-1] >= 'a' && word[i-1] <= 'z' {
			return true
		}
	}
	return false
}

// scanTexts are texts whose words and chunks take each path of ScanWords:
// a word that ends its chunk or waits for its end, two words in a chunk,
// code at the start, middle or end of a chunk, camelCase, non-ASCII
// letters and separators, and a word at the end of the text.
var scanTexts = []string{
	"Hi.", "I'm Tom's.", "e.g. U.S. No.1 3.5", "www. www.x x.www.y wwww.",
	"a/b c@d e\\f g_h ./ .a a.", "well—said x/y, a,b.c d,e",
	"(hello) [world]! \"quoted\" 'single' -dash- --x",
	"clerkThe iPhone McDonald\tTab\nNew\rCR end",
	"défense.org café/bar naïve l’état d'état Ærø",
	"A I a i LA La la Tom TOM tom's TOM'S Well-known",
	"x\u00a0y www\u00a0.z a.\u00a0b",
}

// collectWords returns the words that scan yields for text, when yield
// returns false after the words of stop (all of them when stop < 0).
func collectWords(scan func(string, func(Word) bool), text string, stop int) []Word {
	var out []Word
	scan(text, func(w Word) bool {
		out = append(out, w)
		return stop < 0 || len(out) < stop
	})
	return out
}

// FuzzScanWords checks ScanWords against scanWordsPlain: the same words,
// and the same words yielded when yield stops the scan after each of them.
func FuzzScanWords(f *testing.F) {
	for _, text := range append(slices.Clone(testWordTexts), scanTexts...) {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := collectWords(scanWordsPlain, text, -1)
		if got := collectWords(ScanWords, text, -1); !slices.Equal(got, want) {
			t.Fatalf("ScanWords(%q) = %v\nwant %v", text, got, want)
		}
		for stop := 1; stop <= len(want); stop++ {
			if got := collectWords(ScanWords, text, stop); !slices.Equal(got, want[:stop]) {
				t.Fatalf("ScanWords(%q) stopped after %d words yields %v, want %v", text, stop, got, want[:stop])
			}
		}
	})
}

// FuzzMemoKey checks that memoKey gives a key only to words of small
// letters or capitalised, of up to memoLetters letters, and a key from
// which the word can be read back (so no two words share one), and that
// classifyShaped, asked twice (the second time from shapedMemo), says
// what classifyShapedPlain says.
func FuzzMemoKey(f *testing.F) {
	for _, w := range []string{"the", "The", "I", "i", "Tom", "TOM", "tOm", "abcdefghij", "Abcdefghijk", "z", "Zz",
		"don't", "I'm", "Tom's", "well-known", "Well-Known", "x-ray", "'s", "-", "x1", "é", "a.b"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, word string) {
		s, ascii := shapeOf(word)
		if !ascii || word == "" {
			return
		}
		key, ok := memoKey(word, s)
		const keyChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'-"
		keyBytes := strings.IndexFunc(word, func(r rune) bool { return !strings.ContainsRune(keyChars, r) }) < 0
		title := len(word) > 0 && 'A' <= word[0] && word[0] <= 'Z'
		wantOK := keyBytes && len(word) <= memoLetters && (s.upper == 0 || s.upper == 1 && title)
		if ok != wantOK {
			t.Fatalf("memoKey(%q) gives a key: %v, want %v", word, ok, wantOK)
		}
		if ok {
			var back []byte
			for i := 0; key>>(5*i)&31 != 0 && i < memoLetters; i++ {
				switch c := byte(key >> (5 * i) & 31); c {
				case 27:
					back = append(back, '\'')
				case 28:
					back = append(back, '-')
				default:
					back = append(back, c-1+'a')
				}
			}
			if key&memoTitle != 0 {
				back[0] -= 'a' - 'A'
			}
			if string(back) != word {
				t.Fatalf("memoKey(%q) reads back as %q", word, back)
			}
		}
		if len(word) > asciiWordMax {
			return
		}
		want := classifyShapedPlain(word, 3, s)
		for range 2 {
			if got := classifyShaped(word, 3, s); got != want {
				t.Fatalf("classifyShaped(%q) = %+v, want %+v", word, got, want)
			}
		}
	})
}

// shapeOf returns the shape of word as ScanWords learns it, and whether
// word is ASCII.
func shapeOf(word string) (wordShape, bool) {
	var s wordShape
	prevLower := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c >= utf8.RuneSelf:
			return s, false
		case 'a' <= c && c <= 'z':
			s.lower++
			prevLower = true
			continue
		case 'A' <= c && c <= 'Z':
			s.upper++
			s.camel = s.camel || prevLower
		case '0' <= c && c <= '9':
			s.digits = true
		default:
			s.joined = true
		}
		prevLower = false
	}
	return s, true
}
