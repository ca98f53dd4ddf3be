package corpus

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/corpus/align"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/segment"
)

// Pair is a source file and the file that translates it, such as
// news.zh.txt and news.en.txt.
type Pair struct{ Source, Target string }

// pairFile is a file named name.<lang>.<ext>.
type pairFile struct {
	path string
	tag  language.Tag
}

// pairKey returns the name of path without its language and the
// language, when path is a plain-text or Markdown file named
// name.<lang>.<ext> with a BCP 47 tag as <lang> ("zh", "en-GB",
// "zh-Hant"; "zh_CN" too). The key keeps the directory and the extension,
// so that only files side by side, of the same kind, pair.
func pairKey(path string) (key string, tag language.Tag, ok bool) {
	ext := strings.ToLower(filepath.Ext(path))
	if f, known := formats[ext]; !known || (f != "text" && f != "markdown") {
		return "", language.Und, false
	}
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	dot := strings.LastIndexByte(stem, '.')
	if dot < 0 || dot <= strings.LastIndexAny(stem, `/\`)+1 {
		return "", language.Und, false
	}
	code := stem[dot+1:]
	if !langColumn().MatchString(code) {
		return "", language.Und, false
	}
	tag, err := language.Parse(strings.ReplaceAll(code, "_", "-"))
	if err != nil {
		return "", language.Und, false
	}
	return stem[:dot] + ext, tag, true
}

// Pairs finds the aligned pairs among paths: plain-text or Markdown files
// side by side whose names differ only in a language tag before the
// extension (news.zh.txt, news.en.txt). Of the files of one name:
//
//   - with a target language, the target is the file in that language
//     (the same tag, or else the one file with the same base language);
//     the source is the file in the source language, or, without one,
//     the one other file;
//   - with only a source language, the source is the file in it and the
//     target the one other file;
//   - without languages, two files pair when one of them is English: it
//     is the target.
//
// Files that do not pair are returned in rest, in their order; pairs are
// sorted by target.
func Pairs(paths []string, srcLang, tgtLang language.Tag) (pairs []Pair, rest []string) {
	groups := map[string][]pairFile{}
	for _, p := range paths {
		if key, tag, ok := pairKey(p); ok {
			groups[key] = append(groups[key], pairFile{p, tag})
		}
	}
	paired := map[string]bool{}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		tags := make([]language.Tag, len(g))
		for i, f := range g {
			tags[i] = f.tag
		}
		src, tgt := -1, -1
		switch {
		case tgtLang != language.Und:
			tgt = matchTag(tags, tgtLang)
			if srcLang != language.Und {
				src = matchTag(tags, srcLang)
			} else if len(g) == 2 && tgt >= 0 {
				src = 1 - tgt
			}
		case srcLang != language.Und:
			src = matchTag(tags, srcLang)
			if len(g) == 2 && src >= 0 {
				tgt = 1 - src
			}
		case len(g) == 2 && isEnglish(tags[0]) != isEnglish(tags[1]):
			tgt = 0
			if isEnglish(tags[1]) {
				tgt = 1
			}
			src = 1 - tgt
		}
		if src < 0 || tgt < 0 || src == tgt {
			continue
		}
		pairs = append(pairs, Pair{Source: g[src].path, Target: g[tgt].path})
		paired[g[src].path], paired[g[tgt].path] = true, true
	}
	slices.SortFunc(pairs, func(a, b Pair) int { return cmp.Compare(a.Target, b.Target) })
	for _, p := range paths {
		if !paired[p] {
			rest = append(rest, p)
		}
	}
	return pairs, rest
}

// sentence is one sentence of a paragraph: the paragraph's index in its
// document, and the sentence's span in the paragraph's text.
type sentence struct {
	para int
	span pipeline.Span
}

// OpenPair reads the two files of a pair (plain text or Markdown), splits
// each paragraph into sentences (pipeline/segment), aligns the sentences
// (corpus/align) and returns one bilingual document: a segment a bead,
// whose Source and Target are the bead's sentences of each side, the
// slice of the paragraph from the first to the last (sentences of
// different paragraphs are joined by "\n"), and whose Align says how many
// sentences it joins. When the two files have as many paragraphs, the
// sentences are aligned paragraph by paragraph; otherwise all at once.
//
// The document's Path is the target file's, and TargetLoc positions refer
// to it; SourceLoc positions refer to the source file, File.Source.
// Languages not given in opt come from the file names. Bytes writes the
// target file: a new target replaces the bead's target sentences, or,
// where the bead has none, is inserted after the previous bead's target;
// it must be one line, without white space at its ends.
func OpenPair(p Pair, opt Options) (*File, error) {
	if opt.SourceLang == language.Und {
		if _, tag, ok := pairKey(p.Source); ok {
			opt.SourceLang = tag
		}
	}
	if opt.TargetLang == language.Und {
		if _, tag, ok := pairKey(p.Target); ok {
			opt.TargetLang = tag
		}
	}
	files, err := openBoth(p, opt)
	if err != nil {
		return nil, err
	}
	srcDoc, tgtDoc := files[0].Doc, files[1].Doc
	srcSents, tgtSents := sentences(srcDoc), sentences(tgtDoc)
	aopt := align.Options{SourceLang: opt.SourceLang, TargetLang: opt.TargetLang, Anchors: true}
	beads := alignSentences(srcDoc, tgtDoc, srcSents, tgtSents, aopt)

	doc := &pipeline.Document{Path: tgtDoc.Path, Format: tgtDoc.Format, SourceLang: opt.SourceLang, TargetLang: opt.TargetLang}
	c := &codec{encode: func(_ *pipeline.Segment, target string) (string, error) { return encodeSentence(target) }}
	sep := " "
	if b, _ := opt.TargetLang.Base(); b.String() == "zh" || b.String() == "ja" {
		sep = ""
	}
	prevEnd := -1 // the end of the last target in the target file
	for k, b := range beads {
		seg := pipeline.Segment{ID: strconv.Itoa(k + 1), Align: pipeline.Alignment{Source: len(b.Source), Target: len(b.Target)}}
		var srcKind, tgtKind pipeline.Kind
		seg.Source, seg.SourceLoc, seg.SourceSkip, srcKind, _ = joinSentences(srcDoc, srcSents, b.Source)
		var span pipeline.Span
		seg.Target, seg.TargetLoc, seg.TargetSkip, tgtKind, span = joinSentences(tgtDoc, tgtSents, b.Target)
		seg.SourceLang, seg.TargetLang = opt.SourceLang, opt.TargetLang
		seg.Kind = tgtKind
		if len(b.Target) == 0 {
			seg.Kind = srcKind
		}
		slot := Slot{Span: span}
		if len(b.Target) == 0 {
			slot = missingSentence(beads[k+1:], tgtDoc, tgtSents, prevEnd, len(files[1].text), sep)
		} else {
			prevEnd = span.End
		}
		doc.Segments = append(doc.Segments, seg)
		c.slots = append(c.slots, slot)
	}
	t := files[1]
	kinds := make([]pipeline.Kind, len(tgtDoc.Segments))
	for i, s := range tgtDoc.Segments {
		kinds[i] = s.Kind
	}
	return &File{Doc: doc, Encoding: t.Encoding, Source: srcDoc.Path, raw: t.raw, text: t.text, cs: t.cs, codec: c, opt: t.opt, pair: true, pairParas: kinds}, nil
}

// openBoth opens the two files of a pair. The files of a pair are usually
// in one encoding, and a file with few non-ASCII characters (an English
// translation that keeps two Chinese characters) gives too little evidence
// to detect a legacy encoding: when one file cannot be decoded and its
// partner was detected as GB18030, GBK or Big5, the file is read again in
// the partner's encoding. Its own error is reported if that fails too.
func openBoth(p Pair, opt Options) ([2]*File, error) {
	var files [2]*File
	var errs [2]error
	paths := [2]string{p.Source, p.Target}
	for i, path := range paths {
		files[i], errs[i] = Open(path, opt)
	}
	if opt.Encoding == "" {
		for i := range files {
			partner := files[1-i]
			if errs[i] == nil || partner == nil || !isLegacy(partner.Encoding.Name) {
				continue
			}
			retry := opt
			retry.Encoding = partner.Encoding.Name
			if f, err := Open(paths[i], retry); err == nil {
				files[i], errs[i] = f, nil
			}
		}
	}
	for i, f := range files {
		if errs[i] != nil {
			return files, errs[i]
		}
		if f.Doc.Format != "text" && f.Doc.Format != "markdown" {
			return files, fmt.Errorf("corpus: pair %s: %s is %s, want plain text or Markdown", p.Target, f.Doc.Path, f.Doc.Format)
		}
	}
	return files, nil
}

// isLegacy reports whether an encoding is one of the legacy Chinese ones
// that detection guesses from character frequencies.
func isLegacy(name string) bool { return name == "gb18030" || name == "gbk" || name == "big5" }

// missingSentence returns the slot of a bead without target sentences:
// after the end of the previous target, or else before the next one.
func missingSentence(after []align.Bead, doc *pipeline.Document, sents []sentence, prevEnd, textLen int, sep string) Slot {
	if prevEnd >= 0 {
		return Slot{Span: pipeline.Span{Start: prevEnd, End: prevEnd}, Before: sep, Missing: true}
	}
	for _, b := range after {
		if len(b.Target) > 0 {
			s := sents[b.Target[0]]
			at := doc.Segments[s.para].Locate(pipeline.Target, s.span.Start).Offset
			return Slot{Span: pipeline.Span{Start: at, End: at}, After: sep, Missing: true}
		}
	}
	return Slot{Span: pipeline.Span{Start: textLen, End: textLen}, Missing: true}
}

// encodeSentence checks a new target of an aligned segment: one line,
// not empty, without white space at its ends.
func encodeSentence(target string) (string, error) {
	switch {
	case target == "":
		return "", errors.New("an aligned target cannot be empty")
	case strings.ContainsAny(target, "\n\r"):
		return "", errors.New("an aligned target takes no line break")
	case strings.TrimSpace(target) != target:
		return "", errors.New("white space at the start or end of an aligned target would be lost")
	}
	return target, nil
}

// sentences splits every paragraph of a monolingual document into
// sentences.
func sentences(doc *pipeline.Document) []sentence {
	var out []sentence
	for k := range doc.Segments {
		for _, sp := range segment.Sentences(doc.Segments[k].Target) {
			out = append(out, sentence{k, sp})
		}
	}
	return out
}

// alignSentences aligns the sentences of two documents: paragraph by
// paragraph when they have as many, else all at once. Bead indexes are
// into src and tgt.
func alignSentences(srcDoc, tgtDoc *pipeline.Document, src, tgt []sentence, opt align.Options) []align.Bead {
	texts := func(doc *pipeline.Document, ss []sentence) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = doc.Segments[s.para].Target[s.span.Start:s.span.End]
		}
		return out
	}
	if len(srcDoc.Segments) != len(tgtDoc.Segments) {
		return align.Align(texts(srcDoc, src), texts(tgtDoc, tgt), opt)
	}
	var beads []align.Bead
	i, j := 0, 0
	for p := range srcDoc.Segments {
		i1, j1 := i, j
		for i1 < len(src) && src[i1].para == p {
			i1++
		}
		for j1 < len(tgt) && tgt[j1].para == p {
			j1++
		}
		for _, b := range align.Align(texts(srcDoc, src[i:i1]), texts(tgtDoc, tgt[j:j1]), opt) {
			for k := range b.Source {
				b.Source[k] += i
			}
			for k := range b.Target {
				b.Target[k] += j
			}
			beads = append(beads, b)
		}
		i, j = i1, j1
	}
	return beads
}

// joinSentences returns the text of the sentences idx (consecutive) of a
// document: the slice of each paragraph from its first sentence to its
// last, the slices of different paragraphs joined by "\n"; its Locator,
// skip spans and kind (the first paragraph's), and the span of the file
// it covers.
func joinSentences(doc *pipeline.Document, sents []sentence, idx []int) (string, pipeline.Locator, []pipeline.Span, pipeline.Kind, pipeline.Span) {
	var b strings.Builder
	var loc pipeline.Locator
	var skip []pipeline.Span
	var kind pipeline.Kind
	var file pipeline.Span
	for g := 0; g < len(idx); {
		first := sents[idx[g]]
		h := g
		for h+1 < len(idx) && sents[idx[h+1]].para == first.para {
			h++
		}
		para := &doc.Segments[first.para]
		a, e := first.span.Start, sents[idx[h]].span.End
		if g == 0 {
			kind = para.Kind
			file.Start = para.Locate(pipeline.Target, a).Offset
		} else {
			b.WriteByte('\n')
		}
		base := b.Len()
		loc.Anchors = append(loc.Anchors, pipeline.Anchor{Off: base, Pos: para.Locate(pipeline.Target, a)})
		for _, an := range para.TargetLoc.Anchors {
			if an.Off > a && an.Off < e {
				loc.Anchors = append(loc.Anchors, pipeline.Anchor{Off: base + an.Off - a, Pos: an.Pos})
			}
		}
		for _, sp := range para.TargetSkip {
			if s, t := max(sp.Start, a), min(sp.End, e); s < t {
				skip = append(skip, pipeline.Span{Start: base + s - a, End: base + t - a})
			}
		}
		b.WriteString(para.Target[a:e])
		file.End = para.Locate(pipeline.Target, e).Offset
		g = h + 1
	}
	return b.String(), loc, skip, kind, file
}
