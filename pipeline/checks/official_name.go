package checks

import (
	"cmp"
	"fmt"
	"slices"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
)

// OfficialName finds names in English targets that come close to an
// official name of the glossaries without being it.
var OfficialName = &pipeline.Check{
	Name: "official-name",
	Doc: `official-name finds names in the target that come close to an official name of the glossary without being it: "Untrustworthy Organization Act" for the "Not A Trusted Organization Act", "Supreme Allied Commander of Europe" for the "Supreme Allied Commander Europe", "NATO Intelligence Center" for the "NATO Intelligence Fusion Centre". Such drift is typical of text translated into another language and back.

Official names are the glossary terms of type appellation (TBX termType "appellation"): the names of bodies, commands, agencies, posts, treaties, laws, documents and operations. The check compares them with the candidate names of English targets (and targets of undetermined language): runs of capitalised words, joined by spaces or hyphens and by up to two lower-case connectors (of, the, for, and, ...), and every stretch of two or more content words of such a run that starts and ends with a capitalised word (or ends with a number), does not stop right before a capitalised head noun ("Central Military" is not taken from "Central Military Commission"), has "and" only when the official name has it ("Party Secretary and Vice General Manager" holds two names), and starts with a function word (The, A) only when the official name does. A candidate is compared only with names that have the same head noun, the last word of a list such as Act, Treaty, Council, Committee, Command, Centre, Agency, Headquarters, Strategy, Concept or Declaration, or else the last word: "Special Operations Center" is never a "Special Operations Headquarters".

Words are compared lower-cased, without possessive endings or accents, with British and American spellings made equal (Centre and Center), and with weights: 1 for a content word, 0.3 for a function word (of, the, a, not). Two words are equal, differ only by a plural s (0.9), share a stem (five letters or more that make at least 60% of the shorter word: 0.7), or one is a negative form of a "not" and a word of the other ("untrustworthy" and "not trusted": 0.8); an acronym in one agrees with the initials of two or more words of the other ("NATO Act" and "Not A Trusted Organization Act": 0.9). The similarity is the mean of a token-set similarity (the weight of the words matched on both sides, in any order, over the weight of all words) and a token edit similarity (one minus the weighted edit distance between the word sequences, over the same total), so that a change of word order ("General Secretary" for "Secretary General") costs. Numbers must agree: "Article 51" is never "Article 5".

A candidate is reported when its similarity reaches the threshold (configuration OfficialNameThreshold; default 0.8) and none of these holds: it has fewer than two content words, or fewer than two of them match words of the name (the head noun alone is no evidence); it is a term of the glossary (an exact official name, an admitted variant, or a deprecated one, which term-deprecated reports), or differs from one only in spelling (Organisation, Center: spelling-profile's, and the glossary's deprecated variants'); a glossary term found in the target covers its head noun or names the same concept inside it ("SHAPE Headquarters"); two concepts fit it equally well; or it is a part of the official name that lacks words at its start or its end ("Atlantic Council" for "North Atlantic Council", "Allied Command" for "Allied Command Operations") or keeps fewer than three content words ("Hague Declaration" for "The Hague Summit Declaration"), which is most often a more general name or another body: the Atlantic Council is a think tank, the Hague Declarations are of 1899 and 1907. Names that the glossaries do not know are never reported.

With a source: when a source term names an official name (北大西洋理事会) and the target has no term of that concept, a candidate close to it is reported with both names in the message, at a threshold 0.2 lower, also when it is a part of the name ("Atlantic Council"), and one severity step higher.

The finding points at the candidate in the target (without a possessive ending), category terminology/inappropriate, severity minor; the fix writes the official name. Candidates are taken best first, and one that overlaps a better one is dropped: "NATO Intelligence Center and the Supreme Allied Commander of Europe" gives two findings, one for each name.`,
	Category: pipeline.CategoryTermWrong,
	Severity: pipeline.Minor,
	Run:      runOfficialName,
}

// defaultOfficialNameThreshold is the similarity from which a candidate is
// reported when the configuration does not set one.
const defaultOfficialNameThreshold = 0.8

// sourceBackedDiscount lowers the threshold for a concept that the source
// names and the target lacks.
const sourceBackedDiscount = 0.2

func runOfficialName(p *pipeline.Pass) error {
	threshold := p.Config.OfficialNameThreshold
	switch {
	case threshold == 0:
		threshold = defaultOfficialNameThreshold
	case threshold < 0 || threshold > 1:
		return fmt.Errorf("official-name: threshold %g is not in (0, 1]", threshold)
	}
	if len(p.Config.Glossaries) == 0 {
		return nil
	}
	sev := p.Severity()
	var idx *nameIndex
	var idxLang language.Tag // the language idx is for
	var runner nameRunner    // its buffers serve every segment
	for d, doc := range p.Docs {
		var tgt, src [][]glossary.Match // computed at the first segment that needs them
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if !englishTarget(seg.TargetLang) {
				continue
			}
			lang := seg.TargetLang
			if lang == language.Und {
				lang = language.English
			}
			if idx == nil || lang != idxLang {
				idx, idxLang = officialNames(p, lang), lang
			}
			if len(idx.byHead) == 0 {
				continue
			}
			runs := runner.nameRuns(seg.Target)
			if len(runs) == 0 {
				continue
			}
			if tgt == nil {
				tgt, src = targetTerms(p, d), sourceTerms(p, d)
			}
			backed := sourceBacked(seg, src[i], tgt[i])
			for _, run := range runs {
				for _, c := range nameCandidates(run, idx, tgt[i], backed, threshold) {
					if !(pipeline.Span{Start: c.start, End: c.end}).Valid(seg.Target) {
						continue // next to a stray byte of invalid UTF-8
					}
					p.Report(d, i, officialNameFinding(seg, c, sev))
				}
			}
		}
	}
	return nil
}

// officialNameFinding builds the finding of candidate c in seg.
func officialNameFinding(seg *pipeline.Segment, c nameCandidate, sev pipeline.Severity) pipeline.Finding {
	span := pipeline.Span{Start: c.start, End: c.end}
	found := seg.Target[c.start:c.end]
	official := c.form.official.Text
	kind := c.form.concept.Subject
	if kind == "" {
		kind = "official name"
	}
	f := pipeline.Finding{
		Side:     pipeline.Target,
		Span:     span,
		Severity: sev,
		Fixes:    []pipeline.Fix{pipeline.ReplaceFix(fmt.Sprintf("Replace with “%s”", official), span, official)},
	}
	if c.source != nil {
		if f.Severity < pipeline.Critical {
			f.Severity++
		}
		f.Message = fmt.Sprintf("the source names “%s”, whose official English name is “%s” (%s, %s); the target has “%s” instead (similarity %.2f)",
			seg.Source[c.source.Start:c.source.End], official, kind, glossaryName(c.form.glossary), found, c.score)
		return f
	}
	if c.form.term != c.form.official {
		f.Message = fmt.Sprintf("“%s” is close to “%s” (%s), and the official name is “%s” (%s, %s; similarity %.2f): write the official name",
			found, c.form.term.Text, c.form.term.Status, official, kind, glossaryName(c.form.glossary), c.score)
		return f
	}
	f.Message = fmt.Sprintf("“%s” is close to the official name “%s” (%s, %s; similarity %.2f) but is not it: write the official name",
		found, official, kind, glossaryName(c.form.glossary), c.score)
	return f
}

// sourceBacked returns the concepts with an official name that the source
// names (by its first term in the source) and the target has no term of.
func sourceBacked(seg *pipeline.Segment, src, tgt []glossary.Match) map[*glossary.Concept]*glossary.Match {
	if seg.Source == "" || len(src) == 0 {
		return nil
	}
	var out map[*glossary.Concept]*glossary.Match
	for k := range src {
		m := &src[k]
		if !m.Concept.HasAppellation() || slices.ContainsFunc(tgt, func(t glossary.Match) bool { return t.Concept == m.Concept }) {
			continue
		}
		if out == nil {
			out = map[*glossary.Concept]*glossary.Match{}
		}
		if out[m.Concept] == nil {
			out[m.Concept] = m
		}
	}
	return out
}

// nameCandidate is a stretch of a run of capitalised words compared with
// one form of an official name.
type nameCandidate struct {
	start, end int // the span in the target, without a possessive ending
	form       *nameForm
	score      float64
	source     *glossary.Match // the source term that names the concept, if any
}

// nameCandidates returns the candidates of run that are reported, in
// text order, none overlapping another (see OfficialName's documentation
// for the rules).
func nameCandidates(run []nameToken, idx *nameIndex, tgt []glossary.Match, backed map[*glossary.Concept]*glossary.Match, threshold float64) []nameCandidate {
	var cands []nameCandidate
	for s := range run {
		if !run[s].capital {
			continue
		}
		for e := s + 1; e < len(run) && e-s < idx.maxLen+3; e++ {
			if !run[e].capital && !run[e].number {
				continue
			}
			if e+1 < len(run) && run[e+1].capital && nameHeads[run[e+1].key] {
				continue // cuts a name before its head noun: "Central Military" of "Central Military Commission"
			}
			win := run[s : e+1]
			if contentWords(win) < 2 {
				continue
			}
			h := headOf(win)
			forms := idx.byHead[win[h].key]
			if len(forms) == 0 || covered(tgt, win[h].start, win[h].end) {
				continue
			}
			start, end := win[0].start, win[len(win)-1].stemEnd
			for _, f := range forms {
				if hasKey(win, "and") && !hasKey(f.tokens, "and") {
					continue // two names joined by "and"
				}
				if win[0].function && win[0].key != f.tokens[0].key {
					continue // "The" starts the sentence, not the name (as it does "The Hague Summit Declaration")
				}
				if sameKeys(win, f.tokens) || namesConcept(tgt, start, end, f.concept) || !numbersAgree(win, f.tokens) {
					continue
				}
				score, edgeCut, shared := nameSimilarity(win, f.tokens)
				if shared < 2 {
					continue // the head noun alone is no evidence
				}
				src := backed[f.concept]
				th := threshold
				if src != nil {
					th = max(threshold-sourceBackedDiscount, 0.5)
				} else if edgeCut {
					continue
				}
				if score < th {
					continue
				}
				cands = append(cands, nameCandidate{start: start, end: end, form: f, score: score, source: src})
			}
		}
	}
	// Best first: source-backed, then by score, then the longer span,
	// then the earlier one, then the glossary's order.
	slices.SortStableFunc(cands, func(a, b nameCandidate) int {
		return cmp.Or(
			cmp.Compare(boolInt(b.source != nil), boolInt(a.source != nil)),
			cmp.Compare(b.score, a.score),
			cmp.Compare(b.end-b.start, a.end-a.start),
			cmp.Compare(a.start, b.start),
			cmp.Compare(a.form.rank, b.form.rank),
		)
	})
	// Take the best candidate, drop those that overlap it, and so on; a
	// candidate that another concept fits about as well is not reported.
	var out, taken []nameCandidate
	for _, best := range cands {
		if slices.ContainsFunc(taken, func(o nameCandidate) bool { return o.start < best.end && best.start < o.end }) {
			continue
		}
		taken = append(taken, best) // an ambiguous stretch blocks the weaker candidates over it too
		ambiguous := slices.ContainsFunc(cands, func(c nameCandidate) bool {
			return c.form.concept != best.form.concept && c.start < best.end && best.start < c.end &&
				(c.source != nil) == (best.source != nil) && best.score-c.score < 0.02
		})
		if !ambiguous {
			out = append(out, best)
		}
	}
	slices.SortFunc(out, func(a, b nameCandidate) int { return cmp.Compare(a.start, b.start) })
	return out
}

// contentWords counts the words of toks that are not function words.
func contentWords(toks []nameToken) int {
	n := 0
	for i := range toks {
		if !toks[i].function {
			n++
		}
	}
	return n
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// covered reports whether a glossary match covers the byte range
// [start, end).
func covered(ms []glossary.Match, start, end int) bool {
	for _, m := range ms {
		if m.Start <= start && end <= m.End {
			return true
		}
	}
	return false
}

// namesConcept reports whether a glossary match of concept c lies inside
// [start, end).
func namesConcept(ms []glossary.Match, start, end int, c *glossary.Concept) bool {
	for _, m := range ms {
		if m.Concept == c && start <= m.Start && m.End <= end {
			return true
		}
	}
	return false
}

func hasKey(toks []nameToken, key string) bool {
	return slices.ContainsFunc(toks, func(t nameToken) bool { return t.key == key })
}

func sameKeys(win []nameToken, name []nameToken) bool {
	return slices.EqualFunc(win, name, func(a, b nameToken) bool { return a.key == b.key })
}

// numbersAgree reports whether win and name have the same numbers, when
// both have some.
func numbersAgree(win, name []nameToken) bool {
	var a, b []string
	for _, t := range win {
		if t.number {
			a = append(a, t.key)
		}
	}
	for _, t := range name {
		if t.number {
			b = append(b, t.key)
		}
	}
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// nameForm is one English term of a concept with an official name,
// tokenised for comparison.
type nameForm struct {
	glossary *glossary.Glossary
	concept  *glossary.Concept
	term     *glossary.Term
	official *glossary.Term // the concept's official English name
	tokens   []nameToken
	rank     int // order in the glossaries
}

// nameIndex holds the official-name forms of a run's glossaries by the key
// of their head noun.
type nameIndex struct {
	byHead map[string][]*nameForm
	maxLen int // tokens of the longest form
}

// officialNamesKey is the Config.Memo key of officialNames.
type officialNamesKey struct{ lang language.Base }

// officialNames returns the index of the official names in lang's base
// language, built once per run.
func officialNames(p *pipeline.Pass, lang language.Tag) *nameIndex {
	base, _ := lang.Base()
	return p.Config.Memo(officialNamesKey{base}, func() any {
		return buildNameIndex(p.Config.Glossaries, language.Make(base.String()))
	}).(*nameIndex)
}

// buildNameIndex indexes every term but acronyms, in lang, of the concepts
// that have an official name in lang.
func buildNameIndex(gs []*glossary.Glossary, lang language.Tag) *nameIndex {
	idx := &nameIndex{byHead: map[string][]*nameForm{}}
	rank := 0
	for _, g := range gs {
		for ci := range g.Concepts {
			c := &g.Concepts[ci]
			official, ok := c.OfficialName(lang)
			if !ok {
				continue
			}
			for _, t := range c.TermsIn(lang) {
				rank++
				if t.Type == glossary.Acronym {
					continue
				}
				toks := nameTokens(t.Text)
				if len(toks) < 2 {
					continue
				}
				f := &nameForm{glossary: g, concept: c, term: t, official: official, tokens: toks, rank: rank}
				h := toks[headOf(toks)].key
				idx.byHead[h] = append(idx.byHead[h], f)
				idx.maxLen = max(idx.maxLen, len(toks))
			}
		}
	}
	return idx
}
