package glossary

import (
	"fmt"
	"sync"

	"golang.org/x/text/language"
)

// The built-in NATO glossary is nato.tbx: TBX-Basic, one termEntry per
// concept, English, French and Chinese (zh-Hans); NATO-SOURCES.md beside
// it describes its sources and conventions. So that no run parses its XML,
// nato_table.go holds what ParseTBX reads from it as Go data, compiled
// into the program; after changing nato.tbx, regenerate the table (the
// test TestNATOTable fails until then):
//
//go:generate go test -run ^TestNATOTable$ -update .

// natoOnce assembles the glossary from nato_table.go on first use.
var natoOnce = sync.OnceValue(func() *Glossary {
	tags := make([]language.Tag, len(natoLangs))
	for i, s := range natoLangs {
		tag, err := language.Parse(s) // as ParseTBX reads xml:lang
		if err != nil {
			// TestNATOTable guards this: the table's languages parse.
			panic(fmt.Sprintf("glossary: the built-in NATO glossary: language %q: %v", s, err))
		}
		tags[i] = tag
	}
	o := &origin{concepts: make([]int, len(natoConcepts)), terms: make([][]int, len(natoConcepts))}
	k, line := 0, 0
	for ci := range natoConcepts {
		c := &natoConcepts[ci]
		o.concepts[ci] = int(natoLines[line])
		line++
		o.terms[ci] = make([]int, len(c.Terms))
		for ti := range c.Terms {
			c.Terms[ti].Lang = tags[natoTermLangs[k]-'0']
			k++
			o.terms[ci][ti] = int(natoLines[line])
			line++
		}
	}
	g := &Glossary{Name: "nato", Concepts: natoConcepts}
	setOrigin(g, o)
	return g
})

// NATO returns the built-in NATO glossary (built once; safe for concurrent
// use). Every caller shares the same value: treat it as read-only.
//
// Each concept has a subject field (body, command, post, agency, treaty,
// treaty-article, law, concept, member-state, partner, operation, document
// or organization-name), a source, and terms in English, French and
// Chinese with their status and type; the official names of bodies,
// commands, posts, treaties, laws, documents and operations have the type
// Appellation (see Concept.OfficialName): "Article V" is deprecated for "Article 5", "Turkey"
// (case-sensitive) is superseded by "Türkiye", "Allied Command Europe" by
// "Allied Command Operations".
func NATO() *Glossary { return natoOnce() }
