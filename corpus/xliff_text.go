package corpus

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// xlfCursor computes file positions of offsets that mostly grow, walking
// the file once instead of counting every line's characters again.
type xlfCursor struct {
	src *source
	p   pipeline.Position
}

func (c *xlfCursor) pos(off int) pipeline.Position {
	d := c.src.data
	if off < c.p.Offset && c.p.Line > 0 && off >= c.src.bom && bytes.IndexByte(d[off:c.p.Offset], '\n') < 0 {
		// Back on the same line: walking back costs what walking on
		// did, where finding the line's start again might cost the
		// whole line (files written on one line).
		c.p.Column -= utf8.RuneCount(d[off:c.p.Offset])
		c.p.Offset = off
		return c.p
	}
	if off < c.p.Offset || c.p.Line == 0 {
		c.p = c.src.pos(off)
		return c.p
	}
	p := c.p
	for i := p.Offset; i < off; i++ {
		switch b := d[i]; {
		case i < c.src.bom:
		case b == '\n':
			p.Line++
			p.Column = 1
		case b < utf8.RuneSelf || utf8.RuneStart(b):
			p.Column++
		}
	}
	p.Offset = off
	c.p = p
	return p
}

// xlfItemKind tells what a piece of element content is.
type xlfItemKind uint8

const (
	xlfVerbatim xlfItemKind = iota // text as it is in the file
	xlfDecoded                     // a reference, a line break made of "\r", an XLIFF 2 <cp/>
	xlfCode                        // an inline code
)

// xlfItem is a piece of the content of a <source> or <target>, in file
// order.
type xlfItem struct {
	kind        xlfItemKind
	start, end  int // its bytes in the file
	pos, endPos pipeline.Position
	text        string        // the text of a decoded item
	code        pipeline.Code // a code item's Kind, Type, ID and Data
}

// xlfContent is the content of an element read as segment text.
type xlfContent struct {
	el          xlfTok // the start tag
	empty       bool   // an empty-element tag: no content, no end tag
	start, end  int    // the content, between the tags
	pos, endPos pipeline.Position
	after       int       // the offset after the end tag
	from, to    int       // its items, in xlfReader.items
	marks       []xlfMark // <mrk mtype="seg"> segments, where asked for
}

// xlfMark is a segment of an XLIFF 1.2 <seg-source> or <target>: an
// <mrk mtype="seg">.
type xlfMark struct {
	mid         string
	tag         xlfTok // the start tag
	start, end  int    // the content
	pos, endPos pipeline.Position
	from, to    int // its items, in xlfReader.items
	after       int // the offset after its end tag
}

// xlfCodeKinds are the elements that are one code each, with all their
// content: placeholders, isolated and paired tags and markers. Other
// elements in content (<g>, <pc>, <mrk> and unknown ones) enclose text
// and give an open and a close code.
var xlfCodeKinds = [2]map[string]pipeline.CodeKind{
	{ // XLIFF 1.x
		"x": pipeline.Standalone, "ph": pipeline.Standalone, "it": pipeline.Standalone,
		"bx": pipeline.Open, "bpt": pipeline.Open,
		"ex": pipeline.Close, "ept": pipeline.Close,
	},
	{ // XLIFF 2.x
		"ph": pipeline.Standalone,
		"sc": pipeline.Open, "sm": pipeline.Open,
		"ec": pipeline.Close, "em": pipeline.Close,
	},
}

// content reads the content of element el, whose start tag was just
// read, up to and including its end tag. With marks set, XLIFF 1.2
// segments (<mrk mtype="seg">, at any depth but not nested) are recorded.
func (r *xlfReader) content(el xlfTok, marks bool) (*xlfContent, error) {
	c := &xlfContent{el: el, start: el.end, end: el.end, after: el.end, from: len(r.items), to: len(r.items)}
	if el.empty {
		c.empty = true
		c.pos = r.cur.pos(el.end)
		c.endPos = c.pos
		return c, nil
	}
	c.pos = r.cur.pos(el.end)
	type frame struct {
		name, typ, id string
		mark          int // index in c.marks, or -1
	}
	var stack []frame
	inMark := false
	for {
		t, err := r.sc.next()
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case xlfText:
			if err := r.textItems(c, t.start, t.end); err != nil {
				return nil, err
			}
		case xlfCDATA:
			r.verbatimItems(c, t.start+len("<![CDATA["), t.end-len("]]>"))
		case xlfStart:
			local := r.xliffName(t)
			typ := local
			if typ == "" {
				typ = t.name
			}
			if local == "cp" && r.v2 {
				if err := r.codePoint(c, t); err != nil {
					return nil, err
				}
				continue
			}
			if kind, ok := xlfCodeKinds[r.version()][local]; ok {
				end, err := r.skip(t)
				if err != nil {
					return nil, err
				}
				r.codeItem(c, t.start, end, kind, typ, xlfCodeID(t, kind))
				continue
			}
			mark := -1
			if marks && !inMark && !r.v2 && local == "mrk" {
				if mtype, _ := t.attr("mtype"); mtype == "seg" {
					mid, ok := t.attr("mid")
					if !ok {
						return nil, r.src.errorf(t.start, "<mrk mtype=\"seg\"> without mid")
					}
					mark = len(c.marks)
					c.marks = append(c.marks, xlfMark{mid: mid, tag: t})
				}
			}
			id, _ := t.attr("id")
			if t.empty {
				r.codeItem(c, t.start, t.end, pipeline.Standalone, typ, id)
				if mark >= 0 {
					m := &c.marks[mark]
					m.start, m.end, m.after = t.end, t.end, t.end
					m.pos = r.cur.pos(t.end)
					m.endPos = m.pos
					m.from, m.to = len(r.items), len(r.items)
				}
				continue
			}
			r.codeItem(c, t.start, t.end, pipeline.Open, typ, id)
			if mark >= 0 {
				m := &c.marks[mark]
				m.start, m.pos, m.from = t.end, r.cur.pos(t.end), len(r.items)
				inMark = true
			}
			stack = append(stack, frame{name: t.name, typ: typ, id: id, mark: mark})
		case xlfEnd:
			n := len(stack)
			if n == 0 {
				c.end, c.endPos, c.after, c.to = t.start, r.cur.pos(t.start), t.end, len(r.items)
				return c, nil
			}
			f := stack[n-1]
			stack = stack[:n-1]
			if f.mark >= 0 {
				m := &c.marks[f.mark]
				m.end, m.endPos, m.to, m.after = t.start, r.cur.pos(t.start), len(r.items), t.end
				inMark = false
			}
			r.codeItem(c, t.start, t.end, pipeline.Close, f.typ, f.id)
		}
	}
}

// xlfCodeID returns the id that pairs a code with its counterpart on the
// other side: an XLIFF 2 end marker refers to its start with startRef.
func xlfCodeID(t xlfTok, kind pipeline.CodeKind) string {
	if kind == pipeline.Close {
		if ref, ok := t.attr("startRef"); ok {
			return ref
		}
	}
	id, _ := t.attr("id")
	return id
}

// codePoint reads an XLIFF 2 <cp hex="..."/>, which stands for a
// character that XML cannot hold.
func (r *xlfReader) codePoint(c *xlfContent, t xlfTok) error {
	hex, ok := t.attr("hex")
	v, err := strconv.ParseUint(hex, 16, 32)
	if !ok || err != nil || hex == "" || v > utf8.MaxRune || v >= 0xD800 && v <= 0xDFFF {
		return r.src.errorf(t.start, "<cp> needs a hex attribute with a Unicode code point, not %q", hex)
	}
	end, err := r.skip(t)
	if err != nil {
		return err
	}
	if rune(v) == pipeline.CodeRune {
		r.codeItem(c, t.start, end, pipeline.Standalone, "", "")
		return nil
	}
	r.item(c, xlfItem{kind: xlfDecoded, start: t.start, end: end, text: string(rune(v))})
	return nil
}

func (r *xlfReader) codeItem(c *xlfContent, start, end int, kind pipeline.CodeKind, typ, id string) {
	r.item(c, xlfItem{kind: xlfCode, start: start, end: end, code: pipeline.Code{
		Kind: kind, Type: typ, ID: id, Data: string(r.src.data[start:end]),
	}})
}

// item appends it, with its positions, to the items of c.
func (r *xlfReader) item(c *xlfContent, it xlfItem) {
	it.pos = r.cur.pos(it.start)
	if it.kind != xlfVerbatim {
		it.endPos = r.cur.pos(it.end)
	}
	r.items = append(r.items, it)
}

// textItems splits the character data data[start:end] into verbatim runs
// and references.
func (r *xlfReader) textItems(c *xlfContent, start, end int) error {
	d := r.src.data
	run := start
	for j := start; j < end; {
		if d[j] != '&' {
			j++
			continue
		}
		r.verbatimItems(c, run, j)
		text, n, err := r.sc.reference(j, end)
		if err != nil {
			return err
		}
		if text == string(pipeline.CodeRune) {
			r.codeItem(c, j, j+n, pipeline.Standalone, "", "")
		} else {
			r.item(c, xlfItem{kind: xlfDecoded, start: j, end: j + n, text: text})
		}
		j += n
		run = j
	}
	r.verbatimItems(c, run, end)
	return nil
}

// verbatimItems adds data[start:end], which holds no reference, as
// verbatim runs. Each line break made of a carriage return ("\r\n" or a
// lone "\r") is read as "\n", as XML requires, and a U+FFFC in the file,
// which the text keeps for inline codes, is a code of no type whose Data
// is the character.
func (r *xlfReader) verbatimItems(c *xlfContent, start, end int) {
	d := r.src.data
	run := start
	for j := start; j < end; j++ {
		isCR := d[j] == '\r'
		if !isCR && !(d[j] == 0xEF && j+2 < end && d[j+1] == 0xBF && d[j+2] == 0xBC) {
			continue
		}
		if run < j {
			r.item(c, xlfItem{kind: xlfVerbatim, start: run, end: j})
		}
		n := 3
		if isCR {
			n = 1
			if j+1 < end && d[j+1] == '\n' {
				n = 2
			}
			r.item(c, xlfItem{kind: xlfDecoded, start: j, end: j + n, text: "\n"})
		} else {
			r.codeItem(c, j, j+n, pipeline.Standalone, "", "")
		}
		j += n - 1
		run = j + 1
	}
	if run < end {
		r.item(c, xlfItem{kind: xlfVerbatim, start: run, end: end})
	}
}

// assemble makes segment text of items, whose content starts at pos and
// ends at endPos: each code becomes one pipeline.CodeRune, and the
// Locator gets an anchor wherever the text stops following the file
// (after a reference, a code, a comment or a CDATA boundary) and at the
// end.
func (r *xlfReader) assemble(items []xlfItem, pos, endPos pipeline.Position) (string, pipeline.Locator, []pipeline.Code) {
	size, nCodes, nOther := 0, 0, 0
	for _, it := range items {
		switch it.kind {
		case xlfVerbatim:
			size += it.end - it.start
		case xlfDecoded:
			size += len(it.text)
			nOther++
		case xlfCode:
			size += utf8.RuneLen(pipeline.CodeRune)
			nCodes++
		}
	}
	var b strings.Builder
	b.Grow(size)
	loc := pipeline.Locator{Anchors: make([]pipeline.Anchor, 1, 2+2*(nCodes+nOther))}
	loc.Anchors[0] = pipeline.Anchor{Off: 0, Pos: pos}
	var codes []pipeline.Code
	if nCodes > 0 {
		codes = make([]pipeline.Code, 0, nCodes)
	}
	anchor := func(p pipeline.Position) {
		a := pipeline.Anchor{Off: b.Len(), Pos: p}
		if n := len(loc.Anchors); loc.Anchors[n-1].Off == a.Off {
			loc.Anchors[n-1] = a
			return
		}
		loc.Anchors = append(loc.Anchors, a)
	}
	next := pos.Offset // the file offset that the text has reached
	for _, it := range items {
		if it.start != next {
			anchor(it.pos)
		}
		switch it.kind {
		case xlfVerbatim:
			b.Write(r.src.data[it.start:it.end])
		case xlfDecoded:
			b.WriteString(it.text)
			anchor(it.endPos)
		case xlfCode:
			code := it.code
			code.Span = pipeline.Span{Start: b.Len(), End: b.Len() + utf8.RuneLen(pipeline.CodeRune)}
			codes = append(codes, code)
			b.WriteRune(pipeline.CodeRune)
			anchor(it.endPos)
		}
		next = it.end
	}
	if next != endPos.Offset {
		anchor(endPos)
	}
	return b.String(), loc, codes
}

// text reads the text of element el (a <note>), up to its end tag:
// character data and CDATA sections, at any depth, decoded.
func (r *xlfReader) text(el xlfTok) (string, error) {
	if el.empty {
		return "", nil
	}
	var b strings.Builder
	depth := r.sc.depth()
	for {
		t, err := r.sc.next()
		if err != nil {
			return "", err
		}
		switch t.kind {
		case xlfText:
			d := r.src.data
			for j := t.start; j < t.end; {
				if d[j] != '&' {
					b.WriteByte(d[j])
					j++
					continue
				}
				s, n, err := r.sc.reference(j, t.end)
				if err != nil {
					return "", err
				}
				b.WriteString(s)
				j += n
			}
		case xlfCDATA:
			b.Write(r.src.data[t.start+len("<![CDATA[") : t.end-len("]]>")])
		case xlfEnd:
			if r.sc.depth() < depth {
				return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(b.String(), "\r\n", "\n"), "\r", "\n")), nil
			}
		}
	}
}

// skip reads past the end of element el, whose start tag was just read,
// and returns the offset after its end tag.
func (r *xlfReader) skip(el xlfTok) (int, error) {
	if el.empty {
		return el.end, nil
	}
	depth := r.sc.depth()
	for {
		t, err := r.sc.next()
		if err != nil {
			return 0, err
		}
		if t.kind == xlfEnd && r.sc.depth() < depth {
			return t.end, nil
		}
	}
}
