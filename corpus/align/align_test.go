package align

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// beads writes an alignment compactly: "0-0 1-1,2 2- -3" is the beads
// [0]↔[0], [1]↔[1 2], [2]↔[] and []↔[3].
func beadsString(bs []Bead) string {
	side := func(idx []int) string {
		s := make([]string, len(idx))
		for k, i := range idx {
			s[k] = fmt.Sprint(i)
		}
		return strings.Join(s, ",")
	}
	out := make([]string, len(bs))
	for k, b := range bs {
		out[k] = side(b.Source) + "-" + side(b.Target)
	}
	return strings.Join(out, " ")
}

var zhEn = Options{SourceLang: language.Chinese, TargetLang: language.English}

func withAnchors(o Options) Options {
	o.Anchors = true
	return o
}

// The sentences below are written for these tests: a short Chinese text
// about NATO and its English translation.
var (
	natoZh = []string{
		"北约成立于1949年。",
		"它的总部设在布鲁塞尔，目前有三十二个成员国。",
		"第五条规定，对一个成员国的武装攻击应被视为对全体成员国的攻击。",
		"成员国的领导人每年举行一次峰会。",
		"峰会讨论防务开支和共同安全等问题。",
	}
	natoEn = []string{
		"NATO was founded in 1949.",
		"Its headquarters are in Brussels, and it currently has thirty-two member states.",
		"Article 5 provides that an armed attack against one member state shall be considered an attack against all member states.",
		"The leaders of the member states hold a summit once a year.",
		"The summits discuss issues such as defence spending and common security.",
	}
	// natoEnNote is natoEn with a translator's note that has no source.
	natoEnNote = []string{
		natoEn[0], natoEn[1], natoEn[2], natoEn[3],
		"Translator's note: the North Atlantic Treaty was signed in Washington on 4 April 1949 by the twelve founding members of the alliance.",
		natoEn[4],
	}
	// natoEnSplit is natoEn with its second sentence split in two.
	natoEnSplit = []string{
		natoEn[0],
		"Its headquarters are in Brussels.",
		"It currently has thirty-two member states.",
		natoEn[2], natoEn[3], natoEn[4],
	}
)

func without(s []string, i int) []string {
	return slices.Delete(slices.Clone(s), i, i+1)
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt []string
		opt      Options
		want     string
	}{
		{"both empty", nil, nil, zhEn, ""},
		{"empty source", nil, natoEn[:2], zhEn, "-0 -1"},
		{"empty target", natoZh[:3], nil, zhEn, "0- 1- 2-"},
		{"one sentence each", natoZh[:1], natoEn[:1], zhEn, "0-0"},
		{"one sentence, two translations", natoZh[:1], natoEn[:2], zhEn, "0-0 -1"},
		{"parallel", natoZh, natoEn, zhEn, "0-0 1-1 2-2 3-3 4-4"},
		{"parallel, anchors", natoZh, natoEn, withAnchors(zhEn), "0-0 1-1 2-2 3-3 4-4"},
		{"parallel, languages from the text", natoZh, natoEn, Options{}, "0-0 1-1 2-2 3-3 4-4"},
		{"1-2 merge", natoZh, natoEnSplit, zhEn, "0-0 1-1,2 2-3 3-4 4-5"},
		{"2-1 merge", natoEnSplit, natoZh, Options{SourceLang: language.English, TargetLang: language.Chinese}, "0-0 1,2-1 3-2 4-3 5-4"},
		{"omitted sentence", natoZh, without(natoEn, 2), zhEn, "0-0 1-1 2- 3-2 4-3"},
		{"added sentence", natoZh, natoEnNote, zhEn, "0-0 1-1 2-2 3-3 -4 4-5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Align(tt.src, tt.tgt, tt.opt)
			checkCover(t, got, len(tt.src), len(tt.tgt))
			if s := beadsString(got); s != tt.want {
				t.Errorf("Align = %q, want %q", s, tt.want)
			}
		})
	}
}

// TestAnchorsDecide aligns texts whose sentences all have about the same
// length, so that length alone cannot place an omission; the numbers can.
func TestAnchorsDecide(t *testing.T) {
	src := []string{
		"2019年北约有29个成员国。",
		"2020年北约有30个成员国。",
		"2023年北约有31个成员国。",
		"2024年北约有32个成员国。",
	}
	tgt := []string{
		"In 2019 NATO had 29 members.",
		"In 2023 NATO had 31 members.",
		"In 2024 NATO had 32 members.",
	}
	got := beadsString(Align(src, tgt, withAnchors(zhEn)))
	if want := "0-0 1- 2-1 3-2"; got != want {
		t.Errorf("with anchors: Align = %q, want %q", got, want)
	}
}

// TestTermsAnchor checks that a glossary pair anchors the sentences that
// hold its two terms, and that a term with no counterpart costs a little.
func TestTermsAnchor(t *testing.T) {
	src := []string{"北约峰会在维尔纽斯举行。", "会议持续了两天。"}
	tgt := []string{"The NATO summit was held in Vilnius.", "The meeting lasted two days."}
	opt := zhEn
	opt.Anchors = true
	opt.Terms = [][2]string{{"北约", "NATO"}, {"维尔纽斯", "Vilnius"}, {"会议", "meeting"}, {"峰会", "summit"}}
	a := newAnchors(src, tgt, opt)
	if a == nil {
		t.Fatal("newAnchors found no anchors")
	}
	// Sentence 0 shares 北约/NATO, 维尔纽斯/Vilnius and 峰会/summit (NATO and
	// Vilnius are also Latin names, but only on the Latin side, where they
	// are weak); sentence 1 shares 会议/meeting.
	if got, want := a.cost(0, 1, 0, 1), -3*anchorMatch; got != want {
		t.Errorf("cost of 0-0 = %v, want %v", got, want)
	}
	if got, want := a.cost(1, 2, 1, 2), -anchorMatch; got != want {
		t.Errorf("cost of 1-1 = %v, want %v", got, want)
	}
	// 0-1: nothing shared; 北约, 维尔纽斯, 峰会 and meeting miss.
	if got, want := a.cost(0, 1, 1, 2), 4*anchorMiss; got != want {
		t.Errorf("cost of 0-1 = %v, want %v", got, want)
	}
	if got := beadsString(Align(src, tgt, opt)); got != "0-0 1-1" {
		t.Errorf("Align = %q", got)
	}
}

// checkCover fails the test unless the beads cover [0, n) and [0, m) once
// each, in order, with consecutive indexes in every bead, at most two a
// side and at least one sentence a bead.
func checkCover(t *testing.T, beads []Bead, n, m int) {
	t.Helper()
	i, j := 0, 0
	for k, b := range beads {
		if len(b.Source)+len(b.Target) == 0 || len(b.Source) > 2 || len(b.Target) > 2 {
			t.Fatalf("bead %d: %v %v: want 1 or 2 sentences a side, one side possibly empty", k, b.Source, b.Target)
		}
		for _, x := range b.Source {
			if x != i {
				t.Fatalf("bead %d: source %v: want index %d next", k, b.Source, i)
			}
			i++
		}
		for _, y := range b.Target {
			if y != j {
				t.Fatalf("bead %d: target %v: want index %d next", k, b.Target, j)
			}
			j++
		}
	}
	if i != n || j != m {
		t.Fatalf("beads cover %d source and %d target sentences, want %d and %d", i, j, n, m)
	}
}
