package corpus

import (
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
// how lines become paragraphs, headings and list items.
func readText(src *source, doc *pipeline.Document) {
	var blocks []block
	prev := "" // the previous line, trimmed; "" after a blank line
	for l := range src.lines {
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
	for k, b := range blocks {
		text, loc := src.verbatim(b.start, b.end)
		seg := pipeline.Segment{
			ID:         strconv.Itoa(k + 1),
			Target:     text,
			TargetLoc:  loc,
			TargetSkip: linkSpans(text),
		}
		switch {
		case b.list:
			seg.Kind = pipeline.ListItem
		case b.lines == 1 && len(seg.TargetSkip) == 0 && k+1 < len(blocks) && isTitle(text, src.data[blocks[k+1].start:blocks[k+1].end]):
			seg.Kind = pipeline.Heading
		}
		doc.Segments = append(doc.Segments, seg)
	}
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
