package reports

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

// TestInvalidReports checks that a finding the writers cannot place is an
// error naming it, and that nothing is written then.
func TestInvalidReports(t *testing.T) {
	const tgt = "café noir"
	base := func() *Report {
		return &Report{
			Documents: []*pipeline.Document{{Path: "a.txt", Segments: []pipeline.Segment{{ID: "1", Target: tgt, TargetLoc: at(1, 1, 0)}}}},
			Findings:  []pipeline.Finding{{Check: "c", Severity: pipeline.Minor, Span: pipeline.Span{Start: 0, End: 5}}},
		}
	}
	tests := []struct {
		name   string
		mutate func(r *Report)
		want   string
	}{
		{"nil document", func(r *Report) { r.Documents = append(r.Documents, nil) }, "document 1 is nil"},
		{"document index", func(r *Report) { r.Findings[0].Doc = 1 }, "document index 1 out of range"},
		{"segment index", func(r *Report) { r.Findings[0].Segment = -1 }, "segment index -1 out of range"},
		{"severity", func(r *Report) { r.Findings[0].Severity = 0 }, "invalid severity"},
		{"side", func(r *Report) { r.Findings[0].Side = 7 }, "invalid side 7"},
		{"span past the end", func(r *Report) { r.Findings[0].Span.End = 99 }, "invalid target span [0,99)"},
		{"span in a character", func(r *Report) { r.Findings[0].Span.End = 4 }, "invalid target span [0,4)"}, // "caf" and half of "é"
		{"source span", func(r *Report) { r.Findings[0].Side = pipeline.Source }, "invalid source span [0,5)"},
		{"edit out of range", func(r *Report) {
			r.Findings[0].Fixes = []pipeline.Fix{pipeline.ReplaceFix("x", pipeline.Span{Start: 5, End: 20}, "y")}
		}, "fix 0: edit 0: invalid span [5,20)"},
		{"overlapping edits", func(r *Report) {
			r.Findings[0].Fixes = []pipeline.Fix{{Message: "x", Edits: []pipeline.Edit{
				{Span: pipeline.Span{Start: 0, End: 5}}, {Span: pipeline.Span{Start: 2, End: 3}},
			}}}
		}, "edits 0 [0,5) and 1 [2,3) overlap"},
		{"insertion after a replacement at one offset", func(r *Report) {
			r.Findings[0].Fixes = []pipeline.Fix{{Message: "x", Edits: []pipeline.Edit{
				{Span: pipeline.Span{Start: 0, End: 2}}, {Span: pipeline.Span{Start: 0, End: 0}},
			}}}
		}, "overlap"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := base()
			tt.mutate(r)
			for name, write := range map[string]func(*bytes.Buffer) error{
				"text": func(b *bytes.Buffer) error { return WriteText(b, r, TextOptions{}) },
				"json": func(b *bytes.Buffer) error { return WriteJSON(b, r) },
			} {
				var b bytes.Buffer
				err := write(&b)
				if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "reports: ") {
					t.Errorf("%s: error %v, want one containing %q", name, err, tt.want)
				}
				if b.Len() > 0 {
					t.Errorf("%s: wrote %q before failing", name, b.String())
				}
			}
		})
	}
	if err := WriteText(&bytes.Buffer{}, nil, TextOptions{}); err == nil {
		t.Error("WriteText(nil report): no error")
	}
	if err := WriteJSON(&bytes.Buffer{}, nil); err == nil {
		t.Error("WriteJSON(nil report): no error")
	}
	// The base report itself is valid.
	if err := WriteJSON(&bytes.Buffer{}, base()); err != nil {
		t.Errorf("valid report: %v", err)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

func TestWriteErrors(t *testing.T) {
	broken := errors.New("disk full")
	for _, f := range Formats {
		r := severitiesReport()
		// A patch of no change is empty, with nothing to write.
		r.Changes = []FileChange{{Path: "a.txt", Old: []byte("a\n"), New: []byte("b\n")}}
		err := f.Write(failingWriter{broken}, r, Options{})
		if !errors.Is(err, broken) {
			t.Errorf("%s: error %v, want %v", f.Name, err, broken)
		}
	}
}

func TestFormats(t *testing.T) {
	names := FormatNames()
	if got := strings.Join(names, ","); !strings.HasPrefix(got, "text,json,") {
		t.Errorf("FormatNames() = %s, want text (the default) and json first", got)
	}
	for i, n := range names {
		if slices.Contains(names[:i], n) {
			t.Errorf("format %s listed twice", n)
		}
	}
	for _, c := range []struct {
		name  string
		color bool
		want  func(*bytes.Buffer) error
	}{
		{"text", false, func(b *bytes.Buffer) error { return WriteText(b, severitiesReport(), TextOptions{}) }},
		{"text", true, func(b *bytes.Buffer) error { return WriteText(b, severitiesReport(), TextOptions{Color: true}) }},
		{"json", true, func(b *bytes.Buffer) error { return WriteJSON(b, severitiesReport()) }},
		{"html", true, func(b *bytes.Buffer) error { return WriteHTML(b, severitiesReport()) }},
	} {
		f, ok := LookupFormat(c.name)
		if !ok {
			t.Fatalf("LookupFormat(%q): not found", c.name)
		}
		var got, want bytes.Buffer
		if err := f.Write(&got, severitiesReport(), Options{Color: c.color}); err != nil {
			t.Fatal(err)
		}
		if err := c.want(&want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("format %s (color %v) writes something else than its function", c.name, c.color)
		}
	}
	if _, ok := LookupFormat("xml"); ok {
		t.Error(`LookupFormat("xml") found a format`)
	}
}

func TestFileError(t *testing.T) {
	inner := errors.New("permission denied")
	e := FileError{Path: "a.xlf", Err: inner}
	if e.Error() != "a.xlf: permission denied" || !errors.Is(e, inner) {
		t.Errorf("FileError: %v", e)
	}
	if (FileError{Path: "b"}).Error() != "b: unknown error" {
		t.Errorf("FileError without Err: %v", FileError{Path: "b"})
	}
}
