package glossary_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
)

func ExampleLoad() {
	const csv = `concept,term,lang,status,type
nato,NATO,en,preferred,acronym
nato,OTAN,fr,preferred,acronym
nato,Nato,en,deprecated,
`
	g, err := glossary.Load("nato.csv", strings.NewReader(csv))
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range g.Concepts {
		for _, t := range c.Terms {
			fmt.Println(c.ID, t.Lang, t.Text, t.Status, t.Type, t.CaseSensitive)
		}
	}
	// Output:
	// nato en NATO preferred acronym true
	// nato fr OTAN preferred acronym true
	// nato en Nato deprecated fullForm false
}

func ExampleLoadFile() {
	g, err := glossary.LoadFile("testdata/nato-v3.tbx")
	if err != nil {
		log.Fatal(err)
	}
	c := g.Concepts[0]
	en, _ := c.Preferred(language.English)
	fr, _ := c.Preferred(language.French)
	fmt.Printf("%d concepts; %s: %s = %s\n", len(g.Concepts), c.ID, en.Text, fr.Text)
	// Output:
	// 4 concepts; saceur: Supreme Allied Commander Europe = Commandant suprême des forces alliées en Europe
}

func ExampleParseTBX() {
	const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="aco">
      <langSec xml:lang="en">
        <termSec>
          <term>Allied Command Operations</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
        </termSec>
        <termSec>
          <term>Allied Command Europe</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`
	g, err := glossary.ParseTBX("aco.tbx", strings.NewReader(tbx))
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range g.Concepts[0].Terms {
		fmt.Printf("%s: %s (allowed: %v)\n", t.Text, t.Status, t.Status.Allowed())
	}
	_, err = glossary.ParseTBX("bad.tbx", strings.NewReader(strings.Replace(tbx, "supersededTerm", "outdatedTerm-x", 1)))
	fmt.Println(err)
	// Output:
	// Allied Command Operations: preferred (allowed: true)
	// Allied Command Europe: superseded (allowed: false)
	// glossary: parse bad.tbx: line 12, column 11: unknown term status "outdatedTerm-x-admn-sts" (want preferred, admitted, deprecated or superseded)
}

// ExampleParseCSV reads the two CSV layouts: one term a row, and one
// concept a row with a column for each language.
func ExampleParseCSV() {
	const terms = `concept,term,lang,status,type
nac,North Atlantic Council,en,preferred,
nac,NAC,en,admitted,acronym
nac,Conseil de l'Atlantique Nord,fr,,
`
	const concepts = `id,en,fr,en:deprecated
nato,NATO,OTAN,Nato
`
	for _, in := range []struct{ name, data string }{{"terms.csv", terms}, {"concepts.csv", concepts}} {
		g, err := glossary.ParseCSV(in.name, strings.NewReader(in.data))
		if err != nil {
			log.Fatal(err)
		}
		for _, c := range g.Concepts {
			for _, t := range c.Terms {
				fmt.Printf("%s: %s %s %q %s\n", in.name, c.ID, t.Lang, t.Text, t.Status)
			}
		}
	}
	// Output:
	// terms.csv: nac en "North Atlantic Council" preferred
	// terms.csv: nac en "NAC" admitted
	// terms.csv: nac fr "Conseil de l'Atlantique Nord" preferred
	// concepts.csv: nato en "NATO" preferred
	// concepts.csv: nato fr "OTAN" preferred
	// concepts.csv: nato en "Nato" deprecated
}

func ExampleNewMatcher() {
	g, err := glossary.LoadFile("testdata/nato-v2.tbx")
	if err != nil {
		log.Fatal(err)
	}
	m := glossary.NewMatcher(language.English, g)
	text := "The North Atlantic Council and NATO’s SHAPE; the Nato summit; shape it."
	for _, mt := range m.Find(text) {
		fmt.Printf("%d-%d %q: %s %q (%s)\n", mt.Start, mt.End, text[mt.Start:mt.End], mt.Concept.ID, mt.Term.Text, mt.Term.Status)
	}
	// Output:
	// 4-26 "North Atlantic Council": nac "North Atlantic Council" (preferred)
	// 31-39 "NATO’s": nato "NATO" (preferred)
	// 40-45 "SHAPE": shape "SHAPE" (preferred)
	// 51-55 "Nato": nato "Nato" (deprecated)
}

func ExampleMatcher_Find() {
	g, err := glossary.LoadFile("testdata/nato-v2.tbx")
	if err != nil {
		log.Fatal(err)
	}
	m := glossary.NewMatcher(language.Chinese, g)
	text := "北大西洋理事会决定，北约成员国增加防务开支。"
	for _, mt := range m.Find(text) {
		fmt.Printf("%d-%d %s → %s\n", mt.Start, mt.End, text[mt.Start:mt.End], mt.Concept.ID)
	}
	// Output:
	// 0-21 北大西洋理事会 → nac
	// 30-36 北约 → nato
}

// AppendFind keeps the matches of many texts in one slice: each text's
// matches are a piece of it.
func ExampleMatcher_AppendFind() {
	g, err := glossary.LoadFile("testdata/nato-v2.tbx")
	if err != nil {
		log.Fatal(err)
	}
	m := glossary.NewMatcher(language.English, g)
	texts := []string{"The North Atlantic Council met.", "No term here.", "NATO allies agreed."}
	var all []glossary.Match
	byText := make([][]glossary.Match, len(texts))
	for i, text := range texts {
		n := len(all)
		all = m.AppendFind(all, text)
		byText[i] = all[n:len(all):len(all)]
	}
	for i, ms := range byText {
		for _, mt := range ms {
			fmt.Printf("text %d: %s → %s\n", i, texts[i][mt.Start:mt.End], mt.Concept.ID)
		}
	}
	// Output:
	// text 0: North Atlantic Council → nac
	// text 2: NATO → nato
}

func ExampleGlossary_Validate() {
	const csv = `concept,term,lang,status
council,Council,en,preferred
council-2,council,en,preferred
nato,NATO,en,preferred
nato,Otan,fr,deprecated
`
	g, err := glossary.ParseCSV("g.csv", strings.NewReader(csv))
	if err != nil {
		log.Fatal(err)
	}
	for _, err := range g.Validate() {
		fmt.Println(err)
	}
	// Output:
	// glossary: g.csv: line 3: concept "council-2": term "council" (en) is also preferred in concept "council" (line 2)
	// glossary: g.csv: line 4: concept "nato": no preferred or admitted term in fr (only deprecated "Otan")
}

func ExampleGlossary_Lookup() {
	g, err := glossary.LoadFile("testdata/nato-v3.tbx")
	if err != nil {
		log.Fatal(err)
	}
	for _, q := range []string{"allies", "SACEUR", "saceur", "military committee"} {
		var ids []string
		for _, c := range g.Lookup(q) {
			ids = append(ids, c.ID)
		}
		fmt.Printf("%s: %v\n", q, ids)
	}
	// Output:
	// allies: [ally]
	// SACEUR: [saceur]
	// saceur: []
	// military committee: [mc]
}

func ExampleWriteTBX() {
	g, err := glossary.ParseCSV("nato.csv", strings.NewReader("id,en,fr\nnato,NATO,OTAN\n"))
	if err != nil {
		log.Fatal(err)
	}
	if err := glossary.WriteTBX(os.Stdout, g); err != nil {
		log.Fatal(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <martif type="TBX-Basic" xml:lang="en">
	//   <martifHeader>
	//     <fileDesc>
	//       <sourceDesc>
	//         <p>nato.csv</p>
	//       </sourceDesc>
	//     </fileDesc>
	//   </martifHeader>
	//   <text>
	//     <body>
	//       <termEntry id="nato">
	//         <langSet xml:lang="en">
	//           <tig>
	//             <term>NATO</term>
	//             <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
	//           </tig>
	//         </langSet>
	//         <langSet xml:lang="fr">
	//           <tig>
	//             <term>OTAN</term>
	//             <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
	//           </tig>
	//         </langSet>
	//       </termEntry>
	//     </body>
	//   </text>
	// </martif>
}
