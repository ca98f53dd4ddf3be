package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// EmptyTarget finds bilingual segments whose source has text and whose
// target has none.
var EmptyTarget = &pipeline.Check{
	Name: "empty-target",
	Doc: `empty-target finds segments whose source has text (a letter or a digit) and whose target is empty or holds only white space, invisible format characters and inline codes.

The category is accuracy/omission: everything the source says is missing from the translation. (MQM's accuracy/untranslated is for source text left in the target, which untranslated-segment and source-copied-fragment report; some tools call an empty target "untranslated" too.)

Severity major, except where the segment's workflow state says that it has not been translated yet: XLIFF 1.2 "new" and "needs-translation", XLIFF 2 "initial", and "untranslated". A blank target in a file that is still being translated is work to do, not an error of the translation, so those findings are neutral: they are listed, and never fail a run.

The finding points at the target (an empty span where the target is empty). Where the file has no target at all and the reader could not say where one would go, it points at the source instead. Monolingual segments (no source) are not checked.`,
	Category: pipeline.CategoryOmission,
	Severity: pipeline.Major,
	Run:      runEmptyTarget,
}

// untranslatedStates are the workflow states (pipeline.Segment.State) of
// segments not translated yet, lower case: XLIFF 1.2's "new" and
// "needs-translation", XLIFF 2.x's "initial", and "untranslated".
var untranslatedStates = map[string]bool{
	"new":               true,
	"needs-translation": true,
	"initial":           true,
	"untranslated":      true,
}

func runEmptyTarget(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if !hasWordChar(seg.Source) || !blankTarget(seg.Target) {
				continue
			}
			var what string
			switch {
			case seg.Target == "":
				what = "the target is empty"
			case strings.ContainsRune(seg.Target, pipeline.CodeRune):
				what = "the target holds only inline codes"
			case strings.IndexFunc(seg.Target, func(r rune) bool { return unicode.Is(unicode.Cf, r) }) >= 0:
				what = "the target holds only invisible characters"
			default:
				what = "the target holds only white space"
			}
			f := pipeline.Finding{
				Side:    pipeline.Target,
				Span:    pipeline.Span{Start: 0, End: len(seg.Target)},
				Message: fmt.Sprintf("no translation: %s where the source has “%s”", what, quoteShort(strings.TrimSpace(seg.Source), 60)),
			}
			if len(seg.TargetLoc.Anchors) == 0 && len(seg.SourceLoc.Anchors) > 0 {
				f.Side, f.Span = pipeline.Source, segTrimmedSpan(seg.Source)
			}
			if state := strings.ToLower(strings.TrimSpace(seg.State)); untranslatedStates[state] {
				f.Severity = pipeline.Neutral
				f.Message += fmt.Sprintf(" (state “%s”: not translated yet)", seg.State)
			}
			p.Report(d, i, f)
		}
	}
	return nil
}

// hasWordChar reports whether text has a letter or a digit.
func hasWordChar(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// blankTarget reports whether text holds nothing but white space,
// invisible format characters (zero-width space, byte order mark) and
// inline codes.
func blankTarget(text string) bool {
	if text != "" && text[0] > ' ' && text[0] < utf8.RuneSelf {
		return false // most texts: a printable ASCII character first
	}
	return strings.IndexFunc(text, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && r != pipeline.CodeRune
	}) < 0
}

// segTrimmedSpan returns the span of text without the white space at
// either end (all of text when it is only white space).
func segTrimmedSpan(text string) pipeline.Span {
	start := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	end := len(strings.TrimRightFunc(text, unicode.IsSpace))
	if start >= end {
		return pipeline.Span{Start: 0, End: len(text)}
	}
	return pipeline.Span{Start: start, End: end}
}

// quoteShort returns text for quoting in a message: at most max
// characters, cut at a space where one is near and ended with "…", with
// line breaks and inline codes shown as spaces.
func quoteShort(text string, max int) string {
	text = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' || r == pipeline.CodeRune {
			return ' '
		}
		return r
	}, text)
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	cut, n := 0, 0
	for i := range text {
		if n == max {
			cut = i
			break
		}
		n++
	}
	head := text[:cut]
	if sp := strings.LastIndexByte(head, ' '); sp > len(head)*2/3 {
		head = head[:sp]
	}
	return strings.TrimRight(head, " ") + "…"
}
