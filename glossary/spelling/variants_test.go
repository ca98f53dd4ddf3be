package spelling

import (
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	tests := []struct {
		p    Profile
		word string
		want string // "" when the word is not flagged
	}{
		// nato: British spelling with -ize.
		{NATO, "defense", "defence"},
		{NATO, "Defense", "Defence"},
		{NATO, "DEFENSE", "DEFENCE"},
		{NATO, "defense's", "defence's"},
		{NATO, "Defense’s", "Defence’s"},
		{NATO, "DEFENSE'S", "DEFENCE'S"},
		{NATO, "defenses", "defences"},
		{NATO, "center", "centre"},
		{NATO, "centered", "centred"},
		{NATO, "centering", "centring"},
		{NATO, "labor", "labour"},
		{NATO, "traveled", "travelled"},
		{NATO, "catalog", "catalogue"},
		{NATO, "analyze", "analyse"},
		{NATO, "analyzing", "analysing"},
		{NATO, "maneuvers", "manoeuvres"},
		{NATO, "organisation", "organization"},
		{NATO, "Organisation", "Organization"},
		{NATO, "recognised", "recognized"},
		{NATO, "organization", ""},
		{NATO, "recognize", ""},
		{NATO, "defence", ""},
		{NATO, "programme", ""},
		{NATO, "program", ""}, // computing sense
		{NATO, "meter", ""},   // a measuring device
		{NATO, "check", ""},
		{NATO, "judgment", ""}, // British variant (legal sense)
		{NATO, "favorable", "favourable"},
		{NATO, "stabilizer", ""},
		// en-GB: British spelling, -ise or -ize.
		{EnGB, "organisation", ""},
		{EnGB, "organization", ""},
		{EnGB, "defense", "defence"},
		{EnGB, "color", "colour"},
		{EnGB, "Colors", "Colours"},
		{EnGB, "colorize", "colourize"},
		{EnGB, "analyze", "analyse"},
		{EnGB, "fulfill", "fulfil"},
		// en-US: American spelling.
		{EnUS, "defence", "defense"},
		{EnUS, "Defence", "Defense"},
		{EnUS, "organisation", "organization"},
		{EnUS, "colourise", "colorize"},
		{EnUS, "programme", "program"},
		{EnUS, "metre", "meter"},
		{EnUS, "travelled", "traveled"},
		{EnUS, "catalogue", ""}, // an American variant SCOWL accepts
		{EnUS, "defense", ""},
		{EnUS, "analyse", "analyze"},
		// Off flags nothing.
		{Off, "defense", ""},
		{Off, "defence", ""},
		// Not words of the table, or not in a plain case pattern.
		{NATO, "DeFense", ""},
		{NATO, "dEFENSE", ""},
		{NATO, "défense", ""},
		{NATO, "defense-related", ""},
		{NATO, "", ""},
		{NATO, "'s", ""},
		{NATO, "s", ""},
		{NATO, strings.Repeat("a", 40), ""},
		{Profile(9), "defense", ""},
	}
	for _, tt := range tests {
		got, ok := tt.p.Suggest(tt.word)
		if ok != (tt.want != "") || got != tt.want {
			t.Errorf("%v.Suggest(%q) = %q, %v; want %q", tt.p, tt.word, got, ok, tt.want)
		}
	}
}

func TestLookupVariety(t *testing.T) {
	tests := []struct {
		p    Profile
		word string
		want Variety
	}{
		{NATO, "defense", American},
		{EnUS, "defence", British},
		{NATO, "organisation", BritishIse},
		{EnUS, "colourize", Oxford},
		{NATO, "exorcise", Ise},
	}
	for _, tt := range tests {
		s, ok := tt.p.Lookup(tt.word)
		if !ok || s.Variety != tt.want {
			t.Errorf("%v.Lookup(%q) = %+v, %v; want variety %v", tt.p, tt.word, s, ok, tt.want)
		}
	}
	if got := Variety(0).String(); got != "Variety(0)" {
		t.Errorf("Variety(0).String() = %q", got)
	}
}

// TestTable checks the embedded table as a whole: every suggestion is a
// spelling that its profile accepts, and suggestions go both ways.
func TestTable(t *testing.T) {
	tab := table()
	if len(tab) < 4000 {
		t.Fatalf("table has %d words, want the 4,500 or so of variants.tsv", len(tab))
	}
	for word, e := range tab {
		for _, p := range tableProfiles {
			want := e.want[p]
			if want == "" {
				continue
			}
			if again, ok := p.Suggest(want); ok {
				t.Errorf("%v: %q -> %q -> %q: the suggestion is flagged too", p, word, want, again)
			}
		}
	}
	// The pairs named in the package documentation go both ways.
	for _, pair := range [][2]string{{"defense", "defence"}, {"center", "centre"}, {"labor", "labour"}, {"traveled", "travelled"}, {"analyze", "analyse"}} {
		us, gb := pair[0], pair[1]
		if got, _ := EnGB.Suggest(us); got != gb {
			t.Errorf("en-GB %q -> %q, want %q", us, got, gb)
		}
		if got, _ := EnUS.Suggest(gb); got != us {
			t.Errorf("en-US %q -> %q, want %q", gb, got, us)
		}
	}
}

func TestParseTableErrors(t *testing.T) {
	tests := []struct{ data, want string }{
		{"# comment\ncolor\tus\t-\tcolour\n", "line 2: 4 fields, want 6"},
		{"Color\tus\t-\tcolour\tcolour\tor/our\n", `line 1: word "Color" is not`},
		{"color\tus\t-\tcolour\tcolour\tor/our\ncolor\tus\t-\tcolour\tcolour\tor/our\n", `line 2: word "color" is listed twice`},
		{"color\tusa\t-\tcolour\tcolour\tor/our\n", `line 1: unknown variety "usa"`},
		{"color\tus\t-\tcolour!\tcolour\tor/our\n", `line 1: en-GB spelling "colour!" of "color"`},
		{"color\tus\t-\tcolor\tcolour\tor/our\n", `line 1: en-GB spelling "color" of "color"`},
		{"color\tus\t-\t-\t-\tor/our\n", `line 1: "color": no profile flags it`},
	}
	for _, tt := range tests {
		_, err := parseTable(tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseTable(%q) error = %v, want one containing %q", tt.data, err, tt.want)
		}
	}
	tab, err := parseTable("# only\n\ncolor\tus\t-\tcolour\tcolour\tor/our") // no final newline
	if err != nil || tab["color"].want[NATO] != "colour" {
		t.Errorf("parseTable: %v, %v", tab, err)
	}
}

// FuzzParseTable checks that whatever parseTable accepts holds only
// lower-case ASCII words, each flagged by a profile for another word.
func FuzzParseTable(f *testing.F) {
	f.Add("color\tus\t-\tcolour\tcolour\tor/our\n")
	f.Add("# c\ncolour\tgb\tcolor\t-\t-\tor/our\n\n")
	f.Add(variantsTSV[:2000])
	f.Fuzz(func(t *testing.T, data string) {
		tab, err := parseTable(data)
		if err != nil {
			return
		}
		for word, e := range tab {
			if !isTableWord(word) || e.variety == 0 || e.variety > Ise {
				t.Fatalf("accepted word %q, variety %d", word, e.variety)
			}
			flagged := false
			for _, p := range tableProfiles {
				if w := e.want[p]; w != "" {
					flagged = true
					if !isTableWord(w) || w == word {
						t.Fatalf("accepted %v spelling %q of %q", p, w, word)
					}
				}
			}
			if !flagged || e.want[Off] != "" {
				t.Fatalf("accepted entry %q: %+v", word, e)
			}
		}
	})
}

func TestLookupAllocs(t *testing.T) {
	for _, w := range []string{"spending", "Spending", "SPENDING", "alliance’s", "alliance's", "défense", "defense", "organization"} {
		if n := testing.AllocsPerRun(100, func() { NATO.Lookup(w) }); n != 0 {
			t.Errorf("NATO.Lookup(%q) allocates %v times", w, n)
		}
	}
}

// BenchmarkParseTable parses variants.tsv, which the first Lookup of a run
// pays.
func BenchmarkParseTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseTable(variantsTSV); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMayBeVariant checks that the hash filter of Lookup lets every word
// of the table through, in each case pattern, and rules out most words of
// English prose.
func TestMayBeVariant(t *testing.T) {
	for w := range table() {
		for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			if !mayBeVariant(v) {
				t.Fatalf("mayBeVariant(%q) = false", v)
			}
		}
	}
	words := strings.Fields("the of and to in is was that for it with as his on be at by had are but from or have an they which one you were all this she we there been if more when will would who so no can said about out up them what time than may into could only now then these some other")
	passed := 0
	for _, w := range words {
		if mayBeVariant(w) {
			passed++
		}
	}
	if passed > len(words)/4 {
		t.Errorf("%d of %d common words pass the filter", passed, len(words))
	}
}
