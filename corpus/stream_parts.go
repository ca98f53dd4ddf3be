package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode"

	"github.com/tqa-project/tqa/pipeline"
)

// ErrWholeFile is returned (wrapped) by Stream, before any part is handed
// on, for an input that cannot be streamed: one that is not UTF-8 (another
// encoding named in Options, a UTF-16 byte order mark, a PO header that
// names another charset, a first part that is not valid UTF-8). Such a
// file is to be read whole, with Open.
var ErrWholeFile = errors.New("the file is not UTF-8 and must be read whole")

// Stream reads an input in format ("jsonl", "po", "tsv", "csv" or "text")
// from r, called name in positions and errors, and hands fn one Document
// at a time, each holding the segments of up to sopt.Segments consecutive
// records (lines of JSON Lines, messages of PO, rows of TSV and CSV,
// paragraphs of plain text) and at most about sopt.Bytes bytes of input,
// so that memory stays bounded however long the input is.
//
// The input is cut between records only, and each part is read by the
// reader that reads the whole file, with the lines, columns and byte
// offsets of the whole input: the segments, their ids and positions are
// those that reading the file whole gives. What a part needs from the
// ones before it is carried over: the PO header's Language and
// Plural-Forms, a table's header row (its column mapping and number of
// fields), the number of paragraphs of plain text before it (their ids are
// ordinals), and the languages found so far (from a PO header, or table
// columns named by language). A plain-text part is read with the first
// paragraph of the next part, which says whether its last paragraph is a
// heading.
//
// What would need memory in proportion to the input is checked within a
// part only: duplicate PO messages and table ids are errors when both are
// in one part, and pass when they are in different parts.
//
// The input must be UTF-8 (a byte order mark is allowed): for an input
// that its first part shows to be in another encoding, Stream returns an
// error wrapping ErrWholeFile before fn has any part. An invalid byte in a
// later part, like any malformed record, stops the stream with an error
// naming its line and column, after fn has had every part before it. A
// record longer than sopt.MaxLine bytes is an error too. An error from fn
// stops the stream and is returned as it is.
func Stream(r io.Reader, name, format string, opt Options, sopt StreamOptions, fn func(*pipeline.Document) error) error {
	var split splitter
	switch format {
	case "jsonl":
		return StreamJSONL(r, name, opt, sopt, fn)
	case "po":
		split = &poSplitter{first: true}
	case "tsv":
		split = tsvSplitter{}
	case "csv":
		split = &csvSplitter{}
	case "text":
		split = &textSplitter{}
	default:
		return fmt.Errorf("corpus: read %s: format %q cannot be streamed (want jsonl, po, tsv, csv or text)", name, format)
	}
	if sopt.Segments <= 0 {
		sopt.Segments = 1000
	}
	if sopt.Bytes <= 0 {
		sopt.Bytes = 4 << 20
	}
	if sopt.MaxLine <= 0 {
		sopt.MaxLine = 64 << 20
	}
	s := &streamer{name: name, format: format, opt: opt, fn: fn, lang: pipeline.Document{SourceLang: opt.SourceLang, TargetLang: opt.TargetLang}}
	return splitParts(bufio.NewReaderSize(r, 1<<16), name, split, sopt, s.part)
}

// splitter finds where the records of a format start, a line at a time.
type splitter interface {
	// starts is called with every line of the input in turn, with its line
	// break; it reports whether a record starts at the line, so that a
	// part may end before it.
	starts(line []byte) bool
}

// inputPart is a piece of an input: its bytes, and the lines and bytes
// of the input before it.
type inputPart struct {
	data        []byte
	line, off   int
	last, first bool // the input's last part, first part
}

// splitParts reads br a line at a time and hands emit the input in parts
// that end where split says a record starts (or at the end of the input),
// each of at least sopt.Segments records or sopt.Bytes bytes, when the
// input has them. Every part has a buffer of its own, never written again
// once handed on. Concatenated, the parts are the input.
func splitParts(br *bufio.Reader, name string, split splitter, sopt StreamOptions, emit func(inputPart) error) error {
	var buf []byte
	records, recStart, recLine := 0, 0, 0
	p := inputPart{first: true}
	lines := 0 // of buf
	for {
		line, err := readLine(br, sopt.MaxLine)
		if errors.Is(err, errLineTooLong) {
			return fmt.Errorf("corpus: read %s: line %d: longer than %d bytes", name, p.line+lines+1, sopt.MaxLine)
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("corpus: read %s: %w", name, err)
		}
		if len(line) > 0 {
			if split.starts(line) {
				if records >= sopt.Segments || (records > 0 && len(buf) >= sopt.Bytes) {
					p.data = buf
					if eerr := emit(p); eerr != nil {
						return eerr
					}
					p = inputPart{line: p.line + lines, off: p.off + len(buf)}
					buf, lines, records = nil, 0, 0
				}
				records++
				recStart, recLine = len(buf), lines
			}
			buf = append(buf, line...)
			lines++
			if len(buf)-recStart > sopt.MaxLine {
				return fmt.Errorf("corpus: read %s: line %d: a record longer than %d bytes", name, p.line+recLine+1, sopt.MaxLine)
			}
		}
		if err == io.EOF {
			p.data, p.last = buf, true
			return emit(p)
		}
	}
}

// streamer reads the parts of one input and hands their documents on.
type streamer struct {
	name, format string
	opt          Options
	fn           func(*pipeline.Document) error
	lang         pipeline.Document // the languages found so far

	po      poPart
	table   tablePart
	paras   int        // plain-text paragraphs before the pending part
	pending *inputPart // a plain-text part waiting for the next one
}

// part reads one part of the input; a plain-text part waits for the next
// part, whose first paragraph it needs.
func (s *streamer) part(p inputPart) error {
	if p.first {
		if err := s.checkEncoding(p.data); err != nil {
			return err
		}
		s.po.header = true
	}
	if s.format != "text" {
		return s.read(p, nil)
	}
	if s.pending != nil {
		prev := *s.pending
		s.pending = nil
		var next []byte
		if b := textBlocks(&source{path: s.name, data: p.data}); len(b) > 0 {
			next = p.data[b[0].start:b[0].end]
		}
		if err := s.read(prev, next); err != nil {
			return err
		}
	}
	if p.last {
		return s.read(p, nil)
	}
	s.pending = &p
	return nil
}

// checkEncoding returns an error wrapping ErrWholeFile unless the first
// part of the input is UTF-8 (or ASCII) as decode finds it.
func (s *streamer) checkEncoding(data []byte) error {
	_, enc, err := decode(s.name, data, s.format, s.opt)
	if err != nil {
		return fmt.Errorf("corpus: read %s: %w: %w", s.name, ErrWholeFile, err)
	}
	if enc.Name != "utf-8" {
		return fmt.Errorf("corpus: read %s: %w (it is %s)", s.name, ErrWholeFile, enc.Name)
	}
	return nil
}

// read reads part p (next is the first paragraph after a plain-text part)
// and hands its document to fn.
func (s *streamer) read(p inputPart, next []byte) error {
	src := &source{path: s.name, data: p.data, opt: s.opt, frozen: true, lineBase: p.line}
	if p.first {
		src.bom = bomLen(p.data)
	}
	if bad := firstInvalidUTF8(p.data); bad < len(p.data) {
		return src.errorf(bad, "invalid UTF-8 (byte 0x%02X); a stream must be UTF-8", p.data[bad])
	}
	doc := &pipeline.Document{Path: s.name, Format: s.format, SourceLang: s.lang.SourceLang, TargetLang: s.lang.TargetLang}
	var err error
	switch s.format {
	case "po":
		_, err = readPOPart(src, doc, &s.po)
	case "tsv":
		_, err = readTSVPart(src, doc, &s.table)
	case "csv":
		_, err = readCSVPart(src, doc, &s.table)
	case "text":
		_, err = readTextPart(src, doc, &textPart{before: s.paras, next: next})
		s.paras += len(doc.Segments)
	}
	if err != nil {
		return err
	}
	shiftOffsets(doc, p.off)
	if err := checkSegmentSizes(doc); err != nil {
		return err
	}
	s.lang.SourceLang, s.lang.TargetLang = doc.SourceLang, doc.TargetLang
	if len(doc.Segments) == 0 {
		return nil
	}
	return s.fn(doc)
}

// shiftOffsets adds off to the byte offset of every position of doc's
// segments, read from a part of a file that off bytes come before (the
// lines of the part's source count those before it already). Segments may
// share a Locator's anchors (the msgid of a PO message's plural forms):
// each anchor is shifted once.
func shiftOffsets(doc *pipeline.Document, off int) {
	if off == 0 {
		return
	}
	done := map[*pipeline.Anchor]bool{}
	for i := range doc.Segments {
		seg := &doc.Segments[i]
		for _, a := range [][]pipeline.Anchor{seg.SourceLoc.Anchors, seg.TargetLoc.Anchors} {
			if len(a) == 0 || done[&a[0]] {
				continue
			}
			done[&a[0]] = true
			for k := range a {
				if a[k].Pos.Line > 0 {
					a[k].Pos.Offset += off
				}
			}
		}
	}
}

// poSplitter finds where PO messages start: at a line whose first token
// is a comment or a msgctxt, msgid or domain keyword (obsolete "#~" ones
// too), when the message before has had its msgstr. It reads the tokens
// of each line as the lexer does (poLexer), enough to tell them apart: a
// string literal ends on its line and a comment runs to its end, so a
// line always starts between tokens, and a message that has had its
// msgstr ends at the next token that is not a string or plural index.
type poSplitter struct {
	first  bool // no message has started
	msgstr bool // the current message has had a msgstr
}

func (s *poSplitter) starts(line []byte) bool {
	start, firstToken := false, true
	for i := 0; i < len(line); {
		c := line[i]
		next := false // the token starts a message when one may start
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n':
			i++
			continue
		case c == '#' && i+1 < len(line) && line[i+1] == '~':
			i += 2
			if i < len(line) && line[i] == '|' {
				i = len(line) // a previous msgid: no token
			}
			continue
		case c == '#' && i+1 < len(line) && line[i+1] == '|':
			i = len(line)
			continue
		case c == '#':
			next, i = true, len(line)
		case c == '"':
			for i++; i < len(line) && line[i] != '"' && line[i] != '\n'; i++ {
				if line[i] == '\\' {
					i++
				}
			}
			i++
		case isPOWordByte(c):
			j := i
			for j < len(line) && isPOWordByte(line[j]) {
				j++
			}
			switch string(line[i:j]) {
			case "msgctxt", "msgid", "domain":
				next = true
			case "msgstr":
				s.msgstr = true
			}
			i = j
		default:
			i++ // a plural index, or an error the reader reports
		}
		if next && (s.first || s.msgstr) {
			start = start || firstToken
			s.first, s.msgstr = false, false
		}
		firstToken = false
	}
	return start
}

// tsvSplitter: a TSV record is a line (fields have no quoting); blank
// lines, which the reader skips, start none.
type tsvSplitter struct{}

func (tsvSplitter) starts(line []byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) > 0 || bytes.IndexByte(line, '\t') >= 0
}

// csvSplitter: a CSV record starts at a line that does not start inside a
// quoted field, which an odd number of quotes before it opens (a quote in
// a quoted field is doubled).
type csvSplitter struct {
	quoted bool
}

func (s *csvSplitter) starts(line []byte) bool {
	start := !s.quoted
	if bytes.Count(line, []byte{'"'})%2 == 1 {
		s.quoted = !s.quoted
	}
	return start && len(bytes.TrimRight(line, "\r\n")) > 0
}

// textSplitter finds where paragraphs of plain text start as readText
// (textBlocks) does: at a line that is not blank and follows a blank
// line, is a list item, or does not continue the line before it.
type textSplitter struct {
	prev []byte // the previous line, trimmed at the right; empty after a blank one
}

func (s *textSplitter) starts(line []byte) bool {
	content := bytes.TrimRightFunc(line, unicode.IsSpace)
	indent := len(content) - len(bytes.TrimLeftFunc(content, unicode.IsSpace))
	if indent == len(content) {
		s.prev = s.prev[:0]
		return false
	}
	c := string(content[indent:])
	start := len(s.prev) == 0 || listMarker(c) > 0 || !continuesLine(string(s.prev), c)
	s.prev = append(s.prev[:0], content...)
	return start
}
