package glossary_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
)

func TestParseTermTypeRoundTrip(t *testing.T) {
	for _, typ := range []glossary.TermType{glossary.FullForm, glossary.Acronym, glossary.Abbreviation, glossary.ShortForm, glossary.Variant, glossary.Phrase, glossary.Appellation} {
		got, err := glossary.ParseTermType(typ.String())
		if err != nil || got != typ {
			t.Errorf("ParseTermType(%q) = %v, %v; want %v", typ.String(), got, err, typ)
		}
	}
	for _, in := range []string{"appellation", "Appellation", "officialName"} {
		if got, err := glossary.ParseTermType(in); err != nil || got != glossary.Appellation {
			t.Errorf("ParseTermType(%q) = %v, %v; want appellation", in, got, err)
		}
	}
}

func TestOfficialName(t *testing.T) {
	const tbx = `<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="nac"><langSet xml:lang="en">
  <tig><term>NAC</term><termNote type="termType">acronym</termNote></tig>
  <tig><term>Council of the North Atlantic</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote><termNote type="termType">appellation</termNote></tig>
  <tig><term>North Atlantic Council</term><termNote type="termType">appellation</termNote></tig>
</langSet></termEntry>
<termEntry id="old"><langSet xml:lang="en">
  <tig><term>Old Name</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote><termNote type="termType">appellation</termNote></tig>
  <tig><term>Older Name</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote><termNote type="termType">appellation</termNote></tig>
</langSet></termEntry>
<termEntry id="generic"><langSet xml:lang="en"><tig><term>burden sharing</term></tig></langSet></termEntry>
</body></text></martif>`
	g, err := glossary.ParseTBX("t.tbx", strings.NewReader(tbx))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id     string
		lang   language.Tag
		want   string // "" when there is none
		hasApp bool
	}{
		{"nac", language.English, "North Atlantic Council", true},
		{"nac", language.French, "", true},
		{"old", language.English, "Older Name", true},
		{"generic", language.English, "", false},
	}
	for i, tt := range tests {
		var c *glossary.Concept
		for j := range g.Concepts {
			if g.Concepts[j].ID == tt.id {
				c = &g.Concepts[j]
			}
		}
		got, ok := c.OfficialName(tt.lang)
		if (tt.want != "") != ok || ok && got.Text != tt.want {
			t.Errorf("%d: %s.OfficialName(%s) = %v, %v; want %q", i, tt.id, tt.lang, got, ok, tt.want)
		}
		if c.HasAppellation() != tt.hasApp {
			t.Errorf("%d: %s.HasAppellation() = %v, want %v", i, tt.id, !tt.hasApp, tt.hasApp)
		}
	}
	// The term type survives WriteTBX and ParseTBX.
	var b strings.Builder
	if err := glossary.WriteTBX(&b, g); err != nil {
		t.Fatal(err)
	}
	g2, err := glossary.ParseTBX("t2.tbx", strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if got := g2.Concepts[0].Terms[2].Type; got != glossary.Appellation {
		t.Errorf("after WriteTBX: type %v, want appellation", got)
	}
}

func ExampleConcept_OfficialName() {
	for _, c := range glossary.NATO().Lookup("NATO Act") {
		name, _ := c.OfficialName(language.English)
		fmt.Printf("%s (%s): %s\n", c.ID, c.Subject, name.Text)
	}
	// Output:
	// not-a-trusted-organization-act (law): Not A Trusted Organization Act
}

func TestTermTypeAbbreviated(t *testing.T) {
	for typ, want := range map[glossary.TermType]bool{
		glossary.FullForm: false, glossary.Acronym: true, glossary.Abbreviation: true, glossary.ShortForm: true,
		glossary.Variant: false, glossary.Phrase: false, glossary.Appellation: false,
	} {
		if got := typ.Abbreviated(); got != want {
			t.Errorf("%v.Abbreviated() = %v, want %v", typ, got, want)
		}
	}
}
