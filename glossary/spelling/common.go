package spelling

import (
	"encoding/binary"
)

// commonTable is the table of the most common words of a list like
// englishList (EnglishSize asks it first, for most words of a text): an
// open-addressing hash table (linear probing, with a fixed hash function)
// like wordTable, whose slots of 8 bytes hold a short word itself, so that
// a look-up compares one number and never reads the list.
//
// A slot is 0 when empty. A word of up to shortWordMax bytes is its bytes
// (little-endian, the first byte lowest), its length in bits 56-58 and its
// class in bits 59-61, which shortKey of the word gives but for the class.
// A longer word has bit 63 set, 31 bits of its hash in bits 32-62 and a
// wordTable slot (class, length, offset into the list) in bits 0-31: a
// look-up compares the word with the list only where the hash bits agree.
type commonTable struct {
	list    string
	slots   string  // little-endian uint64 slots
	shift   uint    // 64 less the number of bits of a slot index
	classes []uint8 // the size classes, indexed by the class bits
}

// The fields of a commonTable slot.
const (
	shortWordMax    = 7 // bytes of a word held in its slot
	shortClassShift = 59
	shortClassMask  = (1<<slotClassBits - 1) << shortClassShift
	longWordBit     = 1 << 63
	longHashMask    = 1<<31 - 1 // the hash bits of a long word's slot, shifted by 32
)

// shortKey returns the slot of word, of 1 to shortWordMax bytes, with
// class 0: its bytes and its length.
func shortKey(word string) uint64 {
	k := uint64(len(word)) << 56
	for i := 0; i < len(word); i++ {
		k |= uint64(word[i]) << (8 * i)
	}
	return k
}

// hashMul is the multiplier of commonHash: 2^64 divided by the golden
// ratio, odd, so that the top bits of a product depend on every bit.
const hashMul = 0x9e3779b97f4a7c15

// commonHash hashes word for a commonTable: a short word by its key, a
// longer one eight bytes at a time.
func commonHash(word string) uint64 {
	if len(word) <= shortWordMax {
		return shortKey(word) * hashMul
	}
	h := uint64(len(word))
	i := 0
	for ; i+8 <= len(word); i += 8 {
		h = (h ^ loadLE64(word[i:])) * hashMul
		h ^= h >> 32
	}
	if i < len(word) {
		h = (h ^ shortKey(word[i:])) * hashMul
		h ^= h >> 32
	}
	return h * hashMul
}

// loadLE64 returns the first eight bytes of s, little-endian (one load).
func loadLE64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// longTag returns the bits that a long word's slot holds above its
// wordTable slot, for a word of hash h.
func longTag(h uint64) uint64 {
	return longWordBit | (h&longHashMask)<<32
}

// newCommonTable indexes the words of list of size classes up to maxSize,
// as newWordTable does, in a table with a power of two slots, at least
// 3/2 as many as the words.
func newCommonTable(list string, maxSize int) *commonTable {
	classes, words, _ := listWords(list, maxSize)
	t := &commonTable{list: list, classes: classes}
	nbits := uint(1)
	for 1<<nbits < len(words)+len(words)/2 {
		nbits++
	}
	t.shift = 64 - nbits
	slots := make([]byte, 8<<nbits)
	mask := uint64(1)<<nbits - 1
	for _, w := range words {
		word := list[w.off : w.off+w.n]
		h := commonHash(word)
		var slot uint64
		if len(word) <= shortWordMax {
			slot = shortKey(word) | uint64(w.class)<<shortClassShift
		} else {
			slot = longTag(h) | uint64(slotUsed|uint32(w.class)<<(slotOffsetBits+slotLengthBits)|uint32(w.n)<<slotOffsetBits|uint32(w.off))
		}
		for i := h >> t.shift; ; i = (i + 1) & mask {
			old := binary.LittleEndian.Uint64(slots[8*i:])
			if old == 0 || t.word(old) == word {
				binary.LittleEndian.PutUint64(slots[8*i:], slot)
				break
			}
		}
	}
	t.slots = string(slots)
	return t
}

// encode returns the table as english_common.slots holds it (see
// encodeSlots).
func (t *commonTable) encode() []byte { return encodeSlots(t.classes, t.slots) }

// loadCommonTable returns the table of list that encode wrote as data.
func loadCommonTable(list, data string) (*commonTable, error) {
	classes, slots, shift, err := decodeSlots(data, 8)
	if err != nil {
		return nil, err
	}
	return &commonTable{list: list, slots: slots, shift: shift, classes: classes}, nil
}

// slot returns slot i of the table.
func (t *commonTable) slot(i uint64) uint64 {
	s := t.slots[8*i : 8*i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// word returns the word of a used slot.
func (t *commonTable) word(slot uint64) string {
	if slot&longWordBit == 0 {
		n := int(slot >> 56 & 7)
		var b [shortWordMax]byte
		for i := range n {
			b[i] = byte(slot >> (8 * i))
		}
		return string(b[:n])
	}
	m := uint32(slot)
	off := int(m & (1<<slotOffsetBits - 1))
	n := int(m >> slotOffsetBits & (1<<slotLengthBits - 1))
	return t.list[off : off+n]
}

// class returns the size class of a used slot.
func (t *commonTable) class(slot uint64) uint8 {
	if slot&longWordBit == 0 {
		return t.classes[slot>>shortClassShift&(1<<slotClassBits-1)]
	}
	return t.classes[uint32(slot)>>(slotOffsetBits+slotLengthBits)&(1<<slotClassBits-1)]
}

// get returns the size class of word, if the table has it.
func (t *commonTable) get(word string) (uint8, bool) {
	if len(word) == 0 || len(word) >= 1<<slotLengthBits {
		return 0, false
	}
	mask := uint64(len(t.slots)/8 - 1)
	if len(word) <= shortWordMax {
		key := shortKey(word)
		for i := (key * hashMul) >> t.shift; ; i = (i + 1) & mask {
			slot := t.slot(i)
			if slot == 0 {
				return 0, false
			}
			if slot&^shortClassMask == key {
				return t.classes[slot>>shortClassShift&(1<<slotClassBits-1)], true
			}
		}
	}
	h := commonHash(word)
	tag := longTag(h)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		slot := t.slot(i)
		if slot == 0 {
			return 0, false
		}
		if slot&^(1<<32-1) == tag && t.word(slot) == word {
			return t.class(slot), true
		}
	}
}
