package glossary

import "golang.org/x/text/language"

// TEMPORARY API SHAPE: replaced by the real matcher.

// Match is one occurrence of a term in a text.
type Match struct {
	Start, End int // byte span into the text given to Find
	Glossary   *Glossary
	Concept    *Concept
	Term       *Term
}

// Matcher finds the terms of one language in text.
type Matcher struct{ lang language.Tag }

// NewMatcher builds a matcher over the terms in lang of the glossaries.
func NewMatcher(lang language.Tag, gs ...*Glossary) *Matcher { return &Matcher{lang: lang} }

// Find returns the leftmost-longest, non-overlapping matches in text, sorted by Start.
func (m *Matcher) Find(text string) []Match { return nil }

// Load reads a glossary; the format comes from name's extension (.tbx, .csv).
func Load(name string, r interface{ Read([]byte) (int, error) }) (*Glossary, error) { return nil, nil }

// NATO returns the built-in NATO glossary.
func NATO() *Glossary { return &Glossary{Name: "nato"} }
