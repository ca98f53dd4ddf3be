package langid

import (
	"math"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Fragment is a span of a text in another language than the text's: two
// or more words that lingua confidently puts in Lang.
type Fragment struct {
	Start, End int
	Lang       language.Tag
	// Confidence is lingua's confidence in Lang for the fragment's text
	// among all the detector's candidates (low-accuracy mode); Odds is its
	// confidence in Lang against the expected language alone, in
	// high-accuracy mode.
	Confidence, Odds float64
	Words            int
}

// Tuning of the fragment finder; the package documentation explains them.
const (
	seedGap        = 3   // words between two Unknown words of one cluster
	windowPad      = 4   // words around a cluster that a fragment may take in
	switchCost     = 2.0 // log-odds that entering or leaving a fragment costs
	minFragmentOdd = 0.5 // odds against English that lingua must give a fragment
	minRunScore    = 0.0 // a fragment's summed log-odds, less its two switches
	minEvidence    = 1.5 // see evidence
	scoreEnglish   = -0.5
	scoreRare      = 0.3
	scoreUnknown   = 2.0
	scoreDiacritic = 3.0
	// commonSize is the largest SCOWL size class of a common English
	// word: sizes 10 and 20 hold the few thousand most frequent words.
	commonSize          = 20
	scoreFunction       = 1.5   // a function word of L that is no common English word
	scoreCommonFunction = 0.0   // a common English word that is also a function word of L ("a", "die")
	scoreCommon         = -0.75 // a common English word that is no function word of L
	fwOddsMax           = 0.5   // the most that lingua's odds for a function word may take away
	nameMax             = 1.5   // the most that lingua's odds add for a name
	nameOffset          = -0.5
)

// Stats counts what a detector has done: the texts and bytes that reached
// lingua.
type Stats struct {
	Calls, Bytes int64
}

type counters struct{ calls, bytes atomic.Int64 }

// Stats returns how many texts, and bytes of text, this detector has
// given lingua so far.
func (d *Detector) Stats() Stats {
	return Stats{Calls: d.count.calls.Load(), Bytes: d.count.bytes.Load()}
}

// EnglishFragments finds fragments of other languages in an English text:
// spans of two or more Latin-script words that lingua puts in one of the
// detector's other candidates. It works in three steps:
//
//  1. Pre-filter: LatinWords classifies each word against the embedded
//     English word list. Only clusters of seed words (no more than three
//     words apart) go further: words that the list does not know, and
//     function words of another candidate (IsFunctionWord: "los", "und",
//     "Aunque") that are no common English words. A cluster goes on only
//     when it, with the word on each side, weighs enough (see evidence):
//     a lone unknown word in English ("pushback") never reaches lingua.
//  2. Language: lingua names the most likely language L other than
//     English for the cluster's words.
//  3. Span: in a window of four words around the cluster, each word gets
//     log-odds of being in L rather than English: the word list's verdict
//     (English -0.5, one of the common English words of SCOWL's sizes 10
//     and 20 -0.75, rare 0.3, unknown 2, unknown with a diacritic 3),
//     raised by 1.5 for a function word of L (a common English word that
//     is also one, such as "a" or "die", counts 0: it joins a fragment
//     only between two foreign words), plus lingua's odds for the word
//     alone (capped at 1.5, less 0.5, for names; for a function word of
//     L they take away at most 0.5, and for a common English one add at
//     most 0.5, since lingua judges such short words poorly), from
//     lingua's trigrams; where that finds a fragment, the window is
//     labelled again with lingua's high-accuracy odds, which fix its
//     span. A two-state Viterbi search labels the words English or L,
//     paying 2 for each switch. A foreign run is a fragment when it has
//     two words or more, its log-odds reach the cost of its two
//     switches, its unknown words and function words weigh at least 1.5
//     (see evidence), not all its long words are capitalised (a name
//     such as "Hochschule für Musik und Theater"), and lingua, asked
//     about the run as a whole, names a language L' other than English
//     among all the candidates (in low-accuracy mode) and finds L'
//     more likely than English when only the two are compared (in
//     high-accuracy mode).
//
// The detector must have English among its candidates. bench/README.md
// records how exact the spans are.
func (d *Detector) EnglishFragments(text string) []Fragment {
	return d.EnglishFragmentsOf(text, LatinWords(text))
}

// EnglishFragmentsOf is EnglishFragments over words, the result of
// LatinWords(text) whose classes the caller may have changed: a word
// that an allow list or a glossary accepts as English is made an
// EnglishWord.
func (d *Detector) EnglishFragmentsOf(text string, words []Word) []Fragment {
	if !d.Has(language.English) {
		return nil
	}
	// A word is a seed of a fragment when the English list does not know
	// it, or when it is a function word of another candidate that is no
	// common English word ("los", "und", "Aunque").
	seed := make([]bool, len(words))
	fw := make([]bool, len(words))
	any := false
	for k, w := range words {
		fw[k] = w.Class != EnglishWord && d.foreignFunction(text[w.Start:w.End])
		seed[k] = w.Class == UnknownWord || fw[k]
		any = any || seed[k]
	}
	if !any {
		return nil
	}
	var out []Fragment
	for first := 0; first < len(words); {
		if !seed[first] {
			first++
			continue
		}
		last := first
		for j := first + 1; j < len(words) && j-last <= seedGap+1; j++ {
			if seed[j] {
				last = j
			}
		}
		lo0, hi0 := max(0, first-1), min(len(words), last+2)
		if evidence(words[lo0:hi0], fw[lo0:hi0]) < minEvidence {
			// One unknown word ("pushback") with English around it: no
			// fragment can weigh enough, and lingua is not asked.
			first = last + 1
			continue
		}
		lo, hi := max(0, first-windowPad), min(len(words)-1, last+windowPad)
		if found := d.fragmentsIn(text, words, lo, hi, first, last, false); len(found) > 0 {
			// Fix the spans with the high-accuracy word models.
			out = append(out, d.fragmentsIn(text, words, lo, hi, first, last, true)...)
		}
		first = last + 1
	}
	return out
}

// foreignFunction reports whether word is a function word of one of the
// detector's candidates other than English.
func (d *Detector) foreignFunction(word string) bool {
	return d.foreignFW()[functionKey(word)]
}

// fragmentsIn looks for fragments among words lo..hi, around the cluster
// of Unknown words first..last.
func (d *Detector) fragmentsIn(text string, words []Word, lo, hi, first, last int, high bool) []Fragment {
	a, b := first, last
	g := d.Confidences(text[words[a].Start:words[b].End])
	foreign, odds := topForeign(g, language.English)
	if odds == 0 {
		return nil
	}
	n := hi - lo + 1
	score := make([]float64, n)
	fw := make([]bool, len(words))
	for k := range n {
		w := words[lo+k]
		fw[lo+k] = IsFunctionWord(foreign, text[w.Start:w.End])
		score[k] = lexicalScore(w, fw[lo+k])
		switch {
		case fw[lo+k] && w.Class == EnglishWord && w.Size <= commonSize:
			// lingua's odds for a short closed-class word say little
			score[k] += max(-fwOddsMax, min(fwOddsMax, d.wordOdds(text[w.Start:w.End], foreign, high)))
		case fw[lo+k]:
			score[k] += max(-fwOddsMax, d.wordOdds(text[w.Start:w.End], foreign, high))
		case w.Class == NeutralWord && w.Capital:
			score[k] += min(nameMax, d.wordOdds(text[w.Start:w.End], foreign, high)) + nameOffset
		case w.Class != NeutralWord:
			score[k] += d.wordOdds(text[w.Start:w.End], foreign, high)
		}
	}
	var out []Fragment
	for _, run := range viterbi(score) {
		if run[1]-run[0] < 2 {
			continue
		}
		total := -2 * switchCost
		for k := run[0]; k < run[1]; k++ {
			total += score[k]
		}
		if total < minRunScore {
			continue
		}
		s, e := lo+run[0], lo+run[1]-1
		if evidence(words[s:e+1], fw[s:e+1]) < minEvidence || titleCase(text, words[s:e+1]) {
			continue
		}
		frag := text[words[s].Start:words[e].End]
		g := d.Confidences(frag)
		lang, odds := topForeign(g, language.English)
		if lang != language.Und {
			// lingua's high-accuracy verdict on the run against English
			// alone: trigrams among all the candidates judge a phrase of
			// three short words poorly ("qui fournit la")
			f, e := d.pairOdds(frag, lang, true)
			if f+e > 0 {
				odds = f / (f + e)
			}
		}
		if odds < minFragmentOdd {
			continue
		}
		conf := 0.0
		for _, x := range g {
			if x.Lang == lang {
				conf = x.Confidence
			}
		}
		out = append(out, Fragment{Start: words[s].Start, End: words[e].End, Lang: lang, Confidence: conf, Odds: odds, Words: e - s + 1})
	}
	return out
}

// evidence weighs the words that the English list does not know: two
// for a word with a diacritic, one for another Unknown word or a function
// word of the other language that is no common English word (fw[k] for
// words[k]), a half for another Rare one.
func evidence(words []Word, fw []bool) float64 {
	e := 0.0
	for k, w := range words {
		switch {
		case w.Class == UnknownWord && w.Diacritic:
			e += 2
		case w.Class == UnknownWord, fw[k] && w.Class != EnglishWord:
			e++
		case w.Class == RareWord:
			e += 0.5
		}
	}
	return e
}

// titleCase reports whether every word of four letters or more is
// capitalised: the name of an institution or a work ("Hochschule für
// Musik und Theater"), not a phrase.
func titleCase(text string, words []Word) bool {
	long := 0
	for _, w := range words {
		if utf8.RuneCountInString(text[w.Start:w.End]) < 4 {
			continue
		}
		long++
		if !w.Capital {
			return false
		}
	}
	return long > 0
}

// topForeign returns the most likely candidate other than expected and
// its odds against expected.
func topForeign(g []Guess, expected language.Tag) (language.Tag, float64) {
	exp := 0.0
	var best Guess
	found := false
	for _, x := range g {
		if x.Lang == expected {
			exp = x.Confidence
			continue
		}
		if !found {
			best, found = x, true
		}
	}
	if !found || best.Confidence == 0 {
		return language.Und, 0
	}
	return best.Lang, best.Confidence / (best.Confidence + exp)
}

// lexicalScore is the English list's log-odds that w is foreign, given
// whether w is a function word of the foreign language (fw).
func lexicalScore(w Word, fw bool) float64 {
	switch w.Class {
	case EnglishWord:
		switch {
		case fw && w.Size <= commonSize:
			return scoreCommonFunction
		case fw:
			return scoreFunction
		case w.Size <= commonSize && !w.Diacritic:
			return scoreCommon
		}
		return scoreEnglish
	case RareWord:
		if fw {
			return scoreFunction + scoreRare
		}
		return scoreRare
	case UnknownWord:
		s := scoreUnknown
		if w.Diacritic {
			s = scoreDiacritic
		}
		if fw {
			s += scoreFunction
		}
		return s
	case NeutralWord:
		if fw && w.Capital {
			return scoreFunction
		}
	}
	return 0
}

// wordOdds is lingua's log-odds that word is in lang rather than English,
// between -3 and 3, from its trigrams or, when high is set, its
// high-accuracy models; 0 when lingua cannot tell (in low-accuracy mode,
// words under three letters).
func (d *Detector) wordOdds(word string, lang language.Tag, high bool) float64 {
	fl, en := d.pairOdds(word, lang, high)
	if fl == 0 && en == 0 {
		return 0
	}
	return max(-3, min(3, math.Log((fl+0.01)/(en+0.01))))
}

// viterbi labels each position English or foreign so as to maximise the
// sum of the foreign positions' scores less switchCost for each switch
// (the text outside counts as English) and returns the foreign runs as
// half-open [start, end) ranges of positions.
func viterbi(score []float64) [][2]int {
	n := len(score)
	if n == 0 {
		return nil
	}
	// best[k][s]: best total for positions 0..k with position k in state s
	// (0 English, 1 foreign); from[k][s] the state of k-1.
	best := make([][2]float64, n)
	from := make([][2]uint8, n)
	best[0] = [2]float64{0, score[0] - switchCost}
	for k := 1; k < n; k++ {
		for s := range 2 {
			stay, sw := best[k-1][s], best[k-1][1-s]-switchCost
			v, f := stay, uint8(s)
			if sw > stay {
				v, f = sw, uint8(1-s)
			}
			if s == 1 {
				v += score[k]
			}
			best[k][s], from[k][s] = v, f
		}
	}
	state := uint8(0)
	if best[n-1][1]-switchCost > best[n-1][0] {
		state = 1
	}
	labels := make([]uint8, n)
	for k := n - 1; k >= 0; k-- {
		labels[k] = state
		state = from[k][state]
	}
	var runs [][2]int
	for k := 0; k < n; k++ {
		if labels[k] == 1 {
			j := k
			for j < n && labels[j] == 1 {
				j++
			}
			runs = append(runs, [2]int{k, j})
			k = j
		}
	}
	return runs
}
