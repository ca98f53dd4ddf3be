package corpus

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// cell is one field of a TSV or CSV row: its text, where the text lies in
// the file, and the field as written (with its quotes, if any).
type cell struct {
	text   string
	loc    pipeline.Locator
	span   pipeline.Span
	quoted bool
}

// row is one record of a table, and the 1-based line it starts on.
type row struct {
	cells []cell
	line  int
}

// readTSV reads tab-separated values: a header row, then one segment a
// row. Fields are split at every tab, with no quoting: a field is the
// exact text between two tabs.
func readTSV(src *source, doc *pipeline.Document) (*codec, error) {
	return readTSVPart(src, doc, nil)
}

// tablePart is what a part of a table read piece by piece (Stream) needs
// from the parts before it: the columns that the header row (or
// Options.Columns) gave, and how many fields a row has.
type tablePart struct {
	resolved bool // the first part was read: cols and fields are set
	cols     tableColumns
	fields   int
}

// readTSVPart reads src, the whole of a TSV file (part is nil) or one part
// of it that starts and ends at line breaks.
func readTSVPart(src *source, doc *pipeline.Document, part *tablePart) (*codec, error) {
	var rows []row
	for l := range src.lineStarts() {
		line, off := src.line(l)
		if strings.TrimSpace(line) == "" && !strings.Contains(line, "\t") {
			continue
		}
		r := row{line: src.lineBase + l + 1}
		for start := 0; ; {
			end := strings.IndexByte(line[start:], '\t')
			if end < 0 {
				end = len(line)
			} else {
				end += start
			}
			r.cells = append(r.cells, cell{
				text: line[start:end],
				loc:  pipeline.At(src.pos(off + start)),
				span: pipeline.Span{Start: off + start, End: off + end},
			})
			if end == len(line) {
				break
			}
			start = end + 1
		}
		if len(rows) > 0 && len(r.cells) != len(rows[0].cells) {
			return nil, src.errorf(off+len(line), "row has %d fields, the first row has %d", len(r.cells), len(rows[0].cells))
		}
		if part != nil && part.resolved && len(r.cells) != part.fields {
			return nil, src.errorf(off+len(line), "row has %d fields, the first row has %d", len(r.cells), part.fields)
		}
		rows = append(rows, r)
	}
	return readTablePart(src, doc, rows, encodeTSV, part)
}

// encodeTSV refuses what a TSV field cannot hold.
func encodeTSV(_ bool, target string) (string, error) {
	if strings.ContainsAny(target, "\t\n\r") {
		return "", errors.New("a TSV field cannot hold a tab or a line break")
	}
	return target, nil
}

// readCSV reads comma-separated values (RFC 4180, as encoding/csv reads
// them, without lazy quotes): a header row, then one segment a row.
func readCSV(src *source, doc *pipeline.Document) (*codec, error) {
	return readCSVPart(src, doc, nil)
}

// readCSVPart reads src, the whole of a CSV file (part is nil) or one part
// of it that starts and ends at line breaks outside quoted fields.
func readCSVPart(src *source, doc *pipeline.Document, part *tablePart) (*codec, error) {
	// lineStart returns the offset of the start of 1-based line l of the
	// text after the byte order mark, which is what encoding/csv reads.
	lineStart := func(l int) int {
		lines := src.lineStarts()
		if l <= 1 || l > len(lines) {
			return src.bom
		}
		return lines[l-1]
	}
	r := csv.NewReader(bytes.NewReader(src.data[src.bom:]))
	var rows []row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				off := min(lineStart(pe.Line)+max(pe.Column, 1)-1, len(src.data))
				for off > 0 && off < len(src.data) && !utf8.RuneStart(src.data[off]) {
					off--
				}
				return nil, src.errorf(off, "invalid CSV: %v", pe.Err)
			}
			return nil, fmt.Errorf("corpus: read %s: %w", src.path, err)
		}
		var rw row
		for f := range rec {
			line, col := r.FieldPos(f)
			c := csvCell(src, lineStart(line)+col-1)
			if c.text != rec[f] {
				return nil, src.errorf(c.span.Start, "internal error: CSV field %q read as %q", rec[f], c.text)
			}
			if f == 0 {
				rw.line = src.lineBase + line
			}
			rw.cells = append(rw.cells, c)
		}
		if part != nil && part.resolved && len(rw.cells) != part.fields {
			return nil, src.errorf(rw.cells[0].span.Start, "invalid CSV: %v", csv.ErrFieldCount) // as encoding/csv says it

		}
		rows = append(rows, rw)
	}
	return readTablePart(src, doc, rows, encodeCSV, part)
}

// csvCell reads the CSV field that starts at offset at: a quoted field,
// whose doubled quotes stand for one, and whose CRLF line breaks are read
// as LF (with an anchor after each), or an unquoted one up to the next
// comma or line break.
func csvCell(src *source, at int) cell {
	data := src.data
	c := cell{loc: pipeline.At(src.pos(at))}
	if at >= len(data) || data[at] != '"' {
		end := at
		for end < len(data) && data[end] != ',' && data[end] != '\n' {
			end++
		}
		if end > at && data[end-1] == '\r' && (end == len(data) || data[end] == '\n') {
			end--
		}
		c.text, c.span = string(data[at:end]), pipeline.Span{Start: at, End: end}
		return c
	}
	c.quoted = true
	c.loc = pipeline.At(src.pos(at + 1))
	var out []byte
	j := at + 1
	for j < len(data) {
		switch {
		case data[j] == '"' && j+1 < len(data) && data[j+1] == '"':
			out = append(out, '"')
			j += 2
			c.loc.Anchors = append(c.loc.Anchors, pipeline.Anchor{Off: len(out), Pos: src.pos(j)})
			continue
		case data[j] == '"':
			c.text, c.span = string(out), pipeline.Span{Start: at, End: j + 1}
			return c
		case data[j] == '\r' && j+1 < len(data) && data[j+1] == '\n':
			c.loc.Anchors = append(c.loc.Anchors, pipeline.Anchor{Off: len(out), Pos: src.pos(j + 1)})
			j++
			continue
		}
		out = append(out, data[j])
		j++
	}
	c.text, c.span = string(out), pipeline.Span{Start: at, End: j}
	return c
}

// encodeCSV quotes a field when it was quoted, or when it needs quotes as
// encoding/csv's Writer decides: it holds a comma, a quote, a carriage
// return or a line feed, starts with white space, or is `\.`.
func encodeCSV(quoted bool, target string) (string, error) {
	r, _ := utf8.DecodeRuneInString(target)
	if !quoted && !strings.ContainsAny(target, ",\"\r\n") && !(target != "" && unicode.IsSpace(r)) && target != `\.` {
		return target, nil
	}
	return `"` + strings.ReplaceAll(target, `"`, `""`) + `"`, nil
}

// tableColumns are the indexes of the columns of a table; -1 when absent.
type tableColumns struct {
	id, source, target, sourceLang, targetLang, context, note int
}

// columnNames are the header names (lower-case) each column is known by.
var columnNames = []struct {
	role  string
	names []string
}{
	{"id", []string{"id", "key"}},
	{"source", []string{"source", "src"}},
	{"target", []string{"target", "tgt", "translation"}},
	{"source_lang", []string{"source_lang"}},
	{"target_lang", []string{"target_lang"}},
	{"context", []string{"context"}},
	{"note", []string{"note", "notes", "comment", "comments"}},
}

// readTable makes the segments of a table's rows: the first row is the
// header (unless Columns.NoHeader), and every other row a segment.
func readTable(src *source, doc *pipeline.Document, rows []row, encode func(quoted bool, target string) (string, error)) (*codec, error) {
	return readTablePart(src, doc, rows, encode, nil)
}

// readTablePart is readTable for the whole of a table (part is nil) or
// for one part of it: the first part resolves the columns into part, and
// the later ones take them from it.
func readTablePart(src *source, doc *pipeline.Document, rows []row, encode func(quoted bool, target string) (string, error), part *tablePart) (*codec, error) {
	opt := src.opt.Columns
	var cols tableColumns
	if part != nil && part.resolved {
		cols = part.cols
	} else {
		if len(rows) == 0 {
			if opt.NoHeader {
				return &codec{}, nil
			}
			return nil, src.errorf(0, "no header row")
		}
		var header []cell
		if !opt.NoHeader {
			header, rows = rows[0].cells, rows[1:]
		}
		n := len(rowsOrHeader(rows, header))
		var err error
		if cols, err = resolveColumns(src, doc, header, n); err != nil {
			return nil, err
		}
		if part != nil {
			*part = tablePart{resolved: true, cols: cols, fields: n}
		}
	}
	quoted := map[string]bool{} // segment id -> its target field was quoted
	c := &codec{encode: func(seg *pipeline.Segment, target string) (string, error) {
		return encode(quoted[seg.ID], target)
	}}
	seen := map[string]int{} // id -> line
	at := func(r row, col int) cell {
		if col < 0 {
			return cell{}
		}
		return r.cells[col]
	}
	for _, r := range rows {
		seg := pipeline.Segment{ID: strconv.Itoa(r.line)}
		if id := at(r, cols.id).text; id != "" {
			seg.ID = id
		}
		if first, dup := seen[seg.ID]; dup {
			return nil, fmt.Errorf("corpus: read %s: line %d: duplicate id %q (first on line %d)", src.path, r.line, seg.ID, first)
		}
		seen[seg.ID] = r.line
		s, t := at(r, cols.source), r.cells[cols.target]
		seg.Source, seg.SourceLoc = s.text, s.loc
		seg.Target, seg.TargetLoc = t.text, t.loc
		if seg.Source == "" {
			seg.SourceLoc = pipeline.Locator{}
		}
		for _, l := range []struct {
			col int
			tag *language.Tag
		}{{cols.sourceLang, &seg.SourceLang}, {cols.targetLang, &seg.TargetLang}} {
			if c := at(r, l.col); strings.TrimSpace(c.text) != "" {
				tag, err := language.Parse(strings.TrimSpace(c.text))
				if err != nil {
					return nil, src.errorf(c.span.Start, "invalid language %q: %v", c.text, err)
				}
				*l.tag = tag
			}
		}
		seg.Context = at(r, cols.context).text
		if n := at(r, cols.note).text; n != "" {
			seg.Notes = []string{n}
		}
		seg.SourceSkip = linkSpans(seg.Source)
		seg.TargetSkip = linkSpans(seg.Target)
		quoted[seg.ID] = t.quoted
		doc.Segments = append(doc.Segments, seg)
		c.slots = append(c.slots, Slot{Span: t.span})
	}
	return c, nil
}

func rowsOrHeader(rows []row, header []cell) []cell {
	if header != nil {
		return header
	}
	return rows[0].cells
}

// langColumn matches header names that are language tags: "en", "zh",
// "zh-Hans", "pt_BR".
var langColumn = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$`)
})

// resolveColumns finds the columns of a table with n fields a row, from
// Options.Columns, the names of header (nil without one), or language
// tags as column names.
func resolveColumns(src *source, doc *pipeline.Document, header []cell, n int) (tableColumns, error) {
	opt := src.opt.Columns
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = strings.ToLower(strings.TrimSpace(h.text))
	}
	cols := tableColumns{-1, -1, -1, -1, -1, -1, -1}
	ptr := map[string]*int{
		"id": &cols.id, "source": &cols.source, "target": &cols.target,
		"source_lang": &cols.sourceLang, "target_lang": &cols.targetLang,
		"context": &cols.context, "note": &cols.note,
	}
	given := map[string]string{
		"id": opt.ID, "source": opt.Source, "target": opt.Target,
		"source_lang": opt.SourceLang, "target_lang": opt.TargetLang,
	}
	used := make([]bool, n)
	for _, cn := range columnNames {
		p := ptr[cn.role]
		if g := strings.TrimSpace(given[cn.role]); g != "" {
			if k, err := strconv.Atoi(g); err == nil {
				if k < 1 || k > n {
					return cols, fmt.Errorf("corpus: read %s: %s column %d: the rows have %d fields", src.path, cn.role, k, n)
				}
				*p = k - 1
			} else if header == nil {
				return cols, fmt.Errorf("corpus: read %s: %s column %q: without a header row, columns are given by number", src.path, cn.role, g)
			} else if *p = indexOf(names, strings.ToLower(g)); *p < 0 {
				return cols, fmt.Errorf("corpus: read %s: no %s column %q (columns: %s)", src.path, cn.role, g, strings.Join(names, ", "))
			}
		} else {
			for _, name := range cn.names {
				if k := indexOf(names, name); k >= 0 && !used[k] {
					*p = k
					break
				}
			}
		}
		if *p >= 0 {
			used[*p] = true
		}
	}
	if cols.target < 0 && header != nil {
		if err := languageColumns(src, doc, names, used, &cols); err != nil {
			return cols, err
		}
	}
	if cols.target < 0 {
		return cols, fmt.Errorf("corpus: read %s: no target column: name it \"target\" (or \"tgt\", \"translation\"), or by its language with the target language given (columns: %s)", src.path, strings.Join(names, ", "))
	}
	return cols, nil
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// languageColumns finds the source and target columns among columns named
// by language tags: the target is the column of the document's target
// language, the source that of its source language (or the one other
// language column). Without languages, of two language columns, English
// is the target when the other is not English. Where the document has no
// languages, it takes those of the columns.
func languageColumns(src *source, doc *pipeline.Document, names []string, used []bool, cols *tableColumns) error {
	var idx []int
	var tags []language.Tag
	for i, name := range names {
		if used[i] || !langColumn().MatchString(name) {
			continue
		}
		tag, err := language.Parse(strings.ReplaceAll(name, "_", "-"))
		if err != nil {
			continue
		}
		idx, tags = append(idx, i), append(tags, tag)
	}
	if len(idx) == 0 {
		return nil
	}
	src1, tgt := -1, -1
	switch {
	case doc.TargetLang != language.Und:
		tgt = matchTag(tags, doc.TargetLang)
		if doc.SourceLang != language.Und {
			src1 = matchTag(tags, doc.SourceLang)
		} else if len(idx) == 2 && tgt >= 0 {
			src1 = 1 - tgt
		}
	case doc.SourceLang != language.Und:
		src1 = matchTag(tags, doc.SourceLang)
		if len(idx) == 2 && src1 >= 0 {
			tgt = 1 - src1
		}
	case len(idx) == 2:
		en0, en1 := isEnglish(tags[0]), isEnglish(tags[1])
		if en0 != en1 {
			tgt = 1
			if en0 {
				tgt = 0
			}
			src1 = 1 - tgt
		}
	}
	if tgt < 0 {
		return fmt.Errorf("corpus: read %s: columns %s are languages: give the target language to say which is the target", src.path, strings.Join(names, ", "))
	}
	cols.target = idx[tgt]
	if doc.TargetLang == language.Und {
		doc.TargetLang = tags[tgt]
	}
	if src1 >= 0 && cols.source < 0 {
		cols.source = idx[src1]
		if doc.SourceLang == language.Und {
			doc.SourceLang = tags[src1]
		}
	}
	return nil
}

// matchTag returns the index of the tag in tags that is want, or else the
// one tag with want's base language; -1 when there is none or several.
func matchTag(tags []language.Tag, want language.Tag) int {
	for i, t := range tags {
		if t == want {
			return i
		}
	}
	wb, _ := want.Base()
	found := -1
	for i, t := range tags {
		if b, _ := t.Base(); b == wb {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

func isEnglish(t language.Tag) bool {
	b, _ := t.Base()
	return b.String() == "en"
}
