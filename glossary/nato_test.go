package glossary_test

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tqa-project/tqa/glossary"
	"golang.org/x/text/language"
)

// go test ./glossary -run TestNATOFileCanonical -update-nato rewrites
// nato.tbx sorted and in the canonical layout (see NATO-SOURCES.md).
var updateNATO = flag.Bool("update-nato", false, "rewrite nato.tbx sorted and in canonical form")

var (
	langEN = language.English
	langFR = language.French
	langZH = language.MustParse("zh-Hans")
)

// natoSubjects are the subject fields the NATO glossary uses.
var natoSubjects = []string{
	"agency", "body", "command", "concept", "document", "law", "member-state",
	"operation", "organization-name", "partner", "post", "treaty", "treaty-article",
}

var natoID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestNATOContent(t *testing.T) {
	g := glossary.NATO()
	if g.Name != "nato" {
		t.Errorf("Name = %q, want nato", g.Name)
	}
	if n := len(g.Concepts); n < 150 {
		t.Errorf("%d concepts, want at least 150", n)
	}
	for _, err := range g.Validate() {
		t.Error(err)
	}
	for i := range g.Concepts {
		c := &g.Concepts[i]
		if !natoID.MatchString(c.ID) {
			t.Errorf("concept %q: id is not lower-case words joined by hyphens", c.ID)
		}
		if !slices.Contains(natoSubjects, c.Subject) {
			t.Errorf("concept %q: subject %q is not one of %v", c.ID, c.Subject, natoSubjects)
		}
		if strings.TrimSpace(c.Source) == "" {
			t.Errorf("concept %q: no source", c.ID)
		}
		for _, lang := range []language.Tag{langEN, langFR, langZH} {
			if _, ok := c.Preferred(lang); !ok {
				t.Errorf("concept %q: no preferred or admitted term in %s", c.ID, lang)
			}
		}
		for _, term := range c.Terms {
			switch term.Lang {
			case langEN, langFR, langZH:
			default:
				t.Errorf("concept %q: term %q has language %s, want en, fr or zh-Hans", c.ID, term.Text, term.Lang)
			}
			if !term.Status.Allowed() && strings.TrimSpace(term.Note) == "" {
				t.Errorf("concept %q: %s term %q has no note saying why", c.ID, term.Status, term.Text)
			}
			if term.Type == glossary.Acronym && !term.CaseSensitive {
				t.Errorf("concept %q: acronym %q is not case-sensitive", c.ID, term.Text)
			}
			if term.Lang == langZH && !strings.Contains(term.Note, "Chinese is not an official NATO language") {
				t.Errorf("concept %q: Chinese term %q: the note must say that Chinese is not an official NATO language", c.ID, term.Text)
			}
			if term.Lang == langZH && strings.TrimSpace(term.Source) == "" {
				t.Errorf("concept %q: Chinese term %q: no source for the rendering", c.ID, term.Text)
			}
		}
	}
}

// TestNATOTermsUnique checks what Validate leaves to the author: one term
// text (as the matcher sees it: case folded unless case-sensitive, hyphens
// as spaces) belongs to one concept per language, whatever its status, so
// that a match never points at two concepts.
func TestNATOTermsUnique(t *testing.T) {
	g := glossary.NATO()
	type owner struct {
		id   string
		text string
		cs   bool
	}
	seen := map[string][]owner{}
	for i := range g.Concepts {
		c := &g.Concepts[i]
		for _, term := range c.Terms {
			folded := strings.ToLower(matchForm(term.Text))
			k := term.Lang.String() + "\x00" + folded
			for _, o := range seen[k] {
				if o.id != c.ID && (!o.cs || !term.CaseSensitive || o.text == term.Text) {
					t.Errorf("%s term %q is in concepts %q and %q", term.Lang, term.Text, o.id, c.ID)
				}
			}
			seen[k] = append(seen[k], owner{c.ID, term.Text, term.CaseSensitive})
		}
	}
}

// matchForm writes hyphens as spaces and collapses white space.
func matchForm(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "-", " ")), " ")
}

func TestNATOSpotChecks(t *testing.T) {
	g := glossary.NATO()
	tests := []struct {
		lang       language.Tag
		text       string
		status     glossary.Status
		typ        glossary.TermType
		caseSens   bool
		concept    string
		preferred  map[language.Tag]string // the concept's preferred term per language
		checkType  bool
		checkCase  bool
		noteHasAny []string // the term's note mentions one of these
	}{
		{lang: langEN, text: "Article V", status: glossary.Deprecated, concept: "article-5",
			preferred: map[language.Tag]string{langEN: "Article 5", langFR: "article 5", langZH: "第五条"}, noteHasAny: []string{"Roman"}},
		{lang: langEN, text: "Article IV", status: glossary.Deprecated, concept: "article-4",
			preferred: map[language.Tag]string{langEN: "Article 4"}},
		{lang: langEN, text: "Article 10", status: glossary.Preferred, concept: "article-10"},
		{lang: langEN, text: "Article 13", status: glossary.Preferred, concept: "article-13"},
		{lang: langEN, text: "Turkey", status: glossary.Superseded, caseSens: true, checkCase: true, concept: "turkiye",
			preferred: map[language.Tag]string{langEN: "Türkiye", langZH: "土耳其"}, noteHasAny: []string{"2022"}},
		{lang: langEN, text: "Türkiye", status: glossary.Preferred, concept: "turkiye"},
		{lang: langEN, text: "North Atlantic Council", status: glossary.Preferred, concept: "nac",
			preferred: map[language.Tag]string{langEN: "North Atlantic Council", langFR: "Conseil de l'Atlantique Nord", langZH: "北大西洋理事会"}},
		{lang: langFR, text: "Conseil de l'Atlantique Nord", status: glossary.Preferred, concept: "nac"},
		{lang: langEN, text: "SHAPE", status: glossary.Preferred, typ: glossary.Acronym, checkType: true, caseSens: true, checkCase: true, concept: "shape",
			preferred: map[language.Tag]string{langEN: "Supreme Headquarters Allied Powers Europe"}},
		{lang: langEN, text: "NATO", status: glossary.Preferred, typ: glossary.Acronym, checkType: true, caseSens: true, checkCase: true, concept: "nato",
			preferred: map[language.Tag]string{langEN: "North Atlantic Treaty Organization", langFR: "Organisation du Traité de l'Atlantique Nord", langZH: "北大西洋公约组织"}},
		{lang: langEN, text: "Nato", status: glossary.Deprecated, caseSens: true, checkCase: true, concept: "nato"},
		{lang: langEN, text: "North Atlantic Treaty Organisation", status: glossary.Deprecated, concept: "nato", noteHasAny: []string{"Organization"}},
		{lang: langZH, text: "北约", status: glossary.Admitted, concept: "nato"},
		{lang: langFR, text: "OTAN", status: glossary.Preferred, caseSens: true, checkCase: true, concept: "nato"},
		{lang: langEN, text: "Allied Command Europe", status: glossary.Superseded, concept: "aco",
			preferred: map[language.Tag]string{langEN: "Allied Command Operations", langFR: "Commandement allié Opérations"}, noteHasAny: []string{"2003"}},
		{lang: langEN, text: "Allied Command Atlantic", status: glossary.Superseded, concept: "act",
			preferred: map[language.Tag]string{langEN: "Allied Command Transformation"}},
		{lang: langEN, text: "SACLANT", status: glossary.Superseded, concept: "sact",
			preferred: map[language.Tag]string{langEN: "Supreme Allied Commander Transformation"}},
		{lang: langEN, text: "Secretary General", status: glossary.Preferred, concept: "secretary-general",
			preferred: map[language.Tag]string{langEN: "Secretary General", langFR: "secrétaire général de l'OTAN", langZH: "北约秘书长"}},
		{lang: langEN, text: "Chairman of the Military Committee", status: glossary.Superseded, concept: "chair-military-committee",
			preferred: map[language.Tag]string{langEN: "Chair of the Military Committee"}},
		{lang: langEN, text: "former Yugoslav Republic of Macedonia", status: glossary.Superseded, concept: "north-macedonia",
			preferred: map[language.Tag]string{langEN: "North Macedonia", langFR: "Macédoine du Nord", langZH: "北马其顿"}},
		{lang: langEN, text: "FYROM", status: glossary.Superseded, concept: "north-macedonia"},
		{lang: langEN, text: "Czech Republic", status: glossary.Admitted, concept: "czechia",
			preferred: map[language.Tag]string{langEN: "Czechia"}},
		{lang: langEN, text: "NATO Defense College", status: glossary.Preferred, typ: glossary.Appellation, checkType: true, concept: "nato-defense-college"},
		{lang: langEN, text: "Not A Trusted Organization Act", status: glossary.Preferred, typ: glossary.Appellation, checkType: true, concept: "not-a-trusted-organization-act",
			preferred: map[language.Tag]string{langEN: "Not A Trusted Organization Act"}},
		{lang: langEN, text: "NATO Act", status: glossary.Admitted, typ: glossary.ShortForm, checkType: true, caseSens: true, checkCase: true, concept: "not-a-trusted-organization-act"},
		{lang: langEN, text: "NATO Intelligence Fusion Centre", status: glossary.Preferred, typ: glossary.Appellation, checkType: true, concept: "nifc"},
		{lang: langEN, text: "National Defense Authorization Act", status: glossary.Preferred, typ: glossary.Appellation, checkType: true, concept: "ndaa"},
		{lang: langEN, text: "SACEUR", status: glossary.Preferred, typ: glossary.Acronym, checkType: true, concept: "saceur"},
		{lang: langEN, text: "Supreme Allied Commander Europe", status: glossary.Preferred, typ: glossary.Appellation, checkType: true, concept: "saceur"},
		{lang: langEN, text: "NATO Defence College", status: glossary.Deprecated, concept: "nato-defense-college"},
		{lang: langEN, text: "collective defense", status: glossary.Deprecated, concept: "collective-defence",
			preferred: map[language.Tag]string{langEN: "collective defence", langFR: "défense collective"}},
		{lang: langEN, text: "Washington Treaty", status: glossary.Admitted, concept: "north-atlantic-treaty",
			preferred: map[language.Tag]string{langEN: "North Atlantic Treaty", langFR: "Traité de l'Atlantique Nord"}},
		{lang: langFR, text: "Partenariat pour la paix", status: glossary.Preferred, concept: "partnership-for-peace",
			preferred: map[language.Tag]string{langEN: "Partnership for Peace", langZH: "和平伙伴关系计划"}},
		{lang: langFR, text: "ICI", status: glossary.Preferred, caseSens: true, checkCase: true, concept: "istanbul-cooperation-initiative"},
		{lang: langEN, text: "MAP", status: glossary.Preferred, caseSens: true, checkCase: true, concept: "membership-action-plan"},
		{lang: langEN, text: "North Atlantic Assembly", status: glossary.Superseded, concept: "nato-pa",
			preferred: map[language.Tag]string{langEN: "NATO Parliamentary Assembly", langFR: "Assemblée parlementaire de l'OTAN"}},
		{lang: langEN, text: "NAMSA", status: glossary.Superseded, concept: "nspa",
			preferred: map[language.Tag]string{langEN: "NATO Support and Procurement Agency"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang.String()+"/"+tt.text, func(t *testing.T) {
			c, term := findTerm(g, tt.lang, tt.text)
			if term == nil {
				t.Fatalf("no %s term %q", tt.lang, tt.text)
			}
			if c.ID != tt.concept {
				t.Errorf("concept = %q, want %q", c.ID, tt.concept)
			}
			if term.Status != tt.status {
				t.Errorf("status = %s, want %s", term.Status, tt.status)
			}
			if tt.checkType && term.Type != tt.typ {
				t.Errorf("type = %s, want %s", term.Type, tt.typ)
			}
			if tt.checkCase && term.CaseSensitive != tt.caseSens {
				t.Errorf("case-sensitive = %v, want %v", term.CaseSensitive, tt.caseSens)
			}
			for lang, want := range tt.preferred {
				p, ok := c.Preferred(lang)
				if !ok || p.Text != want || p.Status != glossary.Preferred {
					t.Errorf("preferred %s term = %v, want %q", lang, p, want)
				}
			}
			if len(tt.noteHasAny) > 0 && !slices.ContainsFunc(tt.noteHasAny, func(s string) bool { return strings.Contains(term.Note, s) }) {
				t.Errorf("note %q mentions none of %q", term.Note, tt.noteHasAny)
			}
		})
	}
}

// findTerm returns the concept and term with exactly this text in lang.
func findTerm(g *glossary.Glossary, lang language.Tag, text string) (*glossary.Concept, *glossary.Term) {
	for i := range g.Concepts {
		c := &g.Concepts[i]
		for _, term := range c.TermsIn(lang) {
			if term.Text == text {
				return c, term
			}
		}
	}
	return nil, nil
}

// TestNATOWords keeps ordinary words out of the glossary: they would make
// false alarms in every text.
func TestNATOWords(t *testing.T) {
	g := glossary.NATO()
	for _, word := range []string{"shape", "alliance", "Alliance", "Macedonia", "turkey", "act", "map"} {
		for _, lang := range []language.Tag{langEN, langFR} {
			for i := range g.Concepts {
				for _, term := range g.Concepts[i].TermsIn(lang) {
					if strings.EqualFold(term.Text, word) && !(term.CaseSensitive && term.Text != word) {
						t.Errorf("%s term %q in concept %q would match the ordinary word %q", lang, term.Text, g.Concepts[i].ID, word)
					}
				}
			}
		}
	}
}

func TestNATOOnce(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]*glossary.Glossary, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = glossary.NATO()
		}()
	}
	wg.Wait()
	for i, g := range got {
		if g != got[0] {
			t.Fatalf("call %d returned another glossary: NATO must parse once", i)
		}
	}
}

// The canonical layout of nato.tbx, so that it stays easy to review and to
// diff: entries sorted by subject field then id (byte order), one element
// per line, two-space indentation, the data categories in a fixed order,
// only &, < and > escaped, and nothing else in the file.

type tbxFile struct {
	XMLName xml.Name  `xml:"martif"`
	Type    string    `xml:"type,attr"`
	Lang    string    `xml:"lang,attr"`
	Title   string    `xml:"martifHeader>fileDesc>titleStmt>title"`
	Desc    string    `xml:"martifHeader>fileDesc>sourceDesc>p"`
	Entries []tbxItem `xml:"text>body>termEntry"`
}

type tbxItem struct {
	ID       string     `xml:"id,attr"`
	Descrips []tbxTyped `xml:"descrip"`
	Admins   []tbxTyped `xml:"admin"`
	Notes    []string   `xml:"note"`
	LangSets []tbxLang  `xml:"langSet"`
}

type tbxLang struct {
	Lang string   `xml:"lang,attr"`
	Tigs []tbxTig `xml:"tig"`
}

type tbxTig struct {
	Term      string     `xml:"term"`
	TermNotes []tbxTyped `xml:"termNote"`
	Admins    []tbxTyped `xml:"admin"`
	Notes     []string   `xml:"note"`
}

type tbxTyped struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

func (e *tbxItem) subject() string { return typed(e.Descrips, "subjectField") }

// typed returns the text of the first element of type typ, or "".
func typed(list []tbxTyped, typ string) string {
	for _, d := range list {
		if d.Type == typ {
			return d.Text
		}
	}
	return ""
}

func TestNATOFileCanonical(t *testing.T) {
	data, err := os.ReadFile("nato.tbx")
	if err != nil {
		t.Fatal(err)
	}
	var f tbxFile
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("nato.tbx: %v", err)
	}
	ids := map[string]bool{}
	for _, e := range f.Entries {
		if ids[e.ID] {
			t.Errorf("id %q is used twice", e.ID)
		}
		ids[e.ID] = true
	}
	byKey := func(a, b tbxItem) int {
		return cmp.Or(strings.Compare(a.subject(), b.subject()), strings.Compare(a.ID, b.ID))
	}
	if *updateNATO {
		slices.SortStableFunc(f.Entries, byKey)
	} else if !slices.IsSortedFunc(f.Entries, byKey) {
		t.Errorf("nato.tbx is not sorted by subject field then id (run go test -run TestNATOFileCanonical -update-nato)")
	}
	var buf bytes.Buffer
	if err := writeCanonical(&buf, &f); err != nil {
		t.Fatal(err)
	}
	if *updateNATO {
		if err := os.WriteFile("nato.tbx", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(buf.Bytes(), data) {
		got, want := strings.Split(string(data), "\n"), strings.Split(buf.String(), "\n")
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("nato.tbx is not in canonical form at line %d:\n have %q\n want %q\n(run go test -run TestNATOFileCanonical -update-nato)", i+1, got[i], want[i])
			}
		}
		t.Fatalf("nato.tbx is not in canonical form: %d lines, want %d", len(got), len(want))
	}
}

var (
	entryOrder = []string{"subjectField", "definition"}
	noteOrder  = []string{"administrativeStatus", "termType", "partOfSpeech", "x-caseSensitive"}
	langOrder  = []string{"en", "fr", "zh-Hans"}
)

// writeCanonical writes f in the canonical layout, or fails on content
// that the layout has no place for.
func writeCanonical(buf *bytes.Buffer, f *tbxFile) error {
	w := func(indent int, format string, args ...any) {
		buf.WriteString(strings.Repeat("  ", indent))
		fmt.Fprintf(buf, format, args...)
		buf.WriteByte('\n')
	}
	if f.Type != "TBX-Basic" || f.Lang != "en" {
		return fmt.Errorf("martif: type %q, xml:lang %q; want TBX-Basic, en", f.Type, f.Lang)
	}
	w(0, `<?xml version="1.0" encoding="UTF-8"?>`)
	w(0, `<martif type="TBX-Basic" xml:lang="en">`)
	w(1, `<martifHeader><fileDesc><titleStmt><title>%s</title></titleStmt><sourceDesc><p>%s</p></sourceDesc></fileDesc></martifHeader>`, esc(f.Title), esc(f.Desc))
	w(1, `<text><body>`)
	for _, e := range f.Entries {
		w(2, `<termEntry id="%s">`, esc(e.ID))
		if len(e.Notes) > 1 {
			return fmt.Errorf("entry %q: %d notes, want at most one", e.ID, len(e.Notes))
		}
		for _, typ := range entryOrder {
			if s := typed(e.Descrips, typ); s != "" {
				w(3, `<descrip type="%s">%s</descrip>`, typ, esc(s))
			}
		}
		for _, d := range e.Descrips {
			if !slices.Contains(entryOrder, d.Type) {
				return fmt.Errorf("entry %q: descrip type %q is not used in nato.tbx", e.ID, d.Type)
			}
		}
		if len(e.Admins) != 1 || e.Admins[0].Type != "source" {
			return fmt.Errorf("entry %q: want exactly one admin, of type source", e.ID)
		}
		w(3, `<admin type="source">%s</admin>`, esc(e.Admins[0].Text))
		for _, n := range e.Notes {
			w(3, `<note>%s</note>`, esc(n))
		}
		if len(e.LangSets) != len(langOrder) {
			return fmt.Errorf("entry %q: %d langSets, want %v", e.ID, len(e.LangSets), langOrder)
		}
		for i, ls := range e.LangSets {
			if ls.Lang != langOrder[i] {
				return fmt.Errorf("entry %q: langSet %d is %q, want %q", e.ID, i+1, ls.Lang, langOrder[i])
			}
			w(3, `<langSet xml:lang="%s">`, ls.Lang)
			for _, tig := range ls.Tigs {
				if len(tig.Notes) > 1 || len(tig.Admins) > 1 || (len(tig.Admins) == 1 && tig.Admins[0].Type != "source") {
					return fmt.Errorf("entry %q: term %q: at most one source and one note", e.ID, tig.Term)
				}
				w(4, `<tig>`)
				w(5, `<term>%s</term>`, esc(tig.Term))
				for _, typ := range noteOrder {
					if s := typed(tig.TermNotes, typ); s != "" {
						w(5, `<termNote type="%s">%s</termNote>`, typ, esc(s))
					} else if typ != "x-caseSensitive" {
						return fmt.Errorf("entry %q: term %q has no %s", e.ID, tig.Term, typ)
					}
				}
				for _, n := range tig.TermNotes {
					if !slices.Contains(noteOrder, n.Type) {
						return fmt.Errorf("entry %q: term %q: termNote type %q is not used in nato.tbx", e.ID, tig.Term, n.Type)
					}
				}
				for _, a := range tig.Admins {
					w(5, `<admin type="source">%s</admin>`, esc(a.Text))
				}
				for _, n := range tig.Notes {
					w(5, `<note>%s</note>`, esc(n))
				}
				w(4, `</tig>`)
			}
			w(3, `</langSet>`)
		}
		w(2, `</termEntry>`)
	}
	w(1, `</body></text>`)
	w(0, `</martif>`)
	return nil
}

// esc escapes the three characters that nato.tbx escapes.
func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func ExampleNATO() {
	g := glossary.NATO()
	for i := range g.Concepts {
		c := &g.Concepts[i]
		if c.ID != "article-5" {
			continue
		}
		for _, lang := range []language.Tag{language.English, language.French, language.MustParse("zh-Hans")} {
			p, _ := c.Preferred(lang)
			fmt.Printf("%s: %s\n", lang, p.Text)
		}
		for _, t := range c.TermsIn(language.English) {
			if !t.Status.Allowed() {
				fmt.Printf("%s %q\n", t.Status, t.Text)
			}
		}
	}
	// Output:
	// en: Article 5
	// fr: article 5
	// zh-Hans: 第五条
	// deprecated "Article V"
	// deprecated "Article Five"
}
