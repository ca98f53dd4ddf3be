package glossary

import "slices"

// A trie holds the folded keys of a matcher's patterns, one byte an edge,
// in flat arrays built once: the matcher walks it from each key offset
// where a term may start and keeps the longest pattern it passes (Find's
// leftmost-longest rule). It allocates nothing while searching.
//
// Node 0 is the root. The root's edges are a table indexed by byte, since
// every walk starts there; the edges of the other nodes, which are few
// (mostly one), are kept sorted by byte and searched in order.
type trie struct {
	root [256]int32 // child of the root by byte; 0: none
	// The edges of node n are label[first[n]:first[n+1]] with the nodes
	// they lead to in next[first[n]:first[n+1]].
	first   []int32
	label   []byte
	next    []int32
	pattern []int32 // the pattern that ends at each node; -1: none
}

// newTrie builds the trie of patterns (distinct, non-empty).
func newTrie(patterns []string) *trie {
	// Build with child lists, then lay the nodes out breadth first so
	// that the nodes near the root, which most walks touch, are close
	// together.
	type node struct {
		edges   []byte
		kids    []int32
		pattern int32
	}
	nodes := []node{{pattern: -1}}
	for p, s := range patterns {
		n := int32(0)
		for i := 0; i < len(s); i++ {
			c := s[i]
			j := slices.Index(nodes[n].edges, c)
			if j < 0 {
				nodes = append(nodes, node{pattern: -1})
				kid := int32(len(nodes) - 1)
				nodes[n].edges = append(nodes[n].edges, c)
				nodes[n].kids = append(nodes[n].kids, kid)
				n = kid
				continue
			}
			n = nodes[n].kids[j]
		}
		nodes[n].pattern = int32(p)
	}
	t := &trie{
		first:   make([]int32, 0, len(nodes)+1),
		label:   make([]byte, 0, len(nodes)-1),
		next:    make([]int32, 0, len(nodes)-1),
		pattern: make([]int32, 0, len(nodes)),
	}
	order := make([]int32, 0, len(nodes)) // breadth-first order of the old node numbers
	order = append(order, 0)
	renum := make([]int32, len(nodes)) // old number → new number
	for i := 0; i < len(order); i++ {
		nd := &nodes[order[i]]
		idx := make([]int, len(nd.edges))
		for j := range idx {
			idx[j] = j
		}
		slices.SortFunc(idx, func(a, b int) int { return int(nd.edges[a]) - int(nd.edges[b]) })
		t.first = append(t.first, int32(len(t.label)))
		t.pattern = append(t.pattern, nd.pattern)
		for _, j := range idx {
			renum[nd.kids[j]] = int32(len(order))
			order = append(order, nd.kids[j])
			t.label = append(t.label, nd.edges[j])
			t.next = append(t.next, nd.kids[j]) // old number, fixed below
		}
	}
	t.first = append(t.first, int32(len(t.label)))
	for i, old := range t.next {
		t.next[i] = renum[old]
	}
	for j := t.first[0]; j < t.first[1]; j++ {
		t.root[t.label[j]] = t.next[j]
	}
	return t
}

// longest returns the longest pattern that key starts with, or -1. The
// caller has checked that t.root[key[0]] is a node.
func (t *trie) longest(key []byte) int32 {
	n := t.root[key[0]]
	p := t.pattern[n]
	for _, c := range key[1:] {
		lo, hi := t.first[n], t.first[n+1]
		next := int32(0)
		for j := lo; j < hi; j++ {
			if l := t.label[j]; l >= c {
				if l == c {
					next = t.next[j]
				}
				break
			}
		}
		if next == 0 {
			break
		}
		n = next
		if q := t.pattern[n]; q >= 0 {
			p = q
		}
	}
	return p
}
