package corpus

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"
	"unsafe"

	"github.com/tqa-project/tqa/pipeline"
)

// source is one input file as every reader sees it: its text, decoded to
// UTF-8 whatever the file's encoding (see decode), the length of its byte
// order mark, and where its lines start (see lineStarts). Offsets into data are offsets
// into the decoded text; lines and columns are those of the file.
//
// An XML declaration or a PO header in data still names the file's
// encoding ("gb18030", "UTF-16"): readers must not decode data again.
type source struct {
	path  string
	data  []byte
	bom   int   // 3 when data starts with a byte order mark (U+FEFF), else 0
	lines []int // byte offset of the start of each line, lines[0] == 0; nil until lineStarts indexes them
	opt   Options

	// frozen says that data is never written to while the document read
	// from it lives (Open reads the file into a buffer of its own, which
	// the File keeps and never changes): texts that are verbatim slices of
	// data may then share its bytes (see shared) instead of being copied.
	frozen bool

	// A source may hold a part of a file that is read piece by piece
	// (StreamJSONL): lineBase lines and offBase bytes of the file come
	// before data, and positions count them.
	lineBase, offBase int
}

// newSource checks that data is UTF-8. The byte order mark is skipped but
// still counted in offsets.
func newSource(path string, data []byte) (*source, error) {
	s := &source{path: path, data: data, bom: bomLen(data)}
	if !utf8.Valid(data[s.bom:]) {
		// Find the invalid byte, indexing the lines before it for its
		// position.
		s.lines = []int{0}
		for i := s.bom; i < len(data); {
			b := data[i]
			if b < utf8.RuneSelf {
				i++
				if b == '\n' {
					s.lines = append(s.lines, i)
				}
				continue
			}
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				return nil, s.errorf(i, "invalid UTF-8 (byte 0x%02X)", b)
			}
			i += n
		}
	}
	return s, nil
}

// newValidSource is newSource for data already checked to be UTF-8.
func newValidSource(path string, data []byte) *source {
	return &source{path: path, data: data, bom: bomLen(data)}
}

func bomLen(data []byte) int {
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		return 3
	}
	return 0
}

// lineStarts returns the byte offset of the start of each line, indexing
// them at the first call: a reader that needs no line numbers (the PO
// reader walks the file with a walkCursor, and needs them only for an
// error) never pays for the index.
func (s *source) lineStarts() []int {
	if s.lines == nil {
		s.indexLines()
	}
	return s.lines
}

// startPos returns the position of the first character after the byte
// order mark, as pos(s.bom) does, without the line index.
func (s *source) startPos() pipeline.Position {
	return pipeline.Position{Offset: s.offBase + s.bom, Line: s.lineBase + 1, Column: 1}
}

// indexLines finds where the lines of s.data start. Counting the line
// breaks first sizes the index once instead of growing it by copies; both
// scans go a vector at a time (bytes.Count, bytes.IndexByte), faster than
// one loop over the bytes.
func (s *source) indexLines() {
	data := s.data
	s.lines = make([]int, 1, bytes.Count(data, []byte{'\n'})+1)
	for i := s.bom; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return
		}
		i += j + 1
		s.lines = append(s.lines, i)
	}
}

// shared returns data[start:end] as a string that shares the bytes of
// data, for a frozen source and a non-empty range; ok is false otherwise,
// and the caller copies the bytes. Sharing saves a copy of most of a large
// file's text (a PO file's messages are mostly verbatim), and the memory
// that the copy would touch. It is sound only because the bytes of a
// frozen source are never written again (see source.frozen), as a Go
// string requires.
func (s *source) shared(start, end int) (str string, ok bool) {
	if !s.frozen || start >= end {
		return "", false
	}
	return unsafe.String(&s.data[start], end-start), true
}

// pos returns the position of byte offset off: its line, and its column
// counted in characters from the start of the line (the byte order mark
// takes no column).
func (s *source) pos(off int) pipeline.Position {
	lines := s.lineStarts()
	l := sort.Search(len(lines), func(i int) bool { return lines[i] > off }) - 1
	start := lines[l]
	if l == 0 {
		start = min(s.bom, off)
	}
	return pipeline.Position{Offset: s.offBase + off, Line: s.lineBase + l + 1, Column: utf8.RuneCount(s.data[start:off]) + 1}
}

// line returns the bytes of 0-based line l without its line break (a
// carriage return before the line feed is dropped too), and the offset
// where it starts. Line 0 starts after the byte order mark.
func (s *source) line(l int) (string, int) {
	lines := s.lineStarts()
	start := lines[l]
	if l == 0 {
		start = s.bom
	}
	end := len(s.data)
	if l+1 < len(lines) {
		end = lines[l+1] - 1
		if end > start && s.data[end-1] == '\r' {
			end--
		}
	}
	return string(s.data[start:end]), start
}

// errorf returns an error naming the file and the position of off.
func (s *source) errorf(off int, format string, args ...any) error {
	p := s.pos(off)
	return fmt.Errorf("corpus: read %s: line %d, column %d: %s", s.path, p.Line, p.Column, fmt.Sprintf(format, args...))
}

// verbatim returns the text of data[start:end] with the carriage return of
// every CRLF line break dropped, and a Locator for it: one anchor at its
// start and one at each line feed that followed a dropped carriage return.
func (s *source) verbatim(start, end int) (string, pipeline.Locator) {
	loc := pipeline.At(s.pos(start))
	chunk := s.data[start:end]
	if !containsCRLF(chunk) {
		return string(chunk), loc
	}
	out := make([]byte, 0, len(chunk))
	for i := 0; i < len(chunk); i++ {
		if chunk[i] == '\r' && i+1 < len(chunk) && chunk[i+1] == '\n' {
			loc.Anchors = append(loc.Anchors, pipeline.Anchor{Off: len(out), Pos: s.pos(start + i + 1)})
			continue
		}
		out = append(out, chunk[i])
	}
	return string(out), loc
}

func containsCRLF(b []byte) bool {
	for i := 0; i+1 < len(b); i++ {
		if b[i] == '\r' && b[i+1] == '\n' {
			return true
		}
	}
	return false
}
