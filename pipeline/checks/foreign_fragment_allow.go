package checks

import (
	_ "embed"
	"strings"
	"sync"
)

// allowKeys is foreign-fragment's allow list, foreign_fragment_allow.tsv
// (multi-word lemmas of Princeton WordNet 3.0; see the file's header and
// internal/genallow), with every phrase already split into words and
// folded by wordKey: one phrase a line, its keys separated by spaces, the
// lines sorted, so that the phrases of one first word are adjacent. It is
// generated from the TSV (go generate runs TestAllowKeys with -update,
// which fails while the file is stale), so that no run folds 17,000
// phrases, which took tens of milliseconds.
//
//go:generate go test -run ^TestAllowKeys$ -update .
//go:embed foreign_fragment_allow.keys
var allowKeys string

// allowPhrases maps the key of the first word of each allowed phrase to
// the keys of the whole phrases that start with it.
var allowPhrases = sync.OnceValue(func() map[string][][]string { return loadAllowPhrases(allowKeys) })

// loadAllowPhrases reads keys, in the form of allowKeys, into the form of
// allowPhrases. The keys are substrings of allowKeys, and the phrases
// share one backing array.
func loadAllowPhrases(allowKeys string) map[string][][]string {
	lines := strings.Count(allowKeys, "\n")
	words := make([]string, 0, lines+strings.Count(allowKeys, " "))
	phrases := make([][]string, 0, lines)
	m := make(map[string][][]string, firstWords(allowKeys))
	first := 0 // the first phrase of the current first word
	flush := func() {
		if first < len(phrases) {
			m[phrases[first][0]] = phrases[first:len(phrases):len(phrases)]
			first = len(phrases)
		}
	}
	for line := range strings.SplitSeq(allowKeys, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		start := len(words)
		for w := range strings.SplitSeq(line, " ") {
			words = append(words, w)
		}
		keys := words[start:len(words):len(words)]
		if first < len(phrases) && phrases[first][0] != keys[0] {
			flush()
		}
		phrases = append(phrases, keys)
	}
	flush()
	return m
}

// firstWords counts the distinct first words of the phrases of keys (in
// the form of allowKeys: equal first words are adjacent), so that
// loadAllowPhrases makes its map no larger than it needs.
func firstWords(keys string) int {
	n := 0
	prev := ""
	for line := range strings.SplitSeq(keys, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		first, _, _ := strings.Cut(line, " ")
		if first != prev {
			n++
			prev = first
		}
	}
	return n
}
