package numerals

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hanDigits are the Chinese digits, ordinary and financial, simplified
// and traditional.
var hanDigits = map[rune]int{
	'〇': 0, '零': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '貳': 2, '两': 2, '兩': 2,
	'三': 3, '叁': 3, '四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6, '陸': 6,
	'七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

// hanUnits are the Chinese powers of ten within a section of four digits.
var hanUnits = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

// hanScales are the Chinese powers of ten that end a section.
var hanScales = map[rune]int64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}

// financial are the financial forms of the digits and units, written on
// cheques and contracts; alone, each is a common character of another
// word (伍 in 队伍 "team", 拾 in 收拾 "tidy", 陆 in 大陆 "mainland").
const financial = "壹贰貳叁肆伍陆陸柒捌玖拾佰仟"

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// IsHanNumeral reports whether r is a Chinese numeral character: a digit
// (ordinary or financial), a unit, a scale, or 几.
func IsHanNumeral(r rune) bool { return isHanNumeral(r) }

func isHanNumeral(r rune) bool {
	if r < '〇' {
		return false
	}
	if r < 1<<16 {
		return hanNumeralBits[r>>6]&(1<<(r&63)) != 0
	}
	return hanNumerals[r]
}

// hanNumeralBits is hanNumerals for the Basic Multilingual Plane as a bit
// set: the scanner asks for every Han character, and a bit test costs
// much less than a map look-up.
var hanNumeralBits = func() *[1 << 10]uint64 {
	var bits [1 << 10]uint64
	for r := range hanNumerals {
		if r < 1<<16 {
			bits[r>>6] |= 1 << (r & 63)
		}
	}
	return &bits
}()

// hanNumerals are the characters of Chinese numerals.
var hanNumerals = func() map[rune]bool {
	m := map[rune]bool{'几': true, '幾': true, '俩': true, '倆': true, '仨': true}
	for r := range hanDigits {
		m[r] = true
	}
	for r := range hanUnits {
		m[r] = true
	}
	for r := range hanScales {
		m[r] = true
	}
	return m
}()

// inHanRun reports whether readHanRun reads r: a digit, a unit, a scale,
// 几 or 幾, which are the characters of hanNumerals but 俩, 倆 and 仨.
func inHanRun(r rune) bool {
	return isHanNumeral(r) && r != '俩' && r != '倆' && r != '仨'
}

// isFinancial reports whether r is one of the characters of financial.
func isFinancial(r rune) bool {
	switch r {
	case '壹', '贰', '貳', '叁', '肆', '伍', '陆', '陸', '柒', '捌', '玖', '拾', '佰', '仟':
		return true
	}
	return false
}

// hanRun is a run of Chinese numeral characters, parsed.
type hanRun struct {
	start, end int
	value      Value
	lo, hi     Value // an approximate run: "十几" is 11 to 19, "两三" 2 to 3
	approx     bool
	positional bool // digit by digit: "二〇二五"
	composed   bool // digits with a unit or scale: "三十", "两百"
	fin        int  // financial characters
	chars      int
	unitLast   bool // ends with a unit or scale character
}

// readHanRun reads the run of Chinese numerals at i.
func (s *scanner) readHanRun(i int) (hanRun, bool) {
	run := hanRun{start: i}
	var buf [8]rune // most runs are short: no allocation for them
	rs := buf[:0]
	j := i
	for j < len(s.text) {
		r, size := decodeRune(s.text, j)
		if !inHanRun(r) {
			break
		}
		// 千 before 米, 克, 瓦, 卡, 伏 is the prefix of a unit: "五千米" is
		// five kilometres (the same length as five thousand metres).
		if r == '千' && j > i && strings.ContainsRune("米克瓦卡伏", s.runeAt(j+size)) {
			break
		}
		rs = append(rs, r)
		if isFinancial(r) {
			run.fin++
		}
		j += size
	}
	run.end, run.chars = j, len(rs)
	if len(rs) == 0 {
		return run, false
	}
	if _, ok := hanUnits[rs[len(rs)-1]]; ok {
		run.unitLast = true
	}
	if _, ok := hanScales[rs[len(rs)-1]]; ok {
		run.unitLast = true
	}
	hasApprox := false
	for _, r := range rs {
		if r == '几' || r == '幾' {
			hasApprox = true
		}
	}
	if hasApprox {
		lo, ok1 := composeHan(rs, 1)
		hi, ok2 := composeHan(rs, 9)
		if !ok1 || !ok2 || len(rs) < 2 {
			return run, false
		}
		run.approx, run.lo, run.hi, run.value = true, intValue(lo), intValue(hi), intValue(lo)
		return run, true
	}
	digitsOnly := true
	for _, r := range rs {
		if _, ok := hanDigits[r]; !ok {
			digitsOnly = false
		}
	}
	if digitsOnly {
		switch {
		case len(rs) == 1:
			run.value = intValue(int64(hanDigits[rs[0]]))
			return run, true
		case len(rs) == 2:
			a, b := hanDigits[rs[0]], hanDigits[rs[1]]
			if b > a && b-a <= 2 && a > 0 {
				// "两三天" two or three days, "七八个" seven or eight,
				// "三五年" three to five years.
				run.approx, run.lo, run.hi, run.value = true, intValue(int64(a)), intValue(int64(b)), intValue(int64(a))
				return run, true
			}
			if (a == 0 || b == 0) || s.hasAt(j, "年") {
				break
			}
			return run, false
		}
		// Digit by digit: "二〇二五", "一一〇".
		var b strings.Builder
		for _, r := range rs {
			b.WriteByte(byte('0' + hanDigits[r]))
		}
		v, _ := decimalValue(b.String())
		run.value, run.positional = v, true
		return run, true
	}
	v, ok := composeHan(rs, -1)
	if !ok {
		return run, false
	}
	run.value, run.composed = intValue(v), len(rs) > 1 || rs[0] != '十' && rs[0] != '拾'
	if len(rs) == 1 {
		run.composed = false
	}
	return run, true
}

// composeHan returns the value of Chinese numerals with units and scales
// ("三千五百" 3500, "一万二千" 12000, "十五" 15, "一万二" 12000, "一百零五"
// 105). A 几 counts as approx (when approx >= 0).
func composeHan(rs []rune, approx int) (int64, bool) {
	var total, section int64
	cur := int64(-1)
	var lastUnit, lastScale, maxScale int64
	afterZero := false
	prevUnit := false // the previous character was a unit or scale
	for k, r := range rs {
		if d, ok := hanDigits[r]; ok || r == '几' || r == '幾' {
			if !ok {
				d = approx
			}
			if cur >= 0 {
				return 0, false // two digits in a row: "三四十"
			}
			if d == 0 {
				afterZero, prevUnit = true, false
				continue
			}
			cur, prevUnit = int64(d), false
			continue
		}
		if u, ok := hanUnits[r]; ok {
			if cur < 0 {
				// "十五", "一千零十": a bare 十 is one ten; "百万" a bare
				// 百 one hundred (the caller decides whether it is a number).
				if !(k == 0 || u == 10 && (afterZero || prevUnit && lastScale > 0 && section == 0)) {
					return 0, false
				}
				cur = 1
			}
			if lastUnit != 0 && u >= lastUnit {
				return 0, false
			}
			section += cur * u
			cur, lastUnit, afterZero, prevUnit = -1, u, false, true
			continue
		}
		sc := hanScales[r]
		part := section + max(cur, 0)
		if part == 0 && total == 0 {
			if k > 0 {
				return 0, false
			}
			part = 1 // "万人": a bare 万 is ten thousand
		}
		if sc > maxScale {
			if total+part > math.MaxInt64/sc {
				return 0, false
			}
			total = (total + part) * sc
			maxScale = sc
		} else {
			if part > math.MaxInt64/sc {
				return 0, false
			}
			total += part * sc
		}
		section, cur, lastUnit, lastScale, afterZero, prevUnit = 0, -1, 0, sc, false, true
	}
	if cur >= 0 {
		// "一万二" is 12000, "三百五" 350: a last digit right after a unit
		// counts in the next unit down.
		if len(rs) >= 2 && !afterZero {
			p := rs[len(rs)-2]
			if u, ok := hanUnits[p]; ok && u > 10 {
				cur *= u / 10
			} else if sc, ok := hanScales[p]; ok {
				cur *= sc / 10
			}
		}
		section += cur
	}
	return total + section, true
}

// han reads the number written in Chinese that starts at i (or the word
// holding a numeral that is not one, to skip it).
func (s *scanner) han(i int) (Number, int, bool) {
	r, size := utf8.DecodeRuneInString(s.text[i:])
	// Ordinals: "第一", "第3".
	if r == '第' {
		nr := s.runeAt(i + size)
		if !isHanNumeral(nr) && digitValue(nr) < 0 {
			return Number{}, i, false
		}
		if end, ok := hanNotNumbers.prefixAt(s.text, i); ok {
			return Number{}, end, false
		}
		n, end, ok := s.single(i + size)
		if !ok || n.Value == "" || n.Kind == Label || n.Kind == Approximate {
			return Number{}, i + size, false
		}
		n.Parts = nil
		n.Start, n.Kind, n.Weak = i, Ordinal, false
		// "第二天" the next day, "第二产业" the secondary sector.
		if _, _, ok := hanWeakWords.covering(s.text, i); ok {
			n.Weak = true
		}
		return n, end, true
	}
	// Percentages and fractions of a thousand: "百分之五十", "千分之五".
	for _, p := range []struct {
		prefix string
		scale  Value
	}{{"百分之", "1"}, {"千分之", "0.1"}, {"万分之", "0.01"}, {"萬分之", "0.01"}} {
		if !s.hasAt(i, p.prefix) {
			continue
		}
		j := i + len(p.prefix)
		nr := s.runeAt(j)
		if !isHanNumeral(nr) && digitValue(nr) < 0 {
			return Number{}, j, false
		}
		var n Number
		var end int
		if digitValue(nr) >= 0 {
			var ok bool
			n, end, ok = s.digits(j)
			if !ok || n.Kind != Cardinal {
				return Number{}, j, false
			}
		} else {
			var ok bool
			n, ok = s.hanValue(j)
			if !ok {
				return Number{}, j, false
			}
			end = n.End
		}
		n.Start, n.Kind, n.Weak, n.Parts = i, Percent, false, nil
		n.Value = n.Value.mul(p.scale)
		if _, _, ok := hanWeakWords.covering(s.text, i); ok {
			n.Weak = true // "百分之百赞成" all for it
		}
		return n, end, true
	}
	// Words and idioms that hold a numeral and are not numbers.
	if _, end, ok := hanNotNumbers.covering(s.text, i); ok {
		return Number{}, end, false
	}
	if r == '俩' || r == '倆' || r == '仨' {
		// 俩 is "two" with its classifier, 仨 "three"; after a pronoun or
		// a kinship term ("我们俩", "兄妹俩") English often has "both" or
		// nothing.
		v := int64(2)
		if r == '仨' {
			v = 3
		}
		return Number{Start: i, End: i + size, Kind: Cardinal, Form: Named, Value: intValue(v), Weak: true}, i + size, true
	}
	if r == '双' || r == '雙' {
		// "双方" both sides, "双胞胎" twins: a pair, a weak two.
		return Number{Start: i, End: i + size, Kind: Cardinal, Form: Named, Value: "2", Weak: true}, i + size, true
	}
	run, ok := s.readHanRun(i)
	if !ok {
		return Number{}, max(run.end, i+size), false
	}
	first, _ := utf8.DecodeRuneInString(s.text[i:])
	leadingUnit := hanUnits[first] > 0 || hanScales[first] > 0
	// "数十" some tens, "数百万" some millions, "上千" a thousand or more.
	if leadingUnit && !run.approx {
		lo, hi := Value(""), Value("")
		switch {
		case hasSuffixAny(s.text, i, []string{"数", "數"}):
			lo, hi = run.value.mul("2"), run.value.mul("9")
		case hasSuffixAny(s.text, i, []string{"上"}) && first != '十':
			lo, hi = run.value, run.value.mul("9")
		}
		if lo != "" {
			return Number{Start: i, End: run.end, Kind: Approximate, Form: Han, Value: lo, High: hi, Weak: true}, run.end, true
		}
	}
	// A run that starts with a unit other than 十 ("百货", "千万别", "万一")
	// is a word, unless a measure word follows ("百万美元", "百米") or it is
	// approximate ("百多名").
	if leadingUnit && first != '十' && first != '拾' {
		n := Number{Start: i, End: run.end, Kind: Cardinal, Form: Han, Value: run.value, Weak: true}
		if strings.ContainsRune("多余餘", s.runeAt(run.end)) {
			return s.hanContext(n, run.end, false, run)
		}
		if _, ok := measureWords.prefixAt(s.text, run.end); !ok {
			return Number{}, run.end, false
		}
		return n, run.end, true
	}
	// A lone financial character is part of another word; so is a lone 零.
	if run.chars == 1 && (run.fin == 1 || r == '零' || r == '〇') {
		return Number{}, run.end, false
	}
	// Weekdays: "星期一", "礼拜三", "周五" (but "每周一次" is once a week).
	if run.chars == 1 && !run.approx {
		if hasSuffixAny(s.text, i, []string{"星期", "礼拜", "禮拜"}) {
			return Number{}, run.end, false
		}
		if hasSuffixAny(s.text, i, []string{"周", "週"}) {
			if _, ok := measureWords.prefixAt(s.text, run.end); !ok {
				return Number{}, run.end, false
			}
		}
	}
	n := Number{Start: i, End: run.end, Kind: Cardinal, Form: Han, Value: run.value}
	if run.approx {
		n.Kind, n.High, n.Weak = Approximate, run.hi, true
		return n, run.end, true
	}
	strong := run.composed || run.fin >= 2 || run.positional
	n, end, ok := s.hanContext(n, run.end, strong, run)
	// A numeral in quotation marks is a name: "“十一”" is the National Day
	// holiday, "“两会”" the two annual sessions.
	if ok && strings.ContainsRune("“‘\"'「『", s.runeBefore(n.Start)) && strings.ContainsRune("”’\"'」』", s.runeAt(n.End)) {
		n.Weak = true
	}
	return n, end, ok
}
