package glossary

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/internal/golden"
	"golang.org/x/text/language"
)

// TestNATOTable checks that nato_table.go is what nato.tbx parses to, and
// with -update (or go generate) rewrites it: after any change to
// nato.tbx, this test fails until the table is regenerated.
func TestNATOTable(t *testing.T) {
	data, err := os.ReadFile("nato.tbx")
	if err != nil {
		t.Fatal(err)
	}
	g, err := ParseTBX("nato.tbx", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	src, err := renderNATOTable(g)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "nato_table.go", src)
	if golden.Update() {
		return
	}
	// The table as NATO reads it: the same concepts, terms and lines.
	nato := NATO()
	if !reflect.DeepEqual(nato.Concepts, g.Concepts) {
		t.Fatal("NATO() differs from ParseTBX of nato.tbx: regenerate nato_table.go with go generate ./glossary")
	}
	for ci := range g.Concepts {
		for ti := -1; ti < len(g.Concepts[ci].Terms); ti++ {
			wc, wt := lines(g, ci, ti)
			gc, gt := lines(nato, ci, ti)
			if wc == 0 || wc != gc || wt != gt || (ti >= 0 && wt == 0) {
				t.Fatalf("concept %d, term %d: NATO() has lines %d, %d; nato.tbx %d, %d", ci, ti, gc, gt, wc, wt)
			}
		}
	}
}

// renderNATOTable writes the Go source of nato_table.go for g, the parsed
// nato.tbx.
func renderNATOTable(g *Glossary) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`// Code generated from nato.tbx by TestNATOTable (go generate ./glossary); DO NOT EDIT.

package glossary

// The built-in NATO glossary as ParseTBX reads nato.tbx, for NATO to use
// without parsing XML in every process. nato.tbx is the source (see
// NATO-SOURCES.md); TestNATOTable fails when this file is stale.

`)
	var langs []string
	langIndex := map[language.Tag]int{}
	var termLangs strings.Builder
	var lineNums []string
	b.WriteString("// natoConcepts are the concepts, their terms without Lang (see natoTermLangs).\nvar natoConcepts = []Concept{\n")
	for ci := range g.Concepts {
		c := &g.Concepts[ci]
		cl, _ := lines(g, ci, -1)
		lineNums = append(lineNums, fmt.Sprint(cl))
		b.WriteString("{")
		field(&b, "ID", c.ID)
		field(&b, "Subject", c.Subject)
		field(&b, "Definition", c.Definition)
		field(&b, "Note", c.Note)
		field(&b, "Source", c.Source)
		b.WriteString("Terms: []Term{\n")
		for ti := range c.Terms {
			tm := &c.Terms[ti]
			_, tl := lines(g, ci, ti)
			lineNums = append(lineNums, fmt.Sprint(tl))
			li, ok := langIndex[tm.Lang]
			if !ok {
				li = len(langs)
				if li > 9 {
					return nil, fmt.Errorf("more than 10 languages")
				}
				langIndex[tm.Lang] = li
				langs = append(langs, tm.Lang.String())
			}
			termLangs.WriteByte(byte('0' + li))
			b.WriteString("{")
			field(&b, "Text", tm.Text)
			if tm.Status != Preferred {
				fmt.Fprintf(&b, "Status: %s, ", statusIdents[tm.Status])
			}
			if tm.Type != FullForm {
				fmt.Fprintf(&b, "Type: %s, ", termTypeIdents[tm.Type])
			}
			if tm.CaseSensitive {
				b.WriteString("CaseSensitive: true, ")
			}
			field(&b, "PartOfSpeech", tm.PartOfSpeech)
			field(&b, "Note", tm.Note)
			field(&b, "Source", tm.Source)
			b.WriteString("},\n")
		}
		b.WriteString("}},\n")
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// natoLangs are the terms' languages, as nato.tbx writes them.\nvar natoLangs = %#v\n\n", langs)
	fmt.Fprintf(&b, "// natoTermLangs holds the index in natoLangs of each term's language, in\n// the order of the concepts and their terms.\nconst natoTermLangs = %q\n\n", termLangs.String())
	b.WriteString("// natoLines holds the line in nato.tbx of each concept followed by those of\n// its terms, for Validate's messages.\nvar natoLines = []int32{")
	for i, n := range lineNums {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		b.WriteString(n + ", ")
	}
	b.WriteString("\n}\n")
	return format.Source(b.Bytes())
}

func field(b *bytes.Buffer, name, v string) {
	if v != "" {
		fmt.Fprintf(b, "%s: %q, ", name, v)
	}
}

var (
	statusIdents   = [...]string{"Preferred", "Admitted", "Deprecated", "Superseded"}
	termTypeIdents = [...]string{"FullForm", "Acronym", "Abbreviation", "ShortForm", "Variant", "Phrase", "Appellation"}
)

// TestTableIdents checks the names renderNATOTable writes for statuses and
// term types.
func TestTableIdents(t *testing.T) {
	for i, name := range statusIdents {
		if got := Status(i).String(); !strings.EqualFold(got, name) {
			t.Errorf("Status(%d) is %s, the table writes %s", i, got, name)
		}
	}
	for i, name := range termTypeIdents {
		if got := TermType(i).String(); !strings.EqualFold(got, name) {
			t.Errorf("TermType(%d) is %s, the table writes %s", i, got, name)
		}
	}
	if len(statusIdents) != len(statusNames) || len(termTypeIdents) != len(termTypeNames) {
		t.Error("a status or term type is missing from the table's names")
	}
}
