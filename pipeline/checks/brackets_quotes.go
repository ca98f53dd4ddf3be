package checks

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/internal/links"
	"github.com/tqa-project/tqa/pipeline"
)

// BracketsQuotes finds brackets and quotation marks that are opened and
// not closed, or closed and not opened, in a target.
var BracketsQuotes = &pipeline.Check{
	Name: "brackets-quotes",
	Doc: `brackets-quotes finds unbalanced brackets and quotation marks in a target: an opening one that nothing closes, a closing one that nothing opened.

Brackets are ( ) [ ] { } and their full-width and CJK forms （ ） ［ ］ ｛ ｝ 【 】 〔 〕 〖 〗 「 」 『 』 《 》 〈 〉; a half-width bracket may close a full-width one of the same shape. A closing bracket with no opening one of its shape is reported; one that closes an outer bracket leaves the inner ones unclosed, and those are reported.

Quotation marks follow the target language's conventions, as CLDR's delimiters give them: English, Chinese and Korean “…” and ‘…’; French «…» and “…”; German „…“ and ‚…‘. In other languages only brackets and straight quotes are checked. A right single quotation mark ’ is also the apostrophe ("NATO’s", "don’t", "’90s"), so only an opening ‘ that no ’ follows is reported. A straight double quote " may stand for either side: it closes an open quotation when the spacing around it allows, and one that pairs with a curly mark (“Blah.") is reported with a fix that puts in the curly mark that belongs there. Straight quotes left without a partner are reported when their number is odd (or one of them pairs with a curly mark), at the one that the spacing leaves alone; a " right after a digit, outside a quotation, is an inch sign (12").

Not reported: the closing bracket of a list enumerator ("1)", "a)", "iv)") at the start of the text or after white space; emoticons (":)", ";-("); brackets inside URLs. In a bilingual segment, a kind of bracket or quotation mark that is already unbalanced in the source (a quotation that runs over several segments, a list) is not checked in the target; when the source is balanced, the message says so. In a monolingual document, a quotation opened at the start of a paragraph and left open is not reported when the next paragraph opens with the same mark (a quotation over several paragraphs opens each of them and closes only the last).

Severity minor; category fluency/punctuation.`,
	Category: pipeline.CategoryPunctuation,
	Severity: pipeline.Minor,
	Run:      runBracketsQuotes,
}

// bqFamily groups the marks that must balance one another.
type bqFamily uint8

const (
	famRound bqFamily = iota
	famSquare
	famCurly
	famCorner      // 「」
	famWhiteCorner // 『』
	famTitle       // 《》
	famAngle       // 〈〉
	famDouble      // “” „“ «» and straight "
	famSingle      // ‘’ ‚‘
	numBQFamilies
)

// bracketPairs maps each bracket to its family and whether it opens.
var bracketPairs = map[rune]struct {
	fam  bqFamily
	open bool
}{
	'(': {famRound, true}, ')': {famRound, false}, '（': {famRound, true}, '）': {famRound, false},
	'[': {famSquare, true}, ']': {famSquare, false}, '［': {famSquare, true}, '］': {famSquare, false},
	'【': {famSquare, true}, '】': {famSquare, false}, '〔': {famSquare, true}, '〕': {famSquare, false},
	'〖': {famSquare, true}, '〗': {famSquare, false},
	'{': {famCurly, true}, '}': {famCurly, false}, '｛': {famCurly, true}, '｝': {famCurly, false},
	'「': {famCorner, true}, '」': {famCorner, false}, '『': {famWhiteCorner, true}, '』': {famWhiteCorner, false},
	'《': {famTitle, true}, '》': {famTitle, false}, '〈': {famAngle, true}, '〉': {famAngle, false},
}

// quoteStyle is a language's pairs of quotation marks.
type quoteStyle struct {
	double, single [][2]rune // opening, closing
}

// quoteStyles are the quotation marks of the languages whose quotes are
// checked. Source: Unicode CLDR, the <delimiters> of common/main/en.xml,
// zh.xml, ko.xml, fr.xml and de.xml (quotationStart/End and
// alternateQuotationStart/End); French also uses English quotes within
// guillemets, and Chinese texts use the corner brackets, which are
// checked as brackets.
var quoteStyles = map[string]quoteStyle{
	"en": {double: [][2]rune{{'“', '”'}}, single: [][2]rune{{'‘', '’'}}},
	"zh": {double: [][2]rune{{'“', '”'}}, single: [][2]rune{{'‘', '’'}}},
	"ko": {double: [][2]rune{{'“', '”'}}, single: [][2]rune{{'‘', '’'}}},
	"fr": {double: [][2]rune{{'«', '»'}, {'“', '”'}}},
	"de": {double: [][2]rune{{'„', '“'}}, single: [][2]rune{{'‚', '‘'}}},
}

func styleFor(tag language.Tag) (quoteStyle, bool) {
	base := btBaseLanguage(tag)
	if base == "" {
		base = "en"
	}
	s, ok := quoteStyles[base]
	return s, ok
}

// bqProblem is one unbalanced mark.
type bqProblem struct {
	span    pipeline.Span
	fam     bqFamily
	opening bool // an opening mark left open; otherwise a closing one with no opening
	mark    rune
	// pairedWith is set on a straight quote that pairs with a curly one:
	// the curly mark, and want the curly mark that should replace it.
	pairedWith, want rune
}

// bracketProblems returns the unbalanced marks of text, in text order.
func bracketProblems(text string, tag language.Tag) []bqProblem {
	if !mayHoldBracketOrQuote(text) {
		return nil // most texts: none of the marks below
	}
	links := links.Find(text)
	var probs []bqProblem
	type open struct {
		pos  int
		r    rune
		fam  bqFamily
		size int
	}
	var stack []open
	for k, r := range text {
		if r < '〈' && r != '(' && r != ')' && r != '[' && r != ']' && r != '{' && r != '}' {
			continue // no bracket: the other marks are from U+3008 on
		}
		bp, ok := bracketPairs[r]
		if !ok || btInSpans(links, k) || emoticonAt(text, k, r) {
			continue
		}
		size := len(string(r))
		if bp.open {
			stack = append(stack, open{k, r, bp.fam, size})
			continue
		}
		// A closing bracket closes the nearest open one of its family;
		// open ones above it are left unclosed.
		j := len(stack) - 1
		for j >= 0 && stack[j].fam != bp.fam {
			j--
		}
		if j < 0 {
			if bp.fam == famRound && enumeratorAt(text, k) {
				continue
			}
			probs = append(probs, bqProblem{span: pipeline.Span{Start: k, End: k + size}, fam: bp.fam, mark: r})
			continue
		}
		for _, o := range stack[j+1:] {
			probs = append(probs, bqProblem{span: pipeline.Span{Start: o.pos, End: o.pos + o.size}, fam: o.fam, opening: true, mark: o.r})
		}
		stack = stack[:j]
	}
	for _, o := range stack {
		probs = append(probs, bqProblem{span: pipeline.Span{Start: o.pos, End: o.pos + o.size}, fam: o.fam, opening: true, mark: o.r})
	}
	style, _ := styleFor(tag)
	probs = append(probs, doubleQuoteProblems(text, style.double, links)...)
	probs = append(probs, quoteProblems(text, style.single, famSingle, true, links)...)
	sortProblems(probs)
	return probs
}

// mayHoldBracketOrQuote reports whether text has a character that
// bracketProblems looks at: a bracket of bracketPairs, a straight double
// quote, or a quotation mark of quoteStyles. It may say yes to a few
// others (the CJK marks between U+3008 and U+3017 that are not brackets).
func mayHoldBracketOrQuote(text string) bool {
	// Byte by byte: the ASCII marks are found by a table, the others at
	// their first byte (C2, E2, E3 or EF), which is never inside another
	// character, so that a character is decoded only there
	// (FuzzMayHoldBracketOrQuote).
	for i := 0; i < len(text); i++ {
		switch bracketOrQuoteByte[text[i]] {
		case 0:
			continue
		case 1:
			return true
		}
		r, _ := utf8.DecodeRuneInString(text[i:])
		switch {
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

// bracketOrQuoteByte says, for each byte, whether mayHoldBracketOrQuote
// may stop there: 1 for an ASCII mark, 2 for the first byte of one of its
// other marks, 0 for any other byte.
var bracketOrQuoteByte = func() (t [256]uint8) {
	for _, c := range "()[]{}\"" {
		t[c] = 1
	}
	for _, r := range "〈〗（）［］｛｝“”‘’«»„‚" {
		t[string(r)[0]] = 2
	}
	return t
}()

func sortProblems(probs []bqProblem) {
	slices.SortStableFunc(probs, func(a, b bqProblem) int { return a.span.Start - b.span.Start })
}

// quoteProblems balances curly quotation marks of the given pairs. With
// apostrophe set, the closing mark is also an apostrophe: it closes an
// open quotation if there is one, and is never reported.
func quoteProblems(text string, pairs [][2]rune, fam bqFamily, apostrophe bool, links []pipeline.Span) []bqProblem {
	var probs []bqProblem
	for _, pair := range pairs {
		var stack []int
		for k, r := range text {
			if r != pair[0] && r != pair[1] || btInSpans(links, k) {
				continue
			}
			if r == pair[0] && (pair[0] != pair[1] || len(stack) == 0) {
				if apostrophe && unicode.IsDigit(btRuneAt(text, k+len(string(r)))) {
					continue // ‘90s: an apostrophe typed the wrong way round
				}
				stack = append(stack, k)
				continue
			}
			if n := len(stack); n > 0 {
				stack = stack[:n-1]
			} else if !apostrophe {
				probs = append(probs, bqProblem{span: pipeline.Span{Start: k, End: k + len(string(r))}, fam: fam, mark: r})
			}
		}
		for _, k := range stack {
			probs = append(probs, bqProblem{span: pipeline.Span{Start: k, End: k + len(string(pair[0]))}, fam: fam, opening: true, mark: pair[0]})
		}
	}
	return probs
}

// doubleQuoteProblems balances double quotation marks: the curly pairs
// of the language and straight quotes ("), which may stand for either
// side. A straight quote closes the open quotation when the spacing
// around it allows; one that pairs with a curly mark is reported, with
// the curly mark that should replace it ("“Blah."). A straight quote right
// after a digit, with no quotation open, is an inch sign (12"). Straight
// quotes left unpaired are reported only when their number is odd, or
// when one of them pairs with a curly mark: an even number of straight
// quotes whose spacing is unusual is more likely fine than not.
func doubleQuoteProblems(text string, pairs [][2]rune, links []pipeline.Span) []bqProblem {
	type mark struct {
		pos      int
		r        rune
		straight bool
		pair     int
	}
	var stack []mark
	var probs, straightLeft []bqProblem
	straights, mixed := 0, false
	pairOf := func(r rune) (int, bool, bool) {
		for k, pr := range pairs {
			if r == pr[0] {
				return k, true, true
			}
			if r == pr[1] {
				return k, false, true
			}
		}
		return 0, false, false
	}
	for k, r := range text {
		if btInSpans(links, k) {
			continue
		}
		size := len(string(r))
		if r == '"' {
			before, after := btRuneBefore(text, k), btRuneAt(text, k+1)
			if len(stack) == 0 && before != -1 && unicode.IsDigit(before) && (after == -1 || !unicode.IsLetter(after)) {
				continue // an inch sign
			}
			straights++
			opens := (before == -1 || unicode.IsSpace(before) || strings.ContainsRune("([{—–-", before)) && after != -1 && !unicode.IsSpace(after)
			closes := (after == -1 || unicode.IsSpace(after) || unicode.IsPunct(after)) && before != -1 && !unicode.IsSpace(before)
			if n := len(stack); n > 0 && (closes || !opens) {
				top := stack[n-1]
				stack = stack[:n-1]
				if !top.straight {
					mixed = true
					probs = append(probs, bqProblem{span: pipeline.Span{Start: k, End: k + 1}, fam: famDouble, mark: '"', pairedWith: top.r, want: pairs[top.pair][1]})
				}
				continue
			}
			stack = append(stack, mark{pos: k, r: r, straight: true})
			continue
		}
		p, open, ok := pairOf(r)
		if !ok {
			continue
		}
		if open {
			stack = append(stack, mark{pos: k, r: r, pair: p})
			continue
		}
		j := len(stack) - 1
		for j >= 0 && !stack[j].straight && stack[j].pair != p {
			j--
		}
		if j < 0 {
			probs = append(probs, bqProblem{span: pipeline.Span{Start: k, End: k + size}, fam: famDouble, mark: r})
			continue
		}
		for _, m := range stack[j+1:] {
			probs = append(probs, bqProblem{span: pipeline.Span{Start: m.pos, End: m.pos + len(string(m.r))}, fam: famDouble, opening: true, mark: m.r})
		}
		if top := stack[j]; top.straight {
			mixed = true
			probs = append(probs, bqProblem{span: pipeline.Span{Start: top.pos, End: top.pos + 1}, fam: famDouble, mark: '"', pairedWith: r, want: pairs[p][0]})
		}
		stack = stack[:j]
	}
	for _, m := range stack {
		pr := bqProblem{span: pipeline.Span{Start: m.pos, End: m.pos + len(string(m.r))}, fam: famDouble, opening: true, mark: m.r}
		if m.straight {
			straightLeft = append(straightLeft, pr)
		} else {
			probs = append(probs, pr)
		}
	}
	if straights%2 == 1 || mixed {
		probs = append(probs, straightLeft...)
	}
	return probs
}

// emoticonAt reports whether the bracket r at text[k] is the mouth of an
// emoticon: ":)", ";(", ":-)", "=)".
func emoticonAt(text string, k int, r rune) bool {
	if r != '(' && r != ')' {
		return false
	}
	j := k
	if j > 0 && text[j-1] == '-' {
		j--
	}
	return j > 0 && strings.IndexByte(":;=", text[j-1]) >= 0
}

// enumeratorAt reports whether the ")" at text[k] ends a list
// enumerator: one to four letters, digits or dots at the start of the
// text or after white space ("1)", "a)", "iv)", "2.1)").
func enumeratorAt(text string, k int) bool {
	j := k
	for j > 0 && k-j < 5 && (btAlpha(text[j-1]) || btDigit(text[j-1]) || text[j-1] == '.') {
		j--
	}
	if j == k || k-j > 4 {
		return false
	}
	return j == 0 || unicode.IsSpace(btRuneBefore(text, j))
}

func runBracketsQuotes(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if strings.TrimSpace(seg.Target) == "" {
				continue
			}
			probs := bracketProblems(seg.Target, seg.TargetLang)
			if len(probs) == 0 {
				continue
			}
			var srcBad [numBQFamilies]bool
			bilingual := seg.Source != ""
			if bilingual {
				for _, sp := range bracketProblems(seg.Source, seg.SourceLang) {
					srcBad[sp.fam] = true
				}
			}
			for _, pr := range probs {
				if srcBad[pr.fam] {
					continue
				}
				if !bilingual && pr.opening && continuedQuotation(doc, i, pr) {
					continue
				}
				var fixes []pipeline.Fix
				if pr.want != 0 {
					fixes = append(fixes, pipeline.ReplaceFix("Replace with "+btQuote(string(pr.want)), pr.span, string(pr.want)))
				}
				p.Report(d, i, pipeline.Finding{
					Side:    pipeline.Target,
					Span:    pr.span,
					Message: bqMessage(pr, bilingual),
					Fixes:   fixes,
				})
			}
		}
	}
	return nil
}

// continuedQuotation reports whether pr, an opening quotation mark left
// open, starts segment i and the next segment starts with the same mark.
func continuedQuotation(doc *pipeline.Document, i int, pr bqProblem) bool {
	if pr.fam != famDouble && pr.fam != famSingle && pr.fam != famCorner {
		return false
	}
	text := doc.Segments[i].Target
	if strings.TrimLeftFunc(text, unicode.IsSpace) != text[pr.span.Start:] || i+1 >= len(doc.Segments) {
		return false
	}
	next := strings.TrimLeftFunc(doc.Segments[i+1].Target, unicode.IsSpace)
	return strings.HasPrefix(next, string(pr.mark))
}

func bqMessage(pr bqProblem, bilingual bool) string {
	what := "bracket"
	if pr.fam == famDouble || pr.fam == famSingle {
		what = "quotation mark"
	}
	var msg string
	if pr.pairedWith != 0 {
		msg = fmt.Sprintf("straight quotation mark “\"” pairs with the curly %s; use %s", btQuote(string(pr.pairedWith)), btQuote(string(pr.want)))
	} else if pr.mark == '"' {
		msg = "straight quotation mark “\"” has no partner"
	} else if pr.opening {
		msg = fmt.Sprintf("opening %s %s is not closed", what, btQuote(string(pr.mark)))
	} else {
		msg = fmt.Sprintf("closing %s %s has no opening %s", what, btQuote(string(pr.mark)), what)
	}
	if bilingual && pr.pairedWith == 0 {
		msg += "; the source’s " + what + "s are balanced"
	}
	return msg
}
