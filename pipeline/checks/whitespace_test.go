package checks

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/tqa-project/tqa/pipeline"
)

func TestDescribeSpace(t *testing.T) {
	tests := map[string]string{
		"":        "no white space",
		" ":       "a space",
		"   ":     "3 spaces",
		"\n":      "a line break",
		"\r\n":    "a line break",
		"\t":      "a tab",
		"\u00a0":  "a no-break space",
		"\n\n":    `"\n\n"`,
		" \u3000": `" \u3000"`,
	}
	for in, want := range tests {
		if got := describeSpace(in); got != want {
			t.Errorf("describeSpace(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSpaceAfterPunct(t *testing.T) {
	tests := []struct {
		text string
		want []string // the words after the flagged marks
	}{
		{"the end.Next year", []string{"Next"}},
		{"etc.The list", []string{"The"}},
		{"apples,oranges", []string{"oranges"}},
		{"Really?Yes!No", []string{"Yes", "No"}},
		{"U.S.Army, e.g.this, Mr.Smith", nil},
		{"3.5 and 1,000 and v2.Beta", nil},
		{"Node.js, ASP.NET, file.Txt/x", nil},
		{"see nato.int/News.Page, mail@x.org,Brussels", nil},
		{"what?no and a,b", nil},
		{"北约.The", nil},
	}
	for _, tt := range tests {
		var got []string
		checkSpaceAfterPunct(tt.text, func(span pipeline.Span, msg string, fix pipeline.Fix) {
			got = append(got, wordAfter(tt.text, span.End))
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("checkSpaceAfterPunct(%q) flags before %q, want %q", tt.text, got, tt.want)
		}
	}
}

// noEdgeSpaceReference is how checkEdgeSpace finds white space at the
// edges of a text.
func noEdgeSpaceReference(text string) bool {
	return strings.TrimLeftFunc(text, unicode.IsSpace) == text && strings.TrimRightFunc(text, unicode.IsSpace) == text
}

// TestNoEdgeSpace checks noEdgeSpace against noEdgeSpaceReference with
// every character at either end of a text and alone.
func TestNoEdgeSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := string(r)
		for _, text := range []string{c, c + "ab", "ab" + c, c + "北约" + c} {
			if got, want := noEdgeSpace(text), noEdgeSpaceReference(text); got != want {
				t.Fatalf("noEdgeSpace(%q) = %v, want %v", text, got, want)
			}
		}
	}
}

// FuzzNoEdgeSpace checks noEdgeSpace against noEdgeSpaceReference on any
// text, invalid UTF-8 included.
func FuzzNoEdgeSpace(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a", "a ", "\u3000北约", "北约\u00a0", "\xe3\x80", "\x80a", "a\xe3", "\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := noEdgeSpace(text), noEdgeSpaceReference(text); got != want {
			t.Fatalf("noEdgeSpace(%q) = %v, want %v", text, got, want)
		}
	})
}
