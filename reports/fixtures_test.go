package reports

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// The reports the golden files are made from. Each builds documents the
// way the corpus readers do (segments with Locators) and findings the way
// pipeline.Pass.Report fills them in.

// builder assembles a Report from documents and findings.
type builder struct {
	r Report
}

func newBuilder() *builder {
	return &builder{r: Report{Tool: "tqa", Version: "1.2.3"}}
}

func (b *builder) doc(d *pipeline.Document) int {
	b.r.Documents = append(b.r.Documents, d)
	return len(b.r.Documents) - 1
}

// finding describes a finding by the text it flags: the nth occurrence
// (from 0) of sub on one side of a segment.
type finding struct {
	check, category string
	severity        pipeline.Severity
	side            pipeline.Side
	sub             string
	nth             int
	at              *int // a position (empty span) instead of sub
	message         string
	fixes           []pipeline.Fix
}

func (b *builder) add(doc, seg int, f finding) pipeline.Span {
	d := b.r.Documents[doc]
	s := &d.Segments[seg]
	text := s.Text(f.side)
	sp := locate(text, f.sub, f.nth)
	if f.at != nil {
		sp = pipeline.Span{Start: *f.at, End: *f.at}
	}
	b.r.Findings = append(b.r.Findings, pipeline.Finding{
		Check: f.check, Category: f.category, Severity: f.severity,
		Doc: doc, Path: d.Path, Segment: seg, ID: s.ID,
		Side: f.side, Span: sp, Text: text[sp.Start:sp.End],
		Message: f.message, Fixes: f.fixes,
	})
	return sp
}

func (b *builder) report() *Report {
	pipeline.SortFindings(b.r.Findings)
	return &b.r
}

// locate returns the span of the nth occurrence of sub in text.
func locate(text, sub string, nth int) pipeline.Span {
	from := 0
	for {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			panic(fmt.Sprintf("fixture: %q has no occurrence %d of %q", text, nth, sub))
		}
		if nth == 0 {
			return pipeline.Span{Start: from + i, End: from + i + len(sub)}
		}
		nth--
		from += i + len(sub)
	}
}

func at(line, col, offset int) pipeline.Locator {
	return pipeline.At(pipeline.Position{Offset: offset, Line: line, Column: col})
}

func intp(i int) *int { return &i }

// replace is a one-edit fix replacing the nth occurrence of old in text.
func replace(msg, text, old string, nth int, new string) pipeline.Fix {
	return pipeline.ReplaceFix(msg, locate(text, old, nth), new)
}

var (
	en = language.English
	fr = language.French
	zh = language.Chinese
)

// goldenCases are the reports written to testdata/<name>.{txt,json}.
var goldenCases = []struct {
	name   string
	color  bool // also write testdata/<name>.color.txt
	report func() *Report
}{
	{"empty", false, emptyReport},
	{"clean", false, cleanReport},
	{"severities", true, severitiesReport},
	{"cjk", false, cjkReport},
	{"multiline", false, multilineReport},
	{"jsonl", false, jsonlReport},
	{"fixes", false, fixesReport},
	{"errors", true, errorsReport},
}

func emptyReport() *Report { return newBuilder().report() }

func cleanReport() *Report {
	b := newBuilder()
	b.doc(&pipeline.Document{
		Path: "docs/clean.md", Format: "markdown", SourceLang: language.Und, TargetLang: en,
		Segments: []pipeline.Segment{
			{ID: "1", Kind: pipeline.Heading, Target: "The Alliance", TargetLoc: at(1, 3, 2)},
			{ID: "2", Target: "Allies consult one another on security.", TargetLoc: at(3, 1, 16)},
		},
	})
	return b.report()
}

// severitiesReport has findings of every severity, on both sides, in two
// documents.
func severitiesReport() *Report {
	b := newBuilder()
	// An XLIFF 1.2 file: <source> and <target> start at column 15 of their
	// lines ("      <source>" is 14 characters).
	const (
		src1 = "The summit opened in Brussels on 14 June."
		tgt1 = "Le sommet s'est ouvert à Bruxelles ."
		src2 = "Allied Command Transformation"
		tgt2 = "Allied Command Transformation"
		src3 = "Members agreed to raise defence spending."
		tgt3 = "Les membres ont convenu d'augmenter les dépenses de défense"
	)
	x := b.doc(&pipeline.Document{
		Path: "nato/summit.xlf", Format: "xliff", SourceLang: en, TargetLang: fr,
		Segments: []pipeline.Segment{
			{ID: "u1", Source: src1, Target: tgt1, SourceLang: en, TargetLang: fr,
				SourceLoc: at(5, 15, 180), TargetLoc: at(6, 15, 236)},
			{ID: "u2", Kind: pipeline.Heading, Source: src2, Target: tgt2, SourceLang: en, TargetLang: fr,
				SourceLoc: at(9, 15, 330), TargetLoc: at(10, 15, 374)},
			{ID: "u3", Source: src3, Target: tgt3, SourceLang: en, TargetLang: fr,
				SourceLoc: at(13, 15, 460), TargetLoc: at(14, 15, 516)},
		},
	})
	b.add(x, 0, finding{
		check: "numbers", category: pipeline.CategoryOmission, severity: pipeline.Major,
		side: pipeline.Source, sub: "on 14 June",
		message: "“on 14 June” has no counterpart in the target: the date is missing",
	})
	b.add(x, 0, finding{
		check: "space-before-punctuation", category: pipeline.CategoryWhitespace, severity: pipeline.Minor,
		sub: " .", message: "A space before “.”: French sets no space before a full stop",
		fixes: []pipeline.Fix{replace("Remove the space", tgt1, " .", 0, ".")},
	})
	b.add(x, 1, finding{
		check: "untranslated", category: pipeline.CategoryUntranslated, severity: pipeline.Critical,
		sub: tgt2, message: "The heading is identical to its English source",
	})
	b.add(x, 2, finding{
		check: "end-punctuation", category: pipeline.CategoryPunctuation, severity: pipeline.Minor,
		at: intp(len(tgt3)), message: "The source ends with “.” but the target has no final punctuation",
		fixes: []pipeline.Fix{pipeline.ReplaceFix("Add “.”", pipeline.Span{Start: len(tgt3), End: len(tgt3)}, ".")},
	})
	b.add(x, 2, finding{
		check: "length-ratio", category: pipeline.CategoryAddition, severity: pipeline.Neutral,
		sub: tgt3, message: "The target is 1.44 times as long as the source",
	})

	const tgt = "The North Atlantic Treaty Organisation was founded in 1949."
	m := b.doc(&pipeline.Document{
		Path: "notes/readme.md", Format: "markdown", SourceLang: language.Und, TargetLang: language.AmericanEnglish,
		Segments: []pipeline.Segment{
			{ID: "1", Target: tgt, TargetLang: language.AmericanEnglish, TargetLoc: at(3, 1, 40)},
		},
	})
	b.add(m, 0, finding{
		check: "spelling-profile", category: pipeline.CategorySpelling, severity: pipeline.Minor,
		sub: "Organisation", message: "“Organisation” is British spelling; the profile is en-US",
		fixes: []pipeline.Fix{replace("Replace with “Organization”", tgt, "Organisation", 0, "Organization")},
	})
	return b.report()
}

// cjkReport has Chinese targets: columns count characters, underlines
// count two columns for each Han character, and a long line is clipped.
func cjkReport() *Report {
	b := newBuilder()
	const (
		tgt1 = "北约峰会在Brussels举行,各国领导人出席。"
		// 88 characters, 174 display columns.
		tgt2 = "北大西洋公约组织成立于一九四九年，其宗旨是通过政治和军事手段保障成员国的自由与安全，" +
			"各成员国承诺在任何一国遭受武装攻击时共同防御，这一原则载于条约第五条，至今仍是联盟的基石。"
	)
	d := b.doc(&pipeline.Document{
		Path: "zh/article.txt", Format: "text", SourceLang: en, TargetLang: zh,
		Segments: []pipeline.Segment{
			{ID: "1", Target: tgt1, TargetLang: zh, TargetLoc: at(1, 1, 0)},
			{ID: "2", Target: tgt2, TargetLang: zh, TargetLoc: at(3, 1, 56)},
		},
	})
	b.add(d, 0, finding{
		check: "untranslated", category: pipeline.CategoryUntranslated, severity: pipeline.Major,
		sub: "Brussels", message: "English word in a Chinese target",
		fixes: []pipeline.Fix{replace("Replace with “布鲁塞尔”", tgt1, "Brussels", 0, "布鲁塞尔")},
	})
	b.add(d, 0, finding{
		check: "cjk-punctuation", category: pipeline.CategoryPunctuation, severity: pipeline.Minor,
		sub: ",", message: "Half-width “,” in Chinese text",
		fixes: []pipeline.Fix{replace("Replace with “，”", tgt1, ",", 0, "，")},
	})
	b.add(d, 1, finding{
		check: "year-format", category: pipeline.CategoryNumberFormat, severity: pipeline.Neutral,
		sub: "一九四九年", message: "A year in Chinese numerals",
		fixes: []pipeline.Fix{replace("Write “1949年”", tgt2, "一九四九年", 0, "1949年")},
	})
	b.add(d, 1, finding{
		check: "term-consistency", category: pipeline.CategoryTermInconsist, severity: pipeline.Minor,
		sub: "共同防御", message: "“共同防御” here, “集体防御” elsewhere",
	})
	b.add(d, 1, finding{
		check: "term-consistency", category: pipeline.CategoryTermInconsist, severity: pipeline.Minor,
		sub: "联盟", message: "“联盟” here, “北约” elsewhere",
	})
	return b.report()
}

// multilineReport has segments that span lines of their file:
//
//	1  # NATO in brief
//	2
//	3  NATO’s headquarters are in Brussels,
//	4  and its military command is in Mons ,
//	5  Belgium.
//	6
//	7  - The Alliance has 32 members
//	8    and one  headquarters.
//
// The list item's text drops the indentation of its second line, so its
// Locator has a second anchor there.
func multilineReport() *Report {
	b := newBuilder()
	const (
		para = "NATO’s headquarters are in Brussels,\nand its military command is in Mons ,\nBelgium."
		item = "The Alliance has 32 members\nand one  headquarters."
	)
	d := b.doc(&pipeline.Document{
		Path: "docs/brief.md", Format: "markdown", TargetLang: en,
		Segments: []pipeline.Segment{
			{ID: "1", Kind: pipeline.Heading, Target: "NATO in brief", TargetLoc: at(1, 3, 2)},
			{ID: "2", Target: para, TargetLoc: at(3, 1, 17)},
			{ID: "3", Kind: pipeline.ListItem, Target: item, TargetLoc: pipeline.Locator{Anchors: []pipeline.Anchor{
				{Off: 0, Pos: pipeline.Position{Offset: 106, Line: 7, Column: 3}},
				{Off: strings.IndexByte(item, '\n') + 1, Pos: pipeline.Position{Offset: 136, Line: 8, Column: 3}},
			}}},
		},
	})
	b.add(d, 1, finding{
		check: "line-breaks", category: pipeline.CategoryWhitespace, severity: pipeline.Neutral,
		sub: para, message: "The paragraph is wrapped over 3 lines",
	})
	b.add(d, 1, finding{
		check: "line-break-in-sentence", category: pipeline.CategoryWhitespace, severity: pipeline.Neutral,
		sub: "\n", nth: 0, message: "A line break inside a sentence",
	})
	b.add(d, 1, finding{
		check: "space-before-punctuation", category: pipeline.CategoryWhitespace, severity: pipeline.Minor,
		sub: " ,", message: "A space before “,”",
		fixes: []pipeline.Fix{replace("Remove the space", para, " ,", 0, ",")},
	})
	b.add(d, 2, finding{
		check: "double-space", category: pipeline.CategoryWhitespace, severity: pipeline.Minor,
		sub: "  ", message: "Two spaces between words",
		fixes: []pipeline.Fix{replace("Replace with one space", item, "  ", 0, " ")},
	})
	return b.report()
}

// jsonlReport reads like a JSONL file whose strings hold escapes:
//
//	1  {"id":"s1","source":"Hello","target":"Bonjour"}
//	2  {"id":"s2","source":"Caf\u00e9 culture in Brussels","target":"La culture du caf\u00e9 \u00e0 Brussels"}
//
// The reader decoded "\u00e9" and "\u00e0", so each side's Locator has an
// anchor after every escape: columns after it are 5 more than the decoded
// text suggests.
func jsonlReport() *Report {
	b := newBuilder()
	const (
		src = "Café culture in Brussels"
		tgt = "La culture du café à Brussels"
	)
	pos := func(off, col int) pipeline.Position { return pipeline.Position{Offset: off, Line: 2, Column: col} }
	d := b.doc(&pipeline.Document{
		Path: "data/pairs.jsonl", Format: "jsonl", SourceLang: en, TargetLang: fr,
		Segments: []pipeline.Segment{
			{ID: "s1", Source: "Hello", Target: "Bonjour", SourceLang: en, TargetLang: fr,
				SourceLoc: at(1, 22, 21), TargetLoc: at(1, 39, 38)},
			{ID: "s2", Source: src, Target: tgt, SourceLang: en, TargetLang: fr,
				SourceLoc: pipeline.Locator{Anchors: []pipeline.Anchor{{Off: 0, Pos: pos(69, 22)}, {Off: 5, Pos: pos(78, 31)}}},
				TargetLoc: pipeline.Locator{Anchors: []pipeline.Anchor{{Off: 0, Pos: pos(110, 63)}, {Off: 19, Pos: pos(133, 86)}, {Off: 22, Pos: pos(140, 93)}}}},
		},
	})
	b.add(d, 1, finding{
		check: "untranslated", category: pipeline.CategoryUntranslated, severity: pipeline.Major,
		sub: "Brussels", message: "“Brussels” is left in English",
		fixes: []pipeline.Fix{replace("Replace with “Bruxelles”", tgt, "Brussels", 0, "Bruxelles")},
	})
	b.add(d, 1, finding{
		check: "glossary-source", category: pipeline.CategoryTermWrong, severity: pipeline.Neutral,
		side: pipeline.Source, sub: "Café", message: "“Café” is not in the glossary",
	})
	b.add(d, 1, finding{
		check: "accents", category: pipeline.CategorySpelling, severity: pipeline.Minor,
		sub: "café à", message: "Check the accents of “café à”",
	})
	return b.report()
}

// fixesReport has fixes of several edits, given out of order, and several
// alternatives for one finding.
func fixesReport() *Report {
	b := newBuilder()
	const tgt = `Il a dit "non" au plan, puis "oui".`
	d := b.doc(&pipeline.Document{
		Path: "fr/quotes.txt", Format: "text", TargetLang: fr,
		Segments: []pipeline.Segment{{ID: "1", Target: tgt, TargetLang: fr, TargetLoc: at(1, 1, 0)}},
	})
	open, close := locate(tgt, `"`, 0), locate(tgt, `"`, 1)
	open2, close2 := locate(tgt, `"`, 2), locate(tgt, `"`, 3)
	b.add(d, 0, finding{
		check: "quotes", category: pipeline.CategoryPunctuation, severity: pipeline.Minor,
		sub: `"non"`, message: "Straight quotes in French text",
		fixes: []pipeline.Fix{
			{Message: "Use guillemets", Edits: []pipeline.Edit{
				{Span: close, NewText: "\u00a0»"},
				{Span: open, NewText: "«\u00a0"},
			}},
			{Message: "Use curly quotes", Edits: []pipeline.Edit{
				{Span: open, NewText: "“"},
				{Span: close, NewText: "”"},
			}},
		},
	})
	b.add(d, 0, finding{
		check: "quotes", category: pipeline.CategoryPunctuation, severity: pipeline.Minor,
		sub: `"oui"`, message: "Straight quotes in French text",
		fixes: []pipeline.Fix{{Message: "Use guillemets", Edits: []pipeline.Edit{
			{Span: open2, NewText: "«\u00a0"},
			{Span: close2, NewText: "\u00a0»"},
		}}},
	})
	return b.report()
}

// errorsReport has inputs that could not be read next to one that could.
func errorsReport() *Report {
	b := newBuilder()
	const tgt = "Les Alliés se consultent  sur la sécurité."
	d := b.doc(&pipeline.Document{
		Path: "ok.txt", Format: "text", TargetLang: fr,
		Segments: []pipeline.Segment{{ID: "1", Target: tgt, TargetLang: fr, TargetLoc: at(1, 1, 0)}},
	})
	b.add(d, 0, finding{
		check: "double-space", category: pipeline.CategoryWhitespace, severity: pipeline.Minor,
		sub: "  ", message: "Two spaces between words",
		fixes: []pipeline.Fix{replace("Replace with one space", tgt, "  ", 0, " ")},
	})
	b.r.Errors = []FileError{
		{Path: "missing.xlf", Err: errors.New("open missing.xlf: no such file or directory")},
		{Path: "broken.jsonl", Err: errors.New(`corpus: parse broken.jsonl: line 3, column 18: invalid character '}' looking for beginning of value`)},
	}
	return b.report()
}
