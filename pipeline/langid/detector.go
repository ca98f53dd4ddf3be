package langid

import (
	"slices"
	"strings"
	"sync"

	"github.com/pemistahl/lingua-go"
	"golang.org/x/text/language"
)

// DefaultLanguages are the candidate languages that a Detector considers
// besides a run's source and target languages: the common languages of
// Western Europe written in Latin script.
var DefaultLanguages = []language.Tag{
	language.French, language.German, language.Spanish,
	language.Italian, language.Portuguese, language.Dutch,
}

// Guess is one candidate language of a text with lingua's confidence in
// it, a probability between 0 and 1; the confidences of all candidates of
// a detector add up to 1.
type Guess struct {
	Lang       language.Tag
	Confidence float64
}

// Detector identifies the natural language of a text among a fixed set of
// candidate languages with lingua-go's statistical models. Texts are
// judged as lingua judges them in its low-accuracy mode (character
// trigrams only), computed by this package from lingua's model files
// (lingua.go) so that no process builds lingua's own detector and decodes
// its models into maps. Single words are judged for
// English against one other language by pairConfidence, which computes
// lingua's own confidences from lingua's model files but keeps the models
// in compact tables: trigrams alone to find fragments, and n-grams of one
// to five letters (lingua's high-accuracy mode, which judges a single word
// far better, at about 6 MB a language instead of lingua's 18 MB) to fix
// the exact span of a fragment once one is found, so that the large models
// load only for languages that a text really leaks. The tables of n-grams
// of one to three letters of English, Chinese and DefaultLanguages are
// embedded ready to use (ngram_tables.go); the others are read on first
// use, so a run that never asks pays nothing; a Detector is safe for
// concurrent use.
type Detector struct {
	langs []language.Tag // base languages, sorted by their string
	codes []lingua.Language
	rules func() *linguaRules
	count counters
	// foreignFW holds the function words of the candidates other than
	// English, folded by functionKey; built on first use.
	foreignFW func() map[string]bool
}

var detectors sync.Map // key of a language set -> *Detector

// DetectorFor returns the shared detector for the candidate languages
// langs (their base languages count; duplicates and languages lingua does
// not know are dropped). Every call with the same set returns the same
// Detector, so one process builds one detector, and loads lingua's models
// once, for each set of languages.
func DetectorFor(langs []language.Tag) *Detector {
	var bases []language.Tag
	var codes []lingua.Language
	for _, t := range langs {
		tag, _ := BaseOf(t)
		code := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(tag.String()))
		if code == lingua.Unknown {
			continue
		}
		if slices.Contains(bases, tag) {
			continue
		}
		bases = append(bases, tag)
		codes = append(codes, code)
	}
	idx := make([]int, len(bases))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return strings.Compare(bases[a].String(), bases[b].String()) })
	var key strings.Builder
	for _, i := range idx {
		key.WriteString(bases[i].String())
		key.WriteByte(',')
	}
	if shared, ok := detectors.Load(key.String()); ok {
		return shared.(*Detector)
	}
	d := &Detector{}
	for _, i := range idx {
		d.langs = append(d.langs, bases[i])
		d.codes = append(d.codes, codes[i])
	}
	d.rules = sync.OnceValue(func() *linguaRules { return newLinguaRules(d.codes) })
	d.foreignFW = sync.OnceValue(func() map[string]bool {
		size := 0
		for _, t := range d.langs {
			if t != language.English {
				size += len(functionWords()[t])
			}
		}
		set := make(map[string]bool, size)
		for _, t := range d.langs {
			if t == language.English {
				continue
			}
			for w := range functionWords()[t] {
				set[w] = true
			}
		}
		return set
	})
	shared, _ := detectors.LoadOrStore(key.String(), d)
	return shared.(*Detector)
}

// Languages returns the detector's candidate languages (base languages,
// sorted).
func (d *Detector) Languages() []language.Tag { return slices.Clone(d.langs) }

// Has reports whether lang's base language is one of the candidates.
func (d *Detector) Has(lang language.Tag) bool {
	b, _ := BaseOf(lang)
	return slices.Contains(d.langs, b)
}

// Confidences returns lingua's confidence in each candidate language for
// text, most likely first (ties in the order of the candidates): the
// confidences of lingua-go v1.4.0's detector of the candidates in its
// low-accuracy mode, computed from its model files (see lingua.go). A text
// without letters, and every text of a detector with fewer than two
// candidates, gives confidences of 0.
func (d *Detector) Confidences(text string) []Guess {
	out := make([]Guess, len(d.langs))
	for i, t := range d.langs {
		out[i] = Guess{Lang: t}
	}
	if len(d.codes) < 2 {
		return out // lingua needs two languages; with one, nothing is foreign
	}
	d.count.calls.Add(1)
	d.count.bytes.Add(int64(len(text)))
	for i, c := range d.rules().confidences(text) {
		out[i].Confidence = c
	}
	slices.SortStableFunc(out, func(a, b Guess) int {
		switch {
		case a.Confidence > b.Confidence:
			return -1
		case a.Confidence < b.Confidence:
			return 1
		}
		return 0
	})
	return out
}

// pairOdds returns lingua's confidences that word is in lang and in
// English, with lang and English as the only candidates, in low- or
// high-accuracy mode (see pairConfidence).
func (d *Detector) pairOdds(word string, lang language.Tag, high bool) (foreign, english float64) {
	i := slices.Index(d.langs, lang)
	e := slices.Index(d.langs, language.English)
	if i < 0 || e < 0 || i == e {
		return 0, 0
	}
	d.count.calls.Add(1)
	d.count.bytes.Add(int64(len(word)))
	return pairConfidence(word, d.codes[i], high)
}

// Confidence returns lingua's confidence that text is in lang, 0 when
// lang is not a candidate.
func (d *Detector) Confidence(text string, lang language.Tag) float64 {
	b, _ := BaseOf(lang)
	for _, g := range d.Confidences(text) {
		if g.Lang == b {
			return g.Confidence
		}
	}
	return 0
}
