package numerals

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// FuzzExtract checks the invariants of Extract on any text: spans in
// range, on rune boundaries, sorted and apart; parts inside their number
// and in order; values that parse; the same result twice.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"两百", "1.5万", "2025年12月1日", "七点四十五分", "百分之五十", "第一", "三分之一", "十几个",
		"一起去吃了三个苹果", "I paid $200 in taxes.", "December 1, 2025", "quarter to eight",
		"two hundred and five", "5–10%", "1.000.000", "1,5", "600至850亿", "11万7015",
		"555-123-4567", "G7 F-35", "一点一点", "3000多万", "１０００", "nineteen ninety-seven",
		"eleven-thirty", "-3", "1/3", "80斤", "数十亿", "半个小时", "a quarter of", "'s", "百分之",
		"第", "12/31/2025", "2025-02-30", "9:60", "十万八千里", "零点零五", "亿万",
	} {
		f.Add(s, "zh")
		f.Add(s, "en")
	}
	f.Add("1 000,5", "fr")
	f.Add("1.000,5", "de")
	f.Fuzz(func(t *testing.T, text, lang string) {
		tag, err := language.Parse(lang)
		if err != nil {
			tag = language.Und
		}
		ns := Extract(text, tag)
		prevEnd := 0
		for _, n := range ns {
			checkSpan(t, text, n, prevEnd)
			prevEnd = n.End
			pe := n.Start
			for _, p := range n.Parts {
				checkSpan(t, text, p, pe)
				if p.Start < n.Start || p.End > n.End {
					t.Fatalf("part %v outside its number %v in %q", p, n, text)
				}
				pe = p.End
			}
			if n.Value != "" && n.Value.Rat() == nil {
				t.Fatalf("value %q of %q does not parse", n.Value, text[n.Start:n.End])
			}
			if (n.Kind == Approximate || n.Kind == Label) && !n.Weak {
				t.Fatalf("%s %q is not weak", n.Kind, text[n.Start:n.End])
			}
			if n.Kind == Range || n.Kind == Approximate {
				if n.High == "" || n.High.Rat() == nil {
					t.Fatalf("%s %q has no high end", n.Kind, text[n.Start:n.End])
				}
			}
		}
		again := Extract(text, tag)
		if render(text, again) != render(text, ns) {
			t.Fatalf("Extract(%q) differs between two runs", text)
		}
		for _, other := range readsAlikeTags {
			if ReadsAlike(text, tag, other) && !reflect.DeepEqual(Extract(text, other), ns) {
				t.Fatalf("ReadsAlike(%q, %v, %v), but Extract differs", text, tag, other)
			}
		}
	})
}

func checkSpan(t *testing.T, text string, n Number, after int) {
	t.Helper()
	if n.Start < after || n.End <= n.Start || n.End > len(text) {
		t.Fatalf("span [%d,%d) out of order or range (after %d) in %q", n.Start, n.End, after, text)
	}
	// Rune boundaries are defined in valid UTF-8 only (readers decode
	// their input to it).
	if utf8.ValidString(text) && (!utf8.RuneStart(text[n.Start]) || n.End < len(text) && !utf8.RuneStart(text[n.End])) {
		t.Fatalf("span [%d,%d) splits a character in %q", n.Start, n.End, text)
	}
}
