package checks

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// scoreLengthsReference is scoreLengths as it was before the scores were
// kept compact (lengthZ): two passes that work out every field of every
// segment's lengthScore. TestScoreLengthsReference and
// FuzzScoreLengthsReference check the compact scores and
// documentScores.score against it.
func scoreLengthsReference(segs []pipeline.Segment) []lengthScore {
	out := make([]lengthScore, len(segs))
	type sums struct{ w, wc float64 } // Σ 1/σ², Σ clipped residual/σ²
	var total [len(lengthModels)]sums
	for i := range segs {
		s := &segs[i]
		if !s.Bilingual() || strings.TrimSpace(s.Target) == "" {
			continue
		}
		// An undetermined source is counted once for its language and
		// its length.
		var src lengthCount
		srcLang, counted := s.SourceLang, false
		if undetermined(srcLang) {
			var han, latin, other int
			src, han, latin, other = countLengthAndLetters(s.Source)
			srcLang, counted = languageOfLetters(han, latin, other), true
		}
		mi := lengthModelIndex(srcLang, lengthLanguage(s.TargetLang, s.Target))
		if mi == 0 {
			continue
		}
		m := lengthModels[mi]
		if !counted {
			src = countLength(s.Source)
		}
		tgt := countLength(s.Target)
		n, t := src.units(), tgt.units()
		if n == 0 || t == 0 {
			continue
		}
		e := math.Log(t/n) - m.mean(n)
		out[i] = lengthScore{OK: true, model: mi, Source: src, Target: tgt, Z: e}
		v := m.variance(n)
		limit := 2.5 * math.Sqrt(v+m.tau*m.tau)
		sm := &total[mi]
		sm.w += 1 / v
		sm.wc += math.Max(-limit, math.Min(limit, e)) / v
	}
	for i := range out {
		sc := &out[i]
		if sc.model == 0 {
			continue
		}
		m := lengthModels[sc.model]
		resid := sc.Z
		n := sc.N()
		v := m.variance(n)
		limit := 2.5 * math.Sqrt(v+m.tau*m.tau)
		own := math.Max(-limit, math.Min(limit, resid)) / v
		sm := &total[sc.model]
		// The level of the document from its other segments, and its variance.
		prec := 1/(m.tau*m.tau) + sm.w - 1/v
		delta := (sm.wc - own) / prec
		sd := math.Sqrt(v + 1/prec)
		sc.Expected = m.expected(n, delta)
		sc.High = sc.Expected * math.Exp(sd)
		sc.Z = (resid - delta) / sd
		sc.Z0 = resid / math.Sqrt(v+m.tau*m.tau)
		sc.Outlier = sc.Z0 <= m.outlierLow || sc.Z0 >= m.outlierHigh
	}
	return out
}

// checkScoresAgainstReference checks that scoreLengths gives for each of
// segs the lengthZ and, through score, the lengthScore that
// scoreLengthsReference gives, to the bit.
func checkScoresAgainstReference(t *testing.T, segs []pipeline.Segment) {
	t.Helper()
	want := scoreLengthsReference(segs)
	got := scoreLengths(segs)
	same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }
	for i, w := range want {
		z := got.z[i]
		if z.OK != w.OK || z.Outlier != w.Outlier || z.model != w.model || !same(z.Z, w.Z) || !same(z.Z0, w.Z0) {
			t.Fatalf("segment %d (%q -> %q): lengthZ %+v, want the reference's %+v", i, segs[i].Source, segs[i].Target, z, w)
		}
		sc := got.score(i)
		if sc.OK != w.OK || sc.Outlier != w.Outlier || sc.model != w.model || sc.Source != w.Source || sc.Target != w.Target ||
			!same(sc.Expected, w.Expected) || !same(sc.High, w.High) || !same(sc.Z, w.Z) || !same(sc.Z0, w.Z0) {
			t.Fatalf("segment %d (%q -> %q): score %+v, want the reference's %+v", i, segs[i].Source, segs[i].Target, sc, w)
		}
	}
}

// TestScoreLengthsReference compares scoreLengths with the reference on
// hand-made documents and, when ../shared is present, on the Tatoeba pairs
// in both directions as one document each.
func TestScoreLengthsReference(t *testing.T) {
	var segs []pipeline.Segment
	for _, s := range scoreLengthsSeeds {
		segs = append(segs, scoreLengthsSeed(s.src, s.tgt, s.langs))
	}
	checkScoresAgainstReference(t, segs)
	for i := range segs {
		checkScoresAgainstReference(t, segs[i:i+1])
	}
	if testing.Short() {
		return
	}
	if _, err := os.Stat(filepath.Join(zhEnDataDir, "tatoeba_cmn_eng.tsv")); err != nil {
		t.Skip("no shared data")
	}
	pairs := loadTatoebaZhEn(t)
	zhEn := make([]pipeline.Segment, 0, len(pairs))
	enZh := make([]pipeline.Segment, 0, len(pairs))
	for _, p := range pairs {
		zhEn = append(zhEn, pipeline.Segment{Source: p.zh, Target: p.en, SourceLang: language.Chinese, TargetLang: language.English})
		enZh = append(enZh, pipeline.Segment{Source: p.en, Target: p.zh, TargetLang: language.Chinese})
	}
	checkScoresAgainstReference(t, zhEn)
	checkScoresAgainstReference(t, enZh)
}

// scoreLengthsSeeds are segments for TestScoreLengthsReference and the
// seeds of FuzzScoreLengthsReference; langs picks the languages of each
// side (scoreLengthsSeed).
var scoreLengthsSeeds = []struct {
	src, tgt string
	langs    byte
}{
	{"北约成立于1949年。", "NATO was founded in 1949.", 0},
	{"北大西洋理事会是北约的主要政治决策机构。", "The North Atlantic Council is NATO's principal political decision-making body.", 0},
	{"你好。", "Hi.", 0},
	{"你好。", "Hello, how are you doing today, my dear old friend from the other side of town?", 0},
	{"北约秘书长在布鲁塞尔举行的记者会上说，盟国将继续支持乌克兰。", "He said.", 0},
	{"NATO was founded in 1949.", "北约成立于1949年。", 1},
	{"北约", "NATO", 2},
	{"NATO", "北约", 2},
	{"", "Only a target", 0},
	{"北约", "", 0},
	{"北约", "—", 0},
	{"——", "NATO", 0},
	{"NATO", "OTAN", 3},
	{"東京タワーに行きました", "I went to Tokyo Tower.", 2},
	{"１２３", "123", 2},
}

// scoreLengthsSeed builds a segment; langs picks the language pair:
// 0 Chinese to English, 1 English to Chinese, 2 both undetermined,
// 3 English to French, and so on round.
func scoreLengthsSeed(src, tgt string, langs byte) pipeline.Segment {
	pairs := [][2]language.Tag{
		{language.Chinese, language.English},
		{language.English, language.Chinese},
		{language.Und, language.Und},
		{language.English, language.French},
		{language.Und, language.English},
		{language.Chinese, language.Und},
	}
	pair := pairs[int(langs)%len(pairs)]
	return pipeline.Segment{Source: src, Target: tgt, SourceLang: pair[0], TargetLang: pair[1]}
}

// FuzzScoreLengthsReference compares scoreLengths with the reference on
// a document of three segments: the fuzzed one, and the fuzzed sides
// paired with a typical segment's.
func FuzzScoreLengthsReference(f *testing.F) {
	for _, s := range scoreLengthsSeeds {
		f.Add(s.src, s.tgt, s.langs)
	}
	f.Fuzz(func(t *testing.T, src, tgt string, langs byte) {
		typical := scoreLengthsSeeds[0]
		checkScoresAgainstReference(t, []pipeline.Segment{
			scoreLengthsSeed(src, tgt, langs),
			scoreLengthsSeed(typical.src, tgt, langs>>3),
			scoreLengthsSeed(src, typical.tgt, langs>>5),
		})
	})
}
