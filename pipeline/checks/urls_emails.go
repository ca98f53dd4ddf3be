package checks

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/internal/links"
	"github.com/tqa-project/tqa/pipeline"
)

// URLsEmails finds URLs and e-mail addresses of the source that the target
// lost or changed, and those that the target adds.
var URLsEmails = &pipeline.Check{
	Name: "urls-emails",
	Doc: `urls-emails finds URLs and e-mail addresses of a segment's source that its target lacks or spells differently, and those that the target adds.

Links are found as the corpus readers find them: "scheme://...", "www.host...", "host.tld/path", and "local@host.tld" addresses, without trailing punctuation or unbalanced closing brackets. Two links are the same when they are equal after the scheme "http://" or "https://", a trailing slash and the case of the scheme, host and e-mail address are set aside: "https://www.nato.int/" in the source and "www.nato.int" in the target are the same link.

A source link that the target does not have is reported on the source (major), unless the target holds it in a form that is not a link ("nato.int" for "https://nato.int/"). When the target has a link that differs from a missing one, it is reported on the target as changed (major), with a fix that restores the source's, where both have the same host, or where exactly one link of the source and one of the target are left unmatched. A changed link that differs only in a language code ("/en/" and "/zh/", "lang=en", "en.wikipedia.org") may be the localised page and is reported as minor, asking to check that the page exists. A link of the target that the source does not have is reported as added: minor where the source has links of its own, neutral where it has none, since translators give a site's address for its name (one of the two human translations of the WMT20 Chinese–English news test set writes "中新网" as "www.chinanews.com"), while machine translation also invents links.

Segments without a source, and empty targets, are not checked.`,
	Category: pipeline.CategoryMistranslation,
	Severity: pipeline.Major,
	NonProse: true,
	Run:      runURLsEmails,
}

// linkRef is one link found in a text.
type linkRef struct {
	span  pipeline.Span
	text  string // as written
	norm  string // compared form
	host  string // the host of a URL or the domain of an address, lower case
	email bool
}

func linksIn(text string) []linkRef {
	var out []linkRef
	for _, sp := range links.Find(text) {
		out = append(out, newLinkRef(text, sp))
	}
	return out
}

func newLinkRef(text string, sp pipeline.Span) linkRef {
	l := linkRef{span: sp, text: text[sp.Start:sp.End]}
	s := l.text
	if at := strings.IndexByte(s, '@'); at > 0 && !strings.Contains(s, "/") {
		l.email = true
		s = asciiLower(strings.TrimPrefix(asciiLower(s), "mailto:"))
		l.norm, l.host = s, s[strings.IndexByte(s, '@')+1:]
		return l
	}
	lower := asciiLower(s)
	for _, scheme := range []string{"https://", "http://"} {
		if strings.HasPrefix(lower, scheme) {
			s, lower = s[len(scheme):], lower[len(scheme):]
			break
		}
	}
	hostEnd := strings.IndexAny(s, "/?#")
	if hostEnd < 0 {
		hostEnd = len(s)
	}
	l.host = lower[:hostEnd]
	l.norm = strings.TrimSuffix(l.host+s[hostEnd:], "/")
	if k := strings.Index(lower, "://"); k >= 0 && k < hostEnd {
		// another scheme (ftp://host): keep it, lower case
		l.host = lower[k+3 : hostEnd]
		l.norm = strings.TrimSuffix(lower[:hostEnd]+s[hostEnd:], "/")
	}
	return l
}

func runURLsEmails(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if !btBothSides(seg) {
				continue
			}
			src, tgt := linksIn(seg.Source), linksIn(seg.Target)
			if len(src) == 0 && len(tgt) == 0 {
				continue
			}
			compareLinks(p, d, i, seg, src, tgt)
		}
	}
	return nil
}

func compareLinks(p *pipeline.Pass, d, i int, seg *pipeline.Segment, src, tgt []linkRef) {
	major, minor := btSeverity(p, p.Severity()), btSeverity(p, pipeline.Minor)
	sUsed, tUsed := make([]bool, len(src)), make([]bool, len(tgt))
	for k, s := range src {
		for j, t := range tgt {
			if !tUsed[j] && s.norm == t.norm {
				sUsed[k], tUsed[j] = true, true
				break
			}
		}
	}
	// A source link still present in another form is not missing.
	lowerTarget := asciiLower(seg.Target)
	for k, s := range src {
		if !sUsed[k] && containsOutside(lowerTarget, asciiLower(s.norm), tgt) {
			sUsed[k] = true
		}
	}
	altered := func(k, j int) {
		s, t := src[k], tgt[j]
		sUsed[k], tUsed[j] = true, true
		if from, to, ok := languageSwap(s.norm, t.norm); ok {
			p.Report(d, i, pipeline.Finding{
				Side: pipeline.Target, Severity: minor, Span: t.span,
				Message: fmt.Sprintf("link %s differs from the source’s %s only in its language (%s → %s); check that the page exists in that language",
					btQuote(t.text), btQuote(s.text), btQuote(from), btQuote(to)),
			})
			return
		}
		p.Report(d, i, pipeline.Finding{
			Side: pipeline.Target, Severity: major, Span: t.span,
			Message: fmt.Sprintf("%s %s differs from the source’s %s", linkNoun(t), btQuote(t.text), btQuote(s.text)),
			Fixes:   []pipeline.Fix{pipeline.ReplaceFix("Replace with "+btQuote(s.text), t.span, s.text)},
		})
	}
	// Pair what is left: a language swap, then the same host, then the
	// last one of each side.
	for _, same := range []func(s, t linkRef) bool{
		func(s, t linkRef) bool { _, _, ok := languageSwap(s.norm, t.norm); return ok },
		func(s, t linkRef) bool { return s.email == t.email && s.host == t.host },
	} {
		for k, s := range src {
			if sUsed[k] {
				continue
			}
			for j, t := range tgt {
				if !tUsed[j] && same(s, t) {
					altered(k, j)
					break
				}
			}
		}
	}
	if k, j := onlyUnused(sUsed), onlyUnused(tUsed); k >= 0 && j >= 0 && src[k].email == tgt[j].email {
		altered(k, j)
	}
	for k, s := range src {
		if !sUsed[k] {
			p.Report(d, i, pipeline.Finding{
				Side: pipeline.Source, Severity: major, Span: s.span, Category: pipeline.CategoryOmission,
				Message: fmt.Sprintf("%s %s of the source is missing from the target", linkNoun(s), btQuote(s.text)),
			})
		}
	}
	added := minor
	if len(src) == 0 && !btConfigured(p) {
		added = pipeline.Neutral // likely a site's name given as its address
	}
	for j, t := range tgt {
		if !tUsed[j] {
			p.Report(d, i, pipeline.Finding{
				Side: pipeline.Target, Severity: added, Span: t.span, Category: pipeline.CategoryAddition,
				Message: fmt.Sprintf("%s %s is not in the source", linkNoun(t), btQuote(t.text)),
			})
		}
	}
}

// containsOutside reports whether text holds sub somewhere outside the
// spans of links.
func containsOutside(text, sub string, links []linkRef) bool {
	for from := 0; ; {
		k := strings.Index(text[from:], sub)
		if k < 0 {
			return false
		}
		at := pipeline.Span{Start: from + k, End: from + k + len(sub)}
		inside := false
		for _, l := range links {
			if l.span.Overlaps(at) {
				inside = true
				break
			}
		}
		if !inside {
			return true
		}
		from = at.Start + 1
	}
}

func linkNoun(l linkRef) string {
	if l.email {
		return "e-mail address"
	}
	return "link"
}

// onlyUnused returns the index of the one false value in used, or -1
// when there are none or several.
func onlyUnused(used []bool) int {
	found := -1
	for k, u := range used {
		if !u {
			if found >= 0 {
				return -1
			}
			found = k
		}
	}
	return found
}

// languageSwap reports whether two normalised URLs differ only in parts
// that are language tags ("en", "zh-cn", "pt_BR"), and returns the first
// such pair.
func languageSwap(a, b string) (from, to string, ok bool) {
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("/?&=.#", r) })
	}
	as, bs := split(a), split(b)
	if len(as) != len(bs) || a == b {
		return "", "", false
	}
	for k := range as {
		if as[k] == bs[k] {
			continue
		}
		if !languagePart(as[k]) || !languagePart(bs[k]) {
			return "", "", false
		}
		if from == "" {
			from, to = as[k], bs[k]
		}
	}
	return from, to, from != ""
}

// languagePart reports whether a part of a URL is a language tag: a
// two-letter ISO 639-1 code, optionally with a region or script subtag
// after "-" or "_", that golang.org/x/text/language knows.
func languagePart(s string) bool {
	if len(s) < 2 || !btAlpha(s[0]) || !btAlpha(s[1]) || len(s) > 2 && s[2] != '-' && s[2] != '_' || len(s) > 10 {
		return false
	}
	base, err := language.ParseBase(asciiLower(s[:2]))
	if err != nil || base.String() != asciiLower(s[:2]) {
		return false
	}
	if len(s) > 2 {
		if _, err := language.Parse(strings.ReplaceAll(s, "_", "-")); err != nil {
			return false
		}
	}
	return true
}

// asciiLower lower-cases the ASCII letters of s and keeps its length, so
// that offsets into it are offsets into s.
func asciiLower(s string) string {
	for k := 0; k < len(s); k++ {
		if c := s[k]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := k; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
