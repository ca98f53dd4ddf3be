package corpus

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/tqa-project/tqa/pipeline"
)

// Slot says where a segment's target is stored in the (decoded) file, so
// that a new target can be written back in its place. Span covers the
// target exactly as encoded in the file (escaped, with its inline markup).
// Where the file has no target yet (an XLIFF unit without <target>), Span
// is empty at the point of insertion and Before and After wrap the
// inserted text ("<target>", "</target>").
type Slot struct {
	Span          pipeline.Span
	Before, After string
	Missing       bool // the file has no target here yet
}

// codec is what a reader leaves for writing its format back: a slot per
// segment and the encoding of a new target text for the format.
type codec struct {
	slots []Slot // one per segment, in segment order
	// spans stand for slots where every slot is a target present in the
	// file with nothing to wrap (a PO msgstr): sixteen bytes a segment and
	// no pointers, where a Slot takes fifty-six with three. A reader sets
	// one of slots and spans.
	spans []pipeline.Span
	// encode turns a new target text of segment seg, with each inline
	// code as pipeline.CodeRune, into the bytes that go into its slot:
	// escaped for the format, the codes restored from seg.TargetCodes (or
	// from seg.SourceCodes where the file had no target).
	encode func(seg *pipeline.Segment, target string) (string, error)
}

// slotCount returns the number of slots.
func (c *codec) slotCount() int {
	if c.spans != nil {
		return len(c.spans)
	}
	return len(c.slots)
}

// slot returns the slot of segment i.
func (c *codec) slot(i int) Slot {
	if c.spans != nil {
		return Slot{Span: c.spans[i]}
	}
	return c.slots[i]
}

// edit replaces the bytes of span in the decoded text of a file by text.
type edit struct {
	seg  int // the index of the segment whose target it writes
	span pipeline.Span
	text string
}

// edits returns the edits that write the new targets into their slots:
// each the encoded target, wrapped in the slot's Before and After where
// the file had no target. They are sorted and do not overlap.
func (c *codec) edits(path string, textLen int, doc *pipeline.Document, targets map[int]string) ([]edit, error) {
	idx := make([]int, 0, len(targets))
	for i := range targets {
		if i < 0 || i >= len(doc.Segments) || i >= c.slotCount() {
			return nil, fmt.Errorf("corpus: write %s: no segment %d", path, i)
		}
		idx = append(idx, i)
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(c.slot(a).Span.Start, c.slot(b).Span.Start), cmp.Compare(a, b))
	})
	out := make([]edit, 0, len(idx))
	last := 0
	for _, i := range idx {
		sl := c.slot(i)
		if !sl.Missing && targets[i] == doc.Segments[i].Target {
			continue // unchanged: its bytes stay as they are
		}
		if sl.Span.Start < last || sl.Span.End > textLen || sl.Span.End < sl.Span.Start {
			return nil, fmt.Errorf("corpus: write %s: segment %s: target slot %v overlaps another", path, doc.Segments[i].ID, sl.Span)
		}
		enc, err := c.encode(&doc.Segments[i], targets[i])
		if err != nil {
			return nil, fmt.Errorf("corpus: write %s: segment %s: %w", path, doc.Segments[i].ID, err)
		}
		if sl.Missing {
			enc = sl.Before + enc + sl.After
		}
		out = append(out, edit{i, sl.Span, enc})
		last = sl.Span.End
	}
	return out, nil
}

// splice returns text with the slots of the segments in targets replaced
// by their encoded new targets; everything else is kept byte for byte.
func (c *codec) splice(path, text string, doc *pipeline.Document, targets map[int]string) (string, error) {
	edits, err := c.edits(path, len(text), doc, targets)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	last := 0
	for _, e := range edits {
		b.WriteString(text[last:e.span.Start])
		b.WriteString(e.text)
		last = e.span.End
	}
	b.WriteString(text[last:])
	return b.String(), nil
}

// codesFor returns the inline codes that a new target text must restore:
// the target's own, or the source's where the segment has no target codes.
// The text must hold exactly as many pipeline.CodeRune as there are codes,
// or none at all: a new target may drop every inline code (a translation
// that needs no markup), but not some of them, since which ones it kept
// could not be told.
func codesFor(seg *pipeline.Segment, target string) ([]pipeline.Code, error) {
	codes := seg.TargetCodes
	if len(codes) == 0 {
		codes = seg.SourceCodes
	}
	n := strings.Count(target, string(pipeline.CodeRune))
	if n == 0 {
		return nil, nil
	}
	if n != len(codes) {
		return nil, fmt.Errorf("new target has %d inline codes, want %d", n, len(codes))
	}
	return codes, nil
}
