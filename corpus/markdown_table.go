package corpus

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownTables turns a paragraph that holds a GitHub table (a header
// row, a delimiter row such as "|---|:--:|", body rows) into a table of
// cells, as goldmark's table extension does. The reader needs the cells'
// lines only, so this is goldmark's table paragraph transformer without
// what serves its renderer; having it here keeps the extension package,
// whose package variables (regular expressions of Linkify, the tasklist
// and tables, HTML attribute filters) cost several milliseconds at every
// start of tqa, out of the program. markdown_table_test.go checks that it
// builds the same cells as the extension.
type markdownTables struct{}

// Transform implements parser.ParagraphTransformer. The first line that
// is a delimiter row with as many columns as the line before it has cells
// makes that line the header and every line after it a row; the lines
// before the header stay a paragraph. A delimiter row whose header has
// another number of cells ends the search.
func (markdownTables) Transform(para *ast.Paragraph, reader gtext.Reader, _ parser.Context) {
	lines := para.Lines()
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		aligns := tableAlignments(delim.Value(src))
		if aligns == nil {
			continue
		}
		header := tableRow(lines.At(i-1), aligns, true, src)
		if header.ChildCount() != len(aligns) {
			return
		}
		table := east.NewTable()
		table.Alignments = aligns
		table.SetPos(para.Pos())
		table.AppendChild(table, east.NewTableHeader(header))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, tableRow(lines.At(j), aligns, false, src))
		}
		parent := para.Parent()
		lines.SetSliced(0, i-1)
		parent.InsertAfter(parent, para, table)
		if lines.Len() == 0 {
			parent.RemoveChild(parent, para)
		} else {
			// the paragraph's last line loses its line break
			last := lines.At(i - 2)
			last.Stop--
			lines.Set(i-2, last)
		}
		return
	}
}

// tableAlignments returns the column alignments of a delimiter row, nil
// when line is none: at most three columns of indentation, then only
// white space, "|", ":" and "-" (not "-" alone), and between the pipes
// columns of the form ":?-+:?" within white space.
func tableAlignments(line []byte) []east.Alignment {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return nil
	}
	dashes := true
	for _, b := range line {
		switch {
		case b == '-':
		case util.IsSpace(b) || b == '|' || b == ':':
			dashes = false
		default:
			return nil
		}
	}
	if dashes {
		return nil
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var aligns []east.Alignment
	for _, col := range cols {
		a, ok := columnAlignment(util.TrimRightSpace(util.TrimLeftSpace(col)))
		if !ok {
			return nil
		}
		aligns = append(aligns, a)
	}
	return aligns
}

// columnAlignment reads one delimiter column without its white space:
// "---" none, ":--" left, "--:" right, ":-:" center.
func columnAlignment(col []byte) (east.Alignment, bool) {
	left := len(col) > 0 && col[0] == ':'
	if left {
		col = col[1:]
	}
	right := len(col) > 0 && col[len(col)-1] == ':'
	if right {
		col = col[:len(col)-1]
	}
	if len(col) == 0 || bytes.Count(col, []byte{'-'}) != len(col) {
		return east.AlignNone, false
	}
	switch {
	case left && right:
		return east.AlignCenter, true
	case left:
		return east.AlignLeft, true
	case right:
		return east.AlignRight, true
	}
	return east.AlignNone, true
}

// tableRow splits one line of a table into cells at the pipes that no
// backslash escapes, without the pipes that open and close the line. A
// body row keeps as many cells as the table has columns, dropping extra
// ones and adding empty ones; a header keeps all of its cells.
func tableRow(seg gtext.Segment, aligns []east.Alignment, header bool, src []byte) *east.TableRow {
	row := east.NewTableRow(aligns)
	row.SetPos(seg.Start)
	text := seg.TrimLeftSpace(src)
	text = text.TrimRightSpace(src)
	line := text.Value(src)
	from, to := 0, len(line)
	if to > 0 && line[0] == '|' {
		from++
	}
	if to > 0 && line[to-1] == '|' {
		to--
	}
	col := 0
	for ; from < to; col++ {
		align := east.AlignNone
		if col < len(aligns) {
			align = aligns[col]
		} else if !header {
			return row
		}
		end := from
		for end < to && (line[end] != '|' || end > 0 && line[end-1] == '\\') {
			end++
		}
		cell := east.NewTableCell()
		cell.SetPos(seg.Start + from - seg.Padding)
		cell.Alignment = align
		c := gtext.NewSegment(text.Start+from, text.Start+end)
		c = c.TrimLeftSpace(src)
		cell.Lines().Append(c.TrimRightSpace(src))
		row.AppendChild(row, cell)
		from = end + 1
	}
	for ; col < len(aligns); col++ {
		row.AppendChild(row, east.NewTableCell())
	}
	return row
}
