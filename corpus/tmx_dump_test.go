package corpus

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// This file holds the test helpers that the TMX and PO tests share.

// biRead reads data as the format reader does and returns the
// document and its codec.
func biRead(t testing.TB, name string, data []byte, format string, opt Options) (*pipeline.Document, *codec, error) {
	t.Helper()
	src, err := newSource(name, data)
	if err != nil {
		return nil, nil, err
	}
	src.opt = opt
	doc := &pipeline.Document{Path: name, Format: format, SourceLang: opt.SourceLang, TargetLang: opt.TargetLang}
	c, err := readers[format](src, doc)
	return doc, c, err
}

// biDump lists everything a bilingual reader found, for golden
// files: per segment its id, context, state and notes, each side's
// language, start position and text, its inline codes with the position
// of each, and the target slot.
func biDump(doc *pipeline.Document, c *codec, data []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "document %s source=%s target=%s, %d segments\n", doc.Format, doc.SourceLang, doc.TargetLang, len(doc.Segments))
	for i := range doc.Segments {
		s := &doc.Segments[i]
		fmt.Fprintf(&b, "\n== %s\n", s.ID)
		if s.Context != "" {
			fmt.Fprintf(&b, "context %q\n", s.Context)
		}
		if s.State != "" {
			fmt.Fprintf(&b, "state %s\n", s.State)
		}
		for _, n := range s.Notes {
			fmt.Fprintf(&b, "note %q\n", n)
		}
		for _, side := range []pipeline.Side{pipeline.Source, pipeline.Target} {
			p := s.Locate(side, 0)
			fmt.Fprintf(&b, "%s %s %d:%d@%d %q\n", side, s.Lang(side), p.Line, p.Column, p.Offset, s.Text(side))
			for _, code := range s.Codes(side) {
				p := s.Locate(side, code.Span.Start)
				fmt.Fprintf(&b, "  code %s %s id=%q %v at %d:%d %q\n", code.Kind, code.Type, code.ID, code.Span, p.Line, p.Column, code.Data)
			}
			for _, sp := range s.Skip(side) {
				fmt.Fprintf(&b, "  skip %v %q\n", sp, s.Text(side)[sp.Start:sp.End])
			}
		}
		sl := c.slot(i)
		fmt.Fprintf(&b, "slot %v %q", sl.Span, data[sl.Span.Start:sl.Span.End])
		if sl.Missing {
			fmt.Fprintf(&b, " missing before=%q after=%q", sl.Before, sl.After)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// biCheck fails t unless doc, read from data, keeps the promises of
// a bilingual reader:
//
//   - every rune boundary of each side locates into data, strictly
//     increasing, with line and column agreeing with the byte offset, and
//     each character is the one at its located offset, or an escape or
//     markup that stands for it (same reports whether it is);
//   - each side holds exactly one pipeline.CodeRune per code, at the
//     code's span, and codes lie on rune boundaries in text order;
//   - skip spans are valid, sorted and disjoint;
//   - ids are unique; there is one slot per segment, in range and not
//     overlapping another.
func biCheck(t *testing.T, data []byte, doc *pipeline.Document, c *codec, same func(char string, at []byte) bool) {
	t.Helper()
	ps := positions(data)
	ids := map[string]bool{}
	if c.slotCount() != len(doc.Segments) {
		t.Fatalf("%d slots for %d segments", c.slotCount(), len(doc.Segments))
	}
	for k := range doc.Segments {
		s := &doc.Segments[k]
		if ids[s.ID] {
			t.Fatalf("duplicate id %q", s.ID)
		}
		ids[s.ID] = true
		for _, side := range []pipeline.Side{pipeline.Source, pipeline.Target} {
			text := s.Text(side)
			if !utf8.ValidString(text) {
				t.Fatalf("segment %s %s: text %q is not UTF-8", s.ID, side, text)
			}
			last := -1
			for i := 0; i <= len(text); {
				p := s.Locate(side, i)
				if p.Offset <= last || p.Offset > len(data) {
					t.Fatalf("segment %s %s: offset %d located at %d, after %d (file of %d bytes)", s.ID, side, i, p.Offset, last, len(data))
				}
				if want := ps[p.Offset]; want != p {
					t.Fatalf("segment %s %s: offset %d located at %+v, but that offset is at %+v", s.ID, side, i, p, want)
				}
				last = p.Offset
				if i == len(text) {
					break
				}
				_, n := utf8.DecodeRuneInString(text[i:])
				if !same(text[i:i+n], data[p.Offset:]) {
					t.Fatalf("segment %s %s: %q at offset %d, but the file has %q at %+v", s.ID, side, text[i:i+n], i, data[p.Offset:min(len(data), p.Offset+8)], p)
				}
				i += n
			}
			codes := s.Codes(side)
			if n := strings.Count(text, string(pipeline.CodeRune)); n != len(codes) {
				t.Fatalf("segment %s %s: %d code runes, %d codes", s.ID, side, n, len(codes))
			}
			end := 0
			for _, code := range codes {
				if code.Span.Start < end || !code.Span.Valid(text) || text[code.Span.Start:code.Span.End] != string(pipeline.CodeRune) {
					t.Fatalf("segment %s %s: code %+v is not at a code rune of %q", s.ID, side, code, text)
				}
				end = code.Span.End
			}
			spans := s.Skip(side)
			for j, sp := range spans {
				if !sp.Valid(text) || sp.Len() == 0 || j > 0 && sp.Start < spans[j-1].End {
					t.Fatalf("segment %s %s: bad skip spans %v of %q", s.ID, side, spans, text)
				}
			}
		}
	}
	last := 0
	for _, i := range biSlotOrder(c) {
		sl := c.slot(i)
		if sl.Span.Start < last || sl.Span.End > len(data) || sl.Span.Start > sl.Span.End {
			t.Fatalf("segment %s: slot %v out of order or range", doc.Segments[i].ID, sl.Span)
		}
		last = sl.Span.End
	}
}

// biSlotOrder returns the segment indexes in the order of their slots.
func biSlotOrder(c *codec) []int {
	idx := make([]int, c.slotCount())
	for i := range idx {
		idx[i] = i
	}
	for i := 1; i < len(idx); i++ { // insertion sort: slots are nearly sorted
		for j := i; j > 0 && c.slot(idx[j]).Span.Start < c.slot(idx[j-1]).Span.Start; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	return idx
}

// biWriteSuffix is what biCheckWriteBack adds to every target: characters
// that each format must escape, and some that it must not.
const biWriteSuffix = " <&>\"'\\\t\n\r¿é中 ]]>"

// biCheckWriteBack writes every target of doc back with biWriteSuffix added
// (a target without codes of its own where the source has some starts
// from the source instead), reads the result, and fails t unless it has
// the same segments with the new targets and the same codes. It also
// checks that writing nothing, and writing every target unchanged, give
// back data byte for byte.
func biCheckWriteBack(t *testing.T, data []byte, doc *pipeline.Document, c *codec, opt Options, same func(char string, at []byte) bool) {
	t.Helper()
	text := string(data)
	for _, targets := range []map[int]string{{}, biUnchanged(doc)} {
		out, err := c.splice(doc.Path, text, doc, targets)
		if err != nil {
			t.Fatalf("write back unchanged: %v", err)
		}
		if out != text {
			t.Fatalf("write back of %d unchanged targets changed the file:\n%s", len(targets), out)
		}
	}
	targets := map[int]string{}
	for i := range doc.Segments {
		s := &doc.Segments[i]
		base := s.Target
		if len(s.TargetCodes) == 0 && len(s.SourceCodes) > 0 {
			base = s.Source
		}
		targets[i] = base + biWriteSuffix
	}
	out, err := c.splice(doc.Path, text, doc, targets)
	if err != nil {
		t.Fatalf("write back: %v", err)
	}
	doc2, c2, err := biRead(t, doc.Path, []byte(out), doc.Format, opt)
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, out)
	}
	biCheck(t, []byte(out), doc2, c2, same)
	if len(doc2.Segments) != len(doc.Segments) {
		t.Fatalf("read back %d segments, want %d:\n%s", len(doc2.Segments), len(doc.Segments), out)
	}
	for i := range doc.Segments {
		a, b := &doc.Segments[i], &doc2.Segments[i]
		if b.ID != a.ID || b.Source != a.Source || b.Target != targets[i] {
			t.Fatalf("segment %d read back as %q %q %q, want %q %q %q", i, b.ID, b.Source, b.Target, a.ID, a.Source, targets[i])
		}
		want := a.TargetCodes
		if len(want) == 0 {
			want = a.SourceCodes
		}
		if len(b.TargetCodes) != len(want) {
			t.Fatalf("segment %s: %d target codes read back, want %d", a.ID, len(b.TargetCodes), len(want))
		}
		for k := range want {
			if b.TargetCodes[k].Data != want[k].Data || b.TargetCodes[k].Kind != want[k].Kind {
				t.Fatalf("segment %s: code %d read back as %+v, want %+v", a.ID, k, b.TargetCodes[k], want[k])
			}
		}
	}
}

func biUnchanged(doc *pipeline.Document) map[int]string {
	m := map[int]string{}
	for i, s := range doc.Segments {
		if s.Target != "" {
			m[i] = s.Target
		}
	}
	return m
}

// biCRLF returns data with every LF written CR LF.
func biCRLF(data []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}

func biReadFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
