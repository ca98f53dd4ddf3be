package checks

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/internal/links"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
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

// checkSpaceBeforePunctPlain and checkSpaceAfterPunctPlain are the two
// passes that checkSpaceAroundPunct makes one: it must report what they
// report together.
func checkSpaceBeforePunctPlain(seg *pipeline.Segment, lang wsLanguage, report wsReport) {
	text := seg.Target
	french, canadian := lang.french, lang.canadian
	for k := 0; k < len(text); k++ {
		c := text[k]
		if !sentenceMark[c] {
			continue
		}
		next := btRuneAt(text, k+1)
		if c == ',' && next != -1 && unicode.IsLetter(next) && langid.Of(next) == langid.Latin {
			// "file ,then": the space is on the wrong side of the comma.
			s := k
			for s > 0 && text[s-1] == ' ' {
				s--
			}
			if s < k && wordLike(btRuneBefore(text, s)) {
				span := pipeline.Span{Start: s, End: k + 1}
				report(span, "space before “,” instead of after it", pipeline.ReplaceFix("Put the space after the comma", span, ", "))
			}
			continue
		}
		if next != -1 && !unicode.IsSpace(next) && !strings.ContainsRune(",.;:!?)]}”’»\"'", next) {
			continue // ".NET", "10:30", "http://": not punctuation of the sentence
		}
		if c == '.' && (next == '.' || k > 0 && text[k-1] == '.') {
			continue // an ellipsis
		}
		// The white space before the mark.
		s := k
		for s > 0 {
			r, n := utf8.DecodeLastRuneInString(text[:s])
			if !btHSpace(r) {
				break
			}
			s -= n
		}
		prev := btRuneBefore(text, s)
		if french && frenchHigh[c] != "" {
			want := frenchHigh[c]
			switch {
			case s < k && text[s:k] != "\u00a0" && text[s:k] != "\u202f" && wordLike(prev):
				span := pipeline.Span{Start: s, End: k}
				report(span, fmt.Sprintf("an ordinary space before %s lets the line break before it; French uses %s", btQuote(string(c)), spaceName(want)),
					pipeline.ReplaceFix("Replace with "+spaceName(want), span, want))
			case s == k && wordLike(prev) && !(canadian && c != ':') && (next == -1 || unicode.IsSpace(next)):
				span := pipeline.Span{Start: k, End: k}
				report(span, fmt.Sprintf("no space before %s; French uses %s", btQuote(string(c)), spaceName(want)),
					pipeline.Fix{Message: "Insert " + spaceName(want), Edits: []pipeline.Edit{{Span: span, NewText: want}}})
			}
			continue
		}
		if s == k || !wordLike(prev) {
			continue
		}
		span := pipeline.Span{Start: s, End: k}
		report(span, fmt.Sprintf("space before %s", btQuote(string(c))), pipeline.ReplaceFix("Remove the space", span, ""))
	}
}

func checkSpaceAfterPunctPlain(text string, report wsReport) {
	var linkSpans []pipeline.Span
	for k := 1; k+1 < len(text); k++ {
		c := text[k]
		if c != '.' && c != ',' && c != '!' && c != '?' {
			continue
		}
		prev, next := wordBefore(text, k), wordAfter(text, k+1)
		if !latinWord(prev) || !latinWord(next) || utf8.RuneCountInString(next) < 2 {
			continue
		}
		switch c {
		case '.':
			if utf8.RuneCountInString(prev) < 2 || strings.ToLower(prev) != prev || !titleWord(next) {
				continue
			}
		case ',':
			if utf8.RuneCountInString(prev) < 2 {
				continue
			}
		default:
			if !titleWord(next) {
				continue
			}
		}
		start := strings.LastIndexFunc(text[:k], unicode.IsSpace) + 1
		end := strings.IndexFunc(text[k:], unicode.IsSpace)
		if end < 0 {
			end = len(text)
		} else {
			end += k
		}
		token := strings.TrimRight(text[start:end], ".,;:!?)]}”’\"'")
		if strings.ContainsAny(token, `/@:_\=`) || strings.ContainsRune(token, pipeline.CodeRune) || strings.Count(token, ".") > 1 && c == '.' {
			continue
		}
		if linkSpans == nil {
			linkSpans = links.Find(text)
			if linkSpans == nil {
				linkSpans = []pipeline.Span{}
			}
		}
		if btInSpans(linkSpans, k) {
			continue
		}
		span := pipeline.Span{Start: k, End: k + 1}
		report(span, fmt.Sprintf("no space after %s before %s", btQuote(string(c)), btQuote(next)),
			pipeline.Fix{Message: "Insert a space", Edits: []pipeline.Edit{{Span: pipeline.Span{Start: k + 1, End: k + 1}, NewText: " "}}})
	}
}

// spacePunctTexts are texts for the comparison of checkSpaceAroundPunct
// with the two plain passes.
var spacePunctTexts = []string{
	"", ".", "a.B", "the end.Next one , and ,then", "Really?Yes!No : maybe ;so", "wait ... U.S.Army e.g. 3.5 1,000",
	"Node.js ASP.NET http://x.org/a.b,c see www.example.com.Next", "« Bonjour ! » dit-il ; puis : « Quoi ? »", "a\u00a0: b\u202f; c !d",
	"word ,word", "x.\u00e9t\u00e9 \u00e9t\u00e9.Lumi\u00e8re", "end.\n", "a ,", ", ,", "\xff.\xfeA", "“Quoted.”Next",
}

// TestSpaceAroundPunct compares checkSpaceAroundPunct with the two plain
// passes on the texts above, in English, French and Canadian French.
func TestSpaceAroundPunct(t *testing.T) {
	for _, text := range spacePunctTexts {
		compareSpaceAroundPunct(t, text)
	}
}

func compareSpaceAroundPunct(t *testing.T, text string) {
	t.Helper()
	type reported struct {
		span pipeline.Span
		msg  string
		fix  string
	}
	collect := func(out *[]reported) wsReport {
		return func(span pipeline.Span, msg string, fix pipeline.Fix) {
			*out = append(*out, reported{span, msg, fmt.Sprint(fix)})
		}
	}
	order := func(a, b reported) int {
		return cmp.Or(cmp.Compare(a.span.Start, b.span.Start), cmp.Compare(a.span.End, b.span.End), strings.Compare(a.msg, b.msg), strings.Compare(a.fix, b.fix))
	}
	for _, tag := range []language.Tag{language.English, language.French, language.MustParse("fr-CA")} {
		seg := &pipeline.Segment{Target: text, TargetLang: tag}
		lang := wsLanguageOf(tag)
		var got, want []reported
		checkSpaceAroundPunct(seg, lang, collect(&got))
		checkSpaceBeforePunctPlain(seg, lang, collect(&want))
		checkSpaceAfterPunctPlain(text, collect(&want))
		slices.SortStableFunc(got, order)
		slices.SortStableFunc(want, order)
		if !slices.Equal(got, want) {
			t.Fatalf("checkSpaceAroundPunct(%q, %v) = %v, the plain passes say %v", text, tag, got, want)
		}
	}
}

// FuzzSpaceAroundPunct checks that checkSpaceAroundPunct agrees with the
// two plain passes.
func FuzzSpaceAroundPunct(f *testing.F) {
	for _, s := range spacePunctTexts {
		f.Add(s)
	}
	f.Fuzz(compareSpaceAroundPunct)
}
