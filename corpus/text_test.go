package corpus

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

// seg describes a segment as tests expect it: its kind, its text (the
// target, or "source => target"), the position of its first byte, and the
// texts of its target skip spans.
type seg struct {
	kind pipeline.Kind
	text string
	pos  pipeline.Position
	skip []string
}

func describe(s *pipeline.Segment) seg {
	d := seg{kind: s.Kind, text: s.Target, pos: s.Locate(pipeline.Target, 0)}
	if s.Source != "" {
		d.text = s.Source + " => " + s.Target
	}
	for _, sp := range s.TargetSkip {
		d.skip = append(d.skip, s.Target[sp.Start:sp.End])
	}
	return d
}

func (s seg) String() string {
	return fmt.Sprintf("%v %d:%d@%d %q skip=%q", s.kind, s.pos.Line, s.pos.Column, s.pos.Offset, s.text, s.skip)
}

func equalSegs(a, b seg) bool {
	return a.kind == b.kind && a.text == b.text && a.pos == b.pos && slices.Equal(a.skip, b.skip)
}

// at is a shorthand for a position.
func at(line, col, off int) pipeline.Position {
	return pipeline.Position{Offset: off, Line: line, Column: col}
}

const (
	P = pipeline.Paragraph
	H = pipeline.Heading
	L = pipeline.ListItem
	C = pipeline.TableCell
)

// readAndCheck reads data, checks the document's invariants and compares
// its segments with want.
func readAndCheck(t *testing.T, name, format, data string, want []seg) *pipeline.Document {
	t.Helper()
	doc, err := Read(name, []byte(data), format, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, []byte(data), doc)
	var got []seg
	for i := range doc.Segments {
		got = append(got, describe(&doc.Segments[i]))
		if doc.Segments[i].ID == "" {
			t.Errorf("segment %d has no id", i)
		}
	}
	if !slices.EqualFunc(got, want, equalSegs) {
		t.Errorf("segments of %q:\n%s\nwant:\n%s", data, lines(got), lines(want))
	}
	return doc
}

func lines(ss []seg) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "\t%v\n", s)
	}
	return b.String()
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []seg
	}{
		{"empty", "", nil},
		{"blank lines only", "\n  \n\t\n", nil},
		{"one line per paragraph", "One paragraph.\nTwo paragraphs.\n", []seg{
			{P, "One paragraph.", at(1, 1, 0), nil},
			{P, "Two paragraphs.", at(2, 1, 15), nil},
		}},
		{"title then body", "US is酝酿 Leaving NATO\nA growing trend of anti-NATO sentiment is emerging.\n", []seg{
			{H, "US is酝酿 Leaving NATO", at(1, 1, 0), nil},
			{P, "A growing trend of anti-NATO sentiment is emerging.", at(2, 1, 25), nil},
		}},
		{"heading needs a longer paragraph after it", "Short line\nTiny.\n", []seg{
			{P, "Short line", at(1, 1, 0), nil},
			{P, "Tiny.", at(2, 1, 11), nil},
		}},
		{"last line is no heading", "A long first paragraph ends here.\nClosing words\n", []seg{
			{P, "A long first paragraph ends here.", at(1, 1, 0), nil},
			{P, "Closing words", at(2, 1, 34), nil},
		}},
		{"not headings", "ends with a period.\nStarts upper, ends with a colon:\nlower start is not a title\nThis line has far more than twelve words in it and so it is not a title at all\nA longer paragraph follows here, long enough for all of the lines above.\n", []seg{
			{P, "ends with a period.", at(1, 1, 0), nil},
			{P, "Starts upper, ends with a colon:\nlower start is not a title", at(2, 1, 20), nil},
			{P, "This line has far more than twelve words in it and so it is not a title at all", at(4, 1, 80), nil},
			{P, "A longer paragraph follows here, long enough for all of the lines above.", at(5, 1, 159), nil},
		}},
		{"link line is no heading", "Original: toutiao.com/article/7600286426932199955/\nStatement: This article represents the views of the author.\n", []seg{
			{P, "Original: toutiao.com/article/7600286426932199955/", at(1, 1, 0), []string{"toutiao.com/article/7600286426932199955/"}},
			{P, "Statement: This article represents the views of the author.", at(2, 1, 51), nil},
		}},
		{"hard wrap", "NATO was built in 1949 on a simple\nbut demanding premise: security\nis indivisible. It held.\nNext paragraph.\n", []seg{
			{P, "NATO was built in 1949 on a simple\nbut demanding premise: security\nis indivisible. It held.", at(1, 1, 0), nil},
			{P, "Next paragraph.", at(4, 1, 92), nil},
		}},
		{"sentence end stops the wrap", "It ended.\nthen a lower-case line\n", []seg{
			{P, "It ended.", at(1, 1, 0), nil},
			{P, "then a lower-case line", at(2, 1, 10), nil},
		}},
		{"blank line ends a paragraph", "first part of a\n\nsecond\n", []seg{
			{P, "first part of a", at(1, 1, 0), nil},
			{P, "second", at(3, 1, 17), nil},
		}},
		{"list items", "Core arguments follow below in a list:\n- NATO has lost its original function\n* starred item\n+ plus item\n• bullet item\n1. numbered item\n12) parenthesised item\n", []seg{
			{P, "Core arguments follow below in a list:", at(1, 1, 0), nil},
			{L, "NATO has lost its original function", at(2, 3, 41), nil},
			{L, "starred item", at(3, 3, 79), nil},
			{L, "plus item", at(4, 3, 94), nil},
			{L, "bullet item", at(5, 3, 108), nil},
			{L, "numbered item", at(6, 4, 123), nil},
			{L, "parenthesised item", at(7, 5, 141), nil},
		}},
		{"list item wraps", "- a list item that\n  wraps onto a second line\n- next\n", []seg{
			{L, "a list item that\n  wraps onto a second line", at(1, 3, 2), nil},
			{L, "next", at(3, 3, 48), nil},
		}},
		{"list marker lookalikes", "-dash glued\n2025. A year\n-\n1234567890. Ten digits\n", []seg{
			{P, "-dash glued", at(1, 1, 0), nil},
			{L, "A year", at(2, 7, 18), nil}, // as in CommonMark: up to nine digits
			{P, "-", at(3, 1, 25), nil},
			{P, "1234567890. Ten digits", at(4, 1, 27), nil},
		}},
		{"indent and trailing space trimmed", "   indented text.  \t\n", []seg{
			{P, "indented text.", at(1, 4, 3), nil},
		}},
		{"crlf", "Title Line Here\r\nA wrapped body line\r\ncontinues here.\r\n", []seg{
			{H, "Title Line Here", at(1, 1, 0), nil},
			{P, "A wrapped body line\ncontinues here.", at(2, 1, 17), nil},
		}},
		{"bom", "\uFEFFUS is酝酿 Leaving NATO\nThe body is a longer line than the title.", []seg{
			{H, "US is酝酿 Leaving NATO", at(1, 1, 3), nil},
			{P, "The body is a longer line than the title.", at(2, 1, 28), nil},
		}},
		{"links and e-mail", "See https://www.nato.int/cps/en/natohq/topics_110496.htm, www.nato.int and press@hq.nato.int (or <mailto:a@b.org>).\n", []seg{
			{P, "See https://www.nato.int/cps/en/natohq/topics_110496.htm, www.nato.int and press@hq.nato.int (or <mailto:a@b.org>).", at(1, 1, 0),
				[]string{"https://www.nato.int/cps/en/natohq/topics_110496.htm", "www.nato.int", "press@hq.nato.int", "mailto:a@b.org"}},
		}},
		{"cjk text around a link", "详见https://nato.int。\n", []seg{
			{P, "详见https://nato.int。", at(1, 1, 0), []string{"https://nato.int"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			readAndCheck(t, "t.txt", "text", tt.data, tt.want)
		})
	}
}

// TestReadTextSeeds reads the client's two seed articles.
func TestReadTextSeeds(t *testing.T) {
	tests := []struct {
		file      string
		segments  int
		headings  []string
		listItems int
	}{
		{"samples/000_0c19f8692f25b57c.txt", 5, nil, 0},
		{"samples/001_b2d8e521503d7cce.txt", 35, []string{
			"US is酝酿 Leaving NATO",
			"From Verbal Attacks to Direct Proposals to Halt",
			"Core Anti-NATO Arguments",
		}, 8},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ReadFile(tt.file, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkDocument(t, data, doc)
		var headings []string
		items := 0
		for _, s := range doc.Segments {
			switch s.Kind {
			case pipeline.Heading:
				headings = append(headings, s.Target)
			case pipeline.ListItem:
				items++
			}
		}
		if len(doc.Segments) != tt.segments || !slices.Equal(headings, tt.headings) || items != tt.listItems {
			t.Errorf("%s: %d segments, headings %q, %d list items; want %d, %q, %d",
				tt.file, len(doc.Segments), headings, items, tt.segments, tt.headings, tt.listItems)
		}
	}
}

// TestLocateInSeed finds the untranslated "酝酿" of the 001 title and the
// link of its last lines.
func TestLocateInSeed(t *testing.T) {
	doc, err := ReadFile("samples/001_b2d8e521503d7cce.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id, find string
		want     pipeline.Position
	}{
		{"1", "酝酿", at(1, 6, 5)},
		{"1", "Leaving", at(1, 9, 12)},
		{"34", "toutiao.com", at(35, 11, 8303)},
		{"35", "views", at(36, 40, 8383)},
	}
	for _, tt := range tests {
		i := slices.IndexFunc(doc.Segments, func(s pipeline.Segment) bool { return s.ID == tt.id })
		if i < 0 {
			t.Fatalf("no segment %s", tt.id)
		}
		s := &doc.Segments[i]
		off := strings.Index(s.Target, tt.find)
		if got := s.Locate(pipeline.Target, off); off < 0 || got != tt.want {
			t.Errorf("segment %s: %q at %+v, want %+v", tt.id, tt.find, got, tt.want)
		}
	}
}
