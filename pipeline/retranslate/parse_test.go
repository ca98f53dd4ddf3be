package retranslate

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseReply(t *testing.T) {
	tests := []struct {
		name, in    string
		translation string
		notes       string
		err         bool
	}{
		{"bare", `{"translation": "US Is Considering Leaving NATO", "notes": "n"}`, "US Is Considering Leaving NATO", "n", false},
		{"fenced", "```json\n{\"translation\": \"a\"}\n```", "a", "", false},
		{"fenced without language", "```\n{\"translation\": \"a\", \"notes\": \"b\"}\n```\n", "a", "b", false},
		{"chatty", "Sure! Here is the corrected text:\n{\"translation\": \"a {b}\", \"notes\": \"kept braces\"}\nLet me know if you need more.", "a {b}", "kept braces", false},
		{"skips other objects", `{"note": "x"} then {"translation": "t"}`, "t", "", false},
		{"nested braces in text", `{"translation": "{\"translation\": 1}"}`, `{"translation": 1}`, "", false},
		{"trimmed", `{"translation": "  t \n"}`, "t", "", false},
		{"notes of another type", `{"translation": "t", "notes": 3}`, "t", "", false},
		{"truncated", `{"translation": "US Is`, "", "", true},
		{"no JSON", "US Is Considering Leaving NATO", "", "", true},
		{"translation not a string", `{"translation": 5}`, "", "", true},
		{"empty", "", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseReply(tt.in)
			if (err != nil) != tt.err {
				t.Fatalf("error %v, want error %v", err, tt.err)
			}
			if r.Translation != tt.translation || r.Notes != tt.notes {
				t.Errorf("got %+v, want %q, %q", r, tt.translation, tt.notes)
			}
		})
	}
}

// FuzzParseReply checks that ParseReply never panics, returns valid UTF-8
// for valid input, and finds a well-formed reply wherever it is embedded.
func FuzzParseReply(f *testing.F) {
	for _, s := range []string{`{"translation": "a", "notes": "b"}`, "```json\n{\"translation\": \"a\"}\n```", "x {", `{"translation": "{"}`, "{{{}}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseReply(s)
		if err == nil && utf8.ValidString(s) && !utf8.ValidString(r.Translation) {
			t.Errorf("invalid UTF-8 translation from valid input")
		}
		if strings.Contains(s, "{") {
			return // s may open an object that swallows what follows
		}
		wrapped := s + "\n" + `{"translation": "fixed"}`
		if r, err := ParseReply(wrapped); err != nil || r.Translation != "fixed" {
			t.Errorf("ParseReply(%q) = %+v, %v", wrapped, r, err)
		}
	})
}

// FuzzParseRetryAfter checks that any header value gives a wait between
// 0 and a day, and that a whole number of seconds gives itself.
func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"7", "0", "-1", "1.5", "Mon, 02 Jan 2006 15:04:05 GMT", "NaN", "1e9", ""} {
		f.Add(s)
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d := parseRetryAfter(s, now)
		if d < 0 || d > 24*time.Hour+time.Second {
			t.Errorf("parseRetryAfter(%q) = %v", s, d)
		}
		if n, err := strconv.Atoi(s); err == nil && n > 0 && n <= 3600 && d != time.Duration(n)*time.Second {
			t.Errorf("parseRetryAfter(%q) = %v", s, d)
		}
	})
}
