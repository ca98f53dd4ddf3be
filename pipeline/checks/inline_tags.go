package checks

import (
	"fmt"
	"slices"

	"github.com/tqa-project/tqa/pipeline"
)

// InlineTags finds inline codes (XLIFF and TMX tags) of the source that
// the target lost, added, changed, or nested wrongly.
var InlineTags = &pipeline.Check{
	Name: "inline-tags",
	Doc: `inline-tags finds inline codes of a segment's source that are missing from its target, codes that the target adds, codes whose kind or element changed, and codes whose order in the target breaks their nesting.

Inline codes are the formatting and placeholders that bilingual formats keep as markup inside the text: XLIFF <g>, <x/>, <bx/>, <ex/>, <ph>, <bpt>, <ept>, <it>, <pc>, <sc>, <ec>, <mrk>; TMX <bpt>, <ept>, <ph>, <it>, <hi>. The readers put one object replacement character (U+FFFC) in the text for each and describe it in the segment's code lists, so a finding points at that character.

A target code pairs with the source code of the same id and kind (open, close or standalone); codes without an id pair by element and kind, in order. A source code with no partner is missing (major, on the source); a target code with no partner is added (major, with a fix that removes it). A code whose id pairs but whose kind or element differs (a <bpt> where the source has a <g>, a standalone code where the source opens one) is reported as changed (minor).

Codes may move: word order changes in translation, and so does the place of bold text. Order is reported only when it breaks nesting in the target while the source nests the same codes properly: a closing code before its opening code (major), or two pairs that cross, such as <b><i></b></i> (major). An opening and a closing code pair when they share an id (XLIFF 1.2 <g>, <bpt>/<ept>; an XLIFF 2 <ec> whose id is its startRef); codes without ids pair as nested tags do.

Segments without a source, and empty targets, are not checked.`,
	Category: pipeline.CategoryMarkup,
	Severity: pipeline.Major,
	Run:      runInlineTags,
}

func runInlineTags(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if !btBothSides(seg) || len(seg.SourceCodes) == 0 && len(seg.TargetCodes) == 0 {
				continue
			}
			compareCodes(p, d, i, seg)
		}
	}
	return nil
}

// describeCode names a code for messages: its markup when the reader kept
// it, otherwise its kind, element and id.
func describeCode(c pipeline.Code) string {
	if c.Data != "" {
		return btQuote(c.Data)
	}
	s := c.Kind.String()
	if c.Type != "" {
		s += " <" + c.Type + ">"
	}
	if c.ID != "" {
		s += " id " + btQuote(c.ID)
	}
	return s + " code"
}

// matchCodes pairs the target's codes with the source's. It returns, for
// each target code, the index of its source partner or -1; and for each
// source code whether a target code took it.
func matchCodes(src, tgt []pipeline.Code) (partner []int, taken []bool) {
	partner = make([]int, len(tgt))
	for k := range partner {
		partner[k] = -1
	}
	taken = make([]bool, len(src))
	pass := func(same func(s, t pipeline.Code) bool) {
		for k, t := range tgt {
			if partner[k] >= 0 {
				continue
			}
			for j, s := range src {
				if !taken[j] && same(s, t) {
					partner[k], taken[j] = j, true
					break
				}
			}
		}
	}
	// By id and kind, then by id alone (a changed code), then codes
	// without ids by element and kind.
	pass(func(s, t pipeline.Code) bool { return t.ID != "" && s.ID == t.ID && s.Kind == t.Kind })
	pass(func(s, t pipeline.Code) bool { return t.ID != "" && s.ID == t.ID })
	pass(func(s, t pipeline.Code) bool { return t.ID == "" && s.ID == "" && s.Type == t.Type && s.Kind == t.Kind })
	return partner, taken
}

// pairCodes pairs each open code of one side with the close code that
// ends it: the next close with the same id (or, without ids, the nearest
// close, as tags nest), and returns for each code the index of its
// partner or -1. before[k] is set on a close code whose open code comes
// after it.
func pairCodes(codes []pipeline.Code) (mate []int, before []bool) {
	mate = make([]int, len(codes))
	for k := range mate {
		mate[k] = -1
	}
	before = make([]bool, len(codes))
	var stack []int // open codes without an id
	for k, c := range codes {
		switch c.Kind {
		case pipeline.Open:
			if c.ID == "" {
				stack = append(stack, k)
			}
		case pipeline.Close:
			if c.ID == "" {
				if n := len(stack); n > 0 {
					mate[k], mate[stack[n-1]] = stack[n-1], k
					stack = stack[:n-1]
				}
				continue
			}
			for j := 0; j < k; j++ {
				if codes[j].Kind == pipeline.Open && codes[j].ID == c.ID && mate[j] < 0 {
					mate[k], mate[j] = j, k
					break
				}
			}
			if mate[k] < 0 {
				for j := k + 1; j < len(codes); j++ {
					if codes[j].Kind == pipeline.Open && codes[j].ID == c.ID && mate[j] < 0 {
						mate[k], mate[j] = j, k
						before[k] = true
						break
					}
				}
			}
		}
	}
	return mate, before
}

func compareCodes(p *pipeline.Pass, d, i int, seg *pipeline.Segment) {
	src, tgt := seg.SourceCodes, seg.TargetCodes
	major, minor := btSeverity(p, p.Severity()), btSeverity(p, pipeline.Minor)
	partner, taken := matchCodes(src, tgt)
	for j, s := range src {
		if !taken[j] {
			p.Report(d, i, pipeline.Finding{
				Side: pipeline.Source, Severity: major, Span: s.Span,
				Message: fmt.Sprintf("inline code %s of the source is missing from the target", describeCode(s)),
			})
		}
	}
	for k, t := range tgt {
		j := partner[k]
		switch {
		case j < 0:
			p.Report(d, i, pipeline.Finding{
				Side: pipeline.Target, Severity: major, Span: t.Span,
				Message: fmt.Sprintf("inline code %s is not in the source", describeCode(t)),
				Fixes:   []pipeline.Fix{{Message: "Remove the code", Edits: []pipeline.Edit{{Span: t.Span}}}},
			})
		case src[j].Kind != t.Kind || src[j].Type != t.Type:
			p.Report(d, i, pipeline.Finding{
				Side: pipeline.Target, Severity: minor, Span: t.Span,
				Message: fmt.Sprintf("inline code %s is %s where the source has %s", describeCode(t), codeShape(t), codeShape(src[j])),
			})
		}
	}
	checkNesting(p, d, i, src, tgt, partner, major)
}

// codeShape names a code's kind and element, with an article: "an open
// <g>", "a standalone code".
func codeShape(c pipeline.Code) string {
	s := "a "
	if c.Kind == pipeline.Open {
		s = "an "
	}
	s += c.Kind.String()
	if c.Type == "" {
		return s + " code"
	}
	return s + " <" + c.Type + ">"
}

// checkNesting reports target pairs of codes whose order breaks nesting
// where the source's same codes nest properly.
func checkNesting(p *pipeline.Pass, d, i int, src, tgt []pipeline.Code, partner []int, sev pipeline.Severity) {
	sMate, sBefore := pairCodes(src)
	tMate, tBefore := pairCodes(tgt)
	// wellFormedInSource reports whether target pair (o, c) matches a
	// source pair in the right order.
	sourcePair := func(o, c int) (int, int, bool) {
		so, sc := partner[o], partner[c]
		if so < 0 || sc < 0 || sMate[so] != sc || sBefore[sc] || src[so].Kind != pipeline.Open {
			return 0, 0, false
		}
		return so, sc, true
	}
	reported := map[int]bool{}
	for c, t := range tgt {
		if t.Kind != pipeline.Close {
			continue
		}
		if tMate[c] < 0 {
			// Without an opening code: report it if the source's closes one.
			if sc := partner[c]; sc >= 0 && sMate[sc] >= 0 && !sBefore[sc] && src[sc].Kind == pipeline.Close {
				if so := sMate[sc]; so >= 0 && slices.Index(partner, so) >= 0 {
					reported[c] = true
					p.Report(d, i, pipeline.Finding{
						Side: pipeline.Target, Severity: sev, Span: t.Span,
						Message: fmt.Sprintf("closing code %s closes nothing: its opening code comes after it", describeCode(t)),
					})
				}
			}
			continue
		}
		if !tBefore[c] {
			continue
		}
		if _, _, ok := sourcePair(tMate[c], c); ok {
			reported[c] = true
			p.Report(d, i, pipeline.Finding{
				Side: pipeline.Target, Severity: sev, Span: t.Span,
				Message: fmt.Sprintf("closing code %s comes before the code it closes, %s", describeCode(t), describeCode(tgt[tMate[c]])),
			})
		}
	}
	// Crossing pairs: a opens, b opens inside it, a closes before b does.
	for ao, a := range tgt {
		ac := tMate[ao]
		if a.Kind != pipeline.Open || ac < 0 || ac < ao || reported[ac] {
			continue
		}
		for bo := ao + 1; bo < ac; bo++ {
			bc := tMate[bo]
			if tgt[bo].Kind != pipeline.Open || bc <= ac || reported[bc] {
				continue
			}
			sao, sac, okA := sourcePair(ao, ac)
			sbo, sbc, okB := sourcePair(bo, bc)
			if !okA || !okB {
				continue
			}
			if sao < sbo && sbo < sac && sac < sbc || sbo < sao && sao < sbc && sbc < sac {
				continue // they cross in the source too
			}
			reported[ac] = true
			p.Report(d, i, pipeline.Finding{
				Side: pipeline.Target, Severity: sev, Span: tgt[ac].Span,
				Message: fmt.Sprintf("closing code %s ends %s while %s, opened inside it, is still open: the pairs cross",
					describeCode(tgt[ac]), describeCode(a), describeCode(tgt[bo])),
			})
			break
		}
	}
}
