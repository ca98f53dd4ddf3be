package checks

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
)

// TermConsistency finds two allowed terms of one concept used side by side.
var TermConsistency = &pipeline.Check{
	Name: "term-consistency",
	Doc: `Finds a concept named by two different allowed terms in one document or one run.

When the glossary admits several terms for one concept ("North Atlantic
Treaty" and "Washington Treaty"), a text should keep to one. Within a
document, the variant to keep is the preferred term if the document uses
it, else the most frequent (then the first used); every occurrence of
another variant is reported. Across documents, a document that keeps to
one variant but not to the variant most documents of the run use is
reported once, at its first occurrence.

Full forms and their acronyms or short forms are not variants of each
other: "NATO" after "North Atlantic Treaty Organization" is normal usage.
Nor is a term that contains another whole ("NATO Secretary General" and
"Secretary General"): the longer one is the same name made explicit.
Nor are terms of different parts of speech: the adjective "American" and
the name "United States" are both allowed for one country concept, and a
text uses each where it fits. Deprecated terms are term-deprecated's business and are ignored here.`,
	Category: pipeline.CategoryTermInconsist,
	Severity: pipeline.Minor,
	Scope:    pipeline.RunScope,
	Run:      runTermConsistency,
}

// termUse is one occurrence of an allowed term: the match m of segment
// seg of document doc.
type termUse struct {
	doc, seg int
	m        *glossary.Match
}

// variantKey groups the terms that compete: one concept, one language,
// one form class (full forms, or shortenings) and one part of speech.
// Terms of different parts of speech do not compete: "American companies"
// next to "the United States" is not a second name for the country.
type variantKey struct {
	concept *glossary.Concept
	lang    string
	short   bool
	pos     string // part of speech, lower-cased as given ("" when none)
}

// partOfSpeech returns t's part of speech in lower case, trimmed.
func partOfSpeech(t *glossary.Term) string {
	return strings.ToLower(strings.TrimSpace(t.PartOfSpeech))
}

func isShortForm(t glossary.TermType) bool {
	return t == glossary.Acronym || t == glossary.Abbreviation || t == glossary.ShortForm
}

func runTermConsistency(p *pipeline.Pass) error {
	// keys are the variant keys in order of first use across the run;
	// termKey maps a term to its key's index there (computed once a term).
	var keys []variantKey
	keyIndex := map[variantKey]int{}
	termKey := map[*glossary.Term]int{}
	// docUses[doc][key index] lists the occurrences in document order.
	docUses := make([][][]termUse, len(p.Docs))
	for d, doc := range p.Docs {
		terms := targetTerms(p, d)
		for i := range doc.Segments {
			for j := range terms[i] {
				m := &terms[i][j]
				if !m.Term.Status.Allowed() {
					continue
				}
				ki, ok := termKey[m.Term]
				if !ok {
					base, _ := m.Term.Lang.Base()
					k := variantKey{m.Concept, base.String(), isShortForm(m.Term.Type), partOfSpeech(m.Term)}
					if ki, ok = keyIndex[k]; !ok {
						ki = len(keys)
						keyIndex[k] = ki
						keys = append(keys, k)
					}
					termKey[m.Term] = ki
				}
				for len(docUses[d]) <= ki {
					docUses[d] = append(docUses[d], nil)
				}
				docUses[d][ki] = append(docUses[d][ki], termUse{d, i, m})
			}
		}
	}
	uses := func(d, ki int) []termUse {
		if ki < len(docUses[d]) {
			return docUses[d][ki]
		}
		return nil
	}
	for ki := range keys {
		// Within each document.
		runCount := map[*glossary.Term]int{}
		var runOrder []*glossary.Term
		var consistentDocs []int
		for d := range p.Docs {
			uses := uses(d, ki)
			if len(uses) == 0 {
				continue
			}
			keep, counts, order := dominant(uses)
			for _, t := range order {
				if runCount[t] == 0 {
					runOrder = append(runOrder, t)
				}
				runCount[t] += counts[t]
			}
			if len(counts) == 1 {
				consistentDocs = append(consistentDocs, d)
				continue
			}
			for _, u := range uses {
				if u.m.Term == keep || nested(u.m.Term, keep) {
					continue
				}
				reportVariant(p, u, keep, fmt.Sprintf("this document also uses “%s” (%d×)", keep.Text, counts[keep]))
			}
		}
		// Across documents: documents that keep to a variant other than the
		// run's.
		if len(runOrder) < 2 || len(consistentDocs) < 1 {
			continue
		}
		slices.SortStableFunc(runOrder, func(a, b *glossary.Term) int {
			return cmp.Or(-cmp.Compare(runCount[a], runCount[b]), cmp.Compare(a.Status, b.Status))
		})
		keep := runOrder[0]
		for _, d := range consistentDocs {
			u := docUses[d][ki][0]
			if u.m.Term == keep || nested(u.m.Term, keep) {
				continue
			}
			reportVariant(p, u, keep, fmt.Sprintf("other documents of this run use “%s” (%d×)", keep.Text, runCount[keep]))
		}
	}
	return nil
}

// nested reports whether one term's text contains the other's as whole
// words, ignoring case: "NATO Secretary General" and "Secretary General".
func nested(a, b *glossary.Term) bool {
	x, y := " "+strings.ToLower(a.Text)+" ", " "+strings.ToLower(b.Text)+" "
	return strings.Contains(x, y) || strings.Contains(y, x)
}

// dominant returns the variant to keep among uses, the count of each, and
// the variants in order of first use.
func dominant(uses []termUse) (*glossary.Term, map[*glossary.Term]int, []*glossary.Term) {
	counts := map[*glossary.Term]int{}
	var order []*glossary.Term
	for _, u := range uses {
		if counts[u.m.Term] == 0 {
			order = append(order, u.m.Term)
		}
		counts[u.m.Term]++
	}
	for _, t := range order {
		if t.Status == glossary.Preferred {
			return t, counts, order
		}
	}
	keep := order[0]
	for _, t := range order[1:] {
		if counts[t] > counts[keep] {
			keep = t
		}
	}
	return keep, counts, order
}

func reportVariant(p *pipeline.Pass, u termUse, keep *glossary.Term, why string) {
	seg := &p.Docs[u.doc].Segments[u.seg]
	matched := seg.Target[u.m.Start:u.m.End]
	span := pipeline.Span{Start: u.m.Start, End: u.m.End}
	repl := replacementFor(matched, u.m.Term, keep)
	p.Report(u.doc, u.seg, pipeline.Finding{
		Side: pipeline.Target,
		Span: span,
		Message: fmt.Sprintf("“%s” and “%s” name the same concept (%s, %s): %s; keep to one",
			matched, keep.Text, glossaryName(u.m.Glossary), u.m.Concept.ID, why),
		Fixes: []pipeline.Fix{pipeline.ReplaceFix(fmt.Sprintf("Replace with “%s”", repl), span, repl)},
	})
}
