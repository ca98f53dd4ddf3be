package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tqa-project/tqa/pipeline"
)

// poString is the text of a keyword's string literals, joined.
type poString struct {
	text       string
	loc        pipeline.Locator
	codes      []pipeline.Code
	start, end int // from the first literal's opening quote to the last's closing one
}

// poEntry is one message of a PO file.
type poEntry struct {
	translator, extracted []string // comment lines
	fuzzy                 bool
	ctx                   *poString // nil without msgctxt
	id, plural            *poString // plural nil without msgid_plural
	strs                  []*poString
	start                 int // the first keyword
	obsolete              bool
}

// poReader reads one PO file.
type poReader struct {
	src *source
	lex *poLexer
	cur *walkCursor
	tok poToken // the next token
}

func (r *poReader) advance() error {
	var err error
	r.tok, err = r.lex.next()
	return err
}

// readPO reads a gettext PO or POT file; the package documentation
// (doc.go) says how.
func readPO(src *source, doc *pipeline.Document) (*codec, error) {
	r := &poReader{src: src, lex: newPOLexer(src), cur: newWalkCursor(src)}
	if err := r.advance(); err != nil {
		return nil, err
	}
	w := poWriter{nl: map[string]string{}}
	// One segment per msgstr, about: sized once, since a Segment is large.
	n := bytes.Count(src.data, []byte("msgstr"))
	doc.Segments = slices.Grow(doc.Segments, n)
	slots := make([]Slot, 0, n)
	seen := make(map[string]int, n) // key -> line
	header := true                  // the next message may be the header
	pluralForms := ""
	for r.tok.kind != poTokEOF {
		e, err := r.entry()
		if err != nil {
			return nil, err
		}
		if e == nil || e.obsolete {
			continue
		}
		key := e.id.text
		if e.ctx != nil {
			key = e.ctx.text + "\x04" + key
		}
		line := lineOf(src, e.start)
		if first, dup := seen[key]; dup {
			return nil, fmt.Errorf("corpus: read %s: line %d: duplicate message (first on line %d)", src.path, line, first)
		}
		seen[key] = line
		if header && key == "" {
			pluralForms = r.header(e, doc)
			header = false
			continue
		}
		header = false
		sum := sha256.Sum256([]byte(key))
		id := "po:" + hex.EncodeToString(sum[:6])
		for n, str := range e.strs {
			seg := pipeline.Segment{
				ID:          id,
				Source:      e.id.text,
				SourceLoc:   e.id.loc,
				SourceCodes: e.id.codes,
				Target:      str.text,
				TargetLoc:   str.loc,
				TargetCodes: str.codes,
			}
			if e.plural != nil {
				seg.ID += "[" + strconv.Itoa(n) + "]"
				if n > 0 {
					seg.Source, seg.SourceLoc, seg.SourceCodes = e.plural.text, e.plural.loc, e.plural.codes
				}
			}
			seg.SourceSkip = linkSpans(seg.Source)
			seg.TargetSkip = linkSpans(seg.Target)
			if e.ctx != nil {
				seg.Context = e.ctx.text
			}
			if e.fuzzy {
				seg.State = "fuzzy"
			}
			if len(e.translator) > 0 {
				seg.Notes = append(seg.Notes, strings.Join(e.translator, "\n"))
			}
			seg.Suppress = ignoreDirectives(e.translator)
			if len(e.extracted) > 0 {
				seg.Notes = append(seg.Notes, strings.Join(e.extracted, "\n"))
			}
			if e.plural != nil && pluralForms != "" {
				seg.Notes = append(seg.Notes, "Plural-Forms: "+pluralForms)
			}
			doc.Segments = append(doc.Segments, seg)
			slots = append(slots, Slot{Span: pipeline.Span{Start: str.start, End: str.end}})
			if nl := lineBreakAt(src.data, str.start); nl != "\n" {
				w.nl[seg.ID] = nl
			}
		}
	}
	return &codec{slots: slots, encode: w.encode}, nil
}

// entry reads the next message with the comments before it; it returns
// nil for comments at the end of the file.
func (r *poReader) entry() (*poEntry, error) {
	e := &poEntry{}
	for r.tok.kind == poTokComment {
		c := r.tok.text
		switch {
		case strings.HasPrefix(c, ","):
			for _, f := range strings.Split(c[1:], ",") {
				if strings.TrimSpace(f) == "fuzzy" {
					e.fuzzy = true
				}
			}
		case strings.HasPrefix(c, "."):
			e.extracted = append(e.extracted, strings.TrimPrefix(c[1:], " "))
		case strings.HasPrefix(c, ":"):
			// references: where the message is used in the program
		default:
			e.translator = append(e.translator, strings.TrimPrefix(c, " "))
		}
		if err := r.advance(); err != nil {
			return nil, err
		}
	}
	switch {
	case r.tok.kind == poTokEOF:
		return nil, nil
	case r.tok.kind == poTokKeyword && r.tok.text == "domain":
		if err := r.advance(); err != nil {
			return nil, err
		}
		_, err := r.literals("domain")
		return nil, err
	}
	e.start = r.tok.start
	e.obsolete = r.tok.obsolete
	var err error
	if r.is("msgctxt") {
		if e.ctx, err = r.keyword(); err != nil {
			return nil, err
		}
	}
	if !r.is("msgid") {
		return nil, r.want("msgid")
	}
	if e.id, err = r.keyword(); err != nil {
		return nil, err
	}
	if r.is("msgid_plural") {
		if e.plural, err = r.keyword(); err != nil {
			return nil, err
		}
	}
	for r.is("msgstr") {
		kw := r.tok
		if err := r.advance(); err != nil {
			return nil, err
		}
		name := "msgstr"
		switch {
		case r.tok.kind == poTokIndex && e.plural == nil:
			return nil, r.src.errorf(kw.start, "msgstr[%d] without msgid_plural", r.tok.n)
		case r.tok.kind == poTokIndex && r.tok.n != len(e.strs):
			return nil, r.src.errorf(kw.start, "msgstr[%d] where msgstr[%d] is due", r.tok.n, len(e.strs))
		case r.tok.kind == poTokIndex:
			name = fmt.Sprintf("msgstr[%d]", r.tok.n)
			if err := r.advance(); err != nil {
				return nil, err
			}
		case e.plural != nil:
			return nil, r.src.errorf(kw.start, "msgstr without an index after msgid_plural (want msgstr[%d])", len(e.strs))
		case len(e.strs) > 0:
			return nil, r.src.errorf(kw.start, "a second msgstr")
		}
		s, err := r.literals(name)
		if err != nil {
			return nil, err
		}
		e.strs = append(e.strs, s)
	}
	if len(e.strs) == 0 {
		return nil, r.want("msgstr")
	}
	return e, nil
}

// is reports whether the next token is the keyword kw.
func (r *poReader) is(kw string) bool {
	return r.tok.kind == poTokKeyword && r.tok.text == kw
}

// want returns the error for a token that is not the keyword kw.
func (r *poReader) want(kw string) error {
	what := map[poKind]string{poTokEOF: "the end of the file", poTokString: "a string", poTokIndex: "a plural index", poTokComment: "a comment"}[r.tok.kind]
	if r.tok.kind == poTokKeyword {
		what = r.tok.text
	}
	return r.src.errorf(r.tok.start, "want %s, found %s", kw, what)
}

// keyword reads a keyword and its strings.
func (r *poReader) keyword() (*poString, error) {
	name := r.tok.text
	if err := r.advance(); err != nil {
		return nil, err
	}
	return r.literals(name)
}

// literals reads the string literals after the keyword name and joins them.
func (r *poReader) literals(name string) (*poString, error) {
	if r.tok.kind != poTokString {
		return nil, r.src.errorf(r.tok.start, "%s needs a string", name)
	}
	s := &poString{start: r.tok.start}
	b := newAnchoredText(r.cur)
	for r.tok.kind == poTokString {
		if err := poDecode(r.src, b, &s.codes, r.tok.start, r.tok.end); err != nil {
			return nil, err
		}
		s.end = r.tok.end
		if err := r.advance(); err != nil {
			return nil, err
		}
	}
	s.text, s.loc = b.done(s.start + 1)
	return s, nil
}

// header reads the header entry: its Language sets the document's target
// language; it returns its Plural-Forms.
func (r *poReader) header(e *poEntry, doc *pipeline.Document) (pluralForms string) {
	if len(e.strs) == 0 {
		return ""
	}
	for _, line := range strings.Split(e.strs[0].text, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "Language":
			// "sr@latin", "de_DE.UTF-8": the modifier and charset are not
			// part of the language tag.
			v, _, _ = strings.Cut(v, "@")
			v, _, _ = strings.Cut(v, ".")
			if tag, ok := parseLangLoose(v); ok {
				doc.TargetLang = tag
			}
		case "Plural-Forms":
			pluralForms = v
		}
	}
	return pluralForms
}

// lineBreakAt returns the line break of the line that holds data[off].
func lineBreakAt(data []byte, off int) string {
	for i := off; i < len(data); i++ {
		if data[i] == '\n' {
			if i > 0 && data[i-1] == '\r' {
				return "\r\n"
			}
			return "\n"
		}
	}
	return "\n"
}
