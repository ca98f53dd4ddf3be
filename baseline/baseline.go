package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/reports"
)

// Schema names the version of the file format.
const Schema = "tqa.baseline/v1"

// File is a baseline: the findings accepted when it was written.
type File struct {
	Schema   string  `json:"schema"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Check       string `json:"check"`
	Path        string `json:"path"` // relative to the baseline file's directory
	Segment     string `json:"segment"`
	Side        string `json:"side"` // "target" or "source"
	Text        string `json:"text"`
}

// New returns the baseline of findings for a file in directory dir.
func New(findings []pipeline.Finding, dir string) *File {
	b := &File{Schema: Schema, Findings: make([]Entry, 0, len(findings))}
	for i := range findings {
		f := rebase(&findings[i], dir)
		b.Findings = append(b.Findings, Entry{
			Fingerprint: reports.Fingerprint(&f),
			Check:       f.Check,
			Path:        f.Path,
			Segment:     f.ID,
			Side:        f.Side.String(),
			Text:        f.Text,
		})
	}
	slices.SortFunc(b.Findings, compareEntries)
	return b
}

// rebase returns f with its path relative to dir.
func rebase(f *pipeline.Finding, dir string) pipeline.Finding {
	g := *f
	g.Path = relative(dir, f.Path)
	return g
}

// relative returns path relative to dir, slash-separated; path as it is
// (with slashes) when it cannot be made relative.
func relative(dir, path string) string {
	absDir, err1 := filepath.Abs(dir)
	absPath, err2 := filepath.Abs(filepath.FromSlash(path))
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(absDir, absPath)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

func compareEntries(a, b Entry) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		compareIDs(a.Segment, b.Segment),
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(a.Side, b.Side),
		cmp.Compare(a.Text, b.Text),
		cmp.Compare(a.Fingerprint, b.Fingerprint),
	)
}

// compareIDs orders segment IDs numerically where both are numbers (the
// ordinals of text and Markdown), else as strings.
func compareIDs(a, b string) int {
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	if err1 == nil && err2 == nil {
		return cmp.Or(cmp.Compare(x, y), cmp.Compare(a, b))
	}
	return cmp.Compare(a, b)
}

// Write writes the baseline as indented JSON, entries sorted.
func (b *File) Write(w io.Writer) error {
	out := *b
	out.Findings = slices.Clone(b.Findings)
	if out.Findings == nil {
		out.Findings = []Entry{}
	}
	slices.SortFunc(out.Findings, compareEntries)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&out); err != nil {
		return fmt.Errorf("baseline: %w", err)
	}
	return nil
}

// Save writes the baseline to path, replacing the file whole or not at
// all.
func (b *File) Save(path string) (err error) {
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("baseline: %w", err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("baseline: write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("baseline: write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("baseline: write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("baseline: write %s: %w", path, err)
	}
	return nil
}

// Load reads the baseline file at path.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	return Read(filepath.ToSlash(path), data)
}

// Read parses a baseline called name from data. It refuses unknown
// fields, another schema, and entries whose fingerprint does not match
// their fields; errors name the file and, for JSON syntax, the line and
// column.
func Read(name string, data []byte) (*File, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b File
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline: %s: %w", where(name, data, err), cleanJSONError(err))
	}
	if dec.More() {
		return nil, fmt.Errorf("baseline: %s: more than one JSON value", name)
	}
	if b.Schema != Schema {
		return nil, fmt.Errorf("baseline: %s: schema %q, want %q", name, b.Schema, Schema)
	}
	for i, e := range b.Findings {
		f, err := e.finding()
		if err != nil {
			return nil, fmt.Errorf("baseline: %s: finding %d: %w", name, i+1, err)
		}
		if fp := reports.Fingerprint(&f); fp != e.Fingerprint {
			return nil, fmt.Errorf("baseline: %s: finding %d (%s, %s segment %s): fingerprint %q does not match its fields (want %q); write the baseline again with tqa baseline update", name, i+1, e.Check, e.Path, e.Segment, e.Fingerprint, fp)
		}
	}
	return &b, nil
}

// finding returns the fields of the entry that the fingerprint covers.
func (e *Entry) finding() (pipeline.Finding, error) {
	f := pipeline.Finding{Check: e.Check, Path: e.Path, ID: e.Segment, Text: e.Text}
	switch e.Side {
	case "target":
		f.Side = pipeline.Target
	case "source":
		f.Side = pipeline.Source
	default:
		return f, fmt.Errorf("side %q, want target or source", e.Side)
	}
	if e.Check == "" || e.Path == "" {
		return f, errors.New("no check or no path")
	}
	return f, nil
}

// where returns name:line:col for a JSON syntax or type error.
func where(name string, data []byte, err error) string {
	var off int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	}
	// Offset counts the bytes read, the one at fault included.
	off--
	if off < 0 || off > int64(len(data)) {
		return name
	}
	line, col := 1, 1
	for _, r := range string(data[:off]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("%s:%d:%d", name, line, col)
}

func cleanJSONError(err error) error {
	if errors.Is(err, io.EOF) {
		return errors.New("empty file")
	}
	return err
}

// Filter returns the findings that the baseline does not hold, in their
// order, and how many it held. Findings' paths are taken relative to dir,
// the baseline file's directory. Each entry accepts one finding: of N+1
// findings with one fingerprint and N entries, the last is kept.
func (b *File) Filter(findings []pipeline.Finding, dir string) (kept []pipeline.Finding, suppressed int) {
	s := b.Sieve(dir)
	kept = s.Filter(findings)
	return kept, s.Suppressed()
}

// A Sieve applies a baseline to findings that come in parts, as tqa check
// --format jsonl streams them: each entry accepts one finding over all the
// parts, so that the parts of a run, filtered in report order, keep what
// Filter keeps of the whole. A Sieve is not safe for concurrent use.
type Sieve struct {
	dir        string
	left       map[string]int // fingerprint -> entries not used yet
	suppressed int
}

// Sieve returns a Sieve of the baseline's entries; findings' paths are
// taken relative to dir, the baseline file's directory.
func (b *File) Sieve(dir string) *Sieve {
	left := make(map[string]int, len(b.Findings))
	for _, e := range b.Findings {
		left[e.Fingerprint]++
	}
	return &Sieve{dir: dir, left: left}
}

// Filter returns the findings of one part that no entry left accepts, in
// their order, and uses up the entries that accept the others.
func (s *Sieve) Filter(findings []pipeline.Finding) []pipeline.Finding {
	kept := make([]pipeline.Finding, 0, len(findings))
	for i := range findings {
		f := rebase(&findings[i], s.dir)
		fp := reports.Fingerprint(&f)
		if s.left[fp] > 0 {
			s.left[fp]--
			s.suppressed++
			continue
		}
		kept = append(kept, findings[i])
	}
	return kept
}

// Suppressed returns how many findings the Sieve has dropped so far.
func (s *Sieve) Suppressed() int { return s.suppressed }
