package corpus

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// block is one paragraph or list item of a plain-text file: the bytes
// [start, end) of the file, without leading and trailing white space and
// without the list marker.
type block struct {
	start, end int
	list       bool
	lines      int
}

// readText reads a plain-text document: see the package documentation for
// how lines become paragraphs, headings and list items. A segment's slot
// is its text in the file.
func readText(src *source, doc *pipeline.Document) (*codec, error) {
	return readTextPart(src, doc, nil)
}

// textPart is what a part of a plain-text file read piece by piece
// (Stream) needs from around it: how many paragraphs came before it (ids
// are ordinals in the file), and the first paragraph after it, which says
// whether its last one is a heading.
type textPart struct {
	before int
	next   []byte // the text of the first paragraph after the part; nil at the end
}

// textBlocks returns the paragraphs and list items of src.
func textBlocks(src *source) []block {
	var blocks []block
	prev := "" // the previous line, trimmed; "" after a blank line
	for l := range src.lineStarts() {
		line, off := src.line(l)
		content := strings.TrimRightFunc(line, unicode.IsSpace)
		indent := len(content) - len(strings.TrimLeftFunc(content, unicode.IsSpace))
		if indent == len(content) {
			prev = ""
			continue
		}
		marker := listMarker(content[indent:])
		if prev != "" && marker == 0 && continuesLine(prev, content[indent:]) {
			b := &blocks[len(blocks)-1]
			b.end = off + len(content)
			b.lines++
		} else {
			blocks = append(blocks, block{start: off + indent + marker, end: off + len(content), list: marker > 0, lines: 1})
		}
		prev = content
	}
	return blocks
}

// readTextPart reads src, the whole of a plain-text file (part is nil) or
// one part of it that starts and ends between paragraphs.
func readTextPart(src *source, doc *pipeline.Document, part *textPart) (*codec, error) {
	blocks := textBlocks(src)
	before := 0
	var next []byte
	if part != nil {
		before, next = part.before, part.next
	}
	c := &codec{encode: func(seg *pipeline.Segment, target string) (string, error) {
		return encodeText(src, blocks, seg, target)
	}}
	for k, b := range blocks {
		c.slots = append(c.slots, Slot{Span: pipeline.Span{Start: b.start, End: b.end}})
		text, loc := src.verbatim(b.start, b.end)
		seg := pipeline.Segment{
			ID:         strconv.Itoa(before + k + 1),
			Target:     text,
			TargetLoc:  loc,
			TargetSkip: linkSpans(text),
		}
		switch {
		case b.list:
			seg.Kind = pipeline.ListItem
		case b.lines == 1 && len(seg.TargetSkip) == 0 && k+1 < len(blocks) && isTitle(text, src.data[blocks[k+1].start:blocks[k+1].end]):
			seg.Kind = pipeline.Heading
		case b.lines == 1 && len(seg.TargetSkip) == 0 && k+1 == len(blocks) && next != nil && isTitle(text, next):
			seg.Kind = pipeline.Heading
		}
		doc.Segments = append(doc.Segments, seg)
	}
	return c, nil
}

// encodeText checks a new text for a paragraph of a plain-text file: it
// is written as is, and must read back as the same one paragraph. So it
// must not be empty, hold a line break, start or end with white space,
// start like a list item (unless it replaces one, whose marker stays),
// or make the paragraph join the one before or after it, as hard-wrapped
// text does when they are on consecutive lines.
func encodeText(src *source, blocks []block, seg *pipeline.Segment, target string) (string, error) {
	k, err := strconv.Atoi(seg.ID)
	if err != nil || k < 1 || k > len(blocks) {
		return "", fmt.Errorf("no paragraph %s", seg.ID)
	}
	k--
	b := blocks[k]
	switch {
	case target == "":
		return "", errors.New("a paragraph of plain text cannot be empty")
	case strings.ContainsAny(target, "\n\r"):
		return "", errors.New("a line break would split the paragraph: write it on one line")
	case strings.TrimSpace(target) != target:
		return "", errors.New("white space at the start or end would be lost")
	case !b.list && listMarker(target) > 0:
		return "", errors.New("it would read back as a list item")
	}
	first, last := src.pos(b.start).Line, src.pos(b.end).Line
	if k > 0 {
		prev := blocks[k-1]
		if prevLine := src.pos(prev.end).Line; prevLine == first-1 && !b.list {
			_, off := src.line(prevLine - 1)
			if continuesLine(string(src.data[off:prev.end]), target) {
				return "", errors.New("it would join the paragraph before it, which does not end a sentence")
			}
		}
	}
	if k+1 < len(blocks) {
		next := blocks[k+1]
		if src.pos(next.start).Line == last+1 && !next.list {
			line, off := src.line(last)
			if continuesLine(target, line[next.start-off:]) {
				return "", errors.New("the paragraph after it would join it: end it with a full stop")
			}
		}
	}
	return target, nil
}

// listMarker returns the length of the list marker that starts line, with
// the white space after it: "- ", "* ", "+ ", "• ", or a number of up to
// nine digits followed by "." or ")" and a space. It returns 0 when line is
// not a list item or holds nothing after its marker.
func listMarker(line string) int {
	n := 0
	switch {
	case strings.HasPrefix(line, "-"), strings.HasPrefix(line, "*"), strings.HasPrefix(line, "+"):
		n = 1
	case strings.HasPrefix(line, "•"):
		n = len("•")
	default:
		for n < len(line) && n < 9 && isDigit(line[n]) {
			n++
		}
		if n == 0 || n == len(line) || (line[n] != '.' && line[n] != ')') {
			return 0
		}
		n++
	}
	rest := strings.TrimLeft(line[n:], " \t")
	if len(rest) == len(line[n:]) || rest == "" {
		return 0
	}
	return len(line) - len(rest)
}

// continuesLine reports whether next continues the paragraph whose last
// line is prev, as in hard-wrapped text: prev does not end a sentence and
// next starts with a lower-case letter.
func continuesLine(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) && !endsSentence(prev)
}

// endsSentence reports whether s ends with terminal punctuation, before any
// closing quotes and brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, isCloser)
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…‼⁇⁈⁉。！？｡．", r)
}

// Headings of plain text are recognised by their shape.
const (
	titleMaxWords = 12
	titleMaxRunes = 100
)

// isTitle reports whether text, a one-line paragraph with no link, is a
// title or heading: it holds at most titleMaxWords words and titleMaxRunes
// characters, starts with a letter or digit that is not lower-case, does
// not end with punctuation that ends or continues a sentence, and the
// paragraph after it is longer.
func isTitle(text string, next []byte) bool {
	if len(text) > utf8.UTFMax*titleMaxRunes || utf8.RuneCountInString(text) > titleMaxRunes || pipeline.CountWords(text) > titleMaxWords {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text)
	if !(unicode.IsLetter(first) || unicode.IsDigit(first)) || unicode.IsLower(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(text, isCloser))
	if endsSentence(text) || strings.ContainsRune(",;:，；：、", last) {
		return false
	}
	return utf8.RuneCount(next) > utf8.RuneCountInString(text)
}

// isCloser reports closing quotes and brackets.
func isCloser(r rune) bool {
	return strings.ContainsRune("\"')]}’”»›）］｝」』】〕〗〙〉》", r)
}
