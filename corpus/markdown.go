package corpus

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tqa-project/tqa/pipeline"
)

// markdownParser parses the blocks of CommonMark, with GitHub's tables. It
// has no inline parsers: inline Markdown is read by markdownInlineSpans,
// in linear time (goldmark's link parser is quadratic on text such as
// "[a](" repeated). It is safe for concurrent use.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
			util.Prioritized(extension.NewTableParagraphTransformer(), 200))...),
	)
})

// readMarkdown reads a Markdown document: every heading, paragraph, list
// item paragraph, block quote paragraph and table cell is a segment; code
// blocks, HTML blocks and front matter give none.
func readMarkdown(src *source, doc *pipeline.Document) {
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
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
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
		if seg, ok := markdownSegment(src, base, n.Lines(), kind); ok {
			seg.ID = strconv.Itoa(len(doc.Segments) + 1)
			doc.Segments = append(doc.Segments, seg)
		}
		return ast.WalkSkipChildren, nil
	})
}

// markdownSegment makes a segment of the lines of one block: each line's
// text without its container prefixes (block quote markers, list
// indentation), leading and trailing white space, joined by "\n", with an
// anchor at the start of every line.
func markdownSegment(src *source, base int, lines *gtext.Segments, kind pipeline.Kind) (pipeline.Segment, bool) {
	var b strings.Builder
	var loc pipeline.Locator
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
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		loc.Anchors = append(loc.Anchors, pipeline.Anchor{Off: b.Len(), Pos: src.pos(start)})
		b.WriteString(trimmed)
	}
	if b.Len() == 0 {
		return pipeline.Segment{}, false
	}
	text := b.String()
	return pipeline.Segment{
		Kind:       kind,
		Target:     text,
		TargetLoc:  loc,
		TargetSkip: mergeSpans(append(markdownInlineSpans(text), linkSpans(text)...)),
	}, true
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
