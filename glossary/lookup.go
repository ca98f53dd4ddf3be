package glossary

import (
	"slices"
	"strings"
)

// Lookup returns the concepts that have a term equal to term as the
// matcher compares them, in any language: after normalisation (case
// folding unless the glossary's term is case-sensitive, apostrophes,
// hyphens and white space, width), or as one of the term's English
// inflections ("allies" finds the concept of "ally"). The concepts are in
// the glossary's order, each once.
func (g *Glossary) Lookup(term string) []*Concept {
	var f finder
	f.kb.build(term, true)
	folded := string(f.kb.key)
	if folded == "" {
		return nil
	}
	var out []*Concept
	for ci := range g.Concepts {
		c := &g.Concepts[ci]
		for ti := range c.Terms {
			if f.lookupTerm(term, folded, &c.Terms[ti]) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// lookupTerm reports whether the whole of text (whose folded key is
// folded, built in f.kb) is the term t or one of its forms.
func (f *finder) lookupTerm(text, folded string, t *Term) bool {
	tf := keyOf(t.Text, true)
	if tf == "" || len(tf) > len(folded)+1 {
		return false
	}
	base, _ := t.Lang.Base()
	for _, fm := range forms(tf, keyOf(t.Text, false), base.String() == "en", isVerb(t.PartOfSpeech)) {
		rest, ok := strings.CutPrefix(folded, fm.key)
		if !ok || !slices.Contains(fm.suffixes, rest) {
			continue
		}
		if t.CaseSensitive && !f.exactMatch(text, &fm, 0) {
			continue
		}
		return true
	}
	return false
}
