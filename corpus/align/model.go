package align

import (
	"math"

	"golang.org/x/text/language"
)

// The Chinese-English length model, fitted by TestFit (fit_test.go) on
// 2026-11-22 on the professional human translations (systems Human-A.0
// and Human-B.0) of the WMT20 newstest2020 zh-en MQM data
// (shared/data/mqm_zhen_newstest2020.tsv): 4,000 segment translations
// (3,997 distinct rows) in 310 documents, 155 news articles each
// translated by both translators; 178 English characters a sentence on
// average.
//
//   - cjkWeight: one Han, Kana or Hangul character counts as this many other
//     characters. Fitted so that the total lengths of the two sides are
//     equal: (ΣEnglish - ΣChinese non-CJK) / ΣChinese CJK, white space not
//     counted. The same fit on the 29,155 Tatoeba pairs
//     (shared/data/tatoeba_cmn_eng.tsv), short everyday sentences, gives
//     2.85: the ratio depends on the register, which is why Align also
//     re-estimates c for each pair of texts (see refineLength). Japanese
//     and Korean use the Chinese weight; it was not fitted for them.
//   - cjkVariance: the variance s2 of the length difference per unit of
//     length, with c taken for each document as Align takes it from a
//     correct first alignment (see refineLength). Under the model
//     d²/(s2*m) is chi-squared with one degree of freedom; s2 is fitted at
//     the 99th percentile, Q99(d²/m) / Q99(χ²₁), because Align's choices
//     between a 1-1 bead and a merge are made in the tail, and real length
//     differences have a heavier tail than the normal: the median fit
//     gives 3.19 and the maximum-likelihood fit 3.88, and with the median
//     fit Align recovers fewer 1-1 beads (bench/README.md).
const (
	cjkWeight   = 3.905
	cjkVariance = 5.103
)

// gcVariance is Gale and Church's variance for pairs of European languages
// (s² = 6.8, estimated on the Union Bank of Switzerland reports in
// English, French and German). Their lengths count white space; ours do
// not, which makes English lengths about 15% shorter (spaces are 15.2% of
// the characters of the MQM English above, 16.7% of Tatoeba's); the value
// is used as published, not refitted, for lack of European parallel data
// here.
const gcVariance = 6.8

// model is the set of parameters of one alignment.
type model struct {
	weight float64 // length of one CJK character, in other characters
	s2     float64 // variance of the length difference per unit of length
	omit   bool    // 1-0 and 0-1 beads pay the length cost of match(l, 0)
	refine bool    // re-estimate c from a first alignment's 1-1 beads
}

// Prior probabilities of the bead types, from Gale and Church (1993),
// Table 5, estimated on their hand-aligned sample of the Union Bank of
// Switzerland reports (English, French, German). As in the program of the
// paper's appendix, the probability of a category ("1-0 or 0-1", "2-1 or
// 1-2") is charged to each of its two bead types.
const (
	prob11 = 0.89
	prob10 = 0.0099
	prob21 = 0.089
	prob22 = 0.011
)

// newProblem measures the sentences and sets up the programme.
func newProblem(src, tgt []string, opt Options, md model) *problem {
	return newProblemCounts(src, tgt, countAll(src), countAll(tgt), opt, md)
}

// newProblemCounts sets up the programme for texts whose characters are
// counted.
func newProblemCounts(src, tgt []string, sc, tc []counts, opt Options, md model) *problem {
	p := &problem{n: len(src), m: len(tgt), omit: md.omit, refine: md.refine}
	p.cs = prefixLengths(sc, md.weight)
	p.ct = prefixLengths(tc, md.weight)
	p.lc = lengthCost{c: 1, s2: md.s2}
	for k, mv := range moves {
		var pr float64
		switch {
		case mv.di == 1 && mv.dj == 1:
			pr = prob11
		case mv.di == 0 || mv.dj == 0:
			pr = prob10
		case mv.di == 2 && mv.dj == 2:
			pr = prob22
		default:
			pr = prob21
		}
		p.prior[k] = -math.Log(pr)
	}
	if opt.Anchors {
		p.anch = newAnchors(src, tgt, opt)
	}
	return p
}

// c, the expected target length per unit of source length, is 1 in a
// first alignment: the fit makes it so. The register moves it, though
// (Tatoeba's everyday sentences have c = 0.74 under the news fit), so
// Align re-estimates c from the 1-1 beads of that first alignment, which
// omissions and merges do not bias, as the ratio of their total lengths,
// each plus refineLength (as if there were refineLength more characters on
// each side at ratio 1, so that a short text keeps c near 1), and aligns
// again with it when it moved by 0.01 or more. refineLength was chosen
// among 100, 300 and 1000 in trials on the accuracy evaluation
// (bench/README.md). Taking c from the texts' total lengths instead did
// about as well there, but one long omitted passage biases it. c stays
// within [minC, maxC].
const (
	refineLength = 300
	minC, maxC   = 0.5, 2.0
)

// countAll counts the characters of every text.
func countAll(texts []string) []counts {
	out := make([]counts, len(texts))
	for i, s := range texts {
		out[i] = count(s)
	}
	return out
}

// prefixLengths returns the prefix sums of the lengths of texts.
func prefixLengths(cs []counts, weight float64) []float64 {
	out := make([]float64, len(cs)+1)
	for i, c := range cs {
		out[i+1] = out[i] + c.length(weight)
	}
	return out
}

// chooseModel returns the model for a pair of texts: the Chinese-English
// fit when either side is Chinese, Japanese or Korean, by its language tag
// or, where the tag is undetermined, by its text; Gale and Church's
// variance otherwise.
func chooseModel(sc, tc []counts, opt Options) model {
	md := model{weight: cjkWeight, s2: gcVariance, refine: true}
	if cjkSide(sc, opt.SourceLang) || cjkSide(tc, opt.TargetLang) {
		md.s2 = cjkVariance
	}
	return md
}

// cjkSide reports whether a text is in a CJK language: by its tag, or, when
// the tag is undetermined, by whether CJK characters outnumber the others.
func cjkSide(cs []counts, tag language.Tag) bool {
	if tag != language.Und {
		if b, conf := tag.Base(); conf != language.No {
			switch b.String() {
			case "zh", "cmn", "yue", "wuu", "hak", "nan", "gan", "hsn", "lzh", "ja", "ko":
				return true
			}
			return false
		}
	}
	cjk, other := 0, 0
	for _, c := range cs {
		cjk += c.cjk
		other += c.other
	}
	return cjk > other
}
