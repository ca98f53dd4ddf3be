package langid

import (
	_ "embed"
	"encoding/binary"
	"math"
	"sort"
	"strings"
	"sync"
)

// English context for the fragment finder: how often two words follow each
// other in English, so that a word that English and another language share
// ("a", "on", "in", "source") is put on the side of the neighbour it goes
// with.
//
// english_bigrams.bin holds the counts of the words and of the pairs of
// neighbouring words (with nothing but space between them) of the English
// sentences of Tatoeba's English–Mandarin pairs
// (shared/data/tatoeba_cmn_eng.tsv, CC BY 2.0 FR; english_bigrams.md
// beside this file says more), each distinct sentence once, words as
// LatinWords splits them, in small letters. It is built by `go generate`
// (TestEnglishBigrams with -update), which checks it for staleness when the
// shared data is present. Layout: the magic englishBigramMagic, the number
// of words counted (uint32, little-endian), the number of entries
// (uint32), then the entries in ascending order, one uint64 each: the top
// 48 bits of bigramHash of the key (a word, or two words joined by one
// space) and, in the low 16 bits, its count (capped at 65535).
//
//go:generate go test -run ^TestEnglishBigrams$ -update .
//go:embed english_bigrams.bin
var embeddedEnglishBigrams []byte

const englishBigramMagic = "tqa-enbg1\n"

// bigramCounts are the counts of english_bigrams.bin, read in place: the
// entries stay in the embedded bytes (read-only data of the binary, paged
// in only where a search touches them), nothing is copied.
type bigramCounts struct {
	entries []byte // n entries of 8 bytes, sorted: hash<<16 | count
	n       int    // number of entries
	words   int    // words counted
}

// englishBigrams checks the header of english_bigrams.bin on first use;
// only text near a word that may seed a fragment asks for it.
var englishBigrams = sync.OnceValue(func() *bigramCounts {
	c, err := decodeBigramCounts(embeddedEnglishBigrams)
	if err != nil {
		panic("langid: english_bigrams.bin: " + err.Error())
	}
	return c
})

type bigramFormatError string

func (e bigramFormatError) Error() string { return string(e) }

func decodeBigramCounts(b []byte) (*bigramCounts, error) {
	return decodeWordPairs(b, englishBigramMagic)
}

// decodeWordPairs reads a table of word and word-pair counts whose header
// starts with magic.
func decodeWordPairs(b []byte, magic string) (*bigramCounts, error) {
	head := len(magic) + 8
	if len(b) < head || string(b[:len(magic)]) != magic {
		return nil, bigramFormatError("not a table of word pairs")
	}
	words := binary.LittleEndian.Uint32(b[len(magic):])
	n := int(binary.LittleEndian.Uint32(b[len(magic)+4:]))
	if len(b) != head+8*n {
		return nil, bigramFormatError("size does not match the number of entries")
	}
	return &bigramCounts{entries: b[head:], n: n, words: int(words)}, nil
}

// bigramHash is the 48-bit key of a word or a pair of words in the table:
// FNV-1a, with its bits mixed so that the top ones depend on every byte.
func bigramHash(key string) uint64 {
	h := fnv64(key)
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h >> 16
}

// count returns the count of key (a word, or two words joined by a space,
// folded by bigramKey).
func (c *bigramCounts) count(key string) int {
	h := bigramHash(key)
	i := sort.Search(c.n, func(i int) bool { return c.entry(i)>>16 >= h })
	if i < c.n && c.entry(i)>>16 == h {
		return int(c.entry(i) & 0xffff)
	}
	return 0
}

// entry returns entry i of the table.
func (c *bigramCounts) entry(i int) uint64 {
	return binary.LittleEndian.Uint64(c.entries[8*i:])
}

// bigramKey folds a word for the table: small letters, typographic
// apostrophes as ASCII ones.
func bigramKey(w string) string {
	if isLowerASCII(w) {
		return w
	}
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// englishPMI is how much more often than by chance word a is followed by
// word b in English: the log of their pair's count over the count that
// chance gives them (count(a)·count(b)/words), each plus englishPMISmooth,
// so that a pair of two frequent words never seen together weighs
// against English ("source complémentaire" is 0: neither is frequent,
// "of on" is below 0) and a pair that English uses weighs for it ("on
// the").
func englishPMI(a, b string) float64 {
	return pairPMI(englishBigrams(), a, b, englishPMISmooth)
}

// pairPMI is how much more often than by chance word a is followed by
// word b in the text that c counts, as englishPMI with smoothing smooth;
// 0 when c does not know one of them.
func pairPMI(c *bigramCounts, a, b string, smooth float64) float64 {
	ka, kb := bigramKey(a), bigramKey(b)
	ca, cb := c.count(ka), c.count(kb)
	if ca == 0 || cb == 0 {
		return 0
	}
	pair := c.count(ka + " " + kb)
	chance := float64(ca) * float64(cb) / float64(c.words)
	return math.Log((float64(pair) + smooth) / (chance + smooth))
}
