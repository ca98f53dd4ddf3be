package corpus

import (
	"bytes"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// checkDocument fails t unless every segment of doc maps back into data
// truly:
//
//   - Locate of every rune boundary of each side is within data, strictly
//     increasing, and its line and column agree with its byte offset;
//   - each character of the text is the character at its located offset,
//     except a line feed, which may stand for a CRLF (text) or for the end
//     of a line and the container prefixes of the next (Markdown), and an
//     escape sequence of JSON;
//   - skip spans are valid, non-empty, sorted and disjoint.
func checkDocument(t *testing.T, data []byte, doc *pipeline.Document) {
	t.Helper()
	ps := positions(data)
	for k := range doc.Segments {
		s := &doc.Segments[k]
		for _, side := range []pipeline.Side{pipeline.Source, pipeline.Target} {
			text := s.Text(side)
			if text == "" {
				continue
			}
			if !utf8.ValidString(text) && doc.Format != "jsonl" {
				t.Fatalf("segment %s: %s text %q is not UTF-8", s.ID, side, text)
			}
			last := -1
			for i := 0; i <= len(text); {
				p := s.Locate(side, i)
				if p.Offset <= last || p.Offset > len(data) {
					t.Fatalf("segment %s %s: offset %d located at %d, after %d (file of %d bytes)", s.ID, side, i, p.Offset, last, len(data))
				}
				if want := ps[p.Offset]; want != p {
					t.Fatalf("segment %s %s: offset %d located at %+v, but that offset is at %+v", s.ID, side, i, p, want)
				}
				last = p.Offset
				if i == len(text) {
					break
				}
				_, n := utf8.DecodeRuneInString(text[i:])
				if !sameChar(doc.Format, text[i:i+n], data[p.Offset:]) {
					t.Fatalf("segment %s %s: %q at offset %d, but the file has %q at %+v", s.ID, side, text[i:i+n], i, data[p.Offset:min(len(data), p.Offset+4)], p)
				}
				i += n
			}
			spans := s.Skip(side)
			for j, sp := range spans {
				if !sp.Valid(text) || sp.Len() == 0 || j > 0 && sp.Start < spans[j-1].End {
					t.Fatalf("segment %s %s: bad skip spans %v of %q", s.ID, side, spans, text)
				}
			}
		}
	}
}

func sameChar(format, char string, at []byte) bool {
	if bytes.HasPrefix(at, []byte(char)) {
		return true
	}
	switch format {
	case "text":
		return char == "\n" && bytes.HasPrefix(at, []byte("\r\n"))
	case "markdown":
		r, _ := utf8.DecodeRune(at)
		return char == "\n" && unicode.IsSpace(r)
	case "jsonl":
		return len(at) > 0 && at[0] == '\\'
	}
	return false
}

// positions computes the position of every byte offset of data (and of
// len(data)) from scratch: lines counted by line feeds, columns in
// characters, the byte order mark taking no column.
func positions(data []byte) []pipeline.Position {
	ps := make([]pipeline.Position, len(data)+1)
	line, col := 1, 1
	bom := 0
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		bom = 3
	}
	for off := range ps {
		ps[off] = pipeline.Position{Offset: off, Line: line, Column: col}
		switch {
		case off == len(data) || off < bom:
		case data[off] == '\n':
			line, col = line+1, 1
		case utf8.RuneStart(data[off]):
			col++
		}
	}
	return ps
}
