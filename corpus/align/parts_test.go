package align

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestCount(t *testing.T) {
	tests := []struct {
		text       string
		cjk, other int
	}{
		{"", 0, 0},
		{"NATO was founded in 1949.", 0, 21},
		{"北约成立于1949年。", 6, 5},
		{"北约（NATO）", 2, 6},
		{"ＮＡＴＯ １２", 0, 6},
		{"ひらがな カタカナ 한국어", 11, 0},
		{" \t\n\u3000", 0, 0},
	}
	for _, tt := range tests {
		got := count(tt.text)
		if got.cjk != tt.cjk || got.other != tt.other {
			t.Errorf("count(%q) = %+v, want cjk %d, other %d", tt.text, got, tt.cjk, tt.other)
		}
	}
	if got := count("北约。").length(2.5); got != 6 {
		t.Errorf("length of 北约。 with weight 2.5 = %v, want 6", got)
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		text, canon, rest string
	}{
		{"1949年", "1949", "年"},
		{"1,000 troops", "1000", " troops"},
		{"1,234,567.890%", "1234567.89", "%"},
		{"1,00", "1", ",00"},
		{"1,2,3", "1", ",2,3"},
		{"3.50", "3.5", ""},
		{"3.0", "3", ""},
		{"12. Next", "12", ". Next"},
		{"007", "7", ""},
		{"0", "0", ""},
		{"0.5", "0.5", ""},
		{"１２３", "123", ""},
		{"３．１４", "3.14", ""},
	}
	for _, tt := range tests {
		end, canon := number(tt.text, 0)
		if string(canon) != tt.canon || tt.text[end:] != tt.rest {
			t.Errorf("number(%q) = %q, rest %q; want %q, rest %q", tt.text, canon, tt.text[end:], tt.canon, tt.rest)
		}
	}
}

func TestChineseNumber(t *testing.T) {
	tests := []struct {
		text string
		v    uint64
		ok   bool
	}{
		{"二〇二〇年", 2020, true},
		{"一九四九", 1949, true},
		{"十五", 15, true},
		{"二十三", 23, true},
		{"三十", 30, true},
		{"一百零五", 105, true},
		{"三千二百", 3200, true},
		{"两万", 20000, true},
		{"十万", 100000, true},
		{"一万五千", 15000, true},
		{"一亿二千万", 120000000, true},
		{"三十二个", 32, true},
		{"一", 0, false},    // a word more often than a number
		{"十分", 0, false},   // "very": the run is 十 alone
		{"万一", 0, false},   // "in case"
		{"千万", 0, false},   // "by all means"
		{"一一", 0, false},   // "one by one"
		{"三四十", 0, false},  // "thirty or forty"
		{"一百五", 0, false},  // colloquial 150, or 105?
		{"三万五", 0, false},  // colloquial 35,000
		{"两三", 0, false},   // "two or three"
		{"一五一十", 0, false}, // "in full detail"
	}
	for _, tt := range tests {
		end, v, ok := chineseNumber(tt.text, 0)
		if ok != tt.ok || v != tt.v {
			t.Errorf("chineseNumber(%q) = %d, %v; want %d, %v", tt.text, v, ok, tt.v, tt.ok)
		}
		if end == 0 || !isHanNumeral([]rune(tt.text)[0]) {
			t.Errorf("chineseNumber(%q) ends at %d", tt.text, end)
		}
	}
}

// anchorKeys lists the anchors of s as keys, strong ones marked with "!".
func anchorKeys(s string) []string {
	var keys []string
	intern := func(k string) uint32 {
		keys = append(keys, k)
		return uint32(len(keys) - 1)
	}
	var out []string
	for _, a := range sentenceAnchors(nil, s, intern) {
		k := keys[a.id]
		if a.strong {
			k += "!"
		}
		out = append(out, k)
	}
	return out
}

func TestSentenceAnchors(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"北约（NATO）在2019年有29个成员国。", "Anato! #2019! #29!"},
		{"NATO had 29 members in 2019.", "Anato #29! #2019!"},
		{"In 2019, NATO had 29 members.", "Ain #2019! Anato #29!"},
		{"我们有三十二个成员国和一个总部。", "#32"},
		{"The G20 and COVID-19 in the EU.", "Athe Ag20 Acovid #19! Aeu"},
		{"I saw it.", ""},
		{"北约秘书长在ＮＡＴＯ总部谈第１２条", "Anato! #12!"},
		{"iPhone", "Aiphone"},
		{"nato and eu", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(anchorKeys(tt.text), " "); got != tt.want {
			t.Errorf("anchors of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTermGroups(t *testing.T) {
	opt := Options{SourceLang: language.Chinese, TargetLang: language.English, Anchors: true, Terms: [][2]string{
		{"北约", "NATO"},
		{"北约", "North Atlantic Treaty Organization"},
		{"欧盟", "EU"},
		{"", "empty"},
	}}
	src := []string{"北约和欧盟", "北约"}
	tgt := []string{"The North Atlantic Treaty Organization", "NATO and the EU"}
	a := newAnchors(src, tgt, opt)
	// 北约 ↔ North Atlantic Treaty Organization: one match, 欧盟 misses.
	if got, want := a.cost(0, 1, 0, 1), -anchorMatch+anchorMiss; got != want {
		t.Errorf("cost(0-0) = %v, want %v", got, want)
	}
	// 北约 ↔ NATO and the EU: one match, EU misses; the Latin names NATO
	// and EU are on the Latin side only, so weak.
	if got, want := a.cost(1, 2, 1, 2), -anchorMatch+anchorMiss; got != want {
		t.Errorf("cost(1-1) = %v, want %v", got, want)
	}
	// Both sentences on each side: 北约 and 欧盟 both match.
	if got, want := a.cost(0, 2, 0, 2), -2*anchorMatch; got != want {
		t.Errorf("cost(0,1-0,1) = %v, want %v", got, want)
	}
	for _, o := range []Options{
		{Anchors: true, Terms: opt.Terms},
		{SourceLang: language.English, TargetLang: language.English, Anchors: true, Terms: [][2]string{{"NATO", "the Alliance"}}},
	} {
		if s, tg := termMatchers(o); s == nil || tg == nil {
			t.Errorf("termMatchers(%v, %v) = nil", o.SourceLang, o.TargetLang)
		}
	}
}

func TestTailCost(t *testing.T) {
	if got := tailCost(0); got != 0 {
		t.Errorf("tailCost(0) = %v, want 0", got)
	}
	// P(|Z| >= 1.959964) = 0.05.
	if got, want := tailCost(1.959964), -math.Log(0.05); math.Abs(got-want) > 1e-6 {
		t.Errorf("tailCost(1.96) = %v, want %v", got, want)
	}
	prev := -1.0
	for z := 0.0; z < 40; z += 1.0 / 256 {
		fast, exact := tailCostFast(z), tailCost(z)
		if math.Abs(fast-exact) > 1e-4 {
			t.Fatalf("tailCostFast(%v) = %v, tailCost = %v", z, fast, exact)
		}
		if fast < prev {
			t.Fatalf("tailCostFast decreases at %v", z)
		}
		prev = fast
	}
	// Continuity where erfc gives way to the asymptotic expansion.
	if d := tailCost(30) - tailCost(math.Nextafter(30, 0)); math.Abs(d) > 1e-5 {
		t.Errorf("tailCost jumps by %v at 30", d)
	}
}

func TestNewBand(t *testing.T) {
	for _, n := range []int{1, 2, 3, 10, 97, 1000} {
		for _, m := range []int{1, 2, 5, 10, 100, 3000} {
			for _, w := range []int{0, 1, 4, 32} {
				b := newBand(n, m, w)
				name := fmt.Sprintf("n=%d m=%d w=%d", n, m, w)
				if b.lo[0] != 0 || b.hi[n] != m {
					t.Fatalf("%s: the band misses (0, 0) or (n, m)", name)
				}
				for i := 1; i <= n; i++ {
					if b.lo[i] < b.lo[i-1] || b.hi[i] < b.hi[i-1] {
						t.Fatalf("%s: row %d: [%d, %d] after [%d, %d]", name, i, b.lo[i], b.hi[i], b.lo[i-1], b.hi[i-1])
					}
					if b.lo[i] > b.hi[i-1] {
						t.Fatalf("%s: row %d starts at %d, after row %d ends at %d", name, i, b.lo[i], i-1, b.hi[i-1])
					}
				}
				if b.cells != b.off[n+1] {
					t.Fatalf("%s: cells %d, offsets end at %d", name, b.cells, b.off[n+1])
				}
			}
		}
	}
}

// lengthTexts makes texts whose sentences have the given lengths: English
// ones of Latin letters, Chinese ones of Han characters (at the fitted
// weight, rounded).
func lengthTexts(lengths []int, han bool) []string {
	out := make([]string, len(lengths))
	for i, l := range lengths {
		if han {
			out[i] = strings.Repeat("字", max(1, int(math.Round(float64(l)/cjkWeight))))
		} else {
			out[i] = strings.Repeat("a", l)
		}
	}
	return out
}

// TestBandWidening aligns texts where a block of 150 source sentences has
// no translation, so that the path leaves the first band; the widened band
// must give the alignment of the whole matrix. (How well Align finds such
// a block is another matter: see the package documentation.)
func TestBandWidening(t *testing.T) {
	var ls, lt []int
	rng := rand.New(rand.NewPCG(5, 5))
	for k := range 600 {
		l := 20 + rng.IntN(160)
		ls = append(ls, l)
		if k < 200 || k >= 350 {
			lt = append(lt, l)
		}
	}
	src, tgt := lengthTexts(ls, true), lengthTexts(lt, false)
	p := newProblem(src, tgt, Options{}, model{weight: cjkWeight, s2: cjkVariance})
	if _, touched := p.run(newBand(p.n, p.m, initialBand)); !touched {
		t.Fatal("the first band holds the path: the test does not test widening")
	}
	got := p.solveBand()
	want, _ := p.run(newBand(p.n, p.m, p.n+p.m))
	if beadsString(got) != beadsString(want) {
		t.Errorf("banded alignment differs from the full matrix's:\n%s\n%s", beadsString(got), beadsString(want))
	}
}

func TestChooseModel(t *testing.T) {
	zh, en := countAll(natoZh), countAll(natoEn)
	tests := []struct {
		name   string
		sc, tc []counts
		opt    Options
		s2     float64
	}{
		{"zh-en by tag", zh, en, zhEn, cjkVariance},
		{"en-ja by tag", en, en, Options{SourceLang: language.English, TargetLang: language.Japanese}, cjkVariance},
		{"zh-Hant by tag", en, en, Options{SourceLang: language.English, TargetLang: language.MustParse("zh-Hant")}, cjkVariance},
		{"en-fr by tag", en, en, Options{SourceLang: language.English, TargetLang: language.French}, gcVariance},
		{"tags say en-fr, text is Chinese", zh, en, Options{SourceLang: language.English, TargetLang: language.French}, gcVariance},
		{"und, Chinese text", zh, en, Options{}, cjkVariance},
		{"und, English text", en, en, Options{}, gcVariance},
	}
	for _, tt := range tests {
		md := chooseModel(tt.sc, tt.tc, tt.opt)
		if md.s2 != tt.s2 || md.weight != cjkWeight || !md.refine {
			t.Errorf("%s: model %+v, want s2 %v", tt.name, md, tt.s2)
		}
	}
}

// bruteForce returns the least total cost of any sequence of beads that
// aligns the texts of p, by trying them all.
func bruteForce(p *problem, i, j int) float64 {
	if i == 0 && j == 0 {
		return 0
	}
	best := math.Inf(1)
	for k, mv := range moves {
		if mv.di > i || mv.dj > j {
			continue
		}
		best = min(best, bruteForce(p, i-mv.di, j-mv.dj)+p.cost(k, i-mv.di, i, j-mv.dj, j))
	}
	return best
}

// pathCost returns the total cost of an alignment under p.
func pathCost(p *problem, beads []Bead) float64 {
	var total float64
	i, j := 0, 0
	for _, b := range beads {
		k := slices.Index(moves[:], move{len(b.Source), len(b.Target)})
		total += p.cost(k, i, i+len(b.Source), j, j+len(b.Target))
		i, j = i+len(b.Source), j+len(b.Target)
	}
	return total
}

// TestOptimal checks that the programme finds a cheapest alignment, against
// every alignment of small texts.
func TestOptimal(t *testing.T) {
	texts := [][]string{
		natoZh, natoEn, natoEnSplit, natoEnNote,
		without(natoZh, 1), without(natoEn, 3),
		{"", "北约", "1949"}, {"a"},
	}
	for _, src := range texts {
		for _, tgt := range texts {
			for _, anchors := range []bool{false, true} {
				opt := Options{Anchors: anchors}
				sc, tc := countAll(src), countAll(tgt)
				p := newProblemCounts(src, tgt, sc, tc, opt, chooseModel(sc, tc, opt))
				got := pathCost(p, p.solveBand())
				want := bruteForce(p, p.n, p.m)
				if math.Abs(got-want) > 1e-9 {
					t.Errorf("%d x %d sentences, anchors %v: path cost %v, least cost %v", p.n, p.m, anchors, got, want)
				}
			}
		}
	}
}
