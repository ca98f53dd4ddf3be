package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// listSegments lists the segments of doc, one a line: id, each side with
// its position, text, skip spans and language, then context and notes.
func listSegments(doc *pipeline.Document) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "langs %s>%s\n", doc.SourceLang, doc.TargetLang)
	for i := range doc.Segments {
		s := &doc.Segments[i]
		b.WriteString(s.ID)
		if s.Source != "" {
			writeSide(&b, s, pipeline.Source)
		}
		writeSide(&b, s, pipeline.Target)
		if s.Context != "" {
			fmt.Fprintf(&b, " context=%q", s.Context)
		}
		if len(s.Notes) > 0 {
			fmt.Fprintf(&b, " notes=%q", s.Notes)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestReadTable(t *testing.T) {
	zh, en := language.Chinese, language.English
	tests := []struct {
		name, format, data string
		opt                Options
		want               string
	}{
		{"tsv", "tsv", "ID\tSource\tTarget\tNote\r\nn1\t北约\tNATO\tan acronym\r\n\t\"q\"\t\t\r\n\n", Options{}, `langs und>und
n1 source 2:4@26 "北约" target 2:7@33 "NATO" notes=["an acronym"]
3 source 3:2@51 "\"q\"" target 3:6@55 ""
`},
		{"tsv bom and aliases", "tsv", "\uFEFFkey\tsrc\ttranslation\tsource_lang\ttarget_lang\tcontext\na\t战争\tWar\tzh-Hans\ten-GB\tmenu\n", Options{}, `langs und>und
a source 2:3@57 "战争" lang=zh-Hans target 2:6@64 "War" lang=en-GB context="menu"
`},
		{"tsv language columns, English is the target", "tsv", "zh\ten\n和平\tpeace\n", Options{}, `langs zh>en
2 source 2:1@6 "和平" target 2:4@13 "peace"
`},
		{"tsv language columns chosen by the run", "tsv", "en\tfr\tzh-Hant\nwar\tguerre\t戰爭\n", Options{SourceLang: zh, TargetLang: en}, `langs zh>en
2 source 2:12@25 "戰爭" target 2:1@14 "war"
`},
		{"tsv columns by number, no header", "tsv", "Hi.\t嗨。\tCC-BY 2.0 (France)\n", Options{Columns: Columns{Source: "2", Target: "1", NoHeader: true}}, `langs und>und
1 source 1:5@4 "嗨。" target 1:1@0 "Hi."
`},
		{"tsv columns by name", "tsv", "english\tchinese\nHi.\t你好。\n", Options{Columns: Columns{Source: "Chinese", Target: "English"}}, `langs und>und
2 source 2:5@20 "你好。" target 2:1@16 "Hi."
`},
		{"tsv target only", "tsv", "target\nA.\n", Options{}, `langs und>und
2 target 2:1@7 "A."
`},
		{"csv", "csv", "id,source,target\r\n1,\"进攻是\"\"最好\"\"的防御。\",\"Attack, \"\"best\"\"\r\ndefense.\"\r\n2,,x\r\n", Options{}, `langs und>und
1 source 2:4@21 "进攻是\"最好\"的防御。" target 2:20@55 "Attack, \"best\"\ndefense."
2 target 4:4@87 "x"
`},
		{"csv link skip", "csv", "source,target\n见 https://nato.int,See https://nato.int.\n", Options{}, `langs und>und
2 source 2:1@14 "见 https://nato.int" skip[4,20)="https://nato.int" target 2:20@35 "See https://nato.int." skip[4,20)="https://nato.int"
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("f", []byte(tt.data), tt.format, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, f.text, f.Doc)
			if got := listSegments(f.Doc); got != tt.want {
				t.Errorf("segments\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestReadTableErrors(t *testing.T) {
	tests := []struct {
		name, format, data string
		opt                Options
		want               string
	}{
		{"empty", "tsv", "\n\n", Options{}, "corpus: read f: line 1, column 1: no header row"},
		{"no target", "tsv", "id\tsource\n1\ta\n", Options{}, `corpus: read f: no target column: name it "target" (or "tgt", "translation"), or by its language with the target language given (columns: id, source)`},
		{"languages undecided", "tsv", "fr\tde\na\tb\n", Options{}, "corpus: read f: columns fr, de are languages: give the target language to say which is the target"},
		{"short row", "tsv", "source\ttarget\n北约\n", Options{}, "corpus: read f: line 2, column 3: row has 1 fields, the first row has 2"},
		{"duplicate id", "tsv", "id\ttarget\na\tx\n\na\ty\n", Options{}, `corpus: read f: line 4: duplicate id "a" (first on line 2)`},
		{"invalid language", "tsv", "target\ttarget_lang\nx\ten_!!\n", Options{}, `corpus: read f: line 2, column 3: invalid language "en_!!": language: tag is not well-formed`},
		{"missing named column", "tsv", "a\tb\nx\ty\n", Options{Columns: Columns{Target: "tgt"}}, `corpus: read f: no target column "tgt" (columns: a, b)`},
		{"column number out of range", "tsv", "a\tb\nx\ty\n", Options{Columns: Columns{Target: "3"}}, "corpus: read f: target column 3: the rows have 2 fields"},
		{"name without header", "tsv", "x\ty\n", Options{Columns: Columns{Target: "b", NoHeader: true}}, `corpus: read f: target column "b": without a header row, columns are given by number`},
		{"csv bare quote", "csv", "source,target\n北约,a\"b\n", Options{}, `corpus: read f: line 2, column 5: invalid CSV: bare " in non-quoted-field`},
		{"csv unclosed quote", "csv", "source,target\nx,\"abc\n", Options{}, `corpus: read f: line 3, column 1: invalid CSV: extraneous or missing " in quoted-field`},
		{"csv field count", "csv", "source,target\nx,y,z\n", Options{}, "corpus: read f: line 2, column 1: invalid CSV: wrong number of fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f", []byte(tt.data), tt.format, tt.opt)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestReadTatoeba reads the project's Tatoeba TSV (no header; English,
// Chinese, attribution) with its columns given by number. Two of its
// lines lack the tab between English and Chinese: the reader names the
// first, and reads the file without them.
func TestReadTatoeba(t *testing.T) {
	data, err := readShared(tatoebaPath)
	if err != nil {
		t.Skip(err)
	}
	opt := Options{Columns: Columns{Source: "2", Target: "1", NoHeader: true}}
	const want = "corpus: read tatoeba_cmn_eng.tsv: line 29, column 95: row has 2 fields, the first row has 3"
	if _, err := Parse("tatoeba_cmn_eng.tsv", data, "tsv", opt); err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	var good []string
	for _, l := range strings.SplitAfter(string(data), "\n") {
		if strings.Count(l, "\t") == 2 {
			good = append(good, l)
		}
	}
	f, err := Parse("tatoeba_cmn_eng.tsv", []byte(strings.Join(good, "")), "tsv", opt)
	if err != nil {
		t.Fatal(err)
	}
	s := f.Doc.Segments
	if len(s) != len(good) || len(s) < 29000 || s[0].Target != "Hi." || s[0].Source != "嗨。" {
		t.Errorf("%d segments (want %d), first %+v", len(s), len(good), s[0])
	}
	head, err := Parse("head.tsv", []byte(strings.Join(good[:1000], "")), "tsv", opt)
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, head.text, head.Doc)
}

// checkTable checks a TSV or CSV document: it maps back to the file, the
// file writes back as it was, and a new first target reads back.
func checkTable(t *testing.T, data []byte, format string, target string) {
	f, err := Parse("f", data, format, Options{})
	if err != nil {
		if !strings.HasPrefix(err.Error(), "corpus: read f: ") {
			t.Fatalf("error without the file name: %v", err)
		}
		return
	}
	checkDocument(t, f.text, f.Doc)
	if !utf8.ValidString(target) {
		return
	}
	checkWriteBack(t, f, data, Options{}, target)
}

func FuzzReadTSV(f *testing.F) {
	f.Add([]byte("id\tsource\ttarget\n1\t北约\tNATO\r\n\n2\t\"q\"\t\n"), "new")
	f.Add([]byte("\uFEFFzh\ten\n和平\tpeace\n"), "a\tb")
	f.Add([]byte("ID\tSrc\tTranslation\tsource_lang\n1\ta\tb\tzh-Hant\n"), "é 😀")
	f.Fuzz(func(t *testing.T, data []byte, target string) {
		checkTable(t, data, "tsv", target)
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("id,source,target\r\n1,\"进攻\"\"是\"\"\",\"a,\r\nb\"\r\n2,x,\r\n"), "two\nlines, \"quoted\"")
	f.Add([]byte("\uFEFFsrc,tgt\n\"a\"\"\",b\n"), " lead")
	f.Add([]byte("key,translation,note\nk,v,n\r"), `\.`)
	f.Fuzz(func(t *testing.T, data []byte, target string) {
		checkTable(t, data, "csv", target)
	})
}
