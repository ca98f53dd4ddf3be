package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// CJKPunctuation finds Chinese and Japanese punctuation and full-width
// characters in a target written in Latin script.
var CJKPunctuation = &pipeline.Check{
	Name: "cjk-punctuation",
	Doc: `cjk-punctuation finds Chinese and Japanese punctuation (，。、：；！？（）【】「」『』《》〈〉), the ideographic space and the full-width forms of ASCII (U+FF01–U+FF5E) in a target written in Latin script.

Such characters come from a Chinese or Japanese input method or are left over from the source; in English text they are wider than the Latin ones and take no space after them. Each mark is one finding (two marks in a row are two findings), with the fix that puts the Latin mark in its place: a comma, stop, colon, semicolon, "!" or "?" gets a following space when a word or an opening bracket follows it (not between two digits: "3．14" becomes "3.14"); an opening bracket gets a space before it when a word or a closing bracket precedes it, a closing one a space after it when a word follows. Corner brackets 「」 and title marks 《》 become double quotation marks, 『』 and 〈〉 single ones, curly unless the text already uses straight ones and no curly ones; 【】 and the tortoise-shell brackets become square brackets. Quotation marks, dashes and the ellipsis that English itself uses (“ ” ‘ ’ — – …) are not reported.

A run of full-width letters or digits ("２０２５", "ＮＡＴＯ") is one finding, category fluency/character-encoding; a run of ideographic spaces is one finding, category fluency/whitespace, whose fix is one space, or none next to other white space or at either end.

A mark that belongs to a foreign fragment is not reported, since mixed-script reports the fragment and its translation will replace it: one inside a run of Chinese or other non-Latin letters ("北约，欧盟"), or between such runs, or between one and the end of the text, with no Latin letter next to it. A mark between a fragment and Latin text ("酝酿，Leaving") is reported: it stays wrong after the fragment is translated. Full-width tildes used as a dash or for a range are left to dash-substitute.`,
	Category: pipeline.CategoryPunctuation,
	Severity: pipeline.Minor,
	Run:      runCJKPunctuation,
}

// markSpacing tells where the Latin replacement of a mark needs a space.
type markSpacing uint8

const (
	spaceNone   markSpacing = iota
	spaceAfter              // terminal punctuation: before a word or an opening mark
	spaceClose              // closing bracket or quote: before a word
	spaceBefore             // opening bracket or quote: after a word or a closing mark
)

// cjkMark is the Latin replacement of one CJK mark.
type cjkMark struct {
	curly, straight string // replacement, in texts with curly or with straight quotes
	spacing         markSpacing
}

func mark(s string, sp markSpacing) cjkMark { return cjkMark{s, s, sp} }

// cjkMarks maps the CJK Symbols and Punctuation block and the halfwidth
// CJK punctuation to their Latin counterparts; the full-width forms of
// ASCII are handled by fullWidthMark.
var cjkMarks = map[rune]cjkMark{
	'、': mark(",", spaceAfter),
	'。': mark(".", spaceAfter),
	'〈': {"‘", "'", spaceBefore},
	'〉': {"’", "'", spaceClose},
	'《': {"“", `"`, spaceBefore},
	'》': {"”", `"`, spaceClose},
	'「': {"“", `"`, spaceBefore},
	'」': {"”", `"`, spaceClose},
	'『': {"‘", "'", spaceBefore},
	'』': {"’", "'", spaceClose},
	'【': mark("[", spaceBefore),
	'】': mark("]", spaceClose),
	'〔': mark("[", spaceBefore),
	'〕': mark("]", spaceClose),
	'〖': mark("[", spaceBefore),
	'〗': mark("]", spaceClose),
	'〘': mark("[", spaceBefore),
	'〙': mark("]", spaceClose),
	'〚': mark("[", spaceBefore),
	'〛': mark("]", spaceClose),
	'〝': {"“", `"`, spaceBefore},
	'〞': {"”", `"`, spaceClose},
	'〟': {"”", `"`, spaceClose},
	'｡': mark(".", spaceAfter),
	'｢': {"“", `"`, spaceBefore},
	'｣': {"”", `"`, spaceClose},
	'､': mark(",", spaceAfter),
	'〜': mark("~", spaceNone), // wave dash, when not a dash or a range
}

// fullWidthMark returns the Latin counterpart of a full-width ASCII
// punctuation mark (U+FF01–U+FF5E less letters and digits).
func fullWidthMark(c rune) (cjkMark, bool) {
	if c < '！' || c > '～' || isFullWidthAlnum(c) {
		return cjkMark{}, false
	}
	a := string(c - 0xFEE0)
	sp := spaceNone
	switch a {
	case ",", ".", ":", ";", "!", "?":
		sp = spaceAfter
	case "(", "[", "{":
		sp = spaceBefore
	case ")", "]", "}":
		sp = spaceClose
	}
	return mark(a, sp), true
}

func isFullWidthAlnum(c rune) bool {
	return c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ'
}

// latinMark returns the Latin counterpart of c, if c is a mark this check
// reports.
func latinMark(c rune) (cjkMark, bool) {
	if m, ok := cjkMarks[c]; ok {
		return m, true
	}
	return fullWidthMark(c)
}

func runCJKPunctuation(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		all := targetScriptRuns(p, d)
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if !latinTarget(seg.TargetLang) {
				continue
			}
			checkCJKPunctuation(p, d, i, seg, all.of(i))
		}
	}
	return nil
}

func checkCJKPunctuation(p *pipeline.Pass, d, i int, seg *pipeline.Segment, runs []langid.Run) {
	text := seg.Target
	if !hasFromU3000(text) {
		return // nothing below looks at such a text
	}
	straight := strings.ContainsRune(text, '"') && !strings.ContainsAny(text, "“”")
	lang := withArticle(languageName(seg.TargetLang))
	k := 0 // the run holding byte j
	for j := 0; j < len(text); {
		c, n := utf8.DecodeRuneInString(text[j:])
		if c < 0x3000 {
			j += n
			continue
		}
		for runs[k].End <= j {
			k++
		}
		if inFragment(runs, k) {
			j += n
			continue
		}
		switch {
		case c == '\u3000':
			end := j
			for end < len(text) && strings.HasPrefix(text[end:], "\u3000") {
				end += len("\u3000")
			}
			reportIdeographicSpace(p, d, i, text, j, end, lang)
			j = end
			continue
		case isFullWidthAlnum(c):
			end := j
			var ascii strings.Builder
			for end < len(text) {
				c2, n2 := utf8.DecodeRuneInString(text[end:])
				if !isFullWidthAlnum(c2) {
					break
				}
				ascii.WriteRune(c2 - 0xFEE0)
				end += n2
			}
			span := pipeline.Span{Start: j, End: end}
			p.Report(d, i, pipeline.Finding{
				Category: pipeline.CategoryCharacterEncode,
				Side:     pipeline.Target,
				Span:     span,
				Message:  fmt.Sprintf("full-width characters “%s” in %s target", text[j:end], lang),
				Fixes:    []pipeline.Fix{pipeline.ReplaceFix("Replace with “"+ascii.String()+"”", span, ascii.String())},
			})
			j = end
			continue
		}
		m, ok := latinMark(c)
		if ok && isTilde(c) && classifyTilde(text, j, j+n).use != tildeOther {
			ok = false // a dash or a range: dash-substitute reports it
		}
		if ok {
			repl := m.curly
			if straight {
				repl = m.straight
			}
			repl = spaced(text, j, j+n, repl, m.spacing)
			kind := "CJK punctuation"
			switch {
			case c >= 0xFF61:
				kind = "halfwidth CJK punctuation"
			case c >= 0xFF00:
				kind = "full-width punctuation"
			}
			span := pipeline.Span{Start: j, End: j + n}
			p.Report(d, i, pipeline.Finding{
				Side:    pipeline.Target,
				Span:    span,
				Message: fmt.Sprintf("%s “%c” in %s target", kind, c, lang),
				Fixes:   []pipeline.Fix{pipeline.ReplaceFix("Replace with “"+repl+"”", span, repl)},
			})
		}
		j += n
	}
}

// hasFromU3000 reports whether text has a character from U+3000 on
// (U+FFFD for bytes that are not UTF-8 among them): the characters
// checkCJKPunctuation looks at.
func hasFromU3000(text string) bool {
	if asciiText(text) {
		return false
	}
	for _, c := range text {
		if c >= 0x3000 {
			return true
		}
	}
	return false
}

// inFragment reports whether run k is part of a foreign fragment: a run
// of non-Latin letters, or a Common run whose neighbours are such runs
// (or the ends of the text) with no Latin run among them.
func inFragment(runs []langid.Run, k int) bool {
	s := runs[k].Script
	if s != langid.Common {
		return s != langid.Latin
	}
	prev := k > 0
	next := k+1 < len(runs)
	if prev && runs[k-1].Script == langid.Latin || next && runs[k+1].Script == langid.Latin {
		return false
	}
	return prev || next
}

// spaced adds the spaces that the Latin mark repl at [i, j) needs.
func spaced(text string, i, j int, repl string, sp markSpacing) string {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[j:])
	if i == 0 {
		prev = 0
	}
	if j == len(text) {
		next = 0
	}
	word := func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }
	switch sp {
	case spaceAfter:
		if unicode.IsDigit(prev) && unicode.IsDigit(next) {
			return repl
		}
		if word(next) || isOpeningMark(next) {
			return repl + " "
		}
	case spaceClose:
		if word(next) {
			return repl + " "
		}
	case spaceBefore:
		if word(prev) || isClosingMark(prev) {
			return " " + repl
		}
	}
	return repl
}

func isOpeningMark(c rune) bool {
	if m, ok := latinMark(c); ok {
		return m.spacing == spaceBefore
	}
	return strings.ContainsRune("([{“‘", c)
}

func isClosingMark(c rune) bool {
	if m, ok := latinMark(c); ok {
		return m.spacing == spaceClose
	}
	return strings.ContainsRune(")]}”’", c)
}

// reportIdeographicSpace reports the ideographic spaces at [i, j).
func reportIdeographicSpace(p *pipeline.Pass, d, seg int, text string, i, j int, lang string) {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[j:])
	fix := pipeline.ReplaceFix("Replace with a space", pipeline.Span{Start: i, End: j}, " ")
	if i == 0 || j == len(text) || unicode.IsSpace(prev) || unicode.IsSpace(next) {
		fix = pipeline.ReplaceFix("Delete it", pipeline.Span{Start: i, End: j}, "")
	}
	what := "ideographic space"
	if j-i > len("\u3000") {
		what = "ideographic spaces"
	}
	p.Report(d, seg, pipeline.Finding{
		Category: pipeline.CategoryWhitespace,
		Side:     pipeline.Target,
		Span:     pipeline.Span{Start: i, End: j},
		Message:  fmt.Sprintf("%s (U+3000) in %s target", what, lang),
		Fixes:    []pipeline.Fix{fix},
	})
}
