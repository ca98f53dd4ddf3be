package numerals

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// digitRun reads the digits at i into b (as ASCII) and returns their
// count, the end, and whether any was full-width.
func (s *scanner) digitRun(i int, b *strings.Builder) (n, end int, full bool) {
	j := i
	for j < len(s.text) {
		r, size := utf8.DecodeRuneInString(s.text[j:])
		d := digitValue(r)
		if d < 0 {
			break
		}
		b.WriteByte(byte('0' + d))
		full = full || size > 1
		n++
		j += size
	}
	return n, j, full
}

// countDigits returns the number of digits at i and their end.
func (s *scanner) countDigits(i int) (n, end int) {
	j := i
	for j < len(s.text) {
		r, size := utf8.DecodeRuneInString(s.text[j:])
		if digitValue(r) < 0 {
			break
		}
		n++
		j += size
	}
	return n, j
}

// intAt reads the digits at i as an int (at most 9 digits).
func (s *scanner) intAt(i int) (v, n, end int) {
	var b strings.Builder
	n, end, _ = s.digitRun(i, &b)
	if n == 0 || n > 9 {
		return 0, n, end
	}
	v, _ = strconv.Atoi(b.String())
	return v, n, end
}

// decimal reads a number written in digits at i, with the grouping and
// decimal point of the language: its decimal literal ("1000.5"), the end,
// and how it is written.
func (s *scanner) decimal(i int) (lit string, end int, intDigits int, grouped, full bool) {
	var b strings.Builder
	n, j, f := s.digitRun(i, &b)
	full = f
	intDigits = n
	if n <= 3 {
		var sep rune
		for j < len(s.text) {
			r, size := utf8.DecodeRuneInString(s.text[j:])
			if !s.conv.isGroup(r) || sep != 0 && r != sep {
				break
			}
			m, e := s.countDigits(j + size)
			if m != 3 {
				break
			}
			// "1,000.5" and "1,000" group; "1,0005" does not.
			sep = r
			_, _, f := s.digitRun(j+size, &b)
			full = full || f
			intDigits += 3
			j = e
			grouped = true
		}
	}
	r, size := utf8.DecodeRuneInString(s.text[j:])
	if (r == s.conv.point || r == '．' && s.conv.point == '.') && digitValue(s.runeAt(j+size)) >= 0 {
		// A second point after the decimals ("1.2.3") makes a version
		// number or an address, not a decimal: the caller sees the point.
		m, e := s.countDigits(j + size)
		if p := s.runeAt(e); !(p == s.conv.point && digitValue(s.runeAt(e+1)) >= 0) && m > 0 {
			b.WriteByte('.')
			_, _, f := s.digitRun(j+size, &b)
			full = full || f
			j = e
		}
	}
	return b.String(), j, intDigits, grouped, full
}

// digits reads the number written in digits that starts at i.
func (s *scanner) digits(i int) (Number, int, bool) {
	form := Digits
	if s.runeAt(i) >= '０' {
		form = FullWidth
	}
	// A number glued to letters is part of a name or a code: "G7", "MP3",
	// "F-35", "COVID-19".
	if p := s.runeBefore(i); (isASCIILetter(p) || p == '-' && isASCIILetter(s.runeBefore(i-1)) && !s.spaceBefore(i-1)) && !s.currencyCodeBefore(i) {
		return s.label(i, form)
	}
	if n, end, ok := s.numericDate(i, form); ok {
		return n, end, true
	}
	if n, end, ok := s.clockTime(i, form); ok {
		return n, end, true
	}
	if n, end, ok := s.slashFraction(i, form); ok {
		return n, end, true
	}
	lit, end, intDigits, grouped, full := s.decimal(i)
	if full {
		form = FullWidth
	}
	// A dotted run of numbers ("1.2.3", "192.168.0.1") is a code.
	if (s.runeAt(end) == '.' || s.runeAt(end) == ',' && s.conv.point == ',') && digitValue(s.runeAt(end+1)) >= 0 {
		if s.runeAt(end) == '.' && s.conv.point == '.' || s.runeAt(end) == s.conv.point {
			n, _, ok := s.label(i, form)
			return n, s.tokenEnd(i), ok
		}
	}
	v, ok := decimalValue(lit)
	if !ok {
		return Number{}, end, false
	}
	n := Number{Start: i, End: end, Kind: Cardinal, Form: form, Value: v}
	return s.afterDigits(n, end, intDigits, grouped)
}

// spaceBefore reports whether the rune before i is white space or i is 0.
func (s *scanner) spaceBefore(i int) bool {
	return i <= 0 || unicode.IsSpace(s.runeBefore(i))
}

// label reads a code that holds the digits at i.
func (s *scanner) label(i int, form Form) (Number, int, bool) {
	var b strings.Builder
	_, dend, _ := s.digitRun(i, &b)
	v, _ := decimalValue(b.String())
	end := dend
	for end < len(s.text) && (isASCIILetter(rune(s.text[end])) || s.text[end] >= '0' && s.text[end] <= '9') {
		end++
	}
	return Number{Start: i, End: dend, Kind: Label, Form: form, Value: v, Weak: true}, end, true
}

// numericDate reads "2025-12-01", "2025/12/1", "01/12/2025" or
// "12.01.2025" at i.
func (s *scanner) numericDate(i int, form Form) (Number, int, bool) {
	a, an, aend := s.intAt(i)
	sep := s.runeAt(aend)
	if sep != '-' && sep != '/' && sep != '.' {
		return Number{}, i, false
	}
	b, bn, bend := s.intAt(aend + 1)
	if bn < 1 || bn > 2 || s.runeAt(bend) != sep {
		return Number{}, i, false
	}
	c, cn, cend := s.intAt(bend + 1)
	if cn == 0 || digitValue(s.runeAt(cend)) >= 0 || s.runeAt(cend) == sep && digitValue(s.runeAt(cend+1)) >= 0 {
		return Number{}, i, false
	}
	part := func(k Kind, v, st, en int) Number {
		return Number{Start: st, End: en, Kind: k, Form: form, Value: intValue(int64(v))}
	}
	switch {
	case an == 4 && cn <= 2 && b >= 1 && b <= 12 && c >= 1 && c <= 31:
		n := Number{Start: i, End: cend, Kind: Date, Form: form, Year: a, Month: b, Day: c}
		n.Parts = []Number{part(YearPart, a, i, aend), part(MonthPart, b, aend+1, bend), part(DayPart, c, bend+1, cend)}
		n.Parts[0].Year, n.Parts[1].Month, n.Parts[2].Day = a, b, c
		return n, cend, true
	case an <= 2 && cn == 4 && a >= 1 && a <= 31 && b >= 1 && b <= 31:
		n := Number{Start: i, End: cend, Kind: Date, Form: form, Year: c}
		pa, pb := part(Cardinal, a, i, aend), part(Cardinal, b, aend+1, bend)
		// Which is the day is known only when one is above 12.
		switch {
		case a > 12 && b <= 12:
			n.Day, n.Month = a, b
			pa.Kind, pb.Kind, pa.Day, pb.Month = DayPart, MonthPart, a, b
		case b > 12 && a <= 12:
			n.Month, n.Day = a, b
			pa.Kind, pb.Kind, pa.Month, pb.Day = MonthPart, DayPart, a, b
		case a > 12 && b > 12:
			return Number{}, i, false
		}
		py := part(YearPart, c, bend+1, cend)
		py.Year = c
		n.Parts = []Number{pa, pb, py}
		return n, cend, true
	}
	return Number{}, i, false
}

// slashFraction reads a proper fraction written "2/3" at i.
func (s *scanner) slashFraction(i int, form Form) (Number, int, bool) {
	a, an, aend := s.intAt(i)
	if an == 0 || an > 2 || s.runeAt(aend) != '/' || s.runeBefore(i) == '/' {
		return Number{}, i, false
	}
	b, bn, bend := s.intAt(aend + 1)
	if bn == 0 || bn > 2 || a >= b || a == 0 || s.runeAt(bend) == '/' || digitValue(s.runeAt(bend)) >= 0 || isASCIILetter(s.runeAt(bend)) {
		return Number{}, i, false
	}
	v := intValue(int64(a)).Rat()
	v.Quo(v, intValue(int64(b)).Rat())
	return Number{Start: i, End: bend, Kind: Fraction, Form: form, Value: ratValue(v)}, bend, true
}

// clockTime reads "7:45", "07:45:30" or "2：30" at i, with "a.m." or
// "p.m." after it.
func (s *scanner) clockTime(i int, form Form) (Number, int, bool) {
	h, hn, hend := s.intAt(i)
	c, size := utf8.DecodeRuneInString(s.text[hend:])
	if hn == 0 || hn > 2 || c != ':' && c != '：' || h > 24 {
		return Number{}, i, false
	}
	m, mn, mend := s.intAt(hend + size)
	if mn != 2 || m > 59 {
		return Number{}, i, false
	}
	end := mend
	if c2, size2 := utf8.DecodeRuneInString(s.text[end:]); c2 == c {
		if _, sn, send := s.intAt(end + size2); sn == 2 {
			end = send
		}
	}
	if digitValue(s.runeAt(end)) >= 0 {
		return Number{}, i, false
	}
	n := s.makeTime(i, end, form, h, i, hend, m, hend+size, mend)
	if e, ok := s.ampm(end); ok {
		end = e
		n.End = e
	}
	return n, end, true
}

// makeTime returns a Time of hour h at [hs, he) and minutes m at [ms, me)
// (none when me is 0), spanning [start, end).
func (s *scanner) makeTime(start, end int, form Form, h, hs, he, m, ms, me int) Number {
	n := Number{Start: start, End: end, Kind: Time, Form: form, Hour: h, Minute: m}
	hp := Number{Start: hs, End: he, Kind: HourPart, Form: form, Value: intValue(int64(h)), Hour: h}
	n.Parts = []Number{hp}
	if me > 0 {
		// ":00" says no more than the hour.
		n.Parts = append(n.Parts, Number{Start: ms, End: me, Kind: MinutePart, Form: form, Value: intValue(int64(m)), Minute: m, Weak: m == 0})
	}
	return n
}

// ampm returns the end of "a.m.", "p.m.", "am", "pm" (or in capitals)
// right after i or after one space.
func (s *scanner) ampm(i int) (int, bool) {
	j := i
	if s.runeAt(j) == ' ' || s.runeAt(j) == '\u00a0' || s.runeAt(j) == '\u202f' {
		_, size := utf8.DecodeRuneInString(s.text[j:])
		j += size
	}
	for _, w := range []string{"a.m.", "p.m.", "A.M.", "P.M.", "a.m", "p.m", "am", "pm", "AM", "PM"} {
		if s.hasAt(j, w) && !isASCIILetter(s.runeAt(j+len(w))) {
			return j + len(w), true
		}
	}
	return i, false
}

// afterDigits reads what follows a number written in digits: letters
// glued to it, a percent sign, a scale word, a Chinese context, a month.
func (s *scanner) afterDigits(n Number, end, intDigits int, grouped bool) (Number, int, bool) {
	// "1990s", "1990's" and "1990’s".
	if n.Value.IsInt() && strings.HasSuffix(string(n.Value), "0") && (intDigits == 4 || intDigits == 2) && !grouped {
		for _, suf := range []string{"s", "'s", "’s"} {
			if s.hasAt(end, suf) && !isASCIILetter(s.runeAt(end+len(suf))) {
				return s.decade(n, end+len(suf)), end + len(suf), true
			}
		}
	}
	// Letters glued to the digits.
	if r := s.runeAt(end); isASCIILetter(r) {
		j := end
		for j < len(s.text) && (isASCIILetter(rune(s.text[j])) || s.text[j] == '.' && j+1 < len(s.text) && isASCIILetter(rune(s.text[j+1]))) {
			j++
		}
		w := s.text[end:j]
		lw := strings.ToLower(w)
		switch {
		case n.Value.IsInt() && contains(s.ordSuf, lw):
			n.Kind, n.End = Ordinal, j
			return n, j, true
		case lw == "am" || lw == "pm" || lw == "a.m" || lw == "p.m":
			if h, ok := n.Value.Int(); ok && h <= 12 {
				if s.runeAt(j) == '.' {
					j++
				}
				return s.makeTime(n.Start, j, n.Form, h, n.Start, n.End, 0, 0, 0), j, true
			}
		case unitScales[lw] > 0 && (s.currencyBefore(n.Start) || lw == "k" || lw == "bn"):
			n.Value = n.Value.mul(pow10(unitScales[lw]))
			n.Form, n.End = Mixed, j
			return n, j, true
		case lw == "m" && s.currencyBefore(n.Start):
			n.Value = n.Value.mul(pow10(6))
			n.Form, n.End = Mixed, j
			return n, j, true
		case units[lw]:
			return s.afterNumber(n, j)
		}
		// Anything else makes a code: "3D", "4G", "5G".
		n.Kind, n.Weak = Label, true
		return n, s.tokenEnd(end), true
	}
	if t, e, ok := s.hanAfterDigits(n, end); ok {
		return t, e, true
	}
	if e, ok := s.ampm(end); ok {
		if h, ok := n.Value.Int(); ok && h >= 1 && h <= 12 && intDigits <= 2 {
			return s.makeTime(n.Start, e, n.Form, h, n.Start, n.End, 0, 0, 0), e, true
		}
	}
	if s.english {
		if e, ok := s.wordAfter(end, "o'clock", "o’clock"); ok {
			if h, ok := n.Value.Int(); ok && h <= 24 {
				return s.makeTime(n.Start, e, n.Form, h, n.Start, n.End, 0, 0, 0), e, true
			}
		}
		if d, ok := n.Value.Int(); ok && d >= 1 && d <= 31 && intDigits <= 2 && !grouped {
			if t, e, ok := s.dayMonth(n, end); ok {
				return t, e, true
			}
		}
	}
	// Scale words: "1.5 million", "3 Milliarden".
	if e, exp, ok := s.scaleAfter(end); ok {
		n.Value = n.Value.mul(pow10(exp))
		n.Form, n.End = Mixed, e
		end = e
	}
	return s.afterNumber(n, end)
}

// afterNumber reads a percent sign or word after a number.
func (s *scanner) afterNumber(n Number, end int) (Number, int, bool) {
	j := end
	if r := s.runeAt(j); r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' {
		_, size := utf8.DecodeRuneInString(s.text[j:])
		j += size
	}
	switch s.runeAt(j) {
	case '%', '％':
		_, size := utf8.DecodeRuneInString(s.text[j:])
		n.Kind, n.End = Percent, j+size
		return n, j + size, true
	case '‰':
		n.Kind, n.End = Percent, j+len("‰")
		n.Value = n.Value.mul("0.1")
		return n, n.End, true
	}
	if e, ok := s.wordAfter(end, s.percent...); ok {
		n.Kind, n.End = Percent, e
		return n, e, true
	}
	if s.english {
		if e, ok := s.wordAfter(end, "and a half"); ok && n.Kind == Cardinal {
			n.Value = n.Value.add("0.5")
			n.End = e
			return n, e, true
		}
	}
	return n, end, true
}

// decade returns the Approximate number for "1990s" or "90s" ending at end.
func (s *scanner) decade(n Number, end int) Number {
	n.Kind, n.Weak, n.End = Approximate, true, end
	n.High = n.Value.add("9")
	return n
}

// currencyCodes are ISO 4217 codes (and "RMB") written before amounts
// with no space: "USD3.4 million".
var currencyCodes = map[string]bool{"USD": true, "RMB": true, "CNY": true, "EUR": true, "GBP": true,
	"JPY": true, "HKD": true, "AUD": true, "CAD": true, "CHF": true, "KRW": true, "INR": true,
	"RUB": true, "SGD": true, "TWD": true, "NTD": true, "NZD": true}

// currencyCodeBefore reports whether a currency code ends right before i.
func (s *scanner) currencyCodeBefore(i int) bool {
	return i >= 3 && currencyCodes[s.text[i-3:i]] && (i == 3 || !isASCIILetter(s.runeBefore(i-3)))
}

// currencyBefore reports whether a currency sign comes right before i.
func (s *scanner) currencyBefore(i int) bool {
	if s.currencyCodeBefore(i) {
		return true
	}
	switch s.runeBefore(i) {
	case '$', '€', '£', '¥', '₹', '￥':
		return true
	}
	return false
}

// wordAfter returns the end of one of ws when it follows i after one
// space (or none, for words starting with a letter after a digit) and is
// not followed by a letter.
func (s *scanner) wordAfter(i int, ws ...string) (int, bool) {
	j := i
	if r := s.runeAt(j); r == ' ' || r == '\u00a0' || r == '\u202f' || r == '-' {
		_, size := utf8.DecodeRuneInString(s.text[j:])
		j += size
	} else {
		return i, false
	}
	for _, w := range ws {
		if s.hasAt(j, w) && !isASCIILetter(s.runeAt(j+len(w))) {
			return j + len(w), true
		}
	}
	return i, false
}

// scaleAfter reads a scale word after a space at i.
func (s *scanner) scaleAfter(i int) (end, exp int, ok bool) {
	for _, sw := range s.scales {
		e, found := s.wordAfter(i, sw.word)
		if !found && s.english {
			// "100 Billion" in a headline.
			e, found = s.wordAfter(i, strings.ToUpper(sw.word[:1])+sw.word[1:])
		}
		if found {
			if strings.HasSuffix(sw.word, ".") || !isASCIILetter(s.runeAt(e)) {
				return e, sw.exp, true
			}
		}
	}
	return i, 0, false
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}
