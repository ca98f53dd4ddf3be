package numerals

import (
	"math/bits"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Extract returns the numbers of text, in text order, with spans that do
// not overlap. lang is the language of the text: it decides how digits are
// grouped and where the decimal point is ("1.000" is one thousand in
// German, one in English), and whether English number words are read.
// Chinese numerals are read in any language.
func Extract(text string, lang language.Tag) []Number {
	return AppendExtract(nil, text, lang)
}

// AppendExtract appends the numbers that Extract returns for text to dst
// and returns the extended slice, so that a caller reading many texts can
// keep their numbers in one array.
func AppendExtract(dst []Number, text string, lang language.Tag) []Number {
	// The scanner is set up at the first character that may start a
	// number: many texts (most Chinese sentences) have none.
	var sc scanner
	s := &sc
	ready := false
	out, first := dst, len(dst)
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			if letterIndex[b] < 26 {
				// An ASCII letter: most words hold no number. Skip them
				// the way single and word do, without decoding and
				// without the calls.
				if !ready {
					sc, ready = newScanner(text, lang), true
				}
				if i > 0 && (text[i-1] >= utf8.RuneSelf && s.inWord(i) || text[i-1] < utf8.RuneSelf && asciiInWord[text[i-1]]) {
					i++
					continue
				}
				// wordAt (with asciiLetters8) and mayRead in line, without
				// the calls: the letters eight bytes at a time, then most
				// words rejected by their shape.
				end := i + 1
				for end+8 <= len(text) {
					x := uint64(text[end]) | uint64(text[end+1])<<8 | uint64(text[end+2])<<16 | uint64(text[end+3])<<24 |
						uint64(text[end+4])<<32 | uint64(text[end+5])<<40 | uint64(text[end+6])<<48 | uint64(text[end+7])<<56
					y := x&^allHigh | 0x2020202020202020
					if m := (y + 0x1F1F1F1F1F1F1F1F) &^ (y + 0x0505050505050505) &^ x & allHigh; m != allHigh {
						end += bits.TrailingZeros64(^m&allHigh) / 8
						break
					}
					end += 8
				}
				for end < len(text) && letterIndex[text[end]] < 26 {
					end++ // the last few letters, or none after the break
				}
				w := text[i:end]
				if n := len(w); !((b == 'I' || b == 'V' || b == 'X') && onlyIVX(w) && (n > 1 || s.afterRomanWordEnd(i))) &&
					(!s.english || !(n < 32 && keywordShapes[shapeIndex(w)]&(1<<n) != 0 || n >= len("fold") && endsFold(text[end-4:end]))) ||
					s.numberless(i, w, end) {
					i = end
					continue
				}
				i = s.read(&out, i, 1)
				continue
			}
			if !asciiMayStart[b] {
				i++ // mayStart, without decoding
				continue
			}
		}
		// A character of three bytes (most Chinese text) that starts no
		// number: decodeRune and mayStart in line, without the calls.
		if b >= 0xE1 && b <= 0xEF && b != 0xED && i < len(text)-2 {
			if b1, b2 := text[i+1], text[i+2]; b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
				r := rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
				if startBits[r>>6]&(1<<(r&63)) == 0 {
					i += 3
					continue
				}
			}
		}
		r, size := decodeRune(text, i)
		if !mayStart(r) {
			// Most characters start no number: skip them without the
			// cost of a call that returns a Number.
			i += size
			continue
		}
		if !ready {
			sc, ready = newScanner(text, lang), true
		}
		i = s.read(&out, i, size)
	}
	if len(out) > first {
		s.attachUnits(out[first:])
	}
	return out
}

// MaxNumbers returns how many numbers Extract may return for text at most,
// in any language, counting up to limit: each number is read at a
// character that may start one and is not an ASCII letter, or at the first
// letter of a run of ASCII letters (a word), and no two are read at the
// same place. It costs far less than Extract: a caller that needs a few
// numbers learns from it, for most texts, that they are not there.
func MaxNumbers(text string, limit int) int {
	n, inLetters := 0, false
	for i := 0; i < len(text) && n < limit; {
		b := text[i]
		if b < utf8.RuneSelf {
			letter := letterIndex[b] < 26
			if letter && !inLetters || !letter && asciiMayStart[b] {
				n++
			}
			inLetters = letter
			i++
			continue
		}
		inLetters = false
		// A character of three bytes (most Chinese text): decodeRune and
		// mayStart in line.
		if b >= 0xE1 && b <= 0xEF && b != 0xED && i < len(text)-2 {
			if b1, b2 := text[i+1], text[i+2]; b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
				r := rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
				if startBits[r>>6]&(1<<(r&63)) != 0 {
					n++
				}
				i += 3
				continue
			}
		}
		r, size := decodeRune(text, i)
		if mayStart(r) {
			n++
		}
		i += size
	}
	return min(n, limit)
}

// read appends to out the number at i, if any, and returns where to look
// next: past the number or the word read, or past the character at i (of
// size bytes) when nothing starts there.
func (s *scanner) read(out *[]Number, i, size int) int {
	n, end, ok := s.at(i)
	if end <= i {
		return i + size
	}
	if ok {
		*out = append(*out, n)
		// A unit after the number may start with a numeral: "1100千伏",
		// "5千瓦".
		if e, found := measureWords.prefixAt(s.text, end); found && isHanNumeral(s.runeAt(end)) {
			end = e
		}
	}
	return end
}

// mayRead reports whether numberless may say no for the ASCII word w at
// i: when w may be a Roman numeral (only I, V and X, and a single one
// only after one of romanWords, as roman reads it) or, in English,
// one of englishKeywords or a word in "fold" (maybeKeyword). It answers
// most words with one look at keywordShapes, without the calls.
// AppendExtract tests the same in line.
func (s *scanner) mayRead(i int, w string) bool {
	if c := w[0]; (c == 'I' || c == 'V' || c == 'X') && onlyIVX(w) && (len(w) > 1 || s.afterRomanWordEnd(i)) {
		return true
	}
	if !s.english {
		return false
	}
	if len(w) < 32 && keywordShapes[shapeIndex(w)]&(1<<len(w)) != 0 {
		return true
	}
	return len(w) >= len("fold") && endsFold(w[len(w)-4:])
}

// endsFold reports whether the four ASCII letters t are "fold" in any
// case, with one comparison: many words end in d ("would", "said").
func endsFold(t string) bool {
	x := uint32(t[0]) | uint32(t[1])<<8 | uint32(t[2])<<16 | uint32(t[3])<<24
	return x|0x20202020 == 'f'|'o'<<8|'l'<<16|'d'<<24
}

// mayStart reports whether single may read a number (or a word to skip)
// at a character r: a digit, a sign, an ASCII letter, a Chinese numeral
// or one of the characters single looks at before one. single returns
// nothing at any other character.
func mayStart(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9' || isASCIILetter(r) || r == '-' || r == '+'
	}
	if r < 1<<16 {
		return startBits[r>>6]&(1<<(r&63)) != 0
	}
	return isHanNumeral(r)
}

// asciiMayStart is mayStart for the ASCII characters.
var asciiMayStart = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = mayStart(rune(c))
	}
	return t
}()

// startBits are the characters of the Basic Multilingual Plane beyond
// ASCII at which mayStart says yes, as a bit set: the Chinese numerals,
// the minus sign, the full-width digits, 第, 双, 雙 and 半.
var startBits = func() *[1 << 10]uint64 {
	bits := *hanNumeralBits
	extra := []rune{'−', '第', '双', '雙', '半'}
	for r := '０'; r <= '９'; r++ {
		extra = append(extra, r)
	}
	for _, r := range extra {
		bits[r>>6] |= 1 << (r & 63)
	}
	return &bits
}()

// decodeRune is utf8.DecodeRuneInString(text[i:]) with the three-byte
// sequences of Chinese text decoded in line: the scanner decodes every
// character of a text.
func decodeRune(text string, i int) (rune, int) {
	b0 := text[i]
	if b0 < utf8.RuneSelf {
		return rune(b0), 1
	}
	// E1 to EC and EE to EF lead three-byte sequences with no overlong
	// or surrogate forms to rule out (E0 and ED are left to package
	// utf8).
	if b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && i < len(text)-2 {
		b1, b2 := text[i+1], text[i+2]
		if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// ReadsAlike reports whether Extract returns the same numbers for text in
// language a as in language b, without reading it twice: both languages
// write digits the same way (decimal point and group separators), and
// either they have the same word lists (English number words, scale,
// percent and ordinal words) or text has no ASCII letter, which every
// word of those lists holds. A false result says nothing.
func ReadsAlike(text string, a, b language.Tag) bool {
	if a == b {
		return true
	}
	sa, sb := langScanner(a), langScanner(b)
	if sa.conv != sb.conv {
		return false
	}
	if sa.english == sb.english && sameList(sa.percent, sb.percent) && sameList(sa.ordSuf, sb.ordSuf) &&
		len(sa.scales) == len(sb.scales) && (len(sa.scales) == 0 || &sa.scales[0] == &sb.scales[0]) {
		return true
	}
	for k := 0; k < len(text); k++ {
		if isASCIILetter(rune(text[k])) {
			return false
		}
	}
	return true
}

// sameList reports whether a and b are the same slice of a word list.
func sameList(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// scanner reads the numbers of one text.
type scanner struct {
	text string
	// The language-dependent part, shared by the scanners of the
	// language: a scanner is set up for most texts, and copying a
	// pointer costs less than copying the lists.
	*langParams
}

// langParams are the conventions and word lists of a scanner's language.
type langParams struct {
	conv    convention
	english bool // read English number words and month names
	scales  []scaleWord
	percent []string
	ordSuf  []string
}

func newScanner(text string, lang language.Tag) scanner {
	return scanner{text: text, langParams: langScanner(lang)}
}

// scanners caches the language-dependent part of a scanner (its
// langParams) by language tag: working them out calls
// Tag.Base and Tag.Region, which cost more than scanning a short
// sentence. Tags are few in a run, so the cache stays small.
//
// recentScanners holds the first few of them in a slice that is searched
// by comparing tags, which costs less than hashing a Tag for the map.
var (
	scanners       sync.Map // language.Tag -> *langParams
	recentScanners atomic.Pointer[[]taggedScanner]
	recentMu       sync.Mutex // serialises additions to recentScanners
)

// taggedScanner is the langParams of a language.
type taggedScanner struct {
	lang language.Tag
	s    *langParams
}

// maxRecentScanners bounds recentScanners.
const maxRecentScanners = 8

func langScanner(lang language.Tag) *langParams {
	if recent := recentScanners.Load(); recent != nil {
		for k := range *recent {
			if (*recent)[k].lang == lang {
				return (*recent)[k].s
			}
		}
	}
	if v, ok := scanners.Load(lang); ok {
		return v.(*langParams)
	}
	s := makeLangScanner(lang)
	scanners.Store(lang, s)
	recentMu.Lock()
	defer recentMu.Unlock()
	var recent []taggedScanner
	if p := recentScanners.Load(); p != nil {
		recent = *p
	}
	if len(recent) < maxRecentScanners {
		grown := append(recent[:len(recent):len(recent)], taggedScanner{lang, s})
		recentScanners.Store(&grown)
	}
	return s
}

// makeLangScanner works out the language-dependent part of a scanner.
func makeLangScanner(lang language.Tag) *langParams {
	base, _ := lang.Base()
	b := base.String()
	s := &langParams{conv: conventionFor(lang)}
	s.english = b == "en" || b == "und"
	s.scales = scaleWords[b]
	if s.scales == nil {
		s.scales = scaleWords["en"]
	}
	s.percent = percentWords[b]
	if s.percent == nil {
		s.percent = percentWords["en"]
	}
	s.ordSuf = ordinalSuffixes[b]
	if s.ordSuf == nil {
		s.ordSuf = ordinalSuffixes["en"]
	}
	return s
}

// at reads the number that starts at byte i, if any. It returns the end of
// what it read: i when nothing starts there, past the number when ok,
// past a word that holds no number (so that the caller skips it) when not.
func (s *scanner) at(i int) (Number, int, bool) {
	n, end, ok := s.single(i)
	if !ok {
		return n, end, ok
	}
	return s.rangeAfter(n, end)
}

// single reads one number at i, without looking for a range after it.
func (s *scanner) single(i int) (Number, int, bool) {
	r, size := utf8.DecodeRuneInString(s.text[i:])
	switch {
	case digitValue(r) >= 0:
		return s.digits(i)
	case r == '-' || r == '+' || r == '−':
		if digitValue(s.runeAt(i+size)) < 0 || !s.signAllowed(i) {
			return Number{}, i, false
		}
		n, end, ok := s.digits(i + size)
		if !ok || n.Kind != Cardinal && n.Kind != Percent {
			return Number{}, i, false
		}
		if r != '+' && n.Value != "0" {
			n.Value = "-" + n.Value
		}
		n.Start = i
		return n, end, true
	case isHanNumeral(r) || r == '第' || r == '双' || r == '雙':
		return s.han(i)
	case r == '半':
		// "半小时" half an hour, "半年" six months: a weak half with a unit.
		if u := s.unitAt(i + size); u != "" {
			if d, _, _ := UnitSize(u); d == "time" {
				return Number{Start: i, End: i + size, Kind: Fraction, Form: Han, Value: "0.5", Unit: u, Weak: true}, i + size, true
			}
		}
	case r < utf8.RuneSelf && isASCIILetter(r):
		if s.inWord(i) {
			return Number{}, i, false
		}
		return s.word(i)
	}
	return Number{}, i, false
}

// inWord reports whether byte i follows a letter, a digit or an
// apostrophe, so that no number word starts there.
func (s *scanner) inWord(i int) bool {
	if i == 0 {
		return false
	}
	p := rune(s.text[i-1])
	if p < utf8.RuneSelf {
		return asciiInWord[p]
	}
	if p >= utf8.RuneSelf {
		p, _ = utf8.DecodeLastRuneInString(s.text[:i])
	}
	return unicode.IsLetter(p) || unicode.IsDigit(p) || p == '\'' || p == '’'
}

// asciiInWord is what inWord says after each ASCII character.
var asciiInWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		p := rune(c)
		t[c] = unicode.IsLetter(p) || unicode.IsDigit(p) || p == '\''
	}
	return t
}()

// signAllowed reports whether a sign at i starts a number: at the start
// of the text or after a space, an opening bracket or a non-Latin
// character, not after a letter, a digit or a closing mark.
func (s *scanner) signAllowed(i int) bool {
	if i == 0 {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(s.text[:i])
	switch {
	case unicode.IsSpace(p), p == '(', p == '[', p == '{', p == '=', p == ':', p == '/':
		return true
	case unicode.IsLetter(p) || unicode.IsDigit(p):
		return unicode.Is(unicode.Han, p)
	}
	return unicode.Is(unicode.Han, p) || p > unicode.MaxLatin1 && unicode.IsPunct(p)
}

// rangeAfter joins n and a number that follows it after a dash, a tilde,
// "至", "到" or (in English) "to" into a Range.
func (s *scanner) rangeAfter(n Number, end int) (Number, int, bool) {
	if !rangeEnd(n) {
		return n, end, true
	}
	j := end
	for j < len(s.text) && s.text[j] == ' ' {
		j++
	}
	spaced := j > end
	c, size := utf8.DecodeRuneInString(s.text[j:])
	switch {
	case spaced && s.english && s.hasAt(j, "to "):
		// "60 to 85 billion".
		size = len("to ")
	case c == '-', c == '至', c == '到':
		// Closed up only: "5 - 3" may be a subtraction.
		if spaced {
			return n, end, true
		}
	case c == '–', c == '~', c == '～', c == '〜':
	default:
		return n, end, true
	}
	k := j + size
	for k < len(s.text) && s.text[k] == ' ' && c != '-' && c != '至' && c != '到' {
		k++
	}
	nr := s.runeAt(k)
	if digitValue(nr) < 0 && (!isHanNumeral(nr) || c == '-') {
		return n, end, true
	}
	h, hend, ok := s.single(k)
	if !ok || !rangeEnd(h) {
		return n, end, true
	}
	// A chain of numbers joined by hyphens is a code or a phone number.
	if c == '-' && hend < len(s.text) && s.text[hend] == '-' && digitValue(s.runeAt(hend+1)) >= 0 {
		e := s.tokenEnd(hend)
		return Number{Start: n.Start, End: e, Kind: Label, Form: n.Form, Value: n.Value, Weak: true}, e, true
	}
	if h.Kind == Percent && n.Kind == Cardinal {
		n.Kind = Percent
	}
	// "600至850亿", "5-10 million": the scale of the high end is the low
	// end's too.
	if h.Form == Mixed && n.Form != Mixed && digitValue(s.runeAt(h.Start)) >= 0 {
		lit, _, _, _, _ := s.decimal(h.Start)
		if shown, ok := decimalValue(lit); ok && shown != "0" && n.Value.Cmp(shown) < 0 {
			f := h.Value.Rat()
			f.Quo(f, shown.Rat())
			n.Value = n.Value.mul(ratValue(f))
			n.Form = Mixed
		}
	}
	r := Number{
		Start: n.Start, End: h.End, Kind: Range, Form: n.Form,
		Value: n.Value, High: h.Value, Parts: []Number{n, h},
		Weak: n.Weak && h.Weak,
	}
	return r, hend, true
}

// rangeEnd reports whether n can be one end of a range.
func rangeEnd(n Number) bool {
	return (n.Kind == Cardinal || n.Kind == Percent || n.Kind == Ordinal) && n.Value != ""
}

// runeAt returns the rune at byte i, or 0 past the end.
func (s *scanner) runeAt(i int) rune {
	if i < 0 || i >= len(s.text) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s.text[i:])
	return r
}

// runeBefore returns the rune that ends at byte i, or 0 at the start.
func (s *scanner) runeBefore(i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s.text[:i])
	return r
}

// tokenEnd returns the end of the run of letters, digits, hyphens, dots
// and slashes that holds byte i (a code such as "B2B" or "555-1234").
func (s *scanner) tokenEnd(i int) int {
	j := i
	for j < len(s.text) {
		r, size := utf8.DecodeRuneInString(s.text[j:])
		if isASCIILetter(r) || digitValue(r) >= 0 {
			j += size
			continue
		}
		if (r == '-' || r == '.' || r == '/' || r == '_') && j+1 < len(s.text) {
			n, _ := utf8.DecodeRuneInString(s.text[j+1:])
			if isASCIILetter(n) || digitValue(n) >= 0 {
				j += size
				continue
			}
		}
		break
	}
	return j
}

// hasAt reports whether text[i:] starts with w.
func (s *scanner) hasAt(i int, w string) bool {
	return i >= 0 && i <= len(s.text) && len(s.text)-i >= len(w) && s.text[i:i+len(w)] == w
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// digitValue returns the value of an ASCII or full-width digit, or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}
