package glossary

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// natoTBX is the built-in NATO glossary: TBX-Basic, one termEntry per
// concept, English, French and Chinese (zh-Hans). NATO-SOURCES.md beside it
// describes its sources and conventions.
//
//go:embed nato.tbx
var natoTBX []byte

// natoOnce parses natoTBX on first use.
var natoOnce = sync.OnceValue(func() *Glossary {
	g, err := ParseTBX("nato.tbx", bytes.NewReader(natoTBX))
	if err != nil {
		// nato_test guards this: the embedded file always parses.
		panic(fmt.Sprintf("glossary: the built-in NATO glossary does not parse: %v", err))
	}
	g.Name = "nato"
	return g
})

// NATO returns the built-in NATO glossary (parsed once; safe for concurrent
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
