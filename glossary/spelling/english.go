package spelling

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// englishList is the SCOWL-derived word list: "# size N" lines open a size
// class, then one word a line. See internal/genwords for its provenance.
//
//go:embed english.txt
var englishList string

// englishSlots is the hash table of englishList that newWordTable builds,
// computed ahead: english.slots is generated from english.txt (go generate
// runs TestEnglishSlots with -update, which also fails while the file is
// stale), so that no run builds the table. It holds the size classes and
// then the slots, little-endian.
//
//go:generate go test -run ^TestEnglishSlots$ -update .
//go:embed english.slots
var englishSlots string

// englishCommonSlots is the hash table of the words of englishList's
// first size class alone (the 4,500 most common words, size 10), which
// newCommonTable builds with maxSize 10, generated beside english.slots by
// the same test. Its slots hold the short words themselves (see
// commonTable), so that a look-up of a common word reads one slot only. EnglishSize looks a word up there first: most words of a
// text are of that class (84% of the look-ups of a run on 29,000 Tatoeba
// sentences), and the small table (32 KiB) and their part of the list
// stay in the processor's cache, while a look-up in the table of all words
// (a megabyte, and the 1.7 MB list) is mostly a slow memory access.
//
//go:embed english_common.slots
var englishCommonSlots string

// englishSizes is the table of englishList, read from englishSlots and
// englishCommonSlots on first use.
var englishSizes = sync.OnceValue(func() *englishTable {
	all, err := loadWordTable(englishList, englishSlots)
	if err != nil {
		// TestEnglishSlots guards this: the embedded table loads.
		panic("spelling: english.slots: " + err.Error())
	}
	common, err := loadCommonTable(englishList, englishCommonSlots)
	if err != nil {
		panic("spelling: english_common.slots: " + err.Error())
	}
	return &englishTable{common: common, all: all}
})

// englishTable is the table of all the words of englishList and, in
// front of it, the table of its most common words.
type englishTable struct {
	common *commonTable
	all    *wordTable
}

// get returns the size class of word, if the list has it: from the
// table of the common words, else from the table of all (through
// allCache for a short word).
func (t *englishTable) get(word string) (uint8, bool) {
	if s, ok := t.common.get(word); ok {
		return s, true
	}
	if len(word) == 0 || len(word) > shortWordMax {
		return t.all.get(word)
	}
	key := shortKey(word)
	e := &allCache[(key*hashMul)>>(64-allCacheBits)]
	if v := e.Load(); v&(1<<cacheClassShift-1) == key {
		if v&cacheFound == 0 {
			return 0, false
		}
		return t.all.classes[v>>cacheClassShift&(1<<slotClassBits-1)], true
	}
	class, ok := t.all.class(word)
	v := key | uint64(class)<<cacheClassShift
	if ok {
		v |= cacheFound
	}
	e.Store(v)
	if !ok {
		return 0, false
	}
	return t.all.classes[class], true
}

// allCache remembers the answers of the table of all words for the words
// of up to shortWordMax bytes that the common table lacks, each in the
// entry its key hashes to, the last one asked there winning: a text asks
// about the same words again and again ("I", "Tom", "i'm"), and a look-up
// in the table of all words (a megabyte, and the 1.7 MB list) is mostly a
// slow memory access, while the 32 KiB of the cache stay in the
// processor's cache. An entry is the word's key (shortKey: the bytes and
// the length), its class index and whether the list has the word; 0, the
// empty entry, is the key of no word. Entries are read and written
// atomically, so that checks running at the same time may share it.
var allCache [1 << allCacheBits]atomic.Uint64

// The fields of an allCache entry.
const (
	allCacheBits    = 12
	cacheClassShift = 59
	cacheFound      = 1 << 62
)

// wordTable is a set of the words of a list like englishList, each with
// its size class: an open-addressing hash table (linear probing, with a
// fixed hash function) of references into the list itself. The table of
// englishList is built ahead and embedded (a Go map of the 170,000 words,
// or even this table, took milliseconds to build, which every run of tqa
// paid at start-up).
type wordTable struct {
	list    string
	slots   string  // little-endian uint32 slots: 0 empty; else used bit, class, length, offset
	shift   uint    // 64 less the number of bits of a slot index
	classes []uint8 // the size classes, indexed by the class bits
}

// The fields of a slot.
const (
	slotOffsetBits = 21 // the list is under 2 MiB
	slotLengthBits = 7  // words are under 128 bytes
	slotClassBits  = 3  // at most 8 size classes
	slotUsed       = 1 << 31
)

// wordHash is FNV-1a over the word's bytes, mixed by a multiplication so
// that its top bits, which index the table, depend on every byte.
func wordHash(word string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(word); i++ {
		h ^= uint64(word[i])
		h *= 1099511628211
	}
	return h * 0x9e3779b97f4a7c15
}

// newWordTable indexes the words of list of size classes up to maxSize:
// "# size N" lines open a size class, then one word a line. A word listed
// twice keeps its last size class. The table has a power of two slots, at
// least 3/2 as many as the words it holds (as the list's lines when it
// holds them all).
func newWordTable(list string, maxSize int) *wordTable {
	classes, words, all := listWords(list, maxSize)
	t := &wordTable{list: list, classes: classes}
	n := len(words)
	if all {
		n = strings.Count(list, "\n") + 1
	}
	nbits := uint(1)
	for 1<<nbits < n+n/2 {
		nbits++
	}
	t.shift = 64 - nbits
	slots := make([]byte, 4<<nbits)
	for _, w := range words {
		t.put(slots, w.off, w.n, w.class)
	}
	t.slots = string(slots)
	return t
}

// listWord is a word of a list like englishList: list[off:off+n], of the
// size class with index class.
type listWord struct{ off, n, class int }

// listWords reads list ("# size N" lines open a size class, then one word
// a line) and returns its size classes and its words of size classes up to
// maxSize, and whether those are all of its words.
func listWords(list string, maxSize int) (classes []uint8, words []listWord, all bool) {
	if len(list) >= 1<<slotOffsetBits {
		panic("spelling: word list too large for its table")
	}
	class := -1
	all = true
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
			classes = append(classes, uint8(n))
			class = len(classes) - 1
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
			if int(classes[class]) <= maxSize {
				words = append(words, listWord{off, len(line), class})
			} else {
				all = false
			}
		}
		off = end + 1
	}
	return classes, words, all
}

// put records the word at list[off:off+n] in size class class, in slots
// (t.slots while the table is built).
func (t *wordTable) put(slots []byte, off, n, class int) {
	slot := slotUsed | uint32(class)<<(slotOffsetBits+slotLengthBits) | uint32(n)<<slotOffsetBits | uint32(off)
	word := t.list[off : off+n]
	mask := uint64(len(slots)/4 - 1)
	for i := wordHash(word) >> t.shift; ; i = (i + 1) & mask {
		old := binary.LittleEndian.Uint32(slots[4*i:])
		if old == 0 || t.word(old) == word {
			binary.LittleEndian.PutUint32(slots[4*i:], slot)
			return
		}
	}
}

// encode returns the table as english.slots holds it (see encodeSlots).
func (t *wordTable) encode() []byte { return encodeSlots(t.classes, t.slots) }

// loadWordTable returns the table of list that encode wrote as data.
func loadWordTable(list, data string) (*wordTable, error) {
	classes, slots, shift, err := decodeSlots(data, 4)
	if err != nil {
		return nil, err
	}
	return &wordTable{list: list, slots: slots, shift: shift, classes: classes}, nil
}

// encodeSlots returns a generated word table as its embedded file holds
// it: the size classes (one byte each, zero-padded to 8), then the slots.
func encodeSlots(classes []uint8, slots string) []byte {
	out := make([]byte, 8, 8+len(slots))
	copy(out, classes)
	return append(out, slots...)
}

// decodeSlots reads what encodeSlots wrote, for slots of width bytes: the
// size classes, the slots, and the shift that turns a 64-bit hash into a
// slot index (the number of slots is a power of two).
func decodeSlots(data string, width int) (classes []uint8, slots string, shift uint, err error) {
	if len(data) < 8+width {
		return nil, "", 0, errors.New("too short")
	}
	slots = data[8:]
	n := len(slots) / width
	if len(slots)%width != 0 || n&(n-1) != 0 {
		return nil, "", 0, fmt.Errorf("%d bytes of slots: not a power of two slots", len(slots))
	}
	for _, c := range []byte(data[:8]) {
		if c != 0 {
			classes = append(classes, c)
		}
	}
	return classes, slots, uint(64 - bits.TrailingZeros(uint(n))), nil
}

// slot returns slot i of the table.
func (t *wordTable) slot(i uint64) uint32 {
	s := t.slots[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// word returns the word a used slot refers to.
func (t *wordTable) word(slot uint32) string {
	off := int(slot & (1<<slotOffsetBits - 1))
	n := int(slot >> slotOffsetBits & (1<<slotLengthBits - 1))
	return t.list[off : off+n]
}

// get returns the size class of word, if the list has it.
func (t *wordTable) get(word string) (uint8, bool) {
	if c, ok := t.class(word); ok {
		return t.classes[c], true
	}
	return 0, false
}

// class returns the index in t.classes of word's size class, if the list
// has it.
func (t *wordTable) class(word string) (int, bool) {
	if len(word) == 0 || len(word) >= 1<<slotLengthBits {
		return 0, false
	}
	mask := uint64(len(t.slots)/4 - 1)
	for i := wordHash(word) >> t.shift; ; i = (i + 1) & mask {
		slot := t.slot(i)
		if slot == 0 {
			return 0, false
		}
		if t.word(slot) == word {
			return int(slot >> (slotOffsetBits + slotLengthBits) & (1<<slotClassBits - 1)), true
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
	if len(word) <= asciiFoldMax && isASCII(word) {
		// The common case, folded on the stack: strings.ToLower would
		// allocate for every capitalised word, and language
		// identification asks once a word.
		var buf [asciiFoldMax]byte
		folded := buf[:len(word)]
		upper := true
		for i := 0; i < len(word); i++ {
			c := word[i]
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case 'a' <= c && c <= 'z':
				upper = false
			}
			folded[i] = c
		}
		if s, ok := m.get(string(folded)); ok {
			return int(s), true
		}
		if len(word) > 1 && upper {
			folded[0] = word[0]
			if s, ok := m.get(string(folded)); ok {
				return int(s), true
			}
		}
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

// asciiFoldMax is the longest ASCII word EnglishSize folds in a stack
// buffer; a string of at most 32 bytes converted from it for a lookup
// that does not keep it stays on the stack too.
const asciiFoldMax = 32

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
