package numerals

import (
	"strings"
	"unicode/utf8"
)

// pastTo reads "half past seven", "a quarter to eight", "quarter past 6".
func (s *scanner) pastTo(i int, lw string, end int) (Number, int, bool) {
	j := end
	if lw == "a" {
		w, e := s.wordAt(j + 1)
		if s.runeAt(j) != ' ' || strings.ToLower(w) != "quarter" {
			return Number{}, i, false
		}
		lw, j = "quarter", e
	}
	if s.runeAt(j) != ' ' {
		return Number{}, i, false
	}
	w, e := s.wordAt(j + 1)
	rel := strings.ToLower(w)
	if rel != "past" && rel != "to" || lw == "half" && rel == "to" || s.runeAt(e) != ' ' {
		return Number{}, i, false
	}
	k := e + 1
	var h int
	var he int
	if digitValue(s.runeAt(k)) >= 0 {
		v, n, de := s.intAt(k)
		if n == 0 || n > 2 {
			return Number{}, i, false
		}
		h, he = v, de
	} else {
		hw, hwe := s.wordAt(k)
		v, ok := englishSmall[strings.ToLower(hw)]
		if !ok {
			return Number{}, i, false
		}
		h, he = int(v), hwe
	}
	if h < 1 || h > 12 {
		return Number{}, i, false
	}
	m := 30
	if lw == "quarter" {
		m = 15
	}
	if rel == "to" {
		h, m = h-1, 60-m
		if h == 0 {
			h = 12
		}
	}
	t := s.makeTime(i, he, Words, h, k, he, m, i, end)
	// The parts in text order: the minutes come first.
	t.Parts[0], t.Parts[1] = t.Parts[1], t.Parts[0]
	return t, he, true
}

// month reads a month name at i and the day and year that may follow:
// "December 2025", "Dec. 1, 2025", "December 1st".
func (s *scanner) month(i, end int, w string, m int) (Number, int, bool) {
	abbr := len(w) <= 4 && w != "June" && w != "July"
	j := end
	if abbr && s.runeAt(j) == '.' {
		j++
	}
	mp := Number{Start: i, End: end, Kind: MonthPart, Form: Named, Value: intValue(int64(m)), Month: m}
	d := Number{Start: i, End: j, Kind: Date, Form: Named, Month: m, Parts: []Number{mp}}
	if s.runeAt(j) == ' ' && digitValue(s.runeAt(j+1)) >= 0 {
		v, n, e := s.intAt(j + 1)
		switch {
		case n <= 2 && v >= 1 && v <= 31 && !s.clockAt(j+1):
			dp := Number{Start: j + 1, End: e, Kind: DayPart, Form: Digits, Value: intValue(int64(v)), Day: v}
			if w, we := s.wordAt(e); contains(s.ordSuf, strings.ToLower(w)) {
				dp.End, e = we, we
			}
			if isASCIILetter(s.runeAt(e)) || digitValue(s.runeAt(e)) >= 0 {
				break
			}
			d.Day, d.End, d.Parts = v, e, append(d.Parts, dp)
			// ", 2025" or " 2025".
			k := e
			if s.runeAt(k) == ',' {
				k++
			}
			if s.runeAt(k) == ' ' {
				if y, yn, ye := s.intAt(k + 1); yn == 4 && !isASCIILetter(s.runeAt(ye)) && digitValue(s.runeAt(ye)) < 0 {
					d.Year, d.End = y, ye
					d.Parts = append(d.Parts, Number{Start: k + 1, End: ye, Kind: YearPart, Form: Digits, Value: intValue(int64(y)), Year: y})
				}
			}
			return d, d.End, true
		case n == 4 && !isASCIILetter(s.runeAt(e)) && digitValue(s.runeAt(e)) < 0:
			d.Year, d.End = v, e
			d.Parts = append(d.Parts, Number{Start: j + 1, End: e, Kind: YearPart, Form: Digits, Value: intValue(int64(v)), Year: v})
			return d, e, true
		}
	}
	// A month name alone. "May" and "March" are also verbs: at the start
	// of a sentence, where a capital says nothing, they are weak; so are
	// abbreviations ("Jan" is also a name).
	d.Weak = abbr || (w == "May" || w == "March") && s.sentenceStart(i) || s.afterName(i)
	d.Parts[0].Weak = d.Weak
	return d, j, true
}

// sentenceStart reports whether i starts a sentence: nothing but spaces
// and opening quotes after the start of the text or a full stop, question
// or exclamation mark.
func (s *scanner) sentenceStart(i int) bool {
	p := strings.TrimRight(s.text[:i], " \t\n\"“‘'(")
	if p == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(p)
	return strings.ContainsRune(".!?。！？:", r)
}

// afterName reports whether the word at i follows a capitalised word
// that does not start a sentence: it is then part of a name ("the Long
// March", "Expo 2020").
func (s *scanner) afterName(i int) bool {
	if i < 2 || s.text[i-1] != ' ' {
		return false
	}
	k := i - 1
	st := k
	for st > 0 && isASCIILetter(rune(s.text[st-1])) {
		st--
	}
	if st == k || s.text[st] < 'A' || s.text[st] > 'Z' || s.sentenceStart(st) {
		return false
	}
	switch s.text[st:k] {
	case "In", "On", "By", "Since", "Until", "From", "Of", "The", "Last", "Next", "This", "Early", "Late", "Mid":
		return false
	}
	return true
}

// clockAt reports whether a clock time ("7:45") starts at i.
func (s *scanner) clockAt(i int) bool {
	_, n, e := s.intAt(i)
	return n > 0 && (s.runeAt(e) == ':' || s.runeAt(e) == '：')
}

// dayMonth reads a month name after a day written in digits: "12
// December 2025", "1st of December".
func (s *scanner) dayMonth(n Number, end int) (Number, int, bool) {
	j := end
	dEnd := end
	if w, we := s.wordAt(j); contains(s.ordSuf, strings.ToLower(w)) {
		j, dEnd = we, we
	}
	if s.runeAt(j) != ' ' {
		return n, end, false
	}
	j++
	if s.hasAt(j, "of ") {
		j += 3
	}
	w, we := s.wordAt(j)
	m, ok := englishMonths[strings.ToLower(w)]
	if !ok || w[0] < 'A' || w[0] > 'Z' || len(w) < 3 {
		return n, end, false
	}
	day, _ := n.Value.Int()
	dp := n
	dp.Kind, dp.Day, dp.End = DayPart, day, dEnd
	mp := Number{Start: j, End: we, Kind: MonthPart, Form: Named, Value: intValue(int64(m)), Month: m}
	e := we
	if s.runeAt(e) == '.' && len(w) <= 4 {
		e++
	}
	d := Number{Start: n.Start, End: e, Kind: Date, Form: n.Form, Day: day, Month: m, Parts: []Number{dp, mp}}
	k := e
	if s.runeAt(k) == ',' {
		k++
	}
	if s.runeAt(k) == ' ' {
		if y, yn, ye := s.intAt(k + 1); yn == 4 && !isASCIILetter(s.runeAt(ye)) && digitValue(s.runeAt(ye)) < 0 {
			d.Year, d.End = y, ye
			d.Parts = append(d.Parts, Number{Start: k + 1, End: ye, Kind: YearPart, Form: Digits, Value: intValue(int64(y)), Year: y})
		}
	}
	return d, d.End, true
}
