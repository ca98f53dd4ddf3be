package numerals

import (
	"strings"

	"golang.org/x/text/language"
)

// Format writes v in digits as lang writes numbers: its decimal point
// ("3.5", "3,5") and, when group is true, its thousands separator
// ("15,000", "15.000", "15 000" with a narrow no-break space in French).
// A fraction that no decimal writes exactly is returned as it is ("1/3").
func Format(v Value, lang language.Tag, group bool) string {
	s := string(v)
	if strings.Contains(s, "/") || s == "" {
		return s
	}
	c := conventionFor(lang)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	if group && len(intPart) > 3 {
		sep := []rune(c.groups)[0]
		base, _ := lang.Base()
		if base.String() == "fr" {
			sep = '\u202f'
		}
		first := len(intPart) % 3
		if first == 0 {
			first = 3
		}
		b.WriteString(intPart[:first])
		for k := first; k < len(intPart); k += 3 {
			b.WriteRune(sep)
			b.WriteString(intPart[k : k+3])
		}
	} else {
		b.WriteString(intPart)
	}
	if frac != "" {
		b.WriteRune(c.point)
		b.WriteString(frac)
	}
	return b.String()
}

var (
	wordsBelow20 = [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	wordsTens = [...]string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
)

// EnglishWords spells out a whole number from 0 to 999,999 in English
// ("two hundred and five" is written "two hundred five"; "twenty-one"),
// or its ordinal ("twenty-first") when ordinal is true. It returns false
// for other values.
func EnglishWords(v Value, ordinal bool) (string, bool) {
	n, ok := v.Int()
	if !ok || n < 0 || n > 999999 {
		return "", false
	}
	var parts []string
	if n >= 1000 {
		parts = append(parts, below1000(n/1000), "thousand")
		n %= 1000
		if n == 0 {
			goto done
		}
	}
	if n > 0 || len(parts) == 0 {
		parts = append(parts, below1000(n))
	}
done:
	s := strings.Join(parts, " ")
	if ordinal {
		s = ordinalWord(s)
	}
	return s, true
}

func below1000(n int) string {
	var parts []string
	if n >= 100 {
		parts = append(parts, wordsBelow20[n/100], "hundred")
		n %= 100
		if n == 0 {
			return strings.Join(parts, " ")
		}
	}
	switch {
	case n < 20:
		parts = append(parts, wordsBelow20[n])
	case n%10 == 0:
		parts = append(parts, wordsTens[n/10])
	default:
		parts = append(parts, wordsTens[n/10]+"-"+wordsBelow20[n%10])
	}
	return strings.Join(parts, " ")
}

// ordinalWord turns the last word of a spelled-out number into its ordinal.
func ordinalWord(s string) string {
	i := strings.LastIndexAny(s, " -") + 1
	last := s[i:]
	irregular := map[string]string{"one": "first", "two": "second", "three": "third", "five": "fifth",
		"eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
	switch {
	case irregular[last] != "":
		last = irregular[last]
	case strings.HasSuffix(last, "y"):
		last = strings.TrimSuffix(last, "y") + "ieth"
	default:
		last += "th"
	}
	return s[:i] + last
}

// EnglishOrdinalSuffix returns n with its English ordinal suffix: "1st",
// "12th", "23rd".
func EnglishOrdinalSuffix(n int) string {
	suf := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suf = "st"
		case 2:
			suf = "nd"
		case 3:
			suf = "rd"
		}
	}
	return itoa(n) + suf
}

func itoa(n int) string { return string(intValue(int64(n))) }

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// EnglishMonth returns the English name of month m (1 to 12), or its
// three-letter abbreviation ("Sep" for 9).
func EnglishMonth(m int, abbreviated bool) string {
	if m < 1 || m > 12 {
		return ""
	}
	if abbreviated {
		return monthNames[m-1][:3]
	}
	return monthNames[m-1]
}

// RomanNumeral returns n in Roman numerals, for 1 to 39.
func RomanNumeral(n int) (string, bool) {
	if n < 1 || n >= 40 {
		return "", false
	}
	return romanString(n), true
}
