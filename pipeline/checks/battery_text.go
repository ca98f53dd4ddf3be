package checks

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// This file holds what the checks of the classic bilingual battery
// (placeholders, inline-tags, urls-emails, brackets-quotes, whitespace,
// repeated-word) share: which segments to compare, language tests, and
// quoting for messages. Their helpers' names start with "bt" (battery), so
// that they do not collide with those of other checks in the package.

// btBothSides reports whether a segment has both a source and a target to
// compare. Bilingual checks skip segments without a source, and leave
// empty (or blank) targets to empty-target.
func btBothSides(seg *pipeline.Segment) bool {
	return seg.Source != "" && strings.TrimSpace(seg.Target) != ""
}

// btBaseLanguage returns the base language subtag of tag ("en", "fr"), or
// "" when the language is undetermined. (Tag.Base guesses "en" for und,
// which is not what the checks want.)
func btBaseLanguage(tag language.Tag) string {
	if tag == language.Und {
		return ""
	}
	if f := factsOf(tag); !f.noBase {
		return f.base
	}
	return ""
}

// btCJKLanguage reports whether tag is Chinese, Japanese or Korean.
func btCJKLanguage(tag language.Tag) bool {
	switch btBaseLanguage(tag) {
	case "zh", "ja", "ko", "yue", "wuu", "cmn":
		return true
	}
	return false
}

// btRuneBefore returns the rune that ends at byte i of text, or -1 at the
// start; btRuneAt returns the rune at i, or -1 at the end.
func btRuneBefore(text string, i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

func btRuneAt(text string, i int) rune {
	if i >= len(text) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// btHSpace reports whether r is horizontal white space: a space, a tab,
// or one of the Unicode spaces (no-break, thin, ideographic ...), but not
// a line break.
func btHSpace(r rune) bool {
	return r != '\n' && r != '\r' && r != '\v' && r != '\f' && r != 0x85 && r != 0x2028 && r != 0x2029 && unicode.IsSpace(r)
}

// btTimes returns "once", "twice", "3 times".
func btTimes(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

// btQuote puts s between the curly quotes that messages use.
func btQuote(s string) string { return "“" + s + "”" }

// btSeverity returns def unless the check's severity is configured, in
// which case the configured one applies to all its findings.
func btSeverity(p *pipeline.Pass, def pipeline.Severity) pipeline.Severity {
	if btConfigured(p) {
		return p.Severity()
	}
	return def
}

// btConfigured reports whether the configuration sets the check's
// severity.
func btConfigured(p *pipeline.Pass) bool {
	_, ok := p.Config.Severity[p.Check.Name]
	return ok
}
