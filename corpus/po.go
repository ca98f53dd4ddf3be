package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/tqa-project/tqa/internal/hugepage"
	"github.com/tqa-project/tqa/pipeline"
)

// poString is the text of a keyword's string literals, joined.
type poString struct {
	text       string
	loc        pipeline.Locator
	codes      []pipeline.Code
	start, end int // from the first literal's opening quote to the last's closing one
}

// poEntry is one message of a PO file.
type poEntry struct {
	translator, extracted []string // comment lines
	fuzzy                 bool
	hasCtx, hasPlural     bool // msgctxt and msgid_plural are there
	ctx, id, plural       poString
	strs                  []poString
	start                 int // the first keyword
	obsolete              bool
}

// poReader reads one PO file.
//
// It makes few allocations, since a PO file has tens of thousands of
// short messages: tokens are offsets into the file, one message value is
// reused for every message, and the texts, ids and anchors of the
// segments are cut from a few large blocks instead of being allocated one
// by one.
type poReader struct {
	src     *source
	lex     poLexer
	cur     *walkCursor
	tok     poToken      // the next token
	e       poEntry      // the message being read
	scratch anchoredText // a string being decoded; copied out when done

	// texts holds the text of every id, kept comment and segment that is
	// not a verbatim slice of a frozen source (see source.shared), in
	// blocks: a string cut from a strings.Builder stays valid as it grows.
	// anchors is the free room of the current block of anchors.
	texts   strings.Builder
	anchors []pipeline.Anchor

	// plain turns off the shortcuts that skip work of the plain way (see
	// literals and toLine): the tests read inputs both ways and compare.
	plain bool
}

func (r *poReader) advance() error {
	return r.lex.next(&r.tok)
}

// keep returns b as a string cut from r.texts. When the block has no
// room for b, a new block is started; the strings cut from the old one
// keep it alive, and nothing is copied.
func (r *poReader) keep(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > r.texts.Cap()-r.texts.Len() {
		r.texts = strings.Builder{}
		r.texts.Grow(max(len(b), poTextBlock))
	}
	start := r.texts.Len()
	r.texts.Write(b)
	return r.texts.String()[start:]
}

// poTextBlock is the size of a block of r.texts: large enough that blocks
// are few, small enough that the unused end of the last one costs little.
const poTextBlock = 64 << 10

// keepAnchor returns a slice of the one anchor a, cut from a block of
// anchors as keepAnchors cuts its copies.
func (r *poReader) keepAnchor(a pipeline.Anchor) []pipeline.Anchor {
	if len(r.anchors) == cap(r.anchors) {
		r.anchors = make([]pipeline.Anchor, 0, 4096)
	}
	r.anchors = append(r.anchors, a)
	n := len(r.anchors)
	return r.anchors[n-1 : n : n]
}

// toLine moves the cursor to the start of the line of the token r.tok,
// unless it is there or past it already: the lexer knows the line, and the
// cursor then counts only the columns before the token instead of walking
// every byte since the last anchor (the string before, mostly). With
// r.plain the cursor walks as it does for other formats.
func (r *poReader) toLine() {
	if r.plain || r.cur.at.Offset >= r.src.offBase+r.lex.lineStart {
		return
	}
	r.cur.at = pipeline.Position{Offset: r.src.offBase + r.lex.lineStart, Line: r.src.lineBase + r.lex.line + 1, Column: 1}
}

// linePos returns the position of offset off of the line of the token
// r.tok, as r.cur.pos does, counting the characters from the start of the
// line (mostly a keyword) instead of walking from the cursor.
func (r *poReader) linePos(off int) pipeline.Position {
	return pipeline.Position{Offset: r.src.offBase + off, Line: r.src.lineBase + r.lex.line + 1, Column: 1 + runeStarts(r.src.data[r.lex.lineStart:off])}
}

// keepAnchors returns a copy of a cut from a block of anchors, with no
// room to grow into the next copy.
func (r *poReader) keepAnchors(a []pipeline.Anchor) []pipeline.Anchor {
	if len(a) > cap(r.anchors)-len(r.anchors) {
		r.anchors = make([]pipeline.Anchor, 0, max(len(a), 4096))
	}
	start := len(r.anchors)
	r.anchors = append(r.anchors, a...)
	return r.anchors[start:len(r.anchors):len(r.anchors)]
}

// readPO reads a gettext PO or POT file; the package documentation
// (doc.go) says how.
//
// It checks the sizes of the segments (checkSegmentSizes) only when a
// text is longer than MaxSegmentBytes, which it sees as it reads them,
// instead of going over the segments again (see sizesChecked).
func readPO(src *source, doc *pipeline.Document) (*codec, error) {
	part := &poPart{header: true}
	c, err := readPOPart(src, doc, part)
	if err != nil {
		return nil, err
	}
	if part.longest > MaxSegmentBytes {
		if err := checkSegmentSizes(doc); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// poPart is what a part of a PO file read piece by piece (Stream) needs
// from the parts before it: whether the header may still come, and the
// header's Plural-Forms.
type poPart struct {
	header      bool // the next message may be the header
	pluralForms string
	longest     int // the length of the longest source or target read
}

// readPOPart reads src, the whole of a PO file or one part of it that
// starts and ends between messages, carrying the header over in part.
func readPOPart(src *source, doc *pipeline.Document, part *poPart) (*codec, error) {
	return readPOPartWith(src, doc, part, false)
}

// readPOPartWith is readPOPart, the plain way without its shortcuts when
// plain is set (for the tests that compare both ways).
func readPOPartWith(src *source, doc *pipeline.Document, part *poPart, plain bool) (*codec, error) {
	// One segment per line that starts with msgstr, about: sized once,
	// since a Segment is large; a message's msgid and msgstr take an
	// anchor each, about.
	n := countMsgstrLines(src.data)
	cur := newWalkCursor(src)
	r := &poReader{src: src, lex: newPOLexer(src), cur: cur, scratch: anchoredText{cur: cur, next: -1}, plain: plain}
	r.anchors = make([]pipeline.Anchor, 0, 2*n+16)
	if err := r.advance(); err != nil {
		return nil, err
	}
	w := poWriter{nl: map[string]string{}, inline: map[string]bool{}}
	// The segments are written in place into fresh, zeroed memory
	// (appending a zero Segment would clear it again, through the write
	// barrier when the collector runs); segs grows by append, which
	// zeroes the room it adds, only when n was too few.
	segs := make([]pipeline.Segment, len(doc.Segments), len(doc.Segments)+n)
	hugepage.Advise(segs) // before it is written; see package hugepage
	copy(segs, doc.Segments)
	spans := make([]pipeline.Span, 0, n)
	seen := poKeys{keys: make([]poKey, 0, n)}
	header := part.header // the next message may be the header
	pluralForms := part.pluralForms
	crlf := bytes.IndexByte(src.data, '\r') >= 0 // else every line break is "\n"
	var key, id []byte
	longest := part.longest
	for r.tok.kind != poTokEOF {
		e, err := r.entry()
		if err != nil {
			if dup := seen.duplicate(src, segs); dup != nil {
				return nil, dup // it comes first in the file
			}
			return nil, err
		}
		if e == nil || e.obsolete {
			continue
		}
		// gettext's key: msgctxt, U+0004 and msgid, or the msgid alone.
		key = key[:0]
		if e.hasCtx {
			key = append(append(key, e.ctx.text...), 0x04)
		}
		key = append(key, e.id.text...)
		sum := sha256.Sum256(key)
		if header && len(key) == 0 {
			seen.add(sum, -1, false, e.start)
			pluralForms = r.header(e, doc)
			header = false
			part.header, part.pluralForms = false, pluralForms
			continue
		}
		header = false
		part.header = false
		seen.add(sum, len(segs), e.hasCtx, e.start)
		id = hex.AppendEncode(append(id[:0], "po:"...), sum[:6])
		base := len(id)
		for k := range e.strs {
			str := &e.strs[k]
			if len(segs) == cap(segs) {
				segs = slices.Grow(segs, 1)
			}
			segs = segs[:len(segs)+1]
			seg := &segs[len(segs)-1]
			// The segment is zero: fields that stay zero are not written
			// (while the collector runs, every pointer written costs a
			// write barrier, a nil one too).
			source := &e.id
			if e.hasPlural {
				id = append(strconv.AppendInt(append(id[:base], '['), int64(k), 10), ']')
				if k > 0 {
					source = &e.plural
				}
			}
			seg.ID = r.keep(id)
			seg.Source, seg.SourceLoc = source.text, source.loc
			seg.Target, seg.TargetLoc = str.text, str.loc
			if source.codes != nil {
				seg.SourceCodes = source.codes
			}
			if str.codes != nil {
				seg.TargetCodes = str.codes
			}
			if skip := linkSpans(seg.Source); skip != nil {
				seg.SourceSkip = skip
			}
			if skip := linkSpans(seg.Target); skip != nil {
				seg.TargetSkip = skip
			}
			if e.hasCtx {
				seg.Context = e.ctx.text
			}
			if e.fuzzy {
				seg.State = "fuzzy"
			}
			if len(e.translator) > 0 {
				seg.Notes = append(seg.Notes, strings.Join(e.translator, "\n"))
				seg.Suppress = ignoreDirectives(e.translator)
			}
			if len(e.extracted) > 0 {
				seg.Notes = append(seg.Notes, strings.Join(e.extracted, "\n"))
			}
			if e.hasPlural && pluralForms != "" {
				seg.Notes = append(seg.Notes, "Plural-Forms: "+pluralForms)
			}
			longest = max(longest, len(seg.Source), len(seg.Target))
			spans = append(spans, pipeline.Span{Start: str.start, End: str.end})
			if crlf {
				if nl := lineBreakAt(src.data, str.start); nl != "\n" {
					w.nl[seg.ID] = nl
				}
			}
			if moreOnLine(src.data, str.end) {
				w.inline[seg.ID] = true
			}
		}
	}
	doc.Segments = segs
	part.longest = longest
	if dup := seen.duplicate(src, segs); dup != nil {
		return nil, dup
	}
	return &codec{spans: spans, encode: w.encode}, nil
}

// countMsgstrLines counts the lines of data that start with "msgstr".
//
// It tests sixteen places at a time, as two words, for a line feed
// followed six bytes on by the 'r' of "msgstr" (each by the word test for
// a zero byte, which can only mark too many places, above a true one),
// and looks at the places marked: a search for "\nmsgstr" stops at every
// line feed, which costs a call at every line of a PO file (about twice
// the time on the Tatoeba PO file). countMsgstrLinesPlain in the tests
// is that search.
func countMsgstrLines(data []byte) int {
	const key = "\nmsgstr"
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	n := 0
	if bytes.HasPrefix(data, []byte(key[1:])) {
		n++
	}
	i := 0
	for ; i+len(key)-1+16 <= len(data); i += 16 {
		d := data[i : i+len(key)-1+16]
		lf0 := binary.LittleEndian.Uint64(d[0:]) ^ (ones * '\n')
		r0 := binary.LittleEndian.Uint64(d[6:]) ^ (ones * 'r')
		lf1 := binary.LittleEndian.Uint64(d[8:]) ^ (ones * '\n')
		r1 := binary.LittleEndian.Uint64(d[14:]) ^ (ones * 'r')
		m0 := (lf0 - ones) &^ lf0 & (r0 - ones) &^ r0 & highs
		m1 := (lf1 - ones) &^ lf1 & (r1 - ones) &^ r1 & highs
		if m0|m1 == 0 {
			continue
		}
		for m := m0; m != 0; m &= m - 1 {
			if p := i + bits.TrailingZeros64(m)/8; string(data[p:p+len(key)]) == key {
				n++
			}
		}
		for m := m1; m != 0; m &= m - 1 {
			if p := i + 8 + bits.TrailingZeros64(m)/8; string(data[p:p+len(key)]) == key {
				n++
			}
		}
	}
	for ; i+len(key) <= len(data); i++ {
		if data[i] == '\n' && string(data[i:i+len(key)]) == key {
			n++
		}
	}
	return n
}

// poKeys holds a record of every message of a file, to find messages
// with the same key (msgctxt, U+0004 and msgid) once the file is read, at
// less cost than a lookup in a map for every message, which misses the
// processor's cache. The records hold no strings, so that the collector
// need not scan them: a key is found again from the message's first
// segment when two messages may share it.
type poKeys struct {
	keys []poKey // in file order
}

type poKey struct {
	hash uint32 // the low bits of the key's SHA-256
	// seg is the index of the message's first segment, times two, plus
	// one when the message has a msgctxt; -1 for the header, whose key is
	// empty.
	seg int32
	off int // where its message starts
}

func (k *poKeys) add(sum [sha256.Size]byte, seg int, hasCtx bool, off int) {
	ref := int32(-1)
	if seg >= 0 {
		ref = int32(seg) << 1
		if hasCtx {
			ref |= 1
		}
	}
	k.keys = append(k.keys, poKey{hash: binary.LittleEndian.Uint32(sum[:4]), seg: ref, off: off})
}

// key returns the key of the message of record key, from its first
// segment in segs.
func (key poKey) key(segs []pipeline.Segment) string {
	if key.seg < 0 {
		return ""
	}
	s := &segs[key.seg>>1]
	if key.seg&1 == 0 {
		return s.Source
	}
	return s.Context + "\x04" + s.Source
}

// duplicate returns the error for the first message in the file whose key
// an earlier message has, or nil when there is none. A bit set indexed by
// the low bits of the hashes, sixteen bits or more a key, finds the keys
// that may be shared (a bit hit twice: every duplicate, and a few keys
// more); of those, only the keys whose whole hash another key has are
// compared, in a map.
func (k *poKeys) duplicate(src *source, segs []pipeline.Segment) error {
	size := uint32(1024)
	for uint64(size) < 16*uint64(len(k.keys)) && size < 1<<31 {
		size *= 2
	}
	seen, shared := make([]uint64, size/64), make([]uint64, size/64)
	found := false
	for _, key := range k.keys {
		i := key.hash & (size - 1)
		w, bit := i/64, uint64(1)<<(i%64)
		if seen[w]&bit != 0 {
			shared[w] |= bit
			found = true
		}
		seen[w] |= bit
	}
	if !found {
		return nil
	}
	return k.compare(src, segs, k.sameHash(func(h uint32) bool {
		j := h & (size - 1)
		return shared[j/64]&(uint64(1)<<(j%64)) != 0
	}))
}

// sameHash returns, in file order, the indexes of the keys for which
// maybe holds whose hash another such key has. Two messages with the same
// key have the same hash, so every duplicate is among them; other keys
// rarely are, as the hashes have 32 bits. It sorts the hashes of the keys
// that maybe holds for, a few in a hundred, instead of looking each up in
// a map of strings, which reads its key from its segment.
func (k *poKeys) sameHash(maybe func(hash uint32) bool) []int {
	var byHash []uint64 // hash<<32 | index
	for i, key := range k.keys {
		if maybe(key.hash) {
			byHash = append(byHash, uint64(key.hash)<<32|uint64(i))
		}
	}
	slices.Sort(byHash)
	var same []int
	for i, h := range byHash {
		if i > 0 && byHash[i-1]>>32 == h>>32 || i+1 < len(byHash) && byHash[i+1]>>32 == h>>32 {
			same = append(same, int(uint32(h)))
		}
	}
	slices.Sort(same)
	return same
}

// compare returns the error for the first of the keys at the indexes
// (in file order) whose key an earlier one of them has, or nil.
func (k *poKeys) compare(src *source, segs []pipeline.Segment, indexes []int) error {
	first := make(map[string]int, len(indexes)) // key -> offset of the first message with it
	for _, i := range indexes {
		key := k.keys[i]
		ks := key.key(segs)
		if off, dup := first[ks]; dup {
			return fmt.Errorf("corpus: read %s: line %d: duplicate message (first on line %d)", src.path, src.lineBase+lineOf(src, key.off), src.lineBase+lineOf(src, off))
		}
		first[ks] = key.off
	}
	return nil
}

// entry reads the next message with the comments before it into r.e; it
// returns nil for comments at the end of the file. The message is valid
// until the next call.
func (r *poReader) entry() (*poEntry, error) {
	e := &r.e
	// Only what every message sets is reset: the flags and the lists
	// (literals resets a string when it reads it). Assigning a whole
	// poEntry would clear its pointers through the write barrier while
	// the collector runs.
	e.translator, e.extracted, e.strs = e.translator[:0], e.extracted[:0], e.strs[:0]
	e.fuzzy, e.hasCtx, e.hasPlural, e.obsolete = false, false, false, false
	for r.tok.kind == poTokComment {
		c := r.src.data[r.tok.start+1 : r.tok.end]
		switch {
		case len(c) > 0 && c[0] == ',':
			e.fuzzy = e.fuzzy || poFuzzy(c[1:])
		case len(c) > 0 && c[0] == '.':
			e.extracted = append(e.extracted, r.keep(bytes.TrimPrefix(c[1:], []byte(" "))))
		case len(c) > 0 && c[0] == ':':
			// references: where the message is used in the program
		default:
			e.translator = append(e.translator, r.keep(bytes.TrimPrefix(c, []byte(" "))))
		}
		if err := r.advance(); err != nil {
			return nil, err
		}
	}
	switch {
	case r.tok.kind == poTokEOF:
		return nil, nil
	case r.is(poDomain):
		if err := r.advance(); err != nil {
			return nil, err
		}
		var s poString
		return nil, r.literals(&s, poDomain, -1)
	}
	e.start = r.tok.start
	e.obsolete = r.tok.obsolete
	if r.is(poMsgctxt) {
		e.hasCtx = true
		if err := r.keyword(&e.ctx); err != nil {
			return nil, err
		}
	}
	if !r.is(poMsgid) {
		return nil, r.want("msgid")
	}
	if err := r.keyword(&e.id); err != nil {
		return nil, err
	}
	if r.is(poMsgidPlural) {
		e.hasPlural = true
		if err := r.keyword(&e.plural); err != nil {
			return nil, err
		}
	}
	for r.is(poMsgstr) {
		kwStart := r.tok.start
		if err := r.advance(); err != nil {
			return nil, err
		}
		index := -1
		switch {
		case r.tok.kind == poTokIndex && !e.hasPlural:
			return nil, r.src.errorf(kwStart, "msgstr[%d] without msgid_plural", r.tok.n)
		case r.tok.kind == poTokIndex && r.tok.n != len(e.strs):
			return nil, r.src.errorf(kwStart, "msgstr[%d] where msgstr[%d] is due", r.tok.n, len(e.strs))
		case r.tok.kind == poTokIndex:
			index = r.tok.n
			if err := r.advance(); err != nil {
				return nil, err
			}
		case e.hasPlural:
			return nil, r.src.errorf(kwStart, "msgstr without an index after msgid_plural (want msgstr[%d])", len(e.strs))
		case len(e.strs) > 0:
			return nil, r.src.errorf(kwStart, "a second msgstr")
		}
		e.strs = slices.Grow(e.strs, 1)[:len(e.strs)+1] // literals sets every field
		if err := r.literals(&e.strs[len(e.strs)-1], poMsgstr, index); err != nil {
			return nil, err
		}
	}
	if len(e.strs) == 0 {
		return nil, r.want("msgstr")
	}
	return e, nil
}

// poFuzzy reports whether the flags of a "#," comment include fuzzy.
func poFuzzy(flags []byte) bool {
	for len(flags) > 0 {
		f, rest, _ := bytes.Cut(flags, []byte(","))
		if string(bytes.TrimSpace(f)) == "fuzzy" {
			return true
		}
		flags = rest
	}
	return false
}

// is reports whether the next token is the keyword kw.
func (r *poReader) is(kw poKeyword) bool {
	return r.tok.kind == poTokKeyword && r.tok.kw == kw
}

// want returns the error for a token that is not the keyword kw.
func (r *poReader) want(kw string) error {
	what := map[poKind]string{poTokEOF: "the end of the file", poTokString: "a string", poTokIndex: "a plural index", poTokComment: "a comment"}[r.tok.kind]
	if r.tok.kind == poTokKeyword {
		what = r.tok.kw.String()
	}
	return r.src.errorf(r.tok.start, "want %s, found %s", kw, what)
}

// keyword reads a keyword and its strings into s.
func (r *poReader) keyword(s *poString) error {
	kw := r.tok.kw
	if err := r.advance(); err != nil {
		return err
	}
	return r.literals(s, kw, -1)
}

// literals reads the string literals after the keyword kw (msgstr[index]
// for an index from 0) into s, joined.
//
// Most texts are one literal without escapes: its text is the bytes
// between its quotes, which it takes without the scratch buffer (which
// copies them), unless r.plain asks for the plain way; the first literal
// is copied there only when a second one follows.
func (r *poReader) literals(s *poString, kw poKeyword, index int) error {
	if r.tok.kind != poTokString {
		name := kw.String()
		if index >= 0 {
			name = fmt.Sprintf("%s[%d]", name, index)
		}
		return r.src.errorf(r.tok.start, "%s needs a string", name)
	}
	// Every field of s is set, but the pointers are written only once, and
	// not at all where they stay nil (see readPOPart on write barriers).
	s.start = r.tok.start
	if s.codes != nil {
		s.codes = nil
	}
	b := &r.scratch
	b.reset()
	literals, plain := 0, true
	held := false            // the first literal, data[s.start:s.end], is plain and not yet in b
	var at pipeline.Position // where the held literal's text starts
	for r.tok.kind == poTokString {
		if held {
			b.verbatim(s.start+1, s.end-1)
			held = false
		}
		r.toLine()
		literals++
		plain = plain && r.tok.plain
		switch {
		case r.tok.plain && literals == 1 && !r.plain:
			held = true
			at = r.linePos(r.tok.start + 1)
		case r.tok.plain:
			b.verbatim(r.tok.start+1, r.tok.end-1)
		default:
			if err := poDecode(r.src, b, &s.codes, r.tok.start, r.tok.end); err != nil {
				return err
			}
		}
		s.end = r.tok.end
		if err := r.advance(); err != nil {
			return err
		}
	}
	if held {
		var shared bool
		if s.text, shared = r.src.shared(s.start+1, s.end-1); !shared {
			s.text = r.keep(r.src.data[s.start+1 : s.end-1])
		}
		s.loc = pipeline.Locator{Anchors: r.keepAnchor(pipeline.Anchor{Pos: at})}
		return nil
	}
	if len(b.anchors) == 0 {
		b.anchor(s.start + 1) // an empty text
	}
	// One literal without escapes is a verbatim slice of the file.
	var shared bool
	if literals == 1 && plain {
		s.text, shared = r.src.shared(s.start+1, s.end-1)
	}
	if !shared {
		s.text = r.keep(b.text)
	}
	s.loc = pipeline.Locator{Anchors: r.keepAnchors(b.anchors)}
	return nil
}

// header reads the header entry: its Language sets the document's target
// language; it returns its Plural-Forms.
func (r *poReader) header(e *poEntry, doc *pipeline.Document) (pluralForms string) {
	if len(e.strs) == 0 {
		return ""
	}
	for _, line := range strings.Split(e.strs[0].text, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "Language":
			// "sr@latin", "de_DE.UTF-8": the modifier and charset are not
			// part of the language tag.
			v, _, _ = strings.Cut(v, "@")
			v, _, _ = strings.Cut(v, ".")
			if tag, ok := parseLangLoose(v); ok {
				doc.TargetLang = tag
			}
		case "Plural-Forms":
			pluralForms = v
		}
	}
	return pluralForms
}

// moreOnLine reports whether the line of data that holds offset off has
// more than white space from off on.
func moreOnLine(data []byte, off int) bool {
	for _, c := range data[off:] {
		switch c {
		case '\n':
			return false
		case ' ', '\t', '\r', '\f', '\v':
		default:
			return true
		}
	}
	return false
}

// lineBreakAt returns the line break of the line that holds data[off].
func lineBreakAt(data []byte, off int) string {
	for i := off; i < len(data); i++ {
		if data[i] == '\n' {
			if i > 0 && data[i-1] == '\r' {
				return "\r\n"
			}
			return "\n"
		}
	}
	return "\n"
}
