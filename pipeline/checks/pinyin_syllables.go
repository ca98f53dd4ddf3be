package checks

import (
	_ "embed"
)

// pinyinDFA is a deterministic automaton of the words that split into
// syllables of package readings written in ASCII letters (all but the four
// with ü), as readings.ParseWord splits a word without apostrophes, digits
// or tone marks: a syllable, then syllables that do not start with a, e
// or o (those need an apostrophe). asciiPinyin runs it: a word of English
// prose is rejected after a letter or two, in a load a letter, without
// the allocations of ParseWord.
//
// pinyin_syllables.dfa is generated from readings.Syllables (go generate
// runs TestPinyinDFA with -update, which also fails while the file is
// stale), so that no run builds the automaton: the minimal automaton of
// the subsets of a trie of the syllables, 61 states (3 KiB). It holds, for
// each state and each letter a to z, the next state as a little-endian
// uint16, with pinyinDFAFinal set when a word may end there. State 0
// rejects, state 1 starts.
//
//go:generate go test -run ^TestPinyinDFA$ -update .
//go:embed pinyin_syllables.dfa
var pinyinDFA string

const (
	pinyinDFAFinal = 1 << 15
	pinyinDFAStart = 1
)

// asciiPinyin reports whether word, of ASCII letters in either case,
// splits into syllables as readings.ParseWord requires of a word without
// apostrophes, digits or tone marks: for such a word it agrees with
// ParseWord (TestASCIIPinyin, FuzzASCIIPinyin). Another word is not.
func asciiPinyin(word string) bool {
	state, final := pinyinDFAStart, false
	for i := 0; i < len(word); i++ {
		c := uint(word[i]|0x20) - 'a'
		if c >= 26 {
			return false
		}
		k := 2 * (state*26 + int(c))
		next := uint16(pinyinDFA[k]) | uint16(pinyinDFA[k+1])<<8
		state, final = int(next&^pinyinDFAFinal), next&pinyinDFAFinal != 0
		if state == 0 {
			return false
		}
	}
	return final
}
