package corpus

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/internal/golden"
	"github.com/tqa-project/tqa/pipeline"
)

// samePO reports whether char of a PO segment's text is what the file has
// at at: the character itself or an escape sequence for it.
func samePO(char string, at []byte) bool {
	return bytes.HasPrefix(at, []byte(char)) || len(at) > 0 && at[0] == '\\'
}

var poFiles = []string{"testdata/po/zh-en.po", "testdata/po/nato.pot"}

// TestPOGolden lists what the reader finds in each test document and
// compares it with the golden file next to it.
func TestPOGolden(t *testing.T) {
	for _, name := range poFiles {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data := biReadFile(t, name)
			doc, c, err := biRead(t, name, data, "po", Options{})
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(name, filepath.Ext(name))+".golden", biDump(doc, c, data))
		})
	}
}

// TestPOInvariants checks positions and write-back of each test document,
// as written and with CR LF line breaks and a byte order mark.
func TestPOInvariants(t *testing.T) {
	for _, name := range poFiles {
		lf := biReadFile(t, name)
		want, _, err := biRead(t, name, lf, "po", Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, variant := range []struct {
			name string
			data []byte
		}{{"lf", lf}, {"crlf", biCRLF(lf)}, {"bom", append([]byte("\uFEFF"), lf...)}} {
			t.Run(filepath.Base(name)+"/"+variant.name, func(t *testing.T) {
				doc, c, err := biRead(t, name, variant.data, "po", Options{})
				if err != nil {
					t.Fatal(err)
				}
				biCheck(t, variant.data, doc, c, samePO)
				biCheckWriteBack(t, variant.data, doc, c, Options{}, samePO)
				for i, s := range doc.Segments {
					w := want.Segments[i]
					if s.ID != w.ID || s.Source != w.Source || s.Target != w.Target || s.State != w.State || strings.Join(s.Notes, "|") != strings.Join(w.Notes, "|") {
						t.Errorf("segment %s: %+v\nwant %+v", s.ID, s, w)
					}
				}
			})
		}
	}
}

// TestPOSegments checks what the reader makes of each kind of entry.
func TestPOSegments(t *testing.T) {
	doc, err := Read("zh-en.po", biReadFile(t, "testdata/po/zh-en.po"), "po", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.TargetLang.String(); got != "en" {
		t.Errorf("document target language %s, want en (from the header)", got)
	}
	tests := []struct {
		id, context, state, source, target string
		notes                              []string
	}{
		{"po:ae425611b68a", "", "", "美国酝酿退出北约", "US is酝酿 Leaving NATO",
			[]string{"The model case: a Chinese word left in the English headline.", "Headline of the article."}},
		{"po:b8199cd761c4", "organisation", "", "北约", "NATO", []string{"The organisation, not the treaty."}},
		{"po:cb0fdf102906", "treaty", "", "北约", "the North Atlantic Treaty", nil},
		{"po:afb282ec36d4[0]", "", "", "%d 个成员国", "%d member state", []string{"Plural-Forms: nplurals=2; plural=(n != 1);"}},
		{"po:afb282ec36d4[1]", "", "", "%d 个成员国", "%d member states", []string{"Plural-Forms: nplurals=2; plural=(n != 1);"}},
		{"po:89a940c9ed38", "", "fuzzy", "北约成立于%d年。", "NATO was founded in %d.",
			[]string{"Check the date with the editor.\nSecond line of the comment."}},
		{"po:61f8655a9b21", "", "", "第一行\n第二行", "First line\nsecond line", nil},
		{"po:eafa07feb7ec", "", "", "引号“与”反斜杠\\\t制表符", "Quotes \"and\" backslash\\\ttab AB", nil},
		{"po:8877c7509ba2", "", "", "集体防御", "", nil},
		{"po:ed7ff219f88f", "", "", "第五条", "Article 5 (collective defence)", nil},
	}
	if len(doc.Segments) != len(tests) {
		t.Errorf("%d segments, want %d", len(doc.Segments), len(tests))
	}
	for i, tt := range tests {
		if i >= len(doc.Segments) {
			break
		}
		s := doc.Segments[i]
		if s.ID != tt.id || s.Context != tt.context || s.State != tt.state || s.Source != tt.source || s.Target != tt.target ||
			strings.Join(s.Notes, "|") != strings.Join(tt.notes, "|") {
			t.Errorf("segment %d:\n got %q %q %q %q %q %q\nwant %q %q %q %q %q %q", i,
				s.ID, s.Context, s.State, s.Source, s.Target, s.Notes, tt.id, tt.context, tt.state, tt.source, tt.target, tt.notes)
		}
	}
}

// TestPOHeader checks the languages that headers give.
func TestPOHeader(t *testing.T) {
	tests := []struct{ language, want string }{
		{"en", "en"},
		{"pt_BR", "pt-BR"},
		{"sr@latin", "sr"},
		{"de_DE.UTF-8", "de-DE"},
		{"", "fr"}, // from Options
		{"not a language!", "fr"},
	}
	for _, tt := range tests {
		data := "msgid \"\"\nmsgstr \"Language: " + tt.language + "\\n\"\n\nmsgid \"a\"\nmsgstr \"b\"\n"
		doc, err := Read("x.po", []byte(data), "po", Options{TargetLang: language.French})
		if err != nil {
			t.Fatal(err)
		}
		if got := doc.TargetLang.String(); got != tt.want || len(doc.Segments) != 1 {
			t.Errorf("Language: %s gives %s and %d segments, want %s and 1", tt.language, got, len(doc.Segments), tt.want)
		}
	}
}

// TestPOKeys checks that ids follow gettext's keys: msgctxt "" is not
// the same as no msgctxt, and only the first message can be the header.
func TestPOKeys(t *testing.T) {
	data := "domain \"nato\"\nmsgid \"a\"\nmsgstr \"1\"\n\nmsgctxt \"\"\nmsgid \"a\"\nmsgstr \"2\"\n\nmsgctxt \"\"\nmsgid \"\"\nmsgstr \"3\"\n"
	doc, err := Read("x.po", []byte(data), "po", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"po:ca978112ca1b", "po:19d5f57c8e8b", "po:e52d9c508c50"} // sha256("a"), sha256("\x04a"), sha256("\x04")
	if len(doc.Segments) != len(want) {
		t.Fatalf("%d segments, want %d", len(doc.Segments), len(want))
	}
	for i, s := range doc.Segments {
		if s.ID != want[i] {
			t.Errorf("segment %d (%q %q): id %s, want %s", i, s.Context, s.Source, s.ID, want[i])
		}
	}
}

// TestPOManyKeys reads messages enough that their hashes share bits of
// the table that finds duplicates, so that keys are compared: distinct
// keys (the same msgid with and without a msgctxt, plural messages) read
// without an error, and a duplicate is found wherever it is.
func TestPOManyKeys(t *testing.T) {
	var b strings.Builder
	b.WriteString("msgid \"\"\nmsgstr \"Language: en\\n\"\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "\nmsgid \"m%d\"\nmsgstr \"t\"\n", i)
		fmt.Fprintf(&b, "\nmsgctxt \"\"\nmsgid \"m%d\"\nmsgstr \"t\"\n", i)
		fmt.Fprintf(&b, "\nmsgctxt \"c\"\nmsgid \"m%d\"\nmsgid_plural \"ms\"\nmsgstr[0] \"t\"\nmsgstr[1] \"ts\"\n", i)
	}
	data := b.String()
	doc, err := Read("x.po", []byte(data), "po", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(doc.Segments), 3000*4; got != want {
		t.Fatalf("%d segments, want %d", got, want)
	}
	for _, tc := range []struct {
		dup  string
		line int // of the first message with the key
	}{
		{"\nmsgid \"m1234\"\nmsgstr \"u\"\n", 3 + 1234*13 + 1},
		{"\nmsgctxt \"\"\nmsgid \"m7\"\nmsgstr \"u\"\n", 3 + 7*13 + 4},
		{"\nmsgctxt \"c\"\nmsgid \"m2999\"\nmsgstr \"u\"\n", 3 + 2999*13 + 8},
	} {
		_, err := Read("x.po", []byte(data+tc.dup), "po", Options{})
		want := fmt.Sprintf("corpus: read x.po: line %d: duplicate message (first on line %d)", strings.Count(data, "\n")+2, tc.line)
		if err == nil || err.Error() != want {
			t.Errorf("with %q: error %v, want %s", tc.dup, err, want)
		}
	}
}

// TestPOPositions checks where characters of segments lie in the file.
func TestPOPositions(t *testing.T) {
	doc, err := Read("zh-en.po", biReadFile(t, "testdata/po/zh-en.po"), "po", Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		seg       int
		side      pipeline.Side
		find      string
		line, col int
	}{
		{0, pipeline.Source, "酝酿", 20, 10},
		{0, pipeline.Target, "酝酿", 21, 14},
		{0, pipeline.Target, "Leaving", 21, 17},
		{6, pipeline.Source, "第一行", 46, 2},
		{6, pipeline.Source, "第二行", 47, 2},
		{6, pipeline.Target, "First", 49, 2},
		{6, pipeline.Target, "\nsecond", 49, 12},
		{6, pipeline.Target, "second", 50, 2},
		{7, pipeline.Target, "\"and", 53, 16},
		{7, pipeline.Target, "and", 53, 18},
		{7, pipeline.Target, " backslash", 53, 23},
		{7, pipeline.Target, "\\\ttab", 53, 33},
		{7, pipeline.Target, "\ttab", 53, 35},
		{7, pipeline.Target, "tab", 53, 37},
		{7, pipeline.Target, "AB", 53, 41},
		{7, pipeline.Target, "B", 53, 45},
		{8, pipeline.Target, "", 56, 9},
		{9, pipeline.Target, " (collective", 59, 24},
	}
	for _, tt := range tests {
		s := &doc.Segments[tt.seg]
		i := strings.Index(s.Text(tt.side), tt.find)
		if i < 0 {
			t.Fatalf("segment %d %s: no %q in %q", tt.seg, tt.side, tt.find, s.Text(tt.side))
		}
		p := s.Locate(tt.side, i)
		if p.Line != tt.line || p.Column != tt.col {
			t.Errorf("segment %d %s: %q at %d:%d, want %d:%d", tt.seg, tt.side, tt.find, p.Line, p.Column, tt.line, tt.col)
		}
	}
}

func TestPOErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"unterminated string", "msgid \"a\nmsgstr \"\"", `line 1, column 7: string is not closed on its line`},
		{"unterminated at end", "msgid \"a\"\nmsgstr \"b", `line 2, column 8: string is not closed at the end of the file`},
		{"unknown keyword", "msgid \"a\"\nmsgtext \"b\"", `line 2, column 1: unknown keyword "msgtext"`},
		{"bad escape", "msgid \"a\"\nmsgstr \"中\\q\"", `line 2, column 10: invalid escape \q (PO has \n \t \r \a \b \f \v \\ \" and octal and hex escapes)`},
		{"high hex escape", "msgid \"a\"\nmsgstr \"\\xe4\\xb8\\xad\"", `line 2, column 9: escape \xe4 is a byte above 0x7F: write the character itself`},
		{"high octal escape", "msgid \"a\"\nmsgstr \"\\344\"", `line 2, column 9: escape \344 is a byte above 0x7F: write the character itself`},
		{"context separator", "msgid \"a\\004b\"\nmsgstr \"\"", `line 1, column 9: escape \004 is U+0004, which gettext keeps to join msgctxt and msgid`},
		{"raw context separator", "msgid \"a\x04b\"\nmsgstr \"\"", `line 1, column 9: character U+0004 in a string (gettext keeps it to join msgctxt and msgid)`},
		{"empty hex escape", "msgid \"a\\xg\"\nmsgstr \"\"", `line 1, column 9: \x without hex digits`},
		{"backslash newline", "msgid \"a\\\n\"\nmsgstr \"\"", `line 1, column 9: backslash at the end of a line (close the string and continue it on the next line)`},
		{"no msgstr", "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"", `line 3, column 1: want msgstr, found msgid`},
		{"no msgstr at end", "msgid \"a\"\n", `line 2, column 1: want msgstr, found the end of the file`},
		{"comment inside", "msgid \"a\"\n# x\nmsgstr \"b\"", `line 2, column 1: want msgstr, found a comment`},
		{"msgstr first", "msgstr \"a\"", `line 1, column 1: want msgid, found msgstr`},
		{"string first", "\"a\"", `line 1, column 1: want msgid, found a string`},
		{"keyword without string", "msgid\nmsgstr \"\"", `line 2, column 1: msgid needs a string`},
		{"index without plural", "msgid \"a\"\nmsgstr[0] \"b\"", `line 2, column 1: msgstr[0] without msgid_plural`},
		{"plural without index", "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"b\"", `line 3, column 1: msgstr without an index after msgid_plural (want msgstr[0])`},
		{"index skipped", "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\nmsgstr[2] \"c\"", `line 4, column 1: msgstr[2] where msgstr[1] is due`},
		{"second msgstr", "msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"", `line 3, column 1: a second msgstr`},
		{"bad index", "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[x] \"b\"", `line 3, column 8: want a plural form number after "["`},
		{"unclosed index", "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0 \"b\"", `line 3, column 10: want "]" after msgstr[0`},
		{"stray character", "msgid \"a\"\nmsgstr \"b\" 中", `line 2, column 12: unexpected '中' (want a keyword, a string or a comment)`},
		{"duplicate", "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"", `line 4: duplicate message (first on line 1)`},
		{"duplicate with context", "msgctxt \"x\"\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgctxt \"x\"\nmsgid \"a\"\nmsgstr \"c\"", `line 5: duplicate message (first on line 1)`},
		{"duplicate with empty context", "msgid \"a\"\nmsgstr \"b\"\n\nmsgctxt \"\"\nmsgid \"a\"\nmsgstr \"c\"\n\nmsgctxt \"\"\nmsgid \"a\"\nmsgstr \"d\"", `line 8: duplicate message (first on line 4)`},
		{"duplicate plural", "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"", `line 5: duplicate message (first on line 1)`},
		{"duplicate header", "msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgid \"\"\nmsgstr \"x\"", `line 4: duplicate message (first on line 1)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("x.po", []byte(tt.data), "po", Options{})
			if err == nil {
				t.Fatalf("no error; %d segments", len(doc.Segments))
			}
			if want := "corpus: read x.po: " + tt.want; err.Error() != want {
				t.Errorf("error\n got %s\nwant %s", err, want)
			}
		})
	}
}

// TestPOWriteOne changes one target and checks that only its slot changed
// in the file, and that reading the file back gives the new target and
// every other segment as before.
func TestPOWriteOne(t *testing.T) {
	for _, crlf := range []bool{false, true} {
		data := biReadFile(t, "testdata/po/zh-en.po")
		nl := "\n"
		if crlf {
			data, nl = biCRLF(data), "\r\n"
		}
		doc, c, err := biRead(t, "zh-en.po", data, "po", Options{})
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			seg    int
			target string
			want   string // the new bytes of the file where the slot was
		}{
			{0, "US Mulls Leaving NATO", `"US Mulls Leaving NATO"`},
			{4, "%d member states!", `"%d member states!"`},
			{6, "First line\nSecond line", `""` + nl + `"First line\n"` + nl + `"Second line"`},
			{6, "One line", `"One line"`},
			{6, "Ends with a line feed\n", `"Ends with a line feed\n"`},
			{7, "Quotes \"and\" backslash\\\ttab AB!", `"Quotes \"and\" backslash\\\ttab AB!"`},
			{7, "Quotes \"and\" backslash\\\ttab AB", `"Quotes \"and\" backslash\\\ttab \101\x42"`}, // unchanged: as written
			{8, "collective defence", `"collective defence"`},
			{9, "Article 5 \x01\x7f\a\b\f\v\r", `"Article 5 \001\177\a\b\f\v\r"`},
		}
		for _, tt := range tests {
			out, err := c.splice("zh-en.po", string(data), doc, map[int]string{tt.seg: tt.target})
			if err != nil {
				t.Fatal(err)
			}
			sl := c.slot(tt.seg)
			if want := string(data[:sl.Span.Start]) + tt.want + string(data[sl.Span.End:]); out != want {
				t.Fatalf("crlf=%v segment %d written as\n%s\nwant\n%s", crlf, tt.seg, out, want)
			}
			doc2, err := Read("zh-en.po", []byte(out), "po", Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range doc2.Segments {
				want := doc.Segments[i].Target
				if i == tt.seg {
					want = tt.target
				}
				if s.Target != want || s.Source != doc.Segments[i].Source || s.ID != doc.Segments[i].ID {
					t.Errorf("crlf=%v segment %s read back as %q, want %q", crlf, s.ID, s.Target, want)
				}
			}
		}
	}
}

func TestPOEncodeErrors(t *testing.T) {
	data := []byte("msgid \"a\"\nmsgstr \"b\"\n")
	doc, c, err := biRead(t, "x.po", data, "po", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for target, want := range map[string]string{
		"a\x04b":   "new target has U+0004, which gettext keeps to join msgctxt and msgid",
		"a\uFFFCb": "new target has 1 inline codes, want 0",
		"a\xffb":   "new target is not UTF-8",
	} {
		_, err := c.splice("x.po", string(data), doc, map[int]string{0: target})
		if want = "corpus: write x.po: segment " + doc.Segments[0].ID + ": " + want; err == nil || err.Error() != want {
			t.Errorf("write %q: error %v, want %s", target, err, want)
		}
	}
}

// TestPOMsgfmt writes new targets into the test file, including ones with
// line breaks, quotes, backslashes and tabs, and checks that GNU msgfmt
// --check accepts the result. It is skipped where msgfmt is not installed
// (Debian: apt-get install gettext).
func TestPOMsgfmt(t *testing.T) {
	msgfmt, err := exec.LookPath("msgfmt")
	if err != nil {
		t.Skip("msgfmt not installed")
	}
	data := biReadFile(t, "testdata/po/zh-en.po")
	doc, c, err := biRead(t, "zh-en.po", data, "po", Options{})
	if err != nil {
		t.Fatal(err)
	}
	targets := map[int]string{
		0: "US \"Mulls\" Leaving NATO\\",
		3: "%d member\tstate",
		6: "First line\nsecond line\nthird line",
		8: "collective defence",
	}
	for _, variant := range []struct {
		name string
		data []byte
	}{{"lf", data}, {"crlf", biCRLF(data)}} {
		d, c := doc, c
		if variant.name == "crlf" {
			if d, c, err = biRead(t, "zh-en.po", variant.data, "po", Options{}); err != nil {
				t.Fatal(err)
			}
		}
		out, err := c.splice("zh-en.po", string(variant.data), d, targets)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(t.TempDir(), "out.po")
		if err := os.WriteFile(name, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		if msg, err := exec.Command(msgfmt, "--check", "-o", os.DevNull, name).CombinedOutput(); err != nil {
			t.Errorf("%s: msgfmt --check: %v\n%s\n%s", variant.name, err, msg, out)
		}
	}
}

func FuzzReadPO(f *testing.F) {
	for _, name := range poFiles {
		f.Add(biReadFile(f, name))
	}
	f.Add([]byte("#, fuzzy\nmsgctxt \"c\"\nmsgid \"\\x41\\101\\n\"\r\n\"\uFFFC\"\nmsgid_plural \"p\"\nmsgstr [ 0 ] \"\"\n#~ msgid \"o\"\n#~| msgid \"q\"\n#~ msgstr \"r\""))
	f.Add([]byte("\uFEFFdomain \"d\"\nmsgid \"\"\nmsgstr \"Language: sr@latin\\n\"\n\nmsgid \"a\" \"b\"\nmsgstr \"\" \"c\""))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, c, err := biRead(t, "f.po", data, "po", Options{})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "corpus: read f.po: line ") {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		biCheck(t, data, doc, c, samePO)
		biCheckWriteBack(t, data, doc, c, Options{}, samePO)
		// Read from a buffer of its own, as Open reads, the texts share
		// its bytes: the document must be the same.
		src, err := newSource("f.po", bytes.Clone(data))
		if err != nil {
			t.Fatal(err)
		}
		src.frozen = true
		shared := &pipeline.Document{Path: "f.po", Format: "po"}
		if _, err := readPO(src, shared); err != nil {
			t.Fatalf("frozen source: %v", err)
		}
		if !reflect.DeepEqual(shared.Segments, doc.Segments) {
			t.Fatalf("a frozen source reads other segments")
		}
	})
}

// TestPOOpenShares checks that a PO file opened from disk, whose texts
// share the bytes of the file read (see source.shared), reads as the same
// document as its bytes given to Parse, whose texts are copies; and that
// the shared texts do share the file's bytes.
func TestPOOpenShares(t *testing.T) {
	for _, name := range poFiles {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data := biReadFile(t, name)
			parsed, err := Parse(name, data, "po", Options{})
			if err != nil {
				t.Fatal(err)
			}
			opened, err := Open(name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(opened.Doc, parsed.Doc) {
				t.Fatalf("Open and Parse read different documents")
			}
			shared := 0
			for _, s := range opened.Doc.Segments {
				for _, text := range []string{s.Source, s.Target} {
					if text != "" && sharesBytes(text, opened.text) {
						shared++
					}
				}
			}
			if shared == 0 {
				t.Fatalf("no text of %d segments shares the file's bytes", len(opened.Doc.Segments))
			}
			for _, s := range parsed.Doc.Segments {
				if s.Target != "" && sharesBytes(s.Target, data) {
					t.Fatalf("segment %s: Parse shares the caller's bytes", s.ID)
				}
			}
		})
	}
}

// sharesBytes reports whether s lies in the bytes of data.
func sharesBytes(s string, data []byte) bool {
	if len(s) == 0 || len(data) == 0 {
		return false
	}
	p, start := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(&data[0]))
	return p >= start && p < start+uintptr(len(data))
}

// TestPONoLineIndex checks that reading a valid PO file does not index
// its lines: the reader walks the file, and needs the index only for an
// error (see source.lineStarts).
func TestPONoLineIndex(t *testing.T) {
	for _, name := range poFiles {
		src := newValidSource(name, biReadFile(t, name))
		if _, err := readPO(src, &pipeline.Document{Path: name, Format: "po"}); err != nil {
			t.Fatal(err)
		}
		if src.lines != nil {
			t.Errorf("%s: the lines were indexed", name)
		}
	}
}
