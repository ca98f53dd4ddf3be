package pipeline

import (
	"sort"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Position is a place in a file: a byte offset and the 1-based line and
// column, the column counted in characters (runes).
type Position struct {
	Offset, Line, Column int
}

// Anchor ties a byte offset in a segment's text to a position in its file.
type Anchor struct {
	Off int
	Pos Position
}

// Locator maps byte offsets in a segment's text to positions in its file.
//
// Where the text is a verbatim slice of the file, one anchor at offset 0 is
// enough: positions further on are found by walking the text. Where the
// reader decoded escapes (JSON "\u00e9", XML "&amp;"), it adds an anchor
// after each escape, so that the walk never crosses text that differs from
// the file.
type Locator struct {
	Anchors []Anchor // sorted by Off
}

// At returns a Locator whose text starts at pos and is verbatim.
func At(pos Position) Locator { return Locator{Anchors: []Anchor{{0, pos}}} }

// Locate returns the file position of byte offset off of text.
func (l Locator) Locate(text string, off int) Position {
	if off > len(text) {
		off = len(text)
	}
	if len(l.Anchors) == 0 {
		return Position{}
	}
	i := sort.Search(len(l.Anchors), func(i int) bool { return l.Anchors[i].Off > off }) - 1
	if i < 0 {
		i = 0
	}
	a := l.Anchors[i]
	p := a.Pos
	start := min(a.Off, off)
	for j := start; j < off; {
		r, n := utf8.DecodeRuneInString(text[j:])
		j += n
		p.Offset += n
		if r == '\n' {
			p.Line++
			p.Column = 1
		} else {
			p.Column++
		}
	}
	return p
}

// Kind tells what a segment is in its document's structure.
type Kind uint8

const (
	// Paragraph is running text (or a translation unit of a bilingual file).
	Paragraph Kind = iota
	// Heading is a title or heading; errors there weigh more.
	Heading
	// ListItem is an item of a bulleted or numbered list.
	ListItem
	// TableCell is a cell of a table.
	TableCell
)

var kindNames = [...]string{"paragraph", "heading", "list-item", "table-cell"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Segment is one unit of translation: a paragraph of a monolingual
// document, or a translation unit of a bilingual one.
type Segment struct {
	// ID is stable across runs: the unit id of the file format, or the
	// 1-based ordinal of the segment in its document.
	ID   string
	Kind Kind

	Source, Target         string
	SourceLang, TargetLang language.Tag // language.Und when unknown

	SourceLoc, TargetLoc Locator

	// SourceSkip and TargetSkip mark what is not prose (inline code, URLs,
	// e-mail addresses): findings that overlap them are dropped.
	SourceSkip, TargetSkip []Span

	// SourceCodes and TargetCodes are the inline codes of each side, in
	// text order; each stands in the text as one CodeRune.
	SourceCodes, TargetCodes []Code

	// Context tells translators where the segment is used: a PO msgctxt,
	// an XLIFF resname. State is the format's workflow state ("fuzzy",
	// "translated", "needs-review-translation", ...), empty when unknown.
	// Notes are translator and developer comments.
	Context, State string
	Notes          []string

	// Suppress names the checks whose findings on this segment are
	// dropped, as suppression comments in the file ask (SuppressAll for
	// every check); see Segment.Suppresses.
	Suppress []string

	// Align is set on segments that a sentence aligner made from two
	// separate files: how many sentences of each side the segment joins
	// (1-1 normally, 1-2 or 2-1 for merges, 1-0 or 0-1 where one side has
	// no counterpart).
	Align Alignment
}

// Alignment counts the sentences of each side that an aligned segment
// joins; the zero value means the segment was not aligned.
type Alignment struct{ Source, Target int }

// CodeRune stands in a segment's text for each inline code of the file
// format (an XLIFF <g>, <x/>, <ph>, a TMX <bpt>, ...), so that checks see
// prose and the codes stay comparable. It is U+FFFC OBJECT REPLACEMENT
// CHARACTER.
const CodeRune = '\uFFFC'

// CodeKind says whether an inline code opens, closes or stands alone.
type CodeKind uint8

const (
	// Standalone codes stand alone: a line break, an image, a variable.
	Standalone CodeKind = iota
	// Open codes start a span of formatted text (<g>, <bpt>, <pc> start, <sc>).
	Open
	// Close codes end it (</g>, <ept>, </pc>, <ec>).
	Close
)

var codeKindNames = [...]string{"standalone", "open", "close"}

func (k CodeKind) String() string {
	if int(k) < len(codeKindNames) {
		return codeKindNames[k]
	}
	return "unknown"
}

// Code is one inline code of a segment.
type Code struct {
	Span Span     // its CodeRune in the text
	Kind CodeKind // open, close or standalone
	Type string   // the format's element: "g", "x", "bx", "ex", "ph", "bpt", "ept", "it", "pc", "sc", "ec", "mrk", "hi"
	ID   string   // the format's id, which pairs a target code with a source code
	Data string   // the original markup, for display and write-back
}

// Codes returns one side's inline codes.
func (s *Segment) Codes(side Side) []Code {
	if side == Source {
		return s.SourceCodes
	}
	return s.TargetCodes
}

// Text returns one side's text.
func (s *Segment) Text(side Side) string {
	if side == Source {
		return s.Source
	}
	return s.Target
}

// Loc returns one side's Locator.
func (s *Segment) Loc(side Side) Locator {
	if side == Source {
		return s.SourceLoc
	}
	return s.TargetLoc
}

// Skip returns one side's non-prose spans.
func (s *Segment) Skip(side Side) []Span {
	if side == Source {
		return s.SourceSkip
	}
	return s.TargetSkip
}

// Lang returns one side's language.
func (s *Segment) Lang(side Side) language.Tag {
	if side == Source {
		return s.SourceLang
	}
	return s.TargetLang
}

// Locate returns the file position of byte offset off on one side.
func (s *Segment) Locate(side Side, off int) Position {
	return s.Loc(side).Locate(s.Text(side), off)
}

// Bilingual reports whether the segment has a source text.
func (s *Segment) Bilingual() bool { return s.Source != "" }

// Document is one input file, read into segments.
type Document struct {
	Path   string // as given by the user, slash-separated
	Format string // "text", "markdown", "jsonl", ...

	SourceLang, TargetLang language.Tag

	Segments []Segment
}
