package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/tqa-project/tqa/pipeline"
)

// StreamOptions says how StreamJSONL and Stream cut their input.
type StreamOptions struct {
	// Segments is the most segments a part holds (default 1,000); for
	// Stream, the most records (PO messages, table rows, paragraphs),
	// each of which may make several segments (PO plural forms).
	Segments int
	// Bytes ends a part of Stream at the next record once it holds this
	// many bytes (default 4 MiB), however few records it has. JSON Lines
	// parts are counted in lines only.
	Bytes int
	// MaxLine is the longest line accepted, in bytes (default 64 MiB): a
	// longer one is an error rather than a memory spike. For Stream, it
	// bounds a record (a PO message, a CSV row with quoted line breaks, a
	// hard-wrapped paragraph) too.
	MaxLine int
}

// StreamJSONL reads JSON Lines from r, called name in positions and
// errors, and hands fn one Document at a time, each holding the segments
// of up to opt.Segments consecutive lines, so that memory stays bounded
// however long the input is. Segments are read as a JSONL file's are (see
// the package documentation), with the lines, columns and byte offsets of
// the whole input; a segment without an id takes its line number.
//
// Unlike a JSONL file read whole, ids are not checked for uniqueness
// across parts (that would need memory in proportion to the input), and
// the input must be UTF-8 (a byte order mark is allowed). The first
// malformed line stops the stream with an error naming its line and
// column, after fn has had every part before it. An error from fn stops
// the stream and is returned as it is.
func StreamJSONL(r io.Reader, name string, opt Options, sopt StreamOptions, fn func(*pipeline.Document) error) error {
	if sopt.Segments <= 0 {
		sopt.Segments = 1000
	}
	if sopt.MaxLine <= 0 {
		sopt.MaxLine = 64 << 20
	}
	br := bufio.NewReaderSize(r, 1<<16)
	var buf []byte
	lineBase, offBase, lines := 0, 0, 0
	first := true
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		src := &source{path: name, data: buf, lines: []int{0}, opt: opt, lineBase: lineBase, offBase: offBase}
		if first && bytes.HasPrefix(buf, []byte("\uFEFF")) {
			src.bom = 3
		}
		for i, b := range buf {
			if b == '\n' && i+1 < len(buf) {
				src.lines = append(src.lines, i+1)
			}
		}
		if bad := firstInvalidUTF8(buf); bad < len(buf) {
			return src.errorf(bad, "invalid UTF-8 (byte 0x%02X); a stream must be UTF-8", buf[bad])
		}
		doc := &pipeline.Document{Path: name, Format: "jsonl", SourceLang: opt.SourceLang, TargetLang: opt.TargetLang}
		if err := readJSONLSegments(src, doc, nil); err != nil {
			return err
		}
		if err := checkSegmentSizes(doc); err != nil {
			return err
		}
		first = false
		lineBase += lines
		offBase += len(buf)
		buf, lines = buf[:0], 0
		if len(doc.Segments) == 0 {
			return nil
		}
		return fn(doc)
	}
	for {
		line, err := readLine(br, sopt.MaxLine)
		if len(line) > 0 {
			buf = append(buf, line...)
			lines++
			if lines >= sopt.Segments {
				if ferr := flush(); ferr != nil {
					return ferr
				}
			}
		}
		if errors.Is(err, errLineTooLong) {
			return fmt.Errorf("corpus: read %s: line %d: longer than %d bytes", name, lineBase+lines+1, sopt.MaxLine)
		}
		if err == io.EOF {
			return flush()
		}
		if err != nil {
			return fmt.Errorf("corpus: read %s: %w", name, err)
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line of br with its line feed, or the rest of
// the input at its end (with io.EOF).
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		part, err := br.ReadSlice('\n')
		line = append(line, part...)
		if len(line) > max {
			return nil, errLineTooLong
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return line, err
	}
}
