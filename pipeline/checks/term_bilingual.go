package checks

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// TermBilingual finds glossary terms of the source whose translation the
// glossary prescribes but the target does not use.
var TermBilingual = &pipeline.Check{
	Name: "term-bilingual",
	Doc: `term-bilingual finds glossary terms in the source whose prescribed translation is missing from the target: 北大西洋理事会 calls for "North Atlantic Council", 集体防御 for "collective defence", 北约 for "NATO" or "North Atlantic Treaty Organization".

A term of the source's language, of any status, names a concept; the concept's preferred and admitted terms in the target's language are its allowed translations. The target must contain one of them, as the glossary matcher finds terms (case folded unless the term is case-sensitive, English inflections of the last word: "North Atlantic Councils", "NATO's"), also inside a longer term of another concept ("NATO" in "NATO Headquarters"). A concept with no allowed term in the target language asks for nothing.

Besides the matcher's inflections, a target word counts when it starts with the last word of an allowed term that makes at least half of it, memoQ's default "50% prefix" term matching ("Japanese" has "Japan", "Serbian" "Serbia", "USA" "US"), also where the final a, e or y of that word gives way to the suffix ("Canadian", "Italian", "German"); and an acronym may be written with full stops ("U.S." for "US"). A Chinese term directly followed by 人 (but not 人员, personnel), 语 or a final 文 is part of a word for its people or its language (美国人 "Americans", 西班牙语 "Spanish") and asks for nothing. Adjectives that English spells apart from the name ("American", "British", "French", "Dutch") are not found this way; the built-in NATO glossary lists them, and the nouns for the people that the matcher's inflections do not produce ("Dane", "Frenchmen"), as admitted terms of their countries, with the part of speech "adjective" or "noun" (country names are "properNoun"). Any allowed term satisfies the check, whatever its part of speech, but a source term asks only for target terms of its own part of speech (or of none given): the source adjective "American" asks nothing of a French target whose glossary lists only "États-Unis", and the message for 美国 names "United States" and "US", the target's names of the country. "America", "the States" and "England" (for 英国) are not listed, so they are still reported.

When the target has a deprecated or superseded term of the same concept instead ("collective defense"), term-deprecated reports it, with its fix, and this check stays silent; so it does when the source term itself was copied into a target whose language does not use its script (source-copied-fragment reports that). A concept is reported once per segment, at its first term in the source, whatever the number of its terms there.

The finding points at the source term (side source), with the allowed translations in the message; there is no automatic fix, since only a translator knows where the term goes. Category terminology/inappropriate, severity major. Segments without a source or with an empty target are not checked, nor segments whose source language has no terms in the glossaries, nor targets that untranslated-segment reports as untranslated as a whole.`,
	Category: pipeline.CategoryTermWrong,
	Severity: pipeline.Major,
	Run:      runTermBilingual,
}

func runTermBilingual(p *pipeline.Pass) error {
	if len(p.Config.Glossaries) == 0 {
		return nil
	}
	for d, doc := range p.Docs {
		src := sourceTerms(p, d)
		tgt := targetTerms(p, d)
		whole := untranslatedTargets(p, d)
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if len(src[i]) == 0 || blankTarget(seg.Target) || whole[i].why != translated {
				continue // nothing to ask for, or untranslated-segment's
			}
			var done []*glossary.Concept
			for _, m := range src[i] {
				c := m.Concept
				if containsConcept(done, c) || namesPeople(seg.Source, m) {
					continue
				}
				if term := seg.Source[m.Start:m.End]; foreignTo(term, seg.TargetLang) && strings.Contains(seg.Target, term) {
					continue // copied untranslated: source-copied-fragment's
				}
				allowed := allowedTerms(c, seg.TargetLang)
				named := samePartOfSpeech(allowed, m.Term)
				if len(allowed) > 0 && len(named) == 0 {
					continue // "American" asks nothing of a French target without adjectives
				}
				done = append(done, c)
				if len(allowed) == 0 || conceptInTarget(p, d, seg, c, tgt[i]) {
					continue
				}
				p.Report(d, i, pipeline.Finding{
					Side: pipeline.Source,
					Span: pipeline.Span{Start: m.Start, End: m.End},
					Message: fmt.Sprintf("the %s translates “%s” as %s; the target has %s",
						glossaryName(m.Glossary), seg.Source[m.Start:m.End], quoteAlternatives(named), noneOf(len(named))),
				})
			}
		}
	}
	return nil
}

// samePartOfSpeech returns the terms of allowed whose part of speech is
// src's, or that have none; all of allowed when src has none. A source
// adjective ("American") thus asks only for target adjectives, and a
// country name (美国) is reported with the target's names of the country,
// although its adjective ("American") also satisfies the check.
func samePartOfSpeech(allowed []*glossary.Term, src *glossary.Term) []*glossary.Term {
	pos := partOfSpeech(src)
	if pos == "" {
		return allowed
	}
	var out []*glossary.Term
	for _, t := range allowed {
		if p := partOfSpeech(t); p == "" || p == pos {
			out = append(out, t)
		}
	}
	return out
}

// foreignTo reports whether text has a letter in a script that lang is
// not written in, Latin excepted (as in mixed-script).
func foreignTo(text string, lang language.Tag) bool {
	native := scriptsFor(lang)
	if native.IsEmpty() {
		return false
	}
	for _, r := range text {
		if s := langid.Of(r); s.IsLetter() && s != langid.Latin && !native.Has(s) {
			return true
		}
	}
	return false
}

// namesPeople reports whether the Chinese term m of source is the first
// part of a word for its people or its language: followed by 人 (person)
// but not 人员 (personnel), by 语 (language), or by 文 (written
// language) at the end of a word, not as in 文件 (document). 美国人 is
// "Americans", 西班牙语 "Spanish": English has words of their own for
// them, which a glossary of names does not list.
func namesPeople(source string, m glossary.Match) bool {
	if factsOf(m.Term.Lang).base != "zh" {
		return false
	}
	rest := source[m.End:]
	next, n := utf8.DecodeRuneInString(rest)
	after, _ := utf8.DecodeRuneInString(rest[n:])
	switch next {
	case '人':
		return after != '员' && after != '員'
	case '语', '語':
		return true
	case '文':
		return langid.Of(after) != langid.Han
	}
	return false
}

func containsConcept(list []*glossary.Concept, c *glossary.Concept) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

// allowedTerms returns the preferred, then the admitted, terms of c in
// lang.
func allowedTerms(c *glossary.Concept, lang language.Tag) []*glossary.Term {
	var pref, adm []*glossary.Term
	for _, t := range c.TermsIn(lang) {
		switch t.Status {
		case glossary.Preferred:
			pref = append(pref, t)
		case glossary.Admitted:
			adm = append(adm, t)
		}
	}
	return append(pref, adm...)
}

// conceptInTarget reports whether the target of seg has a term of concept
// c, of any status: an allowed one satisfies term-bilingual, and a
// deprecated one is term-deprecated's to report. matches are the target's
// glossary matches; where none is of c, the target is searched for c's
// terms alone, which finds them inside longer terms of other concepts and
// in the same concept given by another glossary.
func conceptInTarget(p *pipeline.Pass, d int, seg *pipeline.Segment, c *glossary.Concept, matches []glossary.Match) bool {
	for _, m := range matches {
		if m.Concept == c {
			return true
		}
	}
	if len(conceptMatcher(p, d, c, seg.TargetLang).Find(seg.Target)) > 0 {
		return true
	}
	for _, t := range c.TermsIn(seg.TargetLang) {
		if t.Status.Allowed() && (prefixMatch(seg.Target, t) || dottedMatch(seg.Target, t)) {
			return true
		}
	}
	return false
}

// prefixMatch reports whether text has term t with a suffix on its last
// word that at most doubles that word, memoQ's default "50% prefix" term
// matching: "Japan" in "Japanese", "Serbia" in "Serbian", "US" in "USA",
// but not "man" in "maneuver"; the final a, e or y of that word may give
// way to the suffix ("Canadian", "Italian", "German"). The other words of the term must be there
// as they are, in order; case is folded unless t is case-sensitive. Terms
// whose last word is in a script written without spaces are not matched
// this way.
func prefixMatch(text string, t *glossary.Term) bool {
	fold := func(s string) string {
		if t.CaseSensitive {
			return s
		}
		return strings.ToLower(s)
	}
	want := strings.FieldsFunc(fold(t.Text), notWordRune)
	if len(want) == 0 {
		return false
	}
	last := want[len(want)-1]
	if r, _ := utf8.DecodeRuneInString(last); isCJKScript(langid.Of(r)) {
		return false
	}
	words := strings.FieldsFunc(fold(text), notWordRune)
	n := len(want)
	for i := 0; i+n <= len(words); i++ {
		if !slices.Equal(words[i:i+n-1], want[:n-1]) {
			continue
		}
		w := words[i+n-1]
		if hasStem(w, last) {
			return true
		}
		// English drops a final a, e or y before a suffix: Canada,
		// Canadian; Italy, Italian; Germany, German.
		if stem, ok := cutFinalVowel(last); ok && hasStem(w, stem) {
			return true
		}
	}
	return false
}

// hasStem reports whether word starts with stem and stem is at least half
// of it.
func hasStem(word, stem string) bool {
	return strings.HasPrefix(word, stem) && 2*utf8.RuneCountInString(stem) >= utf8.RuneCountInString(word)
}

// cutFinalVowel returns word without its final a, e or y, when at least
// four letters remain.
func cutFinalVowel(word string) (string, bool) {
	if utf8.RuneCountInString(word) < 5 {
		return "", false
	}
	switch word[len(word)-1] {
	case 'a', 'e', 'y':
		return word[:len(word)-1], true
	}
	return "", false
}

func notWordRune(r rune) bool { return !isWordRune(r) }

// dottedMatch reports whether text has term t, an acronym of two to five
// capital letters, written with full stops: "U.S." or "U.S" for "US".
func dottedMatch(text string, t *glossary.Term) bool {
	if n := utf8.RuneCountInString(t.Text); n < 2 || n > 5 || !isAcronym(t.Text) || strings.IndexFunc(t.Text, notWordRune) >= 0 {
		return false
	}
	var b strings.Builder
	for i, r := range t.Text {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	dotted := b.String()
	for from := 0; ; {
		i := strings.Index(text[from:], dotted)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(dotted)
		if end < len(text) && text[end] == '.' {
			end++
		}
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (start == 0 || !isWordRune(before)) && (end == len(text) || !isWordRune(after)) {
			return true
		}
		from = start + 1
	}
}

// conceptMatcherKey is the Pass.Memo key of conceptMatcher.
type conceptMatcherKey struct {
	c    *glossary.Concept
	lang language.Base
}

// conceptMatcher returns a matcher of the terms of c alone in lang, built
// once per document.
func conceptMatcher(p *pipeline.Pass, d int, c *glossary.Concept, lang language.Tag) *glossary.Matcher {
	base, _ := lang.Base()
	return p.Memo(d, conceptMatcherKey{c, base}, func() any {
		g := &glossary.Glossary{Concepts: []glossary.Concept{*c}}
		return glossary.NewMatcher(language.Make(base.String()), g)
	}).(*glossary.Matcher)
}

// noneOf says that the target has none of n alternatives.
func noneOf(n int) string {
	switch n {
	case 1:
		return "no such term"
	case 2:
		return "neither"
	}
	return "none of them"
}

// quoteAlternatives quotes terms for a message: “a”, “b” or “c”.
func quoteAlternatives(terms []*glossary.Term) string {
	q := make([]string, len(terms))
	for i, t := range terms {
		q[i] = "“" + t.Text + "”"
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
