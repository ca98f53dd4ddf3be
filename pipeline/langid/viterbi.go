package langid

import (
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
	"golang.org/x/text/language"
)

// latinCandidates returns the indices in d.langs of the candidates other
// than English that are written in Latin script.
func (d *Detector) latinCandidates() []int {
	var out []int
	for i, t := range d.langs {
		if t == language.English {
			continue
		}
		if s, _ := t.Script(); s.String() != "Latn" {
			continue
		}
		out = append(out, i)
	}
	return out
}

// emission is the log-odds that word w of text is in lang (tag) rather
// than English, from the English list's verdict, lang's function words,
// the word counts of lang and English (counts, the word's wordCountLLR)
// and the word's letters under letter models of up to order letters,
// whose weight is capped at ±letterCap (see EnglishFragments).
func emission(text string, w Word, lang lingua.Language, tag language.Tag, order int, letterCap, counts float64) float64 {
	word := text[w.Start:w.End]
	if w.Class == NeutralWord && (!w.Capital || acronym(word)) {
		return scoreNeutral
	}
	fw := IsFunctionWord(tag, word)
	letters := charLLR(word, lang, order)
	var s float64
	switch w.Class {
	case NeutralWord: // a capitalised word that no list knows
		s = max(-nameCap, min(nameCap, letterWeight*letters)) + nameOffset
		if fw {
			s += scoreFunction
		}
		return s
	case UnknownWord:
		s = scoreUnknown
		if w.Diacritic {
			s = scoreDiacritic
		}
		if fw {
			s += scoreFunction
		}
	case RareWord:
		s = scoreRare
		if fw {
			s += scoreFunction
		}
	default:
		switch {
		case fw && w.Size <= commonSize:
			s = scoreCommonFunction
		case fw:
			s = scoreFunction
		case w.Size <= commonSize && !w.Diacritic:
			s = scoreCommon
		default:
			s = scoreEnglish
		}
	}
	s += wordCountWeight * max(-wordCountCap, min(wordCountCap, counts))
	return s + max(-letterCap, min(letterCap, letterWeight*letters))
}

// acronym reports whether word has a capital letter after its first.
func acronym(word string) bool {
	_, n := utf8.DecodeRuneInString(word)
	for _, r := range word[n:] {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// viterbi labels each position English or foreign so as to maximise the
// sum of the foreign positions' scores less switchCost for each switch
// (the text outside counts as English), plus pair[k] where positions k-1
// and k are both English and fpair[k] where both are foreign (pair and
// fpair may be nil; their entry 0 is unused). It
// returns the foreign runs as half-open [start,
// end) ranges of positions, and the gain of that labelling over labelling
// every position English.
func viterbi(score []float64, pair, fpair []float64) ([][2]int, float64) {
	n := len(score)
	if n == 0 {
		return nil, 0
	}
	allEnglish := 0.0
	bonus := func(k, s int) float64 {
		b := pair
		if s == 1 {
			b = fpair
		}
		if b == nil {
			return 0
		}
		return b[k]
	}
	// best[k][s]: best total for positions 0..k with position k in state s
	// (0 English, 1 foreign); from[k][s] the state of k-1.
	best := make([][2]float64, n)
	from := make([][2]uint8, n)
	best[0] = [2]float64{0, score[0] - switchCost}
	for k := 1; k < n; k++ {
		allEnglish += bonus(k, 0)
		for s := range 2 {
			stay, sw := best[k-1][s]+bonus(k, s), best[k-1][1-s]-switchCost
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
	state, total := uint8(0), best[n-1][0]
	if best[n-1][1]-switchCost > best[n-1][0] {
		state, total = 1, best[n-1][1]-switchCost
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
	return runs, total - allEnglish
}

// runGain is what labelling the positions of run foreign, and their
// neighbours English, gains over labelling them all English: the run's
// scores and the pair bonuses of its foreign neighbours, less its two
// switches and the pair bonuses of English neighbours that it breaks.
func runGain(score []float64, pair, fpair []float64, run [2]int) float64 {
	g := -2 * switchCost
	for k := run[0]; k < run[1]; k++ {
		g += score[k]
		if fpair != nil && k > run[0] {
			g += fpair[k]
		}
	}
	if pair == nil {
		return g
	}
	for k := max(1, run[0]); k <= min(len(score)-1, run[1]); k++ {
		g -= pair[k]
	}
	return g
}

// fragmentsIn finds the fragments among words lo..hi: each Latin-script
// candidate is tried with letter models of up to chooseOrder letters, and
// the one whose labelling gains most over all-English (with a foreign run
// of two words or more) is chosen. Where one of its runs passes the
// verdict of EnglishFragments, the window is labelled again with models
// of up to spanOrder letters, which load only then (so clean text never
// loads them), and those runs are judged in turn.
func (d *Detector) fragmentsIn(text string, words []Word, lo, hi int) []Fragment {
	n := hi - lo + 1
	score := make([]float64, n)
	bestGain, best := 0.0, -1
	pair := pairBonuses(text, words[lo:hi+1], nil)
	keys, english := wordCountKeys(text, words[lo:hi+1])
	var fpair, counts []float64
	for _, li := range d.latinCandidates() {
		d.count.calls.Add(1)
		counts = wordCountLLRs(keys, english, d.langs[li], counts)
		for k := range n {
			score[k] = emission(text, words[lo+k], d.codes[li], d.langs[li], chooseOrder, chooseCap, counts[k])
		}
		fpair = foreignPairBonuses(text, words[lo:hi+1], d.langs[li], fpair)
		runs, gain := viterbi(score, pair, fpair)
		long := false
		for _, r := range runs {
			long = long || r[1]-r[0] >= 2
		}
		if long && gain > bestGain {
			bestGain, best = gain, li
		}
	}
	if best < 0 {
		return nil
	}
	for k := lo; k <= hi; k++ {
		d.count.bytes.Add(int64(words[k].End - words[k].Start))
	}
	lang, tag := d.codes[best], d.langs[best]
	fpair = foreignPairBonuses(text, words[lo:hi+1], tag, fpair)
	counts = wordCountLLRs(keys, english, tag, counts)
	fw := make([]bool, n)
	for k := range n {
		w := words[lo+k]
		fw[k] = IsFunctionWord(tag, text[w.Start:w.End])
		score[k] = emission(text, w, lang, tag, chooseOrder, spanCap, counts[k])
	}
	if len(d.judgeRuns(text, words, lo, score, pair, fpair, fw, tag, false)) == 0 {
		return nil
	}
	for k := range n {
		score[k] = emission(text, words[lo+k], lang, tag, spanOrder, spanCap, counts[k])
	}
	return d.judgeRuns(text, words, lo, score, pair, fpair, fw, tag, true)
}

// judgeRuns labels the words from lo on by their scores and returns the
// foreign runs that pass the verdict of EnglishFragments; with final set,
// lingua's high-accuracy verdict too, and the fragments' confidences.
func (d *Detector) judgeRuns(text string, words []Word, lo int, score []float64, pair, fpair []float64, fw []bool, tag language.Tag, final bool) []Fragment {
	runs, _ := viterbi(score, pair, fpair)
	var out []Fragment
	for _, run := range runs {
		if run[1]-run[0] < 2 {
			continue
		}
		if runGain(score, pair, fpair, run) < minRunScore {
			continue
		}
		s, e := lo+run[0], lo+run[1]-1
		if evidence(words[s:e+1], fw[run[0]:run[1]]) < runEvidence(run[1]-run[0]) || titleCase(text, words[s:e+1]) {
			continue
		}
		f := Fragment{Start: words[s].Start, End: words[e].End, Lang: tag, Words: e - s + 1}
		if !final {
			out = append(out, f)
			continue
		}
		frag := text[f.Start:f.End]
		// lingua's high-accuracy verdict on the run against English alone
		f.Odds = 1
		if fl, en := d.pairOdds(frag, tag, true); fl+en > 0 {
			f.Odds = fl / (fl + en)
		}
		if f.Odds < minFragmentOdd {
			continue
		}
		for _, x := range d.Confidences(frag) {
			if x.Lang == tag {
				f.Confidence = x.Confidence
			}
		}
		out = append(out, f)
	}
	return out
}

// pairBonuses returns the pair bonuses of viterbi for words, in dst's
// memory (English neighbours): two neighbouring words with nothing but space between them
// weigh englishPairWeight times their englishPMI, capped at
// ±englishPairCap, as English. A word that both languages share thus goes
// with the neighbour it fits in English ("on the" after a French phrase),
// and a shared word after an English one that English never puts there
// leans to the foreign side.
func pairBonuses(text string, words []Word, dst []float64) []float64 {
	dst = append(dst[:0], make([]float64, len(words))...)
	for k := 1; k < len(words); k++ {
		a, b := words[k-1], words[k]
		if !spaceOnly(text[a.End:b.Start]) {
			continue
		}
		p := englishPMI(text[a.Start:a.End], text[b.Start:b.End])
		dst[k] = englishPairWeight * max(-englishPairCap, min(englishPairCap, p))
	}
	return dst
}

// foreignPairBonuses returns the pair bonuses of viterbi for words
// labelled tag, in dst's memory (foreign neighbours): two neighbouring
// words with nothing but space between them weigh foreignPairWeight times
// their PMI in tag's word pairs (foreignPairPMI), capped at
// foreignPairCap above and foreignPairFloor below, so that a word that
// English and tag share goes with the neighbour it fits in tag ("culture
// de", "in der"). It returns nil when tqa has no word pairs of tag.
func foreignPairBonuses(text string, words []Word, tag language.Tag, dst []float64) []float64 {
	c := foreignPairs(tag)
	if c == nil {
		return nil
	}
	dst = append(dst[:0], make([]float64, len(words))...)
	for k := 1; k < len(words); k++ {
		a, b := words[k-1], words[k]
		if !spaceOnly(text[a.End:b.Start]) {
			continue
		}
		p := pairPMI(c, text[a.Start:a.End], text[b.Start:b.End], englishPMISmooth)
		dst[k] = foreignPairWeight * max(-foreignPairFloor, min(foreignPairCap, p))
	}
	return dst
}

// runEvidence is the evidence (see evidence) that a fragment of n words
// needs: minEvidence for two words, minEvidenceLong for three or more,
// whose other words' letters and neighbours weigh in too ("Il nous a",
// "et de volley sur").
func runEvidence(n int) float64 {
	if n >= 3 {
		return minEvidenceLong
	}
	return minEvidence
}

// spaceOnly reports whether s is white space and nothing else.
func spaceOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpaceByte(s[i]) {
			return false
		}
	}
	return true
}
