package align

import (
	"math"
	"strings"
	"testing"
)

// FuzzAlign aligns arbitrary texts, one sentence a line, and checks the
// invariants of an alignment: the beads cover every sentence of both sides
// once, in order, with consecutive indexes and at most two sentences a
// side; the same input gives the same beads; and, for texts of up to five
// sentences, no other alignment is cheaper.
func FuzzAlign(f *testing.F) {
	f.Add(strings.Join(natoZh, "\n"), strings.Join(natoEn, "\n"), true, "北约=NATO")
	f.Add(strings.Join(natoZh, "\n"), strings.Join(natoEnSplit, "\n"), false, "")
	f.Add(strings.Join(without(natoZh, 2), "\n"), strings.Join(natoEnNote, "\n"), true, "第五条=Article 5|成员国=member state")
	f.Add("", "NATO", true, "")
	f.Add("二〇二〇年有三十个成员国\n\n１２３", "In 2020 there were 30 members.\n\xff\xfe", true, "=x|成员国=")
	f.Fuzz(func(t *testing.T, s, g string, anchors bool, terms string) {
		src, tgt := strings.Split(s, "\n"), strings.Split(g, "\n")
		if s == "" {
			src = nil
		}
		if g == "" {
			tgt = nil
		}
		if len(src) > 300 || len(tgt) > 300 {
			return
		}
		opt := Options{Anchors: anchors}
		for _, kv := range strings.Split(terms, "|") {
			if k, v, ok := strings.Cut(kv, "="); ok {
				opt.Terms = append(opt.Terms, [2]string{k, v})
			}
		}
		beads := Align(src, tgt, opt)
		checkCover(t, beads, len(src), len(tgt))
		if again := Align(src, tgt, opt); beadsString(again) != beadsString(beads) {
			t.Fatalf("Align is not deterministic:\n%s\n%s", beadsString(beads), beadsString(again))
		}
		if len(src) == 0 || len(tgt) == 0 || len(src) > 5 || len(tgt) > 5 {
			return
		}
		sc, tc := countAll(src), countAll(tgt)
		p := newProblemCounts(src, tgt, sc, tc, opt, chooseModel(sc, tc, opt))
		got := p.solve() // leaves p.lc.c as the last pass used it
		if beadsString(got) != beadsString(beads) {
			t.Fatalf("solve and Align differ:\n%s\n%s", beadsString(got), beadsString(beads))
		}
		cost, least := pathCost(p, got), bruteForce(p, p.n, p.m)
		if math.IsInf(cost, 0) || math.IsNaN(cost) || cost > least+1e-9 {
			t.Fatalf("alignment %s costs %v; the cheapest costs %v", beadsString(got), cost, least)
		}
	})
}
