package spelling

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// Words yields the byte span [start, end) of each word of text, in order.
// A word is a run of letters, digits and combining marks, with apostrophes
// (' or ’) between two of them ("alliance’s", "don't"); hyphens, other
// punctuation and spaces separate words, so "defense-related" holds the
// words "defense" and "related". Words does not allocate per word.
func Words(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < len(text); {
			start, end := nextWord(text, i)
			if start < 0 || !yield(start, end) {
				return
			}
			i = end
		}
	}
}

// wordByte marks the ASCII bytes that are word characters.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	return t
}()

// wordAt reports whether a word character starts at text[i], and its size.
func wordAt(text string, i int) (bool, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return wordByte[c], 1
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r), n
}

// apostropheAt returns the size of an apostrophe at text[i], or 0.
func apostropheAt(text string, i int) int {
	switch {
	case text[i] == '\'':
		return 1
	case text[i] == 0xE2 && len(text) >= i+3 && text[i+1] == 0x80 && text[i+2] == 0x99: // ’
		return 3
	}
	return 0
}

// nextWord returns the span of the first word at or after from, or -1.
func nextWord(text string, from int) (start, end int) {
	i := from
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if wordByte[c] {
				break
			}
			i++ // wordAt, without the call
			continue
		}
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
		a := 0
		if c := text[i]; c < utf8.RuneSelf {
			if wordByte[c] {
				i++ // wordAt, without the call
				continue
			}
			if c != '\'' {
				break // a space or punctuation: the end of most words
			}
			a = 1
		} else {
			ok, n := wordAt(text, i)
			if ok {
				i += n
				continue
			}
			a = apostropheAt(text, i)
		}
		// An apostrophe between two word characters belongs to the word.
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

// Flagged yields the byte span [start, end) of each word of text that p
// flags, in order: the words of Words for which Lookup reports true. It
// finds them in one pass, and looks up only the words whose shape (see
// variantTable) a word of the table has: most words of a text are turned
// away on their length and end letters.
func (p Profile) Flagged(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		if p == Off || int(p) >= len(profileNames) {
			return
		}
		shapes := variants.shapes
		for i := 0; i < len(text); {
			start, end := nextWord(text, i)
			if start < 0 {
				return
			}
			i = end
			word := text[start:end]
			if shapes != "" {
				stem, _ := splitPossessive(word)
				if b, bit, ok := variantShape(stem); !ok || shapes[b]&bit == 0 {
					continue
				}
			}
			if _, ok := p.Lookup(word); ok && !yield(start, end) {
				return
			}
		}
	}
}
