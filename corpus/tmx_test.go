package corpus

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/internal/golden"
	"github.com/tqa-project/tqa/pipeline"
)

// sameTMX reports whether char of a TMX segment's text is what the file
// has at at: the character itself, an entity or character reference for
// it, a CR LF or CR for a line feed, or the markup of an inline code.
func sameTMX(char string, at []byte) bool {
	switch {
	case bytes.HasPrefix(at, []byte(char)):
		return true
	case len(at) == 0:
		return false
	case at[0] == '&':
		return true
	case char == "\n":
		return at[0] == '\r'
	case char == string(pipeline.CodeRune):
		return at[0] == '<'
	}
	return false
}

// tmxFiles are the TMX test documents and the options they are read with.
var tmxFiles = []struct {
	name string
	opt  Options
}{
	{"testdata/tmx/zh-en.tmx", Options{}},
	{"testdata/tmx/multi.tmx", Options{TargetLang: language.MustParse("zh-CN")}},
}

// TestTMXGolden lists what the reader finds in each test document and
// compares it with the golden file next to it.
func TestTMXGolden(t *testing.T) {
	for _, f := range tmxFiles {
		t.Run(filepath.Base(f.name), func(t *testing.T) {
			data := biReadFile(t, f.name)
			doc, c, err := biRead(t, f.name, data, "tmx", f.opt)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(f.name, ".tmx")+".golden", biDump(doc, c, data))
		})
	}
}

// TestTMXInvariants checks positions, codes and write-back of each test
// document, as written and with CR LF line breaks and a byte order mark.
func TestTMXInvariants(t *testing.T) {
	for _, f := range tmxFiles {
		lf := biReadFile(t, f.name)
		for _, variant := range []struct {
			name string
			data []byte
		}{{"lf", lf}, {"crlf", biCRLF(lf)}, {"bom", append([]byte("\uFEFF"), lf...)}} {
			t.Run(filepath.Base(f.name)+"/"+variant.name, func(t *testing.T) {
				doc, c, err := biRead(t, f.name, variant.data, "tmx", f.opt)
				if err != nil {
					t.Fatal(err)
				}
				biCheck(t, variant.data, doc, c, sameTMX)
				biCheckWriteBack(t, variant.data, doc, c, f.opt, sameTMX)
				// Line breaks are read as LF whatever the file writes.
				want, _, _ := biRead(t, f.name, lf, "tmx", f.opt)
				for i, s := range doc.Segments {
					if w := want.Segments[i]; s.Source != w.Source || s.Target != w.Target {
						t.Errorf("segment %s: %q %q, want %q %q", s.ID, s.Source, s.Target, w.Source, w.Target)
					}
				}
			})
		}
	}
}

// TestTMXPositions checks where characters of segments lie in the file.
func TestTMXPositions(t *testing.T) {
	data := biReadFile(t, "testdata/tmx/zh-en.tmx")
	doc, err := Read("zh-en.tmx", data, "tmx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id   string
		side pipeline.Side
		find string // the text whose start to locate
		line int
		col  int
	}{
		{"headline", pipeline.Source, "酝酿", 13, 16},
		{"headline", pipeline.Target, "酝酿", 17, 19},
		{"headline", pipeline.Target, "Leaving", 17, 22},
		{"codes", pipeline.Target, "NATO", 22, 63},
		{"codes", pipeline.Target, " was", 22, 94},
		{"codes", pipeline.Target, ".", 22, 143},
		{"entities", pipeline.Target, "\"Coll", 26, 31},
		{"entities", pipeline.Target, "Collective", 26, 37},
		{"entities", pipeline.Target, "& Article", 26, 62},
		{"entities", pipeline.Target, "\u00a05", 26, 75},
		{"entities", pipeline.Target, "5 <", 26, 81},
		{"entities", pipeline.Target, "中", 26, 87},
		{"entities", pipeline.Target, ">", 26, 95},
		{"4", pipeline.Target, "website", 30, 102},
		{"multi-line", pipeline.Target, "First", 39, 40},
		{"multi-line", pipeline.Target, "<line>", 39, 46},
		{"multi-line", pipeline.Target, "second", 40, 1},
		{"multi-line", pipeline.Target, " line", 40, 25},
		{"multi-line", pipeline.Source, "第二行", 38, 1},
	}
	for _, tt := range tests {
		s := biSegment(t, doc, tt.id)
		i := strings.Index(s.Text(tt.side), tt.find)
		if i < 0 {
			t.Fatalf("segment %s %s: no %q in %q", tt.id, tt.side, tt.find, s.Text(tt.side))
		}
		p := s.Locate(tt.side, i)
		if p.Line != tt.line || p.Column != tt.col {
			t.Errorf("segment %s %s: %q at %d:%d, want %d:%d", tt.id, tt.side, tt.find, p.Line, p.Column, tt.line, tt.col)
		}
	}
}

func biSegment(t *testing.T, doc *pipeline.Document, id string) *pipeline.Segment {
	t.Helper()
	for i := range doc.Segments {
		if doc.Segments[i].ID == id {
			return &doc.Segments[i]
		}
	}
	t.Fatalf("no segment %q", id)
	return nil
}

// tmxDoc wraps tus in a TMX document whose header has srclang.
func tmxDoc(srclang, tus string) string {
	return `<?xml version="1.0"?>` + "\n<tmx version=\"1.4\"><header srclang=\"" + srclang + "\"/><body>\n" + tus + "\n</body></tmx>\n"
}

// TestTMXLanguages checks which tuvs become source and target.
func TestTMXLanguages(t *testing.T) {
	en := `<tuv xml:lang="en"><seg>defence</seg></tuv>`
	fr := `<tuv xml:lang="fr-FR"><seg>défense</seg></tuv>`
	zh := `<tuv xml:lang="zh"><seg>防御</seg></tuv>`
	tests := []struct {
		name       string
		data       string
		opt        Options
		seg        int    // the segment to look at
		src, tgt   string // its texts
		docS, docT string // languages of the document
	}{
		{"two tuvs", tmxDoc("en", "<tu>"+fr+en+"</tu>"), Options{}, 0, "defence", "défense", "en", "fr-FR"},
		{"srclang case and region", tmxDoc("EN-us", "<tu>"+en+fr+"</tu>"), Options{}, 0, "defence", "défense", "en-US", "fr-FR"},
		{"target given", tmxDoc("en", "<tu>"+en+fr+zh+"</tu>"), Options{TargetLang: language.Chinese}, 0, "defence", "防御", "en", "zh"},
		{"target by primary language", tmxDoc("en", "<tu>"+en+fr+zh+"</tu>"), Options{TargetLang: language.French}, 0, "defence", "défense", "en", "fr-FR"},
		{"target given but absent", tmxDoc("en", "<tu>"+en+fr+"</tu>"), Options{TargetLang: language.German}, 0, "defence", "défense", "en", "fr-FR"},
		{"target given, missing here", tmxDoc("en", "<tu>"+en+fr+"</tu><tu>"+en+zh+"</tu>"), Options{TargetLang: language.Chinese}, 0, "defence", "", "en", "zh"},
		{"tu srclang", tmxDoc("en", `<tu srclang="fr-FR">`+en+fr+"</tu>"), Options{}, 0, "défense", "defence", "en", "en"},
		{"srclang all, source given", tmxDoc("*all*", "<tu>"+zh+en+"</tu>"), Options{SourceLang: language.English}, 0, "defence", "防御", "en", "zh"},
		{"header wins over options", tmxDoc("zh", "<tu>"+zh+en+"</tu>"), Options{SourceLang: language.English}, 0, "防御", "defence", "zh", "en"},
		{"only a source", tmxDoc("en", "<tu>"+en+"</tu>"), Options{}, 0, "defence", "", "en", "und"},
		{"target learnt from an earlier tu", tmxDoc("en", "<tu>"+en+zh+"</tu><tu>"+en+fr+zh+"</tu>"), Options{}, 1, "defence", "防御", "en", "zh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, c, err := biRead(t, "x.tmx", []byte(tt.data), "tmx", tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			s := doc.Segments[tt.seg]
			if s.Source != tt.src || s.Target != tt.tgt {
				t.Errorf("segment %d: %q -> %q, want %q -> %q", tt.seg, s.Source, s.Target, tt.src, tt.tgt)
			}
			if doc.SourceLang.String() != tt.docS || doc.TargetLang.String() != tt.docT {
				t.Errorf("document %s -> %s, want %s -> %s", doc.SourceLang, doc.TargetLang, tt.docS, tt.docT)
			}
			biCheck(t, []byte(tt.data), doc, c, sameTMX)
			if doc.TargetLang != language.Und {
				biCheckWriteBack(t, []byte(tt.data), doc, c, tt.opt, sameTMX)
			}
		})
	}
}

func TestTMXErrors(t *testing.T) {
	en := `<tuv xml:lang="en"><seg>a</seg></tuv>`
	fr := `<tuv xml:lang="fr"><seg>b</seg></tuv>`
	de := `<tuv xml:lang="de"><seg>c</seg></tuv>`
	tests := []struct {
		name, data string
		opt        Options
		want       string
	}{
		{"empty", "", Options{}, "line 1, column 1: not a TMX file: no <tmx> element"},
		{"not tmx", `<?xml version="1.0"?><xliff/>`, Options{}, "line 1, column 22: not a TMX file: the root element is <xliff>, want <tmx>"},
		{"three tuvs", tmxDoc("en", "<tu>"+en+fr+de+"</tu>"), Options{}, "line 3, column 1: target language unknown: 2 languages besides the source en (fr, de); give the target language"},
		{"srclang all", tmxDoc("*all*", "<tu>"+en+fr+"</tu>"), Options{}, "line 3, column 1: source language unknown: the header's srclang is *all* and none was given (languages: en, fr)"},
		{"no source tuv", tmxDoc("de", "<tu>"+en+fr+"</tu>"), Options{}, "line 3, column 1: no <tuv> in the source language de (languages: en, fr)"},
		{"no lang", tmxDoc("en", "<tu><tuv><seg>a</seg></tuv></tu>"), Options{}, "line 3, column 5: <tuv> has no xml:lang"},
		{"no seg", tmxDoc("en", `<tu><tuv xml:lang="en"/></tu>`), Options{}, `line 3, column 5: <tuv xml:lang="en"> has no <seg>`},
		{"two segs", tmxDoc("en", `<tu><tuv xml:lang="en"><seg>a</seg><seg>b</seg></tuv></tu>`), Options{}, "line 3, column 36: a second <seg> in <tuv>"},
		{"no tuv", tmxDoc("en", "<tu/>"), Options{}, "line 3, column 1: <tu> has no <tuv>"},
		{"duplicate tuid", tmxDoc("en", `<tu tuid="a">`+en+`</tu>`+"\n"+`<tu tuid="a">`+en+`</tu>`), Options{}, `line 4: duplicate tu "a" (first on line 3)`},
		{"entity declaration", "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY x \"boom\">\n]>\n<tmx/>", Options{}, "line 3, column 1: entity declarations are not supported"},
		{"undefined entity", tmxDoc("en", `<tu><tuv xml:lang="en"><seg>a&nbsp;b</seg></tuv></tu>`), Options{}, "line 3, column 30: undefined entity &nbsp; (XML has &amp; &lt; &gt; &apos; &quot; and character references)"},
		{"bare ampersand", tmxDoc("en", `<tu><tuv xml:lang="en"><seg>R&D</seg></tuv></tu>`), Options{}, `line 3, column 30: "&" does not start an entity reference (write &amp; for a literal "&")`},
		{"ampersand before a semicolon", tmxDoc("en", `<tu><tuv xml:lang="en"><seg>R&D is; x</seg></tuv></tu>`), Options{}, `line 3, column 30: "&" does not start an entity reference (write &amp; for a literal "&")`},
		{"empty reference", tmxDoc("en", `<tu><tuv xml:lang="en"><seg>a&;</seg></tuv></tu>`), Options{}, `line 3, column 30: "&" does not start an entity reference (write &amp; for a literal "&")`},
		{"bad character reference", tmxDoc("en", `<tu><tuv xml:lang="en"><seg>&#1;</seg></tuv></tu>`), Options{}, "line 3, column 29: character reference &#1; is not an XML character"},
		{"malformed character reference", tmxDoc("en", `<tu><tuv xml:lang="en"><seg>&#xZZ;</seg></tuv></tu>`), Options{}, "line 3, column 29: malformed character reference &#xZZ;"},
		{"control character", tmxDoc("en", "<tu><tuv xml:lang=\"en\"><seg>a\x01</seg></tuv></tu>"), Options{}, "line 3, column 30: character U+0001 is not allowed in XML"},
		{"mismatched tag", tmxDoc("en", `<tu><tuv xml:lang="en"><seg>a</tuv></tu>`), Options{}, "line 3, column 30: </tuv> does not close <seg> (line 3)"},
		{"unclosed", "<tmx><body>\n<tu>", Options{}, "line 2, column 5: <tu> (line 2) is not closed"},
		{"unknown inline", tmxDoc("en", `<tu><tuv xml:lang="en"><seg>a<g id="1">b</g></seg></tuv></tu>`), Options{}, "line 3, column 30: <g> is not allowed in <seg> (TMX has bpt, ept, it, ph, hi and ut)"},
		{"sub in seg", tmxDoc("en", `<tu><tuv xml:lang="en"><seg><sub>b</sub></seg></tuv></tu>`), Options{}, "line 3, column 29: <sub> is not allowed in <seg> (TMX has bpt, ept, it, ph, hi and ut)"},
		{"lt in attribute", `<tmx><header srclang="a<b"/></tmx>`, Options{}, `line 1, column 24: "<" in an attribute value (write &lt;)`},
		{"duplicate attribute", `<tmx><header srclang="en" srclang="fr"/></tmx>`, Options{}, "line 1, column 27: attribute srclang appears twice"},
		{"unquoted attribute", `<tmx><header srclang=en/></tmx>`, Options{}, "line 1, column 22: want a quoted value for attribute srclang"},
		{"text after root", "<tmx/>\nx", Options{}, "line 2, column 1: text after </tmx>"},
		{"second root", "<tmx/><tmx/>", Options{}, "line 1, column 7: markup after </tmx>"},
		{"unclosed comment", "<tmx><!-- x", Options{}, `line 1, column 6: comment is not closed (want "-->")`},
		{"literal lt", tmxDoc("en", `<tu><tuv xml:lang="en"><seg>a < b</seg></tuv></tu>`), Options{}, `line 3, column 31: "<" does not start a tag (write &lt; for a literal "<")`},
		{"too deep", "<tmx>" + strings.Repeat("<x>", tmxMaxDepth), Options{}, "line 1, column 303: elements nested deeper than 100"},
		{"nested hi too deep", tmxDoc("en", `<tu><tuv xml:lang="en"><seg>`+strings.Repeat("<hi>", tmxMaxDepth)), Options{}, "line 3, column 409: elements nested deeper than 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("x.tmx", []byte(tt.data), "tmx", tt.opt)
			if err == nil {
				t.Fatalf("no error; %d segments", len(doc.Segments))
			}
			if want := "corpus: read x.tmx: " + tt.want; err.Error() != want {
				t.Errorf("error\n got %s\nwant %s", err, want)
			}
		})
	}
}

// TestTMXWriteOne changes one target and checks that only its slot
// changed in the file, and that reading the file back gives the new
// target and every other segment as before.
func TestTMXWriteOne(t *testing.T) {
	data := biReadFile(t, "testdata/tmx/zh-en.tmx")
	doc, c, err := biRead(t, "zh-en.tmx", data, "tmx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id, target string
		want       string // the new bytes of the file where the slot was
	}{
		{"headline", "US Mulls Leaving NATO", "US Mulls Leaving NATO"},
		{"codes", "\uFFFCNATO\uFFFC was founded in \uFFFC & <so on>.",
			`<bpt i="1" x="1">&lt;b&gt;</bpt>NATO<ept i="1">&lt;/b&gt;</ept> was founded in <ph x="2" type="date">{1949}</ph> &amp; &lt;so on&gt;.`},
		{"untranslated", "NATO Secretary General",
			"\n      <tuv xml:lang=\"en\"><seg>NATO Secretary General</seg></tuv>"},
		{"empty", "summit", "<seg>summit</seg>"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			k := -1
			for i, s := range doc.Segments {
				if s.ID == tt.id {
					k = i
				}
			}
			out, err := c.splice("zh-en.tmx", string(data), doc, map[int]string{k: tt.target})
			if err != nil {
				t.Fatal(err)
			}
			sl := c.slots[k]
			if want := string(data[:sl.Span.Start]) + tt.want + string(data[sl.Span.End:]); out != want {
				t.Fatalf("file written as\n%s\nwant\n%s", out, want)
			}
			doc2, err := Read("zh-en.tmx", []byte(out), "tmx", Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range doc2.Segments {
				want := doc.Segments[i].Target
				if i == k {
					want = tt.target
				}
				if s.Target != want || s.Source != doc.Segments[i].Source {
					t.Errorf("segment %s read back as %q, want %q", s.ID, s.Target, want)
				}
			}
		})
	}
}

func TestTMXEncodeErrors(t *testing.T) {
	tests := []struct{ data, target, want string }{
		{`<tu><tuv xml:lang="en"><seg>a<ph x="1">{0}</ph></seg></tuv><tuv xml:lang="fr"><seg>b<ph x="1">{0}</ph></seg></tuv></tu>`,
			"two \uFFFC codes \uFFFC", "corpus: write x.tmx: segment 1: new target has 2 inline codes, want 1"},
		{`<tu><tuv xml:lang="en"><seg>a<ph x="1">{0}</ph></seg></tuv><tuv xml:lang="fr"><seg>b<ph x="1">{0}</ph></seg></tuv></tu>`,
			"\uFFFC\x01", "corpus: write x.tmx: segment 1: new target has U+0001 at byte 3, which XML cannot hold"},
		{`<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>`,
			"b", "corpus: write x.tmx: segment 1: no target language for a new <tuv>"},
	}
	for _, tt := range tests {
		data := []byte(tmxDoc("en", tt.data))
		doc, c, err := biRead(t, "x.tmx", data, "tmx", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.splice("x.tmx", string(data), doc, map[int]string{0: tt.target}); err == nil || err.Error() != tt.want {
			t.Errorf("write %q: error %v, want %s", tt.target, err, tt.want)
		}
	}
}

// TestTMXDropCodes: a new target may drop every inline code.
func TestTMXDropCodes(t *testing.T) {
	data := []byte(tmxDoc("en", `<tu><tuv xml:lang="en"><seg>a<ph x="1">{0}</ph></seg></tuv><tuv xml:lang="fr"><seg>b<ph x="1">{0}</ph></seg></tuv></tu>`))
	doc, c, err := biRead(t, "x.tmx", data, "tmx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.splice("x.tmx", string(data), doc, map[int]string{0: "plain"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `<tuv xml:lang="fr"><seg>plain</seg></tuv>`) {
		t.Errorf("written:\n%s", out)
	}
}

func FuzzReadTMX(f *testing.F) {
	for _, file := range tmxFiles {
		f.Add(biReadFile(f, file.name), file.opt.TargetLang.String())
	}
	f.Add([]byte(tmxDoc("en", `<tu><tuv xml:lang="en"><seg>a&#xFFFC;<hi/>&#13;</seg></tuv><tuv xml:lang="de"><seg>￼<![CDATA[x]]></seg></tuv></tu>`)), "")
	f.Add([]byte("\uFEFF<tmx><header srclang='en'/><body><tu><tuv lang='en'><seg>\r</seg></tuv><tuv lang='fr'><seg/></tuv></tu></body></tmx>"), "fr")
	f.Fuzz(func(t *testing.T, data []byte, target string) {
		opt := Options{}
		if tag, err := language.Parse(target); err == nil {
			opt.TargetLang = tag
		}
		doc, c, err := biRead(t, "f.tmx", data, "tmx", opt)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "corpus: read f.tmx: line ") {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		biCheck(t, data, doc, c, sameTMX)
		for i := range c.slots {
			if c.slots[i].Missing && doc.TargetLang == language.Und && opt.TargetLang == language.Und {
				return // nowhere to write a new target
			}
		}
		biCheckWriteBack(t, data, doc, c, opt, sameTMX)
	})
}
