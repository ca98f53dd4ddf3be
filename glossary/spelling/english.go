package spelling

import (
	_ "embed"
	"hash/maphash"
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
var englishSizes = sync.OnceValue(func() *wordTable { return newWordTable(englishList) })

// wordTable is a set of the words of a list like englishList, each with
// its size class: an open-addressing hash table of references into the
// list itself, so that building it allocates one array and copies no
// word (a Go map of the 170,000 words took several times longer to build,
// which every run of tqa paid at start-up).
type wordTable struct {
	list    string
	seed    maphash.Seed
	slots   []uint32 // 0: empty; else used bit, class, length, offset
	mask    uint64
	classes []uint8 // the size classes, indexed by the class bits
}

// The fields of a slot.
const (
	slotOffsetBits = 21 // the list is under 2 MiB
	slotLengthBits = 7  // words are under 128 bytes
	slotClassBits  = 3  // at most 8 size classes
	slotUsed       = 1 << 31
)

// newWordTable indexes list: "# size N" lines open a size class, then one
// word a line. A word listed twice keeps its last size class.
func newWordTable(list string) *wordTable {
	if len(list) >= 1<<slotOffsetBits {
		panic("spelling: word list too large for its table")
	}
	n := strings.Count(list, "\n") + 1
	size := 1
	for size < 2*n {
		size <<= 1
	}
	t := &wordTable{list: list, seed: maphash.MakeSeed(), slots: make([]uint32, size), mask: uint64(size - 1)}
	class := -1
	for off := 0; off < len(list); {
		end := strings.IndexByte(list[off:], '\n')
		if end < 0 {
			end = len(list)
		} else {
			end += off
		}
		line := list[off:end]
		if rest, ok := strings.CutPrefix(line, "# size "); ok {
			n, err := strconv.Atoi(rest)
			if err != nil || n <= 0 || n > 255 {
				panic("spelling: english.txt: bad size line " + strconv.Quote(line))
			}
			t.classes = append(t.classes, uint8(n))
			class = len(t.classes) - 1
			if class >= 1<<slotClassBits {
				panic("spelling: english.txt: too many size classes")
			}
		} else if line != "" && line[0] != '#' {
			if class < 0 {
				panic("spelling: english.txt: word before the first size line")
			}
			if len(line) >= 1<<slotLengthBits {
				panic("spelling: english.txt: word too long: " + strconv.Quote(line))
			}
			t.put(off, len(line), class)
		}
		off = end + 1
	}
	return t
}

// put records the word at list[off:off+n] in size class class.
func (t *wordTable) put(off, n, class int) {
	slot := slotUsed | uint32(class)<<(slotOffsetBits+slotLengthBits) | uint32(n)<<slotOffsetBits | uint32(off)
	word := t.list[off : off+n]
	for i := maphash.String(t.seed, word) & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i] == 0 || t.word(t.slots[i]) == word {
			t.slots[i] = slot
			return
		}
	}
}

// word returns the word a used slot refers to.
func (t *wordTable) word(slot uint32) string {
	off := int(slot & (1<<slotOffsetBits - 1))
	n := int(slot >> slotOffsetBits & (1<<slotLengthBits - 1))
	return t.list[off : off+n]
}

// get returns the size class of word, if the list has it.
func (t *wordTable) get(word string) (uint8, bool) {
	if len(word) == 0 || len(word) >= 1<<slotLengthBits {
		return 0, false
	}
	for i := maphash.String(t.seed, word) & t.mask; ; i = (i + 1) & t.mask {
		slot := t.slots[i]
		if slot == 0 {
			return 0, false
		}
		if t.word(slot) == word {
			return t.classes[slot>>(slotOffsetBits+slotLengthBits)&(1<<slotClassBits-1)], true
		}
	}
}

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
	if s, ok := m.get(word); ok {
		return int(s), true
	}
	r, n := utf8.DecodeRuneInString(word)
	if n == 0 || !unicode.IsUpper(r) {
		return 0, false
	}
	lower := strings.ToLower(word)
	if s, ok := m.get(lower); ok {
		return int(s), true
	}
	if len(word) > n && strings.ToUpper(word) == word {
		title := word[:n] + lower[len(string(unicode.ToLower(r))):]
		if s, ok := m.get(title); ok {
			return int(s), true
		}
	}
	return 0, false
}
