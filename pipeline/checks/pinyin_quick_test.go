package checks

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline/readings"
)

// mayBePinyinReference is mayBePinyin written plainly, with strings and
// lower-casing: the fast version must agree with it on every word.
func mayBePinyinReference(word string) bool {
	start := 0
	for i := 0; i <= len(word); i++ {
		var c byte
		if i < len(word) {
			c = word[i] | 0x20
			if word[i] >= utf8.RuneSelf {
				return true
			}
			if word[i] == '\'' || word[i] >= '0' && word[i] <= '9' {
				c = 'a'
			}
			if c == 'v' {
				return false
			}
		}
		if i < len(word) && !strings.ContainsRune("aeiou", rune(c)) {
			continue
		}
		if run := strings.ToLower(word[start:i]); run != "" && !consonantRunReference(run, start == 0, i == len(word)) {
			return false
		}
		start = i + 1
	}
	return true
}

func consonantRunReference(run string, atStart, atEnd bool) bool {
	codas := []string{"", "n", "ng", "r"}
	if atStart {
		codas = codas[:1]
	}
	for _, coda := range codas {
		init, ok := strings.CutPrefix(run, coda)
		if !ok {
			continue
		}
		switch {
		case init == "":
			return true
		case atEnd:
			continue
		case len(init) == 1 && strings.Contains("bpmfdtnlgkhjqxrzcsyw", init),
			init == "zh" || init == "ch" || init == "sh":
			return true
		}
	}
	return false
}

// TestMayBePinyinReference compares mayBePinyin with the plain version on
// the syllables, pairs of them in both cases, and English words.
func TestMayBePinyinReference(t *testing.T) {
	words := []string{"the", "strength", "STRENGTH", "Angst", "sts", "NGO", "ernü", "xi'an", "yun4niang4", "Zhongnanhai",
		"Chrysler", "nghe", "rngh", "a", "ng", "anngzha", "Schwarz", "Bizhang", "chzh"}
	syls := readings.Syllables()
	for _, a := range syls {
		words = append(words, a, strings.ToUpper(a))
		for _, b := range syls[:40] {
			words = append(words, a+b, a+"'"+b)
		}
	}
	for _, w := range words {
		if got, want := mayBePinyin(w), mayBePinyinReference(w); got != want {
			t.Errorf("mayBePinyin(%q) = %v, the plain version says %v", w, got, want)
		}
	}
}

// FuzzMayBePinyin checks that mayBePinyin agrees with the plain version on
// any input.
func FuzzMayBePinyin(f *testing.F) {
	for _, s := range []string{"guanxi", "STRENGTH", "xi'an", "yùnniàng", "ngh", "Erhai", "a@b", "zh"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := mayBePinyin(w), mayBePinyinReference(w); got != want {
			t.Errorf("mayBePinyin(%q) = %v, the plain version says %v", w, got, want)
		}
	})
}
