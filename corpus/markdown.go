package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tqa-project/tqa/pipeline"
)

// markdownParser parses the blocks of CommonMark, with GitHub's tables
// (markdownTables). It
// has no inline parsers: inline Markdown is read by markdownInlineSpans,
// in linear time (goldmark's link parser is quadratic on text such as
// "[a](" repeated). It is safe for concurrent use.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
			util.Prioritized(markdownTables{}, 200))...),
	)
})

// readMarkdown reads a Markdown document: every heading, paragraph, list
// item paragraph, block quote paragraph and table cell is a segment; code
// blocks, HTML blocks and front matter give none. A segment's slot spans
// its text in the file, from its first character to its last.
func readMarkdown(src *source, doc *pipeline.Document) (*codec, error) {
	var blocks []markdownBlock
	c := &codec{encode: func(seg *pipeline.Segment, target string) (string, error) {
		k, err := strconv.Atoi(seg.ID)
		if err != nil || k < 1 || k > len(blocks) {
			return "", fmt.Errorf("no block %s", seg.ID)
		}
		return encodeMarkdown(seg.Kind, blocks[k-1].cont, target)
	}}
	base := src.bom
	body := src.data[base:]
	if end := frontMatterEnd(body); end > 0 {
		// Blank the front matter out, keeping every offset where it is.
		body = bytes.Clone(body)
		for i := range end {
			if body[i] != '\n' && body[i] != '\r' {
				body[i] = ' '
			}
		}
	}
	root := markdownParser().Parse(gtext.NewReader(body))
	var supp suppression // tqa-disable comments in force
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if html, ok := n.(*ast.HTMLBlock); ok {
			supp.apply(htmlBlockText(body, html))
		}
		kind := pipeline.Paragraph
		switch n.Kind() {
		case ast.KindHeading:
			kind = pipeline.Heading
		case ast.KindParagraph, ast.KindTextBlock:
			if inListItem(n) {
				kind = pipeline.ListItem
			}
		case east.KindTableCell:
			kind = pipeline.TableCell
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		default:
			return ast.WalkContinue, nil
		}
		if seg, mb, ok := markdownSegment(src, base, n.Lines(), kind); ok {
			seg.ID = strconv.Itoa(len(doc.Segments) + 1)
			seg.Suppress = supp.list()
			doc.Segments = append(doc.Segments, seg)
			blocks = append(blocks, mb)
			c.slots = append(c.slots, Slot{Span: mb.span})
		}
		return ast.WalkSkipChildren, nil
	})
	return c, nil
}

// markdownBlock is where a segment's text lies in a Markdown file, and
// the prefix that a line break in a new text must be followed by.
type markdownBlock struct {
	span pipeline.Span // from its first character to its last
	cont string        // the container prefix of continuation lines: "> ", "  "
}

// encodeMarkdown checks a new text for a Markdown block: it is Markdown
// source, written as is, so that the block must read back with the same
// text. It must not be empty, start or end a line with white space, or
// hold a blank line (which would end the block); headings and table cells
// take no line break, and table cells no unescaped "|". Each line break
// is followed by the block's container prefix ("> " in a block quote, the
// indentation of a list item).
func encodeMarkdown(kind pipeline.Kind, cont, target string) (string, error) {
	if target == "" {
		return "", errors.New("a Markdown block cannot be empty")
	}
	lines := strings.Split(strings.ReplaceAll(target, "\r\n", "\n"), "\n")
	if len(lines) > 1 && (kind == pipeline.Heading || kind == pipeline.TableCell) {
		return "", fmt.Errorf("a %s takes no line break", kind)
	}
	for _, l := range lines {
		switch {
		case strings.ContainsRune(l, '\r'):
			return "", errors.New("a carriage return would break the line")
		case strings.TrimSpace(l) == "":
			return "", errors.New("a blank line would end the block")
		case strings.TrimSpace(l) != l:
			return "", errors.New("white space at the start or end of a line would be lost")
		}
	}
	if kind == pipeline.TableCell {
		for i := 0; i < len(target); i++ {
			if target[i] == '|' && (i == 0 || target[i-1] != '\\') {
				return "", errors.New(`a "|" would end the table cell: write "\|"`)
			}
		}
	}
	return strings.Join(lines, "\n"+cont), nil
}

// markdownSegment makes a segment of the lines of one block: each line's
// text without its container prefixes (block quote markers, list
// indentation), leading and trailing white space, joined by "\n", with an
// anchor at the start of every line.
func markdownSegment(src *source, base int, lines *gtext.Segments, kind pipeline.Kind) (pipeline.Segment, markdownBlock, bool) {
	var b strings.Builder
	var loc pipeline.Locator
	var mb markdownBlock
	firstPrefix := ""
	for i := range lines.Len() {
		l := lines.At(i)
		start, stop := base+l.Start, base+l.Stop
		if start < base || stop > len(src.data) || start > stop {
			continue
		}
		line := string(src.data[start:stop])
		trimmed := strings.TrimLeftFunc(line, unicode.IsSpace)
		start += len(line) - len(trimmed)
		trimmed = strings.TrimRightFunc(trimmed, unicode.IsSpace)
		if trimmed == "" || !utf8.RuneStart(src.data[start]) {
			continue
		}
		_, lineStart := src.line(src.pos(start).Line - 1)
		prefix := string(src.data[lineStart:start])
		switch len(loc.Anchors) {
		case 0:
			mb.span.Start = start
			firstPrefix = prefix
		case 1:
			mb.cont = prefix
		}
		mb.span.End = start + len(trimmed)
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		loc.Anchors = append(loc.Anchors, pipeline.Anchor{Off: b.Len(), Pos: src.pos(start)})
		b.WriteString(trimmed)
	}
	if b.Len() == 0 {
		return pipeline.Segment{}, mb, false
	}
	if len(loc.Anchors) == 1 {
		// A continuation line lines up with the first line's text: list
		// markers become spaces, block quote markers stay.
		mb.cont = strings.Map(func(r rune) rune {
			if r == '>' || r == '\t' {
				return r
			}
			return ' '
		}, firstPrefix)
	}
	text := b.String()
	return pipeline.Segment{
		Kind:       kind,
		Target:     text,
		TargetLoc:  loc,
		TargetSkip: mergeSpans(append(markdownInlineSpans(text), linkSpans(text)...)),
	}, mb, true
}

func inListItem(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindListItem {
			return true
		}
	}
	return false
}

// frontMatterEnd returns the length of the YAML front matter that body
// starts with: a "---" line, anything, and a closing "---" or "..." line.
// It returns 0 when body has none.
func frontMatterEnd(body []byte) int {
	first, rest, ok := bytes.Cut(body, []byte("\n"))
	if !ok || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return 0
	}
	off := len(first) + 1
	for len(rest) > 0 {
		line, next, found := bytes.Cut(rest, []byte("\n"))
		off += len(line)
		if found {
			off++
		}
		if l := string(bytes.TrimRight(line, " \t\r")); l == "---" || l == "..." {
			return off
		}
		rest = next
	}
	return 0
}
