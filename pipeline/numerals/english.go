package numerals

import (
	"math/bits"
	"strings"
)

// englishSmall are the English number words below a hundred that are one
// word; englishOrdinals their ordinals and those of the scales.
var (
	englishSmall = map[string]int64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
		"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
		"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
		"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	englishOrdinals = map[string]int64{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
		"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
		"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
		"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
		"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
		"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
		"hundredth": 100, "thousandth": 1000, "millionth": 1e6, "billionth": 1e9,
	}
	englishScales = map[string]int64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
	// Words that imply a count without being a numeral: weak numbers.
	englishImplied = map[string]int64{"once": 1, "twice": 2, "thrice": 3, "both": 2, "double": 2,
		"doubled": 2, "twin": 2, "twins": 2, "triple": 3, "tripled": 3, "quadruple": 4, "quadrupled": 4,
		"dozen": 12, "decade": 10, "century": 100}
	// English idioms with a number that is not a count: the number words in
	// them are weak. Found in the Tatoeba pairs.
	englishIdioms = []string{"fifty-fifty", "saves nine", "eleventh hour", "two peas in a pod",
		"ten to one", "kill two birds", "on all fours", "cloud nine", "at sixes and sevens"}
	englishMonths = map[string]int{
		"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
		"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
		"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	}
	// Plural scales and decades: approximations.
	englishPlurals = map[string]int64{"dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6, "billions": 2e9}
	englishDecades = map[string]int64{"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
		"sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
	// Fractions after a count: "two thirds", "a quarter".
	englishFractions = map[string]int64{
		"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
		"fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
		"eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
	}
)

// englishKeywords are the words that may start a number, in lower case.
var englishKeywords = func() map[string]bool {
	m := map[string]bool{"a": true, "an": true, "half": true, "quarter": true, "noon": true,
		"midnight": true, "couple": true, "pair": true, "hundred": true}
	for _, t := range []map[string]int64{englishSmall, englishOrdinals, englishScales, englishImplied, englishPlurals, englishDecades} {
		for k := range t {
			m[k] = true
		}
	}
	for k := range englishMonths {
		m[k] = true
	}
	return m
}()

// maybeKeyword reports whether the ASCII word w, in lower case, is one of
// englishKeywords or ends in "fold", without allocating its lower case.
func maybeKeyword(w string) bool {
	if len(w) < 32 && len(w) > 0 {
		sh := shapeIndex(w)
		if keywordShapes[sh]&(1<<len(w)) != 0 {
			for _, k := range keywordsByShape[sh] {
				if len(k) == len(w) && equalLowerASCII(w, k) {
					return true
				}
			}
		}
	}
	// Only "fold" words are left: most words end in another letter.
	return len(w) >= len("fold") && w[len(w)-1]|0x20 == 'd' && hasSuffixFold(w, "fold")
}

// equalLowerASCII reports whether the ASCII letters w, in lower case, are
// k.
func equalLowerASCII(w, k string) bool {
	for j := 0; j < len(w); j++ {
		if w[j]|0x20 != k[j] {
			return false
		}
	}
	return true
}

// keywordsByShape holds englishKeywords by shapeIndex.
var keywordsByShape = func() *[27 * 27][]string {
	var t [27 * 27][]string
	for k := range englishKeywords {
		t[shapeIndex(k)] = append(t[shapeIndex(k)], k)
	}
	return &t
}()

// keywordShapes holds, for the first two letters of each of
// englishKeywords (shapeIndex), a bit for each length of those keywords:
// a quick test that rejects most words before the map look-up.
var keywordShapes = func() *[27 * 27]uint32 {
	var t [27 * 27]uint32
	for k := range englishKeywords {
		if len(k) < 32 {
			t[shapeIndex(k)] |= 1 << len(k)
		}
	}
	return &t
}()

// shapeIndex returns the index in keywordShapes of the first two letters
// of the ASCII word w (not empty), in any case; 26 stands for no second
// letter.
func shapeIndex(w string) int {
	second := 26
	if len(w) > 1 {
		second = int(letterIndex[w[1]])
	}
	return int(letterIndex[w[0]])*27 + second
}

// letterIndex maps the ASCII letters, in either case, to 0 to 25 and any
// other byte to 26.
var letterIndex = func() (t [256]uint8) {
	for c := range t {
		t[c] = 26
		switch {
		case c >= 'a' && c <= 'z':
			t[c] = uint8(c - 'a')
		case c >= 'A' && c <= 'Z':
			t[c] = uint8(c - 'A')
		}
	}
	return t
}()

// hasSuffixFold reports whether w ends in the lower-case ASCII suffix,
// ignoring the case of w.
func hasSuffixFold(w, suffix string) bool {
	if len(w) < len(suffix) {
		return false
	}
	tail := w[len(w)-len(suffix):]
	for k := 0; k < len(suffix); k++ {
		c := tail[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[k] {
			return false
		}
	}
	return true
}

// wordAt returns the ASCII letters at i and their end.
func (s *scanner) wordAt(i int) (string, int) {
	if i >= len(s.text) {
		return "", len(s.text)
	}
	j := i
	// Eight bytes at a time while they are all letters, then one by one.
	for j+8 <= len(s.text) {
		if m := asciiLetters8(s.text, j); m != allHigh {
			j += bits.TrailingZeros64(^m&allHigh) / 8
			return s.text[i:j], j
		}
		j += 8
	}
	for j < len(s.text) && letterIndex[s.text[j]] < 26 {
		j++
	}
	return s.text[i:j], j
}

// word reads an English number, month or Roman numeral at the start of
// the word at i, or returns the end of the word to skip it.
func (s *scanner) word(i int) (Number, int, bool) {
	w, end := s.wordAt(i)
	if s.numberless(i, w, end) {
		return Number{}, end, false
	}
	if v := s.roman(i, w); v > 0 {
		return Number{Start: i, End: end, Kind: Cardinal, Form: Roman, Value: intValue(int64(v)), Weak: true}, end, true
	}
	lw := strings.ToLower(w)
	if m, ok := englishMonths[lw]; ok && w[0] >= 'A' && w[0] <= 'Z' {
		return s.month(i, end, w, m)
	}
	switch lw {
	case "half", "quarter", "a":
		if t, e, ok := s.pastTo(i, lw, end); ok {
			return t, e, true
		}
	case "noon", "midnight":
		h := 12
		if lw == "midnight" {
			h = 0
		}
		t := s.makeTime(i, end, Named, h, i, end, 0, 0, 0)
		t.Weak, t.Parts[0].Weak = true, true
		return t, end, true
	}
	if v, ok := englishImplied[lw]; ok {
		// "a dozen" is twelve or so, "a decade" ten years.
		st := i
		if p := strings.ToLower(s.text[max(0, i-2):i]); p == "a " && (lw == "dozen" || lw == "decade" || lw == "century") {
			st = i - 2
		}
		return Number{Start: st, End: end, Kind: Cardinal, Form: Named, Value: intValue(v), Weak: true}, end, true
	}
	// "tenfold", "twofold".
	if base, ok := strings.CutSuffix(lw, "fold"); ok {
		if v, ok := englishSmall[base]; ok && v > 1 {
			return Number{Start: i, End: end, Kind: Cardinal, Form: Named, Value: intValue(v), Weak: true}, end, true
		}
		if base == "hundred" || base == "thousand" {
			return Number{Start: i, End: end, Kind: Cardinal, Form: Named, Value: intValue(map[string]int64{"hundred": 100, "thousand": 1000}[base]), Weak: true}, end, true
		}
	}
	if lw == "couple" || lw == "pair" {
		if p := strings.ToLower(s.text[max(0, i-2):i]); p == "a " {
			return Number{Start: i, End: end, Kind: Cardinal, Form: Named, Value: "2", Weak: true}, end, true
		}
	}
	if lw == "half" {
		n := Number{Start: i, End: end, Kind: Fraction, Form: Words, Value: "0.5", Weak: true}
		// "half an hour", "half a year".
		for _, a := range []string{" an ", " a "} {
			if s.hasAt(end, a) {
				if u := s.unitAt(end + len(a) - 1); u != "" {
					n.Unit = u
				}
			}
		}
		return n, end, true
	}
	if lo, ok := englishPlurals[lw]; ok {
		// "hundreds", "thousands": two or more, up to a thousand times.
		return Number{Start: i, End: end, Kind: Approximate, Form: Words, Value: intValue(lo), High: intValue(lo / 2 * 1000), Weak: true}, end, true
	}
	if d, ok := englishDecades[lw]; ok {
		return Number{Start: i, End: end, Kind: Approximate, Form: Words, Value: intValue(d), High: intValue(d + 9), Weak: true}, end, true
	}
	return s.englishNumber(i)
}

// numberless reports whether the ASCII word w at i, which ends at end,
// starts no number, so that word skips it: a word before digits ("abc123":
// the digits are a label, read from there), or a word that is neither a
// Roman numeral nor (in English) a number word or month.
func (s *scanner) numberless(i int, w string, end int) bool {
	if end < len(s.text) && s.text[end]-'0' < 10 {
		return true // an ASCII digit (no other character decodes to one)
	}
	if c := w[0]; (c == 'I' || c == 'V' || c == 'X') && s.roman(i, w) != 0 {
		return false
	}
	return !s.english || !maybeKeyword(w) || isArticle(w) && !s.articleMayRead(end)
}

// isArticle reports whether the ASCII word w is "a" or "an", in any case.
func isArticle(w string) bool {
	switch len(w) {
	case 1:
		return w[0]|0x20 == 'a'
	case 2:
		return w[0]|0x20 == 'a' && w[1]|0x20 == 'n'
	}
	return false
}

// articleMayRead reports whether word may read a number at an article
// that ends at end: only when a space and one of articleNext follow ("a
// quarter past", "a third of", "a hundred", "an eighth"). Elsewhere
// pastTo and englishNumber read nothing there and word skips the article,
// as numberless does.
func (s *scanner) articleMayRead(end int) bool {
	if end >= len(s.text) || s.text[end] != ' ' {
		return false
	}
	w, _ := s.wordAt(end + 1)
	var buf [16]byte
	if len(w) == 0 || len(w) > len(buf) || articleShapes[shapeIndex(w)]&(1<<len(w)) == 0 {
		return false // most words after an article: no look-up
	}
	for k := 0; k < len(w); k++ {
		buf[k] = w[k] | 0x20 // ASCII letters only: to lower case
	}
	return articleNext[string(buf[:len(w)])]
}

// articleNext are the words after "a " or "an " with which pastTo or
// englishNumber may read a number: the fractions, "hundred" and the
// scales, in lower case.
var articleNext = func() map[string]bool {
	m := map[string]bool{"hundred": true, "quarter": true}
	for w := range englishFractions {
		m[w] = true
	}
	for w := range englishScales {
		m[w] = true
	}
	return m
}()

// articleShapes is keywordShapes for articleNext: for the first two
// letters of its words (shapeIndex), a bit for each of their lengths.
var articleShapes = func() *[27 * 27]uint16 {
	var t [27 * 27]uint16
	for w := range articleNext {
		t[shapeIndex(w)] |= 1 << len(w)
	}
	return &t
}()

// englishNumber reads spelled-out English numbers at i: "two hundred and
// five", "twenty-one", "a thousand", "1st"-style ordinal words, "a dozen".
func (s *scanner) englishNumber(i int) (Number, int, bool) {
	var total, cur int64
	any, words, ordinal := false, 0, false
	lastSmall, lastTens := false, false
	end := i
	j := i
	lastWord := ""
	for {
		w, we := s.wordAt(j)
		lw := strings.ToLower(w)
		if w == "" {
			break
		}
		if v, ok := englishSmall[lw]; ok {
			if lastSmall && !(lastTens && v < 10 && v > 0) {
				// A year in words: "nineteen ninety-seven".
				if words != 1 || total != 0 || cur < 13 || cur > 20 || v < 10 {
					break
				}
				cur *= 100
			}
			cur += v
			lastTens, lastSmall = v >= 20 && v%10 == 0, true
		} else if v, ok := englishOrdinals[lw]; ok {
			if lastSmall && !(lastTens && v < 10) && v < 100 {
				break
			}
			if v >= 100 {
				cur = max(cur, 1) * v
				if v > 100 {
					total, cur = total+cur, 0
				}
			} else {
				cur += v
			}
			ordinal, any, end = true, true, we
			words++
			lastWord = lw
			break
		} else if lw == "hundred" {
			if cur >= 100 || !any && !s.articleBefore(i, j) {
				if !any && !s.articleBefore(i, j) {
					cur = 0
				} else {
					break
				}
			}
			cur = max(cur, 1) * 100
			lastSmall, lastTens = false, false
		} else if sc, ok := englishScales[lw]; ok {
			total += max(cur, 1) * sc
			cur = 0
			lastSmall, lastTens = false, false
		} else if lw == "dozen" && any {
			cur = max(cur, 1) * 12
			lastSmall, lastTens = false, false
		} else if (lw == "a" || lw == "an") && !any && j == i {
			nw, nwe := s.wordAt(we + 1)
			lnw := strings.ToLower(nw)
			// "a quarter of", "a third of"; "a third" alone may also be
			// an ordinal ("a third time"), so it is weak.
			if den := englishFractions[lnw]; den > 0 && !strings.HasSuffix(lnw, "s") && lnw != "half" && s.runeAt(we) == ' ' {
				v := intValue(1).Rat()
				v.Quo(v, intValue(den).Rat())
				return Number{Start: i, End: nwe, Kind: Fraction, Form: Words, Value: ratValue(v), Weak: !s.hasAt(nwe, " of ")}, nwe, true
			}
			if s.runeAt(we) != ' ' || lnw != "hundred" && englishScales[lnw] == 0 {
				break
			}
			j = we + 1
			continue
		} else if lw == "and" && any && !lastSmall {
			nw, _ := s.wordAt(we + 1)
			if _, ok := englishSmall[strings.ToLower(nw)]; !ok || s.runeAt(we) != ' ' {
				break
			}
			j = we + 1
			continue
		} else {
			break
		}
		any, end, lastWord = true, we, lw
		words++
		// The next word of the number follows a space or a hyphen.
		c := s.runeAt(we)
		if (c == ' ' || c == '-') && isASCIILetter(s.runeAt(we+1)) {
			j = we + 1
			continue
		}
		break
	}
	if !any {
		_, we := s.wordAt(i)
		return Number{}, we, false
	}
	// "eleven-thirty", "five-fifteen": a time.
	if total == 0 && cur >= 1 && cur <= 12 && !ordinal && s.runeAt(end) == '-' {
		w, we := s.wordAt(end + 1)
		if m, ok := englishSmall[strings.ToLower(w)]; ok && m >= 10 {
			me := we
			if m >= 20 && m%10 == 0 && s.runeAt(we) == '-' {
				if u, ue := s.wordAt(we + 1); englishSmall[strings.ToLower(u)] > 0 && englishSmall[strings.ToLower(u)] < 10 {
					m += englishSmall[strings.ToLower(u)]
					me = ue
				}
			}
			if m < 60 {
				t := s.makeTime(i, me, Words, int(cur), i, end, int(m), end+1, me)
				return t, me, true
			}
		}
	}
	n := Number{Start: i, End: end, Kind: Cardinal, Form: Words, Value: intValue(total + cur)}
	if ordinal {
		n.Kind = Ordinal
	}
	// "several thousand", "a few hundred": an approximation.
	if w := strings.ToLower(s.text[i:end]); words == 1 && (w == "hundred" || englishScales[w] > 0) {
		before := strings.ToLower(s.text[:i])
		for _, q := range []string{"several ", "a few ", "few ", "many ", "some "} {
			if strings.HasSuffix(before, q) {
				n.Kind, n.Weak, n.High = Approximate, true, n.Value.mul("9")
				n.Value = n.Value.mul("2")
				return n, end, true
			}
		}
	}
	if s.inIdiom(i, end) {
		n.Weak = true
	}
	// "ten billions", "two hundreds of": an approximation.
	if !ordinal && s.runeAt(end) == ' ' {
		w, we := s.wordAt(end + 1)
		if sc, ok := englishScales[strings.TrimSuffix(strings.ToLower(w), "s")]; ok && strings.HasSuffix(w, "s") {
			n.Kind, n.Weak, n.End = Approximate, true, we
			n.Value = n.Value.mul(intValue(sc))
			n.High = n.Value.mul("9")
			return n, we, true
		}
	}
	// A lone "one", "first" or "second" is as often a pronoun, an adverb or
	// a unit of time as a count.
	if words == 1 && (lastWord == "one" || lastWord == "first" || lastWord == "second") {
		n.Weak = true
	}
	// A number word joined by a hyphen to another word makes an adjective
	// that need not be a count: "three-dimensional", "one-sided".
	if s.runeAt(end) == '-' && isASCIILetter(s.runeAt(end+1)) {
		if w, _ := s.wordAt(end + 1); englishFractions[strings.ToLower(w)] == 0 {
			n.Weak = true
		}
	}
	// "seven decades", "two centuries": a count of years.
	if !ordinal {
		if e, ok := s.wordAfter(end, "decades", "decade"); ok {
			n.Value, n.End, n.Weak = n.Value.mul("10"), e, true
			return n, e, true
		}
		if e, ok := s.wordAfter(end, "centuries", "century"); ok {
			n.Value, n.End, n.Weak = n.Value.mul("100"), e, true
			return n, e, true
		}
	}
	if !ordinal {
		// "two thirds", "a quarter of".
		if k := end; s.runeAt(k) == ' ' || s.runeAt(k) == '-' {
			fw, fe := s.wordAt(k + 1)
			if den, ok := englishFractions[strings.ToLower(fw)]; ok && (strings.HasSuffix(fw, "s") || n.Value == "1") {
				v := n.Value.Rat()
				v.Quo(v, intValue(den).Rat())
				return Number{Start: i, End: fe, Kind: Fraction, Form: Words, Value: ratValue(v)}, fe, true
			}
		}
		if e, ok := s.wordAfter(end, "o'clock", "o’clock"); ok {
			if h, ok := n.Value.Int(); ok && h <= 12 {
				return s.makeTime(i, e, Words, h, i, end, 0, 0, 0), e, true
			}
		}
		if e, ok := s.ampm(end); ok && s.runeAt(end) == ' ' {
			if h, ok := n.Value.Int(); ok && h >= 1 && h <= 12 {
				return s.makeTime(i, e, Words, h, i, end, 0, 0, 0), e, true
			}
		}
		return s.afterNumber(n, end)
	}
	return n, end, true
}

// inIdiom reports whether [i, end) lies in one of englishIdioms.
func (s *scanner) inIdiom(i, end int) bool {
	lo := max(0, i-24)
	raw := s.text[lo:min(len(s.text), end+24)]
	// In ASCII, lower case keeps the offsets: an idiom that covers
	// [i, end) then holds the number's words in lower case, which most
	// idioms do not.
	ascii := true
	for k := 0; k < len(raw); k++ {
		if raw[k] >= 0x80 {
			ascii = false
			break
		}
	}
	var words string
	if ascii {
		words = strings.ToLower(s.text[i:end])
		held := false
		for _, id := range englishIdioms {
			if strings.Contains(id, words) {
				held = true
				break
			}
		}
		if !held {
			return false
		}
	}
	window := strings.ToLower(raw)
	for _, id := range englishIdioms {
		if ascii && !strings.Contains(id, words) {
			continue
		}
		for k := 0; ; {
			j := strings.Index(window[k:], id)
			if j < 0 {
				break
			}
			st := lo + k + j
			if st <= i && end <= st+len(id) {
				return true
			}
			k += j + 1
		}
	}
	return false
}

// articleBefore reports whether the word at j is preceded by "a " or "an "
// that starts at i.
func (s *scanner) articleBefore(i, j int) bool {
	p := strings.ToLower(s.text[i:j])
	return p == "a " || p == "an "
}

// romanWords are the capitalised words after which a single-letter Roman
// numeral is a number: "Article V", "World War I".
var romanWords = []string{"Article", "Chapter", "Part", "Section", "Title", "Volume", "Book", "War", "Phase", "Stage", "Type", "Class", "Level", "Act", "Round", "Annex", "Schedule"}

// romanWordEnds are the last three bytes of each of romanWords, in
// little-endian order.
var romanWordEnds = func() (ends []uint32) {
	for _, w := range romanWords {
		ends = append(ends, last3(w))
	}
	return ends
}()

// last3 returns the last three bytes of t, which has three or more, as a
// little-endian number.
func last3(t string) uint32 {
	n := len(t)
	return uint32(t[n-3]) | uint32(t[n-2])<<8 | uint32(t[n-1])<<16
}

// romanWordEnd reports whether t ends with the last three bytes of one of
// romanWords, as it does when it ends with the word (each has three
// letters or more).
func romanWordEnd(t string) bool {
	if len(t) < 3 {
		return false
	}
	e := last3(t)
	for _, x := range romanWordEnds {
		if x == e {
			return true
		}
	}
	return false
}

// roman returns the value of the Roman numeral w in capitals at i, from
// II to XXXIX ("World War II", "Article V"), or 0 when w is none. word
// reads it as a weak number, since capitals also write abbreviations.
func (s *scanner) roman(i int, w string) int {
	if len(w) == 0 || len(w) > 6 || !onlyIVX(w) {
		return 0
	}
	if len(w) == 1 {
		// After one of romanWords and a space. Most single capitals are
		// the pronoun I, after a word that ends otherwise than all of
		// romanWords: they are rejected before romanValue, which is 1,
		// 5 or 10 for I, V and X.
		if !s.afterRomanWordEnd(i) {
			return 0
		}
		for _, rw := range romanWords {
			if strings.HasSuffix(s.text[:i-1], rw) {
				return romanValue(w)
			}
		}
		return 0
	}
	return romanValue(w)
}

// afterRomanWordEnd reports whether a space and the last three bytes of
// one of romanWords come before byte i: where roman may read a single
// capital I, V or X.
func (s *scanner) afterRomanWordEnd(i int) bool {
	return i >= 1 && s.text[i-1] == ' ' && romanWordEnd(s.text[:i-1])
}

// onlyIVX reports whether w holds only the letters I, V and X.
func onlyIVX(w string) bool {
	for k := 0; k < len(w); k++ {
		if c := w[k]; c != 'I' && c != 'V' && c != 'X' {
			return false
		}
	}
	return true
}

// romanValue returns the value of a Roman numeral of I, V and X in
// canonical form, or 0.
func romanValue(w string) int {
	vals := func(c byte) int {
		switch c {
		case 'I':
			return 1
		case 'V':
			return 5
		}
		return 10
	}
	total := 0
	for k := 0; k < len(w); k++ {
		v := vals(w[k])
		if k+1 < len(w) && vals(w[k+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= 40 {
		return 0
	}
	var buf [8]byte // romanString(39) is "XXXIX"
	if string(appendRoman(buf[:0], total)) != w {
		return 0
	}
	return total
}

func romanString(n int) string { return string(appendRoman(nil, n)) }

// appendRoman appends the Roman numeral of n, in capitals, to b.
func appendRoman(b []byte, n int) []byte {
	for _, p := range [...]struct {
		v int
		s string
	}{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b = append(b, p.s...)
			n -= p.v
		}
	}
	return b
}

// allHigh has the high bit of each of eight bytes set.
const allHigh = 0x8080808080808080

// asciiLetters8 returns, for the eight bytes of text from i, a word with
// the high bit of each byte set where the byte is an ASCII letter and
// the other bits clear.
func asciiLetters8(text string, i int) uint64 {
	x := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
		uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
	// Each byte below 0x80, in lower case, is a letter when it is 0x61
	// to 0x7A: adding 0x1F sets its high bit from 0x61 on, adding 0x05
	// from 0x7B on, with no carry into the next byte.
	y := x&^allHigh | 0x2020202020202020
	return (y + 0x1F1F1F1F1F1F1F1F) &^ (y + 0x0505050505050505) &^ x & allHigh
}
