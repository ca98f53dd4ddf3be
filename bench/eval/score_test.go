package main

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

func TestCounts(t *testing.T) {
	tests := []struct {
		c       Counts
		p, r, f float64
	}{
		{Counts{TP: 3}, 1, 1, 1},
		{Counts{TP: 1, FP: 1, FN: 2}, 0.5, 1.0 / 3, 0.4},
		{Counts{}, 1, 1, 1},
		{Counts{FP: 2, FN: 2}, 0, 0, 0},
	}
	for _, tt := range tests {
		if p, r, f := tt.c.Precision(), tt.c.Recall(), tt.c.F1(); !near(p, tt.p) || !near(r, tt.r) || !near(f, tt.f) {
			t.Errorf("%+v: P R F1 = %.3f %.3f %.3f, want %.3f %.3f %.3f", tt.c, p, r, f, tt.p, tt.r, tt.f)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestLabelCounts(t *testing.T) {
	tests := []struct {
		pred, label bool
		want        Counts
	}{
		{true, true, Counts{TP: 1}},
		{true, false, Counts{FP: 1}},
		{false, true, Counts{FN: 1}},
		{false, false, Counts{}},
	}
	for _, tt := range tests {
		if got := labelCounts(tt.pred, tt.label); got != tt.want {
			t.Errorf("labelCounts(%v, %v) = %+v, want %+v", tt.pred, tt.label, got, tt.want)
		}
	}
}

func TestExactSpans(t *testing.T) {
	s := func(a, b int) pipeline.Span { return pipeline.Span{Start: a, End: b} }
	tests := []struct {
		name       string
		gold, pred []pipeline.Span
		want       Counts
	}{
		{"exact", []pipeline.Span{s(3, 9)}, []pipeline.Span{s(3, 9)}, Counts{TP: 1}},
		{"one word too many", []pipeline.Span{s(3, 9)}, []pipeline.Span{s(3, 12)}, Counts{FP: 1, FN: 1}},
		{"missed", []pipeline.Span{s(3, 9)}, nil, Counts{FN: 1}},
		{"twice the same span", []pipeline.Span{s(3, 9)}, []pipeline.Span{s(3, 9), s(3, 9)}, Counts{TP: 1, FP: 1}},
		{"extra finding", []pipeline.Span{s(3, 9)}, []pipeline.Span{s(3, 9), s(20, 25)}, Counts{TP: 1, FP: 1}},
	}
	for _, tt := range tests {
		if got := exactSpans(tt.gold, tt.pred); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestInject(t *testing.T) {
	text := "US is Leaving NATO"
	tests := []struct {
		at    int
		glued bool
		want  string
	}{
		{6, true, "US is酝酿 Leaving NATO"},
		{6, false, "US is 酝酿 Leaving NATO"},
		{3, false, "US 酝酿 is Leaving NATO"},
	}
	for _, tt := range tests {
		got, span := inject(text, "酝酿", tt.at, tt.glued)
		if got != tt.want || got[span.Start:span.End] != "酝酿" {
			t.Errorf("inject(at %d, glued %v) = %q %v, want %q with the span on 酝酿", tt.at, tt.glued, got, span, tt.want)
		}
	}
	if b := wordBoundaries(text); len(b) != 3 || b[0] != 3 || b[2] != 14 {
		t.Errorf("wordBoundaries(%q) = %v, want [3 6 14]", text, b)
	}
}

func TestFragments(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		f, ok := hanFragment(rng, "美国酝酿退出北约，NATO 与欧盟")
		if !ok || !strings.Contains("美国酝酿退出北约与欧盟", f) || len([]rune(f)) < 2 || len([]rune(f)) > 4 {
			t.Fatalf("hanFragment = %q, %v", f, ok)
		}
		p, ok := latinPhrase(rng, "Elle ne peut donc, à elle seule, nourrir le débat.", 3)
		if ok && (len(strings.Fields(p)) != 3 || strings.ContainsAny(p[len(p)-1:], ",.")) {
			t.Fatalf("latinPhrase = %q", p)
		}
	}
	if _, ok := hanFragment(rng, "no Chinese here"); ok {
		t.Error("hanFragment found a fragment in English")
	}
	if _, ok := latinPhrase(rng, "deux mots", 3); ok {
		t.Error("latinPhrase took 3 words of a sentence of 2")
	}
}

func TestSkipsWithoutShared(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-shared", t.TempDir() + "/absent"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "not found") {
		t.Errorf("output %q does not say the data is absent", out.String())
	}
}

func TestWordsGroup(t *testing.T) {
	tests := []struct {
		lang, phrase, want string
	}{
		{"fr", "la disparition de", wordsPlain},
		{"fr", "Il nous a", wordsPlain}, // a capital first word may start the sentence
		{"fr", "le pays de Canaan", wordsNoisy},
		{"fr", "et de l'usine SGI", wordsNoisy},
		{"de", "Die Küste der Insel", wordsPlain}, // German nouns
		{"de", "Ende der 50er", wordsNoisy},
		{"es", "que tiene ya ms", wordsNoisy},
		{"es", "Oscar Pinto, mucho", wordsNoisy},
		{"es", "dos amigos necesitaban", wordsPlain},
		{"de", "die iPhone Nutzer", wordsNoisy},
	}
	for _, tt := range tests {
		if got := wordsGroup(tt.lang, tt.phrase); got != tt.want {
			t.Errorf("wordsGroup(%q, %q) = %q, want %q", tt.lang, tt.phrase, got, tt.want)
		}
	}
}
