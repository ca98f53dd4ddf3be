package corpus

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// tmxReader reads one TMX file.
type tmxReader struct {
	src *source
	sc  *tmxScanner
	cur *walkCursor
	doc *pipeline.Document

	headerSrc string // srclang of the header, as written
	// targetLang is the target language that picks a tuv: the document's
	// (from Options) or else the language of the first target found.
	targetLang  string
	targetTag   language.Tag
	targetGiven bool // targetLang comes from the document, not the file

	tus     []tmxTU
	ids     map[string]int // segment id -> line of its tu
	slots   []Slot
	missing []tmxMissing            // segments whose tu has no target tuv
	langs   map[string]language.Tag // xml:lang -> its tag, parsed once
}

// lang returns the tag of an xml:lang value, language.Und if invalid.
func (r *tmxReader) lang(s string) language.Tag {
	tag, ok := r.langs[s]
	if !ok {
		tag, _ = parseLangLoose(s)
		r.langs[s] = tag
	}
	return tag
}

// tmxTUV is one <tuv> of a <tu>.
type tmxTUV struct {
	lang       string
	start, end int // the element
	endPos     pipeline.Position
	notes      []string
	seg        *tmxSeg
}

// tmxMissing is a segment whose target tuv is to be inserted after the
// source tuv, which starts at tuvStart.
type tmxMissing struct {
	seg, tuvStart int
}

// readTMX reads a TMX document; the package documentation (doc.go) says
// how.
func readTMX(src *source, doc *pipeline.Document) (*codec, error) {
	r := &tmxReader{src: src, sc: newTMXScanner(src), cur: newWalkCursor(src), doc: doc,
		ids: map[string]int{}, langs: map[string]language.Tag{}}
	root, err := r.root()
	if err != nil {
		return nil, err
	}
	_, err = r.children(root, func(el tmxToken) error {
		switch el.name {
		case "header":
			return r.header(el)
		case "body":
			_, err := r.children(el, func(el tmxToken) error {
				if el.name == "tu" {
					return r.tu(el)
				}
				return r.skip(el)
			})
			return err
		}
		return r.skip(el)
	})
	if err != nil {
		return nil, err
	}
	if err := r.epilog(); err != nil {
		return nil, err
	}
	if err := r.segments(); err != nil {
		return nil, err
	}
	return r.codec(), nil
}

// root skips the prolog and returns the root element, which must be <tmx>.
func (r *tmxReader) root() (tmxToken, error) {
	for {
		t, err := r.sc.next()
		if err != nil {
			return t, err
		}
		switch t.kind {
		case tmxEOF:
			return t, r.src.errorf(t.start, "not a TMX file: no <tmx> element")
		case tmxText:
			if err := r.space(t, "before <tmx>"); err != nil {
				return t, err
			}
		case tmxStart:
			if t.name != "tmx" {
				return t, r.src.errorf(t.start, "not a TMX file: the root element is <%s>, want <tmx>", t.name)
			}
			return t, nil
		case tmxEnd:
			return t, r.src.errorf(t.start, "unexpected </%s>", t.name)
		}
	}
}

// epilog checks that only comments, processing instructions and white
// space follow the root element.
func (r *tmxReader) epilog() error {
	for {
		t, err := r.sc.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tmxEOF:
			return nil
		case tmxText:
			if err := r.space(t, "after </tmx>"); err != nil {
				return err
			}
		case tmxStart, tmxEnd, tmxDoctype:
			return r.src.errorf(t.start, "markup after </tmx>")
		}
	}
}

// space checks that a text token outside the root element is white space.
func (r *tmxReader) space(t tmxToken, where string) error {
	for i := t.start; i < t.end; i++ {
		if !tmxIsSpace(r.src.data[i]) {
			return r.src.errorf(i, "text %s", where)
		}
	}
	return nil
}

// children calls fn for each child element of parent, which must read the
// whole child (or skip it), and returns the end tag of parent. Text
// between the children is checked but not kept: TMX containers hold no
// text.
func (r *tmxReader) children(parent tmxToken, fn func(el tmxToken) error) (tmxToken, error) {
	if parent.empty {
		return parent, nil
	}
	for {
		t, err := r.sc.next()
		if err != nil {
			return t, err
		}
		switch t.kind {
		case tmxEnd:
			return t, nil
		case tmxStart:
			if err := fn(t); err != nil {
				return t, err
			}
		case tmxText:
			if err := r.sc.chars(t.start, t.end, false, func(a, b int) {}, func(string, int, int) {}); err != nil {
				return t, err
			}
		case tmxDoctype:
			return t, r.src.errorf(t.start, "DOCTYPE inside <%s>", parent.name)
		}
	}
}

// skip reads past the element el.
func (r *tmxReader) skip(el tmxToken) error {
	_, err := r.content(el, nil)
	return err
}

// content reads the element el to its end and returns its text: the
// character data of el and of its descendants, decoded. With out nil, the
// text is only checked.
func (r *tmxReader) content(el tmxToken, out []byte) ([]byte, error) {
	if el.empty {
		return out, nil
	}
	keep := func(a, b int) { out = append(out, r.src.data[a:b]...) }
	dec := func(s string, a, b int) { out = append(out, s...) }
	for {
		t, err := r.sc.next()
		if err != nil {
			return out, err
		}
		switch t.kind {
		case tmxEnd:
			if t.depth < el.depth {
				return out, nil
			}
		case tmxText:
			if err := r.sc.chars(t.start, t.end, false, keep, dec); err != nil {
				return out, err
			}
		case tmxCDATA:
			a, b := t.inner()
			if err := r.sc.chars(a, b, false, keep, dec); err != nil {
				return out, err
			}
		case tmxDoctype:
			return out, r.src.errorf(t.start, "DOCTYPE inside <%s>", el.name)
		}
	}
}

// text returns the text content of the element el.
func (r *tmxReader) text(el tmxToken) (string, error) {
	b, err := r.content(el, []byte{})
	return strings.TrimSpace(string(b)), err
}

// header reads the <header> element: its srclang.
func (r *tmxReader) header(el tmxToken) error {
	r.headerSrc = strings.TrimSpace(tmxAttrValue(el, "srclang"))
	if tag, ok := parseLangLoose(r.headerSrc); ok {
		r.doc.SourceLang = tag
	}
	return r.skip(el)
}

// note reads a <note> or <prop> into a note.
func (r *tmxReader) note(el tmxToken) (string, error) {
	text, err := r.text(el)
	if err != nil || el.name == "note" {
		return text, err
	}
	if typ, ok := el.attr("type"); ok {
		text = typ + ": " + text
	}
	return text, nil
}

// tmxTU is one <tu>, read but not yet made a segment.
type tmxTU struct {
	el    tmxToken
	tuvs  []tmxTUV
	notes []string
}

// tu reads a <tu>.
func (r *tmxReader) tu(el tmxToken) error {
	tu := tmxTU{el: el}
	_, err := r.children(el, func(c tmxToken) error {
		switch c.name {
		case "note", "prop":
			n, err := r.note(c)
			if n != "" {
				tu.notes = append(tu.notes, n)
			}
			return err
		case "tuv":
			tuv, err := r.tuv(c)
			tu.tuvs = append(tu.tuvs, tuv)
			return err
		}
		return r.skip(c)
	})
	if err != nil {
		return err
	}
	if len(tu.tuvs) == 0 {
		return r.src.errorf(el.start, "<tu> has no <tuv>")
	}
	r.tus = append(r.tus, tu)
	return nil
}

// tuv reads a <tuv>.
func (r *tmxReader) tuv(el tmxToken) (tmxTUV, error) {
	tuv := tmxTUV{start: el.start}
	lang, ok := el.attr("xml:lang")
	if !ok {
		lang, ok = el.attr("lang") // TMX 1.1 to 1.3
	}
	tuv.lang = strings.TrimSpace(lang)
	if !ok || tuv.lang == "" {
		return tuv, r.src.errorf(el.start, "<tuv> has no xml:lang")
	}
	end, err := r.children(el, func(c tmxToken) error {
		switch c.name {
		case "note", "prop":
			n, err := r.note(c)
			if n != "" {
				tuv.notes = append(tuv.notes, n)
			}
			return err
		case "seg":
			if tuv.seg != nil {
				return r.src.errorf(c.start, "a second <seg> in <tuv>")
			}
			var err error
			tuv.seg, err = r.seg(c)
			return err
		}
		return r.skip(c)
	})
	if err != nil {
		return tuv, err
	}
	tuv.end = end.end
	tuv.endPos = r.cur.pos(end.end)
	if tuv.seg == nil {
		return tuv, r.src.errorf(el.start, "<tuv xml:lang=%q> has no <seg>", tuv.lang)
	}
	return tuv, nil
}

// segments makes the segments of the tus, once the languages are known.
func (r *tmxReader) segments() error {
	sources := make([]int, len(r.tus))
	for k, tu := range r.tus {
		si, err := r.pickSource(tu.el, tu.tuvs)
		if err != nil {
			return err
		}
		sources[k] = si
	}
	// A target language given for documents that do not give their own
	// counts only if some tu has a tuv in it.
	if lang := r.doc.TargetLang; lang != language.Und {
		for k, tu := range r.tus {
			if tmxMatchLang(tu.tuvs, lang.String(), sources[k]) >= 0 {
				r.targetLang, r.targetTag, r.targetGiven = lang.String(), lang, true
				break
			}
		}
	}
	docLang := false // whether the document's target language comes from the file
	for k, tu := range r.tus {
		ti, err := r.pickTarget(tu.el, tu.tuvs, sources[k])
		if err != nil {
			return err
		}
		if ti >= 0 && !docLang {
			docLang = true
			if tag, ok := parseLangLoose(tu.tuvs[ti].lang); ok {
				r.doc.TargetLang = tag
			}
		}
		if err := r.segment(tu, sources[k], ti); err != nil {
			return err
		}
	}
	return nil
}

// segment makes the segment of a tu from its source tuv si and its target
// tuv ti (-1 for none).
func (r *tmxReader) segment(tu tmxTU, si, ti int) error {
	el, tuvs := tu.el, tu.tuvs
	line := lineOf(r.src, el.start)
	id, ok := el.attr("tuid")
	if !ok || id == "" {
		id = strconv.Itoa(len(r.doc.Segments) + 1)
	}
	if first, dup := r.ids[id]; dup {
		return fmt.Errorf("corpus: read %s: line %d: duplicate tu %q (first on line %d)", r.src.path, line, id, first)
	}
	r.ids[id] = line
	s := tuvs[si]
	seg := pipeline.Segment{
		ID:          id,
		Source:      s.seg.text,
		SourceLoc:   s.seg.loc,
		SourceCodes: s.seg.codes,
		SourceSkip:  linkSpans(s.seg.text),
		Notes:       append(tu.notes, s.notes...),
	}
	seg.SourceLang = r.lang(s.lang)
	var slot Slot
	if ti >= 0 {
		t := tuvs[ti]
		seg.Target, seg.TargetLoc, seg.TargetCodes = t.seg.text, t.seg.loc, t.seg.codes
		seg.TargetSkip = linkSpans(t.seg.text)
		seg.TargetLang = r.lang(t.lang)
		seg.Notes = append(seg.Notes, t.notes...)
		slot = Slot{Span: pipeline.Span{Start: t.seg.start, End: t.seg.end}}
		if t.seg.empty {
			// <seg/>: the new target replaces the tag.
			slot = Slot{Span: pipeline.Span{Start: t.seg.tagStart, End: t.seg.tagEnd}, Before: "<seg>", After: "</seg>", Missing: true}
		}
	} else {
		seg.TargetLoc = pipeline.At(s.endPos)
		slot = Slot{Span: pipeline.Span{Start: s.end, End: s.end}, Missing: true}
		r.missing = append(r.missing, tmxMissing{seg: len(r.doc.Segments), tuvStart: s.start})
	}
	if len(seg.Notes) == 0 {
		seg.Notes = nil
	}
	r.doc.Segments = append(r.doc.Segments, seg)
	r.slots = append(r.slots, slot)
	return nil
}

// pickSource returns the index of the source tuv: the one in the tu's
// srclang, the header's srclang or the document's source language, in
// that order ("*all*" names none).
func (r *tmxReader) pickSource(el tmxToken, tuvs []tmxTUV) (int, error) {
	lang := strings.TrimSpace(tmxAttrValue(el, "srclang"))
	if lang == "" || lang == "*all*" {
		lang = r.headerSrc
	}
	if (lang == "" || lang == "*all*") && r.doc.SourceLang != language.Und {
		lang = r.doc.SourceLang.String()
	}
	if lang == "" || lang == "*all*" {
		what := "the header has no srclang"
		if r.headerSrc == "*all*" {
			what = "the header's srclang is *all*"
		}
		return -1, r.src.errorf(el.start, "source language unknown: %s and none was given (languages: %s)", what, tuvLangs(tuvs))
	}
	i := tmxMatchLang(tuvs, lang, -1)
	if i < 0 {
		return -1, r.src.errorf(el.start, "no <tuv> in the source language %s (languages: %s)", lang, tuvLangs(tuvs))
	}
	return i, nil
}

// pickTarget returns the index of the target tuv, or -1 when the tu has
// none. With a target language given (Options) that some tu has, it is
// the tuv in that language. Otherwise it is the tuv besides the source in
// a tu of two, whose language then becomes the document's target
// language, or in a larger tu the tuv in that language; a larger tu
// before any such language is known is an error.
func (r *tmxReader) pickTarget(el tmxToken, tuvs []tmxTUV, si int) (int, error) {
	if r.targetLang != "" {
		if i := tmxMatchLang(tuvs, r.targetLang, si); i >= 0 {
			return i, nil
		}
		if r.targetGiven {
			return -1, nil
		}
	}
	switch len(tuvs) {
	case 1:
		return -1, nil
	case 2:
		ti := 1 - si
		if r.targetLang == "" {
			r.targetLang = tuvs[ti].lang
			r.targetTag, _ = parseLangLoose(r.targetLang)
		}
		return ti, nil
	}
	var others []string
	for i, t := range tuvs {
		if i != si {
			others = append(others, t.lang)
		}
	}
	return -1, r.src.errorf(el.start, "target language unknown: %d languages besides the source %s (%s); give the target language",
		len(others), tuvs[si].lang, strings.Join(others, ", "))
}

// tmxMatchLang returns the index of the tuv in language lang, leaving out
// tuv skip: the first whose xml:lang equals lang (ignoring case, with "_"
// read as "-"), else the only one with the same primary language ("en"
// for "en-US"); -1 if there is none.
func tmxMatchLang(tuvs []tmxTUV, lang string, skip int) int {
	want := tmxNormLang(lang)
	for i, t := range tuvs {
		if i != skip && tmxNormLang(t.lang) == want {
			return i
		}
	}
	base, _, _ := strings.Cut(want, "-")
	found := -1
	for i, t := range tuvs {
		if b, _, _ := strings.Cut(tmxNormLang(t.lang), "-"); i != skip && b == base {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

func tmxNormLang(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-"))
}

// parseLangLoose parses a language as TMX and PO files write it ("EN-US",
// "zh_CN"); it reports false for a missing or invalid one.
func parseLangLoose(s string) (language.Tag, bool) {
	if s == "" || s == "*all*" {
		return language.Und, false
	}
	tag, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return language.Und, false
	}
	return tag, true
}

func tuvLangs(tuvs []tmxTUV) string {
	langs := make([]string, len(tuvs))
	for i, t := range tuvs {
		langs[i] = t.lang
	}
	return strings.Join(langs, ", ")
}

func tmxAttrValue(t tmxToken, name string) string {
	v, _ := t.attr(name)
	return v
}

// codec finishes the segments whose tu had no target tuv, now that the
// target language is known, and returns the codec of the document. A new
// tuv takes the target language of the file, or else the one given for
// the document (Options.TargetLang), which then picked no tuv.
func (r *tmxReader) codec() *codec {
	lang, tag := r.targetLang, r.targetTag
	if lang == "" && r.doc.TargetLang != language.Und {
		lang, tag = r.doc.TargetLang.String(), r.doc.TargetLang
	}
	noLang := map[string]bool{}
	for _, m := range r.missing {
		seg := &r.doc.Segments[m.seg]
		seg.TargetLang = tag
		if lang == "" {
			noLang[seg.ID] = true
			continue
		}
		sl := &r.slots[m.seg]
		sl.Before = r.newLine(m.tuvStart) + `<tuv xml:lang="` + tmxEscape(lang, true) + `"><seg>`
		sl.After = "</seg></tuv>"
	}
	return &codec{slots: r.slots, encode: func(seg *pipeline.Segment, target string) (string, error) {
		if noLang[seg.ID] {
			return "", fmt.Errorf("no target language for a new <tuv>")
		}
		return tmxEncode(seg, target)
	}}
}

// newLine returns the line break and indentation that put a new tuv on a
// line of its own, like the source tuv that starts at off, or "" when that
// tuv does not start its line.
func (r *tmxReader) newLine(off int) string {
	d := r.src.data
	i := off
	for i > 0 && (d[i-1] == ' ' || d[i-1] == '\t') {
		i--
	}
	if i == 0 || d[i-1] != '\n' {
		return ""
	}
	if i >= 2 && d[i-2] == '\r' {
		return "\r\n" + string(d[i:off])
	}
	return "\n" + string(d[i:off])
}
