package checks

import (
	"math/bits"
	"sync"

	"github.com/tqa-project/tqa/pipeline/readings"
)

// pinyinTrie is the trie of the syllables of package readings that are
// written in ASCII letters (all but the four with ü), for asciiPinyin: a
// word of English prose is rejected after a letter or two of it, without
// the allocations of readings.ParseWord. Node 0 is the root. A node is a
// set of the letters that continue a syllable (bits 0-25, a to z), a bit
// that marks the end of a syllable (pinyinTrieEnd), and the index of its
// first child (bits 32-47): the children of a node are consecutive, in
// alphabetical order, so that the child by letter c is the first plus the
// number of the node's letters below c. The 420 syllables make about 500
// nodes, 4 KiB.
var pinyinTrie = sync.OnceValue(func() *syllableTrie { return newPinyinTrie(readings.Syllables()) })

// syllableTrie is the trie of pinyinTrie and, in front of it, the pairs
// of letters that may start a word of syllables.
type syllableTrie struct {
	nodes []uint64
	// starts[a] has bit b set when a word of syllables may start with the
	// letters a, b (indices, 0 for a): both in its first syllable, or a a
	// syllable of one letter and b the start of another.
	starts [26]uint32
}

const (
	pinyinTrieLetters = 1<<26 - 1
	pinyinTrieEnd     = 1 << 26
	pinyinTrieFirst   = 32
)

// newPinyinTrie builds the trie of the syllables (sorted, as
// readings.Syllables returns them) that are made of letters a to z,
// breadth first so that the children of a node are consecutive.
func newPinyinTrie(sorted []string) *syllableTrie {
	var syls []string
	for _, s := range sorted {
		if s != "" && lowerASCIIWord(s) {
			syls = append(syls, s)
		}
	}
	// A node covers the syllables syls[lo:hi], which share its first depth
	// letters.
	type span struct{ lo, hi, depth, node int }
	nodes := make([]uint64, 1, 512)
	queue := []span{{0, len(syls), 0, 0}}
	for len(queue) > 0 {
		sp := queue[0]
		queue = queue[1:]
		lo := sp.lo
		if lo < sp.hi && len(syls[lo]) == sp.depth { // sorted: the syllable that ends here comes first
			nodes[sp.node] |= pinyinTrieEnd
			lo++
		}
		nodes[sp.node] |= uint64(len(nodes)) << pinyinTrieFirst
		for lo < sp.hi {
			c := syls[lo][sp.depth]
			hi := lo + 1
			for hi < sp.hi && syls[hi][sp.depth] == c {
				hi++
			}
			nodes[sp.node] |= 1 << (c - 'a')
			queue = append(queue, span{lo, hi, sp.depth + 1, len(nodes)})
			nodes = append(nodes, 0)
			lo = hi
		}
	}
	t := &syllableTrie{nodes: nodes}
	for a := range uint(26) {
		first := pinyinChild(nodes, 0, a)
		if first < 0 {
			continue
		}
		for b := range uint(26) {
			second := b != 0 && b != 'e'-'a' && b != 'o'-'a' && nodes[first]&pinyinTrieEnd != 0 && pinyinChild(nodes, 0, b) >= 0
			if pinyinChild(nodes, first, b) >= 0 || second {
				t.starts[a] |= 1 << b
			}
		}
	}
	return t
}

// lowerASCIIWord reports whether s is made of the letters a to z only.
func lowerASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// pinyinChild returns the child of node n of trie t by the letter with
// index c (0 for a), or -1.
func pinyinChild(t []uint64, n int, c uint) int {
	node := t[n]
	bit := uint64(1) << c
	if node&bit == 0 {
		return -1
	}
	return int(node>>pinyinTrieFirst&0xffff) + bits.OnesCount64(node&pinyinTrieLetters&(bit-1))
}

// asciiPinyin reports whether word, of ASCII letters in either case,
// splits into syllables of the table as readings.ParseWord requires of a
// word without apostrophes, digits or tone marks: a syllable, then
// syllables that do not start with a, e or o (those need an apostrophe).
// For such a word it agrees with ParseWord (TestASCIIPinyin,
// FuzzASCIIPinyin). It follows every split at once: the nodes of the
// syllables that may be open at each letter, one a start position, at
// most maxPinyinSyllable of them.
func asciiPinyin(word string) bool {
	return pinyinTrie().split(word)
}

// split is asciiPinyin with the trie t.
func (t *syllableTrie) split(word string) bool {
	if word == "" {
		return false
	}
	if len(word) > 1 { // most English words fail here
		a, b := word[0]|0x20-'a', word[1]|0x20-'a'
		if a >= 26 || b >= 26 || t.starts[a]&(1<<b) == 0 {
			return false
		}
	}
	nodes := t.nodes
	var open [maxPinyinSyllable]int32 // trie nodes of the syllables open before the letter
	n := 0
	boundary := true // a syllable may start at the letter
	for i := 0; i < len(word); i++ {
		b := word[i] | 0x20
		if b < 'a' || b > 'z' {
			return false
		}
		c := uint(b - 'a')
		m := 0
		ends := false
		for k := 0; k < n; k++ {
			if ch := pinyinChild(nodes, int(open[k]), c); ch >= 0 {
				open[m] = int32(ch)
				m++
				ends = ends || nodes[ch]&pinyinTrieEnd != 0
			}
		}
		if boundary && (i == 0 || b != 'a' && b != 'e' && b != 'o') {
			if ch := pinyinChild(nodes, 0, c); ch >= 0 {
				if m == len(open) {
					return false // not reached: a syllable has at most maxPinyinSyllable letters
				}
				open[m] = int32(ch)
				m++
				ends = ends || nodes[ch]&pinyinTrieEnd != 0
			}
		}
		if m == 0 {
			return false
		}
		n, boundary = m, ends
	}
	return boundary
}

// maxPinyinSyllable is the most letters of a syllable (zhuang): at most
// that many syllables are open at a letter, each begun at another one.
const maxPinyinSyllable = 6
