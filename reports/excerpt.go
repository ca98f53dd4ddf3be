package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/tqa-project/tqa/pipeline"
)

// excerptColumns is about how many display columns of a line the text
// format shows around a finding; longer lines are clipped, and "…" marks
// what was left out.
const excerptColumns = 80

const ellipsis = "…" // East Asian Width "ambiguous": one column in Western terminals

// cell is one character of a line as a terminal shows it.
type cell struct {
	off   int    // byte offset of the character in the line
	show  rune   // what is printed for it
	label string // printed instead of show when set: an inline code's label
	col   int    // display column where it starts, 0-based
	width int    // display columns it takes: 0, 1 or 2, or the label's length
}

// displayWidth returns how many terminal columns r takes: two for East
// Asian wide and fullwidth characters, none for combining marks and format
// characters (zero-width joiners, direction marks), one otherwise.
func displayWidth(r rune) int {
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// visible returns how r is shown in a terminal, and its width: control
// characters (which could move the cursor or change colours) become their
// Unicode control pictures, so that input text can never act on the
// terminal; a tab becomes a space.
func visible(r rune) (rune, int) {
	switch {
	case r >= 0x20 && r < 0x7f:
		return r, 1
	case r == '\t':
		return ' ', 1
	case r < 0x20:
		return 0x2400 + r, 1 // ␀ … ␟
	case r == 0x7f:
		return '\u2421', 1 // ␡
	case r >= 0x80 && r < 0xa0, r == utf8.RuneError:
		return '\ufffd', 1
	case r == '\u2028' || r == '\u2029':
		return '\u21b5', 1 // ↵: a line or paragraph separator
	}
	return r, displayWidth(r)
}

// sanitize makes a one-line field (a path, a message) safe to print: control
// characters and line breaks become visible symbols.
func sanitize(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		show, _ := visible(r)
		b.WriteRune(show)
	}
	return b.String()
}

// cells splits a line into the characters a terminal shows, appending
// them to cs. codes are the inline codes of the text the line belongs to,
// and base is the line's byte offset in that text: the CodeRune of each
// code shows as the code's label (terminalCodeLabel: "⟨g⟩", "⟨/g⟩",
// "⟨x/⟩").
func cells(cs []cell, line string, codes []pipeline.Code, base int) []cell {
	col := 0
	for off, r := range line {
		show, w := visible(r)
		c := cell{off: off, show: show, col: col, width: w}
		if r == pipeline.CodeRune {
			for i := range codes {
				if codes[i].Span.Start == base+off {
					c.label = sanitize(terminalCodeLabel(&codes[i]))
					c.width = 0
					for _, r := range c.label {
						c.width += displayWidth(r)
					}
					break
				}
			}
		}
		cs = append(cs, c)
		col += c.width
	}
	return cs
}

// excerpt is the part of a segment's text shown under a finding: one line
// and the underline of the flagged text, without indentation or colour.
type excerpt struct {
	text      string
	pad       int // display columns before the underline
	underline int // display columns underlined, at least 1
}

// lineOf returns the line of text that contains byte offset off, as the
// byte range [start, end) without its line terminator.
func lineOf(text string, off int) (start, end int) {
	start = strings.LastIndexByte(text[:off], '\n') + 1
	end = len(text)
	if i := strings.IndexByte(text[off:], '\n'); i >= 0 {
		end = off + i
	}
	if end > start && text[end-1] == '\r' && end < len(text) {
		end--
	}
	return start, end
}

// terminalCodeLabel is how the text report shows an inline code: the
// HTML report's label in mathematical angle brackets, one column each
// ("⟨g⟩", "⟨/g⟩", "⟨x/⟩"), so that a code never reads like the same
// characters written out in the text ("&lt;b&gt;" in an XLIFF segment
// is the text "<b>", and shows as such).
func terminalCodeLabel(c *pipeline.Code) string {
	l := codeLabel(c)
	return "⟨" + l[1:len(l)-1] + "⟩"
}

// makeExcerpt returns the excerpt for the span [start, end) of text: the
// line where the span starts, clipped to about excerptColumns columns around
// the span, and the underline of the part of the span on that line. codes
// are the text's inline codes, shown by their labels.
func makeExcerpt(text string, codes []pipeline.Code, start, end int) excerpt {
	ex, _ := makeExcerptBuf(text, codes, start, end, nil)
	return ex
}

// makeExcerptBuf is makeExcerpt with a scratch buffer for the cells of the
// line, returned for the next call.
func makeExcerptBuf(text string, codes []pipeline.Code, start, end int, buf []cell) (excerpt, []cell) {
	ls, le := lineOf(text, start)
	line := text[ls:le]
	s, e := start-ls, min(end, le)-ls
	if s > len(line) { // the span starts on the '\r' of a CRLF
		s = len(line)
	}
	e = max(e, s)

	cs := cells(buf[:0], line, codes, ls)
	total := 0
	if n := len(cs); n > 0 {
		total = cs[n-1].col + cs[n-1].width
	}
	sc, ec := column(cs, s, total), column(cs, e, total) // display columns of the span

	// The window [left, right) of display columns to show.
	left, right := 0, total
	if total > excerptColumns {
		span := ec - sc
		if span >= excerptColumns-10 {
			left = sc - 10 // show a little context before a long span
		} else {
			left = sc - (excerptColumns-span)/2
		}
		left = max(left, 0)
		right = left + excerptColumns
		if right > total {
			right = total
			left = max(total-excerptColumns, 0)
		}
	}

	var b strings.Builder
	first, last := -1, -1
	for i, c := range cs {
		in := c.col+c.width <= right && (c.col > left || c.col == left && (c.width > 0 || left == 0))
		if !in {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	shownLeft, shownRight := total, total // display columns actually shown
	if first >= 0 {
		shownLeft = cs[first].col
		shownRight = cs[last].col + cs[last].width
	}
	pad := 0
	if shownLeft > 0 {
		b.WriteString(ellipsis)
		pad = 1
	}
	if first >= 0 {
		for _, c := range cs[first : last+1] {
			if c.label != "" {
				b.WriteString(c.label)
			} else {
				b.WriteRune(c.show)
			}
		}
	}
	if shownRight < total {
		b.WriteString(ellipsis)
	}
	sc = min(max(sc, shownLeft), shownRight)
	ec = min(max(ec, sc), shownRight)
	return excerpt{text: b.String(), pad: pad + sc - shownLeft, underline: max(ec-sc, 1)}, cs
}

// column returns the display column where byte offset off of the line
// starts (total when off is the end of the line).
func column(cs []cell, off, total int) int {
	for _, c := range cs {
		if c.off >= off {
			return c.col
		}
	}
	return total
}
