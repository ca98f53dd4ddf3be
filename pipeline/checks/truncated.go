package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// Truncated finds targets that stop mid-sentence where their source is
// complete: output cut off at a length limit or by a failing engine.
var Truncated = &pipeline.Check{
	Name: "truncated",
	Doc: `truncated finds targets that stop in the middle of a sentence where their source ends complete: the output of an engine cut off at its length limit, or a translation whose last part was lost.

A source ends complete when its last character, after closing quotes and brackets, is a full stop, question or exclamation mark or an ellipsis (。！？….!? and their full-width forms). A target stops in the middle when it ends on none of these, after closing quotes and brackets, and one of these says that something is missing:
  - it ends on a word that cannot end an English sentence (an English target): an article, a preposition, a conjunction, an auxiliary or modal verb, a possessive determiner or a relative pronoun ("on the conclusion of", "and the state may");
  - it ends on a comma, colon, semicolon or dash, or an opening quote or bracket, and is at most half as long as the length model expects;
  - a quote or bracket that it opens after its start is never closed (or a straight quote has no pair), while the source's are (one opened at the start is taken for a quotation that goes on in the next segment), and it is shorter than the source predicts: 1 standard deviation or more below the expected length, in length-outlier's population model;
  - it is far shorter than the source predicts: 1.5 standard deviations or more below the expected length (for a long sentence, about two thirds of it or less).
A target that ends its last sentence is reported only when a quote or bracket it opens is never closed and it is 1.5 standard deviations or more too short: the engine stopped at a full stop inside a quotation. A straight double quote is unpaired when the target has an odd number of them.
Missing final punctuation alone is not enough: translators leave it out of titles and restructure quotations across segments, and the checks of punctuation are the place for it.

The finding spans the last word of the target (the dangling one, when there is one); there is no automatic fix. Category accuracy/omission, severity major. Only bilingual segments are checked; a language pair without a length model is judged by the other signs alone.`,
	Category: pipeline.CategoryOmission,
	Severity: pipeline.Major,
	Run:      runTruncated,
}

// truncatedShortZ is the population z-score (length-outlier's Z0) at or
// below which a target without final punctuation, or a complete one with
// an unpaired quote or bracket, counts as cut short; truncatedUnclosedZ
// the one at or below which an unpaired quote or bracket in a target
// without final punctuation does; truncatedCommaShare the share of its
// expected length below which a target ending on a comma does. None of
// them reports a WMT20 human translation (TestMTFailureEval). -1.5 was
// chosen over -2 after measuring both: the injected cuts of
// TestMTFailureInjected are found at 58% with -2 and 67% with -1.5, and
// on the MQM rows -1.5 adds one finding (a labelled omission).
const (
	truncatedShortZ     = -1.5
	truncatedUnclosedZ  = -1
	truncatedCommaShare = 0.5
)

// danglingEnglish are English words that cannot end a sentence: articles,
// prepositions, coordinating and subordinating conjunctions, auxiliary
// and modal verbs, possessive determiners and relative pronouns. Each
// needs what follows it. Words that can end a sentence as well ("in",
// "on", "up", "over", "is", "was", "do", "did", "that", "this", "not")
// are left out.
var danglingEnglish = map[string]bool{
	"a": true, "an": true, "the": true,
	"of": true, "to": true, "for": true, "with": true, "from": true, "by": true, "at": true, "into": true,
	"onto": true, "upon": true, "between": true, "among": true, "towards": true, "toward": true, "than": true,
	"and": true, "or": true, "nor": true, "but": true, "because": true, "whether": true, "if": true,
	"although": true, "though": true, "while": true, "unless": true,
	"will": true, "would": true, "shall": true, "should": true, "can": true, "could": true, "may": true,
	"might": true, "must": true,
	"its": true, "their": true, "our": true, "your": true, "my": true,
	"which": true, "whose": true, "such": true, "every": true, "each": true,
}

// sentenceFinal reports whether r ends a sentence.
func sentenceFinal(r rune) bool {
	switch r {
	case '.', '!', '?', '。', '！', '？', '…', '．', '｡', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// closingMark reports whether r closes a quotation or a parenthesis.
func closingMark(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}', '）', '］', '｝', '」', '』', '》', '〉', '】', '〕', '〗':
		return true
	}
	return false
}

// lastMark returns the last character of text after white space, inline
// codes and closing quotes and brackets, and its byte offset.
func lastMark(text string) (rune, int) {
	i := len(text)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) || closingMark(r) || r == pipeline.CodeRune {
			i -= n
			continue
		}
		return r, i - n
	}
	return utf8.RuneError, -1
}

// lastWord returns the span of the last word of text (letters, digits,
// apostrophes and hyphens between them) ending at or before end.
func lastWord(text string, end int) pipeline.Span {
	j := end
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		j -= n
	}
	i := j
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || (r == '\'' || r == '’' || r == '-') && i-n > 0 {
			i -= n
			continue
		}
		break
	}
	return pipeline.Span{Start: i, End: j}
}

// unclosedMark returns the offset of a quote or bracket that text opens
// and never closes, or -1: brackets by nesting, curly quotes by pairing,
// and a straight double quote when text has an odd number of them.
func unclosedMark(text string) int {
	if asciiWithout(text, '"', '(', '[') {
		return -1 // nothing opens a pair: most sentences
	}
	type open struct {
		r   rune
		off int
	}
	var stack []open
	straight, lastStraight := 0, -1
	for i, n := 0, 0; i < len(text); i += n {
		r := rune(text[i])
		n = 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		} else if r != '"' && r != '(' && r != '[' && r != ')' && r != ']' {
			continue // no other ASCII character opens or closes a pair
		}
		if r == '"' {
			straight++
			lastStraight = i
			continue
		}
		if truncationCloser(r) != 0 {
			stack = append(stack, open{r, i})
			continue
		}
		for k := len(stack) - 1; k >= 0; k-- {
			if truncationCloser(stack[k].r) == r {
				stack = stack[:k]
				break
			}
		}
	}
	if len(stack) > 0 {
		return stack[len(stack)-1].off
	}
	if straight%2 == 1 {
		return lastStraight
	}
	return -1
}

// truncationCloser returns the mark that closes the quote or bracket r
// opens, for the pairs unclosedMark follows, or 0 when r opens none.
func truncationCloser(r rune) rune {
	switch r {
	case '(':
		return ')'
	case '[':
		return ']'
	case '（':
		return '）'
	case '“':
		return '”'
	case '《':
		return '》'
	case '「':
		return '」'
	case '『':
		return '』'
	case '【':
		return '】'
	}
	return 0
}

func runTruncated(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		ls := documentLengths(p, d)
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if !seg.Bilingual() || blankTarget(seg.Target) {
				continue
			}
			if f, ok := truncation(seg, ls, i); ok {
				p.Report(d, i, f)
			}
		}
	}
	return nil
}

// truncation judges seg's target (see the check's Doc), segment i of a
// document whose length scores are ls.
func truncation(seg *pipeline.Segment, ls *lengthScores, i int) (pipeline.Finding, bool) {
	if r, _ := lastMark(seg.Source); !sentenceFinal(r) {
		return pipeline.Finding{}, false
	}
	last, at := lastMark(seg.Target)
	if at < 0 {
		return pipeline.Finding{}, false
	}
	unclosed := -1
	if u := unclosedMark(seg.Target); u >= 0 && unclosedMark(seg.Source) < 0 && strings.TrimSpace(seg.Target[:u]) != "" {
		// A quotation opened at the start of the target and carried on
		// into the next segment is not a sign of a cut.
		unclosed = u
	}
	if sentenceFinal(last) {
		// A complete last sentence: cut off only if a quotation or
		// parenthesis it opened never closes and most of the source is
		// missing.
		if z := ls.z[i]; unclosed < 0 || !z.OK || z.Z0 > truncatedShortZ {
			return pipeline.Finding{}, false
		}
		sc := ls.score(i)
		_, n := utf8.DecodeRuneInString(seg.Target[unclosed:])
		return pipeline.Finding{
			Side: pipeline.Target, Span: pipeline.Span{Start: unclosed, End: unclosed + n},
			Message: fmt.Sprintf("target leaves “%s” without its pair and covers only part of the source; it has %s where %s usually give %s: the translation looks cut off",
				seg.Target[unclosed:unclosed+n], describeCount(sc.Target), describeCount(sc.Source), describeUnits(sc.Expected0(), sc.Expected0(), sc.Target)),
		}, true
	}
	end := at + utf8.RuneLen(last)
	word := lastWord(seg.Target, end)
	f := pipeline.Finding{Side: pipeline.Target, Span: word}
	if word.Len() == 0 {
		f.Span = pipeline.Span{Start: at, End: end}
	}
	z := ls.z[i]
	// short says how short the target is, when the model applies.
	short := func() string {
		if !z.OK {
			return ""
		}
		sc := ls.score(i)
		return fmt.Sprintf("; it has %s where %s usually give %s", describeCount(sc.Target), describeCount(sc.Source), describeUnits(sc.Expected0(), sc.Expected0(), sc.Target))
	}
	lang := seg.TargetLang
	w := strings.ToLower(seg.Target[word.Start:word.End])
	switch {
	case word.End == end && englishText(lang, seg.Target) && danglingEnglish[w]:
		f.Message = fmt.Sprintf("target stops after “%s”, a word that needs what follows it, where the source ends its sentence: the translation looks cut off", seg.Target[word.Start:word.End])
	case strings.ContainsRune(",;:，；：、-–—(“‘《（[", last) && z.OK && shortOfExpected0(ls.score(i), truncatedCommaShare):
		f.Span = pipeline.Span{Start: at, End: end}
		f.Message = fmt.Sprintf("target stops on “%c” where the source ends its sentence%s: the translation looks cut off", last, short())
	case unclosed >= 0 && z.OK && z.Z0 <= truncatedUnclosedZ:
		u := unclosed
		_, n := utf8.DecodeRuneInString(seg.Target[u:])
		f.Span = pipeline.Span{Start: u, End: u + n}
		f.Message = fmt.Sprintf("target leaves “%s” without its pair and stops without ending its sentence where the source is complete: the translation looks cut off", seg.Target[u:u+n])
	case z.OK && z.Z0 <= truncatedShortZ:
		f.Message = fmt.Sprintf("target stops without ending its sentence and covers only part of the source%s: the translation looks cut off", short())
	default:
		return pipeline.Finding{}, false
	}
	return f, true
}

// shortOfExpected0 reports whether the target of score sc has at most
// share of the units expected at δ = 0.
func shortOfExpected0(sc lengthScore, share float64) bool {
	return sc.T() <= share*sc.Expected0()
}

// englishText reports whether a text is English: by its language, or for
// an undetermined one by its script (lengthLanguage).
func englishText(tag language.Tag, text string) bool {
	return factsOf(lengthLanguage(tag, text)).base == "en"
}
