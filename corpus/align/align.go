package align

import (
	"golang.org/x/text/language"
)

// Bead is one step of an alignment: consecutive sentences of the source
// and the consecutive sentences of the target that translate them, as
// indexes into the slices given to Align. One side may be empty: a source
// sentence left untranslated (1-0) or a target sentence with no source
// (0-1).
type Bead struct {
	Source, Target []int
}

// Options tune Align. The zero value aligns by length alone, with the
// length model chosen from the text.
type Options struct {
	// SourceLang and TargetLang are the languages of the two texts. They
	// choose the variance of the length model (see the package
	// documentation) and the languages of Terms; language.Und lets Align
	// decide from the text.
	SourceLang, TargetLang language.Tag

	// Anchors lowers the cost of beads whose two sides share numbers,
	// Latin-script names and acronyms, or the terms of Terms, and raises a
	// little the cost of beads where one side has such an anchor that the
	// other lacks.
	Anchors bool

	// Terms are pairs (source term, target term), as from a glossary; a
	// pair anchors a bead when its source term occurs on the source side
	// and its target term on the target side. Used only with Anchors.
	Terms [][2]string
}

// Align aligns the sentences src of a text with the sentences tgt of its
// translation. The beads it returns are in text order and cover every
// index of src and of tgt exactly once; the indexes within one side of a
// bead are consecutive. Each bead joins at most two sentences of a side:
// beads are 1-1, 1-0, 0-1, 2-1, 1-2 or 2-2.
//
// Align never fails: texts that are not translations of each other still
// get an alignment, only a meaningless one. Its cost is linear in the
// number of sentences for texts that are translations; see the package
// documentation for the band that bounds it.
func Align(src, tgt []string, opt Options) []Bead {
	if len(src) == 0 || len(tgt) == 0 {
		return unaligned(len(src), len(tgt))
	}
	sc, tc := countAll(src), countAll(tgt)
	p := newProblemCounts(src, tgt, sc, tc, opt, chooseModel(sc, tc, opt))
	return p.solve()
}

// unaligned returns the beads of a pair of texts one of which is empty.
func unaligned(n, m int) []Bead {
	beads := make([]Bead, 0, n+m)
	for i := range n {
		beads = append(beads, Bead{Source: []int{i}})
	}
	for j := range m {
		beads = append(beads, Bead{Target: []int{j}})
	}
	return beads
}
