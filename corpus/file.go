package corpus

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// File is a document read from a file, with what it takes to write new
// targets back into the file: its original bytes, its encoding, its text
// decoded to UTF-8, and where each segment's target lies in it.
type File struct {
	Doc      *pipeline.Document
	Encoding Encoding

	// Source is, for an aligned pair (OpenPair), the path of the source
	// file (Pair.Source), to which the segments' SourceLoc positions
	// refer; Doc.Path is the target file. It is empty for other files.
	Source string

	raw   []byte   // the file as read
	text  []byte   // raw decoded to UTF-8
	cs    *charset // raw's encoding
	codec *codec   // nil when the format cannot be written back
	opt   Options  // as read, to read the written file again
	// pairParas are, for an aligned pair, the kinds of the paragraphs of
	// the target file: its beads may change when it is read again, but
	// not its paragraphs.
	pair      bool
	pairParas []pipeline.Kind
}

// Open reads the file at path, in the format FormatFile finds. The
// document's Path is path as given, with slashes.
func Open(path string, opt Options) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	format, ok := Format(path)
	if !ok {
		if format, ok = Sniff(data); !ok {
			return nil, unsupported(path)
		}
	}
	// data is this function's own and is never written again: the
	// document's texts may share its bytes (see source.frozen).
	return parse(filepath.ToSlash(path), data, format, opt, true)
}

// Parse reads a document called name from data in format (one of "text",
// "markdown", "jsonl", "xliff", "tmx", "po", "tsv", "csv"; empty finds it
// from name's extension, else from the content, as Sniff does). The data
// is decoded to UTF-8 first (see the package documentation on encodings).
// Errors name the document and the line and column where reading failed.
func Parse(name string, data []byte, format string, opt Options) (*File, error) {
	return parse(name, data, format, opt, false)
}

// parse is Parse; frozen says that data is never written to while the
// File lives, so that the document's texts may share its bytes instead of
// copying them.
func parse(name string, data []byte, format string, opt Options, frozen bool) (*File, error) {
	if format == "" {
		var ok bool
		if format, ok = Format(name); !ok {
			if format, ok = Sniff(data); !ok {
				return nil, unsupported(name)
			}
		}
	}
	read, ok := readers[format]
	if !ok {
		return nil, fmt.Errorf("corpus: read %s: unknown format %q (want %s)", name, format, strings.Join(formatNames, ", "))
	}
	text, enc, err := decode(name, data, format, opt)
	if err != nil {
		return nil, err
	}
	var src *source
	if enc.Name == "utf-8" {
		src = newValidSource(name, text) // decode checked the bytes
	} else if src, err = newSource(name, text); err != nil {
		return nil, err
	}
	src.opt = opt
	src.frozen = frozen
	doc := &pipeline.Document{
		Path:       name,
		Format:     format,
		SourceLang: opt.SourceLang,
		TargetLang: opt.TargetLang,
	}
	c, err := read(src, doc)
	if err != nil {
		return nil, err
	}
	if !sizesChecked[format] {
		if err := checkSegmentSizes(doc); err != nil {
			return nil, err
		}
	}
	return &File{Doc: doc, Encoding: enc, raw: data, text: text, cs: charsets[enc.Name], codec: c, opt: opt}, nil
}

// Bytes returns the file with the targets of the given segments (index
// into Doc.Segments -> new target text, each inline code as one
// pipeline.CodeRune) written in place, encoded in the file's encoding;
// every other byte is the file's own. A new target is escaped as the
// format wants (see the package documentation for what each format
// refuses), and its line feeds become CRLF when the file's first line
// ends with CRLF. The result is read again, and Bytes fails unless it
// reads back with the new targets (up to CRLF line breaks read as LF) and
// every other segment unchanged: a new target cannot change the structure
// of the file (a "# " that makes a Markdown paragraph a heading, a blank
// line that splits it). With no targets, Bytes returns the file's bytes as
// they were read.
func (f *File) Bytes(targets map[int]string) ([]byte, error) {
	if len(targets) == 0 {
		return bytes.Clone(f.raw), nil
	}
	path := f.Doc.Path
	if f.codec == nil {
		return nil, fmt.Errorf("corpus: write %s: %s documents cannot be written back", path, f.Doc.Format)
	}
	for i, t := range targets {
		if !utf8.ValidString(t) {
			id := fmt.Sprint(i)
			if i >= 0 && i < len(f.Doc.Segments) {
				id = f.Doc.Segments[i].ID
			}
			return nil, fmt.Errorf("corpus: write %s: segment %s: new target is not valid UTF-8", path, id)
		}
	}
	edits, err := f.codec.edits(path, len(f.text), f.Doc, targets)
	if err != nil {
		return nil, err
	}
	offs := make([]int, 0, 2*len(edits))
	for _, e := range edits {
		offs = append(offs, e.span.Start, e.span.End)
	}
	orig, err := origOffsets(f.cs, f.raw, offs)
	if err != nil {
		return nil, fmt.Errorf("corpus: write %s: %w", path, err)
	}
	crlf := usesCRLF(f.text)
	out := make([]byte, 0, len(f.raw)+len(f.raw)/8)
	last := 0
	for k, e := range edits {
		text := e.text
		if crlf {
			text = toCRLF(text)
		}
		out = append(out, f.raw[last:orig[2*k]]...)
		if out, err = f.cs.encode(out, text); err != nil {
			return nil, fmt.Errorf("corpus: write %s: segment %s: %w", path, f.Doc.Segments[e.seg].ID, err)
		}
		last = orig[2*k+1]
	}
	out = append(out, f.raw[last:]...)
	if err := f.verify(out, targets); err != nil {
		return nil, err
	}
	return out, nil
}

// SHA256 returns the SHA-256 of the file's bytes as read (those that
// Bytes(nil) returns), without copying them.
func (f *File) SHA256() [sha256.Size]byte { return sha256.Sum256(f.raw) }

// verify reads out, f written with targets, and fails unless it has the
// same segments as f, with the new targets.
func (f *File) verify(out []byte, targets map[int]string) error {
	path := f.Doc.Path
	opt := f.opt
	opt.Encoding = f.Encoding.Name
	g, err := Parse(path, out, f.Doc.Format, opt)
	if err != nil {
		return fmt.Errorf("corpus: write %s: the new targets make the file unreadable: %w", path, err)
	}
	if f.pair {
		return f.verifyPair(g.Doc, targets)
	}
	for i := range f.Doc.Segments {
		a := &f.Doc.Segments[i]
		if i >= len(g.Doc.Segments) {
			return fmt.Errorf("corpus: write %s: segment %s: the new targets change the structure of the file: it reads back with %d segments, not %d", path, a.ID, len(g.Doc.Segments), len(f.Doc.Segments))
		}
		b := &g.Doc.Segments[i]
		want, changed := targets[i]
		if !changed {
			want = a.Target
		}
		if b.ID != a.ID || b.Source != a.Source || (b.Target != want && b.Target != strings.ReplaceAll(want, "\r\n", "\n")) {
			what := "its new target"
			if !changed {
				what = "it"
			}
			return fmt.Errorf("corpus: write %s: segment %s: the new targets change the structure of the file: %s reads back as %q", path, a.ID, what, b.Target)
		}
	}
	if len(g.Doc.Segments) != len(f.Doc.Segments) {
		return fmt.Errorf("corpus: write %s: the new targets change the structure of the file: it reads back with %d segments, not %d", path, len(g.Doc.Segments), len(f.Doc.Segments))
	}
	return nil
}

// usesCRLF reports whether the first line break of text is CRLF.
func usesCRLF(text []byte) bool {
	i := bytes.IndexByte(text, '\n')
	return i > 0 && text[i-1] == '\r'
}

// toCRLF turns every line feed of s that does not follow a carriage
// return into CRLF.
func toCRLF(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\r') {
			b.WriteByte('\r')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// WriteFileAtomic writes data to the file at path through a temporary
// file in the same directory, renamed over path once written and synced,
// so that readers see the old file or the new one, never a part. The file
// keeps its permissions (a new file gets 0644).
func WriteFileAtomic(path string, data []byte) (err error) {
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("corpus: write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("corpus: write %s: %w", path, err)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// verifyPair checks the target file of an aligned pair, read again as
// doc: it has the same paragraphs, of the same kinds (in plain text,
// where headings are guessed, list items stay list items and other
// paragraphs other paragraphs), and every new target is in their text.
func (f *File) verifyPair(doc *pipeline.Document, targets map[int]string) error {
	path := f.Doc.Path
	if len(doc.Segments) != len(f.pairParas) {
		return fmt.Errorf("corpus: write %s: the new targets change the structure of the file: it reads back with %d paragraphs, not %d", path, len(doc.Segments), len(f.pairParas))
	}
	var all strings.Builder
	for i, s := range doc.Segments {
		want := f.pairParas[i]
		if doc.Format == "text" && (s.Kind == pipeline.ListItem) == (want == pipeline.ListItem) {
			want = s.Kind // plain-text headings are guessed from their neighbours
		}
		if s.Kind != want {
			return fmt.Errorf("corpus: write %s: the new targets change the structure of the file: paragraph %d reads back as a %s, not a %s", path, i+1, s.Kind, want)
		}
		all.WriteString(s.Target)
		all.WriteByte('\n')
	}
	for i, t := range targets {
		if !strings.Contains(all.String(), t) {
			return fmt.Errorf("corpus: write %s: segment %s: the new targets change the structure of the file: %q does not read back", path, f.Doc.Segments[i].ID, t)
		}
	}
	return nil
}
