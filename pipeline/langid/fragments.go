package langid

import (
	"math"
	"sync/atomic"

	"golang.org/x/text/language"
)

// Fragment is a span of a text in another language than the text's: two
// or more words that lingua confidently puts in Lang.
type Fragment struct {
	Start, End int
	Lang       language.Tag
	// Confidence is lingua's confidence in Lang for the fragment's text
	// among all the detector's candidates; Odds is its confidence in Lang
	// against the expected language alone, Lang / (Lang + expected).
	Confidence, Odds float64
	Words            int
}

// Tuning of the fragment finder; the package documentation explains them.
const (
	seedGap        = 3    // words between two Unknown words of one cluster
	windowPad      = 4    // words around a cluster that a fragment may take in
	switchCost     = 2.0  // log-odds that entering or leaving a fragment costs
	minFragmentOdd = 0.95 // Odds a fragment needs
	minClusterOdds = 0.5  // Odds a cluster needs before its words are scored
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
// spans of two or more Latin-script words that lingua confidently puts in
// one of the detector's other candidates. Only text near a word that the
// English list does not know (an UnknownWord) reaches lingua; words are
// then labelled English or foreign by a two-state Viterbi search that
// weighs the list's verdict and lingua's per-word odds against a cost for
// each switch, and each foreign run is kept when lingua, asked about the
// run as a whole, gives its language odds of at least 0.95 against
// English. The detector must have English among its candidates.
func (d *Detector) EnglishFragments(text string) []Fragment {
	if !d.Has(language.English) {
		return nil
	}
	words := LatinWords(text)
	var out []Fragment
	for first := 0; first < len(words); {
		if words[first].Class != UnknownWord {
			first++
			continue
		}
		last := first
		for j := first + 1; j < len(words) && j-last <= seedGap+1; j++ {
			if words[j].Class == UnknownWord {
				last = j
			}
		}
		lo, hi := max(0, first-windowPad), min(len(words)-1, last+windowPad)
		out = append(out, d.fragmentsIn(text, words, lo, hi, first, last)...)
		first = last + 1
	}
	return out
}

// fragmentsIn looks for fragments among words lo..hi, around the cluster
// of Unknown words first..last.
func (d *Detector) fragmentsIn(text string, words []Word, lo, hi, first, last int) []Fragment {
	a, b := max(lo, first-1), min(hi, last+1)
	g := d.Confidences(text[words[a].Start:words[b].End])
	foreign, odds := topForeign(g, language.English)
	if odds < minClusterOdds {
		return nil
	}
	n := hi - lo + 1
	score := make([]float64, n)
	for k := range n {
		w := words[lo+k]
		score[k] = lexicalScore(w)
		if w.Class != NeutralWord || w.Capital {
			score[k] += d.wordOdds(text[w.Start:w.End], foreign)
		}
	}
	var out []Fragment
	for _, run := range viterbi(score) {
		if run[1]-run[0] < 2 {
			continue
		}
		s, e := lo+run[0], lo+run[1]-1
		evidence := false
		for k := s; k <= e; k++ {
			evidence = evidence || words[k].Class == UnknownWord
		}
		if !evidence {
			continue
		}
		frag := text[words[s].Start:words[e].End]
		g := d.Confidences(frag)
		lang, odds := topForeign(g, language.English)
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

// lexicalScore is the English list's log-odds that w is foreign.
func lexicalScore(w Word) float64 {
	switch w.Class {
	case EnglishWord:
		return -0.5
	case RareWord:
		return 0.3
	case UnknownWord:
		if w.Diacritic {
			return 3
		}
		return 2
	}
	return 0
}

// wordOdds is lingua's log-odds that word is in lang rather than English,
// between -3 and 3; 0 for words under three letters, about which
// trigrams say nothing.
func (d *Detector) wordOdds(word string, lang language.Tag) float64 {
	if len([]rune(word)) < 3 {
		return 0
	}
	var en, fl float64
	for _, g := range d.Confidences(word) {
		switch g.Lang {
		case language.English:
			en = g.Confidence
		case lang:
			fl = g.Confidence
		}
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
