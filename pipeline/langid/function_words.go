package langid

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
)

//go:embed function_words.txt
var functionWordData string

// functionWords maps a base language to the set of that language's
// function words (function_words.txt, from the Snowball stop-word lists).
var functionWords = sync.OnceValue(func() map[language.Tag]map[string]bool {
	m := map[language.Tag]map[string]bool{}
	for line := range strings.SplitSeq(functionWordData, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		code, words, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		tag := language.Make(code)
		set := m[tag]
		if set == nil {
			set = map[string]bool{}
			m[tag] = set
		}
		for _, w := range strings.Fields(words) {
			set[w] = true
		}
	}
	return m
})

// IsFunctionWord reports whether word, in any case, is a function word of
// lang (an article, preposition, pronoun, conjunction or auxiliary of the
// Snowball stop-word list of its base language): "la" and "des" in French,
// "und" in German. Languages without a list have no function words.
func IsFunctionWord(lang language.Tag, word string) bool {
	b, _ := BaseOf(lang)
	set := functionWords()[b]
	if set == nil {
		return false
	}
	return set[functionKey(word)]
}

// functionKey folds a word for the function-word lists: small letters,
// typographic apostrophes as ASCII ones.
func functionKey(word string) string {
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ReplaceAll(strings.ToLower(word), "’", "'")
		}
	}
	return word
}

// functionWordKeys holds the function words of anyFunctionWord that are
// ASCII and of at most eight bytes (nearly all of them) as shortFold packs
// them, in an open-addressing table (linear probing) of a power of two
// slots, at least twice as many as the words: ForeignFunctionWord is
// asked of every word of a target that is not a common English word
// ("I", "Tom"), and a probe of this table costs less than hashing the
// word for the map.
type functionWordKeys struct {
	slots []uint64 // 0 when empty
	shift uint     // 64 less the number of bits of a slot index
}

var anyFunctionWordKeys = sync.OnceValue(func() functionWordKeys {
	u := anyFunctionWord()
	bits := uint(1)
	for 1<<bits < 2*len(u.set) {
		bits++
	}
	t := functionWordKeys{slots: make([]uint64, 1<<bits), shift: 64 - bits}
	for w := range u.set {
		if k, ok := shortFold(w); ok {
			t.put(k)
		}
	}
	return t
})

// shortFold packs an ASCII word of one to eight bytes into a number, its
// bytes in small letters (little-endian, the first byte lowest), and
// reports false for any other word. Two words pack to the same number
// exactly when they are the same in small letters, since no byte is 0.
func shortFold(word string) (uint64, bool) {
	if len(word) == 0 || len(word) > 8 {
		return 0, false
	}
	var k uint64
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c == 0 || c >= utf8.RuneSelf {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k |= uint64(c) << (8 * i)
	}
	return k, true
}

// slot returns the first slot to probe for key k.
func (t functionWordKeys) slot(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> t.shift }

func (t functionWordKeys) put(k uint64) {
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		if t.slots[i] == 0 || t.slots[i] == k {
			t.slots[i] = k
			return
		}
	}
}

func (t functionWordKeys) has(k uint64) bool {
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.slots[i] {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// isAnyFunctionWord reports whether word, in any case, is a function word
// of some language of function_words.txt: anyFunctionWord().has(word),
// with an ASCII word of up to eight bytes looked up in
// anyFunctionWordKeys instead of the map.
func isAnyFunctionWord(word string) bool {
	if k, ok := shortFold(word); ok {
		return anyFunctionWordKeys().has(k)
	}
	return anyFunctionWord().has(word)
}
