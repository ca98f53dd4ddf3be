package checks

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The length models of length_model.go are fitted by this file on the
// shared data beside the repository (../shared/data): TestLengthModelFit
// fits them again and fails when the recorded numbers no longer match, so
// that the numbers in the code are always the ones the data give. Run
//
//	go test ./pipeline/checks -run TestLengthModelFit -v
//
// to see the fit. It skips when the shared data are absent.

// zhEnDataDir is where the shared data sets are, seen from this package.
const zhEnDataDir = "../../../shared/data"

// zhEnPair is one Chinese–English translation pair, and the document it
// comes from ("" for Tatoeba, whose sentences stand alone).
type zhEnPair struct{ zh, en, doc string }

// loadTatoebaZhEn reads tatoeba_cmn_eng.tsv: english<TAB>chinese<TAB>
// attribution. Lines without three fields are skipped.
func loadTatoebaZhEn(t testing.TB) []zhEnPair {
	var out []zhEnPair
	eachZhEnLine(t, filepath.Join(zhEnDataDir, "tatoeba_cmn_eng.tsv"), func(_ int, f []string) {
		if len(f) >= 3 {
			out = append(out, zhEnPair{zh: f[1], en: f[0]})
		}
	})
	return out
}

// loadMQMHumanZhEn reads the rows of mqm_zhen_newstest2020.tsv whose
// systems include a human translation (Human-A.0, Human-B.0).
func loadMQMHumanZhEn(t testing.TB) []zhEnPair {
	var out []zhEnPair
	col := map[string]int{}
	eachZhEnLine(t, filepath.Join(zhEnDataDir, "mqm_zhen_newstest2020.tsv"), func(n int, f []string) {
		if n == 1 {
			for i, name := range f {
				col[name] = i
			}
			return
		}
		sys := f[col["systems"]]
		if strings.Contains(sys, "Human-A.0") || strings.Contains(sys, "Human-B.0") {
			out = append(out, zhEnPair{zh: f[col["source"]], en: f[col["target"]], doc: f[col["doc"]]})
		}
	})
	return out
}

func eachZhEnLine(t testing.TB, path string, fn func(n int, fields []string)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("shared data not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		fn(n, strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: line %d: %v", path, n+1, err)
	}
}

// fitCJKWeight returns the English letters per Chinese character: for each
// corpus, the median of ln(letters/characters) over the pairs whose
// Chinese has only CJK characters and whose English has only letters (no
// digits, no CJK); then the exponential of the mean of the corpora's
// medians, so that each corpus weighs the same.
func fitCJKWeight(corpora [][]zhEnPair) (w float64, perCorpus []float64) {
	var sum float64
	for _, pairs := range corpora {
		var logs []float64
		for _, p := range pairs {
			zh, en := countLength(p.zh), countLength(p.en)
			if zh.CJK > 0 && zh.Letters == 0 && zh.Digits == 0 && en.CJK == 0 && en.Digits == 0 && en.Letters > 0 {
				logs = append(logs, math.Log(float64(en.Letters)/float64(zh.CJK)))
			}
		}
		m := lmMedian(logs)
		perCorpus = append(perCorpus, math.Exp(m))
		sum += m
	}
	return math.Exp(sum / float64(len(corpora))), perCorpus
}

// lengthObs is one pair seen from one direction: the source's units n and
// r = ln(target units / n).
type lengthObs struct{ n, r float64 }

func lengthObservations(pairs []zhEnPair, zhSource bool) []lengthObs {
	var out []lengthObs
	for _, p := range pairs {
		src, tgt := countLength(p.zh).units(), countLength(p.en).units()
		if !zhSource {
			src, tgt = tgt, src
		}
		if src > 0 && tgt > 0 {
			out = append(out, lengthObs{src, math.Log(tgt / src)})
		}
	}
	return out
}

// lengthBin summarizes the observations whose n falls in [2^(k/2),
// 2^((k+1)/2)): their count, median n, median r and robust standard
// deviation of r (1.4826 times the median absolute deviation).
type lengthBin struct {
	k          int // the bin: n in [2^(k/2), 2^((k+1)/2))
	count      int
	n, med, sd float64
}

// minLengthBin is the least number of pairs a bin needs to be used in a fit.
const minLengthBin = 30

func binLengthObs(obs []lengthObs, resid func(lengthObs) float64) []lengthBin {
	groups := map[int][]lengthObs{}
	for _, o := range obs {
		k := int(math.Floor(2 * math.Log2(o.n)))
		groups[k] = append(groups[k], o)
	}
	keys := make([]int, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []lengthBin
	for _, k := range keys {
		g := groups[k]
		if len(g) < minLengthBin {
			continue
		}
		ns := make([]float64, len(g))
		rs := make([]float64, len(g))
		for i, o := range g {
			ns[i], rs[i] = o.n, resid(o)
		}
		m := lmMedian(rs)
		dev := make([]float64, len(rs))
		for i, r := range rs {
			dev[i] = math.Abs(r - m)
		}
		out = append(out, lengthBin{k, len(g), lmMedian(ns), m, 1.4826 * lmMedian(dev)})
	}
	return out
}

func lmMedian(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// fittedModel is the result of fitLengthModel, with the per-corpus levels
// that it pools.
type fittedModel struct {
	lengthModel
	alphas []float64 // α of each corpus
}

// fitLengthModel fits μ(n) = ln(α + β/n) and σ²(n) = A + B/n to the
// observations of several corpora:
//
//  1. The observations of each corpus are binned by n (bins half an
//     octave wide, at least 30 pairs) and each bin summarized by its
//     median n and median r.
//  2. β, shared, and one α per corpus minimize the squared differences
//     between the bin medians and ln(α + β/n), each bin weighted by its
//     count and each corpus normalized to weigh the same (a grid over β
//     in steps of 0.05, golden-section search over ln α).
//  3. α0 is the geometric mean of the corpora's α; τ, how far a
//     document's level may lie from it, is measured where the corpora
//     meet (levelSpread).
//  4. The residuals r - ln(α_c + β/n), each against its own corpus's
//     curve, are binned again; A and B are the weighted least-squares fit
//     of the bins' squared robust standard deviations to A + B/n, each
//     bin weighted by its share of its corpus's pairs.
func fitLengthModel(corpora [][]lengthObs) fittedModel {
	bins := make([][]lengthBin, len(corpora))
	for c, obs := range corpora {
		bins[c] = binLengthObs(obs, func(o lengthObs) float64 { return o.r })
	}
	sse := func(bs []lengthBin, la, beta float64) float64 {
		var s, w float64
		for _, b := range bs {
			d := b.med - math.Log(math.Exp(la)+beta/b.n)
			s += float64(b.count) * d * d
			w += float64(b.count)
		}
		return s / w
	}
	bestLevel := func(bs []lengthBin, beta float64) (float64, float64) {
		lo, hi := -3.0, 3.0
		const phi = 0.6180339887498949
		for hi-lo > 1e-7 {
			a, b := hi-phi*(hi-lo), lo+phi*(hi-lo)
			if sse(bs, a, beta) < sse(bs, b, beta) {
				hi = b
			} else {
				lo = a
			}
		}
		la := (lo + hi) / 2
		return la, sse(bs, la, beta)
	}
	var fm fittedModel
	bestErr := math.Inf(1)
	for step := 0; step <= 400; step++ {
		beta := float64(step) * 0.05
		var total float64
		levels := make([]float64, len(bins))
		for c, bs := range bins {
			la, e := bestLevel(bs, beta)
			levels[c] = la
			total += e
		}
		if total < bestErr {
			bestErr = total
			fm.beta = beta
			fm.alphas = fm.alphas[:0]
			for _, la := range levels {
				fm.alphas = append(fm.alphas, math.Exp(la))
			}
		}
	}
	sumLa := 0.0
	for _, a := range fm.alphas {
		sumLa += math.Log(a)
	}
	fm.alpha0 = math.Exp(sumLa / float64(len(fm.alphas)))
	fm.tau = levelSpread(bins)

	// Weighted least squares of sd² = A + B/n: solve the 2×2 normal equations.
	var s11, s12, s22, t1, t2 float64
	for c, obs := range corpora {
		alpha := fm.alphas[c]
		for _, b := range binLengthObs(obs, func(o lengthObs) float64 { return o.r - math.Log(alpha+fm.beta/o.n) }) {
			w, x, y := float64(b.count)/float64(len(obs)), 1/b.n, b.sd*b.sd
			s11 += w
			s12 += w * x
			s22 += w * x * x
			t1 += w * y
			t2 += w * x * y
		}
	}
	det := s11*s22 - s12*s12
	fm.varA = (t1*s22 - s12*t2) / det
	fm.varB = (s11*t2 - s12*t1) / det
	return fm
}

// levelSpread returns half the mean distance between the median r of two
// corpora in the bins of the same source length where both have pairs
// (weighted by the smaller count): the difference of their levels at
// equal length, which the fit of β cannot take for an effect of length.
func levelSpread(bins [][]lengthBin) float64 {
	if len(bins) != 2 {
		panic("levelSpread: want two corpora")
	}
	var sum, w float64
	for _, a := range bins[0] {
		for _, b := range bins[1] {
			if a.k == b.k {
				k := float64(min(a.count, b.count))
				sum += k * math.Abs(a.med-b.med)
				w += k
			}
		}
	}
	if w == 0 {
		return math.NaN()
	}
	return sum / w / 2
}

// TestLengthModelFit fits the Chinese–English length models on the shared
// data and compares them with the numbers recorded in length_model.go.
func TestLengthModelFit(t *testing.T) {
	if testing.Short() || underRace {
		t.Skip("fits on 33,000 pairs: skipped in -short mode and under the race detector")
	}
	tatoeba := loadTatoebaZhEn(t)
	mqm := loadMQMHumanZhEn(t)
	t.Logf("pairs: Tatoeba %d, MQM human rows %d", len(tatoeba), len(mqm))
	corpora := [][]zhEnPair{tatoeba, mqm}

	w, per := fitCJKWeight(corpora)
	t.Logf("cjkWeight = %.4f (Tatoeba %.4f, MQM human %.4f)", w, per[0], per[1])
	if !lmNear(w, cjkWeight, 1e-3) {
		t.Errorf("cjkWeight: fitted %.4f, recorded %.4f", w, cjkWeight)
	}
	for _, tt := range []struct {
		name     string
		zhSource bool
		recorded *lengthModel
	}{
		{"zh->en", true, &zhEnLengthModel},
		{"en->zh", false, &enZhLengthModel},
	} {
		fm := fitLengthModel([][]lengthObs{lengthObservations(tatoeba, tt.zhSource), lengthObservations(mqm, tt.zhSource)})
		t.Logf("%s: alpha0 %.4f (Tatoeba %.4f, MQM human %.4f), beta %.2f, tau %.4f, varA %.5f, varB %.4f",
			tt.name, fm.alpha0, fm.alphas[0], fm.alphas[1], fm.beta, fm.tau, fm.varA, fm.varB)
		lo, hi := fitOutlierBounds(mqm, tt.zhSource, tt.recorded)
		t.Logf("%s: outlier bounds on the MQM human rows: Z0 <= %.3f or >= %.3f", tt.name, lo, hi)
		got := []float64{fm.alpha0, fm.beta, fm.tau, fm.varA, fm.varB, lo, hi}
		rec := tt.recorded
		want := []float64{rec.alpha0, rec.beta, rec.tau, rec.varA, rec.varB, rec.outlierLow, rec.outlierHigh}
		names := []string{"alpha0", "beta", "tau", "varA", "varB", "outlierLow", "outlierHigh"}
		for i := range got {
			if !lmNear(got[i], want[i], 2e-3) {
				t.Errorf("%s %s: fitted %.5f, recorded %.5f", tt.name, names[i], got[i], want[i])
			}
		}
		for c, obs := range [][]lengthObs{lengthObservations(tatoeba, tt.zhSource), lengthObservations(mqm, tt.zhSource)} {
			alpha := fm.alphas[c]
			for _, b := range binLengthObs(obs, func(o lengthObs) float64 { return o.r }) {
				t.Logf("  corpus %d n~%6.1f pairs %5d median r %+.3f (curve %+.3f) sd %.3f (model %.3f)", c, b.n, b.count,
					b.med, math.Log(alpha+fm.beta/b.n), b.sd, math.Sqrt(fm.varA+fm.varB/b.n))
			}
		}
	}
}

// fitOutlierBounds returns length-outlier's bounds for model m: the 0.1%
// and 99.9% quantiles of the population z-score Z0 (the residual from the
// model's mean over sqrt(σ² + τ²)) on pairs, seen from the direction
// zhSource, each doubled. The quantile is the order statistic at
// floor(q·count).
func fitOutlierBounds(pairs []zhEnPair, zhSource bool, m *lengthModel) (lo, hi float64) {
	var zs []float64
	for _, o := range lengthObservations(pairs, zhSource) {
		zs = append(zs, (o.r-m.mean(o.n))/math.Sqrt(m.variance(o.n)+m.tau*m.tau))
	}
	slices.Sort(zs)
	q := func(p float64) float64 { return zs[int(p*float64(len(zs)))] }
	return 2 * q(0.001), 2 * q(0.999)
}

// lmNear reports whether a and b differ by at most tol relative to the
// larger, or absolutely when both are small.
func lmNear(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*max(1, math.Abs(a), math.Abs(b))
}

func (fm fittedModel) String() string {
	return fmt.Sprintf("alpha0=%g beta=%g tau=%g A=%g B=%g", fm.alpha0, fm.beta, fm.tau, fm.varA, fm.varB)
}
