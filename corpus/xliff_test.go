package corpus

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// readXLIFFFile reads a test document with the XLIFF reader and returns
// its data, document and codec.
func readXLIFFFile(t *testing.T, name string) ([]byte, *pipeline.Document, *codec) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, c, err := readXLIFFData(name, data)
	if err != nil {
		t.Fatal(err)
	}
	checkXLIFF(t, data, doc, c)
	return data, doc, c
}

func readXLIFFData(name string, data []byte) (*pipeline.Document, *codec, error) {
	src, err := newSource(name, data)
	if err != nil {
		return nil, nil, err
	}
	doc := &pipeline.Document{Path: name, Format: "xliff"}
	c, err := readXLIFF(src, doc)
	return doc, c, err
}

// xlfWant is what a test expects of a segment. Codes are written
// "S 6 open g 1 <g id="1">": side, start of the span, kind, type, id and
// markup.
type xlfWant struct {
	id, source, target, state, context string
	notes                              []string
	langs                              string // "source target"
	codes                              []string
	missing                            bool // the file has no target text here
}

func xlfDescribeCodes(s *pipeline.Segment) []string {
	var out []string
	for _, side := range []pipeline.Side{pipeline.Source, pipeline.Target} {
		for _, c := range s.Codes(side) {
			out = append(out, fmt.Sprintf("%s %d %s %s %s %s", strings.ToUpper(side.String()[:1]), c.Span.Start, c.Kind, c.Type, c.ID, c.Data))
		}
	}
	return out
}

func TestReadXLIFF(t *testing.T) {
	notes := []string{"Two notes,", "the second in CDATA."}
	tests := []struct {
		file       string
		langs      string // of the document
		want       []xlfWant
		sourceLang string
	}{
		{"testdata/xliff/v12.xlf", "zh-CN en", []xlfWant{
			{id: "title", source: "美国\uFFFC酝酿\uFFFC退出北约", target: "US is\uFFFC酝酿\uFFFC Leaving NATO",
				state: "translated", context: "headline", notes: []string{"Headline of the article."}, langs: "zh-CN en",
				codes: []string{`S 6 open g 1 <g id="1">`, `S 15 close g 1 </g>`, `T 5 open g 1 <g id="1">`, `T 14 close g 1 </g>`}},
			{id: "plain", source: "美国计划削减约200个驻北约人员职位。", target: "The U.S. plans to cut about 300 personnel positions at NATO.",
				state: "needs-review-translation", langs: "zh-CN en"},
			{id: "codes", source: "按\uFFFC这里\uFFFC和\uFFFC粗体\uFFFC。", target: "Click\uFFFC here\uFFFC and \uFFFCbold\uFFFC.", langs: "zh-CN en",
				codes: []string{
					`S 3 standalone x 1 <x id="1"/>`, `S 12 standalone ph 2 <ph id="2">&lt;br/&gt;</ph>`,
					`S 18 open bpt 3 <bpt id="3">&lt;b&gt;</bpt>`, `S 27 close ept 3 <ept id="3">&lt;/b&gt;</ept>`,
					`T 5 standalone x 1 <x id="1"/>`, `T 13 standalone ph 2 <ph id="2">&lt;br/&gt;</ph>`,
					`T 21 open bpt 3 <bpt id="3">&lt;b&gt;</bpt>`, `T 28 close ept 3 <ept id="3">&lt;/b&gt;</ept>`,
				}},
			{id: "entities", source: "R&D <预算> 中国", target: "R&D <budget> in 中国", langs: "zh-CN en"},
			{id: "cdata", source: "a < b与c & d", target: "a < b and c & d", langs: "zh-CN en"},
			{id: "untranslated", source: "北约秘书长发表了讲话。", langs: "zh-CN en", missing: true},
			{id: "empty", source: "新的", state: "new", langs: "zh-CN en", missing: true},
			{id: "seg/1", source: "第一句。", target: "First sentence.", state: "translated", notes: notes, langs: "zh-CN en"},
			{id: "seg/2", source: "第二句。", state: "translated", notes: notes, langs: "zh-CN en", missing: true},
			{id: "seg/3", source: "第三句。", target: "Third \uFFFCone\uFFFC.", state: "translated", notes: notes, langs: "zh-CN en",
				codes: []string{`T 6 open g 5 <g id="5">`, `T 12 close g 5 </g>`}},
		}, ""},
		{"testdata/xliff/v20.xlf", "zh-CN en-US", []xlfWant{
			{id: "title/s1", source: "美国\uFFFC酝酿\uFFFC退出北约", target: "US is\uFFFC酝酿\uFFFC Leaving NATO",
				state: "translated", context: "headline", notes: []string{"Headline of the article."}, langs: "zh-CN en-US",
				codes: []string{`S 6 open pc 1 <pc id="1">`, `S 15 close pc 1 </pc>`, `T 5 open pc 1 <pc id="1">`, `T 14 close pc 1 </pc>`}},
			{id: "two/1", source: "第一句。", target: "First sentence.", state: "reviewed", langs: "zh-CN en-US"},
			{id: "two/2", source: "第二句\uFFFC。", state: "initial", langs: "zh-CN en-US", missing: true,
				codes: []string{`S 9 standalone ph 1 <ph id="1"/>`}},
			{id: "codes/s", source: "\uFFFC粗体\uFFFC和\uFFFC北约\uFFFC\uFFFC好\uFFFC",
				target: "\uFFFCBold\uFFFC and \uFFFCNATO\uFFFC\uFFFC good\uFFFC&\x1bend", langs: "zh-CN en-US",
				codes: []string{
					`S 0 open sc 1 <sc id="1" dataRef="d1"/>`, `S 9 close ec 1 <ec startRef="1" dataRef="d2"/>`,
					`S 15 open mrk m1 <mrk id="m1" type="term">`, `S 24 close mrk m1 </mrk>`,
					`S 27 open sm m2 <sm id="m2" type="comment" value="x"/>`, `S 33 close em m2 <em startRef="m2"/>`,
					`T 0 open sc 1 <sc id="1" dataRef="d1"/>`, `T 7 close ec 1 <ec startRef="1" dataRef="d2"/>`,
					`T 15 open mrk m1 <mrk id="m1" type="term">`, `T 22 close mrk m1 </mrk>`,
					`T 25 open sm m2 <sm id="m2" type="comment" value="x"/>`, `T 33 close em m2 <em startRef="m2"/>`,
				}},
		}, ""},
		{"testdata/xliff/crlf.xlf", "en de", []xlfWant{
			{id: "1", source: "Line one\nline two", target: "Zeile eins\nZeile zwei", langs: "en de"},
			{id: "2", source: "Only source", langs: "en de", missing: true},
		}, ""},
		{"../cmd/tqa/testdata/formats/units.xlf", "zh-CN en", []xlfWant{
			{id: "title", source: "美国酝酿退出北约", target: "US is酝酿 Leaving NATO", state: "translated", langs: "zh-CN en"},
			{id: "staff", source: "美国计划削减约200个驻北约人员职位。", target: "The U.S. plans to cut about 300 personnel positions at NATO.", state: "translated", langs: "zh-CN en"},
			{id: "speech", source: "\uFFFC北约\uFFFC秘书长发表了讲话。", target: "The NATO Secretary General gave a speech.", state: "translated", langs: "zh-CN en",
				codes: []string{`S 0 open g 1 <g id="1">`, `S 9 close g 1 </g>`}},
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			if _, err := os.Stat(tt.file); err != nil && strings.HasPrefix(tt.file, "..") {
				t.Skip(err)
			}
			_, doc, c := readXLIFFFile(t, tt.file)
			if got := doc.SourceLang.String() + " " + doc.TargetLang.String(); got != tt.langs {
				t.Errorf("document languages %s, want %s", got, tt.langs)
			}
			var ids []string
			for _, s := range doc.Segments {
				ids = append(ids, s.ID)
			}
			var wantIDs []string
			for _, w := range tt.want {
				wantIDs = append(wantIDs, w.id)
			}
			if !slices.Equal(ids, wantIDs) {
				t.Fatalf("ids %q, want %q", ids, wantIDs)
			}
			for i, w := range tt.want {
				s := &doc.Segments[i]
				got := xlfWant{
					id: s.ID, source: s.Source, target: s.Target, state: s.State, context: s.Context, notes: s.Notes,
					langs: s.SourceLang.String() + " " + s.TargetLang.String(), codes: xlfDescribeCodes(s), missing: c.slots[i].Missing,
				}
				if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", w) {
					t.Errorf("segment %d:\n got %#v\nwant %#v", i, got, w)
				}
			}
		})
	}
}

// TestXLIFFLocate checks positions after references, codes, comments,
// CDATA sections and line breaks: Locate of the offset of the first
// occurrence of at in the text gives the line and column in the file.
func TestXLIFFLocate(t *testing.T) {
	tests := []struct {
		file, id string
		side     pipeline.Side
		at       string
		line     int
		col      int
	}{
		{"v12.xlf", "title", pipeline.Source, "美国", 10, 17},
		{"v12.xlf", "title", pipeline.Source, "酝酿", 10, 29},       // after <g id="1">
		{"v12.xlf", "title", pipeline.Source, "退出", 10, 35},       // after </g>
		{"v12.xlf", "title", pipeline.Target, " Leaving", 11, 57}, // after </g>
		{"v12.xlf", "codes", pipeline.Target, " and", 20, 65},     // after <ph>...</ph>
		{"v12.xlf", "codes", pipeline.Target, ".", 20, 129},       // after <ept>...</ept>
		{"v12.xlf", "entities", pipeline.Target, "&", 24, 18},     // &amp; itself
		{"v12.xlf", "entities", pipeline.Target, "D", 24, 23},     // after &amp;
		{"v12.xlf", "entities", pipeline.Target, "budget", 24, 29},
		{"v12.xlf", "entities", pipeline.Target, "> in", 24, 35},
		{"v12.xlf", "entities", pipeline.Target, " in", 24, 39},
		{"v12.xlf", "entities", pipeline.Target, "国", 24, 51}, // after &#x4E2D;
		{"v12.xlf", "cdata", pipeline.Source, "与", 27, 34},    // after ]]>
		{"v12.xlf", "cdata", pipeline.Source, "c &", 27, 44},  // inside the second CDATA
		{"v12.xlf", "cdata", pipeline.Target, "<", 28, 28},    // inside CDATA
		{"v12.xlf", "cdata", pipeline.Target, " b", 28, 32},   // after ]]>
		{"v12.xlf", "cdata", pipeline.Target, "c", 28, 53},    // after a comment
		{"v12.xlf", "seg/3", pipeline.Target, "Third", 47, 110},
		{"v12.xlf", "seg/2", pipeline.Source, "第二句", 46, 84},
		{"v12.xlf", "untranslated", pipeline.Target, "", 31, 37}, // where the target goes
		{"v20.xlf", "codes/s", pipeline.Target, "end", 36, 200},  // after <cp hex="001B"/>
		{"v20.xlf", "codes/s", pipeline.Target, "\x1b", 36, 184},
		{"crlf.xlf", "1", pipeline.Source, "\n", 6, 21},
		{"crlf.xlf", "1", pipeline.Source, "line two", 7, 1},
		{"crlf.xlf", "1", pipeline.Target, "zwei", 9, 7},
		{"crlf.xlf", "1", pipeline.Target, "wei", 9, 13},
	}
	docs := map[string]*pipeline.Document{}
	for _, tt := range tests {
		doc := docs[tt.file]
		if doc == nil {
			_, doc, _ = readXLIFFFile(t, "testdata/xliff/"+tt.file)
			docs[tt.file] = doc
		}
		i := slices.IndexFunc(doc.Segments, func(s pipeline.Segment) bool { return s.ID == tt.id })
		if i < 0 {
			t.Fatalf("%s: no segment %s", tt.file, tt.id)
		}
		s := &doc.Segments[i]
		off := strings.Index(s.Text(tt.side), tt.at)
		if off < 0 {
			t.Fatalf("%s %s: no %q in %q", tt.file, tt.id, tt.at, s.Text(tt.side))
		}
		if p := s.Locate(tt.side, off); p.Line != tt.line || p.Column != tt.col {
			t.Errorf("%s %s %s: %q at %d:%d, want %d:%d", tt.file, tt.id, tt.side, tt.at, p.Line, p.Column, tt.line, tt.col)
		}
	}
}

// checkXLIFF fails t unless doc, read from data, keeps the invariants of
// the XLIFF reader:
//
//   - Locate of every rune boundary of each side lies in data, grows
//     strictly, and its line and column agree with its offset;
//   - each character is the file's character at that position, unless the
//     file has a reference ("&"), markup ("<": a code or <cp/>) or a
//     carriage return there;
//   - each code's span covers one pipeline.CodeRune, the text has as many
//     of them as codes, and the file has the code's Data where it points;
//   - a slot's span holds the located range of the target (it starts
//     later where the content starts with a CDATA section or a comment),
//     or, where the file has no target, ends where the target is located;
//   - skip spans are valid, non-empty, sorted and disjoint.
func checkXLIFF(t *testing.T, data []byte, doc *pipeline.Document, c *codec) {
	t.Helper()
	ps := positions(data)
	if len(c.slots) != len(doc.Segments) {
		t.Fatalf("%d slots for %d segments", len(c.slots), len(doc.Segments))
	}
	for k := range doc.Segments {
		s := &doc.Segments[k]
		for _, side := range []pipeline.Side{pipeline.Source, pipeline.Target} {
			text := s.Text(side)
			if !utf8.ValidString(text) {
				t.Fatalf("segment %s %s: %q is not UTF-8", s.ID, side, text)
			}
			last := -1
			for i := 0; i <= len(text); {
				p := s.Locate(side, i)
				if p.Offset <= last || p.Offset > len(data) || p != ps[p.Offset] {
					t.Fatalf("segment %s %s: offset %d located at %+v (after %d; file of %d bytes)", s.ID, side, i, p, last, len(data))
				}
				last = p.Offset
				if i == len(text) {
					break
				}
				r, n := utf8.DecodeRuneInString(text[i:])
				if !strings.HasPrefix(string(data[p.Offset:]), text[i:i+n]) && !strings.ContainsRune("&<\r", rune(data[p.Offset])) {
					t.Fatalf("segment %s %s: %q at offset %d, but the file has %q at %+v", s.ID, side, r, i, data[p.Offset:min(len(data), p.Offset+4)], p)
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
					t.Fatalf("segment %s %s: code span %v of %q", s.ID, side, code.Span, text)
				}
				end = code.Span.End
				if at := s.Locate(side, code.Span.Start).Offset; !strings.HasPrefix(string(data[at:]), code.Data) {
					t.Fatalf("segment %s %s: code %q located at %d, where the file has %q", s.ID, side, code.Data, at, data[at:min(len(data), at+len(code.Data))])
				}
			}
			spans := s.Skip(side)
			for j, sp := range spans {
				if !sp.Valid(text) || sp.Len() == 0 || j > 0 && sp.Start < spans[j-1].End {
					t.Fatalf("segment %s %s: bad skip spans %v of %q", s.ID, side, spans, text)
				}
			}
		}
		sl := c.slots[k]
		start, end := s.Locate(pipeline.Target, 0).Offset, s.Locate(pipeline.Target, len(s.Target)).Offset
		if sl.Missing && (s.Target != "" || start != sl.Span.End) || !sl.Missing && (start < sl.Span.Start || end > sl.Span.End || start > end) {
			t.Fatalf("segment %s: slot %+v, target located at [%d,%d)", s.ID, sl, start, end)
		}
	}
}

func TestReadXLIFFErrors(t *testing.T) {
	const v12 = `<xliff version="1.2"><file source-language="en" target-language="de"><body>`
	const end12 = `</body></file></xliff>`
	unit := func(s string) string { return v12 + s + end12 }
	deep := v12 + `<trans-unit id="1"><source>` + strings.Repeat("<g>", 100) + strings.Repeat("</g>", 100) + `</source></trans-unit>` + end12
	tests := []struct{ name, data, want string }{
		{"not xliff", `<?xml version="1.0"?><tmx version="1.4"/>`, `line 1, column 22: root element is <tmx>, want <xliff>`},
		{"no version", `<xliff><file/></xliff>`, `line 1, column 1: <xliff> has no version attribute or XLIFF namespace`},
		{"bad version", "<xliff\n version=\"3.0\"/>", `line 2, column 2: unsupported XLIFF version "3.0" (want 1.0 to 1.2 or 2.0 to 2.2)`},
		{"version and namespace", `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>`, `line 1, column 1: version "2.0" does not match namespace "urn:oasis:names:tc:xliff:document:1.2"`},
		{"other namespace", `<xliff version="1.2" xmlns="urn:example"/>`, `line 1, column 1: root element <xliff> is in namespace "urn:example", not XLIFF's`},
		{"billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;\">\n]>\n<xliff version=\"1.2\"/>",
			`line 3, column 2: entity declarations are not supported (entities are never expanded)`},
		{"parameter entity", "<!DOCTYPE x [ %ext; ]><xliff version=\"1.2\"/>", `line 1, column 15: parameter entity references are not supported (entities are never expanded)`},
		{"undefined entity", unit(`<trans-unit id="1"><source>a &nbsp; b</source></trans-unit>`), `line 1, column 105: undefined entity &nbsp; (XML defines only &amp; &lt; &gt; &apos; &quot;)`},
		{"bare ampersand", unit(`<trans-unit id="1"><source>R&D</source></trans-unit>`), `line 1, column 104: "&" does not start a reference (write &amp; for a literal "&")`},
		{"bad char ref", unit(`<trans-unit id="1"><source>&#0;</source></trans-unit>`), `line 1, column 103: character reference &#0; is not an XML character`},
		{"control char", unit("<trans-unit id=\"1\"><source>a\x01</source></trans-unit>"), `line 1, column 104: character U+0001 is not allowed in XML`},
		{"cdata end in text", unit(`<trans-unit id="1"><source>a]]>b</source></trans-unit>`), `line 1, column 104: "]]>" in text (write ]]&gt;)`},
		{"mismatched tag", unit(`<trans-unit id="1"><source><g id="1">a</source></g></trans-unit>`), `line 1, column 114: end tag </source> does not match <g> (line 1)`},
		{"unclosed", "<xliff version=\"1.2\">\n<file>\n<body>", `line 3, column 7: unexpected end of file: <body> (line 3) is not closed`},
		{"too deep", deep, `line 1, column 388: elements nested more than 100 deep`},
		{"two roots", `<xliff version="1.2"/><xliff version="1.2"/>`, `line 1, column 23: a second root element <xliff>`},
		{"text before root", "x<xliff version=\"1.2\"/>", `line 1, column 1: text before the root element`},
		{"unquoted attribute", `<xliff version=1.2/>`, `line 1, column 16: value of attribute version is not quoted`},
		{"duplicate attribute", `<xliff version="1.2" version="1.2"/>`, `line 1, column 22: attribute version appears twice in tag <xliff>`},
		{"undeclared prefix", unit(`<x:trans-unit id="1"/>`), `line 1, column 76: undeclared namespace prefix in <x:trans-unit>`},
		{"lt in attribute", `<xliff version="<1.2"/>`, `line 1, column 17: "<" in an attribute value (write &lt;)`},
		{"no unit id", unit(`<trans-unit><source>a</source></trans-unit>`), `line 1, column 76: <trans-unit> without an id`},
		{"no source", unit(`<trans-unit id="u"><target>a</target></trans-unit>`), `line 1, column 76: <trans-unit id="u"> has no <source>`},
		{"two targets", unit(`<trans-unit id="u"><source>a</source><target>b</target><target>c</target></trans-unit>`), `line 1, column 131: <trans-unit id="u"> has a second <target>`},
		{"duplicate id", unit("<trans-unit id=\"u\"><source>a</source></trans-unit>\n<trans-unit id=\"u\"><source>b</source></trans-unit>"), `line 2, column 1: duplicate segment id "u" (first on line 1)`},
		{"mrk without mid", unit(`<trans-unit id="u"><source>a</source><seg-source><mrk mtype="seg">a</mrk></seg-source></trans-unit>`), `line 1, column 125: <mrk mtype="seg"> without mid`},
		{"duplicate mid", unit(`<trans-unit id="u"><source>a b</source><seg-source><mrk mtype="seg" mid="1">a</mrk> <mrk mtype="seg" mid="1">b</mrk></seg-source><target><mrk mtype="seg" mid="1">A</mrk></target></trans-unit>`),
			`line 1, column 160: <seg-source> has a second <mrk mtype="seg" mid="1">`},
		{"bad language", `<xliff version="1.2"><file source-language="en_!!"/></xliff>`, `line 1, column 28: invalid source-language "en_!!": language: tag is not well-formed`},
		{"no segment source", `<xliff version="2.0" srcLang="en"><file id="f"><unit id="u"><segment><target>a</target></segment></unit></file></xliff>`, `line 1, column 61: <segment> of unit "u" has no <source>`},
		{"bad cp", `<xliff version="2.0" srcLang="en"><file id="f"><unit id="u"><segment><source><cp hex="D800"/></source></segment></unit></file></xliff>`, `line 1, column 78: <cp> needs a hex attribute with a Unicode code point, not "D800"`},
		{"empty", ``, `line 1, column 1: no root element`},
		{"late XML declaration", "\n<?xml version=\"1.0\"?><xliff version=\"1.2\"/>", `line 2, column 1: XML declaration not at the start of the file`},
		{"unclosed comment", `<xliff version="1.2"><!-- c </xliff>`, `line 1, column 22: comment is not closed (want "-->")`},
		{"unclosed processing instruction", `<xliff version="1.2"><?pi c </xliff>`, `line 1, column 22: processing instruction is not closed (want "?>")`},
		{"unknown declaration", `<xliff version="1.2"><!ELEMENT x ANY></xliff>`, `line 1, column 22: unexpected "<!" (want a comment, a CDATA section or a document type declaration)`},
		{"attribute without value", `<xliff version></xliff>`, `line 1, column 15: attribute version has no value (want ="...")`},
		{"no space between attributes", `<xliff version="1.2"id="x"/>`, `line 1, column 21: want white space before an attribute in tag <xliff>`},
		{"text after root", "<xliff version=\"1.2\"/>\n\u00e9", `line 2, column 1: text after the root element`},
		{"stray end tag", `<xliff version="1.2"/></file>`, `line 1, column 23: end tag </file> closes no element`},
		{"unclosed tag", `<xliff version="1.2"`, `line 1, column 21: tag <xliff> is not closed (want ">")`},
		{"late doctype", `<xliff version="1.2"><!DOCTYPE x></xliff>`, `line 1, column 22: document type declaration after the start of the document`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readXLIFFData("x.xlf", []byte(tt.data))
			want := "corpus: read x.xlf: " + tt.want
			if err == nil || err.Error() != want {
				t.Errorf("error\n  %v\nwant\n  %s", err, want)
			}
		})
	}
}

// TestXLIFFWriteBack writes new targets and compares the file with the
// original: only the slots written may change.
func TestXLIFFWriteBack(t *testing.T) {
	tests := []struct {
		file      string
		id        string
		target    string
		old, want string // the markup replaced in the file, and its replacement
	}{
		{"v12.xlf", "title", "The US Is \uFFFCMulling\uFFFC Leaving NATO & more",
			`US is<g id="1">酝酿</g> Leaving NATO</target>`, `The US Is <g id="1">Mulling</g> Leaving NATO &amp; more</target>`},
		{"v12.xlf", "entities", "R&D <budget> in 中国!",
			`R&amp;D &lt;budget&gt; in &#x4E2D;&#22269;`, `R&amp;D &lt;budget&gt; in 中国!`},
		{"v12.xlf", "cdata", "a < b and c & d!",
			`a <![CDATA[<]]> b and <!-- check -->c &amp; d</target>`, `a &lt; b and c &amp; d!</target>`},
		{"v12.xlf", "untranslated", "The NATO Secretary General spoke.",
			"讲话。</source>\n", "讲话。</source>\n        <target>The NATO Secretary General spoke.</target>\n"},
		{"v12.xlf", "empty", "New",
			`<target state="new"/>`, `<target state="new">New</target>`},
		{"v12.xlf", "seg/2", "Second sentence.",
			`First sentence.</mrk> <mrk mtype="seg" mid="3">`, `First sentence.</mrk> <mrk mtype="seg" mid="2">Second sentence.</mrk> <mrk mtype="seg" mid="3">`},
		{"v12.xlf", "seg/3", "Third \uFFFCsentence\uFFFC.",
			`Third <g id="5">one</g>.`, `Third <g id="5">sentence</g>.`},
		{"v20.xlf", "two/2", "Second\uFFFC.",
			"第二句<ph id=\"1\"/>。</source>\n", "第二句<ph id=\"1\"/>。</source>\n        <target>Second<ph id=\"1\"/>.</target>\n"},
		{"v20.xlf", "codes/s", "\uFFFCBold\uFFFC and \uFFFCNATO\uFFFC\uFFFC good\uFFFC\x01\r",
			`good<em startRef="m2"/>&amp;<cp hex="001B"/>end`, `good<em startRef="m2"/><cp hex="0001"/>&#13;`},
		{"crlf.xlf", "2", "Nur Quelle",
			"<source>Only source</source>\r\n", "<source>Only source</source>\r\n    <target>Nur Quelle</target>\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.id, func(t *testing.T) {
			data, doc, c := readXLIFFFile(t, "testdata/xliff/"+tt.file)
			i := slices.IndexFunc(doc.Segments, func(s pipeline.Segment) bool { return s.ID == tt.id })
			out, err := c.splice(tt.file, string(data), doc, map[int]string{i: tt.target})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Count(string(data), tt.old) != 1 {
				t.Fatalf("%q is not once in the file", tt.old)
			}
			if want := strings.Replace(string(data), tt.old, tt.want, 1); out != want {
				t.Fatalf("got\n%s\nwant\n%s", out, want)
			}
			doc2, c2, err := readXLIFFData(tt.file, []byte(out))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc2.Segments) != len(doc.Segments) {
				t.Fatalf("%d segments after writing, want %d", len(doc2.Segments), len(doc.Segments))
			}
			checkXLIFF(t, []byte(out), doc2, c2)
			for k := range doc.Segments {
				a, b := doc.Segments[k], doc2.Segments[k]
				if k == i {
					// The new target, with the codes it was written with.
					a.Target = tt.target
					if a.TargetCodes == nil {
						a.TargetCodes = a.SourceCodes
					}
					a.TargetCodes = slices.Clone(a.TargetCodes)
					for j := range a.TargetCodes {
						a.TargetCodes[j].Span = b.TargetCodes[j].Span
					}
				}
				if !sameXLIFFSegment(&a, &b) {
					t.Errorf("segment %d after writing:\n got %#v\nwant %#v", k, b, a)
				}
			}
		})
	}
}

// sameXLIFFSegment compares what writing a target may not change: all
// but positions, and the codes' spans and markup.
func sameXLIFFSegment(a, b *pipeline.Segment) bool {
	codes := func(cs []pipeline.Code) (out []string) {
		for _, c := range cs {
			out = append(out, fmt.Sprint(c.Span, c.Data))
		}
		return out
	}
	return a.ID == b.ID && a.Source == b.Source && a.Target == b.Target && a.State == b.State &&
		a.Context == b.Context && slices.Equal(a.Notes, b.Notes) &&
		a.SourceLang == b.SourceLang && a.TargetLang == b.TargetLang &&
		slices.Equal(codes(a.SourceCodes), codes(b.SourceCodes)) && slices.Equal(codes(a.TargetCodes), codes(b.TargetCodes))
}

// TestXLIFFUnchanged writes every target as it is: the file must come
// back byte for byte, references, CDATA and comments included.
func TestXLIFFUnchanged(t *testing.T) {
	for _, name := range []string{"v12.xlf", "v20.xlf", "crlf.xlf"} {
		data, doc, c := readXLIFFFile(t, "testdata/xliff/"+name)
		targets := map[int]string{}
		for i, s := range doc.Segments {
			if !c.slots[i].Missing {
				targets[i] = s.Target
			}
		}
		for _, ts := range []map[int]string{nil, targets} {
			out, err := c.splice(name, string(data), doc, ts)
			if err != nil {
				t.Fatal(err)
			}
			if out != string(data) {
				t.Errorf("%s: writing %d unchanged targets changed the file", name, len(ts))
			}
		}
	}
}

func TestXLIFFEncodeErrors(t *testing.T) {
	tests := []struct {
		file, id, target, want string
	}{
		{"v12.xlf", "title", "US is \uFFFCLeaving NATO", "new target has 1 inline codes, want 2"},
		{"v12.xlf", "plain", "a\x01b", "new target has U+0001 at byte 1, which XLIFF 1.x cannot hold"},
		{"v12.xlf", "plain", "a\uFFFC", "new target has 1 inline codes, want 0"},
		{"v12.xlf", "plain", "a\xffb", "new target is not UTF-8 at byte 1"},
	}
	for _, tt := range tests {
		data, doc, c := readXLIFFFile(t, "testdata/xliff/"+tt.file)
		i := slices.IndexFunc(doc.Segments, func(s pipeline.Segment) bool { return s.ID == tt.id })
		_, err := c.splice(tt.file, string(data), doc, map[int]string{i: tt.target})
		want := fmt.Sprintf("corpus: write %s: segment %s: %s", tt.file, tt.id, tt.want)
		if err == nil || err.Error() != want {
			t.Errorf("%s %q: error %v, want %s", tt.id, tt.target, err, want)
		}
	}
}

// TestXLIFFFileBytes writes through the File API: the file's CRLF line
// breaks are kept in new targets.
func TestXLIFFFileBytes(t *testing.T) {
	data, err := os.ReadFile("testdata/xliff/crlf.xlf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("crlf.xlf", data, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Bytes(map[int]string{0: "Zeile 1\nZeile 2", 1: "Nur Quelle"})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer(
		"Zeile eins\r\nZeile &#x7A;wei", "Zeile 1\r\nZeile 2",
		"<source>Only source</source>\r\n", "<source>Only source</source>\r\n    <target>Nur Quelle</target>\r\n",
	).Replace(string(data))
	if string(out) != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
}

func TestXLIFFNamespaces(t *testing.T) {
	// XLIFF elements with a prefix; elements of other namespaces are
	// skipped, or codes inside text; the prefix of a new target is the
	// source's.
	data := `<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<x:file source-language="en" target-language="fr" original="a"><x:body>
<x:trans-unit id="1"><x:source>Hello <b:bold xmlns:b="urn:b">world</b:bold></x:source>
<sdl:seg-defs xmlns:sdl="urn:sdl"><x:target>not a target</x:target></sdl:seg-defs></x:trans-unit>
<trans-unit id="other"><source>Not XLIFF</source></trans-unit>
</x:body></x:file></x:xliff>`
	doc, c, err := readXLIFFData("ns.xlf", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	checkXLIFF(t, []byte(data), doc, c)
	if len(doc.Segments) != 1 {
		t.Fatalf("%d segments, want 1", len(doc.Segments))
	}
	s := doc.Segments[0]
	if want := "Hello \uFFFCworld\uFFFC"; s.Source != want || s.Target != "" {
		t.Errorf("source %q, target %q; want %q and none", s.Source, s.Target, want)
	}
	if got := xlfDescribeCodes(&s); !slices.Equal(got, []string{`S 6 open b:bold  <b:bold xmlns:b="urn:b">`, `S 14 close b:bold  </b:bold>`}) {
		t.Errorf("codes %q", got)
	}
	out, err := c.splice("ns.xlf", data, doc, map[int]string{0: "Bonjour \uFFFCmonde\uFFFC"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `</x:source><x:target>Bonjour <b:bold xmlns:b="urn:b">monde</b:bold></x:target>`; !strings.Contains(out, want) {
		t.Errorf("written file lacks %s:\n%s", want, out)
	}
}

func TestXLIFFMultipleFiles(t *testing.T) {
	data := `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh" trgLang="en">
<file id="a"><unit id="1"><segment><source>一</source><target>One</target></segment></unit></file>
<file id="b"><group id="g"><unit id="1"><segment id="x"><source>二</source></segment><segment><source>三</source></segment></unit></group></file>
</xliff>`
	doc, c, err := readXLIFFData("m.xlf", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	checkXLIFF(t, []byte(data), doc, c)
	var ids []string
	for _, s := range doc.Segments {
		ids = append(ids, s.ID)
	}
	if want := []string{"a/1/1", "b/1/x", "b/1/2"}; !slices.Equal(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
}

func BenchmarkReadXLIFF(b *testing.B) {
	// A document of many units like those of v12.xlf.
	one, err := os.ReadFile("testdata/xliff/v12.xlf")
	if err != nil {
		b.Fatal(err)
	}
	s := string(one)
	head, rest, _ := strings.Cut(s, "<body>")
	body, tail, _ := strings.Cut(rest, "</body>")
	var sb strings.Builder
	sb.WriteString(head + "<body>")
	for i := range 200 {
		sb.WriteString(strings.ReplaceAll(body, `id="`, fmt.Sprintf(`id="%d-`, i)))
	}
	sb.WriteString("</body>" + tail)
	for _, bc := range []struct {
		name string
		data []byte
	}{
		{"lines", []byte(sb.String())},
		{"oneline", []byte(strings.ReplaceAll(sb.String(), "\n", " "))},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := readXLIFFData("bench.xlf", bc.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

const (
	xlfV12   = `<xliff version="1.2"><file source-language="en" target-language="fr" original="f"><body>`
	xlfEnd12 = "</body></file></xliff>"
	xlfV20   = `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr"><file id="f">`
	xlfEnd20 = "</file></xliff>"
)

// xlfCases are small documents with the segments they hold: "id source
// -> target [codes]", each code shown as {} in the text.
var xlfCases = []struct {
	name, data string
	want       []string
}{
	{"target mrks of other mids", xlfV12 + `<trans-unit id="u"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source><target><mrk mtype="seg" mid="x">C.</mrk></target></trans-unit>` + xlfEnd12,
		[]string{`u "A. B." -> "{}C.{}" [T0:open:mrk: T5:close:mrk:]`}},
	{"no target with seg-source", xlfV12 + `<trans-unit id="u"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source></trans-unit>` + xlfEnd12,
		[]string{`u "A. B." -> "" []`}},
	{"first mrk missing", xlfV12 + `<trans-unit id="u"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source><target><mrk mtype="seg" mid="2"/></target></trans-unit>` + xlfEnd12,
		[]string{`u/1 "A." -> "" []`, `u/2 "B." -> "" []`}},
	{"marks inside g", xlfV12 + `<trans-unit id="u"><source>A</source><seg-source><g id="1"><mrk mtype="seg" mid="1">A<x id="2"/></mrk></g></seg-source><target><g id="1"><mrk mtype="seg" mid="1">Á<x id="2"/></mrk></g></target></trans-unit>` + xlfEnd12,
		[]string{`u/1 "A{}" -> "Á{}" [S1:standalone:x:2 T2:standalone:x:2]`}},
	{"object replacement characters", xlfV12 + `<trans-unit id="u"><source>a￼b&#xFFFC;</source><target><![CDATA[￼]]></target></trans-unit>` + xlfEnd12,
		[]string{`u "a{}b{}" -> "{}" [S1:standalone:: S5:standalone:: T0:standalone::]`}},
	{"isolated and sub", xlfV12 + `<trans-unit id="u"><source><it id="1" pos="open">&lt;a href="<sub>x</sub>"&gt;</it>link<mrk mtype="term">NATO</mrk></source><target/></trans-unit>` + xlfEnd12,
		[]string{`u "{}link{}NATO{}" -> "" [S0:standalone:it:1 S7:open:mrk: S14:close:mrk:]`}},
	{"comments and processing instructions", xlfV12 + `<trans-unit id="u"><source>a<!-- c -->b<?pi x?>c</source><target>x<!---->y</target></trans-unit>` + xlfEnd12,
		[]string{`u "abc" -> "xy" []`}},
	{"doctype without entities", "\uFEFF<?xml version=\"1.0\"?><!DOCTYPE xliff [<!ATTLIST xliff a CDATA \"]>\"><!-- <!ENTITY x 'y'> -->]>" + xlfV12 + `<trans-unit id="u"><source>a</source></trans-unit>` + xlfEnd12,
		[]string{`u "a" -> "" []`}},
	{"xml:lang", xlfV12 + `<trans-unit id="u"><source xml:lang="en-GB">a</source><target xml:lang="fr-CA">b</target></trans-unit>` + xlfEnd12,
		[]string{`u "a" -> "b" []`}},
	{"code points", xlfV20 + `<unit id="u"><segment><source>a<cp hex="FFFC"/><cp hex="41"/></source><target><cp hex="FFFF"/></target></segment></unit>` + xlfEnd20,
		[]string{`u/1 "a{}A" -> "\uffff" [S1:standalone::]`}},
	{"unknown inline elements", xlfV20 + `<unit id="u"><segment><source><pc id="1"/><foo>x</foo></source><target>y<bar xmlns="urn:x"><pc id="1">z</pc></bar></target></segment></unit>` + xlfEnd20,
		[]string{`u/1 "{}{}x{}" -> "y{}{}z{}{}" [S0:standalone:pc:1 S3:open:foo: S7:close:foo: T1:open:bar: T4:open:pc:1 T8:close:pc:1 T11:close:bar:]`}},
	{"mid to escape", xlfV12 + `<trans-unit id="u"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk><mrk mtype="seg" mid="a&quot;&amp;&lt;">B.</mrk></seg-source><target><mrk mtype="seg" mid="1">Á.</mrk></target></trans-unit>` + xlfEnd12,
		[]string{`u/1 "A." -> "Á." []`, `u/a"&< "B." -> "" []`}},
	{"names beyond ASCII", xlfV12 + `<trans-unit id="é"><source>a<données clé·1="v"/>b<ns:étiquette xmlns:ns="urn:n">c</ns:étiquette></source></trans-unit>` + xlfEnd12,
		[]string{`é "a{}b{}c{}" -> "" [S1:standalone:données: S5:open:ns:étiquette: S9:close:ns:étiquette:]`}},
	{"translate in groups", xlfV20 + `<group id="g" translate="no"><unit id="a"><segment><source>a</source></segment></unit><unit id="b" translate="yes"><segment><source>b</source></segment></unit></group>` + xlfEnd20,
		[]string{`b/1 "b" -> "" []`}},
}

// TestXLIFFCases reads small documents, compares their segments, and
// writes every target back (checkXLIFFWrite).
func TestXLIFFCases(t *testing.T) {
	for _, tt := range xlfCases {
		t.Run(tt.name, func(t *testing.T) {
			doc, c, err := readXLIFFData("f", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i := range doc.Segments {
				s := &doc.Segments[i]
				var codes []string
				for _, side := range []pipeline.Side{pipeline.Source, pipeline.Target} {
					for _, c := range s.Codes(side) {
						codes = append(codes, fmt.Sprintf("%s%d:%s:%s:%s", strings.ToUpper(side.String()[:1]), c.Span.Start, c.Kind, c.Type, c.ID))
					}
				}
				show := func(s string) string { return strings.ReplaceAll(s, string(pipeline.CodeRune), "{}") }
				got = append(got, fmt.Sprintf("%s %q -> %q [%s]", s.ID, show(s.Source), show(s.Target), strings.Join(codes, " ")))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			checkXLIFFWrite(t, []byte(tt.data), doc, c)
		})
	}
}

// TestXLIFFAttributes reads attribute values and notes with references,
// white space and CDATA.
func TestXLIFFAttributes(t *testing.T) {
	data := xlfV12 + "<trans-unit id=\"u\" resname=\"a&amp;b&#10;c\td\r\ne\"><source>s</source>" +
		"<note>  R&amp;D\r\nnote <![CDATA[<x>]]>  </note><note/><note> </note></trans-unit>" + xlfEnd12
	doc, _, err := readXLIFFData("a.xlf", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	s := doc.Segments[0]
	if want := "a&b\nc d e"; s.Context != want {
		t.Errorf("context %q, want %q", s.Context, want)
	}
	if want := []string{"R&D\nnote <x>"}; !slices.Equal(s.Notes, want) {
		t.Errorf("notes %q, want %q", s.Notes, want)
	}
}
