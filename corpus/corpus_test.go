package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		path, want string
		ok         bool
	}{
		{"a.txt", "text", true},
		{"dir/A.TXT", "text", true},
		{"notes.md", "markdown", true},
		{"notes.markdown", "markdown", true},
		{"pairs.jsonl", "jsonl", true},
		{"pairs.json", "", false},
		{"README", "", false},
		{"x.txt.bak", "", false},
	}
	for _, tt := range tests {
		if got, ok := Format(tt.path); got != tt.want || ok != tt.ok {
			t.Errorf("Format(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{
		"b.txt", "README.md", "readme.txt", ".hidden.txt", ".git/x.txt",
		"sub/c.md", "sub/a.jsonl", "sub/notes.pdf", "sub/deeper/d.markdown",
	} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rel := func(paths []string) []string {
		var out []string
		for _, p := range paths {
			out = append(out, strings.TrimPrefix(p, filepath.ToSlash(dir)+"/"))
		}
		return out
	}
	tests := []struct {
		name  string
		paths []string
		want  []string
	}{
		{"directory", []string{dir}, []string{"b.txt", "sub/a.jsonl", "sub/c.md", "sub/deeper/d.markdown"}},
		{"explicit files are always read", []string{filepath.Join(dir, "README.md"), filepath.Join(dir, ".hidden.txt")}, []string{".hidden.txt", "README.md"}},
		{"sorted and once", []string{filepath.Join(dir, "sub"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub", "c.md")}, []string{"b.txt", "sub/a.jsonl", "sub/c.md", "sub/deeper/d.markdown"}},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		got, err := Expand(tt.paths)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !slices.Equal(rel(got), tt.want) {
			t.Errorf("%s: Expand = %q, want %q", tt.name, rel(got), tt.want)
		}
	}

	errTests := []struct {
		path, want string
	}{
		{filepath.Join(dir, "missing"), "corpus: stat " + filepath.Join(dir, "missing") + ": no such file or directory"},
		{filepath.Join(dir, "sub", "notes.pdf"), "corpus: " + filepath.ToSlash(filepath.Join(dir, "sub", "notes.pdf")) + ": unsupported format (want .txt, .md, .markdown, .jsonl, .xlf, .xliff, .tmx, .po, .pot, .tsv, .csv, or XLIFF, TMX or PO content)"},
	}
	for _, tt := range errTests {
		if _, err := Expand([]string{filepath.Join(dir, "b.txt"), tt.path}); err == nil || err.Error() != tt.want {
			t.Errorf("Expand(%q) error = %v, want %s", tt.path, err, tt.want)
		}
	}
}

// TestReadSamples reads every document of the bundled samples.
func TestReadSamples(t *testing.T) {
	paths, err := Expand([]string{"samples"})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 3 {
		t.Fatalf("samples: %q, want the two seeds and the bilingual sample", paths)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ReadFile(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Path != p || len(doc.Segments) == 0 {
			t.Errorf("%s: path %q, %d segments", p, doc.Path, len(doc.Segments))
		}
		checkDocument(t, data, doc)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"xliff after prolog", "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE xliff [ <!ENTITY a \"b>\"> ]>\n<xliff version=\"1.2\">", "xliff"},
		{"tmx", "<tmx version=\"1.4\"><header/>", "tmx"},
		{"prefixed root", "<x:xliff xmlns:x=\"urn:oasis:names:tc:xliff:document:2.0\">", "xliff"},
		{"utf-8 bom", "\uFEFF<tmx>", "tmx"},
		{"other xml", "<?xml version=\"1.0\"?><html>", ""},
		{"po", "# Chinese translation\nmsgid \"\"\nmsgstr \"\"\n", "po"},
		{"po with context", "msgctxt \"menu\"\nmsgid \"File\"\n", "po"},
		{"not po", "say msgid \"x\"\n", ""},
		{"text", "hello", ""},
		{"unclosed comment", "<!-- x", ""},
	}
	for _, tt := range tests {
		if got, ok := Sniff([]byte(tt.data)); got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: Sniff = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
	utf16 := mustEncode(t, "utf-16le", "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<xliff>")
	if got, _ := Sniff(utf16); got != "xliff" {
		t.Errorf("UTF-16 XLIFF: Sniff = %q", got)
	}
	if got, _ := Sniff(mustEncode(t, "utf-16be", "msgid \"a\"\n")); got != "po" {
		t.Errorf("UTF-16BE PO without a byte order mark: Sniff = %q", got)
	}
}

func TestFormatFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"memory.xml": "<tmx version=\"1.4\"/>",
		"page.xml":   "<html/>",
		"messages":   "msgid \"a\"\nmsgstr \"b\"\n",
		"notes":      "just text",
		"a.txt":      "x",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string]string{"memory.xml": "tmx", "messages": "po", "a.txt": "text", "page.xml": "", "notes": ""} {
		got, err := FormatFile(filepath.Join(dir, name))
		if got != want || (err == nil) != (want != "") {
			t.Errorf("FormatFile(%s) = %q, %v; want %q", name, got, err, want)
		}
	}
	got, err := Expand([]string{dir})
	want := []string{filepath.ToSlash(filepath.Join(dir, "a.txt")), filepath.ToSlash(filepath.Join(dir, "memory.xml"))}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Expand(dir) = %q, %v; want %q (the XML file that is TMX, not the other)", got, err, want)
	}
	if got, err := Expand([]string{filepath.Join(dir, "messages")}); err != nil || len(got) != 1 {
		t.Errorf("Expand(messages) = %q, %v; want the PO file named", got, err)
	}
	if _, err := Expand([]string{filepath.Join(dir, "notes")}); err == nil {
		t.Error("Expand(notes): no error for a file of no known format")
	}
}
