package corpus

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/tqa-project/tqa/pipeline"
)

// This file splits a PO file into tokens as GNU gettext's lexer does
// (gettext-tools/src/po-lex.c): keywords, string literals, plural
// indexes and comments, separated by white space. "#~" marks the rest of
// its line as part of an obsolete entry; "#|" lines (previous msgids)
// are skipped.

type poKind uint8

const (
	poTokEOF     poKind = iota
	poTokKeyword        // msgctxt, msgid, msgid_plural, msgstr, domain
	poTokString         // "..." with its quotes
	poTokIndex          // [n] after msgstr
	poTokComment        // # to the end of the line
)

// poKeyword names a keyword token.
type poKeyword uint8

const (
	poMsgctxt poKeyword = iota + 1
	poMsgid
	poMsgidPlural
	poMsgstr
	poDomain
)

var poKeywordNames = [...]string{poMsgctxt: "msgctxt", poMsgid: "msgid", poMsgidPlural: "msgid_plural", poMsgstr: "msgstr", poDomain: "domain"}

func (k poKeyword) String() string { return poKeywordNames[k] }

// A token holds offsets into the file, not strings: the reader copies out
// only the text it keeps.
type poToken struct {
	kind       poKind
	kw         poKeyword // the keyword of poTokKeyword
	n          int       // the index of poTokIndex
	start, end int       // the token in the file; a comment's text is data[start+1:end]
	obsolete   bool      // on a "#~" line
	// plain marks a string literal whose text is its bytes between the
	// quotes: it has no escape sequence, U+0004 or U+FFFC.
	plain bool
}

// set sets every field of t. Set one by one, the fields are written in
// place: a token returned by value, or assigned as a composite literal, is
// built on the stack first and copied, a word at a time from fields just
// written a byte at a time, which stalls the processor once a token.
func (t *poToken) set(kind poKind, kw poKeyword, n, start, end int, obsolete, plain bool) {
	t.kind, t.kw, t.n, t.start, t.end, t.obsolete, t.plain = kind, kw, n, start, end, obsolete, plain
}

type poLexer struct {
	src      *source
	d        []byte
	i        int
	obsolete bool // the rest of the line follows "#~"
	// line counts the line feeds before i (the line of the last token,
	// from 0), and lineStart is where that line starts (after the byte
	// order mark on the first line): a token never spans lines, so the
	// reader finds the position of a string from its line without a walk
	// over the lines before it.
	line, lineStart int
}

func newPOLexer(src *source) poLexer {
	return poLexer{src: src, d: src.data, i: src.bom, lineStart: src.bom}
}

// next reads the next token into t, in place (see poToken.set).
func (l *poLexer) next(t *poToken) error {
	d := l.d
	for l.i < len(d) {
		c := d[l.i]
		switch c {
		case '\n':
			l.obsolete = false
			l.i++
			l.line++
			l.lineStart = l.i
			continue
		case ' ', '\t', '\r', '\f', '\v':
			l.i++
			continue
		case '#':
			if l.i+1 < len(d) && d[l.i+1] == '~' {
				l.obsolete = true
				l.i += 2
				if l.i < len(d) && d[l.i] == '|' {
					l.skipLine()
				}
				continue
			}
			if l.i+1 < len(d) && d[l.i+1] == '|' {
				l.skipLine()
				continue
			}
			start := l.i
			l.skipLine()
			end := l.i
			if end > start && d[end-1] == '\r' {
				end--
			}
			t.set(poTokComment, 0, 0, start, end, false, false)
			return nil
		case '"':
			return l.str(t)
		case '[':
			return l.index(t)
		}
		if isPOWordByte(c) && (c < '0' || c > '9') {
			start := l.i
			for l.i < len(d) && isPOWordByte(d[l.i]) {
				l.i++
			}
			var kw poKeyword
			switch string(d[start:l.i]) { // compared without a copy
			case "msgctxt":
				kw = poMsgctxt
			case "msgid":
				kw = poMsgid
			case "msgid_plural":
				kw = poMsgidPlural
			case "msgstr":
				kw = poMsgstr
			case "domain":
				kw = poDomain
			default:
				*t = poToken{}
				return l.src.errorf(start, "unknown keyword %q", d[start:l.i])
			}
			t.set(poTokKeyword, kw, 0, start, l.i, l.obsolete, false)
			return nil
		}
		*t = poToken{}
		return l.src.errorf(l.i, "unexpected %s (want a keyword, a string or a comment)", quoteByteAt(d, l.i))
	}
	t.set(poTokEOF, 0, 0, len(d), len(d), false, false)
	return nil
}

func isPOWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
}

// quoteByteAt quotes the character at d[i] for an error message.
func quoteByteAt(d []byte, i int) string {
	r, _ := decodeRuneAt(d, i)
	return strconv.QuoteRune(r)
}

func decodeRuneAt(d []byte, i int) (rune, int) {
	s := string(d[i:min(len(d), i+4)])
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

func (l *poLexer) skipLine() {
	if j := bytes.IndexByte(l.d[l.i:], '\n'); j >= 0 {
		l.i += j
	} else {
		l.i = len(l.d)
	}
}

// poStrStop marks the bytes at which the scan of a string literal stops
// to look: the end of the string or of the line, a backslash, U+0004, and
// the first byte of U+FFFC (EF BF BC).
var poStrStop = [256]bool{'"': true, '\\': true, '\n': true, 0x04: true, 0xEF: true}

// str scans a string literal; its escapes are checked when it is decoded.
func (l *poLexer) str(t *poToken) error {
	d := l.d
	start := l.i
	plain := true
	for i := start + 1; i < len(d); i++ {
		for i < len(d) && !poStrStop[d[i]] {
			i++
		}
		if i == len(d) {
			break
		}
		switch d[i] {
		case '\\':
			plain = false
			i++ // the escaped character; a line break is caught when decoding
			if i < len(d) && d[i] == '\n' {
				*t = poToken{}
				return l.src.errorf(i-1, "backslash at the end of a line (close the string and continue it on the next line)")
			}
		case '"':
			l.i = i + 1
			t.set(poTokString, 0, 0, start, l.i, l.obsolete, plain)
			return nil
		case '\n':
			*t = poToken{}
			return l.src.errorf(start, "string is not closed on its line")
		case 0x04:
			plain = false
		case 0xEF:
			if i+2 < len(d) && d[i+1] == 0xBF && d[i+2] == 0xBC {
				plain = false
			}
		}
	}
	*t = poToken{}
	return l.src.errorf(start, "string is not closed at the end of the file")
}

// index scans "[n]", white space allowed inside.
func (l *poLexer) index(t *poToken) error {
	d := l.d
	start := l.i
	i := start + 1
	for i < len(d) && (d[i] == ' ' || d[i] == '\t') {
		i++
	}
	j := i
	for j < len(d) && d[j] >= '0' && d[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(string(d[i:j]))
	if err != nil || j-i > 4 {
		*t = poToken{}
		return l.src.errorf(i, "want a plural form number after \"[\"")
	}
	for j < len(d) && (d[j] == ' ' || d[j] == '\t') {
		j++
	}
	if j >= len(d) || d[j] != ']' {
		*t = poToken{}
		return l.src.errorf(j, "want \"]\" after msgstr[%d", n)
	}
	l.i = j + 1
	t.set(poTokIndex, 0, n, start, l.i, l.obsolete, false)
	return nil
}

// poDecode appends the text of the string literal data[start:end] (with
// its quotes) to b, escape sequences decoded as gettext does: \n \t \r
// \a \b \f \v \\ \" and octal \NNN and hex \xHH. A U+FFFC in the file
// becomes a standalone code of no type, as in TMX. An escape for a byte
// above 0x7F is refused (the text must be UTF-8: write the character),
// and so is U+0004, which gettext keeps to join msgctxt and msgid.
func poDecode(src *source, b *anchoredText, codes *[]pipeline.Code, start, end int) error {
	d := src.data
	run := start + 1 // the start of the bytes not yet appended
	for i := run; i < end-1; {
		switch c := d[i]; {
		case c == 0x04:
			return src.errorf(i, "character U+0004 in a string (gettext keeps it to join msgctxt and msgid)")
		case c == '\\':
			b.verbatim(run, i)
			v, n, err := poEscape(d[i : end-1])
			if err != nil {
				return src.errorf(i, "%v", err)
			}
			b.decodedByte(v, i, i+n)
			i += n
			run = i
		case c == 0xEF && i+2 < end-1 && d[i+1] == 0xBF && d[i+2] == 0xBC:
			b.verbatim(run, i)
			at := len(b.text)
			b.decoded(string(pipeline.CodeRune), i, i+len(tmxCodeRune))
			*codes = append(*codes, pipeline.Code{Span: pipeline.Span{Start: at, End: len(b.text)}, Data: string(pipeline.CodeRune)})
			i += len(tmxCodeRune)
			run = i
		default:
			i++
		}
	}
	b.verbatim(run, end-1)
	return nil
}

// poEscape decodes the escape sequence at the start of s.
func poEscape(s []byte) (byte, int, error) {
	if len(s) < 2 {
		return 0, 0, fmt.Errorf("backslash at the end of a string")
	}
	switch c := s[1]; c {
	case 'n':
		return '\n', 2, nil
	case 't':
		return '\t', 2, nil
	case 'r':
		return '\r', 2, nil
	case 'a':
		return '\a', 2, nil
	case 'b':
		return '\b', 2, nil
	case 'f':
		return '\f', 2, nil
	case 'v':
		return '\v', 2, nil
	case '\\', '"':
		return c, 2, nil
	case 'x':
		j := 2
		v := 0
		for j < len(s) && isHexDigit(s[j]) { // as many digits as there are, as in gettext
			v = min(v*16+hexValue(s[j]), 0x100)
			j++
		}
		if j == 2 {
			return 0, 0, fmt.Errorf("\\x without hex digits")
		}
		return checkPOByte(v, string(s[:j]))
	}
	if s[1] >= '0' && s[1] <= '7' {
		j := 1
		v := 0
		for j < len(s) && j < 4 && s[j] >= '0' && s[j] <= '7' {
			v = v*8 + int(s[j]-'0')
			j++
		}
		return checkPOByte(v, string(s[:j]))
	}
	r, _ := decodeRuneAt(s, 1)
	return 0, 0, fmt.Errorf("invalid escape \\%c (PO has \\n \\t \\r \\a \\b \\f \\v \\\\ \\\" and octal and hex escapes)", r)
}

func checkPOByte(v int, esc string) (byte, int, error) {
	switch {
	case v > 0x7F:
		return 0, 0, fmt.Errorf("escape %s is a byte above 0x7F: write the character itself", esc)
	case v == 0x04:
		return 0, 0, fmt.Errorf("escape %s is U+0004, which gettext keeps to join msgctxt and msgid", esc)
	}
	return byte(v), len(esc), nil
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexValue(c byte) int {
	switch {
	case c >= 'a':
		return int(c-'a') + 10
	case c >= 'A':
		return int(c-'A') + 10
	}
	return int(c - '0')
}
