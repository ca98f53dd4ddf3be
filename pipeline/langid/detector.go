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
// judged with lingua's low-accuracy mode (character trigrams only, some
// 24 MB of models for six languages); single words by a lingua detector
// of English against one other language, in low-accuracy mode to find
// fragments and in high-accuracy mode (n-grams of one to five characters,
// which judge a single word far better, at about 30 MB a language) to
// fix the exact span of a fragment once one is found, so that the large
// models load only for languages that a text really leaks. Nothing is
// loaded until a text is asked about, so a run that never asks pays
// nothing; a Detector is safe for concurrent use.
type Detector struct {
	langs  []language.Tag // base languages, sorted by their string
	codes  []lingua.Language
	once   sync.Once
	detect lingua.LanguageDetector
	count  counters
	pairs  [2]sync.Map // lingua.Language -> *pairDetector: English against it, low and high accuracy
}

// pairDetector tells English from one other language with lingua's
// high-accuracy models (n-grams of one to five letters), which judge a
// single word far better than trigrams alone.
type pairDetector struct {
	once   sync.Once
	detect lingua.LanguageDetector
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
		b, _ := t.Base()
		code := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(b.String()))
		if code == lingua.Unknown {
			continue
		}
		tag := language.Make(b.String())
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
	d := &Detector{}
	var key strings.Builder
	for _, i := range idx {
		d.langs = append(d.langs, bases[i])
		d.codes = append(d.codes, codes[i])
		key.WriteString(bases[i].String())
		key.WriteByte(',')
	}
	shared, _ := detectors.LoadOrStore(key.String(), d)
	return shared.(*Detector)
}

// Languages returns the detector's candidate languages (base languages,
// sorted).
func (d *Detector) Languages() []language.Tag { return slices.Clone(d.langs) }

// Has reports whether lang's base language is one of the candidates.
func (d *Detector) Has(lang language.Tag) bool {
	b, _ := lang.Base()
	return slices.Contains(d.langs, language.Make(b.String()))
}

func (d *Detector) lingua() lingua.LanguageDetector {
	d.once.Do(func() {
		if len(d.codes) < 2 {
			return // lingua needs two languages; with one, nothing is foreign
		}
		d.detect = lingua.NewLanguageDetectorBuilder().
			FromLanguages(d.codes...).
			WithLowAccuracyMode().
			Build()
	})
	return d.detect
}

// Confidences returns lingua's confidence in each candidate language for
// text, most likely first (ties in the order of the candidates). A text
// without letters, and every text of a detector with fewer than two
// candidates, gives confidences of 0.
func (d *Detector) Confidences(text string) []Guess {
	out := make([]Guess, len(d.langs))
	for i, t := range d.langs {
		out[i] = Guess{Lang: t}
	}
	det := d.lingua()
	if det == nil {
		return out
	}
	d.count.calls.Add(1)
	d.count.bytes.Add(int64(len(text)))
	for _, cv := range det.ComputeLanguageConfidenceValues(text) {
		if i := slices.Index(d.codes, cv.Language()); i >= 0 {
			out[i].Confidence = cv.Value()
		}
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
// high-accuracy mode.
func (d *Detector) pairOdds(word string, lang language.Tag, high bool) (foreign, english float64) {
	i := slices.Index(d.langs, lang)
	e := slices.Index(d.langs, language.English)
	if i < 0 || e < 0 || i == e {
		return 0, 0
	}
	code := d.codes[i]
	mode := 0
	if high {
		mode = 1
	}
	v, _ := d.pairs[mode].LoadOrStore(code, &pairDetector{})
	pd := v.(*pairDetector)
	pd.once.Do(func() {
		b := lingua.NewLanguageDetectorBuilder().FromLanguages(lingua.English, code)
		if !high {
			b = b.WithLowAccuracyMode()
		}
		pd.detect = b.Build()
	})
	d.count.calls.Add(1)
	d.count.bytes.Add(int64(len(word)))
	for _, cv := range pd.detect.ComputeLanguageConfidenceValues(word) {
		switch cv.Language() {
		case code:
			foreign = cv.Value()
		case lingua.English:
			english = cv.Value()
		}
	}
	return foreign, english
}

// Confidence returns lingua's confidence that text is in lang, 0 when
// lang is not a candidate.
func (d *Detector) Confidence(text string, lang language.Tag) float64 {
	b, _ := lang.Base()
	for _, g := range d.Confidences(text) {
		if gb, _ := g.Lang.Base(); gb == b {
			return g.Confidence
		}
	}
	return 0
}
