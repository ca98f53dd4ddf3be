package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// Encoding is the character encoding of a file, as detected or as named
// by Options.Encoding.
type Encoding struct {
	// Name is one of "utf-8", "utf-16le", "utf-16be", "gb18030", "gbk"
	// and "big5".
	Name string
	// BOM reports whether the file starts with a byte order mark (U+FEFF
	// in its encoding), which is kept when the file is written back.
	BOM bool
}

// Encodings lists the names of the encodings that Options.Encoding
// accepts, besides their aliases.
var Encodings = []string{"utf-8", "utf-16le", "utf-16be", "gb18030", "gbk", "big5"}

// charset decodes and encodes one encoding, a character at a time so
// that every decoded character keeps its place in the original bytes.
type charset struct {
	name string
	// next appends to dst the UTF-8 of the character at the start of b
	// (len(b) > 0) and returns the number of bytes it takes in b; ok is
	// false when b does not start with a valid character, and n is then
	// the length of the invalid sequence.
	next func(dst, b []byte) (out []byte, n int, ok bool)
	// encode appends s in the encoding to dst; it fails on a character
	// the encoding cannot represent.
	encode func(dst []byte, s string) ([]byte, error)
	// whole, when set, decodes a whole text at once (an x/text decoder),
	// faster than next; it gives U+FFFD for every invalid sequence that
	// next refuses, on texts for which wholeOK (when set) holds.
	whole   transform.Transformer
	wholeOK func(data []byte) bool
}

var charsets = map[string]*charset{
	"utf-8":    {name: "utf-8", next: nextUTF8, encode: func(dst []byte, s string) ([]byte, error) { return append(dst, s...), nil }},
	"utf-16le": {name: "utf-16le", next: nextUTF16(false), encode: encodeUTF16(false)},
	"utf-16be": {name: "utf-16be", next: nextUTF16(true), encode: encodeUTF16(true)},
	"gb18030":  {name: "gb18030", next: nextGB(simplifiedchinese.GB18030, true), encode: encodeWith("gb18030", simplifiedchinese.GB18030), whole: simplifiedchinese.GB18030.NewDecoder(), wholeOK: noLenientGB18030},
	"gbk":      {name: "gbk", next: nextGB(simplifiedchinese.GBK, false), encode: encodeWith("gbk", simplifiedchinese.GBK), whole: simplifiedchinese.GBK.NewDecoder()},
	"big5":     {name: "big5", next: nextBig5, encode: encodeWith("big5", traditionalchinese.Big5), whole: traditionalchinese.Big5.NewDecoder()},
}

// encodingAliases maps other common labels (lower-case, as in XML
// declarations, PO headers and the IANA registry) to the names of
// charsets. "utf-16" is not here: its byte order comes from the data.
var encodingAliases = map[string]string{
	"utf8":        "utf-8",
	"utf16le":     "utf-16le",
	"utf16be":     "utf-16be",
	"gb-18030":    "gb18030",
	"gb2312":      "gbk", // GBK is a superset of GB 2312
	"euc-cn":      "gbk",
	"cp936":       "gbk",
	"windows-936": "gbk",
	"x-gbk":       "gbk",
	"csgb2312":    "gbk",
	"big-5":       "big5",
	"cp950":       "big5",
	"csbig5":      "big5",
	"x-x-big5":    "big5",
	"big5-hkscs":  "big5", // the decoder (WHATWG's Big5) includes HKSCS
}

// lookupCharset returns the charset that label names. For "utf-16" it
// picks the byte order from data: its byte order mark, else the place of
// its NUL bytes; ok is false when data shows neither.
func lookupCharset(label string, data []byte) (cs *charset, known bool) {
	l := strings.ToLower(strings.TrimSpace(label))
	l = strings.ReplaceAll(l, "_", "-")
	if l == "utf-16" || l == "utf16" {
		if name := utf16Order(data); name != "" {
			return charsets[name], true
		}
		return nil, true
	}
	if a, ok := encodingAliases[l]; ok {
		l = a
	}
	cs, ok := charsets[l]
	return cs, ok
}

func unknownEncoding(path, label, where string) error {
	return fmt.Errorf("corpus: read %s: unknown encoding %q%s (known: %s)", path, label, where, strings.Join(Encodings, ", "))
}

// rawPos is the line and column of byte off of data, counting bytes: for
// positions in the ASCII head of a file that could not be decoded.
func rawPos(data []byte, off int) string {
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}

// decode turns the bytes of a file into UTF-8 text. The encoding is, in
// order: opt.Encoding when set; the byte order mark; the encoding that
// an XML declaration or a PO header names; UTF-16 when NUL bytes show it;
// UTF-8 when the bytes are valid UTF-8; else GB18030 or Big5, as
// detectLegacy decides. A byte order mark is decoded as U+FEFF and stays
// at the start of the text.
func decode(path string, data []byte, format string, opt Options) ([]byte, Encoding, error) {
	var cs *charset
	switch {
	case opt.Encoding != "":
		c, known := lookupCharset(opt.Encoding, data)
		if !known {
			return nil, Encoding{}, unknownEncoding(path, opt.Encoding, "")
		}
		if c == nil {
			return nil, Encoding{}, fmt.Errorf("corpus: read %s: encoding utf-16 without a byte order mark: name utf-16le or utf-16be", path)
		}
		cs = c
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		cs = charsets["utf-8"]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		cs = charsets["utf-16le"]
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		cs = charsets["utf-16be"]
	default:
		if label, where, off := declaredEncoding(data, format); label != "" {
			// An unknown encoding is an error, unless the bytes are
			// valid UTF-8: then the declaration is taken for a stale one.
			c, known := lookupCharset(label, data)
			switch {
			case !known && !utf8.Valid(data):
				return nil, Encoding{}, unknownEncoding(path+": "+rawPos(data, off), label, " declared in "+where)
			case c != nil:
				cs = c
			}
		}
	}
	if cs == nil {
		if name := utf16Order(data); name != "" {
			if text, bad := decodeWith(charsets[name], data); bad < 0 {
				return text, Encoding{Name: name, BOM: hasBOM(text)}, nil
			}
		}
		if utf8.Valid(data) {
			return data, Encoding{Name: "utf-8", BOM: hasBOM(data)}, nil
		}
		if cs = detectLegacy(data); cs == nil {
			// Report the first invalid UTF-8 byte.
			text, bad := decodeWith(charsets["utf-8"], data)
			err := decodeError(path, charsets["utf-8"], data, text, bad)
			return nil, Encoding{}, fmt.Errorf("%w%s", err, notUTF8Hint)
		}
	}
	text, bad := decodeWith(cs, data)
	if bad >= 0 {
		return nil, Encoding{}, decodeError(path, cs, data, text, bad)
	}
	return text, Encoding{Name: cs.name, BOM: hasBOM(text)}, nil
}

// notUTF8Hint ends the error for a file that is not UTF-8 and whose
// encoding could not be detected.
var notUTF8Hint = "; name the encoding if the file is not UTF-8 (known: " + strings.Join(Encodings, ", ") + ")"

func hasBOM(text []byte) bool { return bytes.HasPrefix(text, []byte("\uFEFF")) }

// decodeWith decodes data, returning the text decoded up to the first
// invalid sequence, and the offset of that sequence in data (-1 when
// there is none). UTF-8 input is returned as is, without copying.
func decodeWith(cs *charset, data []byte) (text []byte, bad int) {
	if cs.name == "utf-8" && utf8.Valid(data) {
		return data, -1
	}
	if cs.whole != nil && (cs.wholeOK == nil || cs.wholeOK(data)) {
		// Without U+FFFD in the output, every sequence was valid; else
		// decode a character at a time to find the invalid one.
		if out, _, err := transform.Bytes(cs.whole, data); err == nil && !bytes.Contains(out, []byte("\uFFFD")) {
			return out, -1
		}
	}
	text = make([]byte, 0, len(data)+len(data)/2)
	for i := 0; i < len(data); {
		if c := data[i]; c < utf8.RuneSelf && cs.name != "utf-16le" && cs.name != "utf-16be" {
			text = append(text, c)
			i++
			continue
		}
		var n int
		var ok bool
		text, n, ok = cs.next(text, data[i:])
		if !ok {
			return text, i
		}
		i += n
	}
	return text, -1
}

// decodeError names the line and column of an invalid sequence at data[bad],
// counted in the text decoded before it, and its offset in the file.
func decodeError(path string, cs *charset, data, text []byte, bad int) error {
	line, col := 1, 1
	start := 0
	if k := bytes.LastIndexByte(text, '\n'); k >= 0 {
		line, start = bytes.Count(text, []byte("\n"))+1, k+1
	} else if hasBOM(text) {
		start = len("\uFEFF")
	}
	col += utf8.RuneCount(text[start:])
	_, n, _ := cs.next(nil, data[bad:])
	n = max(n, 1)
	if cs.name == "utf-8" {
		// The message the readers have always given.
		return fmt.Errorf("corpus: read %s: line %d, column %d: invalid UTF-8 (byte 0x%02X)", path, line, col, data[bad])
	}
	var hex []string
	for _, b := range data[bad:min(len(data), bad+n)] {
		hex = append(hex, fmt.Sprintf("0x%02X", b))
	}
	return fmt.Errorf("corpus: read %s: line %d, column %d: invalid %s (%s at byte %d of the file)", path, line, col, cs.name, strings.Join(hex, " "), bad)
}

// origOffsets maps sorted offsets into the decoded text of data to
// offsets into data, walking data once. Every offset must fall on a
// character boundary of the decoded text.
func origOffsets(cs *charset, data []byte, offs []int) ([]int, error) {
	out := make([]int, len(offs))
	if cs.name == "utf-8" {
		copy(out, offs)
		return out, nil
	}
	var buf []byte
	dec, i, k := 0, 0, 0
	for k < len(offs) {
		for k < len(offs) && offs[k] == dec {
			out[k] = i
			k++
		}
		if k == len(offs) {
			break
		}
		if i >= len(data) || offs[k] < dec {
			return nil, fmt.Errorf("offset %d is not on a character boundary", offs[k])
		}
		var n int
		var ok bool
		buf, n, ok = cs.next(buf[:0], data[i:])
		if !ok {
			return nil, fmt.Errorf("invalid %s at byte %d", cs.name, i)
		}
		dec += len(buf)
		i += n
	}
	return out, nil
}

// nextUTF8 decodes one UTF-8 character.
func nextUTF8(dst, b []byte) ([]byte, int, bool) {
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n <= 1 {
		return dst, 1, false
	}
	return append(dst, b[:n]...), n, true
}

// nextUTF16 decodes one UTF-16 character, big- or little-endian: a code
// unit, or a surrogate pair. A lone surrogate or a last odd byte is
// invalid.
func nextUTF16(bigEndian bool) func(dst, b []byte) ([]byte, int, bool) {
	unit := func(b []byte) rune {
		if bigEndian {
			return rune(b[0])<<8 | rune(b[1])
		}
		return rune(b[1])<<8 | rune(b[0])
	}
	return func(dst, b []byte) ([]byte, int, bool) {
		if len(b) < 2 {
			return dst, len(b), false
		}
		r := unit(b)
		if !utf16.IsSurrogate(r) {
			return utf8.AppendRune(dst, r), 2, true
		}
		if r >= 0xDC00 || len(b) < 4 {
			return dst, 2, false
		}
		r2 := unit(b[2:])
		if r2 < 0xDC00 || r2 > 0xDFFF {
			return dst, 2, false
		}
		return utf8.AppendRune(dst, utf16.DecodeRune(r, r2)), 4, true
	}
}

func encodeUTF16(bigEndian bool) func(dst []byte, s string) ([]byte, error) {
	return func(dst []byte, s string) ([]byte, error) {
		var units []uint16
		for _, r := range s {
			units = utf16.AppendRune(units[:0], r)
			for _, u := range units {
				if bigEndian {
					dst = append(dst, byte(u>>8), byte(u))
				} else {
					dst = append(dst, byte(u), byte(u>>8))
				}
			}
		}
		return dst, nil
	}
}

// gbReplacement is U+FFFD in GB18030: the one sequence that truly decodes
// to the replacement character.
var gbReplacement = []byte{0x84, 0x31, 0xA4, 0x37}

// nextGB decodes one GBK or GB18030 character (b[0] >= 0x80). The byte
// 0x80 is the euro sign, as in Windows code page 936 and the WHATWG
// Encoding Standard; a lead byte 0x81-0xFE takes a trail byte 0x40-0x7E
// or 0x80-0xFE, or (GB18030 only) starts a four-byte sequence
// [81-FE][30-39][81-FE][30-39].
func nextGB(enc encoding.Encoding, gb18030 bool) func(dst, b []byte) ([]byte, int, bool) {
	dec := enc.NewDecoder().Transformer
	return func(dst, b []byte) ([]byte, int, bool) {
		c0 := b[0]
		n := 1
		switch {
		case c0 < 0x80:
			return append(dst, c0), 1, true
		case c0 == 0x80:
		case c0 == 0xFF || len(b) < 2:
			return dst, 1, false
		case b[1] >= 0x40 && b[1] <= 0xFE && b[1] != 0x7F:
			n = 2
		case gb18030 && b[1] >= 0x30 && b[1] <= 0x39 && len(b) >= 4 && b[2] >= 0x81 && b[2] <= 0xFE && b[3] >= 0x30 && b[3] <= 0x39:
			n = 4
		default:
			return dst, 1, false
		}
		out, ok := decodeChar(dec, dst, b[:n])
		return out, n, ok
	}
}

// noLenientGB18030 reports whether data holds no lead byte followed by a
// byte 0x3A-0x3F: x/text's decoder takes those for the start of a
// four-byte sequence, which GB18030 (and the WHATWG decoder) starts with
// a byte 0x30-0x39 only.
func noLenientGB18030(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c <= 0x80 || c == 0xFF || i+1 == len(data) {
			i++
			continue
		}
		switch c1 := data[i+1]; {
		case c1 >= 0x3A && c1 <= 0x3F:
			return false
		case c1 >= 0x30 && c1 <= 0x39:
			i += 4
		case c1 >= 0x40 && c1 != 0x7F && c1 != 0xFF:
			i += 2
		default:
			i++
		}
	}
	return true
}

// nextBig5 decodes one Big5 character (b[0] >= 0x80): a lead byte
// 0x81-0xFE and a trail byte 0x40-0x7E or 0xA1-0xFE, as in the WHATWG
// Encoding Standard, whose table includes the HKSCS extensions.
func nextBig5(dst, b []byte) ([]byte, int, bool) {
	dec := big5Decoder
	c0 := b[0]
	switch {
	case c0 < 0x80:
		return append(dst, c0), 1, true
	case c0 == 0x80 || c0 == 0xFF || len(b) < 2:
		return dst, 1, false
	}
	c1 := b[1]
	if !(c1 >= 0x40 && c1 <= 0x7E || c1 >= 0xA1 && c1 <= 0xFE) {
		return dst, 1, false
	}
	out, ok := decodeChar(dec, dst, b[:2])
	return out, 2, ok
}

var big5Decoder = traditionalchinese.Big5.NewDecoder().Transformer

// decodeChar decodes the one well-formed character seq with dec (a
// stateless x/text decoder). It fails when the character is unmapped:
// the decoder gives U+FFFD, and seq is not GB18030's encoding of U+FFFD.
func decodeChar(dec transform.Transformer, dst, seq []byte) ([]byte, bool) {
	var buf [8]byte
	nDst, nSrc, err := dec.Transform(buf[:], seq, true)
	if err != nil || nSrc != len(seq) || nDst == 0 {
		return dst, false
	}
	if r, _ := utf8.DecodeRune(buf[:nDst]); r == utf8.RuneError && !bytes.Equal(seq, gbReplacement) {
		return dst, false
	}
	return append(dst, buf[:nDst]...), true
}

// encodeWith encodes with an x/text encoding, naming the first character
// it cannot represent.
func encodeWith(name string, enc encoding.Encoding) func(dst []byte, s string) ([]byte, error) {
	return func(dst []byte, s string) ([]byte, error) {
		out, err := enc.NewEncoder().String(s)
		if err == nil {
			return append(dst, out...), nil
		}
		for _, r := range s {
			if _, err := enc.NewEncoder().String(string(r)); err != nil {
				return nil, fmt.Errorf("character %q (U+%04X) cannot be written in %s", r, r, name)
			}
		}
		return nil, fmt.Errorf("cannot be written in %s: %v", name, err)
	}
}
