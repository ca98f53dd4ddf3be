package readings

import (
	"strings"
	"unicode/utf8"
)

// hiragana gives the modified Hepburn romanization of each hiragana
// letter (katakana are mapped to hiragana first), as in Kenkyusha's New
// Japanese-English Dictionary (3rd edition, 1954): shi, chi, tsu, fu, ji;
// ぢ and づ are ji and zu; ゐ, ゑ and を are i, e and o.
var hiragana = map[rune]string{
	'あ': "a", 'い': "i", 'う': "u", 'え': "e", 'お': "o",
	'か': "ka", 'き': "ki", 'く': "ku", 'け': "ke", 'こ': "ko",
	'が': "ga", 'ぎ': "gi", 'ぐ': "gu", 'げ': "ge", 'ご': "go",
	'さ': "sa", 'し': "shi", 'す': "su", 'せ': "se", 'そ': "so",
	'ざ': "za", 'じ': "ji", 'ず': "zu", 'ぜ': "ze", 'ぞ': "zo",
	'た': "ta", 'ち': "chi", 'つ': "tsu", 'て': "te", 'と': "to",
	'だ': "da", 'ぢ': "ji", 'づ': "zu", 'で': "de", 'ど': "do",
	'な': "na", 'に': "ni", 'ぬ': "nu", 'ね': "ne", 'の': "no",
	'は': "ha", 'ひ': "hi", 'ふ': "fu", 'へ': "he", 'ほ': "ho",
	'ば': "ba", 'び': "bi", 'ぶ': "bu", 'べ': "be", 'ぼ': "bo",
	'ぱ': "pa", 'ぴ': "pi", 'ぷ': "pu", 'ぺ': "pe", 'ぽ': "po",
	'ま': "ma", 'み': "mi", 'む': "mu", 'め': "me", 'も': "mo",
	'や': "ya", 'ゆ': "yu", 'よ': "yo",
	'ら': "ra", 'り': "ri", 'る': "ru", 'れ': "re", 'ろ': "ro",
	'わ': "wa", 'ゐ': "i", 'ゑ': "e", 'を': "o", 'ん': "n",
	'ゔ': "vu",
}

// smallVowels and smallY are the small kana that combine with the letter
// before them: フ+ァ fa, テ+ィ ti; キ+ャ kya, シ+ャ sha.
var (
	smallVowels = map[rune]string{'ぁ': "a", 'ぃ': "i", 'ぅ': "u", 'ぇ': "e", 'ぉ': "o"}
	smallY      = map[rune]string{'ゃ': "a", 'ゅ': "u", 'ょ': "o"}
)

// macrons puts a macron on a vowel: the long-vowel mark ー after it.
var macrons = map[byte]string{'a': "ā", 'i': "ī", 'u': "ū", 'e': "ē", 'o': "ō"}

// toHiragana maps a katakana letter to its hiragana.
func toHiragana(c rune) rune {
	if c >= 'ァ' && c <= 'ヶ' {
		return c - 0x60
	}
	return c
}

// Romaji returns the modified Hepburn romanization of text, which must be
// kana only (hiragana, katakana, the long-vowel mark ー and the middle dot
// ・); ok is false otherwise, for kanji cannot be read without a
// dictionary. The romanization is letter by letter: っ doubles the next
// consonant (ch becomes tch), ん is n' before a vowel or y, ー puts a
// macron on the vowel before it; long vowels written with two kana (おう,
// うう) are kept as written, since the kana do not say whether they are one
// long vowel or two.
func Romaji(text string) (string, bool) {
	var b strings.Builder
	rs := []rune(text)
	double := false
	for i := 0; i < len(rs); i++ {
		c := toHiragana(rs[i])
		switch {
		case c == 'ー':
			s := b.String()
			if s == "" || macrons[s[len(s)-1]] == "" {
				return "", false
			}
			b.Reset()
			b.WriteString(s[:len(s)-1] + macrons[s[len(s)-1]])
			continue
		case c == '・':
			b.WriteByte(' ')
			continue
		case c == 'っ':
			double = true
			continue
		}
		r, ok := hiragana[c]
		if !ok {
			return "", false
		}
		if i+1 < len(rs) {
			next := toHiragana(rs[i+1])
			if v, ok := smallY[next]; ok && strings.HasSuffix(r, "i") && len(r) > 1 {
				r = yoon(r, v)
				i++
			} else if v, ok := smallVowels[next]; ok {
				r = consonant(r) + v
				i++
			}
		}
		if c == 'ん' && i+1 < len(rs) {
			if n, ok := hiragana[toHiragana(rs[i+1])]; ok && (strings.ContainsAny(n[:1], "aiueoy")) {
				r = "n'"
			}
		}
		if double {
			switch {
			case strings.HasPrefix(r, "ch"):
				r = "t" + r
			case r != "" && !strings.ContainsAny(r[:1], "aiueon"):
				r = r[:1] + r
			}
			double = false
		}
		b.WriteString(r)
	}
	if double || b.Len() == 0 {
		return "", false
	}
	return b.String(), true
}

// yoon combines a letter ending in i (ki, shi, chi, ji) with a small ya,
// yu or yo: kya, sha, cha, ja.
func yoon(r, v string) string {
	stem := r[:len(r)-1]
	switch stem {
	case "sh", "ch", "j":
		return stem + v
	}
	return stem + "y" + v
}

// consonant returns the consonant part of a romanized letter, for a small
// vowel after it: f of fu, t of te, sh of shi; w for u alone (ウィ wi).
func consonant(r string) string {
	i := strings.IndexAny(r, "aiueo")
	if i <= 0 {
		return "w"
	}
	return r[:i]
}

// isKana reports whether every character of s is kana, the long-vowel mark
// or the middle dot.
func isKana(s string) bool {
	for _, c := range s {
		h := toHiragana(c)
		if _, ok := hiragana[h]; ok {
			continue
		}
		if _, ok := smallVowels[h]; ok {
			continue
		}
		if _, ok := smallY[h]; ok {
			continue
		}
		if h == 'っ' || h == 'ー' || h == '・' {
			continue
		}
		return false
	}
	return s != "" && utf8.ValidString(s)
}
