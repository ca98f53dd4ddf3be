package glossary

import (
	"unicode/utf8"
)

// Most texts hold no term at all: a Chinese sentence whose characters
// start no term, an English one whose words start none. mayMatch proves
// that for most of them by reading the text once, without building its
// key (keyBuf.build, which writes two arrays as long as the text) and
// without the trie walks of find.
//
// It works on the texts whose key is easy to know one character at a
// time: texts made of ASCII and of the characters nfcStable names (the
// basic CJK ideographs, common punctuation, the fullwidth forms of
// ASCII). Such a text is in NFC, and the key of each character is that of
// the character alone (see stableKeys); only separator runs depend on
// their neighbours, as flush decides. For any other text mayMatch says
// yes and find builds the key as usual.

// stableKey is what keyBuf.rune does with one character: write the key
// rune r, or (sep) add to a separator run, a hyphen or not. r is 0 and
// sep false for a character that writes nothing.
type stableKey struct {
	r      rune
	sep    bool
	hyphen bool
}

// stableRanges are the runs of nfcStable characters, other than the CJK
// ideographs, that stableKeys holds, in order.
var stableRanges = [...]struct{ lo, hi rune }{{0x2010, 0x2027}, {0x3001, 0x3011}, {0xff01, 0xff5e}}

// stableKeys holds the keys (folded) of the characters of stableRanges,
// one range after another, as keyBuf.rune makes them.
var stableKeys = func() []stableKey {
	var out []stableKey
	var kb keyBuf
	for _, rg := range stableRanges {
		for r := rg.lo; r <= rg.hi; r++ {
			kb.reset("", true, false)
			kb.rune(r, 0, int32(utf8.RuneLen(r)))
			k := stableKey{sep: kb.pending, hyphen: kb.pending && kb.pendingHyphen}
			if len(kb.key) > 0 {
				k.r, _ = utf8.DecodeRune(kb.key)
			}
			out = append(out, k)
		}
	}
	return out
}()

// stableKeyAt returns the folded key of the character at byte i of text
// and its size, or ok false when it is not one of the characters whose key
// mayMatch knows.
func stableKeyAt(text string, i int) (k stableKey, size int, ok bool) {
	c := text[i]
	if c < utf8.RuneSelf {
		if f := asciiFold[c]; f != 0 {
			return stableKey{r: rune(f)}, 1, true
		}
		return stableKey{sep: true, hyphen: c == '-'}, 1, true
	}
	// The ideographs and the ranges of stableRanges are all three-byte
	// sequences, led by E2, E3, E4 to E9 or EF.
	if i+2 >= len(text) || c < 0xE2 || c > 0xEF {
		return k, 0, false
	}
	b1, b2 := text[i+1], text[i+2]
	if b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
		return k, 0, false
	}
	r := rune(c&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
	if isPlainHan(r) {
		return stableKey{r: r}, 3, true
	}
	base := 0
	for _, rg := range stableRanges {
		if r < rg.lo {
			break
		}
		if r <= rg.hi {
			return stableKeys[base+int(r-rg.lo)], 3, true
		}
		base += int(rg.hi-rg.lo) + 1
	}
	return k, 0, false
}

// mayMatch reports whether find may find a term in text. It is false only
// when no pattern starts at any key offset where find looks for one.
func (m *Matcher) mayMatch(text string) bool {
	t := m.trie
	prevWord := false // the key byte before i is an ASCII word byte
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			f := asciiFold[c]
			if f == 0 {
				prevWord = false // a separator run writes a space or nothing
				i++
				continue
			}
			word := asciiWord[f]
			if !(word && prevWord) && t.root[f] != 0 {
				// Not inside a word, where find does not look, and a
				// byte that starts a pattern.
				// A pattern that matches only in capitals cannot start at
				// a lower-case letter (see capOnly).
				lower := c >= 'a' && c <= 'z'
				skip := m.quick.skipAt(text, i)
				if q, ok := asciiQuad(text, i); (!ok || m.quick.mayStart(q) && (!lower || m.quick.lowerMayStart(q))) &&
					t.mayStartAt(text, i, skip) {
					return true
				}
			}
			i++
			if prevWord = word; word {
				// The rest of the word: find does not look there.
				for i < len(text) && text[i] < utf8.RuneSelf && asciiWord[text[i]] {
					i++
				}
			}
			continue
		}
		if c := text[i]; c >= 0xE4 && c <= 0xE9 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			// A basic CJK ideograph (U+4E00 to U+9FFF): its key bytes
			// are the text's. A pattern starting with them has three
			// bytes or more: mayStart tests the hash of the first three.
			if r := rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6; r >= 0x4E00 {
				prevWord = false
				if t.root[c] != 0 && hasBit(&t.starts.triples, tripleIndex(c, text[i+1], text[i+2])) &&
					m.quick.hanMayStart(text, i) && t.mayStartAt(text, i, nil) {
					return true
				}
				i += 3
				continue
			}
		}
		k, size, ok := stableKeyAt(text, i)
		if !ok {
			return true
		}
		if k.sep || k.r == 0 {
			// (A character that writes nothing is not among those
			// stableKeyAt knows.)
			prevWord = prevWord && !k.sep
			i += size
			continue
		}
		prevWord = k.r < utf8.RuneSelf && asciiWord[k.r]
		if t.root[firstKeyByte(k.r)] == 0 {
			// No pattern starts with the first byte of the key rune,
			// the first byte mayStartAt would read: a fullwidth comma
			// or an ideographic full stop in most glossaries.
			i += size
			continue
		}
		if isPlainHan(k.r) {
			// The key bytes are the text's. A pattern starting with them
			// has three bytes or more: mayStart tests the hash of the
			// first three.
			if t.root[text[i]] == 0 || !hasBit(&t.starts.triples, tripleIndex(text[i], text[i+1], text[i+2])) {
				i += size
				continue
			}
		}
		if t.mayStartAt(text, i, nil) {
			return true
		}
		i += size
	}
	return false
}

// mayStartAt reports whether a pattern starts with the key of the text
// from byte i (a character that writes a key rune): false only when none
// does. It walks the trie as longest does, reading the key from the text
// as it goes. The patterns p with skip[p] set do not count (skip is nil
// or has a value for each pattern).
func (t *trie) mayStartAt(text string, i int, skip []bool) bool {
	rd := quickReader{text: text, i: i}
	c, st := rd.next()
	if st != keyByte {
		return st == unknownChar
	}
	n := t.root[c]
	if n == 0 {
		return false
	}
	for {
		l := t.label[n]
		for j := 1; j < len(l); j++ {
			c, st = rd.next()
			if st != keyByte {
				return st == unknownChar
			}
			if c != l[j] {
				return false
			}
		}
		if p := t.pattern[n]; p >= 0 && (skip == nil || !skip[p]) {
			return true
		}
		c, st = rd.next()
		if st != keyByte {
			return st == unknownChar
		}
		next := int32(0)
		for k, end := t.first[n], t.first[n+1]; k < end; k++ {
			if b := t.lead[k]; b >= c {
				if b == c {
					next = k
				}
				break
			}
		}
		if next == 0 {
			return false
		}
		n = next
	}
}

// What quickReader.next read.
const (
	keyByte     = iota // a byte of the key
	keyEnd             // the end of the key
	unknownChar        // a character whose key stableKeyAt does not know
)

// quickReader reads the key of a text, from a character that writes a
// key rune, one byte at a time, as keyBuf.build would write it.
type quickReader struct {
	text   string
	i      int  // the next character to read
	last   rune // the last key rune written
	buf    [utf8.UTFMax]byte
	bi, bn int // buf[bi:bn] is left of the last key rune
}

func (rd *quickReader) next() (byte, int) {
	if rd.bi < rd.bn {
		rd.bi++
		return rd.buf[rd.bi-1], keyByte
	}
	pending, hyphen := false, false
	for rd.i < len(rd.text) {
		if c := rd.text[rd.i]; c < utf8.RuneSelf && !pending {
			if f := asciiFold[c]; f != 0 {
				rd.i++
				rd.last = rune(f)
				return f, keyByte
			}
		}
		k, size, ok := stableKeyAt(rd.text, rd.i)
		if !ok {
			return 0, unknownChar
		}
		rd.i += size
		if k.sep {
			pending, hyphen = true, hyphen || k.hyphen
			continue
		}
		if k.r == 0 {
			continue
		}
		rd.bn = utf8.EncodeRune(rd.buf[:], k.r)
		rd.bi = 0
		// A waiting separator run is written as flush does (the key is
		// not empty: the reader starts at a key rune).
		space := pending && (hyphen || !noSpaceScript(rd.last) || !noSpaceScript(k.r))
		rd.last = k.r
		if space {
			return ' ', keyByte
		}
		rd.bi = 1
		return rd.buf[0], keyByte
	}
	return 0, keyEnd
}

// firstKeyByte returns the first byte of the UTF-8 encoding of r.
func firstKeyByte(r rune) byte {
	switch {
	case r < utf8.RuneSelf:
		return byte(r)
	case r < 0x800:
		return byte(0xC0 | r>>6)
	case r < 0x10000:
		return byte(0xE0 | r>>12)
	}
	return byte(0xF0 | r>>18)
}

// quickFilter rules out most places where no pattern starts from the
// first four key bytes there, as the trie's startFilter does from three.
// single and pairs are the trie's; triples has a bit for a hash of each
// pattern of three bytes, quads one for a hash of the first four bytes of
// each longer pattern. sextets has
// a bit for a hash of the first six bytes of each pattern of six bytes or
// more: the first two characters of a Chinese term (see hanMayStart).
//
// capOnly marks the patterns that match only in capitals where they start:
// those whose entries are all case-sensitive forms with an exact key that
// starts with an ASCII capital (US, UK, NATO, SHAPE). No such pattern
// matches at a lower-case ASCII letter of the text ("use", "shape"):
// exactMatch builds the exact key of the text from that letter, and that
// key starts with the letter itself, or with a character that NFC composed
// from it, never with a capital. A pattern that also has a term matching
// in any case, or a form whose own part is empty (exactMatch says yes
// without looking), is not marked.
type quickFilter struct {
	single                  *[256]bool
	pairs                   *[1 << 16 / 64]uint64
	triples, quads, sextets [1 << 16 / 64]uint64
	capOnly                 []bool // by pattern
	// capPair marks the capOnly patterns whose exact keys start with two
	// ASCII capitals (USA, NATO, STO): none matches where the text has a
	// letter followed by a lower-case ASCII letter ("Usually", "Stop").
	capPair []bool
	// lowerPairs has a bit for the first two key bytes of each pattern
	// that starts with a letter and is not capOnly, by the first byte
	// less 'a' and the second; the bits of all second bytes for a
	// pattern of one letter.
	lowerPairs [26][256 / 64]uint64
}

func newQuickFilter(t *trie, patterns []string, entries [][]entry) *quickFilter {
	f := &quickFilter{single: &t.starts.single, pairs: &t.starts.pairs}
	f.capOnly = make([]bool, len(patterns))
	f.capPair = make([]bool, len(patterns))
	for p, es := range entries {
		f.capOnly[p], f.capPair[p] = len(es) > 0, len(es) > 0
		for i := range es {
			e := &es[i]
			if !e.cs || e.form.own == 0 || e.form.exact == "" || !isCapital(e.form.exact[0]) {
				f.capOnly[p], f.capPair[p] = false, false
				break
			}
			if e.form.own < 2 || len(e.form.exact) < 2 || !isCapital(e.form.exact[1]) {
				f.capPair[p] = false
			}
		}
		key := patterns[p]
		if f.capOnly[p] || key[0] < 'a' || key[0] > 'z' {
			continue
		}
		row := &f.lowerPairs[key[0]-'a']
		if len(key) == 1 {
			for w := range row {
				row[w] = ^uint64(0)
			}
			continue
		}
		row[key[1]/64] |= 1 << (key[1] % 64)
	}
	for _, p := range patterns {
		switch {
		case len(p) == 3:
			setBit(&f.triples, tripleIndex(p[0], p[1], p[2]))
		case len(p) > 3:
			setBit(&f.quads, quadIndex(p[0], p[1], p[2], p[3]))
		}
		if len(p) >= 6 {
			setBit(&f.sextets, sextetIndex(p[:6]))
		}
	}
	return f
}

func sextetIndex(s string) uint16 {
	_ = s[5]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 | uint64(s[4])<<32 | uint64(s[5])<<40
	return uint16(x * 0x9e3779b97f4a7c15 >> 48)
}

// hanMayStart reports whether a pattern may start with the key of the
// text from byte i, a basic CJK ideograph: false when none does. When the
// next character is one too, the key's first six bytes are the text's
// (an ideograph's key is itself, and nothing separates the two), so that
// a pattern of six bytes or more starting there has a bit in sextets; a
// pattern of four or five bytes cannot start there (its fourth byte would
// start a character of one or two bytes, not the ideograph's lead byte),
// and one of three has a bit in triples. Otherwise it says yes.
func (f *quickFilter) hanMayStart(text string, i int) bool {
	if hasBit(&f.triples, tripleIndex(text[i], text[i+1], text[i+2])) {
		return true
	}
	j := i + 3
	if j+2 >= len(text) {
		return true
	}
	c := text[j]
	if c < 0xE4 || c > 0xE9 || text[j+1]&0xC0 != 0x80 || text[j+2]&0xC0 != 0x80 ||
		rune(c&0x0F)<<12|rune(text[j+1]&0x3F)<<6 < 0x4E00 {
		return true
	}
	return hasBit(&f.sextets, sextetIndex(text[i:j+3]))
}

func quadIndex(a, b, c, d byte) uint16 {
	return uint16((uint32(a)<<24 | uint32(b)<<16 | uint32(c)<<8 | uint32(d)) * 0x9e3779b1 >> 16)
}

// mayStart reports whether a pattern may start with the four key bytes q:
// false when none does.
func (f *quickFilter) mayStart(q [4]byte) bool {
	return f.single[q[0]] || hasBit(f.pairs, pairIndex(q[0], q[1])) ||
		hasBit(&f.triples, tripleIndex(q[0], q[1], q[2])) || hasBit(&f.quads, quadIndex(q[0], q[1], q[2], q[3]))
}

func isCapital(c byte) bool { return 'A' <= c && c <= 'Z' }

// skipAt returns the patterns that cannot match from byte i of text, an
// ASCII letter, because of their case (see capOnly): capOnly at a
// lower-case letter, capPair at a letter followed by a lower-case one,
// nil elsewhere.
func (f *quickFilter) skipAt(text string, i int) []bool {
	if c := text[i]; 'a' <= c && c <= 'z' {
		return f.capOnly
	}
	if i+1 < len(text) && 'a' <= text[i+1] && text[i+1] <= 'z' && isCapital(text[i]) {
		return f.capPair
	}
	return nil
}

// lowerMayStart reports whether a pattern that is not capOnly may start
// with the four key bytes q, whose first is a letter that the text has in
// lower case: false when none starts with the first two.
func (f *quickFilter) lowerMayStart(q [4]byte) bool {
	return f.lowerPairs[q[0]-'a'][q[1]/64]&(1<<(q[1]%64)) != 0
}

// asciiQuad returns the first four key bytes of the ASCII text from byte i
// (not a separator), when it has them: a run of separators between two
// other ASCII characters is one space.
func asciiQuad(text string, i int) (q [4]byte, ok bool) {
	if i+4 <= len(text) {
		// Four ASCII characters that are no separators: the common case.
		a, b, c, d := text[i], text[i+1], text[i+2], text[i+3]
		if (a | b | c | d) < utf8.RuneSelf {
			q = [4]byte{asciiFold[a], asciiFold[b], asciiFold[c], asciiFold[d]}
			if q[0] != 0 && q[1] != 0 && q[2] != 0 && q[3] != 0 {
				return q, true
			}
		}
	}
	n := 0
	for n < 4 {
		if i >= len(text) || text[i] >= utf8.RuneSelf {
			return q, false
		}
		if f := asciiFold[text[i]]; f != 0 {
			q[n] = f
			n++
			i++
			continue
		}
		for i < len(text) && text[i] < utf8.RuneSelf && asciiFold[text[i]] == 0 {
			i++
		}
		if i >= len(text) || text[i] >= utf8.RuneSelf {
			return q, false // the end of the key, or what may follow the run
		}
		q[n] = ' '
		n++
	}
	return q, true
}
