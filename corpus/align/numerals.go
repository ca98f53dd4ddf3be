package align

import "unicode/utf8"

// Chinese numerals. Only numbers written with two or more numeral
// characters anchor, and only when they parse unambiguously: single
// numerals are mostly words (一起 "together", 十分 "very"), and so are some
// pairs (万一 "in case", 千万 "by all means", 一一 "one by one"), which the
// grammar below rejects because 万 and 千 need a digit before them.

// hanDigit maps the Chinese digits to their values.
var hanDigit = map[rune]uint64{
	'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

// hanUnit maps the units within a section (below 万) to their values.
var hanUnit = map[rune]uint64{'十': 10, '百': 100, '千': 1000}

// hanBig maps the units that close a section to their values.
var hanBig = map[rune]uint64{'万': 10000, '亿': 100000000}

func isHanNumeral(r rune) bool {
	if r < 0x3007 {
		return false
	}
	_, d := hanDigit[r]
	_, u := hanUnit[r]
	_, b := hanBig[r]
	return d || u || b
}

// chineseNumber reads the run of Chinese numerals that starts at s[i]. It
// returns the end of the run and, when the run is a number, its value.
// Numbers are written either digit by digit, at least three digits
// (二〇二〇 is 2020), or with units: 十五 15, 二十三 23, 一百零五 105,
// 三千二百 3200, 两万 20000, 一亿二千万 120000000. Colloquial
// abbreviations whose last digit has no unit after a hundred or more
// (一百五 for 150, 三万五 for 35000) are rejected rather than misread.
func chineseNumber(s string, i int) (end int, v uint64, ok bool) {
	var run []rune
	for end = i; end < len(s); {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isHanNumeral(r) {
			break
		}
		run = append(run, r)
		end += size
	}
	if len(run) < 2 {
		return end, 0, false
	}
	v, ok = parseHanDigits(run)
	if !ok {
		v, ok = parseHanUnits(run)
	}
	return end, v, ok
}

// parseHanDigits parses a number written digit by digit, such as a year.
func parseHanDigits(run []rune) (uint64, bool) {
	if len(run) < 3 || len(run) > 18 {
		return 0, false
	}
	var v uint64
	for _, r := range run {
		d, ok := hanDigit[r]
		if !ok || r == '两' {
			return 0, false
		}
		v = v*10 + d
	}
	return v, true
}

// parseHanUnits parses a number written with units.
func parseHanUnits(run []rune) (uint64, bool) {
	var total, section uint64
	digit := int64(-1)         // a digit waiting for its unit
	lastUnit := uint64(100000) // units within a section must decrease
	lastBig := uint64(1 << 62) // section units must decrease
	zero := false              // a 零 came since the last unit
	units := 0
	for k, r := range run {
		if d, ok := hanDigit[r]; ok {
			if d == 0 {
				zero = true
				continue
			}
			if digit >= 0 {
				return 0, false // two digits in a row
			}
			digit = int64(d)
			continue
		}
		units++
		if u, ok := hanUnit[r]; ok {
			if u >= lastUnit {
				return 0, false
			}
			switch {
			case digit >= 0:
				section += uint64(digit) * u
			case u == 10 && k == 0:
				section += 10 // 十五: a leading 十 has no digit
			default:
				return 0, false
			}
			digit, lastUnit, zero = -1, u, false
			continue
		}
		b := hanBig[r]
		if digit >= 0 {
			section += uint64(digit)
			digit = -1
		}
		if section == 0 || b >= lastBig {
			return 0, false
		}
		total += section * b
		section, lastUnit, lastBig, zero = 0, 100000, b, false
	}
	if units == 0 {
		return 0, false
	}
	if digit >= 0 {
		// A final digit counts as units after 十, after 零, or on its own;
		// after 百, 千 or 万 it is a colloquial abbreviation.
		if lastUnit != 10 && lastUnit != 100000 && !zero {
			return 0, false
		}
		if lastUnit == 100000 && lastBig != 1<<62 && !zero {
			return 0, false
		}
		section += uint64(digit)
	}
	return total + section, true
}
