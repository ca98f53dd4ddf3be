package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/pipeline"
)

// SpellingProfile finds words spelled in another variety of English than
// the configured spelling profile.
var SpellingProfile = &pipeline.Check{
	Name: "spelling-profile",
	Doc: `spelling-profile finds words that another variety of English spells differently from the configured spelling profile: "defense" in a text checked against the nato profile, "defence" against en-US, "organisation" against nato.

The profiles (configuration key spelling) are nato (British spelling with -ize, as in "North Atlantic Treaty Organization": defence, centre, programme, organization, analyse), en-GB (British spelling, -ise or -ize), en-US (American spelling) and off, the default, which checks nothing. The spellings come from the SCOWL word lists (see package glossary/spelling); words whose spelling depends on their meaning (program, meter, check) are never reported. Only targets in English (or in an undetermined language) are checked.

The fix replaces the word with the profile's spelling, in the word's case (DEFENSE becomes DEFENCE) and keeping a possessive ending outside the flagged span.

Names keep their own spelling, so a word is not reported:
  - inside a glossary term found in the target ("NATO Defense College" in a glossary; a deprecated term such as "collective defense" is reported by term-deprecated instead);
  - when it is capitalised and part of a capitalised name: the word right before it or right after it is capitalised, or a connector (of, for, and, on, the, de, du, des, la, le, von, van, der; up to two of them) joins it to a capitalised word: "U.S. Department of Defense", "National Defense Authorization Act", "Pearl Harbor", "World Trade Center", "Center for Strategic and International Studies". Words are adjacent when only spaces or one hyphen separate them, or the period of an initial ("U.S. Defense").
The first word of a sentence counts as a capitalised neighbour unless it is a word that is capitalised there only because it starts the sentence (the, a, its, in, for, and, some ...): "Pearl Harbor was attacked" keeps Harbor, "The Defense budget grew" reports Defense. A capitalised word with no capitalised neighbour is reported, at the start of a sentence ("Defense spending rose.") or not: a name of one word, such as Labor for the Australian Labor Party, is kept by adding it to a glossary. Headings in title case or in capitals report nothing.

Words in quotation marks are checked: in translated text, quotation marks mostly enclose quoted speech and scare quotes that the translator wrote, in the text's spelling ("unfavorable timing"); quoted titles and names are capitalised and kept by the name rule ("the “National Defense Authorization Act”").`,
	Category: pipeline.CategorySpelling,
	Severity: pipeline.Minor,
	Run:      runSpellingProfile,
}

func runSpellingProfile(p *pipeline.Pass) error {
	prof := p.Config.Spelling
	if prof == spelling.Off {
		return nil
	}
	english := lastTag[bool]{of: englishTarget}
	for d, doc := range p.Docs {
		var terms [][]glossary.Match // computed at the first flagged word of the document
		for i := range doc.Segments {
			s := &doc.Segments[i]
			if !english.get(s.TargetLang) {
				continue
			}
			text := s.Target
			for a, b := range prof.Flagged(text) { // the words of spelling.Words that prof.Lookup flags
				word := text[a:b]
				sug, ok := prof.Lookup(word)
				if !ok {
					continue
				}
				want := sug.Want
				// Flag the word without its possessive ending.
				for _, suf := range [...]string{"’s", "'s", "’S", "'S"} {
					if strings.HasSuffix(word, suf) && strings.HasSuffix(want, suf) {
						b -= len(suf)
						word, want = word[:len(word)-len(suf)], want[:len(want)-len(suf)]
						break
					}
				}
				span := pipeline.Span{Start: a, End: b}
				if !span.Valid(text) {
					continue // next to a stray byte of invalid UTF-8
				}
				if isUpperASCII(word[0]) && inCapitalisedName(text, a, b) {
					continue
				}
				if terms == nil {
					terms = targetTerms(p, d)
				}
				if inTerm(terms[i], span) {
					continue
				}
				p.Report(d, i, pipeline.Finding{
					Side:    pipeline.Target,
					Span:    span,
					Message: fmt.Sprintf("%s spelling “%s” in a text checked against the %s profile: write “%s”", sug.Variety, word, prof, want),
					Fixes:   []pipeline.Fix{pipeline.ReplaceFix(fmt.Sprintf("Replace with “%s”", want), span, want)},
				})
			}
		}
	}
	return nil
}

// englishTarget reports whether a target in tag is checked: English, or an
// undetermined language.
func englishTarget(tag language.Tag) bool {
	if tag == language.Und {
		return true
	}
	return factsOf(tag).base == "en"
}

// inTerm reports whether span overlaps one of the glossary matches, which
// are sorted by Start.
func inTerm(ms []glossary.Match, span pipeline.Span) bool {
	for _, m := range ms {
		if m.Start >= span.End {
			break
		}
		if span.Overlaps(pipeline.Span{Start: m.Start, End: m.End}) {
			return true
		}
	}
	return false
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// connectors may stand between the capitalised words of a name.
var connectors = map[string]bool{
	"of": true, "for": true, "and": true, "on": true, "the": true,
	"de": true, "du": true, "des": true, "la": true, "le": true,
	"von": true, "van": true, "der": true,
}

// sentenceOpeners are words that are capitalised at the start of a
// sentence only because they start it: such a word before a capitalised
// word does not make a name ("The Defense budget"), while another first
// word does ("Pearl Harbor was attacked").
var sentenceOpeners = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true,
	"its": true, "our": true, "their": true, "his": true, "her": true, "my": true, "your": true,
	"in": true, "on": true, "at": true, "for": true, "of": true, "by": true, "with": true,
	"from": true, "to": true, "as": true, "after": true, "before": true, "since": true,
	"during": true, "under": true, "over": true, "about": true, "against": true, "without": true,
	"and": true, "but": true, "or": true, "if": true, "when": true, "while": true, "although": true,
	"some": true, "many": true, "most": true, "all": true, "every": true, "each": true, "no": true,
	"more": true, "less": true, "such": true, "both": true, "any": true, "other": true,
}

// maxConnectors is how many connectors in a row may join two capitalised
// words ("Defense of the Realm").
const maxConnectors = 2

// inCapitalisedName reports whether the capitalised word text[a:b] is part
// of a capitalised name: see the check's documentation.
func inCapitalisedName(text string, a, b int) bool {
	// Right: a capitalised word, or connectors and then one.
	for n, end := 0, b; n <= maxConnectors; n++ {
		s, e, ok := nextAdjacent(text, end)
		if !ok {
			break
		}
		if capitalised(text[s:e]) {
			return true
		}
		if !connectors[text[s:e]] {
			break
		}
		end = e
	}
	// Left: a capitalised word that does not start a sentence, or
	// connectors and then any capitalised word.
	for n, start := 0, a; n <= maxConnectors; n++ {
		s, e, ok := prevAdjacent(text, start)
		if !ok {
			break
		}
		if w := text[s:e]; capitalised(w) && (n > 0 || !sentenceStart(text, s) || !sentenceOpeners[strings.ToLower(w)]) {
			return true
		}
		if !connectors[text[s:e]] {
			break
		}
		start = s
	}
	return false
}

// capitalised reports whether word starts with a capital letter.
func capitalised(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
}

// nextAdjacent returns the word that follows text[:end] when only spaces or
// one hyphen separate them.
func nextAdjacent(text string, end int) (s, e int, ok bool) {
	i := end
	hyphens := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '-' {
			hyphens++
		} else if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i == end || hyphens > 1 || i >= len(text) {
		return 0, 0, false
	}
	s, e = nextWordSpan(text, i)
	return s, e, s == i
}

// prevAdjacent returns the word that precedes text[start:] when only
// spaces, one hyphen, or the period of an initial ("U.S. Defense")
// separate them.
func prevAdjacent(text string, start int) (s, e int, ok bool) {
	i := start
	hyphens, periods := 0, 0
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == '-':
			hyphens++
		case r == '.':
			periods++
		case !unicode.IsSpace(r):
			goto done
		}
		i -= n
	}
done:
	if i == start || i == 0 || hyphens > 1 || periods > 1 || hyphens+periods > 1 {
		return 0, 0, false
	}
	s, e = prevWordSpan(text, i)
	if e != i {
		return 0, 0, false
	}
	if periods == 1 && !initial(text, s, e) {
		return 0, 0, false // the end of a sentence
	}
	return s, e, true
}

// initial reports whether text[s:e] is a single capital letter written
// with a period: the last letter of an initialism such as "U.S.".
func initial(text string, s, e int) bool {
	return e-s == 1 && isUpperASCII(text[s]) && e < len(text) && text[e] == '.'
}

// sentenceStart reports whether the word at s starts a sentence: only
// opening quotes or brackets stand between it and the start of the text
// or a sentence's closing punctuation (. ! ? :), and that period does not
// end an initial ("U.S.").
func sentenceStart(text string, s int) bool {
	i := s
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) && !strings.ContainsRune("\"'“‘«([", r) {
			break
		}
		i -= n
	}
	if i == 0 {
		return true
	}
	switch text[i-1] {
	case '!', '?', ':':
		return true
	case '.':
		ws, we := prevWordSpan(text, i-1)
		return !(we == i-1 && initial(text, ws, we))
	}
	return false
}

// nextWordSpan returns the span of the first word at or after i, or -1.
func nextWordSpan(text string, i int) (int, int) {
	for s, e := range spelling.Words(text[i:]) {
		return i + s, i + e
	}
	return -1, -1
}

// prevWordSpan returns the span of the word that ends at i, or of the last
// word before it; -1 when there is none.
func prevWordSpan(text string, i int) (int, int) {
	// Walk back over word characters to the start of the word that ends at
	// or before i, then let Words find its exact extent.
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsSpace(r) {
			break
		}
		j -= n
	}
	s, e := -1, -1
	for ws, we := range spelling.Words(text[j:i]) {
		s, e = j+ws, j+we
	}
	return s, e
}
