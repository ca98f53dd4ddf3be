package numerals

import (
	"strings"
	"unicode/utf8"
)

// hanAfterDigits reads a Chinese scale, date or time character after a
// number written in digits: "1.5万", "2025年12月", "7点45分", "3点半".
func (s *scanner) hanAfterDigits(n Number, end int) (Number, int, bool) {
	r, size := utf8.DecodeRuneInString(s.text[end:])
	if sc, ok := hanScales[r]; ok {
		n.Value = n.Value.mul(intValue(sc))
		n.Form, n.End = Mixed, end+size
		end += size
		// "2.3万亿": a second, larger scale multiplies again.
		if r2, size2 := utf8.DecodeRuneInString(s.text[end:]); hanScales[r2] > sc {
			n.Value = n.Value.mul(intValue(hanScales[r2]))
			n.End = end + size2
			end += size2
		} else if v, k, e := s.intAt(end); k > 0 && k <= 4 && (sc == 1e4 || k <= 8) && !s.clockAt(end) {
			// "11万7015" is 117015, "3亿5000万" 350000000, "7万8千" 78000.
			add := intValue(int64(v))
			if r3, size3 := utf8.DecodeRuneInString(s.text[e:]); hanUnits[r3] > 0 {
				add = add.mul(intValue(hanUnits[r3]))
				e += size3
			}
			if r3, size3 := utf8.DecodeRuneInString(s.text[e:]); hanScales[r3] > 0 && hanScales[r3] < sc {
				add = add.mul(intValue(hanScales[r3]))
				e += size3
			} else if sc != 1e4 {
				add = ""
			}
			if add != "" && s.runeAt(e) != '.' {
				n.Value, n.End, end = n.Value.add(add), e, e
			}
		}
	} else if r == '百' || r == '千' && !strings.ContainsRune("米克瓦卡伏", s.runeAt(end+size)) {
		n.Value = n.Value.mul(intValue(hanUnits[r]))
		n.Form, n.End = Mixed, end+size
		end += size
		if r2, size2 := utf8.DecodeRuneInString(s.text[end:]); hanScales[r2] > 0 {
			n.Value = n.Value.mul(intValue(hanScales[r2]))
			n.End = end + size2
			end += size2
		}
	} else if r == '后' && end-n.Start == 2 && strings.HasSuffix(string(n.Value), "0") {
		// "80后", "00后": the generation born in the 1980s, the 2000s.
		y := 1900
		if v, _ := n.Value.Int(); v < 20 {
			y = 2000
		}
		v, _ := n.Value.Int()
		d := Number{Start: n.Start, End: end + size, Kind: Approximate, Form: n.Form, Value: intValue(int64(y + v)), High: intValue(int64(y + v + 9)), Weak: true}
		return d, end + size, true
	} else if !strings.ContainsRune("点點时時年月日号號多余餘来來分成折", r) {
		return n, end, false
	}
	var run hanRun
	run.positional = n.Form != Mixed && len(n.Value) == 4 && n.Value.IsInt()
	t, e, ok := s.hanContext(n, end, true, run)
	return t, e, ok
}

// hanContext decides what the number n, which ends at end, is from the
// Chinese that follows it: a time ("三点半"), a date ("2025年12月1日"),
// a fraction ("三分之一"), an approximation ("三十多"), a count with a
// measure word ("三本书"). strong says whether n is a number whatever
// follows (composed numerals, digits).
func (s *scanner) hanContext(n Number, end int, strong bool, run hanRun) (Number, int, bool) {
	han := n.Form == Han
	r, size := utf8.DecodeRuneInString(s.text[end:])
	h, isInt := n.Value.Int()
	_, wend, weakWord := hanWeakWords.covering(s.text, n.Start)
	weakWord = weakWord && han
	switch {
	case r == '分' && s.hasAt(end, "分之") && isInt && h > 0:
		// "三分之一", "十分之一".
		j := end + len("分之")
		if num, ok := s.plainNumber(j); ok {
			f := num.Value.Rat()
			f.Quo(f, n.Value.Rat())
			return Number{Start: n.Start, End: num.End, Kind: Fraction, Form: n.Form, Value: ratValue(f)}, num.End, true
		}
	case r == '成' && isInt && h >= 1 && h <= 9 && han:
		// "五成" is 50% ("八成" is also "most likely": a weak word).
		n.Kind, n.Value, n.Weak, n.End = Percent, intValue(int64(h*10)), weakWord, end+size
		return n, n.End, true
	}
	if weakWord {
		// "十分" is "very", but "十分钟" ten minutes.
		if mend, ok := measureWords.prefixAt(s.text, end); !ok || mend <= wend {
			n.Weak = true
			return n, end, true
		}
	}
	switch {
	case (r == '点' || r == '點') && isInt && h <= 24 && !hasSuffixAny(s.text, n.Start, []string{"这", "這", "那", "哪"}):
		// "这六点" is these six points, not six o'clock.
		return s.hanTime(n, end, end+size, h)
	case (r == '时' || r == '時') && isInt && h <= 24:
		if t, e, ok := s.hanMinutes(n, end+size, h); ok {
			return t, e, true
		}
		// "上午10时", "29日10时": a time of day.
		if hasSuffixAny(s.text, n.Start, hanTimeOfDay) || hasSuffixAny(s.text, n.Start, []string{"日", "号", "號"}) {
			return s.makeTime(n.Start, end+size, n.Form, h, n.Start, n.End, 0, 0, 0), end + size, true
		}
	case r == '年':
		if s.hasAt(end, "年代") && isInt {
			n.End = end + len("年代")
			return s.decade(n, n.End), n.End, true
		}
		if run.positional || n.Form == Digits && len(n.Value) == 4 || n.Form == FullWidth && len(n.Value) == 4 {
			return s.hanDate(n, end+size, h)
		}
		n.Weak = false
		if s.hasAt(end+size, "半") && s.halfAt(end+size) {
			// "三年半" three and a half years.
			n.Value, n.End = n.Value.add("0.5"), end+size+len("半")
		}
		return n, n.End, true
	case r == '月' && isInt && h >= 1 && h <= 12 && !s.hasAt(end, "月亮") && !s.hasAt(end, "月光"):
		d := Number{Start: n.Start, End: end + size, Kind: Date, Form: n.Form, Month: h}
		mp := n
		mp.Kind, mp.Month, mp.Weak = MonthPart, h, false
		d.Parts = []Number{mp}
		e := end + size
		if s.hasAt(e, "份") {
			e += len("份")
			d.End = e
		}
		return s.hanDay(d, e)
	case (r == '日' || r == '号' || r == '號') && isInt && h >= 1 && h <= 31 && !s.hasAt(end, "日元") && !s.hasAt(end, "日圓"):
		if r == '日' {
			d := Number{Start: n.Start, End: end + size, Kind: Date, Form: n.Form, Day: h}
			dp := n
			dp.Kind, dp.Day, dp.Weak = DayPart, h, false
			d.Parts = []Number{dp}
			return d, end + size, true
		}
		n.Weak = false
		return n, end, true
	case strings.ContainsRune("多余餘", r) || (r == '来' || r == '來') && run.unitLast:
		if run.unitLast || !han {
			// "三十多" thirty-odd (30 to 39), "100余" over a hundred.
			step := placeOf(n.Value)
			n.Kind, n.Weak, n.High = Approximate, true, n.Value.add(step)
			if n.Value.IsInt() && step != "1" {
				n.High = n.High.add("-1")
			}
			n.End = end + size
			// "3000多万" is thirty million and more.
			if r2, size2 := utf8.DecodeRuneInString(s.text[n.End:]); hanScales[r2] > 0 {
				sc := intValue(hanScales[r2])
				n.Value, n.High, n.Form = n.Value.mul(sc), n.Value.add(step).mul(sc), Mixed
				n.End += size2
			}
			return n, n.End, true
		}
	case r == '折' && isInt && h >= 1 && h <= 9:
		// "九折" is a price of 90%, that is 10% off: English gives the
		// discount, so the number is weak.
		n.Kind, n.Value, n.Weak, n.End = Percent, intValue(int64(h*10)), true, end+size
		return n, n.End, true
	}
	if han {
		// Decimals: "三点五" is handled with times; "一点五万" too.
		if e, ok := measureWords.prefixAt(s.text, end); ok {
			n.Weak = false
			// "一个半小时": one and a half.
			if s.hasAt(e, "半") && isInt && s.halfAt(e) {
				n.Value = n.Value.add("0.5")
				n.End = e + len("半")
				return n, n.End, true
			}
			// Past the measure word, which may hold a numeral ("千米").
			return n, e, true
		}
		n.Weak = !strong
	}
	return n, end, true
}

// halfAt reports whether the 半 at j is "and a half" ("一个半小时",
// "三年半") rather than the start of a word ("两个半球" two hemispheres).
func (s *scanner) halfAt(j int) bool {
	k := j + len("半")
	r := s.runeAt(k)
	if r == 0 || !isHan(r) || strings.ContainsRune("的了就才以左多", r) {
		return true
	}
	_, ok := measureWords.prefixAt(s.text, k)
	return ok
}

// placeOf returns the place value of the last non-zero digit of v's
// integer part: 10 for 30, 100 for 300, 1 for 35.
func placeOf(v Value) Value {
	s := string(v.Abs())
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s = s[:i]
	}
	zeros := len(s) - len(strings.TrimRight(s, "0"))
	if zeros == len(s) {
		return "1"
	}
	return pow10(zeros)
}

// hanTime reads what follows "N点" at j: a time or a decimal.
func (s *scanner) hanTime(n Number, pointAt, j, h int) (Number, int, bool) {
	han := n.Form == Han
	timeWord := hasSuffixAny(s.text, n.Start, hanTimeOfDay)
	mk := func(m, ms, me, end int) (Number, int, bool) {
		t := s.makeTime(n.Start, end, n.Form, h, n.Start, n.End, m, ms, me)
		return t, end, true
	}
	switch {
	case s.hasAt(j, "钟") || s.hasAt(j, "鐘"):
		e := j + len("钟")
		if t, end, ok := s.hanMinutes(n, e, h); ok {
			return t, end, true
		}
		return mk(0, 0, 0, e)
	case s.hasAt(j, "半"):
		return mk(30, j, j+len("半"), j+len("半"))
	case s.hasAt(j, "一刻"):
		return mk(15, j, j+len("一刻"), j+len("一刻"))
	case s.hasAt(j, "三刻"):
		return mk(45, j, j+len("三刻"), j+len("三刻"))
	}
	if t, e, ok := s.hanMinutes(n, j, h); ok {
		return t, e, true
	}
	// A decimal: "三点五" 3.5, "零点五" 0.5, "三点一四米".
	if han {
		run, ok := s.readHanRun(j)
		if ok && !run.approx && (run.positional || run.chars == 1) {
			v, ok := decimalValue(string(n.Value) + "." + hanDigitString(s.text[j:run.end]))
			if ok {
				d := Number{Start: n.Start, End: run.end, Kind: Cardinal, Form: Han, Value: v}
				if r, size := utf8.DecodeRuneInString(s.text[run.end:]); hanScales[r] > 0 {
					d.Value = d.Value.mul(intValue(hanScales[r]))
					d.End = run.end + size
					return d, d.End, true
				}
				return s.hanContext(d, run.end, true, hanRun{})
			}
		}
	} else if m, mn, me := s.intAt(j); mn == 2 && m < 60 {
		// "7点45".
		return mk(m, j, me, me)
	}
	// "一点" alone is "a little", unless the time of day comes before it.
	if h == 1 && han && !timeWord {
		return Number{}, j, false
	}
	return mk(0, 0, 0, j)
}

// hanMinutes reads "M分" at j after the hour h: "十分", "45分", "零五分".
func (s *scanner) hanMinutes(n Number, j, h int) (Number, int, bool) {
	var m Number
	var me int
	var ok bool
	if s.hasAt(j, "零") || s.hasAt(j, "〇") {
		m, me, ok = s.singleMinute(j + len("零"))
		m.Start = j
	} else {
		m, me, ok = s.singleMinute(j)
	}
	if !ok {
		return Number{}, j, false
	}
	mv, isInt := m.Value.Int()
	if !isInt || mv > 59 {
		return Number{}, j, false
	}
	end := me
	if s.hasAt(me, "分") {
		end = me + len("分")
		if s.hasAt(end, "钟") || s.hasAt(end, "鐘") {
			return Number{}, j, false // "三点十分钟" is not a time
		}
	} else if n.Form == Han || m.Form == Han {
		return Number{}, j, false
	}
	t := s.makeTime(n.Start, end, n.Form, h, n.Start, n.End, mv, m.Start, m.End)
	return t, end, true
}

// hanValue reads Chinese numerals at j with a decimal part if any
// ("三点五"), as a plain number.
func (s *scanner) hanValue(j int) (Number, bool) {
	run, ok := s.readHanRun(j)
	if !ok || run.approx {
		return Number{}, false
	}
	n := Number{Start: j, End: run.end, Kind: Cardinal, Form: Han, Value: run.value}
	if p := s.runeAt(run.end); p == '点' || p == '點' {
		frac, ok := s.readHanRun(run.end + len("点"))
		if ok && !frac.approx && (frac.positional || frac.chars == 1) {
			if v, ok := decimalValue(string(run.value) + "." + hanDigitString(s.text[frac.start:frac.end])); ok {
				n.Value, n.End = v, frac.end
			}
		}
	}
	return n, true
}

// hanDigitString writes Chinese digits as ASCII digits.
func hanDigitString(t string) string {
	var b strings.Builder
	for _, r := range t {
		b.WriteByte(byte('0' + hanDigits[r]))
	}
	return b.String()
}

// plainNumber reads an integer in digits or Chinese numerals at j, with
// nothing else: the numerator of "三分之一", the minutes of "三点十分".
func (s *scanner) plainNumber(j int) (Number, bool) {
	r := s.runeAt(j)
	if digitValue(r) >= 0 {
		v, n, e := s.intAt(j)
		if n == 0 {
			return Number{}, false
		}
		form := Digits
		if r >= '０' {
			form = FullWidth
		}
		return Number{Start: j, End: e, Form: form, Value: intValue(int64(v))}, true
	}
	run, ok := s.readHanRun(j)
	if !ok || run.approx {
		return Number{}, false
	}
	return Number{Start: j, End: run.end, Form: Han, Value: run.value}, true
}

// singleMinute reads the number of minutes at j, in digits or Chinese.
func (s *scanner) singleMinute(j int) (Number, int, bool) {
	r := s.runeAt(j)
	if digitValue(r) >= 0 {
		v, n, e := s.intAt(j)
		if n == 0 || n > 2 {
			return Number{}, j, false
		}
		return Number{Start: j, End: e, Form: Digits, Value: intValue(int64(v))}, e, true
	}
	if _, ok := hanDigits[r]; !ok && r != '十' {
		return Number{}, j, false
	}
	run, ok := s.readHanRun(j)
	if !ok || run.approx {
		return Number{}, j, false
	}
	return Number{Start: j, End: run.end, Form: Han, Value: run.value}, run.end, true
}

// hanDate reads the month and day after "N年" (j is after 年).
func (s *scanner) hanDate(n Number, j, year int) (Number, int, bool) {
	yp := n
	yp.Kind, yp.Year, yp.Weak = YearPart, year, false
	d := Number{Start: n.Start, End: j, Kind: Year, Form: n.Form, Value: n.Value, Year: year}
	// The month: "12月", "十二月".
	m, me, ok := s.monthAt(j)
	if !ok {
		return d, j, true
	}
	d.Kind, d.Value, d.Month, d.End = Date, "", m.Month, me
	d.Parts = []Number{yp, m}
	return s.hanDay(d, me)
}

// monthAt reads "N月" at j.
func (s *scanner) monthAt(j int) (Number, int, bool) {
	r := s.runeAt(j)
	var v Number
	var e int
	switch {
	case digitValue(r) >= 0:
		x, n, end := s.intAt(j)
		if n == 0 || n > 2 {
			return Number{}, j, false
		}
		form := Digits
		if r >= '０' {
			form = FullWidth
		}
		v, e = Number{Start: j, End: end, Form: form, Value: intValue(int64(x))}, end
	case isHanNumeral(r):
		run, ok := s.readHanRun(j)
		if !ok || run.approx {
			return Number{}, j, false
		}
		v, e = Number{Start: j, End: run.end, Form: Han, Value: run.value}, run.end
	default:
		return Number{}, j, false
	}
	m, ok := v.Value.Int()
	if !ok || m < 1 || m > 12 || !s.hasAt(e, "月") {
		return Number{}, j, false
	}
	v.Kind, v.Month = MonthPart, m
	end := e + len("月")
	if s.hasAt(end, "份") {
		end += len("份")
	}
	return v, end, true
}

// hanDay reads "N日" or "N号" after a month at j.
func (s *scanner) hanDay(d Number, j int) (Number, int, bool) {
	r := s.runeAt(j)
	var v Number
	var e int
	switch {
	case digitValue(r) >= 0:
		x, n, end := s.intAt(j)
		if n == 0 || n > 2 {
			return d, j, true
		}
		v, e = Number{Start: j, End: end, Form: Digits, Value: intValue(int64(x))}, end
	case isHanNumeral(r):
		run, ok := s.readHanRun(j)
		if !ok || run.approx {
			return d, j, true
		}
		v, e = Number{Start: j, End: run.end, Form: Han, Value: run.value}, run.end
	default:
		return d, j, true
	}
	day, ok := v.Value.Int()
	if !ok || day < 1 || day > 31 {
		return d, j, true
	}
	c := s.runeAt(e)
	if c != '日' && c != '号' && c != '號' {
		return d, j, true
	}
	v.Kind, v.Day = DayPart, day
	d.Kind, d.Value, d.Day = Date, "", day
	d.End = e + utf8.RuneLen(c)
	d.Parts = append(d.Parts, v)
	return d, d.End, true
}
