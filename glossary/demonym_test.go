package glossary_test

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
)

// TestNATODemonyms checks which word forms of the country demonyms in
// nato.tbx the matcher finds: the -s plural of an adjective is the noun for
// the people (American → Americans), and forms it does not derive are terms
// of their own (Czechs, Frenchmen).
func TestNATODemonyms(t *testing.T) {
	m := glossary.NewMatcher(language.English, glossary.NATO())
	tests := []struct {
		text    string
		concept string // "" when no demonym should be found
		found   string
	}{
		{"American companies", "united-states", "American"},
		{"Many Americans agreed", "united-states", "Americans"},
		{"the Americans' view", "united-states", "Americans'"},
		{"British troops", "united-kingdom", "British"},
		{"two Britons", "united-kingdom", "Britons"},
		{"the Dutch government", "netherlands", "Dutch"},
		{"two Dutchmen", "netherlands", "Dutchmen"},
		{"French bread", "france", "French"},
		{"three Frenchmen", "france", "Frenchmen"},
		{"the Danes", "denmark", "Danes"},
		{"Czechs arrived", "czechia", "Czechs"},
		{"Korean food", "republic-of-korea", "Korean"},
		{"Swiss banks", "switzerland", "Swiss"},
		{"the Japanese", "japan", "Japanese"},
		{"Turkish airspace", "turkiye", "Turkish"},
		{"Serbs and Croats", "serbia", "Serbs"},
		// Case-sensitive: ordinary words are not demonyms.
		{"polish the boots", "", ""},
		{"a swede and a turnip", "", ""},
		{"french fries", "", ""},
		// A longer word that starts with a demonym is another word.
		{"Americanized menus", "", ""},
	}
	for _, tt := range tests {
		var got []glossary.Match
		for _, x := range m.Find(tt.text) {
			if x.Concept.Subject == "member-state" || x.Concept.Subject == "partner" {
				got = append(got, x)
			}
		}
		if tt.concept == "" {
			if len(got) > 0 {
				t.Errorf("Find(%q) = %q (%s), want no country term", tt.text, tt.text[got[0].Start:got[0].End], got[0].Concept.ID)
			}
			continue
		}
		if len(got) == 0 {
			t.Errorf("Find(%q): no country term, want %q (%s)", tt.text, tt.found, tt.concept)
			continue
		}
		if g := tt.text[got[0].Start:got[0].End]; g != tt.found || got[0].Concept.ID != tt.concept {
			t.Errorf("Find(%q) = %q (%s), want %q (%s)", tt.text, g, got[0].Concept.ID, tt.found, tt.concept)
		}
	}
}
