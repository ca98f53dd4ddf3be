package glossary

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Match is one occurrence of a term in a text.
type Match struct {
	Start, End int // byte span into the text given to Find
	Glossary   *Glossary
	Concept    *Concept
	Term       *Term
}

// Matcher finds the terms of one language in text. It is safe for
// concurrent use. The glossaries it was built from must not change while
// it is in use: matches point into them.
type Matcher struct {
	lang     language.Tag
	trie     *trie     // the patterns, searched from each possible start
	patterns []string  // folded keys, each once
	entries  [][]entry // by pattern: the term forms that have that key
	prefixes [][]int32 // by pattern: the patterns that are its proper prefixes, longest first
	quick    *quickFilter
	pool     sync.Pool // of *finder
}

// entry is one form of one term.
type entry struct {
	g     *Glossary
	c     *Concept
	t     *Term
	form  *form // a form of the array that forms returned for the term
	start bool  // the match must start at a word boundary
	end   bool  // the match of the bare form must end at a word boundary
	cs    bool  // case-sensitive
	rank  int   // order of the term in the glossaries
}

// finder holds the buffers of one Find call.
type finder struct {
	kb, exact keyBuf
}

// NewMatcher builds a matcher over the terms of the glossaries whose base
// language is lang's base language (en-GB and en-US terms are both found
// with language.English). Terms of every status are included: checks that
// flag deprecated terms need to find them.
//
// When several terms have the same key, a match reports one of them: an
// uninflected form before an inflected one, then a case-sensitive term
// before a case-insensitive one, then the first in the order of the
// glossaries, their concepts and terms.
func NewMatcher(lang language.Tag, gs ...*Glossary) *Matcher {
	m := &Matcher{lang: lang}
	m.pool.New = func() any { return new(finder) }
	base, _ := lang.Base()
	english := base.String() == "en"
	// The terms of the language, in the order of the glossaries, their
	// concepts and terms.
	type langTerm struct {
		g *Glossary
		c *Concept
		t *Term
	}
	var terms []langTerm
	for _, g := range gs {
		if g == nil {
			continue
		}
		for ci := range g.Concepts {
			c := &g.Concepts[ci]
			for ti := range c.Terms {
				t := &c.Terms[ti]
				if t.Lang == language.Und {
					continue
				}
				if b, _ := t.Lang.Base(); b != base {
					continue
				}
				if terms == nil {
					terms = make([]langTerm, 0, 64)
				}
				terms = append(terms, langTerm{g, c, t})
			}
		}
	}
	// Each term gives a key or a few (its forms), many of them shared:
	// the count of the terms sizes the index well enough that it does
	// not grow while it is filled. The entries are collected in one
	// array, with the pattern of each, and then grouped by pattern.
	index := make(map[string]int32, len(terms))
	all := make([]entry, 0, len(terms)+len(terms)/2)
	var of []int32 // the pattern of each entry of all
	var kb keyBuf  // the keys of every term, one at a time
	rank := 0
	for _, lt := range terms {
		g, c, t := lt.g, lt.c, lt.t
		kb.build(t.Text, true)
		if len(kb.key) == 0 {
			continue
		}
		folded := string(kb.key)
		kb.build(t.Text, false)
		exact := folded
		if string(kb.key) != folded {
			exact = string(kb.key)
		}
		rank++
		fs := forms(folded, exact, english, isVerb(t.PartOfSpeech))
		for fi := range fs {
			f := &fs[fi]
			first, _ := utf8.DecodeRuneInString(f.key)
			last, _ := utf8.DecodeLastRuneInString(f.key)
			e := entry{g: g, c: c, t: t, form: f, cs: t.CaseSensitive, rank: rank,
				start: wordRune(first), end: wordRune(last)}
			i, ok := index[f.key]
			if !ok {
				i = int32(len(m.patterns))
				index[f.key] = i
				if m.patterns == nil {
					m.patterns = make([]string, 0, len(terms)+len(terms)/4)
				}
				m.patterns = append(m.patterns, f.key)
			}
			all = append(all, e)
			of = append(of, i)
		}
	}
	if len(m.patterns) == 0 {
		return m
	}
	// Group the entries by pattern, keeping their order: m.entries[p]
	// is a piece of one array.
	offs := make([]int32, len(m.patterns)+1)
	for _, p := range of {
		offs[p+1]++
	}
	for p := range m.patterns {
		offs[p+1] += offs[p]
	}
	grouped := make([]entry, len(all))
	next := offs[:len(m.patterns):len(m.patterns)]
	for k, p := range of {
		grouped[next[p]] = all[k]
		next[p]++
	}
	// next[p] is now the end of pattern p's entries, offs[p+1].
	m.entries = make([][]entry, len(m.patterns))
	lo := int32(0)
	for p := range m.patterns {
		hi := next[p]
		m.entries[p] = grouped[lo:hi:hi]
		lo = hi
	}
	for _, es := range m.entries {
		slices.SortStableFunc(es, func(a, b entry) int {
			if a.form.stem != b.form.stem {
				return boolCmp(a.form.stem, b.form.stem)
			}
			if a.cs != b.cs {
				return boolCmp(b.cs, a.cs)
			}
			return cmp.Compare(a.rank, b.rank)
		})
	}
	m.trie = newTrie(m.patterns)
	m.quick = newQuickFilter(m.trie, m.patterns, m.entries)
	m.prefixes = make([][]int32, len(m.patterns))
	for i := range m.patterns {
		m.prefixes[i] = m.trie.prefixes(m.patterns, int32(i))
	}
	return m
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// Find returns the leftmost-longest, non-overlapping matches in text,
// sorted by Start. Spans are byte offsets into text on rune boundaries;
// text[Start:End] is the term (or an inflection of it) up to the
// normalisation described in the package documentation.
func (m *Matcher) Find(text string) []Match {
	return m.findChunked(nil, text, maxText)
}

// AppendFind appends the matches that Find returns for text to dst and
// returns the extended slice, so that a caller searching many texts can
// keep their matches in one array.
func (m *Matcher) AppendFind(dst []Match, text string) []Match {
	return m.findChunked(dst, text, maxText)
}

// findChunked appends to out the matches in pieces of text of at most size
// bytes, cut after white space where possible (a key maps offsets as int32).
func (m *Matcher) findChunked(out []Match, text string, size int) []Match {
	if m == nil || len(m.patterns) == 0 || text == "" {
		return out
	}
	if len(text) <= size {
		return m.find(out, text)
	}
	for off := 0; off < len(text); {
		end := min(off+size, len(text))
		if end < len(text) {
			cut := strings.LastIndexAny(text[off:end], " \t\n\r")
			if cut > 0 {
				end = off + cut + 1
			} else {
				for end > off+1 && !utf8.RuneStart(text[end]) {
					end--
				}
			}
		}
		n := len(out)
		out = m.find(out, text[off:end])
		for i := n; i < len(out); i++ {
			out[i].Start += off
			out[i].End += off
		}
		off = end
	}
	return out
}

func (m *Matcher) find(out []Match, text string) []Match {
	if !m.mayMatch(text) {
		return out
	}
	return m.findKeyed(out, text)
}

// findKeyed is find without the quick test of mayMatch: it builds the
// key of text and walks the trie from each offset where a term may start.
func (m *Matcher) findKeyed(out []Match, text string) []Match {
	f := m.pool.Get().(*finder)
	defer func() {
		f.kb.text, f.exact.text = "", "" // do not keep the text alive
		m.pool.Put(f)
	}()
	kb := &f.kb
	kb.build(text, true)
	if len(kb.key) == 0 {
		return out
	}
	key := kb.key
	root := &m.trie.root
	for ks := 0; ks < len(key); ks++ {
		c := key[ks]
		// A pattern that starts with a word character must start at a
		// word boundary (see best): skip the inside of ASCII words, to
		// their end, without walking the trie.
		if ks > 0 && c < utf8.RuneSelf && asciiWord[c] {
			if b := key[ks-1]; b < utf8.RuneSelf && asciiWord[b] {
				for ks+1 < len(key) && key[ks+1] < utf8.RuneSelf && asciiWord[key[ks+1]] {
					ks++
				}
				continue
			}
		}
		if root[c] == 0 {
			continue
		}
		if !kb.segmentBoundary(ks) || !m.trie.mayStart(key[ks:]) {
			continue
		}
		p := m.trie.longest(key[ks:])
		if p < 0 {
			continue
		}
		e, end, ok := m.best(f, text, ks, p)
		if !ok {
			continue
		}
		out = append(out, Match{
			Start: int(kb.start[ks]), End: int(kb.endOf(end - 1)),
			Glossary: e.g, Concept: e.c, Term: e.t,
		})
		ks = end - 1 // matches do not overlap
	}
	return out
}

// best returns the longest valid match starting at key offset ks, given
// the longest pattern p that the trie found there: p or one of its
// prefixes, with or without an ending.
func (m *Matcher) best(f *finder, text string, ks int, p int32) (best *entry, bestEnd int, ok bool) {
	kb := &f.kb
	key := kb.key
	startChecked, startOK := false, false
	bestInflected := false
	try := func(p int32) {
		pe := ks + len(m.patterns[p])
		es := m.entries[p]
		for i := range es {
			e := &es[i]
			if e.start {
				if !startChecked {
					startChecked = true
					startOK = ks == 0 || !wordBefore(key[:ks])
				}
				if !startOK {
					continue
				}
			}
			if e.cs && !f.exactMatch(text, e.form, ks) {
				continue
			}
			for _, suf := range e.form.suffixes {
				end := pe + len(suf)
				if end > len(key) || end < bestEnd || string(key[pe:end]) != suf || !kb.segmentBoundary(end) {
					continue
				}
				needEnd := e.end
				if suf != "" {
					needEnd = asciiWord[suf[len(suf)-1]]
				}
				if needEnd && wordAfter(key[end:]) {
					continue
				}
				inflected := e.form.stem || suf != ""
				if end > bestEnd || (end == bestEnd && bestInflected && !inflected) {
					best, bestEnd, bestInflected, ok = e, end, inflected, true
				}
			}
		}
	}
	try(p)
	for _, q := range m.prefixes[p] {
		try(q)
	}
	return best, bestEnd, ok
}

// exactMatch reports whether the text under the own part of form f, at key
// offset ks, has the exact (unfolded) key of the term.
func (f *finder) exactMatch(text string, fm *form, ks int) bool {
	if fm.own == 0 {
		return true
	}
	kb := &f.kb
	if !kb.segmentBoundary(ks + fm.own) {
		return false
	}
	f.exact.build(text[kb.start[ks]:kb.endOf(ks+fm.own-1)], false)
	return string(f.exact.key) == fm.exact
}

// wordBefore reports whether key ends in a word character, so that a term
// starting after it would start inside a word.
func wordBefore(key []byte) bool {
	r, _ := utf8.DecodeLastRune(key)
	return wordRune(r)
}

// wordAfter reports whether key starts inside a word: with a word
// character, or an apostrophe followed by a letter ("NATO'd"), so that a
// term ending before it would end inside a word.
func wordAfter(key []byte) bool {
	if len(key) == 0 {
		return false
	}
	r, n := utf8.DecodeRune(key)
	if r == '\'' {
		r, _ = utf8.DecodeRune(key[n:])
		return n < len(key) && wordRune(r)
	}
	return wordRune(r)
}
