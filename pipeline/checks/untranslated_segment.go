package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/width"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// UntranslatedSegment finds targets left untranslated as a whole: a copy of
// the source, or text mostly in the source's script.
var UntranslatedSegment = &pipeline.Check{
	Name: "untranslated-segment",
	Doc: `untranslated-segment finds targets left untranslated as a whole: the source copied into the target, or a target written mostly in the source's script where the target language does not use it (a mostly Chinese target of a Chinese–English segment).

A target is a copy of its source when the two have the same letters and digits, ignoring case, width (ＮＡＴＯ is NATO), white space, punctuation and inline codes. Copies that are normal in a translation are not reported: text without letters (numbers, dates, punctuation); text whose words are at most two once acronyms (NATO, KFOR) and code-like tokens (file names, identifiers, URLs, words mixing letters and digits or written in camelCase) are left out, such as the names "Brussels" or "Jens Stoltenberg" and loanwords such as "taxi"; and text that lies wholly in the segment's non-prose spans. These exceptions only apply to text in a script the target language is written in (Latin counts for every language, as in mixed-script): a Chinese word copied into an English target is always reported.

A target is mostly in the source's script when its letters in scripts that the target language does not use (as mixed-script decides it), and that the source uses, outweigh the others two to one, each Chinese, Japanese or Korean character counting as 3.27 letters (as in length-ratio): "这是中文 text" is, "The 北大西洋 alliance" is not (mixed-script reports its fragment).

Segments whose source and target languages are known to be the same (en-US to en-GB), segments without a source and empty targets (see empty-target) are not checked. The finding spans the whole target, category accuracy/untranslated, severity major, one step more in a heading (up to critical), as in mixed-script. A target reported here is not reported again by mixed-script or source-copied-fragment, whose findings would only repeat it piece by piece.`,
	Category: pipeline.CategoryUntranslated,
	Severity: pipeline.Major,
	Run:      runUntranslatedSegment,
}

// untranslatedWhy says whether, and why, a target is untranslated as a whole.
type untranslatedWhy uint8

const (
	translated     untranslatedWhy = iota
	sameAsSource                   // a copy of the source
	inSourceScript                 // mostly in the source's script
)

// untranslatedVerdict is untranslated-segment's judgement of one target.
type untranslatedVerdict struct {
	why    untranslatedWhy
	script langid.Script // the source's script, for inSourceScript
}

// untranslatedKey is the Pass.Memo key of untranslatedTargets.
type untranslatedKey struct{}

// untranslatedTargets returns untranslated-segment's verdict on every
// target of document d; mixed-script and source-copied-fragment use it to
// stay silent on targets that untranslated-segment reports as a whole.
func untranslatedTargets(p *pipeline.Pass, d int) []untranslatedVerdict {
	return p.Memo(d, untranslatedKey{}, func() any {
		segs := p.Docs[d].Segments
		runs := targetScriptRuns(p, d)
		out := make([]untranslatedVerdict, len(segs))
		for i := range segs {
			out[i] = judgeUntranslated(&segs[i], runs.of(i))
		}
		return out
	}).([]untranslatedVerdict)
}

func runUntranslatedSegment(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		verdicts := untranslatedTargets(p, d)
		for i, v := range verdicts {
			if v.why == translated {
				continue
			}
			seg := &doc.Segments[i]
			lang := languageName(seg.TargetLang)
			var msg string
			switch v.why {
			case sameAsSource:
				msg = fmt.Sprintf("target is a copy of the source, not translated into %s: “%s”", lang, quoteShort(strings.TrimSpace(seg.Target), 60))
			case inSourceScript:
				msg = fmt.Sprintf("target mostly in %s, the script of the source: not translated into %s", v.script.Label(), lang)
			}
			p.Report(d, i, pipeline.Finding{
				Severity: raiseInHeading(p.Severity(), seg.Kind),
				Side:     pipeline.Target,
				Span:     segTrimmedSpan(seg.Target),
				Message:  msg,
			})
		}
	}
	return nil
}

// judgeUntranslated decides whether seg's target is untranslated as a
// whole; runs are the script runs of the target.
func judgeUntranslated(seg *pipeline.Segment, runs []langid.Run) untranslatedVerdict {
	if !seg.Bilingual() || blankTarget(seg.Target) || sameLanguage(seg.SourceLang, seg.TargetLang) {
		return untranslatedVerdict{}
	}
	native := scriptsFor(seg.TargetLang)
	if native.IsEmpty() {
		return untranslatedVerdict{} // a script tqa does not know: nothing is foreign for sure
	}
	if allNativeRuns(runs, native) {
		// No letter is foreign (classifyRuns): only a copy of the
		// source can be untranslated, as below.
		if sameCopyKey(seg.Target, seg.Source) && proseWords(seg.Target) > 2 && !allSkipped(seg.Target, seg.TargetSkip) {
			return untranslatedVerdict{why: sameAsSource}
		}
		return untranslatedVerdict{}
	}
	kinds := classifyRuns(seg.Target, runs, native, native.Has(langid.Latin), nil)
	inSource := sourceScripts(seg.Source)
	var foreign, other float64
	script, most := langid.Common, 0.0
	var perScript map[langid.Script]float64
	for k, r := range runs {
		if !r.Script.IsLetter() || kinds[k] == runSymbol {
			continue
		}
		n := scriptUnits(seg.Target, r, seg.TargetSkip)
		if kinds[k] != runForeign || !inSource.Has(r.Script) {
			other += n
			continue
		}
		foreign += n
		if perScript == nil {
			perScript = map[langid.Script]float64{}
		}
		perScript[r.Script] += n
		if perScript[r.Script] > most {
			script, most = r.Script, perScript[r.Script]
		}
	}
	if sameCopyKey(seg.Target, seg.Source) {
		// A copy of text in the source's script is never a name the
		// target language shares.
		if foreign > 0 || proseWords(seg.Target) > 2 && !allSkipped(seg.Target, seg.TargetSkip) {
			return untranslatedVerdict{why: sameAsSource}
		}
		return untranslatedVerdict{}
	}
	if foreign > 2*other {
		return untranslatedVerdict{why: inSourceScript, script: script}
	}
	return untranslatedVerdict{}
}

// allNativeRuns reports whether classifyRuns finds every run of runs
// native to a language written in the scripts native: Common, Latin or
// one of native.
func allNativeRuns(runs []langid.Run, native langid.Set) bool {
	for _, r := range runs {
		if s := r.Script; s != langid.Common && s != langid.Latin && !native.Has(s) {
			return false
		}
	}
	return true
}

// sameLanguage reports whether a and b have the same base language; an
// undetermined language is the same as none.
func sameLanguage(a, b language.Tag) bool {
	if undetermined(a) || undetermined(b) {
		return false
	}
	return factsOf(a).base == factsOf(b).base
}

// sourceScripts returns the letter scripts of text.
func sourceScripts(text string) langid.Set {
	var set langid.Set
	langid.Scan(text, func(r langid.Run) bool {
		if r.Script.IsLetter() {
			set = unionScripts(set, langid.SetOf(r.Script))
		}
		return true
	})
	return set
}

func unionScripts(a, b langid.Set) langid.Set {
	for i := range a {
		a[i] |= b[i]
	}
	return a
}

// scriptUnits measures run r of text outside skip in letter units, as the
// length model does: each letter one, each Chinese, Japanese or Korean
// character cjkWeight.
func scriptUnits(text string, r langid.Run, skip []pipeline.Span) float64 {
	w := 1.0
	if isCJKScript(r.Script) {
		w = cjkWeight
	}
	n := 0.0
	for i, c := range text[r.Start:r.End] {
		if unicode.IsLetter(c) && !inSkipSpans(skip, r.Start+i) {
			n += w
		}
	}
	return n
}

func inSkipSpans(spans []pipeline.Span, i int) bool {
	for _, s := range spans {
		if s.Start <= i && i < s.End {
			return true
		}
	}
	return false
}

// copyKey returns the letters and digits of text, case- and width-folded:
// two texts with the same key differ only in case, width, white space,
// punctuation, symbols and inline codes.
func copyKey(text string) string {
	var b strings.Builder
	for i := 0; ; {
		r, next := nextKeyRune(text, i)
		if r < 0 {
			return b.String()
		}
		b.WriteRune(r)
		i = next
	}
}

// sameCopyKey reports whether a and b have the same copyKey and it holds a
// letter, without building the keys.
func sameCopyKey(a, b string) bool {
	letter := false
	for i, j := 0, 0; ; {
		ra, ni := nextKeyRune(a, i)
		rb, nj := nextKeyRune(b, j)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return letter
		}
		letter = letter || unicode.IsLetter(ra)
		i, j = ni, nj
	}
}

// nextKeyRune returns the next rune of text's copyKey from byte i on, and
// the offset after it; -1 at the end.
func nextKeyRune(text string, i int) (rune, int) {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				return rune(c), i
			case 'A' <= c && c <= 'Z':
				return rune(c + 'a' - 'A'), i
			}
			continue
		}
		r, n := decodeRune3(text, i)
		i += n
		if cjkUnifiedFirst <= r && r <= cjkUnifiedLast {
			// A Han letter: no width to fold, no case
			// (TestNextKeyRuneHan), without the look-ups.
			return r, i
		}
		if f := width.LookupRune(r).Folded(); f != 0 {
			r = f
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			return unicode.ToLower(r), i
		}
	}
	return -1, i
}

func keyHasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// allSkipped reports whether every letter and digit of text lies in one
// of the non-prose spans skip.
func allSkipped(text string, skip []pipeline.Span) bool {
	if len(skip) == 0 {
		return false
	}
	for i, c := range text {
		if (unicode.IsLetter(c) || unicode.IsDigit(c)) && !inSkipSpans(skip, i) {
			return false
		}
	}
	return true
}

// proseWords counts the words of text that could need translating: the
// white-space separated tokens with a letter, except acronyms and
// code-like tokens (see isCodeLike).
func proseWords(text string) int {
	n := 0
	for _, tok := range strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == pipeline.CodeRune }) {
		tok = strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if !keyHasLetter(tok) || isAcronym(tok) || isCodeLike(tok) {
			continue
		}
		n++
	}
	return n
}

// isAcronym reports whether tok is written in capitals: two or more
// letters, none of them lower case (NATO, KFOR, U.S).
func isAcronym(tok string) bool {
	letters := 0
	for _, c := range tok {
		if unicode.IsLower(c) {
			return false
		}
		if unicode.IsLetter(c) {
			letters++
		}
	}
	return letters >= 2
}

// isCodeLike reports whether tok looks like code, a name of a file or a
// product rather than a word: it holds one of / \ _ @ { } < > = # $ % | ~ ^
// * [ ], mixes letters and digits (MP3, v2), or has a capital after a
// small letter (iPhone, JavaScript).
func isCodeLike(tok string) bool {
	if strings.ContainsAny(tok, `/\_@{}<>=#$%|~^*[]`) {
		return true
	}
	var letter, digit bool
	prevLower := false
	for _, c := range tok {
		switch {
		case unicode.IsDigit(c):
			digit = true
		case unicode.IsLetter(c):
			letter = true
			if prevLower && unicode.IsUpper(c) {
				return true
			}
		}
		prevLower = unicode.IsLower(c)
	}
	return letter && digit
}
