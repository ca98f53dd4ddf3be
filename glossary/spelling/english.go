package spelling

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// englishList is the SCOWL-derived word list: "# size N" lines open a size
// class, then one word a line. See internal/genwords for its provenance.
//
//go:embed english.txt
var englishList string

// englishSizes maps each word of englishList to its size class. It is built
// on first use, so a run that never asks pays nothing.
var englishSizes = sync.OnceValue(func() map[string]uint8 {
	m := make(map[string]uint8, 180000)
	size := uint8(0)
	for line := range strings.SplitSeq(englishList, "\n") {
		if rest, ok := strings.CutPrefix(line, "# size "); ok {
			n, err := strconv.Atoi(rest)
			if err != nil || n <= 0 || n > 255 {
				panic("spelling: english.txt: bad size line " + strconv.Quote(line))
			}
			size = uint8(n)
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		m[line] = size
	}
	return m
})

// EnglishSize reports whether word is an English word of SCOWL's lists up
// to size 70, and the smallest size class it appears in: 10, 20 and 35 hold
// the most common words (a small dictionary), 50 a medium dictionary, 60
// and 70 a large one. Checks that ask "is this English?" pick the size
// that suits them: a small size for "surely English", 70 for "any English
// word".
//
// Case matters as the lists spell it: "NATO" and "Beijing" are words, and
// "beijing" is not. A word capitalised at the start of a sentence ("Defence")
// or written in capitals ("DEFENCE") is also found under its lower-case
// form, and an all-capitals word under its capitalised form ("BEIJING").
// Possessive 's is not stripped; callers split it off.
func EnglishSize(word string) (size int, ok bool) {
	m := englishSizes()
	if s, ok := m[word]; ok {
		return int(s), true
	}
	r, n := utf8.DecodeRuneInString(word)
	if n == 0 || !unicode.IsUpper(r) {
		return 0, false
	}
	lower := strings.ToLower(word)
	if s, ok := m[lower]; ok {
		return int(s), true
	}
	if len(word) > n && strings.ToUpper(word) == word {
		title := word[:n] + lower[len(string(unicode.ToLower(r))):]
		if s, ok := m[title]; ok {
			return int(s), true
		}
	}
	return 0, false
}
