package spelling

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/internal/golden"
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
	tab, err := parseTable(variantsTSV)
	if err != nil {
		t.Fatal(err)
	}
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

// TestVariantSlots checks that variants.slots is the table of
// variants.tsv, and with -update (or go generate) rewrites it.
func TestVariantSlots(t *testing.T) {
	built, err := newVariantTable(variantsTSV)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "variants.slots", built.encode())
	if golden.Update() {
		return
	}
	if variants.slots != built.slots || variants.filter != built.filter || variants.shapes != built.shapes {
		t.Fatal("the embedded table differs from the table of variants.tsv: go generate ./glossary/spelling")
	}
}

// parseTable reads the table into a map from each word to its entry: the
// map that Lookup built at first use before it searched the embedded
// variants.slots, kept to test newVariantTable and Lookup against.
func parseTable(data string) (map[string]entry, error) {
	t := make(map[string]entry, strings.Count(data, "\n")+1)
	line := 0
	for len(data) > 0 {
		var l string
		l, data, _ = strings.Cut(data, "\n")
		line++
		if l == "" || l[0] == '#' {
			continue
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("variants.tsv: line %d: %s", line, fmt.Sprintf(format, args...))
		}
		var f [6]string
		n := 0
		for rest, more := l, true; more; n++ {
			var field string
			field, rest, more = strings.Cut(rest, "\t")
			if n < len(f) {
				f[n] = field
			}
		}
		if n != len(f) {
			return nil, fail("%d fields, want 6", n)
		}
		word := f[0]
		if !isTableWord(word) {
			return nil, fail("word %q is not 1 to %d lower-case ASCII letters", word, maxWordLen)
		}
		if _, dup := t[word]; dup {
			return nil, fail("word %q is listed twice", word)
		}
		e := entry{variety: varietyCodes[f[1]]}
		if e.variety == 0 {
			return nil, fail("unknown variety %q", f[1])
		}
		for i, p := range tableProfiles {
			w := f[2+i]
			if w == "-" {
				continue
			}
			if !isTableWord(w) || w == word {
				return nil, fail("%s spelling %q of %q is not another word of 1 to %d lower-case ASCII letters", p, w, word, maxWordLen)
			}
			e.want[p] = w
		}
		if e.want == [4]string{} {
			return nil, fail("%q: no profile flags it", word)
		}
		t[word] = e
	}
	return t, nil
}

// varietyCodes are the variety column's values in variants.tsv, as
// parseTable reads them.
var varietyCodes = map[string]Variety{"us": American, "gb": British, "gb-ise": BritishIse, "gb-ize": Oxford, "us-gb-ise": Ise}

// lookupMap is Profile.Lookup as it was with the map of parseTable.
func lookupMap(tab map[string]entry, p Profile, word string) (Suggestion, bool) {
	if p == Off || int(p) >= len(profileNames) {
		return Suggestion{}, false
	}
	stem, suffix := splitPossessive(word)
	c := caseOf(stem)
	if c == caseOther {
		return Suggestion{}, false
	}
	e, ok := tab[strings.ToLower(stem)]
	if !ok || e.want[p] == "" {
		return Suggestion{}, false
	}
	want := e.want[p]
	switch c {
	case caseTitle:
		want = strings.ToUpper(want[:1]) + want[1:]
	case caseUpper:
		want = strings.ToUpper(want)
	}
	return Suggestion{Want: want + suffix, Variety: e.variety}, true
}

// TestVariantTable checks Lookup against lookupMap for every word of the
// table and for words beside them (one letter more, less or changed), in
// each case pattern, with and without a possessive ending, in each
// profile.
func TestVariantTable(t *testing.T) {
	tab, err := parseTable(variantsTSV)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for w, e := range tab {
		words = append(words, w, w[:len(w)-1], w+"s", w+"e", w[1:], "x"+w, w[:len(w)/2]+"q"+w[len(w)/2+1:])
		for _, want := range e.want {
			if want != "" {
				words = append(words, want)
			}
		}
	}
	words = append(words, strings.Fields("the of and to in is was that for it with as his on be at by had are but from or have an they which one you")...)
	n := 0
	for _, w := range words {
		for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w), w + "'s", w + "’s"} {
			for p := range Profile(len(profileNames) + 1) {
				got, ok := p.Lookup(v)
				want, wok := lookupMap(tab, p, v)
				if got != want || ok != wok {
					t.Fatalf("%v.Lookup(%q) = %+v, %v; want %+v, %v", p, v, got, ok, want, wok)
				}
				if ok {
					n++
				}
			}
		}
	}
	if n < len(tab) {
		t.Errorf("only %d look-ups were flagged", n)
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
		{strings.Repeat("#", 1<<18), "too large"},
	}
	for _, tt := range tests {
		if _, err := newVariantTable(tt.data); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("newVariantTable(%.40q) error = %v, want one containing %q", tt.data, err, tt.want)
		}
	}
	tab, err := newVariantTable("# only\n\ncolor\tus\t-\tcolour\tcolour\tor/our") // no final newline
	if e, ok := tab.get("color"); err != nil || !ok || e.want[NATO] != "colour" {
		t.Errorf("newVariantTable: %+v, %v, %v", e, ok, err)
	}
}

// TestVariantTablePrefix checks that a word is not found in the slot of a
// longer word that it begins, even when both hash to the same slot and
// tag: a word made for that, in a table of four slots.
func TestVariantTablePrefix(t *testing.T) {
	const nbits = 2
	key := func(w string) uint64 { return variantHash(w) >> (64 - nbits - variantTagBits) }
	for i := 0; ; i++ {
		w := "ab" + strconv.FormatInt(int64(i), 26)
		w = strings.Map(func(r rune) rune {
			if r < 'a' {
				return r - '0' + 'q' // base-26 digits as the letters q to z
			}
			return r
		}, w)
		if key(w) != key(w[:len(w)-1]) {
			continue
		}
		tab, err := newVariantTable(w + "\tus\t-\tx\tx\trule\n")
		if err != nil || len(tab.slots) != 4<<nbits {
			t.Fatalf("table of %q: %d slots, %v", w, len(tab.slots)/4, err)
		}
		if _, ok := tab.get(w); !ok {
			t.Errorf("get(%q) = false", w)
		}
		if e, ok := tab.get(w[:len(w)-1]); ok {
			t.Errorf("get(%q) = %+v: the entry of %q", w[:len(w)-1], e, w)
		}
		return
	}
}

// FuzzVariantTable checks newVariantTable against parseTable: it accepts
// the same tables, and finds in them the same entries.
func FuzzVariantTable(f *testing.F) {
	f.Add("color\tus\t-\tcolour\tcolour\tor/our\n")
	f.Add("# c\ncolour\tgb\tcolor\t-\t-\tor/our\n\n")
	f.Add(variantsTSV[:2000])
	f.Fuzz(func(t *testing.T, data string) {
		want, werr := parseTable(data)
		tab, err := newVariantTable(data)
		if (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
			t.Fatalf("newVariantTable: %v; parseTable: %v", err, werr)
		}
		if err != nil {
			return
		}
		for word, e := range want {
			if !isTableWord(word) || e.variety == 0 || e.variety > Ise || e.want[Off] != "" {
				t.Fatalf("accepted word %q: %+v", word, e)
			}
			if got, ok := tab.get(word); !ok || got != e {
				t.Fatalf("get(%q) = %+v, %v; want %+v", word, got, ok, e)
			}
			for _, w := range e.want {
				if _, in := want[w]; w != "" && !in {
					if _, ok := tab.get(w); ok {
						t.Fatalf("get(%q) found a word that is not in the table", w)
					}
				}
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

// BenchmarkNewVariantTable builds the table of variants.tsv, which
// variants.slots holds built, so that no run pays this.
func BenchmarkNewVariantTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newVariantTable(variantsTSV); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseTable builds the map of variants.tsv that the first Lookup
// of a run paid before Lookup searched variants.slots.
func BenchmarkParseTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseTable(variantsTSV); err != nil {
			b.Fatal(err)
		}
	}
}

// TestVariantFilter checks the filter against the table without it: find
// gives the same answer for every word of the table and of the English
// word list, in small letters, capitalised and in capitals, so that the
// filter turns away no word of the table.
func TestVariantFilter(t *testing.T) {
	unfiltered := variants
	unfiltered.filter = ""
	check := func(w string) {
		t.Helper()
		line, ok := variants.find(w)
		wantLine, wantOK := unfiltered.find(w)
		if line != wantLine || ok != wantOK {
			t.Fatalf("find(%q) = %q, %v; without the filter: %q, %v", w, line, ok, wantLine, wantOK)
		}
	}
	turnedAway, words := 0, 0
	for _, list := range []string{variantsTSV, englishList} {
		for line := range strings.SplitSeq(list, "\n") {
			w := lineWord(line)
			if !isTableWord(strings.ToLower(w)) {
				continue
			}
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				check(v)
			}
			if _, ok := unfiltered.find(w); !ok {
				words++
				if i, bit := variantFilterBit(variantHash(w)); variants.filter[i]&bit == 0 {
					turnedAway++
				}
			}
		}
	}
	if turnedAway < words*3/4 {
		t.Errorf("the filter turns away %d of %d words that the table lacks, want most", turnedAway, words)
	}
}

// TestVariantShapes checks the shapes against the table without them (nor
// the filter): find gives the same answer for every word of the table and
// of the English word list, in small letters, capitalised and in
// capitals, and so does Lookup (against lookupMap, which has no shapes)
// with and without a possessive ending; and the shapes turn away two in
// three words of prose or more (71% of the words of the demo articles).
func TestVariantShapes(t *testing.T) {
	plain := variants
	plain.filter, plain.shapes = "", ""
	tab, err := parseTable(variantsTSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, list := range []string{variantsTSV, englishList} {
		for line := range strings.SplitSeq(list, "\n") {
			w := lineWord(line)
			if w == "" || w[0] == '#' {
				continue
			}
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				line, ok := variants.find(v)
				wantLine, wantOK := plain.find(v)
				if line != wantLine || ok != wantOK {
					t.Fatalf("find(%q) = %q, %v; without shapes and filter: %q, %v", v, line, ok, wantLine, wantOK)
				}
				for _, word := range []string{v, v + "'s", v + "’S"} {
					got, ok := NATO.Lookup(word)
					want, wok := lookupMap(tab, NATO, word)
					if got != want || ok != wok {
						t.Fatalf("NATO.Lookup(%q) = %+v, %v; want %+v, %v", word, got, ok, want, wok)
					}
				}
			}
		}
	}
	// The words of the demo articles.
	files, _ := filepath.Glob("../../corpus/samples/*.txt")
	turnedAway, words := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for i, j := range Words(text) {
			words++
			if stem, _ := splitPossessive(text[i:j]); !variants.mayHold(stem) {
				turnedAway++
			}
		}
	}
	if turnedAway < words*2/3 {
		t.Errorf("the shapes turn away %d of %d words of prose, want two in three or more", turnedAway, words)
	}
}

// FuzzLookup checks Lookup against lookupMap, the look-up in the map of
// the table with neither shapes nor filter, on any word, in each profile.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{"defense", "Defence's", "ORGANISATION", "eon", "Eons’s", "odor", "x", "", "défense", "colour’S"} {
		f.Add(s)
	}
	tab, err := parseTable(variantsTSV)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, word string) {
		for p := range Profile(len(profileNames) + 1) {
			got, ok := p.Lookup(word)
			want, wok := lookupMap(tab, p, word)
			if got != want || ok != wok {
				t.Fatalf("%v.Lookup(%q) = %+v, %v; want %+v, %v", p, word, got, ok, want, wok)
			}
		}
	})
}
