package corpus

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file holds the small XML tokenizer that the TMX reader needs. It
// keeps what encoding/xml does not: the byte offset of every token, the
// raw bytes of every element (for write-back) and the place of every
// entity reference (for exact positions). It checks well-formedness where
// it matters for reading (matching tags, quoted attributes, entity
// references, allowed characters) and refuses DTD entity declarations, so
// that no entity expands to text that is not in the file.

// tmxMaxDepth bounds the nesting of elements.
const tmxMaxDepth = 100

type tmxKind uint8

const (
	tmxEOF     tmxKind = iota
	tmxStart           // <name attr="v"> or <name attr="v"/>
	tmxEnd             // </name>
	tmxText            // character data, entity references not decoded
	tmxCDATA           // <![CDATA[...]]>
	tmxComment         // <!-- ... -->
	tmxPI              // <?target ...?>, the XML declaration too
	tmxDoctype         // <!DOCTYPE ...>
)

// tmxToken is one token of an XML file.
type tmxToken struct {
	kind       tmxKind
	name       string    // element name of tmxStart and tmxEnd
	attrs      []tmxAttr // of tmxStart
	empty      bool      // tmxStart of an empty-element tag <x/>
	start, end int       // the token's bytes in the file
	depth      int       // elements open after this token
}

// inner returns the bytes of a CDATA section between its delimiters.
func (t tmxToken) inner() (int, int) {
	return t.start + len("<![CDATA["), t.end - len("]]>")
}

type tmxAttr struct {
	name, value string
	off         int // the value's opening quote
}

// attr returns the value of the attribute called name, and whether the
// tag has it.
func (t tmxToken) attr(name string) (string, bool) {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

type tmxOpen struct {
	name string
	off  int
}

// tmxScanner splits a file into XML tokens.
type tmxScanner struct {
	src   *source
	data  []byte
	i     int
	stack []tmxOpen // the elements open at i
}

func newTMXScanner(src *source) *tmxScanner {
	return &tmxScanner{src: src, data: src.data, i: src.bom}
}

// next returns the next token; at the end of the file it returns a token
// of kind tmxEOF, or an error if elements are still open.
func (s *tmxScanner) next() (tmxToken, error) {
	start := s.i
	if start >= len(s.data) {
		if n := len(s.stack); n > 0 {
			o := s.stack[n-1]
			return tmxToken{}, s.src.errorf(len(s.data), "<%s> (line %d) is not closed", o.name, s.src.pos(o.off).Line)
		}
		return tmxToken{kind: tmxEOF, start: start, end: start}, nil
	}
	tok, err := s.scan()
	tok.start, tok.end = start, s.i
	tok.depth = len(s.stack)
	return tok, err
}

func (s *tmxScanner) scan() (tmxToken, error) {
	d := s.data
	i := s.i
	if d[i] != '<' {
		j := bytes.IndexByte(d[i:], '<')
		if j < 0 {
			j = len(d) - i
		}
		s.i = i + j
		return tmxToken{kind: tmxText}, nil
	}
	rest := d[i:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		return s.until(tmxComment, i+4, "-->", "comment")
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		if len(s.stack) == 0 {
			return tmxToken{}, s.src.errorf(i, "CDATA section outside the root element")
		}
		return s.until(tmxCDATA, i+9, "]]>", "CDATA section")
	case bytes.HasPrefix(rest, []byte("<?")):
		return s.until(tmxPI, i+2, "?>", "processing instruction")
	case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
		return s.doctype(i)
	case bytes.HasPrefix(rest, []byte("<!")):
		return tmxToken{}, s.src.errorf(i, "unexpected markup %q", string(rest[:min(len(rest), 10)]))
	case bytes.HasPrefix(rest, []byte("</")):
		return s.endTag(i)
	}
	return s.startTag(i)
}

// until scans to the end of a token that ends with delim, its content
// starting at from.
func (s *tmxScanner) until(kind tmxKind, from int, delim, what string) (tmxToken, error) {
	j := bytes.Index(s.data[from:], []byte(delim))
	if j < 0 {
		return tmxToken{}, s.src.errorf(s.i, "%s is not closed (want %q)", what, delim)
	}
	if err := s.checkChars(from, from+j); err != nil {
		return tmxToken{}, err
	}
	s.i = from + j + len(delim)
	return tmxToken{kind: kind}, nil
}

// doctype scans a document type declaration. An internal subset is
// allowed only without entity declarations.
func (s *tmxScanner) doctype(start int) (tmxToken, error) {
	d := s.data
	var quote byte
	inSubset := false
	for i := start + len("<!DOCTYPE"); i < len(d); i++ {
		c := d[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			inSubset = true
		case c == ']':
			inSubset = false
		case inSubset && bytes.HasPrefix(d[i:], []byte("<!ENTITY")):
			return tmxToken{}, s.src.errorf(i, "entity declarations are not supported")
		case inSubset && bytes.HasPrefix(d[i:], []byte("<!--")):
			j := bytes.Index(d[i+4:], []byte("-->"))
			if j < 0 {
				return tmxToken{}, s.src.errorf(i, "comment is not closed (want \"-->\")")
			}
			i += 4 + j + 2
		case c == '>' && !inSubset:
			s.i = i + 1
			return tmxToken{kind: tmxDoctype}, nil
		}
	}
	return tmxToken{}, s.src.errorf(start, "DOCTYPE is not closed")
}

func (s *tmxScanner) endTag(start int) (tmxToken, error) {
	i := start + 2
	name, i := s.name(i)
	if name == "" {
		return tmxToken{}, s.src.errorf(i, "want an element name after \"</\"")
	}
	i = s.space(i)
	if i >= len(s.data) || s.data[i] != '>' {
		return tmxToken{}, s.src.errorf(min(i, len(s.data)), "want \">\" to end </%s", name)
	}
	n := len(s.stack)
	if n == 0 {
		return tmxToken{}, s.src.errorf(start, "</%s> closes no element", name)
	}
	if o := s.stack[n-1]; o.name != name {
		return tmxToken{}, s.src.errorf(start, "</%s> does not close <%s> (line %d)", name, o.name, s.src.pos(o.off).Line)
	}
	s.stack = s.stack[:n-1]
	s.i = i + 1
	return tmxToken{kind: tmxEnd, name: name}, nil
}

func (s *tmxScanner) startTag(start int) (tmxToken, error) {
	d := s.data
	name, i := s.name(start + 1)
	if name == "" {
		return tmxToken{}, s.src.errorf(start, "\"<\" does not start a tag (write &lt; for a literal \"<\")")
	}
	tok := tmxToken{kind: tmxStart, name: name}
	for {
		j := s.space(i)
		if j >= len(d) {
			return tmxToken{}, s.src.errorf(start, "tag <%s is not closed", name)
		}
		switch d[j] {
		case '>':
			s.i = j + 1
			return tok, s.push(name, start)
		case '/':
			if j+1 < len(d) && d[j+1] == '>' {
				s.i = j + 2
				tok.empty = true
				return tok, nil
			}
			return tmxToken{}, s.src.errorf(j, "want \"/>\" or \">\" to end <%s", name)
		}
		if j == i {
			return tmxToken{}, s.src.errorf(j, "want white space, \">\" or \"/>\" in <%s", name)
		}
		attr, k := s.name(j)
		if attr == "" {
			return tmxToken{}, s.src.errorf(j, "want an attribute name in <%s", name)
		}
		k = s.space(k)
		if k >= len(d) || d[k] != '=' {
			return tmxToken{}, s.src.errorf(min(k, len(d)), "want \"=\" after attribute %s", attr)
		}
		k = s.space(k + 1)
		if k >= len(d) || d[k] != '"' && d[k] != '\'' {
			return tmxToken{}, s.src.errorf(min(k, len(d)), "want a quoted value for attribute %s", attr)
		}
		end := bytes.IndexByte(d[k+1:], d[k])
		if end < 0 {
			return tmxToken{}, s.src.errorf(k, "value of attribute %s is not closed", attr)
		}
		end += k + 1
		var v []byte
		err := s.chars(k+1, end, true,
			func(a, b int) { v = append(v, d[a:b]...) },
			func(r string, a, b int) { v = append(v, r...) })
		if err != nil {
			return tmxToken{}, err
		}
		if _, dup := tok.attr(attr); dup {
			return tmxToken{}, s.src.errorf(j, "attribute %s appears twice", attr)
		}
		tok.attrs = append(tok.attrs, tmxAttr{name: attr, value: string(v), off: k})
		i = end + 1
	}
}

func (s *tmxScanner) push(name string, off int) error {
	if len(s.stack) >= tmxMaxDepth {
		return s.src.errorf(off, "elements nested deeper than %d", tmxMaxDepth)
	}
	s.stack = append(s.stack, tmxOpen{name, off})
	return nil
}

// name returns the XML name at data[i:] and the index after it ("" if
// there is none).
func (s *tmxScanner) name(i int) (string, int) {
	d := s.data
	j := i
	for j < len(d) {
		c := d[j]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= utf8.RuneSelf
		if j > i {
			ok = ok || c >= '0' && c <= '9' || c == '-' || c == '.'
		}
		if !ok {
			break
		}
		j++
	}
	return string(d[i:j]), j
}

func (s *tmxScanner) space(i int) int {
	for i < len(s.data) && tmxIsSpace(s.data[i]) {
		i++
	}
	return i
}

func tmxIsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// chars walks the character data data[start:end], calling verbatim for
// each run that stands as it is and decoded for each piece that the file
// writes otherwise: an entity or character reference, a line break
// written CR LF or CR (which XML reads as LF), and, in attribute values
// (attr), white space, which XML reads as a space. It fails on a
// malformed or undefined reference, on a character that XML does not
// allow, and on "<" in an attribute value.
func (s *tmxScanner) chars(start, end int, attr bool, verbatim func(a, b int), decoded func(r string, a, b int)) error {
	d := s.data
	run := start
	flush := func(i int) {
		if i > run {
			verbatim(run, i)
		}
	}
	for i := start; i < end; {
		c := d[i]
		switch {
		case c == '&':
			flush(i)
			r, n, err := s.reference(i, end)
			if err != nil {
				return err
			}
			decoded(r, i, i+n)
			i += n
			run = i
			continue
		case c == '\r':
			flush(i)
			if i+1 < end && d[i+1] == '\n' {
				if attr {
					decoded(" ", i, i+2)
					i += 2
					run = i
				} else {
					i++ // the LF stands for the pair
					run = i
				}
				continue
			}
			if attr {
				decoded(" ", i, i+1)
			} else {
				decoded("\n", i, i+1)
			}
			i++
			run = i
			continue
		case attr && (c == '\n' || c == '\t'):
			flush(i)
			decoded(" ", i, i+1)
			i++
			run = i
			continue
		case attr && c == '<':
			return s.src.errorf(i, "\"<\" in an attribute value (write &lt;)")
		case c < 0x20 && c != '\t' && c != '\n':
			return s.src.errorf(i, "character U+%04X is not allowed in XML", c)
		case c == 0xEF && i+2 < end && d[i+1] == 0xBF && (d[i+2] == 0xBE || d[i+2] == 0xBF):
			return s.src.errorf(i, "character U+FFF%c is not allowed in XML", "EF"[d[i+2]-0xBE])
		}
		i++
	}
	flush(end)
	return nil
}

// checkChars fails on a character that XML does not allow in
// data[start:end] (of a comment, CDATA section or processing instruction).
func (s *tmxScanner) checkChars(start, end int) error {
	d := s.data
	for i := start; i < end; i++ {
		c := d[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return s.src.errorf(i, "character U+%04X is not allowed in XML", c)
		}
		if c == 0xEF && i+2 < end && d[i+1] == 0xBF && (d[i+2] == 0xBE || d[i+2] == 0xBF) {
			return s.src.errorf(i, "character U+FFF%c is not allowed in XML", "EF"[d[i+2]-0xBE])
		}
	}
	return nil
}

// reference decodes the entity or character reference at data[i], which
// must end before end; it returns the text and the reference's length.
func (s *tmxScanner) reference(i, end int) (string, int, error) {
	d := s.data
	j := bytes.IndexByte(d[i:min(end, i+12)], ';')
	if j > 1 {
		if n, k := s.name(i + 1); n == "" && d[i+1] != '#' || n != "" && k != i+j {
			j = -1 // "R&D; ..." holds no reference
		}
	}
	if j <= 1 {
		return "", 0, s.src.errorf(i, "\"&\" does not start an entity reference (write &amp; for a literal \"&\")")
	}
	name := string(d[i+1 : i+j])
	switch name {
	case "amp":
		return "&", j + 1, nil
	case "lt":
		return "<", j + 1, nil
	case "gt":
		return ">", j + 1, nil
	case "apos":
		return "'", j + 1, nil
	case "quot":
		return "\"", j + 1, nil
	}
	if num, ok := strings.CutPrefix(name, "#"); ok {
		base := 10
		if hex, ok := strings.CutPrefix(num, "x"); ok {
			num, base = hex, 16
		}
		v, err := strconv.ParseUint(num, base, 32)
		if err != nil || num == "" || num[0] == '+' || num[0] == '-' {
			return "", 0, s.src.errorf(i, "malformed character reference &%s;", name)
		}
		if !tmxIsChar(rune(v)) {
			return "", 0, s.src.errorf(i, "character reference &%s; is not an XML character", name)
		}
		return string(rune(v)), j + 1, nil
	}
	return "", 0, s.src.errorf(i, "undefined entity &%s; (XML has &amp; &lt; &gt; &apos; &quot; and character references)", name)
}

// tmxIsChar reports whether XML 1.0 allows r in a document.
func tmxIsChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
