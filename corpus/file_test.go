package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// writeBackCase is a file, and new targets to write into it.
type writeBackCase struct {
	name, format string
	data         []byte
	enc          string // the encoding the file must be read in
	targets      map[int]string
}

func writeBackCases(t testing.TB) []writeBackCase {
	text := "Title Here\n\nFirst paragraph. It has two sentences.\n- item one\n- item two\n"
	md := "# Title\n\n> quoted line one\n> line two\n\n- item\n  continued\n1. numbered\n\n| a | b |\n|---|---|\n| c | d |\n"
	jsonl := `{"id": "a", "source": "战争", "target": "War"}` + "\n" +
		`{"id": "b", "source": "和平", "target": null, "x": [1]}` + "\n" +
		`{"source": "同盟国"}` + "\n"
	tsv := "id\tsource\ttarget\n1\t我们反对战争。\tWe're against war.\n2\t战争并非不可避免。\t\n"
	csv := "id,source,target\r\n1,\"进攻是最好的防御。\",\"Attack is the \"\"best\"\" defense.\"\r\n2,\"a,b\",\"two\r\nlines\"\r\n3,x,plain\r\n"
	return []writeBackCase{
		{"text", "text", []byte(text), "utf-8", map[int]string{1: "A new first paragraph.", 3: "new item"}},
		{"text crlf wrapped", "text", []byte("Intro line that wraps\r\nonto the next line.\r\n\r\nSecond.\r\n"), "utf-8", map[int]string{0: "One line now.", 1: "Second, changed."}},
		{"text utf-16le", "text", mustEncode(t, "utf-16le", "\uFEFF"+text), "utf-16le", map[int]string{1: "Nouveau paragraphe, été 😀."}},
		{"text utf-16be crlf", "text", mustEncode(t, "utf-16be", "\uFEFFOne.\r\nTwo.\r\n"), "utf-16be", map[int]string{1: "Deux."}},
		{"text gb18030", "text", mustEncode(t, "gb18030", simplifiedText), "gb18030", map[int]string{1: "和平會談將在下週開始。", 3: "€ ok"}},
		{"text big5", "text", mustEncode(t, "big5", traditionalText), "big5", map[int]string{0: "他們選出了新政府。"}},
		{"markdown", "markdown", []byte(md), "utf-8", map[int]string{1: "one line\nand another", 2: "new item", 6: "e"}},
		{"markdown crlf", "markdown", []byte(strings.ReplaceAll(md, "\n", "\r\n")), "utf-8", map[int]string{1: "first\nsecond", 3: "one\ntwo"}},
		{"jsonl", "jsonl", []byte(jsonl), "utf-8", map[int]string{0: `new "quoted" <b> & é` + "\n\t\u2028", 1: "Peace", 2: "ally"}},
		{"jsonl gb18030", "jsonl", mustEncode(t, "gb18030", jsonl), "gb18030", map[int]string{2: "同盟"}},
		{"tsv", "tsv", []byte(tsv), "utf-8", map[int]string{0: "We oppose war.", 1: "War is not inevitable."}},
		{"tsv utf-16le", "tsv", mustEncode(t, "utf-16le", "\uFEFF"+tsv), "utf-16le", map[int]string{1: "War is not inevitable."}},
		{"csv", "csv", []byte(csv), "utf-8", map[int]string{0: "plain now", 1: "still\ntwo lines", 2: `needs "quotes", now`}},
		{"csv gb18030", "csv", mustEncode(t, "gb18030", csv), "gb18030", map[int]string{2: " leading space"}},
	}
}

func TestBytesRoundTrip(t *testing.T) {
	for _, tt := range writeBackCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("f", tt.data, tt.format, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if f.Encoding.Name != tt.enc {
				t.Fatalf("encoding %+v, want %s", f.Encoding, tt.enc)
			}
			checkDocument(t, f.text, f.Doc)
			same, err := f.Bytes(nil)
			if err != nil || !bytes.Equal(same, tt.data) {
				t.Fatalf("Bytes(nil) = %q, %v; want the input", same, err)
			}
			out, err := f.Bytes(tt.targets)
			if err != nil {
				t.Fatal(err)
			}
			g, err := Parse("f", out, tt.format, Options{})
			if err != nil {
				t.Fatalf("reading the written file: %v\n%q", err, out)
			}
			checkDocument(t, g.text, g.Doc)
			if g.Encoding != f.Encoding {
				t.Errorf("encoding %+v after writing, was %+v", g.Encoding, f.Encoding)
			}
			if len(g.Doc.Segments) != len(f.Doc.Segments) {
				t.Fatalf("%d segments after writing, want %d:\n%s", len(g.Doc.Segments), len(f.Doc.Segments), g.text)
			}
			for i := range f.Doc.Segments {
				a, b := &f.Doc.Segments[i], &g.Doc.Segments[i]
				want, ok := tt.targets[i]
				if !ok {
					want = a.Target
				}
				if b.Target != want || b.Source != a.Source || b.ID != a.ID {
					t.Errorf("segment %d: %s %q %q, want %s %q %q", i, b.ID, b.Source, b.Target, a.ID, a.Source, want)
				}
			}
			if crlf := usesCRLF(f.text); crlf != usesCRLF(g.text) || crlf && bytes.Contains(bytes.ReplaceAll(g.text, []byte("\r\n"), nil), []byte("\n")) {
				t.Errorf("line breaks changed: %q", g.text)
			}
		})
	}
}

func TestBytesErrors(t *testing.T) {
	tests := []struct {
		name, format string
		data         []byte
		targets      map[int]string
		want         string
	}{
		{"no segment", "text", []byte("a\n"), map[int]string{3: "x"}, "corpus: write f: no segment 3"},
		{"text line break", "text", []byte("One.\n\nTwo.\n"), map[int]string{0: "a\nb"}, "corpus: write f: segment 1: a line break would split the paragraph: write it on one line"},
		{"text empty", "text", []byte("One.\n"), map[int]string{0: ""}, "corpus: write f: segment 1: a paragraph of plain text cannot be empty"},
		{"text space", "text", []byte("One.\n"), map[int]string{0: " x"}, "corpus: write f: segment 1: white space at the start or end would be lost"},
		{"text list marker", "text", []byte("One.\n"), map[int]string{0: "- x"}, "corpus: write f: segment 1: it would read back as a list item"},
		{"text joins before", "text", []byte("Title\nSecond line.\n"), map[int]string{1: "second line."}, "corpus: write f: segment 2: it would join the paragraph before it, which does not end a sentence"},
		{"text joins after", "text", []byte("First.\n- item\nNext one.\n"), map[int]string{0: "first"}, ""},
		{"markdown blank line", "markdown", []byte("para\n"), map[int]string{0: "a\n\nb"}, "corpus: write f: segment 1: a blank line would end the block"},
		{"markdown heading", "markdown", []byte("# h\n"), map[int]string{0: "a\nb"}, "corpus: write f: segment 1: a heading takes no line break"},
		{"markdown pipe", "markdown", []byte("|a|\n|-|\n|b|\n"), map[int]string{1: "x|y"}, `corpus: write f: segment 2: a "|" would end the table cell: write "\|"`},
		{"tsv tab", "tsv", []byte("target\nx\n"), map[int]string{0: "a\tb"}, "corpus: write f: segment 2: a TSV field cannot hold a tab or a line break"},
		{"big5 cannot", "text", mustEncode(t, "big5", traditionalText), map[int]string{0: "战争"}, `corpus: write f: segment 1: character '战' (U+6218) cannot be written in big5`},
		{"invalid utf-8", "jsonl", []byte(`{"target": "a"}`), map[int]string{0: "\xff"}, "corpus: write f: segment 1: new target is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("f", tt.data, tt.format, Options{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = f.Bytes(tt.targets)
			if tt.want == "" {
				if err != nil {
					t.Errorf("unexpected error %v", err)
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "news.en.txt")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	fi, _ := os.Stat(path)
	if err != nil || string(got) != "new" || fi.Mode().Perm() != 0o600 {
		t.Errorf("file %q %v, mode %v; want \"new\", 0600", got, err, fi.Mode().Perm())
	}
	fresh := filepath.Join(dir, "fresh.txt")
	if err := WriteFileAtomic(fresh, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("new file: %v, %v; want mode 0644", fi, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("directory holds %d files, want 2 (no temporary file left)", len(entries))
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing", "x.txt"), nil); err == nil {
		t.Error("no error writing into a missing directory")
	}
}

// FuzzWriteBack writes a new target into a segment of a document: when
// Bytes takes it, the file must read back with that target and every
// other segment unchanged.
func FuzzWriteBack(f *testing.F) {
	formats := []string{"text", "markdown", "jsonl", "tsv", "csv"}
	for _, c := range writeBackCases(f) {
		for i, target := range c.targets {
			f.Add(c.data, uint8(slices.Index(formats, c.format)), uint8(i), target)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, format, seg uint8, target string) {
		file, err := Parse("f", data, formats[int(format)%len(formats)], Options{})
		if err != nil || len(file.Doc.Segments) == 0 || !utf8.ValidString(target) {
			return
		}
		i := int(seg) % len(file.Doc.Segments)
		out, err := file.Bytes(map[int]string{i: target})
		if err != nil {
			return
		}
		g, err := Parse("f", out, file.Doc.Format, Options{Encoding: file.Encoding.Name})
		if err != nil {
			t.Fatalf("reading the written file: %v\n%q", err, out)
		}
		if len(g.Doc.Segments) != len(file.Doc.Segments) {
			t.Fatalf("%d segments after writing %q into %d, want %d\n%q", len(g.Doc.Segments), target, i, len(file.Doc.Segments), g.text)
		}
		for k := range file.Doc.Segments {
			a, b := &file.Doc.Segments[k], &g.Doc.Segments[k]
			want := a.Target
			if k == i {
				want = strings.ReplaceAll(target, "\r\n", "\n")
			}
			if b.Target != want || b.Source != a.Source || b.ID != a.ID {
				t.Fatalf("segment %d after writing %q into %d: %s %q %q, want %s %q %q\n%q", k, target, i, b.ID, b.Source, b.Target, a.ID, a.Source, want, g.text)
			}
		}
	})
}

// TestBytesUnchangedTargets: a target given back unchanged keeps its bytes,
// even where writing it anew would spell it differently (here the entity
// &apos; and a character reference).
func TestBytesUnchangedTargets(t *testing.T) {
	data := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="zh" target-language="en" datatype="plaintext" original="x"><body>
<trans-unit id="1"><source>北约的</source><target>NATO&apos;s &#x41;</target></trans-unit>
<trans-unit id="2"><source>北约</source><target>NATO</target></trans-unit>
</body></file></xliff>
`)
	path := filepath.Join(t.TempDir(), "x.xlf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	same := map[int]string{0: f.Doc.Segments[0].Target, 1: f.Doc.Segments[1].Target}
	out, err := f.Bytes(same)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, data) {
		t.Errorf("unchanged targets rewrote the file:\n%s", out)
	}
	out, err = f.Bytes(map[int]string{0: f.Doc.Segments[0].Target, 1: "the Alliance"})
	if err != nil {
		t.Fatal(err)
	}
	if want := bytes.Replace(data, []byte("<target>NATO</target>"), []byte("<target>the Alliance</target>"), 1); !bytes.Equal(out, want) {
		t.Errorf("one changed target:\n%s", out)
	}
}
