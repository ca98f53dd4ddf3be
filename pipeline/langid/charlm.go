package langid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
)

// Character language model over lingua's n-gram tables. lingua stores,
// for each n-gram of n letters, its probability given its first n-1
// letters (for unigrams, the letter's share of all letters), so a word's
// letters can be scored by the chain rule: each letter given up to the
// order-1 letters before it in the word, backing off to a shorter context
// when the n-gram is unknown.
const (
	backoffLog = -1.0  // log-probability paid for each step of back-off
	unseenLog  = -14.0 // a letter that the language's unigram model lacks
)

// charLogProb returns the log probability of the letters of word (folded
// to small letters; runs of letters scored apart, as lingua splits text)
// under m's models of n-grams up to order letters.
func charLogProb(m *ngramModels, word string, order int) float64 {
	var tables [ngramOrders]*ngramTable
	for k := 1; k <= order; k++ {
		tables[k-1] = m.order(k)
	}
	lower := word
	if !isLowerASCII(word) {
		lower = strings.ToLower(word)
	}
	total := 0.0
	// starts holds the byte offsets of the last order-1 letters of the
	// current run, so that a context is a substring of lower.
	var starts [ngramOrders]int
	seen := 0 // letters of the current run so far
	for i, r := range lower {
		if !unicode.IsLetter(r) {
			seen = 0
			continue
		}
		end := i + utf8.RuneLen(r)
		// shift the window of starts
		if seen < order {
			starts[seen] = i
			seen++
		} else {
			copy(starts[:order-1], starts[1:order])
			starts[order-1] = i
		}
		lp, ok := 0.0, false
		for k := seen; k >= 1; k-- {
			g := lower[starts[seen-k]:end]
			if p, found := tables[k-1].get(fnv64(g)); found {
				lp, ok = p+float64(seen-k)*backoffLog, true
				break
			}
		}
		if !ok {
			lp = unseenLog
		}
		total += lp
	}
	return total
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// charLLR is the log-likelihood ratio of word's letters in lang against
// English.
func charLLR(word string, lang lingua.Language, order int) float64 {
	return charLogProb(modelsOf(lang), word, order) - charLogProb(modelsOf(lingua.English), word, order)
}
