package pipeline

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// MQM penalty weights, as in the WMT 2020 MQM study (Freitag et al. 2021,
// "Experts, Errors, and Context"): minor 1, major 5, critical 25 (their
// "Non-translation" weight), and 0.1 for minor punctuation errors. Neutral
// findings weigh nothing.
const (
	weightMinor            = 1.0
	weightMinorPunctuation = 0.1
	weightMajor            = 5.0
	weightCritical         = 25.0
)

// Weight returns the MQM penalty of one finding.
func Weight(f Finding) float64 {
	switch f.Severity {
	case Minor:
		if f.Category == CategoryPunctuation {
			return weightMinorPunctuation
		}
		return weightMinor
	case Major:
		return weightMajor
	case Critical:
		return weightCritical
	}
	return 0
}

// Score is an MQM-style score: the sum of the penalties, and that sum per
// 1,000 words of the text checked (lower is better; 0 is a clean text).
type Score struct {
	Penalty     float64
	Words       int
	PerThousand float64
}

// ScoreOf scores findings over a text of words words.
func ScoreOf(fs []Finding, words int) Score {
	s := Score{Words: words}
	for _, f := range fs {
		s.Penalty += Weight(f)
	}
	if words > 0 {
		s.PerThousand = s.Penalty * 1000 / float64(words)
	}
	return s
}

// CountWords counts the words of text as MQM scoring does: a run of
// letters, digits or marks is one word in scripts that separate words with
// spaces, and each Han, Hiragana, Katakana or Thai character counts as one
// word on its own.
func CountWords(text string) int {
	n := 0
	in := false
	for i := 0; i < len(text); {
		// Eight bytes at a time while they are ASCII with no apostrophe
		// or hyphen: a word starts at each letter or digit that follows
		// none (TestCountWordsASCII8).
		for i+8 <= len(text) {
			x := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
				uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
			if x&highBits != 0 || hasByte(x, '\'') || hasByte(x, '-') {
				break
			}
			w := wordBytes8(x)
			before := w << 8
			if in {
				before |= 0x80
			}
			n += bits.OnesCount64(w &^ before)
			in = w>>63 != 0
			i += 8
		}
		if i >= len(text) {
			break
		}
		if b := text[i]; b < utf8.RuneSelf {
			// ASCII, most of the text of most targets, by a table.
			i++
			w := asciiWordByte[b]
			if w && !in {
				n++
			}
			in = w || (in && (b == '\'' || b == '-') && i < len(text) && isWordByte(text[i]))
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case cjkUnifiedFirst <= r && r <= cjkUnifiedLast,
			unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai):
			// The CJK Unified Ideographs are all Han (TestCountWordsAll).
			n++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if !in {
				n++
			}
			in = true
		case r == '’' && in:
			// an apostrophe inside a word: "alliance’s"
		default:
			in = false
		}
	}
	return n
}

// The block of CJK Unified Ideographs, U+4E00 to U+9FFF.
const cjkUnifiedFirst, cjkUnifiedLast = '\u4e00', '\u9fff'

// Words of eight bytes: ones has 1 in each byte, highBits the high bit of
// each byte set.
const (
	ones     = 0x0101010101010101
	highBits = 0x8080808080808080
)

// hasByte reports whether one of the eight bytes of x is c.
func hasByte(x uint64, c byte) bool {
	y := x ^ uint64(c)*ones // a zero byte where x has c
	return (y-ones)&^y&highBits != 0
}

// wordBytes8 returns the eight ASCII bytes of x (no high bit set) with
// the high bit set where a byte is a letter or a digit and every other
// bit clear. Adding 0x80-lo to a byte below 0x80 sets its high bit when
// it is lo or more, taking it from 0x80+hi leaves the high bit set when
// it is hi or less, with no carry into the next byte.
func wordBytes8(x uint64) uint64 {
	lower := x | 0x20*ones // an ASCII letter in lower case; no other byte becomes one
	letter := (lower + (0x80-'a')*ones) & ((0x80+'z')*ones - lower)
	digit := (x + (0x80-'0')*ones) & ((0x80+'9')*ones - x)
	return (letter | digit) & highBits
}

// asciiWordByte says which ASCII bytes CountWords takes for word
// characters: the letters and digits.
var asciiWordByte = func() (t [utf8.RuneSelf]bool) {
	for b := range t {
		t[b] = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
	return t
}()

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= utf8.RuneSelf
}

// DocumentWords counts the words of a document's targets.
func DocumentWords(d *Document) int {
	n := 0
	for i := range d.Segments {
		n += CountWords(d.Segments[i].Target)
	}
	return n
}
