package numerals

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// unitAtReference is unitAt as first written: every length of unitNames'
// longest key is looked up after a Han character, and every word followed
// by a space is tried as the first of two. unitAt tries only character
// boundaries up to the longest name that starts with a Han character, and
// a second word only after "square"; FuzzUnitAt checks that it finds the
// same units.
func unitAtReference(s *scanner, i int) string {
	longest := 0
	for k := range unitNames {
		longest = max(longest, len(k))
	}
	if isHan(s.runeAt(i)) {
		if s.hasAt(i, "个") || s.hasAt(i, "個") {
			i += len("个")
		}
		for n := min(longest, len(s.text)-i); n > 0; n-- {
			if name, ok := unitNames[s.text[i:i+n]]; ok && isHan(s.runeAt(i)) {
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
	w1, e1 := s.wordAt(j)
	cands := []struct {
		w   string
		end int
	}{{w1, e1}}
	if s.runeAt(e1) == ' ' {
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

// FuzzUnitAt checks that unitAt reads the unit at every byte of a text as
// unitAtReference does.
func FuzzUnitAt(f *testing.F) {
	for _, s := range []string{
		"3平方公里", "5平方千米的", "三个月", "两个小时", "80斤", "12 square miles", "4 SQUARE Kilometres",
		"7 km2", "9 m² of", "3-foot", "2 Square feet", "10 kg", "1 square", "5 公里", "十秒钟", "五分鐘",
		"3\u00a0km", "6 hectares", "一个月", "2 years", "3 yards2", "平方", "square  miles",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := newScanner(text, language.English)
		for i := 0; i <= len(text); i++ {
			if got, want := s.unitAt(i), unitAtReference(&s, i); got != want {
				t.Fatalf("unitAt(%q, %d) = %q, want %q", text, i, got, want)
			}
		}
	})
}
