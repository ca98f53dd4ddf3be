package checks

import (
	_ "embed"
	"strings"
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

// allowPhrases are the lines of allowKeys, searched in place: a run looks
// up the words of only the few targets that may hold a foreign fragment
// (130 words in a run on 29,000 Tatoeba sentences), and building a map of
// the 17,000 phrases at first use took milliseconds, more than all the
// look-ups.
var allowPhrases = sortedLines(allowKeys)

// phraseAt reports the number of keys of phrase, the keys of one allowed
// phrase separated by spaces, when they are the keys that start at keys[k];
// 0 when they are not.
func phraseAt(phrase string, keys []string, k int) int {
	n := 0
	for w := range strings.SplitSeq(phrase, " ") {
		if k+n >= len(keys) || keys[k+n] != w {
			return 0
		}
		n++
	}
	return n
}
