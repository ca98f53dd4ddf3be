package pipeline

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCountWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"US is酝酿 Leaving NATO", 6},
		{"the alliance’s core clause", 4},
		{"burden-sharing isn't new", 3},
		{"北大西洋公约组织", 8},
		{"Article 5, 1949.", 3},
		{"Türkiye and North Macedonia", 4},
	}
	for _, tt := range tests {
		if got := CountWords(tt.text); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestScoreOf(t *testing.T) {
	fs := []Finding{
		{Severity: Minor, Category: CategoryPunctuation},
		{Severity: Minor, Category: CategorySpelling},
		{Severity: Major},
		{Severity: Critical},
		{Severity: Neutral},
	}
	s := ScoreOf(fs, 500)
	if s.Penalty != 31.1 {
		t.Errorf("penalty = %v, want 31.1", s.Penalty)
	}
	if s.PerThousand != 62.2 {
		t.Errorf("per thousand = %v, want 62.2", s.PerThousand)
	}
	if z := ScoreOf(nil, 0); z.PerThousand != 0 {
		t.Errorf("empty score = %+v", z)
	}
}

// countWordsRef is CountWords as first written, rune by rune: the
// reference that CountWords's table for ASCII and its test for the CJK
// Unified Ideographs must agree with.
func countWordsRef(text string) int {
	n := 0
	in := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r < utf8.RuneSelf:
			w := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
			if w && !in {
				n++
			}
			in = w || (in && (r == '\'' || r == '-') && i < len(text) && isWordByte(text[i]))
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai):
			n++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if !in {
				n++
			}
			in = true
		case r == '’' && in:
		default:
			in = false
		}
	}
	return n
}

// TestCountWordsAll compares CountWords with countWordsRef on every
// character alone, after a word and between words.
func TestCountWordsAll(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		c := string(r)
		for _, text := range []string{c, "a" + c, "a" + c + "b", c + "-x"} {
			if got, want := CountWords(text), countWordsRef(text); got != want {
				t.Fatalf("CountWords(%q) = %d, want %d", text, got, want)
			}
		}
	}
}

func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"", "US is酝酿 Leaving NATO", "the alliance’s core clause", "burden-sharing isn't new",
		"北大西洋公约组织", "Article 5, 1949.", "Türkiye and North Macedonia", "a-\xffb", "x'", "ひらがな カタカナ ไทย"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := CountWords(text), countWordsRef(text); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", text, got, want)
		}
	})
}

// TestCountWordsASCII8 puts every byte at every place of texts of 8 to 18
// bytes, so that each is read both eight at a time and alone.
func TestCountWordsASCII8(t *testing.T) {
	base := []byte("Ab3 z9Z.Q0x Mm7 _k")
	for n := 8; n <= len(base); n++ {
		for k := 0; k < n; k++ {
			for b := 0; b < 256; b++ {
				text := append([]byte(nil), base[:n]...)
				text[k] = byte(b)
				if got, want := CountWords(string(text)), countWordsRef(string(text)); got != want {
					t.Fatalf("CountWords(%q) = %d, want %d", text, got, want)
				}
			}
		}
	}
}

// BenchmarkCountWords counts the words of a few English sentences of the
// Tatoeba pairs, the targets of the reference file.
func BenchmarkCountWords(b *testing.B) {
	texts := []string{"Tom said he didn't want to go to Boston with Mary.", "I'd like to buy 3 tickets, please.", "Hi.", "What time is it now?"}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			CountWords(t)
		}
	}
}
