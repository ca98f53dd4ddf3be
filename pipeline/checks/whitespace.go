package checks

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/internal/links"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// Whitespace finds white space that differs from the source at the ends
// of a target, doubled spaces, and spaces around punctuation that the
// target language does not write.
var Whitespace = &pipeline.Check{
	Name: "whitespace",
	Doc: `whitespace finds leading and trailing white space of a target that differs from its source's, doubled spaces, a space before punctuation, and a missing space after it.

At the ends of a bilingual segment, the target should start and end with the same white space as the source: a line break or a space at the end of a software string is usually part of it. The ideographic spaces that indent Chinese and Japanese paragraphs are not expected in a target in another language. The fix makes the target's white space the source's.

Inside a target, two or more spaces between words are reported unless the source has doubled spaces too; spaces at a line break (indentation, Markdown's two-space line break) are left alone. The fix leaves one space.

In a target written in Latin script, a space before , . ; : ! or ? is reported, with a fix that removes it (or, for "word ,word", that puts the space after the comma); but not before an ellipsis ("wait ..."), nor before ".NET"-like words where a letter or digit follows the mark. French writes a no-break space before ; : ! and ? (a narrow one, U+202F, before ; ! ?, a word-wide one, U+00A0, before :, following the Imprimerie nationale's rules): there an ordinary space, which lets the line break before the mark, is reported with a fix that makes it a no-break one, and a missing one is reported with a fix that inserts it (not in Canadian French, which writes no space before ; ! and ?).

A missing space after a sentence's punctuation in a Latin-script target ("the end.Next", "apples,oranges", "Really?Yes") is reported with a fix that inserts one: after a period only between a lower-case word of two letters or more and a capitalised word, after a comma between two words of two letters or more, after ! and ? before a capitalised word. Abbreviations ("U.S.Army", "e.g."), decimals ("3.5"), numbers ("1,000"), names written with a period ("Node.js", "ASP.NET"), and anything in a token with / @ : _ \ or = (URLs, paths, code) are not reported.

Severity minor; category fluency/whitespace.`,
	Category: pipeline.CategoryWhitespace,
	Severity: pipeline.Minor,
	Run:      runWhitespace,
}

func runWhitespace(p *pipeline.Pass) error {
	lang := lastTag[wsLanguage]{of: wsLanguageOf}
	for d, doc := range p.Docs {
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if strings.TrimSpace(seg.Target) == "" {
				continue
			}
			report := func(span pipeline.Span, msg string, fix pipeline.Fix) {
				p.Report(d, i, pipeline.Finding{Side: pipeline.Target, Span: span, Message: msg, Fixes: []pipeline.Fix{fix}})
			}
			if seg.Source != "" {
				checkEdgeSpace(seg, report)
			}
			checkDoubleSpaces(seg, report)
			if l := lang.get(seg.TargetLang); l.punct {
				checkSpaceBeforePunct(seg, l, report)
				checkSpaceAfterPunct(seg.Target, report)
			}
		}
	}
	return nil
}

// wsLanguage is what the whitespace check asks of a target's language.
type wsLanguage struct {
	punct    bool // written in Latin script, and not Chinese, Japanese or Korean: the rules of spaces around punctuation apply
	french   bool // French: a no-break space before ; : ! ?
	canadian bool // in Canada: none before ; ! ?
}

func wsLanguageOf(tag language.Tag) wsLanguage {
	return wsLanguage{
		punct:    latinTarget(tag) && !btCJKLanguage(tag),
		french:   btBaseLanguage(tag) == "fr",
		canadian: factsOf(tag).region == "CA",
	}
}

type wsReport func(span pipeline.Span, msg string, fix pipeline.Fix)

// describeSpace names a run of white space for messages.
func describeSpace(s string) string {
	switch {
	case s == "":
		return "no white space"
	case strings.Trim(s, " ") == "":
		if len(s) == 1 {
			return "a space"
		}
		return strconv.Itoa(len(s)) + " spaces"
	case s == "\n" || s == "\r\n":
		return "a line break"
	case s == "\t":
		return "a tab"
	case s == "\u00a0":
		return "a no-break space"
	}
	return strconv.QuoteToASCII(s)
}

// checkEdgeSpace compares the white space at both ends of the target with
// the source's.
func checkEdgeSpace(seg *pipeline.Segment, report wsReport) {
	src, tgt := seg.Source, seg.Target
	if noEdgeSpace(src) && noEdgeSpace(tgt) {
		return // most segments: nothing to compare
	}
	if strings.TrimSpace(src) == "" {
		return
	}
	foreignIndent := !btCJKLanguage(seg.TargetLang)
	ideographic := func(s string) string {
		if foreignIndent {
			return strings.ReplaceAll(s, "\u3000", "")
		}
		return s
	}
	sLead := ideographic(src[:len(src)-len(strings.TrimLeftFunc(src, unicode.IsSpace))])
	tLeadEnd := len(tgt) - len(strings.TrimLeftFunc(tgt, unicode.IsSpace))
	tLead := tgt[:tLeadEnd]
	if sLead != tLead {
		span := pipeline.Span{Start: 0, End: tLeadEnd}
		report(span, fmt.Sprintf("the target starts with %s, the source with %s", describeSpace(tLead), describeSpace(sLead)),
			pipeline.ReplaceFix(edgeFixMessage(sLead), span, sLead))
	}
	sTrail := ideographic(src[len(strings.TrimRightFunc(src, unicode.IsSpace)):])
	tTrailStart := len(strings.TrimRightFunc(tgt, unicode.IsSpace))
	tTrail := tgt[tTrailStart:]
	if sTrail != tTrail {
		span := pipeline.Span{Start: tTrailStart, End: len(tgt)}
		report(span, fmt.Sprintf("the target ends with %s, the source with %s", describeSpace(tTrail), describeSpace(sTrail)),
			pipeline.ReplaceFix(edgeFixMessage(sTrail), span, sTrail))
	}
}

// noEdgeSpace reports whether text neither starts nor ends with white
// space (unicode.IsSpace), as strings.TrimFunc would find, deciding ASCII
// by a table (TestNoEdgeSpace). Empty text has no edge space.
func noEdgeSpace(text string) bool {
	if text == "" {
		return true
	}
	if c := text[0]; c < utf8.RuneSelf {
		if asciiSpace[c] {
			return false
		}
	} else if r, _ := utf8.DecodeRuneInString(text); unicode.IsSpace(r) {
		return false
	}
	if c := text[len(text)-1]; c < utf8.RuneSelf {
		return !asciiSpace[c]
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	return !unicode.IsSpace(r)
}

// asciiSpace holds the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func edgeFixMessage(want string) string {
	if want == "" {
		return "Remove the white space"
	}
	return "Use the source’s white space (" + describeSpace(want) + ")"
}

// checkDoubleSpaces reports runs of two or more spaces between two
// characters that are not white space.
func checkDoubleSpaces(seg *pipeline.Segment, report wsReport) {
	text := seg.Target
	if strings.Contains(seg.Source, "  ") {
		return
	}
	for i := 0; i < len(text); {
		k := strings.Index(text[i:], "  ")
		if k < 0 {
			return
		}
		s := i + k
		e := s
		for e < len(text) && text[e] == ' ' {
			e++
		}
		i = e
		before, after := btRuneBefore(text, s), btRuneAt(text, e)
		if before == -1 || after == -1 || unicode.IsSpace(before) || unicode.IsSpace(after) {
			continue
		}
		span := pipeline.Span{Start: s, End: e}
		report(span, fmt.Sprintf("%d spaces in a row", e-s), pipeline.ReplaceFix("Replace with one space", span, " "))
	}
}

// frenchHigh is the no-break space that French writes before each of
// ; : ! ?.
var frenchHigh = map[byte]string{';': "\u202f", '!': "\u202f", '?': "\u202f", ':': "\u00a0"}

func spaceName(s string) string {
	if s == "\u202f" {
		return "a narrow no-break space (U+202F)"
	}
	return "a no-break space (U+00A0)"
}

// checkSpaceBeforePunct reports spaces before , . ; : ! ? in a Latin
// target, and the French rules.
func checkSpaceBeforePunct(seg *pipeline.Segment, lang wsLanguage, report wsReport) {
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

// sentenceMark holds the marks checkSpaceBeforePunct looks before.
var sentenceMark = [256]bool{',': true, '.': true, ';': true, ':': true, '!': true, '?': true}

// wordLike reports whether r ends a word or a phrase that punctuation may
// follow: a letter, digit, closing bracket or quote, or a percent sign.
func wordLike(r rune) bool {
	return r != -1 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune(")]}”’»\"'%", r))
}

// checkSpaceAfterPunct reports a sentence's punctuation glued to the next
// word in a Latin-script text.
func checkSpaceAfterPunct(text string, report wsReport) {
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

// latinWord reports whether w is made of Latin letters only.
func latinWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if langid.Of(r) != langid.Latin && !unicode.IsMark(r) {
			return false
		}
	}
	return true
}

// titleWord reports whether w is capitalised and the rest is lower case.
func titleWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && strings.ToLower(w[n:]) == w[n:]
}
