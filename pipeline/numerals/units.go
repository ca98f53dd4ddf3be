package numerals

import (
	"strings"
	"unicode/utf8"
)

// unitInfo is what a unit measures and its size in the base unit of that
// dimension (metre, kilogram, square metre, litre).
type unitInfo struct {
	dimension string
	factor    float64
}

// unitSizes are the units numbers are compared across. The SI units are
// exact; the imperial and US units are those of the international
// yard and pound agreement of 1959 (and the US liquid gallon); the
// Chinese market units (市制) are those fixed in the People's Republic of
// China in 1959 and kept by the 1984 order on legal units of measurement:
// 1 斤 = 500 g, 1 里 = 500 m, 1 尺 = 1/3 m, 1 寸 = 1/30 m, 1 亩 = 1/15
// hectare.
var unitSizes = map[string]unitInfo{
	"metre": {"length", 1}, "kilometre": {"length", 1000}, "centimetre": {"length", 0.01},
	"millimetre": {"length", 0.001}, "li": {"length", 500}, "chi": {"length", 1.0 / 3},
	"cun": {"length", 1.0 / 30}, "mile": {"length", 1609.344}, "foot": {"length", 0.3048},
	"inch": {"length", 0.0254}, "yard": {"length", 0.9144},
	"kilogram": {"mass", 1}, "gram": {"mass", 0.001}, "jin": {"mass", 0.5}, "tonne": {"mass", 1000},
	"pound": {"mass", 0.45359237}, "ounce": {"mass", 0.028349523125},
	"square metre": {"area", 1}, "square kilometre": {"area", 1e6}, "hectare": {"area", 1e4},
	"mu": {"area", 1e4 / 15}, "acre": {"area", 4046.8564224}, "square mile": {"area", 2589988.110336},
	"litre": {"volume", 1}, "millilitre": {"volume", 0.001}, "gallon": {"volume", 3.785411784},
	// Time, in hours; a month is a twelfth of a year of 365.25 days.
	"second": {"time", 1.0 / 3600}, "minute": {"time", 1.0 / 60}, "hour": {"time", 1},
	"day": {"time", 24}, "week": {"time", 168}, "month": {"time", 730.5}, "year": {"time", 8766},
}

// unitNames maps how units are written after a number to their names in
// unitSizes. English words are matched in lower case; symbols as written.
var unitNames = map[string]string{
	"米": "metre", "公尺": "metre", "公里": "kilometre", "千米": "kilometre", "厘米": "centimetre",
	"公分": "centimetre", "毫米": "millimetre", "里": "li", "尺": "chi", "寸": "cun",
	"英里": "mile", "英尺": "foot", "英寸": "inch", "码": "yard", "碼": "yard",
	"公斤": "kilogram", "千克": "kilogram", "克": "gram", "斤": "jin", "吨": "tonne", "噸": "tonne",
	"磅": "pound", "盎司": "ounce",
	"平方米": "square metre", "平方公尺": "square metre", "平方公里": "square kilometre",
	"平方千米": "square kilometre", "公顷": "hectare", "公頃": "hectare", "亩": "mu", "畝": "mu",
	"英亩": "acre", "英畝": "acre", "平方英里": "square mile",
	"升": "litre", "公升": "litre", "毫升": "millilitre", "加仑": "gallon", "加侖": "gallon",
	"秒": "second", "秒钟": "second", "秒鐘": "second", "分钟": "minute", "分鐘": "minute",
	"小时": "hour", "小時": "hour", "钟头": "hour", "鐘頭": "hour", "天": "day", "周": "week",
	"週": "week", "星期": "week", "礼拜": "week", "禮拜": "week", "月": "month", "年": "year",

	"m": "metre", "metre": "metre", "metres": "metre", "meter": "metre", "meters": "metre",
	"km": "kilometre", "kilometre": "kilometre", "kilometres": "kilometre", "kilometer": "kilometre",
	"kilometers": "kilometre", "cm": "centimetre", "centimetre": "centimetre", "centimetres": "centimetre",
	"centimeter": "centimetre", "centimeters": "centimetre", "mm": "millimetre", "millimetre": "millimetre",
	"millimetres": "millimetre", "millimeter": "millimetre", "millimeters": "millimetre",
	"mile": "mile", "miles": "mile", "foot": "foot", "feet": "foot", "ft": "foot", "inch": "inch",
	"inches": "inch", "yard": "yard", "yards": "yard", "kg": "kilogram", "kilogram": "kilogram",
	"kilograms": "kilogram", "kilogramme": "kilogram", "kilogrammes": "kilogram", "kilo": "kilogram",
	"kilos": "kilogram", "g": "gram", "gram": "gram", "grams": "gram", "gramme": "gram", "grammes": "gram",
	"tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne", "lb": "pound", "lbs": "pound",
	"pounds": "pound", "ounce": "ounce", "ounces": "ounce", "oz": "ounce",
	"square metre": "square metre", "square metres": "square metre", "square meter": "square metre",
	"square meters": "square metre", "m2": "square metre", "m²": "square metre",
	"square kilometre": "square kilometre", "square kilometres": "square kilometre",
	"square kilometer": "square kilometre", "square kilometers": "square kilometre",
	"km2": "square kilometre", "km²": "square kilometre", "hectare": "hectare", "hectares": "hectare",
	"ha": "hectare", "mu": "mu", "acre": "acre", "acres": "acre", "square mile": "square mile",
	"square miles": "square mile", "litre": "litre", "litres": "litre", "liter": "litre",
	"liters": "litre", "ml": "millilitre", "millilitre": "millilitre", "millilitres": "millilitre",
	"milliliter": "millilitre", "milliliters": "millilitre", "gallon": "gallon", "gallons": "gallon",
	"second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "hour": "hour",
	"hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
	"months": "month", "year": "year", "years": "year",
}

// hanUnitLengths has bit n set when a key of unitNames that starts with a
// Han character is n bytes long; longestHanUnitName is the longest.
var hanUnitLengths, longestHanUnitName = func() (uint64, int) {
	var set uint64
	longest := 0
	for k := range unitNames {
		if r, _ := utf8.DecodeRuneInString(k); isHan(r) {
			if len(k) >= 64 {
				panic("numerals: unit name " + k + " too long for hanUnitLengths")
			}
			set |= 1 << len(k)
			longest = max(longest, len(k))
		}
	}
	return set, longest
}()

// hanUnitStarts are the first characters of the keys of unitNames that
// start with a Han character of the Basic Multilingual Plane, as a bit
// set: a test that rejects most characters after a number without the
// look-ups.
var hanUnitStarts = func() *[1 << 10]uint64 {
	var set [1 << 10]uint64
	for k := range unitNames {
		if r, _ := utf8.DecodeRuneInString(k); isHan(r) && r < 1<<16 {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	return &set
}()

// UnitSize returns what the unit called name (a Number's Unit) measures,
// "length", "mass", "area" or "volume", and its size in metres,
// kilograms, square metres or litres.
func UnitSize(name string) (dimension string, size float64, ok bool) {
	u, ok := unitSizes[name]
	return u.dimension, u.factor, ok
}

// unitAt returns the unit written at i, right after a number: Chinese
// units with no space, English ones after one space, a hyphen or nothing.
func (s *scanner) unitAt(i int) string {
	if isHan(s.runeAt(i)) {
		// "三个月", "两个小时": past the classifier.
		if s.hasAt(i, "个") || s.hasAt(i, "個") {
			i += len("个")
		}
		// Only the names that start with a Han character can match: most
		// characters start none of them; look up the lengths some of
		// them have.
		if r := s.runeAt(i); r < 1<<16 && hanUnitStarts[r>>6]&(1<<(r&63)) == 0 {
			return ""
		}
		for n := min(longestHanUnitName, len(s.text)-i); n > 0; n-- {
			if hanUnitLengths&(1<<n) == 0 {
				continue
			}
			if name, ok := unitNames[s.text[i:i+n]]; ok && isHan(s.runeAt(i)) {
				// A month after a bare number is a date ("三月"), not three
				// months; a year after four digits is a year.
				if name == "month" && !s.hasAt(i-len("个"), "个") && !s.hasAt(i-len("個"), "個") {
					return ""
				}
				return name
			}
		}
		return ""
	}
	j := i
	if r := s.runeAt(j); r == ' ' || r == '-' || r == '\u00a0' || r == '\u202f' {
		_, size := utf8.DecodeRuneInString(s.text[j:])
		j += size
	}
	if !isASCIILetter(s.runeAt(j)) {
		return ""
	}
	// One or two words: "kilometres", "square miles".
	w1, e1 := s.wordAt(j)
	cands := []struct {
		w   string
		end int
	}{{w1, e1}}
	// Every name of two words starts with "square".
	if s.runeAt(e1) == ' ' && strings.EqualFold(w1, "square") {
		if w2, e2 := s.wordAt(e1 + 1); w2 != "" {
			cands = append([]struct {
				w   string
				end int
			}{{w1 + " " + w2, e2}}, cands...)
		}
	}
	for _, c := range cands {
		end := c.end
		if r := s.runeAt(end); r == '2' || r == '²' {
			c.w += string(r)
			_, size := utf8.DecodeRuneInString(s.text[end:])
			end += size
		}
		if r := s.runeAt(end); isASCIILetter(r) || digitValue(r) >= 0 {
			continue
		}
		if name, ok := unitNames[c.w]; ok {
			return name
		}
		if name, ok := unitNames[strings.ToLower(c.w)]; ok && len(c.w) > 2 {
			return name
		}
	}
	return ""
}

// attachUnits sets the Unit of the counts of ns from the text after them.
func (s *scanner) attachUnits(ns []Number) {
	for k := range ns {
		n := &ns[k]
		switch n.Kind {
		case Cardinal, Approximate, Range, Fraction:
		default:
			continue
		}
		u := n.Unit
		if u == "" {
			u = s.unitAt(n.End)
		}
		if u == "" {
			continue
		}
		n.Unit = u
		for p := range n.Parts {
			n.Parts[p].Unit = u
		}
	}
}
