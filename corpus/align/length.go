package align

import (
	"unicode"
	"unicode/utf8"
)

// counts is the raw material of the length measure: how many non-space
// characters of a sentence are CJK (Han, Hiragana, Katakana, Hangul) and
// how many are anything else (Latin letters, digits, punctuation,
// including CJK punctuation such as 。and ，).
type counts struct {
	cjk, other int
}

// count counts the characters of s. White space is not counted, so that
// the measure does not depend on how a text is spaced or wrapped.
func count(s string) counts {
	var c counts
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			i++
			if b > ' ' {
				c.other++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case isCJK(r):
			c.cjk++
		case unicode.IsSpace(r):
		default:
			c.other++
		}
	}
	return c
}

// isCJK reports whether r is a Han, Hiragana, Katakana or Hangul letter.
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// length is the length measure of a sentence: its other characters plus
// its CJK characters weighted by cjkWeight.
func (c counts) length(cjkWeight float64) float64 {
	return float64(c.other) + cjkWeight*float64(c.cjk)
}
