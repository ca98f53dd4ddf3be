package segment

import (
	"os"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// checkInvariants fails t unless spans are sorted, disjoint, in range, on
// rune boundaries, trimmed of white space, and cover every non-space byte
// of text.
func checkInvariants(t *testing.T, text string, spans []pipeline.Span) {
	t.Helper()
	covered := 0 // every byte before covered is accounted for
	for k, s := range spans {
		if !s.Valid(text) || s.Len() == 0 {
			t.Fatalf("span %d %v of %q: empty, out of range or not on rune boundaries", k, s, text)
		}
		if s.Start < covered {
			t.Fatalf("span %d %v overlaps or precedes the one before (ends %d) in %q", k, s, covered, text)
		}
		if gap := text[covered:s.Start]; !isAllSpace(gap) {
			t.Fatalf("non-space text %q before span %d %v is not covered in %q", gap, k, s, text)
		}
		first, _ := utf8.DecodeRuneInString(text[s.Start:])
		last, _ := utf8.DecodeLastRuneInString(text[:s.End])
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			t.Fatalf("span %d %q starts or ends with white space", k, text[s.Start:s.End])
		}
		covered = s.End
	}
	if rest := text[covered:]; !isAllSpace(rest) {
		t.Fatalf("non-space text %q after the last span is not covered in %q", rest, text)
	}
}

func isAllSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"Mr. Trump spoke. Dr. Smith left.",
		"withdraw from the U.S. The next",
		"他说：“我们反对战争。”然后走了。",
		"Wait... The end.\n\nNew “quoted?” text!) (x",
		"1. The first point. 2. 3.5 etc. e.g. J. Smith",
		"３．５ 真的吗?是的。\u3000",
	} {
		f.Add(s)
	}
	for _, name := range []string{"000_0c19f8692f25b57c.txt", "001_b2d8e521503d7cce.txt"} {
		if data, err := os.ReadFile("../../corpus/samples/" + name); err == nil {
			f.Add(string(data[:min(len(data), 2000)]))
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip("Sentences expects valid UTF-8")
		}
		checkInvariants(t, text, Sentences(text))
	})
}
