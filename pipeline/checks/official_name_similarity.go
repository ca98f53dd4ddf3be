package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scores of word pairs in name comparisons.
const (
	stemScore     = 0.7 // two words that share a long stem
	negationScore = 0.8 // "untrustworthy" for "not trusted"
	acronymScore  = 0.9 // "NATO" for "North Atlantic Treaty Organization"
	pluralScore   = 0.9 // "Tanks" for "Tank"
)

// nameSimilarity compares a candidate with a name, both as words: the mean
// of a token-set similarity and a token edit similarity (see
// OfficialName's documentation). edgeCut reports that the candidate is a
// part of the name: every word of the candidate is a word of the name, and
// the first or the last content word of the name is missing, or the
// candidate keeps fewer than three content words. shared counts the content words of the
// candidate that match a word of the name.
func nameSimilarity(win, name []nameToken) (score float64, edgeCut bool, shared int) {
	total := 0.0
	for i := range win {
		total += win[i].weight()
	}
	for i := range name {
		total += name[i].weight()
	}
	if total == 0 {
		return 0, false, 0
	}
	set, wScore, nScore := setAlignment(win, name)
	dist := editDistance(win, name)
	score = (set/total + (1 - dist/total)) / 2

	deletionOnly, missing := true, false
	for i := range win {
		if wScore[i] < 1 {
			deletionOnly = false
		}
		if wScore[i] > 0 && !win[i].function {
			shared++
		}
	}
	first, last := -1, -1
	for j := range name {
		if name[j].function {
			continue
		}
		if first < 0 {
			first = j
		}
		last = j
		if nScore[j] == 0 {
			missing = true
		}
	}
	edgeCut = deletionOnly && missing && first >= 0 && (nScore[first] == 0 || nScore[last] == 0 || contentWords(win) < 3)
	return score, edgeCut, shared
}

// span is a multi-word correspondence: one word of one side for several
// words of the other.
type nameSpan struct {
	one      int // the word on the one-word side
	from, to int // the words [from, to) on the other side
	score    float64
	oneIsWin bool // the one word is the candidate's
}

// multiSpans finds the acronyms and negations between a and b: a word of a
// that is the acronym of words of b, or a negative form of "not X" in b.
func multiSpans(a, b []nameToken, aIsWin bool) []nameSpan {
	var out []nameSpan
	for i := range a {
		if a[i].acronym() {
			for j := range b {
				if n := acronymLen(a[i].text, b[j:]); n >= 2 {
					out = append(out, nameSpan{one: i, from: j, to: j + n, score: acronymScore, oneIsWin: aIsWin})
				}
			}
		}
		if rest, ok := cutNegation(a[i].key); ok {
			for j := range b {
				if b[j].key != "not" {
					continue
				}
				m := j + 1
				for m < len(b) && b[m].function {
					m++
				}
				if m < len(b) && stemSim(rest, b[m].key) > 0 {
					out = append(out, nameSpan{one: i, from: j, to: m + 1, score: negationScore, oneIsWin: aIsWin})
				}
			}
		}
	}
	return out
}

// acronymLen returns how many words of b, from the first, have initials
// that spell acr (case folded), or 0.
func acronymLen(acr string, b []nameToken) int {
	n := 0
	for _, r := range acr {
		if n >= len(b) {
			return 0
		}
		first, _ := utf8.DecodeRuneInString(b[n].text)
		if unicode.ToLower(first) != unicode.ToLower(r) {
			return 0
		}
		n++
	}
	return n
}

// cutNegation returns word without a negative prefix (un-, non-, in-,
// dis-) when four letters or more remain.
func cutNegation(word string) (string, bool) {
	for _, p := range [...]string{"non", "dis", "un", "in"} {
		if rest, ok := strings.CutPrefix(word, p); ok && len(rest) >= 4 {
			return rest, true
		}
	}
	return "", false
}

// pairSim is the similarity of two words: 1 when their keys are equal,
// pluralScore when one is the other with a final s, stemScore when they
// share a long stem, else 0.
func pairSim(a, b *nameToken) float64 {
	if a.key == b.key {
		return 1
	}
	if a.number || b.number {
		return 0
	}
	if len(a.key) >= 4 && len(b.key) >= 4 && (a.key == b.key+"s" || b.key == a.key+"s") {
		return pluralScore
	}
	return stemSim(a.key, b.key)
}

// stemSim returns stemScore when a and b start with the same five letters
// or more, making at least 60% of the shorter of them.
func stemSim(a, b string) float64 {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	shorter := min(len(a), len(b))
	if n >= 5 && 10*n >= 6*shorter {
		return stemScore
	}
	return 0
}

// setAlignment matches the words of win and name in any order: equal
// words first, then acronyms and negations, then the other pairs of words
// by decreasing similarity. It
// returns the matched weight of both sides (each word's weight times its
// score) and each word's score.
func setAlignment(win, name []nameToken) (matched float64, wScore, nScore []float64) {
	wScore = make([]float64, len(win))
	nScore = make([]float64, len(name))
	for i := range win { // equal words first
		for j := range name {
			if nScore[j] == 0 && win[i].key == name[j].key {
				wScore[i], nScore[j] = 1, 1
				break
			}
		}
	}
	spans := append(multiSpans(win, name, true), multiSpans(name, win, false)...)
	for _, s := range spans {
		one, many := wScore, nScore
		if !s.oneIsWin {
			one, many = nScore, wScore
		}
		if one[s.one] > 0 || anyPositive(many[s.from:s.to]) {
			continue
		}
		one[s.one] = s.score
		for k := s.from; k < s.to; k++ {
			many[k] = s.score
		}
	}
	for {
		bi, bj, best := -1, -1, 0.0
		for i := range win {
			if wScore[i] > 0 {
				continue
			}
			for j := range name {
				if nScore[j] > 0 {
					continue
				}
				if s := pairSim(&win[i], &name[j]); s > best {
					bi, bj, best = i, j, s
				}
			}
		}
		if bi < 0 {
			break
		}
		wScore[bi], nScore[bj] = best, best
	}
	for i := range win {
		matched += wScore[i] * win[i].weight()
	}
	for j := range name {
		matched += nScore[j] * name[j].weight()
	}
	return matched, wScore, nScore
}

func anyPositive(xs []float64) bool {
	for _, x := range xs {
		if x > 0 {
			return true
		}
	}
	return false
}

// editDistance is the weighted edit distance between the word sequences:
// inserting or deleting a word costs its weight, replacing one word with
// another costs both weights times one minus their similarity, and an
// acronym or negation for several words costs all their weights times
// one minus its score.
func editDistance(win, name []nameToken) float64 {
	spans := append(multiSpans(win, name, true), multiSpans(name, win, false)...)
	// ends[i][j] lists the spans that end at win[i-1] and name[j-1].
	type end struct {
		di, dj int
		cost   float64
	}
	ends := map[[2]int][]end{}
	for _, s := range spans {
		w := 0.0
		var i, j, di, dj int
		if s.oneIsWin {
			w = win[s.one].weight()
			for k := s.from; k < s.to; k++ {
				w += name[k].weight()
			}
			i, j, di, dj = s.one+1, s.to, 1, s.to-s.from
		} else {
			w = name[s.one].weight()
			for k := s.from; k < s.to; k++ {
				w += win[k].weight()
			}
			i, j, di, dj = s.to, s.one+1, s.to-s.from, 1
		}
		ends[[2]int{i, j}] = append(ends[[2]int{i, j}], end{di, dj, w * (1 - s.score)})
	}
	dp := make([][]float64, len(win)+1)
	for i := range dp {
		dp[i] = make([]float64, len(name)+1)
	}
	for i := 1; i <= len(win); i++ {
		dp[i][0] = dp[i-1][0] + win[i-1].weight()
	}
	for j := 1; j <= len(name); j++ {
		dp[0][j] = dp[0][j-1] + name[j-1].weight()
	}
	for i := 1; i <= len(win); i++ {
		for j := 1; j <= len(name); j++ {
			a, b := &win[i-1], &name[j-1]
			best := min(dp[i-1][j]+a.weight(), dp[i][j-1]+b.weight(),
				dp[i-1][j-1]+(a.weight()+b.weight())*(1-pairSim(a, b)))
			for _, e := range ends[[2]int{i, j}] {
				best = min(best, dp[i-e.di][j-e.dj]+e.cost)
			}
			dp[i][j] = best
		}
	}
	return dp[len(win)][len(name)]
}
