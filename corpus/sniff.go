package corpus

import (
	"bytes"
	"strings"
)

// Sniff returns the format of a file from its first bytes: "xliff" or
// "tmx" when its root XML element is <xliff> or <tmx> (with any
// namespace prefix), "po" when a line starts with `msgid "` or
// `msgctxt "`. UTF-16 content (with a byte order mark, or detected by its
// NUL bytes) is decoded first. It returns false for anything else.
func Sniff(data []byte) (string, bool) {
	data = data[:min(len(data), sniffLen)]
	if name := utf16Order(data[:len(data)&^1]); name != "" {
		data, _ = decodeWith(charsets[name], data[:len(data)&^1])
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if root := xmlRoot(data); root != "" {
		if i := strings.IndexByte(root, ':'); i >= 0 {
			root = root[i+1:]
		}
		switch root {
		case "xliff":
			return "xliff", true
		case "tmx":
			return "tmx", true
		}
		return "", false
	}
	for line := range bytes.Lines(data) {
		if bytes.HasPrefix(line, []byte(`msgid "`)) || bytes.HasPrefix(line, []byte(`msgctxt "`)) {
			return "po", true
		}
	}
	return "", false
}

// xmlRoot returns the name of the first element of an XML document,
// after its declaration, processing instructions, comments and document
// type declaration; "" when data does not start like XML.
func xmlRoot(data []byte) string {
	for {
		data = bytes.TrimLeft(data, " \t\r\n")
		var end []byte
		switch {
		case bytes.HasPrefix(data, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(data, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(data, []byte("<!DOCTYPE")):
			// An internal subset [...] may hold ">".
			if k := bytes.IndexAny(data, "[>"); k >= 0 && data[k] == '[' {
				if j := bytes.Index(data[k:], []byte("]")); j >= 0 {
					data = data[k+j:]
				}
			}
			end = []byte(">")
		case bytes.HasPrefix(data, []byte("<")):
			name := data[1:]
			n := 0
			for n < len(name) && !strings.ContainsRune(" \t\r\n/>", rune(name[n])) {
				n++
			}
			if n == 0 || n == len(name) {
				return ""
			}
			return string(name[:n])
		default:
			return ""
		}
		k := bytes.Index(data, end)
		if k < 0 {
			return ""
		}
		data = data[k+len(end):]
	}
}
