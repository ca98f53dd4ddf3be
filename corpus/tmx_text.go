package corpus

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"sort"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// walkCursor computes file positions for offsets that mostly grow, walking
// from the last offset asked for instead of from the start of the line,
// so that a file on one long line (minified XML) is walked once, not once
// an anchor. It falls back to source.pos for an offset behind it.
type walkCursor struct {
	src *source
	at  pipeline.Position
}

func newWalkCursor(src *source) *walkCursor {
	return &walkCursor{src: src, at: src.startPos()}
}

// pos returns the position of byte offset off of the source's data. The
// cursor's position, like every Position, holds an offset of the whole
// file, which is the data's offset plus the source's offBase.
func (c *walkCursor) pos(off int) pipeline.Position {
	at := c.at.Offset - c.src.offBase // the cursor's offset in the data
	if off < at {
		return c.src.pos(off)
	}
	p := c.at
	rest := c.src.data[at:off]
	for {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			break
		}
		p.Line++
		p.Column = 1
		rest = rest[i+1:]
	}
	p.Column += runeStarts(rest)
	p.Offset = c.src.offBase + off
	c.at = p
	return p
}

// runeStarts counts the bytes of b that start a character, that is, that
// are not UTF-8 continuation bytes (10xxxxxx): eight bytes at a time,
// since readers count the columns of every text they keep.
func runeStarts(b []byte) int {
	n := len(b)
	for len(b) >= 8 {
		w := binary.LittleEndian.Uint64(b)
		// Bit 7 of each byte of w &^ (w << 1) is its bit 7 and not its bit 6.
		n -= bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
		b = b[8:]
	}
	for _, c := range b {
		if !utf8.RuneStart(c) {
			n--
		}
	}
	return n
}

// anchoredText builds the text of one side of a segment from pieces of the
// file, some verbatim and some decoded (entities, escapes, inline codes),
// and the Locator that maps the text back: an anchor wherever the text
// stops following the file byte for byte.
type anchoredText struct {
	cur     *walkCursor
	text    []byte
	anchors []pipeline.Anchor
	next    int // the file offset where the text goes on verbatim; -1 after a decoded piece
}

func newAnchoredText(cur *walkCursor) *anchoredText {
	return &anchoredText{cur: cur, next: -1}
}

// anchor ties the current end of the text to file offset off, unless the
// text already follows the file up to there.
func (b *anchoredText) anchor(off int) {
	if b.next == off {
		return
	}
	b.anchors = append(b.anchors, pipeline.Anchor{Off: len(b.text), Pos: b.cur.pos(off)})
	b.next = off
}

// verbatim appends data[start:end] of the file as it is.
func (b *anchoredText) verbatim(start, end int) {
	if start == end {
		return
	}
	b.anchor(start)
	b.text = append(b.text, b.cur.src.data[start:end]...)
	b.next = end
}

// decoded appends s, which stands for data[start:end] of the file (an
// entity, an escape sequence, an inline code).
func (b *anchoredText) decoded(s string, start, end int) {
	b.anchor(start)
	b.text = append(b.text, s...)
	b.next = -1
	b.anchor(end)
}

// decodedByte appends the byte c, which stands for data[start:end] of the
// file (an escape sequence).
func (b *anchoredText) decodedByte(c byte, start, end int) {
	b.anchor(start)
	b.text = append(b.text, c)
	b.next = -1
	b.anchor(end)
}

// reset empties b for the next text, keeping its buffers: the text and
// anchors of the last one must have been copied out.
func (b *anchoredText) reset() {
	b.text, b.anchors, b.next = b.text[:0], b.anchors[:0], -1
}

// done returns the text and its Locator; end is the file offset where
// the text ends, for a text that is empty.
func (b *anchoredText) done(end int) (string, pipeline.Locator) {
	if len(b.anchors) == 0 {
		b.anchor(end)
	}
	return string(b.text), pipeline.Locator{Anchors: b.anchors}
}

// lineOf returns the 1-based line of byte offset off of src, without
// counting columns (which takes a walk along the line).
func lineOf(src *source, off int) int {
	lines := src.lineStarts()
	return sort.Search(len(lines), func(i int) bool { return lines[i] > off })
}
