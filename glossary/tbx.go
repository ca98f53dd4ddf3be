package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"
)

// maxDepth is the deepest element nesting accepted in a TBX file; TBX
// itself needs about ten levels.
const maxDepth = 64

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// ParseTBX reads a TBX glossary: TBX-Basic and TBX v2 (martif > text >
// body > termEntry > langSet > tig or ntig > term) and TBX v3 (tbx > text >
// body > conceptEntry > langSec > termSec > term), in the DCA style
// (<termNote type="administrativeStatus">) or the DCT style
// (<basic:administrativeStatus>).
//
// It reads these data categories and ignores the others:
//
//   - on the concept (termEntry, conceptEntry): the id attribute,
//     subjectField, definition, source (admin or descrip) and note;
//   - on the language (langSet, langSec): xml:lang, which is required;
//     definition, subjectField, source and note given there are kept on the
//     concept when it has none of its own (the model keeps one of each);
//   - on the term (tig, ntig/termGrp, termSec): term, administrativeStatus
//     (preferredTerm-admn-sts, admittedTerm-admn-sts,
//     deprecatedTerm-admn-sts, supersededTerm-admn-sts), termType,
//     partOfSpeech, x-caseSensitive (yes or no; tqa's own extension),
//     source and note.
//
// A term without administrativeStatus is preferred. A term without
// x-caseSensitive is case-sensitive when it is an acronym or has a word
// with two or more capitals (NATO, SACEUR), and case-insensitive
// otherwise. All text is trimmed and its runs of white space become one
// space; repeated notes and sources are joined with "; ".
//
// The file must be UTF-8 or UTF-16 with a byte order mark, as TBX
// requires. Entities other than XML's five and character references are
// rejected (no DTD is read), as is nesting deeper than 64 elements. Errors
// are *ParseError values naming the file, line and column.
func ParseTBX(name string, r io.Reader) (*Glossary, error) {
	data, err := readAll(name, r)
	if err != nil {
		return nil, err
	}
	data, err = toUTF8(data)
	if err != nil {
		return nil, &ParseError{File: name, Line: 1, Column: 1, Err: err}
	}
	p := &tbxParser{
		name: name,
		dec:  xml.NewDecoder(bytes.NewReader(data)),
		lc:   lineCounter{data: data, line: 1, col: 1},
		g:    &Glossary{Name: name},
		o:    &origin{},
	}
	p.dec.Strict = true
	p.dec.CharsetReader = func(charset string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf-16le", "utf-16be":
			return in, nil
		}
		return nil, encodingError(charset)
	}
	if err := p.parse(); err != nil {
		return nil, err
	}
	setOrigin(p.g, p.o)
	return p.g, nil
}

// toUTF8 strips a UTF-8 byte order mark and converts UTF-16 with a byte
// order mark to UTF-8. Line and column numbers, which count characters,
// are the same in both.
func toUTF8(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}), bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("UTF-16: %w", err)
		}
		return out, nil
	}
	return data, nil
}

// encodingError rejects an encoding that TBX does not allow.
type encodingError string

func (e encodingError) Error() string {
	return fmt.Sprintf("encoding %q: TBX must be UTF-8 or UTF-16", string(e))
}

type tbxParser struct {
	name  string
	dec   *xml.Decoder
	lc    lineCounter
	depth int
	g     *Glossary
	o     *origin
}

// lineCounter turns byte offsets, asked for in increasing order, into
// lines and columns (in characters).
type lineCounter struct {
	data      []byte
	off       int // offset of the last answer
	line, col int // its line and column
}

func (lc *lineCounter) at(off int) (line, col int) {
	off = min(off, len(lc.data))
	if off < lc.off {
		lc.off, lc.line, lc.col = 0, 1, 1
	}
	for lc.off < off {
		rest := lc.data[lc.off:off]
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			lc.col += utf8.RuneCount(rest)
			lc.off = off
			break
		}
		lc.line++
		lc.col = 1
		lc.off += i + 1
	}
	return lc.line, lc.col
}

// errAt returns a *ParseError for the byte offset off.
func (p *tbxParser) errAt(off int, err error) error {
	line, col := p.lc.at(off)
	return &ParseError{File: p.name, Line: line, Column: col, Err: err}
}

func (p *tbxParser) line(off int) int {
	line, _ := p.lc.at(off)
	return line
}

// token returns the next token and the offset where it starts; at the
// end of the input the error is io.EOF.
func (p *tbxParser) token() (xml.Token, int, error) {
	off := int(p.dec.InputOffset())
	tok, err := p.dec.Token()
	if err == io.EOF {
		return nil, off, err
	}
	if err != nil {
		var se *xml.SyntaxError
		var ee encodingError
		switch {
		case errors.As(err, &se):
			err = errors.New(se.Msg)
		case errors.As(err, &ee):
			err = ee
		}
		return nil, off, p.errAt(int(p.dec.InputOffset()), err)
	}
	switch tok.(type) {
	case xml.StartElement:
		p.depth++
		if p.depth > maxDepth {
			return nil, off, p.errAt(off, fmt.Errorf("elements nested deeper than %d", maxDepth))
		}
	case xml.EndElement:
		p.depth--
	}
	return tok, off, nil
}

// children reads the content of the element just started, up to its end
// tag: it calls child for each child element (child must read that element
// to its end) and text, if not nil, for character data.
func (p *tbxParser) children(child func(el xml.StartElement, off int) error, text func([]byte)) error {
	for {
		tok, off, err := p.token()
		if err == io.EOF {
			return p.errAt(off, errors.New("unexpected end of file"))
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := child(t, off); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		case xml.CharData:
			if text != nil {
				text(t)
			}
		}
	}
}

// skip reads the element just started to its end and ignores it.
func (p *tbxParser) skip() error {
	return p.children(func(xml.StartElement, int) error { return p.skip() }, nil)
}

// text returns the character data of the element just started and of all
// its descendants (<hi> and the like), with white space collapsed.
func (p *tbxParser) text() (string, error) {
	var b strings.Builder
	var inner func(xml.StartElement, int) error
	add := func(t []byte) { b.Write(t) }
	inner = func(xml.StartElement, int) error { return p.children(inner, add) }
	err := p.children(inner, add)
	return collapse(b.String()), err
}

func (p *tbxParser) parse() error {
	for {
		tok, off, err := p.token()
		if err == io.EOF {
			return p.errAt(off, errors.New("no root element"))
		}
		if err != nil {
			return err
		}
		root, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if n := root.Name.Local; n != "martif" && n != "tbx" {
			return p.errAt(off, fmt.Errorf("root element <%s> is not TBX (want <martif> or <tbx>)", n))
		}
		err = p.children(func(el xml.StartElement, _ int) error {
			if el.Name.Local != "text" {
				return p.skip()
			}
			return p.children(func(el xml.StartElement, _ int) error {
				if el.Name.Local != "body" {
					return p.skip()
				}
				return p.children(func(el xml.StartElement, off int) error {
					if n := el.Name.Local; n != "termEntry" && n != "conceptEntry" {
						return p.skip()
					}
					return p.concept(el, off)
				}, nil)
			}, nil)
		}, nil)
		if err != nil {
			return err
		}
		for {
			tok, off, err := p.token()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if _, ok := tok.(xml.StartElement); ok {
				return p.errAt(off, errors.New("element after the root element"))
			}
		}
	}
}

// category returns the data category of a TBX element: the type attribute
// of descrip, admin and termNote (DCA style), "note" for note, and the
// element's own name otherwise (DCT style, <basic:definition>).
func category(el xml.StartElement) string {
	switch el.Name.Local {
	case "descrip", "admin", "termNote":
		return attr(el, "type")
	}
	return el.Name.Local
}

// group reports whether el only groups other data categories, which are
// read as if they were its parent's.
func group(el xml.StartElement) bool {
	switch el.Name.Local {
	case "descripGrp", "adminGrp", "termNoteGrp", "termGrp":
		return true
	}
	return false
}

func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == "xml" || a.Name.Space == xmlNS) {
			return a.Value
		}
	}
	return ""
}

func (p *tbxParser) concept(el xml.StartElement, off int) error {
	c := Concept{ID: collapse(attr(el, "id"))}
	var termLines []int
	line := p.line(off)
	var field func(el xml.StartElement, off int) error
	field = func(el xml.StartElement, off int) error {
		switch {
		case el.Name.Local == "langSet" || el.Name.Local == "langSec":
			return p.langSet(&c, &termLines, el, off)
		case group(el):
			return p.children(field, nil)
		}
		return p.conceptField(&c, el, false)
	}
	if err := p.children(field, nil); err != nil {
		return err
	}
	p.g.Concepts = append(p.g.Concepts, c)
	p.o.concepts = append(p.o.concepts, line)
	p.o.terms = append(p.o.terms, termLines)
	return nil
}

// conceptField reads a data category of a concept; one given for a
// language (fill) is kept only when the concept has none.
func (p *tbxParser) conceptField(c *Concept, el xml.StartElement, fill bool) error {
	var dst *string
	switch category(el) {
	case "subjectField":
		dst = &c.Subject
	case "definition":
		dst = &c.Definition
	case "source":
		dst = &c.Source
	case "note":
		dst = &c.Note
	default:
		return p.skip()
	}
	v, err := p.text()
	if err != nil {
		return err
	}
	if !fill || *dst == "" {
		*dst = join(*dst, v)
	}
	return nil
}

func (p *tbxParser) langSet(c *Concept, termLines *[]int, el xml.StartElement, off int) error {
	raw := attr(el, "lang")
	if raw == "" {
		return p.errAt(off, fmt.Errorf("<%s> without xml:lang", el.Name.Local))
	}
	tag, err := language.Parse(raw)
	if err != nil {
		return p.errAt(off, fmt.Errorf("xml:lang %q: %w", raw, err))
	}
	var field func(el xml.StartElement, off int) error
	field = func(el xml.StartElement, off int) error {
		switch {
		case el.Name.Local == "tig" || el.Name.Local == "ntig" || el.Name.Local == "termSec":
			return p.term(c, termLines, tag, el, off)
		case group(el):
			return p.children(field, nil)
		}
		return p.conceptField(c, el, true)
	}
	return p.children(field, nil)
}

func (p *tbxParser) term(c *Concept, termLines *[]int, tag language.Tag, el xml.StartElement, off int) error {
	t := Term{Lang: tag}
	termOff := -1
	caseSensitive := ""
	var field func(el xml.StartElement, off int) error
	field = func(el xml.StartElement, off int) error {
		if el.Name.Local == "term" {
			if termOff >= 0 {
				return p.errAt(off, errors.New("second <term> in one term entry"))
			}
			termOff = off
			var err error
			t.Text, err = p.text()
			return err
		}
		if group(el) {
			return p.children(field, nil)
		}
		cat := category(el)
		switch cat {
		case "administrativeStatus", "termType", "partOfSpeech", "x-caseSensitive", "source", "note":
		default:
			return p.skip()
		}
		v, err := p.text()
		if err != nil {
			return err
		}
		switch cat {
		case "administrativeStatus":
			if t.Status, err = ParseStatus(v); err != nil {
				return p.errAt(off, err)
			}
		case "termType":
			if t.Type, err = ParseTermType(v); err != nil {
				return p.errAt(off, err)
			}
		case "partOfSpeech":
			t.PartOfSpeech = v
		case "x-caseSensitive":
			if _, err := parseYesNo(v); err != nil {
				return p.errAt(off, err)
			}
			caseSensitive = v
		case "source":
			t.Source = join(t.Source, v)
		case "note":
			t.Note = join(t.Note, v)
		}
		return nil
	}
	if err := p.children(field, nil); err != nil {
		return err
	}
	if termOff < 0 {
		return p.errAt(off, fmt.Errorf("<%s> without <term>", el.Name.Local))
	}
	if blankTerm(t.Text) {
		return p.errAt(termOff, errEmptyTerm)
	}
	if caseSensitive != "" {
		t.CaseSensitive, _ = parseYesNo(caseSensitive)
	} else {
		t.CaseSensitive = defaultCaseSensitive(t.Text, t.Type)
	}
	c.Terms = append(c.Terms, t)
	*termLines = append(*termLines, p.line(termOff))
	return nil
}
