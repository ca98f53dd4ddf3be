package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// DashSubstitute finds tildes written where English needs a dash.
var DashSubstitute = &pipeline.Check{
	Name: "dash-substitute",
	Doc: `dash-substitute finds a tilde (~, the full-width ～ or the wave dash 〜) used as a dash between words or for a range between numbers, in a target written in Latin script.

Chinese and Japanese writers type ～ for "to" in ranges and as a dash, and machine translation often keeps it: "capabilities ~ strategic lift, intelligence, advanced weapons systems ~ that others cannot easily replicate".

A tilde is a dash when it has a space on both sides, a word or a number before it and a word after it ("form ~ less certain"), or when it joins two words with no space ("capabilities~strategic"). The fix replaces the tilde alone with an em dash "—", so the spaces around it stay: spaced or closed, as the text had it. For two words joined with no space, a second fix offers an en dash, for ranges such as "Monday–Friday".

A tilde between two numbers ("5~10", "2016 ～ 2020", "5%~10%") marks a range, which English writes with an en dash and no spaces ("5–10") or with "to": the fixes offered (the second in English targets only).

Not reported: a tilde that means "approximately" ("~50", "about ~50 km"); one with a space on one side only; one in a path, URL, e-mail address or other token with "/", "\", "@" or "="; two or more tildes in a row (Markdown strikethrough, "~~~" fences); one at the start or end of a line; one between a word and a number with spaces around ("weighs ~ 5 kg" may mean approximately); one next to a letter of another script than Latin (that text is reported by mixed-script). A full-width tilde that is not a dash or a range is reported by cjk-punctuation instead, so no tilde is reported twice.`,
	Category: pipeline.CategoryPunctuation,
	Severity: pipeline.Minor,
	Run:      runDashSubstitute,
}

// tildeUse is what a tilde stands for where it is.
type tildeUse uint8

const (
	tildeOther tildeUse = iota // approximately, a path, markup, ...
	tildeDash                  // a dash between words
	tildeRange                 // a range between numbers
)

func isTilde(c rune) bool { return c == '~' || c == '～' || c == '〜' }

// tildeContext describes the text around a tilde at [i, j) of text.
type tildeContext struct {
	use              tildeUse
	closed           bool // no space on either side
	leftEnd, rightAt int  // the neighbouring non-space characters: ...leftEnd) and [rightAt...
}

// classifyTilde decides what the tilde at [i, j) of text is.
func classifyTilde(text string, i, j int) tildeContext {
	ctx := tildeContext{leftEnd: i, rightAt: j}
	// The characters right next to the tilde, and the next non-space ones.
	lEnd := i
	for lEnd > 0 {
		c, n := utf8.DecodeLastRuneInString(text[:lEnd])
		if c == '\n' || c == '\r' || !unicode.IsSpace(c) {
			break
		}
		lEnd -= n
	}
	rAt := j
	for rAt < len(text) {
		c, n := utf8.DecodeRuneInString(text[rAt:])
		if c == '\n' || c == '\r' || !unicode.IsSpace(c) {
			break
		}
		rAt += n
	}
	if lEnd == 0 || rAt == len(text) {
		return ctx // at the start or end of the text
	}
	l, _ := utf8.DecodeLastRuneInString(text[:lEnd])
	r, _ := utf8.DecodeRuneInString(text[rAt:])
	if l == '\n' || l == '\r' || r == '\n' || r == '\r' || isTilde(l) || isTilde(r) {
		return ctx
	}
	if pathLike(text, i, j) {
		return ctx
	}
	spacedL, spacedR := lEnd < i, rAt > j
	ctx.leftEnd, ctx.rightAt = lEnd, rAt
	ctx.closed = !spacedL && !spacedR
	if spacedL != spacedR {
		return ctx // "~word", "word ~word": approximately, or unclear
	}
	if numberEnd(text[:lEnd]) && unicode.IsDigit(r) {
		ctx.use = tildeRange
		return ctx
	}
	if langid.Of(l) != langid.Latin && !unicode.IsDigit(l) && !closing(l) || langid.Of(r) != langid.Latin && !opening(r) {
		return ctx // other scripts, symbols, or a number after a spaced tilde
	}
	if ctx.closed && (langid.Of(l) != langid.Latin || langid.Of(r) != langid.Latin) {
		return ctx // closed up, only between two letters
	}
	ctx.use = tildeDash
	return ctx
}

// numberEnd reports whether s ends with a digit, or a digit and a percent
// or per mille sign.
func numberEnd(s string) bool {
	c, n := utf8.DecodeLastRuneInString(s)
	if c == '%' || c == '‰' || c == '％' {
		c, _ = utf8.DecodeLastRuneInString(s[:len(s)-n])
	}
	return unicode.IsDigit(c)
}

func closing(c rune) bool { return strings.ContainsRune(`)]}"'”’`, c) }
func opening(c rune) bool { return strings.ContainsRune(`([{"'“‘`, c) }

// pathLike reports whether the tilde at [i, j) sits in a token (a stretch
// without spaces) that looks like a path, URL, address or code.
func pathLike(text string, i, j int) bool {
	start := strings.LastIndexFunc(text[:i], unicode.IsSpace) + 1
	end := strings.IndexFunc(text[j:], unicode.IsSpace)
	if end < 0 {
		end = len(text)
	} else {
		end += j
	}
	return strings.ContainsAny(text[start:end], `/\@=`)
}

func runDashSubstitute(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			text := seg.Target
			if asciiWithout(text, '~', '~', '~') {
				continue // no tilde of any kind
			}
			if !latinTarget(seg.TargetLang) {
				continue
			}
			base := factsOf(seg.TargetLang).base
			english := base == "en" || base == "und"
			for k, c := range text {
				if !isTilde(c) {
					continue
				}
				end := k + utf8.RuneLen(c)
				ctx := classifyTilde(text, k, end)
				span := pipeline.Span{Start: k, End: end}
				name := "tilde"
				if c != '~' {
					name = "full-width tilde"
					if c == '〜' {
						name = "wave dash"
					}
				}
				switch ctx.use {
				case tildeDash:
					fixes := []pipeline.Fix{pipeline.ReplaceFix("Replace with an em dash “—”", span, "—")}
					if ctx.closed {
						fixes = append(fixes, pipeline.ReplaceFix("Replace with an en dash “–”, for a range such as Monday–Friday", span, "–"))
					}
					p.Report(d, i, pipeline.Finding{
						Side:    pipeline.Target,
						Span:    span,
						Message: name + " “" + string(c) + "” used as a dash",
						Fixes:   fixes,
					})
				case tildeRange:
					whole := pipeline.Span{Start: ctx.leftEnd, End: ctx.rightAt}
					fixes := []pipeline.Fix{pipeline.ReplaceFix("Replace with an en dash “–”, closed up", whole, "–")}
					if english {
						fixes = append(fixes, pipeline.ReplaceFix("Replace with “to”", whole, " to "))
					}
					p.Report(d, i, pipeline.Finding{
						Side:    pipeline.Target,
						Span:    span,
						Message: name + " “" + string(c) + "” used for a range; a range takes an en dash with no spaces",
						Fixes:   fixes,
					})
				}
			}
		}
	}
	return nil
}
