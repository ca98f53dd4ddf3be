package glossary

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/tqa-project/tqa/internal/golden"

	"golang.org/x/text/language"
)

// TestGolden loads every glossary in testdata and compares its dump (with
// Validate's problems) with the .golden file beside it.
func TestGolden(t *testing.T) {
	files := testdataGlossaries(t)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			g, err := LoadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := dump(g)
			golden.Check(t, file+".golden", []byte(got))
		})
	}
}

func testdataGlossaries(t testing.TB) []string {
	var files []string
	for _, pat := range []string{"testdata/*.tbx", "testdata/*.csv", "testdata/*.tsv"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 4 {
		t.Fatalf("want at least 4 glossaries in testdata, found %d", len(files))
	}
	return files
}

// lineDiff lists the lines only in want (-) and only in got (+), in order.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	i, j := 0, 0
	for i < len(w) || j < len(g) {
		switch {
		case i < len(w) && j < len(g) && w[i] == g[j]:
			i++
			j++
		case i < len(w) && !contains(g[j:], w[i]):
			b.WriteString("- " + w[i] + "\n")
			i++
		case j < len(g):
			b.WriteString("+ " + g[j] + "\n")
			j++
		default:
			b.WriteString("- " + w[i] + "\n")
			i++
		}
	}
	return b.String()
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// TestWriteTBXRoundTrip writes every test glossary as TBX and reads it
// back: the concepts must be equal.
func TestWriteTBXRoundTrip(t *testing.T) {
	for _, file := range testdataGlossaries(t) {
		g, err := LoadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteTBX(&buf, g); err != nil {
			t.Fatal(err)
		}
		back, err := ParseTBX("back.tbx", &buf)
		if err != nil {
			t.Fatalf("%s: reading the written TBX: %v\n%s", file, err, buf.String())
		}
		if !reflect.DeepEqual(g.Concepts, back.Concepts) {
			t.Errorf("%s: round trip differs:\n%s", file, lineDiff(dump(g), dump(back)))
		}
	}
}

func TestLoadFormats(t *testing.T) {
	const tbx = `<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>NATO</term></tig></langSet></termEntry></body></text></martif>`
	tests := []struct {
		name, input, wantErr string
	}{
		{"a.tbx", tbx, ""},
		{"A.XML", tbx, ""},
		{"a.csv", "term,lang\nNATO,en\n", ""},
		{"a.tsv", "term\tlang\nNATO\ten\n", ""},
		{"dir/a.json", "{}", "glossary: dir/a.json: unknown format (want a .tbx, .xml, .csv or .tsv file)"},
	}
	for _, tt := range tests {
		g, err := Load(tt.name, strings.NewReader(tt.input))
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("Load(%s): error %v, want %s", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("Load(%s): %v", tt.name, err)
			continue
		}
		if g.Name != tt.name || len(g.Concepts) != 1 || g.Concepts[0].Terms[0].Text != "NATO" {
			t.Errorf("Load(%s) = %+v", tt.name, g)
		}
	}
	if _, err := LoadFile("testdata/missing.tbx"); err == nil || !strings.Contains(err.Error(), "testdata/missing.tbx") {
		t.Errorf("LoadFile of a missing file: error %v, want one naming the file", err)
	}
}

// TestParseTBXUTF16 reads the v2 sample converted to UTF-16 (both byte
// orders, with a byte order mark) and with a UTF-8 byte order mark.
func TestParseTBXUTF16(t *testing.T) {
	data, err := os.ReadFile("testdata/nato-v2.tbx")
	if err != nil {
		t.Fatal(err)
	}
	want, err := ParseTBX("x.tbx", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	units := utf16.Encode([]rune(string(data)))
	le, be := []byte{0xff, 0xfe}, []byte{0xfe, 0xff}
	for _, u := range units {
		le = append(le, byte(u), byte(u>>8))
		be = append(be, byte(u>>8), byte(u))
	}
	bom8 := append([]byte{0xef, 0xbb, 0xbf}, data...)
	for name, in := range map[string][]byte{"UTF-16LE": le, "UTF-16BE": be, "UTF-8 BOM": bom8} {
		got, err := ParseTBX("x.tbx", bytes.NewReader(in))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(got.Concepts, want.Concepts) {
			t.Errorf("%s: concepts differ from the UTF-8 file", name)
		}
	}
}

func TestDefaultCaseSensitive(t *testing.T) {
	tests := []struct {
		text string
		typ  TermType
		want bool
	}{
		{"NATO", FullForm, true},
		{"NATO's", FullForm, true},
		{"NATO’s summit", FullForm, true},
		{"SHAPE", FullForm, true},
		{"SACEUR", FullForm, true},
		{"North Atlantic Council", FullForm, false},
		{"Ally", FullForm, false},
		{"A", FullForm, false},
		{"A B", FullForm, false}, // two capitals, but in two words
		{"Nato", FullForm, false},
		{"Nato", Acronym, true},
		{"nato", Acronym, true},
		{"北约", FullForm, false},
		{"ΝΑΤΟ", FullForm, true}, // Greek capitals
	}
	for _, tt := range tests {
		if got := defaultCaseSensitive(tt.text, tt.typ); got != tt.want {
			t.Errorf("defaultCaseSensitive(%q, %v) = %v, want %v", tt.text, tt.typ, got, tt.want)
		}
	}
}

// TestParseTBXDCT reads TBX v3 in the DCT style, where data categories
// are elements of their own.
func TestParseTBXDCT(t *testing.T) {
	const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic" xmlns:min="http://www.tbxinfo.net/ns/min">
  <text><body>
    <conceptEntry id="mc">
      <min:subjectField>military</min:subjectField>
      <langSec xml:lang="en">
        <basic:definition>The senior military authority in NATO.</basic:definition>
        <termSec>
          <term>MC</term>
          <min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus>
          <basic:termType>acronym</basic:termType>
          <basic:partOfSpeech>noun</basic:partOfSpeech>
          <basic:source>nato.int</basic:source>
          <note>Also the Military Committee's document series.</note>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`
	g, err := ParseTBX("dct.tbx", strings.NewReader(tbx))
	if err != nil {
		t.Fatal(err)
	}
	want := []Concept{{
		ID: "mc", Subject: "military", Definition: "The senior military authority in NATO.",
		Terms: []Term{{Text: "MC", Lang: language.English, Status: Admitted, Type: Acronym, CaseSensitive: true,
			PartOfSpeech: "noun", Source: "nato.int", Note: "Also the Military Committee's document series."}},
	}}
	if !reflect.DeepEqual(g.Concepts, want) {
		t.Errorf("got %+v\nwant %+v", g.Concepts, want)
	}
}
