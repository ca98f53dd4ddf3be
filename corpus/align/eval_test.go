package align

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The evaluation aligns synthetic documents built from real translation
// pairs of the shared data beside the repository (see bench/README.md,
// "Sentence aligner"). It is skipped when that data is absent.

const (
	tatoebaPath = "../../../shared/data/tatoeba_cmn_eng.tsv"
	mqmPath     = "../../../shared/data/mqm_zhen_newstest2020.tsv"
)

// pair is one translation pair: a Chinese source and its English target.
type pair struct{ zh, en string }

// readTSV calls fn with the fields of every line of the file, or skips the
// test when the file is absent.
func readTSV(tb testing.TB, path string, fn func(line int, fields []string)) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("shared data not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		fn(line, strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
}

// tatoebaPairs reads the English/Chinese pairs of Tatoeba in file order.
func tatoebaPairs(tb testing.TB) []pair {
	var out []pair
	readTSV(tb, tatoebaPath, func(line int, fs []string) {
		if len(fs) < 2 {
			tb.Fatalf("%s: line %d: %d fields, want 3", tatoebaPath, line, len(fs))
		}
		out = append(out, pair{zh: fs[1], en: fs[0]})
	})
	return out
}

// mqmDocs reads the human translations (systems Human-A.0 and Human-B.0)
// of the WMT20 zh-en MQM data as documents: for each translator and
// source document, its segments in seg_id order.
func mqmDocs(tb testing.TB) [][]pair {
	type row struct {
		seg int
		p   pair
	}
	docs := map[string][]row{}
	readTSV(tb, mqmPath, func(line int, fs []string) {
		if line == 1 {
			return
		}
		if len(fs) < 14 {
			tb.Fatalf("%s: line %d: %d fields, want 14", mqmPath, line, len(fs))
		}
		seg, err := strconv.Atoi(fs[13])
		if err != nil {
			tb.Fatalf("%s: line %d: seg_id: %v", mqmPath, line, err)
		}
		for _, sys := range strings.Split(fs[11], ",") {
			if sys == "Human-A.0" || sys == "Human-B.0" {
				key := sys + " " + fs[12]
				docs[key] = append(docs[key], row{seg, pair{zh: fs[1], en: fs[2]}})
			}
		}
	})
	keys := make([]string, 0, len(docs))
	for k := range docs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([][]pair, 0, len(keys))
	for _, k := range keys {
		rows := docs[k]
		slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(a.seg, b.seg) })
		d := make([]pair, len(rows))
		for i, r := range rows {
			d[i] = r.p
		}
		out = append(out, d)
	}
	return out
}

// chunks cuts pairs into documents of size pairs (the last may be shorter).
func chunks(pairs []pair, size int) [][]pair {
	var out [][]pair
	for i := 0; i < len(pairs); i += size {
		out = append(out, pairs[i:min(i+size, len(pairs))])
	}
	return out
}

// synthDoc is a document made from translation pairs, with the beads that
// align it.
type synthDoc struct {
	src, tgt []string
	gold     []Bead
}

// perturbation says how often a synthetic document joins two consecutive
// sentences of one side (a 2-1 or 1-2 bead) and drops one side of a pair
// (a 1-0 or 0-1 bead).
type perturbation struct{ merge, drop float64 }

// synthesize turns the pairs of a document into texts to align. Joined
// Chinese sentences are concatenated, joined English ones separated by a
// space.
func synthesize(d []pair, pt perturbation, rng *rand.Rand) synthDoc {
	var sd synthDoc
	add := func(src, tgt []string) {
		b := Bead{}
		for _, s := range src {
			b.Source = append(b.Source, len(sd.src))
			sd.src = append(sd.src, s)
		}
		for _, t := range tgt {
			b.Target = append(b.Target, len(sd.tgt))
			sd.tgt = append(sd.tgt, t)
		}
		sd.gold = append(sd.gold, b)
	}
	for k := 0; k < len(d); k++ {
		r := 1.0
		if rng != nil {
			r = rng.Float64()
		}
		switch {
		case r < pt.merge && k+1 < len(d):
			if rng.IntN(2) == 0 {
				add([]string{d[k].zh + d[k+1].zh}, []string{d[k].en, d[k+1].en})
			} else {
				add([]string{d[k].zh, d[k+1].zh}, []string{d[k].en + " " + d[k+1].en})
			}
			k++
		case r < pt.merge+pt.drop:
			if rng.IntN(2) == 0 {
				add([]string{d[k].zh}, nil)
			} else {
				add(nil, []string{d[k].en})
			}
		default:
			add([]string{d[k].zh}, []string{d[k].en})
		}
	}
	return sd
}

// score counts, by gold bead type, how many beads an alignment recovered
// exactly.
type score struct {
	total, found map[string]int
	predicted    int // beads the aligner returned
	correct      int // of those, beads that are gold
}

func beadType(b Bead) string {
	return fmt.Sprintf("%d-%d", len(b.Source), len(b.Target))
}

// group maps a bead type to the group it is reported in.
func group(t string) string {
	switch t {
	case "1-1":
		return "1-1"
	case "1-0", "0-1":
		return "1-0/0-1"
	}
	return "2-1/1-2"
}

func beadKey(b Bead) string { return fmt.Sprint(b.Source, b.Target) }

func (s *score) add(gold, got []Bead) {
	if s.total == nil {
		s.total, s.found = map[string]int{}, map[string]int{}
	}
	want := map[string]bool{}
	for _, b := range gold {
		want[beadKey(b)] = true
	}
	have := map[string]bool{}
	for _, b := range got {
		have[beadKey(b)] = true
		s.predicted++
		if want[beadKey(b)] {
			s.correct++
		}
	}
	for _, b := range gold {
		g := group(beadType(b))
		s.total[g]++
		if have[beadKey(b)] {
			s.found[g]++
		}
	}
}

func (s *score) recall(g string) float64 {
	if s.total[g] == 0 {
		return 0
	}
	return float64(s.found[g]) / float64(s.total[g])
}

func (s *score) String() string {
	var b strings.Builder
	for _, g := range []string{"1-1", "2-1/1-2", "1-0/0-1"} {
		fmt.Fprintf(&b, "%s %d/%d (%.1f%%)  ", g, s.found[g], s.total[g], 100*s.recall(g))
	}
	fmt.Fprintf(&b, "precision %d/%d (%.1f%%)", s.correct, s.predicted, 100*float64(s.correct)/float64(s.predicted))
	return b.String()
}

// evaluate aligns synthetic documents made from docs with the aligner fn
// and scores them. The random source is seeded, so runs are repeatable.
func evaluate(docs [][]pair, pt perturbation, seed uint64, fn func(src, tgt []string) []Bead) *score {
	rng := rand.New(rand.NewPCG(seed, 1993))
	s := &score{}
	for _, d := range docs {
		sd := synthesize(d, pt, rng)
		s.add(sd.gold, fn(sd.src, sd.tgt))
	}
	return s
}

// accuracyCase is one line of the accuracy table.
type accuracyCase struct {
	name    string
	docs    [][]pair
	pt      perturbation
	anchors bool
	md      *model // nil: the model Align chooses
}

// Perturbations: none, Gale and Church's proportions of bead types (Table
// 5: 8.9% 2-1 or 1-2, 0.99% 1-0 or 0-1; their 1.1% 2-2 are not made), and
// a harsher mix with five times their omissions.
var (
	clean = perturbation{}
	gcMix = perturbation{merge: 0.09, drop: 0.01}
	harsh = perturbation{merge: 0.10, drop: 0.05}
)

func (c accuracyCase) run() *score {
	return evaluate(c.docs, c.pt, 1, func(src, tgt []string) []Bead {
		opt := Options{Anchors: c.anchors}
		if c.md == nil {
			return Align(src, tgt, opt)
		}
		return newProblem(src, tgt, opt, *c.md).solve()
	})
}

// shuffledPairs returns the pairs in a seeded random order.
func shuffledPairs(p []pair) []pair {
	q := slices.Clone(p)
	rng := rand.New(rand.NewPCG(7, 7))
	rng.Shuffle(len(q), func(i, j int) { q[i], q[j] = q[j], q[i] })
	return q
}

var fullTable = flag.Bool("accuracy.table", false, "TestAccuracy: print the full accuracy table")

// TestAccuracy measures how many beads Align recovers on synthetic
// documents made of real translation pairs, and fails when it falls below
// the figures recorded in bench/README.md (less a margin).
func TestAccuracy(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("evaluation: not with -short or -race")
	}
	tat := tatoebaPairs(t)
	mqm := mqmDocs(t)
	tatShuffled := chunks(shuffledPairs(tat), 20)
	type check struct {
		c   accuracyCase
		min map[string]float64 // least recall by bead group
	}
	checks := []check{
		{accuracyCase{name: "MQM, clean", docs: mqm, pt: clean, anchors: true}, map[string]float64{"1-1": 0.97}},
		{accuracyCase{name: "MQM, G&C mix", docs: mqm, pt: gcMix, anchors: true}, map[string]float64{"1-1": 0.96, "2-1/1-2": 0.92, "1-0/0-1": 0.6}},
		{accuracyCase{name: "Tatoeba shuffled, clean", docs: tatShuffled, pt: clean, anchors: true}, map[string]float64{"1-1": 0.995}},
		{accuracyCase{name: "Tatoeba shuffled, G&C mix", docs: tatShuffled, pt: gcMix, anchors: true}, map[string]float64{"1-1": 0.93, "2-1/1-2": 0.75}},
	}
	if *fullTable {
		tatOrdered := chunks(tat, 20)
		median := model{weight: cjkWeight, s2: fitLength(mqm).s2Median, refine: true}
		noRefine := model{weight: cjkWeight, s2: cjkVariance}
		gcOmit := model{weight: cjkWeight, s2: cjkVariance, refine: true, omit: true}
		for _, d := range []struct {
			name string
			docs [][]pair
		}{{"MQM", mqm}, {"Tatoeba shuffled", tatShuffled}, {"Tatoeba in file order", tatOrdered}} {
			for _, pt := range []struct {
				name string
				pt   perturbation
			}{{"clean", clean}, {"G&C mix", gcMix}, {"harsh mix", harsh}} {
				for _, anchors := range []bool{false, true} {
					name := fmt.Sprintf("%s, %s, anchors %v", d.name, pt.name, anchors)
					checks = append(checks, check{c: accuracyCase{name: name, docs: d.docs, pt: pt.pt, anchors: anchors}})
				}
				for _, v := range []struct {
					name string
					md   *model
				}{{"s2 fitted at the median", &median}, {"c = 1, no second pass", &noRefine}, {"1-0 beads pay match(l, 0)", &gcOmit}} {
					name := fmt.Sprintf("%s, %s, anchors true, %s", d.name, pt.name, v.name)
					checks = append(checks, check{c: accuracyCase{name: name, docs: d.docs, pt: pt.pt, anchors: true, md: v.md}})
				}
			}
		}
	}
	for _, ch := range checks {
		s := ch.c.run()
		t.Logf("%s: %v", ch.c.name, s)
		for g, least := range ch.min {
			if r := s.recall(g); r < least {
				t.Errorf("%s: %s beads recovered %.1f%%, want at least %.0f%%", ch.c.name, g, 100*r, 100*least)
			}
		}
	}
}
