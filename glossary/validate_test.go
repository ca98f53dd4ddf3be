package glossary

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestValidate(t *testing.T) {
	en, fr := language.English, language.French
	term := func(text string, lang language.Tag, s Status) Term {
		return Term{Text: text, Lang: lang, Status: s, CaseSensitive: defaultCaseSensitive(text, FullForm)}
	}
	tests := []struct {
		name     string
		concepts []Concept
		want     []string
	}{
		{"clean", []Concept{
			{ID: "nac", Terms: []Term{term("North Atlantic Council", en, Preferred), term("NAC", en, Admitted), term("Conseil de l'Atlantique Nord", fr, Preferred)}},
			{ID: "shape", Terms: []Term{term("SHAPE", en, Preferred)}},
			{ID: "shape-word", Terms: []Term{term("shape", en, Admitted)}},
		}, nil},
		{"only deprecated in a language", []Concept{
			{ID: "nato", Terms: []Term{term("NATO", en, Preferred), term("Otan", fr, Deprecated), term("O.T.A.N.", fr, Superseded)}},
		}, []string{`concept "nato": no preferred or admitted term in fr (only deprecated "Otan", superseded "O.T.A.N.")`}},
		{"duplicate in a concept", []Concept{
			{ID: "nac", Terms: []Term{term("North Atlantic Council", en, Preferred), term("North  Atlantic Council", en, Admitted)}},
		}, []string{`concept "nac": term "North  Atlantic Council" (en) is given twice`}},
		{"same text in two languages is no duplicate", []Concept{
			{ID: "art5", Terms: []Term{term("Article 5", en, Preferred), term("Article 5", language.German, Preferred)}},
		}, nil},
		{"case variants in a concept are no duplicates", []Concept{
			{ID: "nato", Terms: []Term{term("NATO", en, Preferred), {Text: "Nato", Lang: en, Status: Deprecated, CaseSensitive: true}}},
		}, nil},
		{"preferred in two concepts", []Concept{
			{ID: "a", Terms: []Term{term("Council", en, Preferred)}},
			{ID: "b", Terms: []Term{term("council", en, Preferred)}},
			{ID: "c", Terms: []Term{term("SHAPE", en, Preferred)}},
			{ID: "d", Terms: []Term{term("Shape", en, Preferred)}},
		}, []string{
			`concept "b": term "council" (en) is also preferred in concept "a"`,
			`concept "d": term "Shape" (en) is also preferred in concept "c"`,
		}},
		{"both case-sensitive: no collision", []Concept{
			{ID: "a", Terms: []Term{{Text: "SHAPE", Lang: en, CaseSensitive: true}}},
			{ID: "b", Terms: []Term{{Text: "Shape", Lang: en, CaseSensitive: true}}},
		}, nil},
		{"empty term and unknown language", []Concept{
			{Terms: []Term{{Text: "  ", Lang: en}, {Text: "NATO"}, {Text: "NATO", Lang: language.MustParse("x-nato")}}},
		}, []string{
			`concept #1: empty term in en`,
			`concept #1: term "NATO" has no known language (und)`,
			`concept #1: term "NATO" has no known language (x-nato)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &Glossary{Name: "g.csv", Concepts: tt.concepts}
			var got []string
			for _, err := range g.Validate() {
				got = append(got, strings.TrimPrefix(err.Error(), "glossary: g.csv: "))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestValidateLines checks that the problems of a loaded glossary name
// their lines.
func TestValidateLines(t *testing.T) {
	const tbx = `<martif><text><body>
<termEntry id="a"><langSet xml:lang="en"><tig><term>Council</term></tig></langSet></termEntry>
<termEntry id="b">
  <langSet xml:lang="en">
    <tig><term>council</term></tig>
    <tig><term>Council of Europe</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="fr"><tig><term>Conseil</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
</termEntry>
</body></text></martif>`
	g, err := ParseTBX("v.tbx", strings.NewReader(tbx))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, err := range g.Validate() {
		got = append(got, err.Error())
	}
	want := []string{
		`glossary: v.tbx: line 5: concept "b": term "council" (en) is also preferred in concept "a" (line 2)`,
		`glossary: v.tbx: line 3: concept "b": no preferred or admitted term in fr (only superseded "Conseil")`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	// A glossary changed after loading no longer claims lines.
	g.Concepts = g.Concepts[1:]
	for _, err := range g.Validate() {
		if strings.Contains(err.Error(), "line") {
			t.Errorf("after a change: %v", err)
		}
	}
}

func TestLookup(t *testing.T) {
	g := testGlossary(t)
	tests := []struct {
		query string
		want  string // concept ids
	}{
		{"NATO", "nato"},
		{"nato", ""},
		{"NATO’s", "nato"},
		{"north atlantic council", "nac"},
		{"North-Atlantic  Council", "nac"},
		{"allies", "ally"},
		{"ratified", "ratify"},
		{"北约", "nato"},
		{"ＮＡＴＯ", "nato"},
		{"SHAPE", "shape,shape-word"},
		{"Shape", "shape-word"},
		{"Atlantic", ""},
		{"Article 50", ""},
		{"", ""},
	}
	for _, tt := range tests {
		var ids []string
		for _, c := range g.Lookup(tt.query) {
			ids = append(ids, c.ID)
		}
		if got := strings.Join(ids, ","); got != tt.want {
			t.Errorf("Lookup(%q) = %s, want %s", tt.query, got, tt.want)
		}
	}
}

// TestMatcherSkipsUnknownLanguage checks that terms without a language
// are not matched in any language.
func TestMatcherSkipsUnknownLanguage(t *testing.T) {
	g := &Glossary{Concepts: []Concept{{Terms: []Term{{Text: "NATO"}}}}}
	if got := NewMatcher(language.English, g).Find("NATO"); got != nil {
		t.Errorf("found %v", fmt.Sprint(got))
	}
}
