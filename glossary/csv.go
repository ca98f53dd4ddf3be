package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// ParseCSV reads a glossary from CSV (comma-separated; tab-separated when
// name ends in .tsv). The first row names the columns; names are not case
// sensitive. Lines starting with # are comments. Two layouts are read.
//
// One term a row, with the columns term and lang (or language):
//
//	concept,term,lang,status,type,note
//	nac,North Atlantic Council,en,preferred,,
//	nac,NAC,en,admitted,acronym,
//	nac,Conseil de l'Atlantique Nord,fr,preferred,,
//
// Rows with the same concept (or id) value form one concept, in the order
// of their first row; a row with no concept value is a concept of its
// own. Optional term columns: status (preferred, admitted, deprecated,
// superseded, or TBX values such as deprecatedTerm-admn-sts), type
// (fullForm, acronym, abbreviation, shortForm, variant, phrase,
// appellation), pos (the part of speech; "verb" adds verb inflections),
// note, source and case_sensitive (yes or no). Optional concept columns:
// subject and definition (rows of one concept must not give different
// values).
//
// One concept a row, with a column for each language, named by its BCP 47
// tag (en, fr, zh-Hans); a term in such a column is preferred, and a
// column named lang:status (en:deprecated) holds terms of that status:
//
//	id,en,fr,en:deprecated
//	nac,North Atlantic Council,Conseil de l'Atlantique Nord,
//
// Optional columns: concept (or id), subject, definition, note and source,
// all of the concept. An empty cell has no term. Because the column id is
// the concept, write Indonesian as ind or id-ID.
//
// In both layouts a term's case sensitivity defaults as in ParseTBX, text
// is trimmed and white space runs become one space, unknown columns and
// control characters are errors, and errors are *ParseError values
// naming the file, line and column.
func ParseCSV(name string, r io.Reader) (*Glossary, error) {
	data, err := readAll(name, r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte{0xef, 0xbb, 0xbf})
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	if strings.EqualFold(filepath.Ext(name), ".tsv") {
		cr.Comma = '\t'
		cr.LazyQuotes = true
	}
	p := &csvParser{name: name, data: data, cr: cr, g: &Glossary{Name: name}, o: &origin{}, ids: map[string]int{}}
	if err := p.parse(); err != nil {
		return nil, err
	}
	setOrigin(p.g, p.o)
	return p.g, nil
}

type csvParser struct {
	name string
	data []byte
	cr   *csv.Reader
	n    int // fields in the last record
	g    *Glossary
	o    *origin
	ids  map[string]int // concept id → index
	// col holds the index of each known column, -1 when absent.
	col map[string]int
	// langCols are the language columns of the one-concept-a-row layout.
	langCols []langCol
}

type langCol struct {
	index  int
	tag    language.Tag
	status Status
}

// columns and their other names.
var csvColumns = map[string]string{
	"term": "term", "lang": "lang", "language": "lang",
	"concept": "concept", "id": "concept", "concept_id": "concept",
	"status": "status", "type": "type", "term_type": "type",
	"pos": "pos", "part_of_speech": "pos", "note": "note", "source": "source",
	"case_sensitive": "case_sensitive", "subject": "subject",
	"subject_field": "subject", "definition": "definition",
}

// termColumns only make sense in the one-term-a-row layout.
var termColumns = []string{"status", "type", "pos", "case_sensitive"}

// errAt returns a *ParseError at the start of field of the last record.
func (p *csvParser) errAt(field int, err error) error {
	field = max(0, min(field, p.n-1))
	line, col := p.cr.FieldPos(field)
	return p.errAtByte(line, col, err)
}

// errAtByte returns a *ParseError at a line and a column counted in bytes
// (as encoding/csv counts), turning the column into characters.
func (p *csvParser) errAtByte(line, col int, err error) error {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(p.data[start:], '\n')
		if i < 0 {
			break
		}
		start += i + 1
	}
	end := min(start+col-1, len(p.data))
	if col > 0 && start <= end {
		col = utf8.RuneCount(p.data[start:end]) + 1
	}
	return &ParseError{File: p.name, Line: line, Column: col, Err: err}
}

func (p *csvParser) read() ([]string, error) {
	rec, err := p.cr.Read()
	if err == io.EOF {
		return nil, err
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return nil, p.errAtByte(pe.Line, pe.Column, pe.Err)
	}
	if err != nil {
		return nil, fmt.Errorf("glossary: read %s: %w", p.name, err)
	}
	p.n = len(rec)
	for i, f := range rec {
		if err := checkText(f); err != nil {
			return nil, p.errAt(i, err)
		}
		rec[i] = collapse(f)
	}
	return rec, nil
}

// checkText rejects invalid UTF-8 and characters that XML (and so TBX)
// cannot hold.
func checkText(s string) error {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return errors.New("invalid UTF-8")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xfffe, r == 0xffff:
			return fmt.Errorf("control character %U", r)
		}
	}
	return nil
}

func (p *csvParser) parse() error {
	header, err := p.read()
	if err == io.EOF {
		return &ParseError{File: p.name, Line: 1, Err: errors.New("no header row")}
	}
	if err != nil {
		return err
	}
	if err := p.header(header); err != nil {
		return err
	}
	for {
		rec, err := p.read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if blank(rec) {
			continue
		}
		if p.col["term"] >= 0 {
			err = p.termRow(rec)
		} else {
			err = p.conceptRow(rec)
		}
		if err != nil {
			return err
		}
	}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if f != "" {
			return false
		}
	}
	return true
}

func (p *csvParser) header(h []string) error {
	p.col = map[string]int{}
	for _, name := range csvColumns {
		p.col[name] = -1
	}
	for i, raw := range h {
		name := strings.ToLower(raw)
		if c, ok := csvColumns[name]; ok {
			if p.col[c] >= 0 {
				return p.errAt(i, fmt.Errorf("column %q given twice", raw))
			}
			p.col[c] = i
			continue
		}
		tagText, statusText, hasStatus := strings.Cut(raw, ":")
		tag, err := language.Parse(tagText)
		if err != nil || raw == "" {
			return p.errAt(i, fmt.Errorf("unknown column %q (want term and lang, or one column a language such as en or zh-Hans)", raw))
		}
		lc := langCol{index: i, tag: tag}
		if hasStatus {
			if lc.status, err = ParseStatus(statusText); err != nil || statusText == "" {
				return p.errAt(i, fmt.Errorf("column %q: want language:status, such as en:deprecated", raw))
			}
		}
		p.langCols = append(p.langCols, lc)
	}
	switch {
	case p.col["term"] >= 0:
		if p.col["lang"] < 0 {
			return p.errAt(0, errors.New("a term column needs a lang column"))
		}
		if len(p.langCols) > 0 {
			return p.errAt(p.langCols[0].index, errors.New("language columns cannot be mixed with a term column"))
		}
	case len(p.langCols) == 0:
		return p.errAt(0, errors.New("no term column and no language column"))
	default:
		for _, c := range append(termColumns, "lang") {
			if i := p.col[c]; i >= 0 {
				return p.errAt(i, fmt.Errorf("column %q needs the term and lang columns (one term a row)", h[i]))
			}
		}
	}
	return nil
}

// field returns the value of a known column in rec, "" when absent.
func (p *csvParser) field(rec []string, name string) string {
	if i := p.col[name]; i >= 0 && i < len(rec) {
		return rec[i]
	}
	return ""
}

// concept returns the concept that a row with this id belongs to,
// creating it at line when new.
func (p *csvParser) concept(id string, line int) int {
	if id != "" {
		if ci, ok := p.ids[id]; ok {
			return ci
		}
		p.ids[id] = len(p.g.Concepts)
	}
	p.g.Concepts = append(p.g.Concepts, Concept{ID: id})
	p.o.concepts = append(p.o.concepts, line)
	p.o.terms = append(p.o.terms, nil)
	return len(p.g.Concepts) - 1
}

// conceptFields sets the concept columns of a row on concept ci.
func (p *csvParser) conceptFields(rec []string, ci int, withTermFields bool) error {
	c := &p.g.Concepts[ci]
	fields := []struct {
		name string
		dst  *string
	}{{"subject", &c.Subject}, {"definition", &c.Definition}}
	if !withTermFields {
		fields = append(fields, []struct {
			name string
			dst  *string
		}{{"note", &c.Note}, {"source", &c.Source}}...)
	}
	for _, f := range fields {
		v := p.field(rec, f.name)
		switch {
		case v == "" || *f.dst == v:
		case *f.dst == "":
			*f.dst = v
		default:
			line := p.o.concepts[ci]
			return p.errAt(p.col[f.name], fmt.Errorf("concept %q: %s %q differs from %q given on line %d", c.ID, f.name, v, *f.dst, line))
		}
	}
	return nil
}

func (p *csvParser) addTerm(ci int, t Term, caseSensitive string, line int) {
	if caseSensitive != "" {
		t.CaseSensitive, _ = parseYesNo(caseSensitive)
	} else {
		t.CaseSensitive = defaultCaseSensitive(t.Text, t.Type)
	}
	p.g.Concepts[ci].Terms = append(p.g.Concepts[ci].Terms, t)
	p.o.terms[ci] = append(p.o.terms[ci], line)
}

// termRow reads a row of the one-term-a-row layout.
func (p *csvParser) termRow(rec []string) error {
	line, _ := p.cr.FieldPos(0)
	t := Term{
		Text:         p.field(rec, "term"),
		PartOfSpeech: p.field(rec, "pos"),
		Note:         p.field(rec, "note"),
		Source:       p.field(rec, "source"),
	}
	if blankTerm(t.Text) {
		return p.errAt(p.col["term"], errEmptyTerm)
	}
	rawLang := p.field(rec, "lang")
	var err error
	if t.Lang, err = language.Parse(rawLang); err != nil {
		return p.errAt(p.col["lang"], fmt.Errorf("language %q: %w", rawLang, err))
	}
	if t.Status, err = ParseStatus(p.field(rec, "status")); err != nil {
		return p.errAt(p.col["status"], err)
	}
	if t.Type, err = ParseTermType(p.field(rec, "type")); err != nil {
		return p.errAt(p.col["type"], err)
	}
	cs := p.field(rec, "case_sensitive")
	if cs != "" {
		if _, err := parseYesNo(cs); err != nil {
			return p.errAt(p.col["case_sensitive"], err)
		}
	}
	ci := p.concept(p.field(rec, "concept"), line)
	if err := p.conceptFields(rec, ci, true); err != nil {
		return err
	}
	p.addTerm(ci, t, cs, line)
	return nil
}

// conceptRow reads a row of the one-concept-a-row layout.
func (p *csvParser) conceptRow(rec []string) error {
	line, _ := p.cr.FieldPos(0)
	ci := p.concept(p.field(rec, "concept"), line)
	if err := p.conceptFields(rec, ci, false); err != nil {
		return err
	}
	for _, lc := range p.langCols {
		if lc.index >= len(rec) || rec[lc.index] == "" {
			continue
		}
		if blankTerm(rec[lc.index]) {
			return p.errAt(lc.index, errEmptyTerm)
		}
		p.addTerm(ci, Term{Text: rec[lc.index], Lang: lc.tag, Status: lc.status}, "", line)
	}
	return nil
}
