package readings

import "strings"

// The Revised Romanization of Korean (Ministry of Culture and Tourism,
// 2000), chapter 2: the romanization of each jamo, by position. Initial ㅇ
// is silent; ㄱ, ㄷ, ㅂ are g, d, b before a vowel and k, t, p as finals;
// ㄹ is r before a vowel and l as a final. Finals are written as they are
// pronounced at the end of a syllable (ㅅ, ㅆ, ㅈ, ㅊ, ㅌ, ㅎ as t; double
// finals by the consonant pronounced).
var (
	hangulInitials = [19]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	hangulMedials  = [21]string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
	hangulFinals   = [28]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
	// hangulLiaison is what a final becomes when the next syllable starts
	// with a silent ㅇ: the consonant moves over and is read as an initial
	// (한국어 hangugeo). For double finals the second consonant moves and
	// the first stays (읽어 ilgeo); ㅇ (ng) does not move, and ㅎ is silent
	// (좋아 joa, 싫어 sireo).
	hangulLiaison = [28][2]string{
		{"", ""}, {"", "g"}, {"", "kk"}, {"k", "s"}, {"", "n"}, {"n", "j"}, {"n", ""},
		{"", "d"}, {"", "r"}, {"l", "g"}, {"l", "m"}, {"l", "b"}, {"l", "s"}, {"l", "t"},
		{"l", "p"}, {"", "r"}, {"", "m"}, {"", "b"}, {"p", "s"}, {"", "s"}, {"", "ss"},
		{"ng", ""}, {"", "j"}, {"", "ch"}, {"", "k"}, {"", "t"}, {"", "p"}, {"", ""},
	}
)

// Romanize returns text's Hangul syllables in the Revised Romanization of
// Korean, chapter 2, with one sound change of chapter 3 (a final consonant
// carried over to a following syllable that starts with a silent ㅇ:
// 한국어 hangugeo); the other sound changes (assimilation: 신라 Silla,
// 독립 dongnip; palatalization; aspiration) are not applied. Words stay
// separated as in text; ok is false when text has anything but Hangul
// syllables and spaces.
func Romanize(text string) (string, bool) {
	var b strings.Builder
	rs := []rune(text)
	for i, c := range rs {
		if c == ' ' {
			b.WriteByte(' ')
			continue
		}
		if c < 0xAC00 || c > 0xD7A3 {
			return "", false
		}
		s := int(c - 0xAC00)
		initial, medial, final := s/(21*28), s/28%21, s%28
		if i > 0 && rs[i-1] >= 0xAC00 && rs[i-1] <= 0xD7A3 {
			if prev := int(rs[i-1]-0xAC00) % 28; prev != 0 && initial == 11 {
				b.WriteString(hangulLiaison[prev][1])
			} else if initial != 11 || prev == 0 {
				b.WriteString(hangulInitials[initial])
			}
		} else {
			b.WriteString(hangulInitials[initial])
		}
		b.WriteString(hangulMedials[medial])
		if final != 0 {
			if i+1 < len(rs) && rs[i+1] >= 0xAC00 && rs[i+1] <= 0xD7A3 && int(rs[i+1]-0xAC00)/(21*28) == 11 {
				b.WriteString(hangulLiaison[final][0])
			} else {
				b.WriteString(hangulFinals[final])
			}
		}
	}
	if b.Len() == 0 {
		return "", false
	}
	return b.String(), true
}
