package glossary

import (
	"slices"
	"strings"
)

// A trie holds the folded keys of a matcher's patterns in flat arrays
// built once: the matcher walks it from each key offset where a term may
// start and keeps the longest pattern it passes (Find's leftmost-longest
// rule). It allocates nothing while searching.
//
// It is a radix trie: an edge is labelled with the bytes that all the
// patterns below it share, so that a chain of bytes that only one pattern
// has is one edge, and a glossary of a thousand terms has a few thousand
// nodes. A pattern ends at a node. Node 0 is the root; its children are
// found through a table indexed by byte, since every walk starts there,
// and the children of the other nodes, which are few, are kept sorted by
// the first byte of their labels and searched in order.
type trie struct {
	root [256]int32 // child of the root by the first byte of its label; 0: none
	// The children of node n are first[n] to first[n+1]-1; each node but
	// the root has the label of the edge that leads to it, and the
	// pattern that ends at it (-1: none).
	first   []int32
	label   []string
	lead    []byte // the first byte of each label, searched among siblings
	pattern []int32
	// starts rules out most starts before a walk (see mayStart).
	starts startFilter
}

// startFilter knows the first bytes of a trie's patterns: single marks
// the patterns of one byte, pairs has a bit for each pattern of two bytes,
// and triples a bit for a hash of the first three bytes of each longer
// pattern (the first character of a Chinese term).
type startFilter struct {
	single  [256]bool
	pairs   [1 << 16 / 64]uint64
	triples [1 << 16 / 64]uint64
}

func (f *startFilter) add(p string) {
	switch len(p) {
	case 0:
	case 1:
		f.single[p[0]] = true
	case 2:
		setBit(&f.pairs, pairIndex(p[0], p[1]))
	default:
		setBit(&f.triples, tripleIndex(p[0], p[1], p[2]))
	}
}

func pairIndex(a, b byte) uint16 { return uint16(a)<<8 | uint16(b) }

func tripleIndex(a, b, c byte) uint16 {
	return uint16((uint32(a)<<16 | uint32(b)<<8 | uint32(c)) * 0x9e3779b1 >> 16)
}

func setBit(bits *[1 << 16 / 64]uint64, i uint16) { bits[i/64] |= 1 << (i % 64) }

func hasBit(bits *[1 << 16 / 64]uint64, i uint16) bool { return bits[i/64]&(1<<(i%64)) != 0 }

// mayStart reports whether a pattern may start at key[0]: false when
// longest would surely return -1.
func (t *trie) mayStart(key []byte) bool {
	f := &t.starts
	if f.single[key[0]] {
		return true
	}
	if len(key) < 2 {
		return false
	}
	if hasBit(&f.pairs, pairIndex(key[0], key[1])) {
		return true
	}
	return len(key) >= 3 && hasBit(&f.triples, tripleIndex(key[0], key[1], key[2]))
}

// newTrie builds the trie of patterns (distinct, non-empty).
func newTrie(patterns []string) *trie {
	sorted := make([]int32, len(patterns))
	for i := range sorted {
		sorted[i] = int32(i)
	}
	slices.SortFunc(sorted, func(a, b int32) int { return strings.Compare(patterns[a], patterns[b]) })
	// Nodes are numbered breadth first; a node is a range of sorted (the
	// patterns below it, all sharing its first depth bytes).
	type span struct{ lo, hi, depth int32 }
	// A node is the root, or ends a pattern, or has two children or more:
	// a trie of n patterns has at most 2n nodes besides the root.
	nodes := 2*len(patterns) + 1
	queue := make([]span, 1, nodes)
	queue[0] = span{0, int32(len(sorted)), 0}
	t := &trie{label: make([]string, 1, nodes), pattern: make([]int32, 1, nodes), first: make([]int32, 0, nodes+1)}
	t.pattern[0] = -1
	for _, p := range patterns {
		t.starts.add(p)
	}
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		t.first = append(t.first, int32(len(queue)))
		lo, d := s.lo, int(s.depth)
		// The children: runs of patterns with the same byte at d.
		for lo < s.hi {
			p := patterns[sorted[lo]]
			hi := lo + 1
			for hi < s.hi && patterns[sorted[hi]][d] == p[d] {
				hi++
			}
			// The label is what the first and last patterns of the run
			// share (all of them, since they are sorted), starting at d.
			q := patterns[sorted[hi-1]]
			n := d + 1
			for n < len(p) && n < len(q) && p[n] == q[n] {
				n++
			}
			child := span{lo, hi, int32(n)}
			pat := int32(-1)
			if len(p) == n { // p ends at the child; it sorts first
				pat = sorted[lo]
				child.lo++
			}
			queue = append(queue, child)
			t.label = append(t.label, p[d:n])
			t.pattern = append(t.pattern, pat)
			lo = hi
		}
	}
	t.first = append(t.first, int32(len(queue)))
	t.lead = make([]byte, len(t.label))
	for n := 1; n < len(t.label); n++ {
		t.lead[n] = t.label[n][0]
	}
	for c := t.first[0]; c < t.first[1]; c++ {
		t.root[t.label[c][0]] = c
	}
	return t
}

// longest returns the longest pattern that key starts with, or -1. The
// caller has checked that t.root[key[0]] is a node.
func (t *trie) longest(key []byte) int32 {
	p := int32(-1)
	n := t.root[key[0]]
	for i := 0; ; {
		// The label's first byte matched when n was chosen; labels are
		// short, so compare the rest byte by byte.
		l := t.label[n]
		if len(key)-i < len(l) {
			return p
		}
		for j := 1; j < len(l); j++ {
			if key[i+j] != l[j] {
				return p
			}
		}
		i += len(l)
		if q := t.pattern[n]; q >= 0 {
			p = q
		}
		if i == len(key) {
			return p
		}
		c, next := key[i], int32(0)
		for k, end := t.first[n], t.first[n+1]; k < end; k++ {
			if b := t.lead[k]; b >= c {
				if b == c {
					next = k
				}
				break
			}
		}
		if next == 0 {
			return p
		}
		n = next
	}
}

// prefixes returns the patterns that are proper prefixes of pattern p,
// longest first.
func (t *trie) prefixes(patterns []string, p int32) []int32 {
	key := patterns[p]
	var out []int32
	n, i := int32(0), 0
	for i < len(key) {
		var next int32
		if n == 0 {
			next = t.root[key[i]]
		} else {
			for k, end := t.first[n], t.first[n+1]; k < end; k++ {
				if t.lead[k] == key[i] {
					next = k
					break
				}
			}
		}
		if next == 0 || !strings.HasPrefix(key[i:], t.label[next]) {
			break // not reached for a pattern of the trie
		}
		n = next
		i += len(t.label[n])
		if q := t.pattern[n]; q >= 0 && q != p {
			out = append(out, q)
		}
	}
	slices.Reverse(out)
	return out
}
