package align

import (
	"math"
	"slices"
	"testing"
)

// The fit of the length model's two parameters for Chinese-English (see
// cjkWeight and cjkVariance). It reads the shared data beside the
// repository and is skipped when that is absent; it fails when the
// recorded values no longer match the data.

// Quantiles of the chi-squared distribution with one degree of freedom
// (of Z² for a standard normal Z): the median is 0.6744897...², the 99th
// percentile 2.5758293...².
const (
	chi2Median = 0.454936423119572
	chi2Q99    = 6.634896601021214
)

// lengthFit is the result of fitting the length model on a set of
// documents.
type lengthFit struct {
	pairs     int
	weight    float64 // length of a CJK character in other characters
	s2        float64 // the variance per unit of length, fitted at the 99th percentile
	s2Median  float64 // fitted at the median, for comparison
	s2MLE     float64 // maximum-likelihood estimate, for comparison
	c1, c9    float64 // 10th and 90th percentiles of the documents' c
	meanLenEn float64
}

// fitLength fits the length model on documents of (Chinese, English)
// pairs:
//
//   - the weight w of a CJK character makes the total lengths of the two
//     sides equal: w = (ΣEnglish - ΣChinese other) / ΣChinese CJK, over all
//     pairs, with lengths counted as Align counts them;
//   - for every pair, d = c*ls - lt and m = (ls + lt/c)/2, where ls and lt
//     are the source (Chinese) and target (English) lengths and c is the
//     ratio of the document's total lengths, each plus refineLength, as
//     Align computes it from the 1-1 beads of a first alignment; under
//     the model d²/(s2*m) is chi-squared with one degree of freedom, so
//     s2 = Q99(d²/m) / Q99(χ²₁), with Q99 the 99th percentile (nearest
//     rank). The fit at the median, median(d²/m) / median(χ²₁), a robust
//     estimate in the spirit of Gale and Church's robust regression, and
//     the maximum-likelihood estimate mean(d²/m) are reported beside it.
func fitLength(docs [][]pair) lengthFit {
	var f lengthFit
	var en, other, cjk float64
	for _, d := range docs {
		for _, p := range d {
			zc, ec := count(p.zh), count(p.en)
			en += float64(ec.other + ec.cjk)
			other += float64(zc.other)
			cjk += float64(zc.cjk)
			f.pairs++
		}
	}
	f.weight = (en - other) / cjk
	f.meanLenEn = en / float64(f.pairs)
	var ratios, cs []float64
	var sum float64
	for _, d := range docs {
		src := make([]string, len(d))
		tgt := make([]string, len(d))
		for i, p := range d {
			src[i], tgt[i] = p.zh, p.en
		}
		p := newProblem(src, tgt, Options{}, model{weight: f.weight, s2: 1})
		c := min(max((p.ct[p.m]+refineLength)/(p.cs[p.n]+refineLength), minC), maxC)
		cs = append(cs, c)
		for i := range d {
			ls, lt := p.cs[i+1]-p.cs[i], p.ct[i+1]-p.ct[i]
			m := (ls + lt/c) / 2
			if m == 0 {
				continue
			}
			dd := c*ls - lt
			ratios = append(ratios, dd*dd/m)
			sum += dd * dd / m
		}
	}
	slices.Sort(ratios)
	slices.Sort(cs)
	f.s2 = quantile(ratios, 0.99) / chi2Q99
	f.s2Median = quantile(ratios, 0.5) / chi2Median
	f.s2MLE = sum / float64(len(ratios))
	f.c1, f.c9 = cs[len(cs)/10], cs[len(cs)*9/10]
	return f
}

// quantile returns the q-quantile of sorted values by the nearest-rank
// method.
func quantile(sorted []float64, q float64) float64 {
	k := int(math.Ceil(q*float64(len(sorted)))) - 1
	return sorted[max(k, 0)]
}

// TestFit reproduces the fitted parameters of the Chinese-English length
// model from the human translations of the WMT20 MQM data and checks the
// values recorded in the code. It also fits Tatoeba, for comparison only.
func TestFit(t *testing.T) {
	mqm := fitLength(mqmDocs(t))
	t.Logf("MQM human translations: %d pairs, %.1f English characters a sentence: weight %.4f, s2 %.4f (median fit %.4f, MLE %.4f), documents' c from %.3f to %.3f (10th-90th percentile)",
		mqm.pairs, mqm.meanLenEn, mqm.weight, mqm.s2, mqm.s2Median, mqm.s2MLE, mqm.c1, mqm.c9)
	tatPairs := tatoebaPairs(t)
	tat := fitLength([][]pair{tatPairs})
	var tatSrc, tatTgt float64
	for _, p := range tatPairs {
		tatSrc += count(p.zh).length(cjkWeight)
		tatTgt += count(p.en).length(cjkWeight)
	}
	t.Logf("Tatoeba under the MQM fit: c = %.3f", tatTgt/tatSrc)
	t.Logf("Tatoeba, as one document: %d pairs, %.1f English characters a sentence: weight %.4f, s2 %.4f (median fit %.4f, MLE %.4f)",
		tat.pairs, tat.meanLenEn, tat.weight, tat.s2, tat.s2Median, tat.s2MLE)
	if math.Abs(mqm.weight-cjkWeight) > 0.005 || math.Abs(mqm.s2-cjkVariance) > 0.005 {
		t.Errorf("fit gives weight %.4f, s2 %.4f; the code records cjkWeight %v, cjkVariance %v", mqm.weight, mqm.s2, cjkWeight, cjkVariance)
	}
}
