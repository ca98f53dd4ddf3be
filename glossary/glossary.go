package glossary

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Status is the usage status of a term, after TBX's administrativeStatus.
type Status uint8

const (
	// Preferred is the form to use (TBX preferredTerm-admn-sts).
	Preferred Status = iota
	// Admitted is acceptable but not preferred (admittedTerm-admn-sts).
	Admitted
	// Deprecated must not be used (deprecatedTerm-admn-sts).
	Deprecated
	// Superseded was once correct and has been replaced (supersededTerm-admn-sts).
	Superseded
)

var statusNames = [...]string{"preferred", "admitted", "deprecated", "superseded"}

func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", s)
}

// Allowed reports whether a term of this status may be used in a translation.
func (s Status) Allowed() bool { return s == Preferred || s == Admitted }

// ParseStatus accepts the plain names ("preferred", "admitted",
// "deprecated", "superseded", "forbidden" as deprecated) and TBX values such
// as "preferredTerm-admn-sts". Case does not matter.
func ParseStatus(s string) (Status, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.TrimSuffix(k, "-admn-sts")
	k = strings.TrimSuffix(k, "term")
	switch k {
	case "preferred", "":
		return Preferred, nil
	case "admitted", "admissible", "allowed":
		return Admitted, nil
	case "deprecated", "forbidden", "notrecommended", "not recommended":
		return Deprecated, nil
	case "superseded", "obsolete", "outdated":
		return Superseded, nil
	}
	return 0, fmt.Errorf("unknown term status %q (want preferred, admitted, deprecated or superseded)", s)
}

// TermType is the kind of a term, after TBX's termType.
type TermType uint8

const (
	// FullForm is the complete form of a term (TBX fullForm).
	FullForm TermType = iota
	// Acronym is formed from initial letters and read as a word or letters (NATO, SHAPE).
	Acronym
	// Abbreviation is a shortened written form.
	Abbreviation
	// ShortForm is a shorter variant of the full form ("the Council").
	ShortForm
	// Variant is another form of the same term (spelling or word-order variant).
	Variant
	// Phrase is a set phrase.
	Phrase
	// Appellation is the official name of one individual thing, as the
	// authority that names it writes it: a body, command, agency, post,
	// treaty, law, document or operation ("North Atlantic Council", "Not A
	// Trusted Organization Act"). It is the value "appellation" of TBX's
	// termType, which ISO 12620 defines as a designation of an individual
	// concept (ISOcat DC-347) and which terminology services that assign
	// official names use. Which kind of thing an appellation names is the
	// concept's subject field. An acronym of an official name stays an
	// Acronym; a former official name is an Appellation with the status
	// Superseded.
	Appellation
)

var termTypeNames = [...]string{"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase", "appellation"}

func (t TermType) String() string {
	if int(t) < len(termTypeNames) {
		return termTypeNames[t]
	}
	return fmt.Sprintf("TermType(%d)", t)
}

// Abbreviated reports whether the type is a shortened form of a longer
// term: Acronym, Abbreviation or ShortForm.
func (t TermType) Abbreviated() bool {
	return t == Acronym || t == Abbreviation || t == ShortForm
}

// ParseTermType accepts TBX termType values (fullForm, acronym,
// abbreviation, shortForm, variant, phrase, appellation); "" is FullForm.
func ParseTermType(s string) (TermType, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	switch k {
	case "", "fullform", "full form", "full":
		return FullForm, nil
	case "acronym", "initialism":
		return Acronym, nil
	case "abbreviation", "abbreviatedform", "abbr":
		return Abbreviation, nil
	case "shortform", "short form", "short":
		return ShortForm, nil
	case "variant", "spellingvariant", "orthographicvariant":
		return Variant, nil
	case "phrase", "setphrase", "set phrase":
		return Phrase, nil
	case "appellation", "officialname", "official name":
		return Appellation, nil
	}
	return 0, fmt.Errorf("unknown term type %q", s)
}

// Term is one designation of a concept in one language.
type Term struct {
	Text   string
	Lang   language.Tag
	Status Status
	Type   TermType
	// CaseSensitive terms match only with the exact case of Text (acronyms
	// such as SHAPE, which is also an ordinary English word).
	CaseSensitive bool
	PartOfSpeech  string // "noun", "verb", ... as given; may be empty
	Note          string
	Source        string // where the term comes from
}

// Concept is one meaning with its terms in all languages.
type Concept struct {
	ID         string
	Subject    string // subject field, e.g. "organization"
	Definition string
	Note       string
	Source     string
	Terms      []Term
}

// TermsIn returns the terms of the concept in lang, matched on the base
// language (en-GB and en-US both match "en"), in their stored order.
func (c *Concept) TermsIn(lang language.Tag) []*Term {
	base, _ := lang.Base()
	var out []*Term
	for i := range c.Terms {
		if b, _ := c.Terms[i].Lang.Base(); b == base {
			out = append(out, &c.Terms[i])
		}
	}
	return out
}

// Preferred returns the first preferred term of the concept in lang, or the
// first admitted one when there is no preferred term.
func (c *Concept) Preferred(lang language.Tag) (*Term, bool) {
	var admitted *Term
	for _, t := range c.TermsIn(lang) {
		switch {
		case t.Status == Preferred:
			return t, true
		case t.Status == Admitted && admitted == nil:
			admitted = t
		}
	}
	return admitted, admitted != nil
}

// OfficialName returns the official name of the concept in lang: its first
// preferred Appellation in that language, or its first admitted one. ok is
// false when the concept has no appellation in lang, that is, when it does
// not name an individual body, law, document and so on.
func (c *Concept) OfficialName(lang language.Tag) (t *Term, ok bool) {
	var admitted *Term
	for _, x := range c.TermsIn(lang) {
		if x.Type != Appellation {
			continue
		}
		switch {
		case x.Status == Preferred:
			return x, true
		case x.Status == Admitted && admitted == nil:
			admitted = x
		}
	}
	return admitted, admitted != nil
}

// HasAppellation reports whether any term of the concept, in any
// language, is an Appellation: whether the concept is one individual
// thing with an official name.
func (c *Concept) HasAppellation() bool {
	for i := range c.Terms {
		if c.Terms[i].Type == Appellation {
			return true
		}
	}
	return false
}

// Glossary is a named set of concepts.
type Glossary struct {
	Name     string // file path or "nato" for the built-in glossary
	Concepts []Concept
}

// Languages returns the distinct languages that the glossary's terms use,
// in order of first appearance.
func (g *Glossary) Languages() []language.Tag {
	seen := map[language.Tag]bool{}
	var out []language.Tag
	for i := range g.Concepts {
		for _, t := range g.Concepts[i].Terms {
			if !seen[t.Lang] {
				seen[t.Lang] = true
				out = append(out, t.Lang)
			}
		}
	}
	return out
}
