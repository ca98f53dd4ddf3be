package checks

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

func TestBracketProblems(t *testing.T) {
	tests := []struct {
		text string
		lang string
		want string // the flagged marks, in order
	}{
		{"NATO (the alliance) met.", "en", ""},
		{"NATO (the alliance met.", "en", "("},
		{"see [annex (one])", "en", "()"},
		{"1) first 2) second, a) and iv) too", "en", ""},
		{"Thanks :) and :-( then", "en", ""},
		{"“Blah.\"", "en", "\""},
		{"\"Blah.”", "en", "\""},
		{"A 12\" screen and \"CX-4\" cars", "en", ""},
		{"He said \"hi", "en", "\""},
		{"NATO’s members won’t leave; the ’90s; ‘Bob’", "en", ""},
		{"the word ‘NATO", "en", "‘"},
		{"„Wir kommen.“", "de", ""},
		{"„Wir kommen.”", "de", "„"}, // ” is not a German mark: only „ is left open
		{"« Bonjour »", "fr", ""},
		{"« Bonjour", "fr", "«"},
		{"「北约」和《条约》", "zh", ""},
		{"「北约", "zh", "「"},
		{"（北约)", "zh", ""},
		{"“unknown style” is not checked in Finnish, (brackets are", "fi", "("},
	}
	for _, tt := range tests {
		var got strings.Builder
		for _, p := range bracketProblems(tt.text, language.MustParse(tt.lang)) {
			got.WriteString(tt.text[p.span.Start:p.span.End])
		}
		if got.String() != tt.want {
			t.Errorf("bracketProblems(%q, %s) = %q, want %q", tt.text, tt.lang, got.String(), tt.want)
		}
	}
}

// FuzzBracketProblems checks that every problem points at one bracket or
// quotation mark of the text, in text order.
func FuzzBracketProblems(f *testing.F) {
	for _, s := range []string{
		"NATO (the [alliance) met]. “Blah.\" ‘x",
		"「北约」《条约 （a) 1) :) 12\" „x“ « y »",
		"\"a\" \"b “c\" d”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // readers decode their input to valid UTF-8
		}
		last := 0
		for _, lang := range []language.Tag{language.English, language.German, language.French, language.Chinese, language.Finnish} {
			last = 0
			for _, p := range bracketProblems(text, lang) {
				if !p.span.Valid(text) || p.span.Start < last {
					t.Fatalf("%q (%s): bad span %v after %d", text, lang, p.span, last)
				}
				last = p.span.Start
				r, n := utf8.DecodeRuneInString(text[p.span.Start:])
				if n != p.span.Len() || r != p.mark {
					t.Fatalf("%q (%s): span %v holds %q, not the mark %q", text, lang, p.span, text[p.span.Start:p.span.End], p.mark)
				}
				if _, ok := bracketPairs[r]; !ok && !strings.ContainsRune("\"“”‘’„‚«»", r) {
					t.Fatalf("%q (%s): %q is no bracket or quotation mark", text, lang, r)
				}
			}
		}
	})
}

// TestBracketPairsRange checks what bracketProblems's quick skip assumes:
// every bracket is ASCII ()[]{} or from U+3008 on.
func TestBracketPairsRange(t *testing.T) {
	for r := range bracketPairs {
		if r < '〈' && !strings.ContainsRune("()[]{}", r) {
			t.Errorf("bracket %q (U+%04X) is below U+3008: bracketProblems would skip it", r, r)
		}
	}
}

// TestMayHoldBracketOrQuote checks that the quick test of bracketProblems
// knows every mark it looks at.
func TestMayHoldBracketOrQuote(t *testing.T) {
	marks := []rune{'"'}
	for r := range bracketPairs {
		marks = append(marks, r)
	}
	for _, st := range quoteStyles {
		for _, p := range append(st.double, st.single...) {
			marks = append(marks, p[0], p[1])
		}
	}
	for _, r := range marks {
		if text := "a" + string(r) + "b"; !mayHoldBracketOrQuote(text) {
			t.Errorf("mayHoldBracketOrQuote(%q) = false", text)
		}
	}
	for _, text := range []string{"", "plain text, no marks.", "北约成立于1949年。", "it's 5 o’clock"} {
		if got, want := mayHoldBracketOrQuote(text), strings.ContainsRune(text, '’'); got != want {
			t.Errorf("mayHoldBracketOrQuote(%q) = %v, want %v", text, got, want)
		}
	}
}

// mayHoldBracketOrQuoteRef is mayHoldBracketOrQuote as first written,
// character by character: the reference for its byte-by-byte form.
func mayHoldBracketOrQuoteRef(text string) bool {
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			switch r {
			case '(', ')', '[', ']', '{', '}', '"':
				return true
			}
		case '〈' <= r && r <= '〗':
			return true
		default:
			switch r {
			case '（', '）', '［', '］', '｛', '｝', '“', '”', '‘', '’', '«', '»', '„', '‚':
				return true
			}
		}
	}
	return false
}

// TestMayHoldBracketOrQuoteAll compares mayHoldBracketOrQuote with its
// reference on every character, alone and after a stray first byte.
func TestMayHoldBracketOrQuoteAll(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for _, text := range []string{string(r), "a" + string(r), "\xe2" + string(r), "\xef\xbc" + string(r)} {
			if got, want := mayHoldBracketOrQuote(text), mayHoldBracketOrQuoteRef(text); got != want {
				t.Fatalf("mayHoldBracketOrQuote(%q) = %v, want %v", text, got, want)
			}
		}
	}
}

func FuzzMayHoldBracketOrQuote(f *testing.F) {
	for _, s := range []string{"", "plain text", "北约成立于1949年。", "it's 5 o’clock", "(a)", "《书》", "\xe2\x80", "\xef\xbc\x88", "«x»"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := mayHoldBracketOrQuote(text), mayHoldBracketOrQuoteRef(text); got != want {
			t.Errorf("mayHoldBracketOrQuote(%q) = %v, want %v", text, got, want)
		}
	})
}
