package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The XLIFF reader has its own small XML scanner, because it needs what
// encoding/xml does not give: the byte range of every tag, reference and
// CDATA section, so that segment text maps back to the file exactly and
// targets can be replaced in place. It checks well-formedness (names,
// quoting, matching tags, characters, references, namespace prefixes),
// never reads an external entity and refuses entity declarations, so
// that no input expands beyond its own size.

// xlfMaxDepth is how deep elements may nest; deeper input is rejected
// before it can exhaust the stack or time of the reader.
const xlfMaxDepth = 100

// xlfKind is the kind of an XML token.
type xlfKind uint8

const (
	xlfEOF   xlfKind = iota
	xlfStart         // a start tag, or an empty-element tag when empty is set
	xlfEnd           // an end tag
	xlfText          // character data, references undecoded
	xlfCDATA         // a CDATA section
	xlfOther         // a comment or processing instruction
)

// Namespaces that the reader knows.
const (
	xlfXMLNamespace = "http://www.w3.org/XML/1998/namespace"
	xlfNSPrefix     = "urn:oasis:names:tc:xliff:document:"
)

// xlfTok is one token. Offsets are into the decoded file.
type xlfTok struct {
	kind       xlfKind
	start, end int // the whole token: "<a x='1'>", "</a>", "text", "<![CDATA[...]]>"

	name  string // the qualified name of a tag, as written
	local string // the name without its prefix
	ns    string // the namespace the tag's prefix (or the default) is bound to
	attrs []xlfAttr
	empty bool // an empty-element tag, "<x/>": no end tag follows
}

// xlfAttr is an attribute of a start tag, its value decoded and
// normalised as XML requires (references replaced, white space
// characters turned into spaces).
type xlfAttr struct {
	name, value string
	at          int // offset of the attribute's name
}

// attr returns the value of the attribute called name (qualified, as
// written) and whether the tag has it.
func (t *xlfTok) attr(name string) (string, bool) {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

// attrAt returns the offset of the attribute called name, or of the tag
// when it has none.
func (t *xlfTok) attrAt(name string) int {
	for _, a := range t.attrs {
		if a.name == name {
			return a.at
		}
	}
	return t.start
}

// xlfOpen is an element whose end tag is still to come.
type xlfOpen struct {
	name string
	at   int
}

// xlfBinding binds a namespace prefix ("" for the default namespace)
// within the elements nested deeper than depth.
type xlfBinding struct {
	prefix, uri string
	depth       int
}

// xlfScanner reads the tokens of an XML document one by one.
type xlfScanner struct {
	src      *source
	data     []byte
	i        int
	open     []xlfOpen
	bindings []xlfBinding
	root     bool // the root element has started
	doctype  bool

	names   map[string]string // names read so far, to allocate each once
	attrs   []xlfAttr         // the attributes of the tag being read
	attrBuf []xlfAttr         // where tags' attributes are kept, a block at a time
}

// xlfMaxNames bounds the names the scanner keeps; a document with more
// distinct names allocates the others each time.
const xlfMaxNames = 1024

func newXLFScanner(src *source) *xlfScanner {
	return &xlfScanner{src: src, data: src.data, i: src.bom, names: map[string]string{}}
}

// depth returns how many elements are open.
func (s *xlfScanner) depth() int { return len(s.open) }

// next returns the next token. White space, comments and processing
// instructions outside the root element are skipped; at the end of the
// document it returns a token of kind xlfEOF.
func (s *xlfScanner) next() (xlfTok, error) {
	for {
		t, err := s.scan()
		if err != nil || len(s.open) > 0 || t.kind == xlfStart || t.kind == xlfEnd || t.kind == xlfEOF {
			return t, err
		}
		// Outside the root element: only white space and markup that
		// carries no content are allowed.
		if t.kind == xlfText {
			for j := t.start; j < t.end; j++ {
				if !xlfSpace(s.data[j]) {
					if s.root {
						return t, s.src.errorf(j, "text after the root element")
					}
					return t, s.src.errorf(j, "text before the root element")
				}
			}
		}
	}
}

func (s *xlfScanner) scan() (xlfTok, error) {
	d, i := s.data, s.i
	if i >= len(d) {
		if n := len(s.open); n > 0 {
			o := s.open[n-1]
			return xlfTok{}, s.src.errorf(len(d), "unexpected end of file: <%s> (line %d) is not closed", o.name, s.src.pos(o.at).Line)
		}
		if !s.root {
			return xlfTok{}, s.src.errorf(len(d), "no root element")
		}
		return xlfTok{kind: xlfEOF, start: i, end: i}, nil
	}
	if d[i] != '<' {
		end := i + bytes.IndexByte(d[i:], '<')
		if end < i {
			end = len(d)
		}
		s.i = end
		t := xlfTok{kind: xlfText, start: i, end: end}
		return t, s.checkText(i, end)
	}
	rest := d[i:]
	switch {
	case bytes.HasPrefix(rest, []byte("<?")):
		return s.pi(i)
	case bytes.HasPrefix(rest, []byte("<!--")):
		end := bytes.Index(d[i+4:], []byte("-->"))
		if end < 0 {
			return xlfTok{}, s.src.errorf(i, "comment is not closed (want \"-->\")")
		}
		end += i + 4 + 3
		if err := s.checkChars(i+4, end-3); err != nil {
			return xlfTok{}, err
		}
		s.i = end
		return xlfTok{kind: xlfOther, start: i, end: end}, nil
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		if len(s.open) == 0 {
			return xlfTok{}, s.src.errorf(i, "CDATA section outside the root element")
		}
		end := bytes.Index(d[i+9:], []byte("]]>"))
		if end < 0 {
			return xlfTok{}, s.src.errorf(i, "CDATA section is not closed (want \"]]>\")")
		}
		end += i + 9 + 3
		if err := s.checkChars(i+9, end-3); err != nil {
			return xlfTok{}, err
		}
		s.i = end
		return xlfTok{kind: xlfCDATA, start: i, end: end}, nil
	case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
		return s.doctypeDecl(i)
	case bytes.HasPrefix(rest, []byte("<!")):
		return xlfTok{}, s.src.errorf(i, "unexpected \"<!\" (want a comment, a CDATA section or a document type declaration)")
	case bytes.HasPrefix(rest, []byte("</")):
		return s.endTag(i)
	}
	return s.startTag(i)
}

// pi reads a processing instruction or the XML declaration.
func (s *xlfScanner) pi(i int) (xlfTok, error) {
	name, j := s.name(i + 2)
	if name == "" {
		return xlfTok{}, s.src.errorf(i+2, "processing instruction without a target name")
	}
	end := bytes.Index(s.data[j:], []byte("?>"))
	if end < 0 {
		return xlfTok{}, s.src.errorf(i, "processing instruction is not closed (want \"?>\")")
	}
	end += j + 2
	if strings.EqualFold(name, "xml") && i != s.src.bom {
		return xlfTok{}, s.src.errorf(i, "XML declaration not at the start of the file")
	}
	if err := s.checkChars(j, end-2); err != nil {
		return xlfTok{}, err
	}
	s.i = end
	return xlfTok{kind: xlfOther, start: i, end: end}, nil
}

// doctypeDecl reads a document type declaration. An external DTD is
// never read. An internal subset may declare elements and attributes,
// which are ignored, but no entities: their expansion is what makes
// "billion laughs" documents, and XLIFF does not need them.
func (s *xlfScanner) doctypeDecl(i int) (xlfTok, error) {
	if s.root || s.doctype {
		return xlfTok{}, s.src.errorf(i, "document type declaration after the start of the document")
	}
	s.doctype = true
	d := s.data
	for j := i + len("<!DOCTYPE"); j < len(d); {
		switch c := d[j]; {
		case c == '"' || c == '\'':
			end := bytes.IndexByte(d[j+1:], c)
			if end < 0 {
				return xlfTok{}, s.src.errorf(j, "unterminated quoted string in the document type declaration")
			}
			j += end + 2
		case c == '[':
			end, err := s.internalSubset(j + 1)
			if err != nil {
				return xlfTok{}, err
			}
			j = end
		case c == '>':
			s.i = j + 1
			return xlfTok{kind: xlfOther, start: i, end: j + 1}, nil
		case c == '<':
			return xlfTok{}, s.src.errorf(j, "unexpected \"<\" in the document type declaration")
		default:
			j++
		}
	}
	return xlfTok{}, s.src.errorf(i, "document type declaration is not closed (want \">\")")
}

// internalSubset skips the internal subset of a document type declaration
// that starts at i and returns the offset after its closing "]".
func (s *xlfScanner) internalSubset(i int) (int, error) {
	d := s.data
	for j := i; j < len(d); {
		rest := d[j:]
		switch {
		case rest[0] == ']':
			return j + 1, nil
		case rest[0] == '"' || rest[0] == '\'':
			end := bytes.IndexByte(rest[1:], rest[0])
			if end < 0 {
				return 0, s.src.errorf(j, "unterminated quoted string in the document type declaration")
			}
			j += end + 2
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				return 0, s.src.errorf(j, "comment is not closed (want \"-->\")")
			}
			j += end + 7
		case bytes.HasPrefix(rest, []byte("<!ENTITY")):
			return 0, s.src.errorf(j, "entity declarations are not supported (entities are never expanded)")
		case rest[0] == '%':
			return 0, s.src.errorf(j, "parameter entity references are not supported (entities are never expanded)")
		default:
			j++
		}
	}
	return 0, s.src.errorf(i-1, "internal subset of the document type declaration is not closed (want \"]\")")
}

func (s *xlfScanner) endTag(i int) (xlfTok, error) {
	name, j := s.name(i + 2)
	if name == "" {
		return xlfTok{}, s.src.errorf(i, "end tag without a name")
	}
	j = s.space(j)
	if j >= len(s.data) || s.data[j] != '>' {
		return xlfTok{}, s.src.errorf(min(j, len(s.data)), "end tag </%s> is not closed (want \">\")", name)
	}
	n := len(s.open)
	if n == 0 {
		return xlfTok{}, s.src.errorf(i, "end tag </%s> closes no element", name)
	}
	if o := s.open[n-1]; o.name != name {
		return xlfTok{}, s.src.errorf(i, "end tag </%s> does not match <%s> (line %d)", name, o.name, s.src.pos(o.at).Line)
	}
	t := xlfTok{kind: xlfEnd, start: i, end: j + 1, name: name}
	t.local, t.ns = s.resolve(name)
	s.open = s.open[:n-1]
	s.unbind()
	s.i = j + 1
	return t, nil
}

func (s *xlfScanner) startTag(i int) (xlfTok, error) {
	d := s.data
	name, j := s.name(i + 1)
	if name == "" {
		return xlfTok{}, s.src.errorf(i, "\"<\" not followed by a name (write &lt; for a literal \"<\")")
	}
	if len(s.open) == 0 && s.root {
		return xlfTok{}, s.src.errorf(i, "a second root element <%s>", name)
	}
	if len(s.open) >= xlfMaxDepth {
		return xlfTok{}, s.src.errorf(i, "elements nested more than %d deep", xlfMaxDepth)
	}
	t := xlfTok{kind: xlfStart, start: i, name: name}
	s.attrs = s.attrs[:0]
	for {
		k := s.space(j)
		if k >= len(d) {
			return xlfTok{}, s.src.errorf(len(d), "tag <%s> is not closed (want \">\")", name)
		}
		if d[k] == '>' {
			j = k + 1
			break
		}
		if d[k] == '/' {
			if k+1 >= len(d) || d[k+1] != '>' {
				return xlfTok{}, s.src.errorf(k, "\"/\" not followed by \">\" in tag <%s>", name)
			}
			t.empty = true
			j = k + 2
			break
		}
		if k == j {
			return xlfTok{}, s.src.errorf(k, "want white space before an attribute in tag <%s>", name)
		}
		a, end, err := s.attribute(k, name)
		if err != nil {
			return xlfTok{}, err
		}
		for _, b := range s.attrs {
			if b.name == a.name {
				return xlfTok{}, s.src.errorf(k, "attribute %s appears twice in tag <%s>", a.name, name)
			}
		}
		s.attrs = append(s.attrs, a)
		j = end
	}
	if n := len(s.attrs); n > 0 {
		if len(s.attrBuf)+n > cap(s.attrBuf) {
			s.attrBuf = make([]xlfAttr, 0, max(256, n))
		}
		k := len(s.attrBuf)
		s.attrBuf = append(s.attrBuf, s.attrs...)
		t.attrs = s.attrBuf[k : k+n : k+n]
	}
	t.end = j
	s.i = j
	s.root = true
	s.open = append(s.open, xlfOpen{name: name, at: i})
	if err := s.bind(&t); err != nil {
		return xlfTok{}, err
	}
	if t.empty {
		s.open = s.open[:len(s.open)-1]
		s.unbind()
	}
	return t, nil
}

// attribute reads the attribute that starts at i, in the tag of element.
func (s *xlfScanner) attribute(i int, element string) (xlfAttr, int, error) {
	d := s.data
	name, j := s.name(i)
	if name == "" {
		return xlfAttr{}, 0, s.src.errorf(i, "unexpected %q in tag <%s>", string(s.runeAt(i)), element)
	}
	j = s.space(j)
	if j >= len(d) || d[j] != '=' {
		return xlfAttr{}, 0, s.src.errorf(min(j, len(d)), "attribute %s has no value (want =\"...\")", name)
	}
	j = s.space(j + 1)
	if j >= len(d) || d[j] != '"' && d[j] != '\'' {
		return xlfAttr{}, 0, s.src.errorf(min(j, len(d)), "value of attribute %s is not quoted", name)
	}
	q := d[j]
	end := bytes.IndexByte(d[j+1:], q)
	if end < 0 {
		return xlfAttr{}, 0, s.src.errorf(j, "value of attribute %s is not closed", name)
	}
	end += j + 1
	value, err := s.attrValue(j+1, end)
	if err != nil {
		return xlfAttr{}, 0, err
	}
	return xlfAttr{name: name, value: value, at: i}, end + 1, nil
}

// attrValue decodes the attribute value data[start:end].
func (s *xlfScanner) attrValue(start, end int) (string, error) {
	d := s.data
	plain := true
	for _, c := range d[start:end] {
		if c < 0x20 || c == '&' || c == '<' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return s.intern(d[start:end]), nil
	}
	var b []byte
	for j := start; j < end; {
		switch c := d[j]; c {
		case '<':
			return "", s.src.errorf(j, "\"<\" in an attribute value (write &lt;)")
		case '&':
			r, n, err := s.reference(j, end)
			if err != nil {
				return "", err
			}
			b = append(b, r...)
			j += n
		case '\r':
			b = append(b, ' ')
			j++
			if j < end && d[j] == '\n' {
				j++
			}
		case '\n', '\t':
			b = append(b, ' ')
			j++
		default:
			if err := s.checkChar(j); err != nil {
				return "", err
			}
			b = append(b, c)
			j++
		}
	}
	return string(b), nil
}

// bind records the namespace declarations of start tag t and resolves
// the namespace of its name and the prefixes of its attributes.
func (s *xlfScanner) bind(t *xlfTok) error {
	depth := len(s.open)
	for _, a := range t.attrs {
		switch {
		case a.name == "xmlns":
			s.bindings = append(s.bindings, xlfBinding{"", a.value, depth})
		case strings.HasPrefix(a.name, "xmlns:"):
			p := a.name[len("xmlns:"):]
			if a.value == "" {
				return s.src.errorf(a.at, "namespace prefix %s bound to no namespace", p)
			}
			s.bindings = append(s.bindings, xlfBinding{p, a.value, depth})
		}
	}
	var ok bool
	if t.local, t.ns, ok = s.lookup(t.name); !ok {
		return s.src.errorf(t.start, "undeclared namespace prefix in <%s>", t.name)
	}
	for _, a := range t.attrs {
		p, _, found := strings.Cut(a.name, ":")
		if found && p != "xmlns" {
			if _, _, ok := s.lookup(a.name); !ok {
				return s.src.errorf(a.at, "undeclared namespace prefix in attribute %s", a.name)
			}
		}
	}
	return nil
}

// unbind drops the namespace bindings of elements that have closed.
func (s *xlfScanner) unbind() {
	n := len(s.bindings)
	for n > 0 && s.bindings[n-1].depth > len(s.open) {
		n--
	}
	s.bindings = s.bindings[:n]
}

// resolve returns the local name and namespace of a qualified name whose
// prefix was checked when its start tag was read.
func (s *xlfScanner) resolve(name string) (string, string) {
	local, ns, _ := s.lookup(name)
	return local, ns
}

func (s *xlfScanner) lookup(name string) (local, ns string, ok bool) {
	prefix, local, found := strings.Cut(name, ":")
	if !found {
		prefix, local = "", name
	}
	if prefix == "xml" {
		return local, xlfXMLNamespace, true
	}
	for i := len(s.bindings) - 1; i >= 0; i-- {
		if s.bindings[i].prefix == prefix {
			return local, s.bindings[i].uri, true
		}
	}
	return local, "", prefix == ""
}

// name returns the XML name that starts at i, or "" when none does, and
// the offset after it.
func (s *xlfScanner) name(i int) (string, int) {
	d := s.data
	j := i
	for j < len(d) {
		c := d[j]
		if c < utf8.RuneSelf {
			if !(isASCIILetter(c) || c == '_' || c == ':' || j > i && (isDigit(c) || c == '-' || c == '.')) {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRune(d[j:])
		if !xlfNameRune(r, j == i) {
			break
		}
		j += n
	}
	return s.intern(d[i:j]), j
}

// intern returns b as a string, allocated once for names and values that
// recur.
func (s *xlfScanner) intern(b []byte) string {
	if v, ok := s.names[string(b)]; ok {
		return v
	}
	v := string(b)
	if len(s.names) < xlfMaxNames && len(v) <= 64 {
		s.names[v] = v
	}
	return v
}

// xlfNameRune reports whether non-ASCII r may start (first) or continue an
// XML name (XML 1.0, fifth edition, NameStartChar and NameChar).
func xlfNameRune(r rune, first bool) bool {
	switch {
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r == 0x200C, r == 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return !first && (r == 0xB7 || r >= 0x300 && r <= 0x36F || r == 0x203F || r == 0x2040)
}

func (s *xlfScanner) space(i int) int {
	for i < len(s.data) && xlfSpace(s.data[i]) {
		i++
	}
	return i
}

func xlfSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (s *xlfScanner) runeAt(i int) rune {
	r, _ := utf8.DecodeRune(s.data[i:])
	return r
}

// checkText checks character data data[start:end]: XML characters only,
// well-formed references, and no "]]>".
func (s *xlfScanner) checkText(start, end int) error {
	d := s.data
	for j := start; j < end; {
		switch c := d[j]; {
		case c == '&':
			_, n, err := s.reference(j, end)
			if err != nil {
				return err
			}
			j += n
		case c == ']' && j+2 < end && d[j+1] == ']' && d[j+2] == '>':
			return s.src.errorf(j, "\"]]>\" in text (write ]]&gt;)")
		case c >= 0x20 && c < utf8.RuneSelf || c == '\n' || c == '\t' || c == '\r':
			j++
		default:
			if err := s.checkChar(j); err != nil {
				return err
			}
			_, n := utf8.DecodeRune(d[j:])
			j += n
		}
	}
	return nil
}

// checkChars checks that data[start:end] holds XML characters only.
func (s *xlfScanner) checkChars(start, end int) error {
	d := s.data
	for j := start; j < end; {
		if c := d[j]; c >= 0x20 && c < utf8.RuneSelf || c == '\n' || c == '\t' || c == '\r' {
			j++
			continue
		}
		if err := s.checkChar(j); err != nil {
			return err
		}
		_, n := utf8.DecodeRune(d[j:])
		j += n
	}
	return nil
}

// checkChar checks that the character at j may appear in XML.
func (s *xlfScanner) checkChar(j int) error {
	r, _ := utf8.DecodeRune(s.data[j:])
	if !xlfChar(r) {
		return s.src.errorf(j, "character %U is not allowed in XML", r)
	}
	return nil
}

// xlfChar reports whether r is an XML 1.0 character.
func xlfChar(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0xD7FF, r == '\t', r == '\n', r == '\r',
		r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

var errXLFNoReference = errors.New("no reference")

// reference decodes the entity or character reference that starts with
// the "&" at data[i], which must end before end. It returns the text it
// stands for and its length in bytes.
func (s *xlfScanner) reference(i, end int) (string, int, error) {
	r, n, err := xlfReference(s.data[i:end])
	if err != nil {
		if errors.Is(err, errXLFNoReference) {
			return "", 0, s.src.errorf(i, "\"&\" does not start a reference (write &amp; for a literal \"&\")")
		}
		return "", 0, s.src.errorf(i, "%v", err)
	}
	return r, n, nil
}

// xlfReference decodes the reference at the start of b ("&amp;",
// "&#20013;", "&#x4E2D;").
func xlfReference(b []byte) (string, int, error) {
	// A reference is short; looking no further than this keeps text
	// with many stray "&" linear.
	const maxRef = 128
	semi := bytes.IndexByte(b[:min(len(b), maxRef)], ';')
	if semi < 2 {
		return "", 0, errXLFNoReference
	}
	ref := string(b[1:semi])
	if ref[0] != '#' {
		switch ref {
		case "amp":
			return "&", semi + 1, nil
		case "lt":
			return "<", semi + 1, nil
		case "gt":
			return ">", semi + 1, nil
		case "apos":
			return "'", semi + 1, nil
		case "quot":
			return `"`, semi + 1, nil
		}
		for j := 0; j < len(ref); j++ {
			if c := ref[j]; !(isASCIILetter(c) || c == '_' || c == ':' || c >= utf8.RuneSelf || j > 0 && (isDigit(c) || c == '-' || c == '.')) {
				return "", 0, errXLFNoReference
			}
		}
		return "", 0, fmt.Errorf("undefined entity &%s; (XML defines only &amp; &lt; &gt; &apos; &quot;)", ref)
	}
	digits, base := ref[1:], 10
	if strings.HasPrefix(digits, "x") {
		digits, base = digits[1:], 16
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil || digits == "" || digits[0] == '+' || digits[0] == '-' {
		return "", 0, fmt.Errorf("malformed character reference &%s;", ref)
	}
	if v > utf8.MaxRune || !xlfChar(rune(v)) {
		return "", 0, fmt.Errorf("character reference &%s; is not an XML character", ref)
	}
	return string(rune(v)), semi + 1, nil
}
