package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// streamTSV has a header row, a blank line, CRLF breaks and a BOM.
const streamTSV = "\uFEFFid\tsource\ttarget\tnote\r\n" +
	"a1\t美国酝酿退出北约\tUS is酝酿 Leaving NATO\tthe model case\r\n" +
	"\r\n" +
	"\t北约\tNATO\t\r\n" +
	"b2\t北约峰会\tthe NATO summit\tsecond\n" +
	"b3\t 集体防御 \tcollective defence\t\n" +
	"c4\t第五条\tArticle 5\tlast, no line break"

// streamCSV has quoted fields with commas, doubled quotes and line breaks.
const streamCSV = "source,target,context\n" +
	"北约,NATO,org\n" +
	"\"第五条,集体防御\",\"Article 5, \"\"collective\"\" defence\",\n" +
	"\"多行\r\n文本\",\"two\r\nlines\",x\n" +
	"\n" +
	"峰会,summit,\"end\"\n"

// streamText has headings (one at the end of a part for most part
// sizes), hard-wrapped paragraphs, list items and blank lines.
const streamText = "\uFEFFNATO Summit\n" +
	"The leaders met in Brussels to discuss collective defence and the budget.\n\n" +
	"The meeting was long and\n" +
	"ended late.\n" +
	"- first item\n" +
	"- second item\n\n\n" +
	"Budget Talks\r\n" +
	"Members agreed to spend two percent of their output on defence.\r\n" +
	"  indented line\n" +
	"Short\n" +
	"end"

// streamCases are inputs that every format test streams in parts.
func streamCases(t *testing.T) []struct{ name, format, data string } {
	po, err := os.ReadFile("testdata/po/zh-en.po")
	if err != nil {
		t.Fatal(err)
	}
	pot, err := os.ReadFile("testdata/po/nato.pot")
	if err != nil {
		t.Fatal(err)
	}
	return []struct{ name, format, data string }{
		{"zh-en.po", "po", string(po)},
		{"nato.pot", "po", string(pot)},
		{"crlf.po", "po", strings.ReplaceAll(string(po), "\n", "\r\n")},
		{"s.tsv", "tsv", streamTSV},
		{"s.csv", "csv", streamCSV},
		{"s.txt", "text", streamText},
	}
}

// TestStreamMatchesFile: streamed in parts of any size, an input gives the
// segments, ids, languages and positions that reading it whole gives.
func TestStreamMatchesFile(t *testing.T) {
	for _, c := range streamCases(t) {
		f, err := Parse(c.name, []byte(c.data), c.format, Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, size := range []int{1, 2, 3, 7, 1000} {
			t.Run(fmt.Sprintf("%s/%d", c.name, size), func(t *testing.T) {
				var got []pipeline.Segment
				parts := 0
				err := Stream(strings.NewReader(c.data), c.name, c.format, Options{}, StreamOptions{Segments: size}, func(d *pipeline.Document) error {
					parts++
					if d.Path != c.name || d.Format != c.format {
						t.Errorf("document %s %s", d.Path, d.Format)
					}
					if d.SourceLang != f.Doc.SourceLang || d.TargetLang != f.Doc.TargetLang {
						t.Errorf("part %d: languages %v %v, want %v %v", parts, d.SourceLang, d.TargetLang, f.Doc.SourceLang, f.Doc.TargetLang)
					}
					got = append(got, d.Segments...)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if size == 1 && parts < 2 {
					t.Errorf("%d parts, want more", parts)
				}
				if len(got) != len(f.Doc.Segments) {
					t.Fatalf("%d segments, want %d", len(got), len(f.Doc.Segments))
				}
				for i := range got {
					if !reflect.DeepEqual(got[i], f.Doc.Segments[i]) {
						t.Errorf("segment %d differs:\n got %+v\nwant %+v", i, got[i], f.Doc.Segments[i])
					}
				}
			})
		}
	}
}

// TestStreamCarriesHeader: a later part takes the PO header's Plural-Forms
// and Language, and a table's header row, from the first part.
func TestStreamCarriesHeader(t *testing.T) {
	po := "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n" +
		"msgid \"a\"\nmsgstr \"A\"\n\n" +
		"msgid \"one file\"\nmsgid_plural \"%d files\"\nmsgstr[0] \"eine Datei\"\nmsgstr[1] \"%d Dateien\"\n"
	var docs []*pipeline.Document
	err := Stream(strings.NewReader(po), "h.po", "po", Options{}, StreamOptions{Segments: 1}, func(d *pipeline.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d parts, want 2", len(docs))
	}
	last := docs[1]
	if last.TargetLang != language.German {
		t.Errorf("target language %v, want de", last.TargetLang)
	}
	if n := last.Segments[1].Notes; len(n) != 1 || n[0] != "Plural-Forms: nplurals=2; plural=(n != 1);" {
		t.Errorf("notes %q", n)
	}

	tsv := "tgt\tsrc\n" + "Hallo\thello\n" + "Welt\tworld\n"
	var segs []pipeline.Segment
	err = Stream(strings.NewReader(tsv), "h.tsv", "tsv", Options{}, StreamOptions{Segments: 1}, func(d *pipeline.Document) error {
		segs = append(segs, d.Segments...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != 2 || segs[1].Source != "world" || segs[1].Target != "Welt" || segs[1].ID != "3" || segs[1].TargetLoc.Anchors[0].Pos != (pipeline.Position{Offset: 20, Line: 3, Column: 1}) {
		t.Errorf("segments %+v", segs)
	}
}

func TestStreamErrors(t *testing.T) {
	msg := func(i int) string { return fmt.Sprintf("msgid \"m%d\"\nmsgstr \"M%d\"\n\n", i, i) }
	tests := []struct {
		name, format, in, want string
		parts                  int // parts handed to fn before the error
	}{
		{"bad.po", "po", msg(1) + msg(2) + "msgid \"m3\"\nmsgstr[0] \"M3\"\n\n" + msg(4),
			"corpus: read bad.po: line 8, column 1: msgstr[0] without msgid_plural", 2},
		{"open.po", "po", msg(1) + msg(2) + msg(3) + "msgid \"m4\nmsgstr \"x\"\n",
			"corpus: read open.po: line 10, column 7: string is not closed on its line", 3},
		{"utf8.po", "po", msg(1) + msg(2) + "msgid \"\xff\"\nmsgstr \"x\"\n",
			"corpus: read utf8.po: line 7, column 8: invalid UTF-8 (byte 0xFF); a stream must be UTF-8", 2},
		{"fields.tsv", "tsv", "source\ttarget\na\tA\nb\tB\nc\tC\td\n",
			"corpus: read fields.tsv: line 4, column 6: row has 3 fields, the first row has 2", 2},
		{"quote.csv", "csv", "source,target\na,A\nb,B\nc,\"C\n",
			"corpus: read quote.csv: line 5, column 1: invalid CSV: extraneous or missing \" in quoted-field", 2},
		{"count.csv", "csv", "source,target\na,A\nb,B\nc,C,x\n",
			"corpus: read count.csv: line 4, column 1: invalid CSV: wrong number of fields", 2},
		{"utf8.txt", "text", "One.\n\nTwo.\n\nThree \xfe.\n",
			"corpus: read utf8.txt: line 5, column 7: invalid UTF-8 (byte 0xFE); a stream must be UTF-8", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := 0
			err := Stream(strings.NewReader(tt.in), tt.name, tt.format, Options{}, StreamOptions{Segments: 1}, func(*pipeline.Document) error {
				parts++
				return nil
			})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v\nwant  %s", err, tt.want)
			}
			if parts != tt.parts {
				t.Errorf("%d parts before the error, want %d", parts, tt.parts)
			}
		})
	}
}

// TestStreamWholeFile: an input that is not UTF-8 is left to Open.
func TestStreamWholeFile(t *testing.T) {
	for _, tt := range []struct {
		format, in string
		opt        Options
	}{
		{"po", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=GB18030\\n\"\n\nmsgid \"\xb1\xb1\"\nmsgstr \"north\"\n", Options{}},
		{"text", "\xff\xfeh\x00i\x00\n\x00", Options{}},
		{"tsv", "source\ttarget\n", Options{Encoding: "big5"}},
	} {
		err := Stream(strings.NewReader(tt.in), "x", tt.format, tt.opt, StreamOptions{}, func(*pipeline.Document) error {
			t.Error("a part was handed on")
			return nil
		})
		if !errors.Is(err, ErrWholeFile) {
			t.Errorf("%s %q: error %v, want ErrWholeFile", tt.format, tt.in, err)
		}
	}
}

// TestStreamFnError: an error from fn stops the stream as it is.
func TestStreamFnError(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Stream(strings.NewReader(streamText), "s.txt", "text", Options{}, StreamOptions{Segments: 1}, func(*pipeline.Document) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("error %v after %d calls", err, calls)
	}
}

// splitAll returns the parts that splitParts cuts data into, with parts
// of one record each.
func splitAll(t *testing.T, data []byte, split splitter) [][]byte {
	var parts [][]byte
	err := splitParts(bufio.NewReader(bytes.NewReader(data)), "f", split, StreamOptions{Segments: 1, Bytes: 1 << 20, MaxLine: 1 << 20}, func(p inputPart) error {
		parts = append(parts, p.data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return parts
}

// fuzzSplit checks that the parts of data concatenate to data, and that
// when the whole of data reads without error, every part does too, with
// the same segments: no part was cut inside a record.
func fuzzSplit(t *testing.T, format string, data []byte, split splitter) {
	if len(data) > 1<<16 {
		return
	}
	parts := splitAll(t, data, split)
	if got := bytes.Join(parts, nil); !bytes.Equal(got, data) {
		t.Fatalf("parts %q do not make the input", parts)
	}
	f, err := Parse("f", data, format, Options{})
	if err != nil || f.Encoding.Name != "utf-8" || !f.Encoding.BOM && bomLen(data) > 0 {
		return
	}
	var got []pipeline.Segment
	err = Stream(bytes.NewReader(data), "f", format, Options{}, StreamOptions{Segments: 1}, func(d *pipeline.Document) error {
		got = append(got, d.Segments...)
		return nil
	})
	if errors.Is(err, ErrWholeFile) {
		return
	}
	if err != nil {
		t.Fatalf("the file reads whole, but streamed: %v", err)
	}
	if len(got) != len(f.Doc.Segments) {
		t.Fatalf("streamed %d segments, whole %d", len(got), len(f.Doc.Segments))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], f.Doc.Segments[i]) {
			t.Fatalf("segment %d differs:\n got %#v\nwant %#v", i, got[i], f.Doc.Segments[i])
		}
	}
}

func FuzzSplitPO(f *testing.F) {
	// Short seeds: the fuzzer minimizes every input that finds new code,
	// which takes long for inputs of kilobytes.
	f.Add([]byte("# c\nmsgid \"\"\nmsgstr \"Language: de\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n" +
		"#, fuzzy\nmsgctxt \"x\"\nmsgid \"a\"\r\nmsgstr \"A\" \"\\t\"\n#| msgid \"b\"\nmsgid \"n\"\nmsgid_plural \"ns\"\nmsgstr[0] \"N\"\nmsgstr[1] \"Ns\"\n"))
	f.Add([]byte("#~ msgid \"a\"\n#~ msgstr \"b\"\nmsgid \"c\" msgstr \"d\"\n\n\"e\"\n# x\nmsgstr \"f\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzSplit(t, "po", data, &poSplitter{first: true}) })
}

func FuzzSplitTSV(f *testing.F) {
	f.Add([]byte(streamTSV))
	f.Add([]byte("source\ttarget\n\t\n \n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzSplit(t, "tsv", data, tsvSplitter{}) })
}

func FuzzSplitCSV(f *testing.F) {
	f.Add([]byte(streamCSV))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzSplit(t, "csv", data, &csvSplitter{}) })
}

func FuzzSplitText(f *testing.F) {
	f.Add([]byte(streamText))
	f.Add([]byte("A\n\u00a0\nb\n1. x\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzSplit(t, "text", data, &textSplitter{}) })
}

// TestStreamBounds: a part ends at the next record once it holds
// StreamOptions.Bytes bytes, and a record longer than MaxLine is an
// error naming its first line.
func TestStreamBounds(t *testing.T) {
	var tsv strings.Builder
	tsv.WriteString("source\ttarget\n")
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&tsv, "源%d\tsource %d\n", i, i)
	}
	parts := 0
	err := Stream(strings.NewReader(tsv.String()), "b.tsv", "tsv", Options{}, StreamOptions{Bytes: 64}, func(*pipeline.Document) error {
		parts++
		return nil
	})
	if err != nil || parts < 4 {
		t.Errorf("%d parts of about 64 bytes, error %v", parts, err)
	}
	csv := "source,target\na,\"" + strings.Repeat("x\n", 100) + "\"\n"
	err = Stream(strings.NewReader(csv), "b.csv", "csv", Options{}, StreamOptions{MaxLine: 50}, func(*pipeline.Document) error { return nil })
	if want := "corpus: read b.csv: line 2: a record longer than 50 bytes"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}
