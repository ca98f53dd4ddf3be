package corpus

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// The XLIFF format as tqa reads and writes it is described in the package
// documentation (doc.go).

// xlfReader reads one XLIFF document.
type xlfReader struct {
	src *source
	sc  *xlfScanner
	cur xlfCursor
	doc *pipeline.Document
	v2  bool   // XLIFF 2.x, else 1.x
	ns  string // the namespace of XLIFF elements: the root's

	items []xlfItem // the content of the unit being read

	slots []Slot
	units []int // per segment, the offset of its unit, for messages
	files []int // per segment, the index of its <file> in keys
	keys  []string

	srcLang, trgLang language.Tag // of the current <file> (1.x) or document (2.x)
}

// readXLIFF reads an XLIFF 1.x or 2.x document.
func readXLIFF(src *source, doc *pipeline.Document) (*codec, error) {
	r := &xlfReader{src: src, sc: newXLFScanner(src), cur: xlfCursor{src: src}, doc: doc}
	// Segments are large: make room for as many as the file seems to
	// have rather than copy them as the slices grow.
	n := bytes.Count(src.data, []byte("<trans-unit")) + bytes.Count(src.data, []byte("<segment")) +
		bytes.Count(src.data, []byte(`mtype="seg"`))/2
	doc.Segments = slices.Grow(doc.Segments, n)
	r.slots = make([]Slot, 0, n)
	r.units = make([]int, 0, n)
	r.files = make([]int, 0, n)
	root, err := r.sc.next()
	if err != nil {
		return nil, err
	}
	if err := r.root(root); err != nil {
		return nil, err
	}
	err = r.children(root, func(el xlfTok) error {
		if r.xliffName(el) != "file" {
			_, err := r.skip(el)
			return err
		}
		return r.file(el)
	})
	if err != nil {
		return nil, err
	}
	if _, err := r.sc.next(); err != nil {
		return nil, err // the scanner accepts nothing but the end here
	}
	if err := r.finishIDs(); err != nil {
		return nil, err
	}
	return r.codec(), nil
}

// root checks the root element and reads the version and, for XLIFF 2,
// the languages.
func (r *xlfReader) root(t xlfTok) error {
	if t.local != "xliff" {
		return r.src.errorf(t.start, "root element is <%s>, want <xliff>", t.name)
	}
	r.ns = t.ns
	nsVersion := ""
	if strings.HasPrefix(t.ns, xlfNSPrefix) {
		nsVersion = t.ns[len(xlfNSPrefix):]
	} else if t.ns != "" {
		return r.src.errorf(t.start, "root element <%s> is in namespace %q, not XLIFF's", t.name, t.ns)
	}
	version, ok := t.attr("version")
	if !ok {
		version = nsVersion
	}
	switch version {
	case "1.0", "1.1", "1.2":
	case "2.0", "2.1", "2.2":
		r.v2 = true
	case "":
		return r.src.errorf(t.start, "<xliff> has no version attribute or XLIFF namespace")
	default:
		return r.src.errorf(t.attrAt("version"), "unsupported XLIFF version %q (want 1.0 to 1.2 or 2.0 to 2.2)", version)
	}
	if nsVersion != "" && (nsVersion[0] == '2') != r.v2 {
		return r.src.errorf(t.start, "version %q does not match namespace %q", version, t.ns)
	}
	if r.v2 {
		var err error
		if r.srcLang, err = r.lang(t, "srcLang"); err != nil {
			return err
		}
		if r.trgLang, err = r.lang(t, "trgLang"); err != nil {
			return err
		}
		r.docLangs()
	}
	return nil
}

// version returns 0 for XLIFF 1.x, 1 for 2.x.
func (r *xlfReader) version() int {
	if r.v2 {
		return 1
	}
	return 0
}

// xliffName returns the local name of an element in the XLIFF namespace,
// or "" for an element of another namespace.
func (r *xlfReader) xliffName(t xlfTok) string {
	if t.ns != r.ns {
		return ""
	}
	return t.local
}

// lang parses the language tag in attribute name of t; an absent or
// empty attribute gives language.Und.
func (r *xlfReader) lang(t xlfTok, name string) (language.Tag, error) {
	v, ok := t.attr(name)
	if !ok || strings.TrimSpace(v) == "" {
		return language.Und, nil
	}
	tag, err := language.Parse(strings.TrimSpace(v))
	if err != nil {
		return language.Und, r.src.errorf(t.attrAt(name), "invalid %s %q: %v", name, v, err)
	}
	return tag, nil
}

// docLangs gives the document the languages of its first file, where the
// file names them.
func (r *xlfReader) docLangs() {
	if len(r.keys) > 1 {
		return
	}
	if r.srcLang != language.Und {
		r.doc.SourceLang = r.srcLang
	}
	if r.trgLang != language.Und {
		r.doc.TargetLang = r.trgLang
	}
}

// children calls fn for each child element of parent, whose start tag
// was just read; fn must read the child up to its end. Text, comments and
// processing instructions between children are skipped.
func (r *xlfReader) children(parent xlfTok, fn func(el xlfTok) error) error {
	if parent.empty {
		return nil
	}
	for {
		t, err := r.sc.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case xlfStart:
			if err := fn(t); err != nil {
				return err
			}
		case xlfEnd:
			return nil
		}
	}
}

// xlfTranslatable reads a translate attribute ("yes" or "no") over the
// inherited value.
func xlfTranslatable(t xlfTok, inherited bool) bool {
	if v, ok := t.attr("translate"); ok {
		return v != "no"
	}
	return inherited
}

// file reads a <file>.
func (r *xlfReader) file(el xlfTok) error {
	key, _ := el.attr("id")
	if !r.v2 {
		key, _ = el.attr("original")
	}
	r.keys = append(r.keys, key)
	if !r.v2 {
		var err error
		if r.srcLang, err = r.lang(el, "source-language"); err != nil {
			return err
		}
		if r.trgLang, err = r.lang(el, "target-language"); err != nil {
			return err
		}
		r.docLangs()
	}
	translate := xlfTranslatable(el, true)
	if r.v2 {
		return r.group(el, translate)
	}
	return r.children(el, func(c xlfTok) error {
		if r.xliffName(c) == "body" {
			return r.group(c, translate)
		}
		_, err := r.skip(c)
		return err
	})
}

// group reads the units of a 1.x <body> or <group>, or a 2.x <file> or
// <group>.
func (r *xlfReader) group(el xlfTok, translate bool) error {
	return r.children(el, func(c xlfTok) error {
		switch name := r.xliffName(c); {
		case name == "group":
			return r.group(c, xlfTranslatable(c, translate))
		case name == "trans-unit" && !r.v2:
			return r.transUnit(c, xlfTranslatable(c, translate))
		case name == "unit" && r.v2:
			return r.unit(c, xlfTranslatable(c, translate))
		}
		_, err := r.skip(c)
		return err
	})
}

// unitID returns the id of a unit, which must have one.
func (r *xlfReader) unitID(el xlfTok) (string, error) {
	id, ok := el.attr("id")
	if !ok || id == "" {
		return "", r.src.errorf(el.start, "<%s> without an id", el.name)
	}
	return id, nil
}

// transUnit reads an XLIFF 1.x <trans-unit>.
func (r *xlfReader) transUnit(el xlfTok, translate bool) error {
	id, err := r.unitID(el)
	if err != nil {
		return err
	}
	if !translate {
		_, err := r.skip(el)
		return err
	}
	var src, segSrc, tgt *xlfContent
	var notes []string
	r.items = r.items[:0]
	err = r.children(el, func(c xlfTok) error {
		var err error
		switch name := r.xliffName(c); name {
		case "source", "seg-source", "target":
			dst := &src
			if name == "seg-source" {
				dst = &segSrc
			} else if name == "target" {
				dst = &tgt
			}
			if *dst != nil {
				return r.src.errorf(c.start, "<trans-unit id=%q> has a second <%s>", id, c.name)
			}
			*dst, err = r.content(c, name != "source")
		case "note":
			var note string
			if note, err = r.text(c); err == nil && note != "" {
				notes = append(notes, note)
			}
		default:
			_, err = r.skip(c)
		}
		return err
	})
	if err != nil {
		return err
	}
	if src == nil {
		return r.src.errorf(el.start, "<trans-unit id=%q> has no <source>", id)
	}
	resname, _ := el.attr("resname")
	base := pipeline.Segment{ID: id, Kind: pipeline.Paragraph, Context: resname, Notes: notes}
	base.Suppress = ignoreDirectives(notes)
	if base.SourceLang, err = r.sideLang(src.el, r.srcLang); err != nil {
		return err
	}
	base.TargetLang = r.trgLang
	if tgt != nil {
		base.State, _ = tgt.el.attr("state")
		if base.TargetLang, err = r.sideLang(tgt.el, r.trgLang); err != nil {
			return err
		}
	}
	if segSrc != nil && tgt != nil && xlfSharesMark(segSrc, tgt) {
		return r.markSegments(el, base, segSrc, tgt)
	}
	seg := base
	seg.Source, seg.SourceLoc, seg.SourceCodes = r.assemble(r.items[src.from:src.to], src.pos, src.endPos)
	insert, anchor := src.after, src.el
	if segSrc != nil && segSrc.after > insert {
		insert = segSrc.after
	}
	r.add(el, seg, tgt, insert, anchor)
	return nil
}

// sideLang returns the language of a <source> or <target>: its xml:lang,
// or else def.
func (r *xlfReader) sideLang(el xlfTok, def language.Tag) (language.Tag, error) {
	tag, err := r.lang(el, "xml:lang")
	if err != nil || tag == language.Und {
		return def, err
	}
	return tag, nil
}

// add appends a segment whose target is tgt, or, where tgt is nil, is to
// be inserted at offset insert after the source whose start tag is
// srcTag.
func (r *xlfReader) add(unit xlfTok, seg pipeline.Segment, tgt *xlfContent, insert int, srcTag xlfTok) {
	var slot Slot
	switch {
	case tgt == nil:
		name := "target"
		if i := strings.IndexByte(srcTag.name, ':'); i >= 0 {
			name = srcTag.name[:i+1] + name
		}
		seg.TargetLoc = pipeline.At(r.cur.pos(insert))
		slot = Slot{
			Span:    pipeline.Span{Start: insert, End: insert},
			Before:  r.newLine(srcTag.start) + "<" + name + xlfXMLNSAttrs(srcTag) + ">",
			After:   "</" + name + ">",
			Missing: true,
		}
	case tgt.empty:
		seg.TargetLoc = pipeline.At(tgt.pos)
		slot = r.emptySlot(tgt.el)
	default:
		seg.Target, seg.TargetLoc, seg.TargetCodes = r.assemble(r.items[tgt.from:tgt.to], tgt.pos, tgt.endPos)
		slot = Slot{Span: pipeline.Span{Start: tgt.start, End: tgt.end}}
	}
	seg.SourceSkip = linkSpans(seg.Source)
	seg.TargetSkip = linkSpans(seg.Target)
	r.doc.Segments = append(r.doc.Segments, seg)
	r.slots = append(r.slots, slot)
	r.units = append(r.units, unit.start)
	r.files = append(r.files, len(r.keys)-1)
}

// xlfXMLNSAttrs returns the namespace declarations of tag t, each with a
// space before it, for a new element that takes its prefix from t.
func xlfXMLNSAttrs(t xlfTok) string {
	var b strings.Builder
	for _, a := range t.attrs {
		if a.name == "xmlns" || strings.HasPrefix(a.name, "xmlns:") {
			b.WriteString(" " + a.name + `="` + xlfEscape(a.value, true) + `"`)
		}
	}
	return b.String()
}

// emptySlot returns the slot of an empty-element tag (<target/>): the tag
// is replaced by a start tag with the same attributes, the new text and
// an end tag.
func (r *xlfReader) emptySlot(t xlfTok) Slot {
	tag := string(r.src.data[t.start:t.end])
	return Slot{
		Span:    pipeline.Span{Start: t.start, End: t.end},
		Before:  strings.TrimSuffix(tag, "/>") + ">",
		After:   "</" + t.name + ">",
		Missing: true,
	}
}

// newLine returns the line break and indentation that put a new element
// on a line of its own, like the element that starts at off, or "" when
// that element does not start its line.
func (r *xlfReader) newLine(off int) string {
	d := r.src.data
	i := off
	for i > 0 && (d[i-1] == ' ' || d[i-1] == '\t') {
		i--
	}
	switch {
	case i == 0 || d[i-1] != '\n':
		return ""
	case i >= 2 && d[i-2] == '\r':
		return "\r\n" + string(d[i:off])
	}
	return "\n" + string(d[i:off])
}

// xlfSharesMark reports whether a target has a segment (<mrk mtype="seg">)
// of the same mid as one of the seg-source.
func xlfSharesMark(segSrc, tgt *xlfContent) bool {
	mids := make(map[string]bool, len(tgt.marks))
	for _, t := range tgt.marks {
		mids[t.mid] = true
	}
	for _, m := range segSrc.marks {
		if mids[m.mid] {
			return true
		}
	}
	return false
}

// markSegments adds a segment for each <mrk mtype="seg"> of a 1.x
// unit's <seg-source>, with the target mrk of the same mid.
func (r *xlfReader) markSegments(unit xlfTok, base pipeline.Segment, segSrc, tgt *xlfContent) error {
	targets := map[string]int{}
	for i, m := range tgt.marks {
		if _, dup := targets[m.mid]; dup {
			return r.src.errorf(m.tag.start, "<target> has a second <mrk mtype=\"seg\" mid=%q>", m.mid)
		}
		targets[m.mid] = i
	}
	seen := map[string]bool{}
	for k, m := range segSrc.marks {
		if seen[m.mid] {
			return r.src.errorf(m.tag.start, "<seg-source> has a second <mrk mtype=\"seg\" mid=%q>", m.mid)
		}
		seen[m.mid] = true
		seg := base
		seg.ID = base.ID + "/" + m.mid
		seg.Source, seg.SourceLoc, seg.SourceCodes = r.assemble(r.items[m.from:m.to], m.pos, m.endPos)
		if i, ok := targets[m.mid]; ok {
			t := tgt.marks[i]
			if t.start == t.end && t.tag.empty {
				seg.TargetLoc = pipeline.At(t.pos)
				r.addSlot(unit, seg, r.emptySlot(t.tag))
				continue
			}
			seg.Target, seg.TargetLoc, seg.TargetCodes = r.assemble(r.items[t.from:t.to], t.pos, t.endPos)
			r.addSlot(unit, seg, Slot{Span: pipeline.Span{Start: t.start, End: t.end}})
			continue
		}
		sl := r.missingMark(segSrc, tgt, targets, k)
		seg.TargetLoc = pipeline.At(r.cur.pos(sl.Span.Start))
		r.addSlot(unit, seg, sl)
	}
	return nil
}

func (r *xlfReader) addSlot(unit xlfTok, seg pipeline.Segment, slot Slot) {
	seg.SourceSkip = linkSpans(seg.Source)
	seg.TargetSkip = linkSpans(seg.Target)
	r.doc.Segments = append(r.doc.Segments, seg)
	r.slots = append(r.slots, slot)
	r.units = append(r.units, unit.start)
	r.files = append(r.files, len(r.keys)-1)
}

// missingMark returns the slot of the k-th segment of segSrc, which the
// target lacks: a new mrk goes after the target mrk of the nearest
// segment before it, or else before that of the nearest one after it,
// with the white space that separates them in the <seg-source>.
func (r *xlfReader) missingMark(segSrc, tgt *xlfContent, targets map[string]int, k int) Slot {
	m := segSrc.marks[k]
	// The new mrk is named and declared as the target mrk it goes next to.
	slot := func(at int, next xlfTok, before, after string) Slot {
		open := `<` + next.name + xlfXMLNSAttrs(next) + ` mtype="seg" mid="` + xlfEscape(m.mid, true) + `">`
		close := `</` + next.name + `>`
		return Slot{Span: pipeline.Span{Start: at, End: at}, Before: before + open, After: close + after, Missing: true}
	}
	gap := func(a, b int) string { // the white space between marks a and b of segSrc
		s := string(r.src.data[segSrc.marks[a].after:segSrc.marks[b].tag.start])
		if strings.TrimLeft(s, " \t\r\n") != "" {
			return ""
		}
		return s
	}
	for j := k - 1; j >= 0; j-- {
		if i, ok := targets[segSrc.marks[j].mid]; ok {
			return slot(tgt.marks[i].after, tgt.marks[i].tag, gap(k-1, k), "")
		}
	}
	for j := k + 1; j < len(segSrc.marks); j++ {
		if i, ok := targets[segSrc.marks[j].mid]; ok {
			return slot(tgt.marks[i].tag.start, tgt.marks[i].tag, "", gap(k, k+1))
		}
	}
	// Not reached: a unit is read mark by mark only where its target has
	// a mrk of the seg-source.
	return slot(tgt.end, m.tag, "", "")
}

// unit reads an XLIFF 2.x <unit>.
func (r *xlfReader) unit(el xlfTok, translate bool) error {
	id, err := r.unitID(el)
	if err != nil {
		return err
	}
	if !translate {
		_, err := r.skip(el)
		return err
	}
	name, _ := el.attr("name")
	first := len(r.doc.Segments)
	var notes []string
	ordinal := 0
	err = r.children(el, func(c xlfTok) error {
		switch r.xliffName(c) {
		case "notes":
			return r.children(c, func(n xlfTok) error {
				if r.xliffName(n) != "note" {
					_, err := r.skip(n)
					return err
				}
				note, err := r.text(n)
				if note != "" {
					notes = append(notes, note)
				}
				return err
			})
		case "segment":
			ordinal++
			return r.segment(el, c, id, name, ordinal)
		}
		_, err := r.skip(c)
		return err
	})
	if err != nil {
		return err
	}
	for i := first; i < len(r.doc.Segments); i++ {
		r.doc.Segments[i].Notes = notes
		r.doc.Segments[i].Suppress = ignoreDirectives(notes)
	}
	return nil
}

// segment reads an XLIFF 2.x <segment>, the ordinal-th of its unit.
func (r *xlfReader) segment(unit, el xlfTok, unitID, name string, ordinal int) error {
	id, ok := el.attr("id")
	if !ok || id == "" {
		id = strconv.Itoa(ordinal)
	}
	seg := pipeline.Segment{ID: unitID + "/" + id, Kind: pipeline.Paragraph, Context: name}
	seg.State, _ = el.attr("state")
	var src, tgt *xlfContent
	r.items = r.items[:0]
	err := r.children(el, func(c xlfTok) error {
		name := r.xliffName(c)
		if name != "source" && name != "target" {
			_, err := r.skip(c)
			return err
		}
		if name == "source" && src != nil || name == "target" && tgt != nil {
			return r.src.errorf(c.start, "<segment> of unit %q has a second <%s>", unitID, c.name)
		}
		content, err := r.content(c, false)
		if name == "source" {
			src = content
		} else {
			tgt = content
		}
		return err
	})
	if err != nil {
		return err
	}
	if src == nil {
		return r.src.errorf(el.start, "<segment> of unit %q has no <source>", unitID)
	}
	if seg.SourceLang, err = r.sideLang(src.el, r.srcLang); err != nil {
		return err
	}
	seg.TargetLang = r.trgLang
	if tgt != nil {
		if seg.TargetLang, err = r.sideLang(tgt.el, r.trgLang); err != nil {
			return err
		}
	}
	seg.Source, seg.SourceLoc, seg.SourceCodes = r.assemble(r.items[src.from:src.to], src.pos, src.endPos)
	r.add(unit, seg, tgt, src.after, src.el)
	return nil
}

// finishIDs prefixes the IDs with their file's key when the document has
// more than one file, and checks that they are unique.
func (r *xlfReader) finishIDs() error {
	segs := r.doc.Segments
	if len(r.keys) > 1 {
		for i := range segs {
			key := r.keys[r.files[i]]
			if key == "" {
				key = strconv.Itoa(r.files[i] + 1)
			}
			segs[i].ID = key + "/" + segs[i].ID
		}
	}
	first := make(map[string]int, len(segs))
	for i := range segs {
		if j, dup := first[segs[i].ID]; dup {
			return r.src.errorf(r.units[i], "duplicate segment id %q (first on line %d)", segs[i].ID, r.src.pos(r.units[j]).Line)
		}
		first[segs[i].ID] = i
	}
	return nil
}

// codec returns how to write targets back into the document. Unchanged
// targets keep the file's own bytes (references and all): codec.edits
// leaves them out.
func (r *xlfReader) codec() *codec {
	v2 := r.v2
	return &codec{slots: r.slots, encode: func(seg *pipeline.Segment, target string) (string, error) {
		return xlfEncodeTarget(seg, target, v2)
	}}
}
