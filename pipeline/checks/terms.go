package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
	"golang.org/x/text/language"
)

// termsKey is the memo key of sideTerms: one entry per side.
type termsKey struct{ side pipeline.Side }

// targetTerms returns the glossary matches in the target of every segment
// of document d, computed once per run and shared by the term checks.
func targetTerms(p *pipeline.Pass, d int) [][]glossary.Match {
	return sideTerms(p, d, pipeline.Target)
}

// sourceTerms returns the glossary matches in the source of every segment
// of document d (none for monolingual segments), shared by the bilingual
// term checks.
func sourceTerms(p *pipeline.Pass, d int) [][]glossary.Match {
	return sideTerms(p, d, pipeline.Source)
}

func sideTerms(p *pipeline.Pass, d int, side pipeline.Side) [][]glossary.Match {
	return p.Memo(d, termsKey{side}, func() any {
		doc := p.Docs[d]
		out := make([][]glossary.Match, len(doc.Segments))
		if len(p.Config.Glossaries) == 0 {
			return out
		}
		// The matches of all segments share arrays: each segment's are a
		// piece of one, capped so that appending to it copies. A new
		// array is started, without copying, when the current one is
		// nearly full.
		var all []glossary.Match
		var m *glossary.Matcher
		var mLang language.Tag
		for i := range doc.Segments {
			s := &doc.Segments[i]
			text := s.Text(side)
			if text == "" {
				continue
			}
			if lang := s.Lang(side); m == nil || lang != mLang {
				m, mLang = p.Config.Matcher(lang), lang
			}
			if c := cap(all); c-len(all) < 16 && len(all) > 0 {
				all = make([]glossary.Match, 0, min(max(2*c, 64), 4096))
			}
			n := len(all)
			all = m.AppendFind(all, text)
			if len(all) > n {
				out[i] = all[n:len(all):len(all)]
			}
		}
		return out
	}).([][]glossary.Match)
}

// glossaryName names a glossary in messages.
func glossaryName(g *glossary.Glossary) string {
	if g == nil {
		return "glossary"
	}
	if g.Name == "nato" {
		return "NATO glossary"
	}
	return "glossary " + g.Name
}

// replacementFor adapts term, the form to write instead of matched, to the
// way matched was written: an inflection the glossary term does not have
// (plural or possessive ending) is carried over, and a capital at the start
// of matched is kept when term starts in lower case.
func replacementFor(matched string, found, term *glossary.Term) string {
	out := term.Text
	if suffix, ok := inflection(matched, found.Text); ok {
		out += suffix
	}
	r, _ := utf8.DecodeRuneInString(matched)
	t, n := utf8.DecodeRuneInString(out)
	if unicode.IsUpper(r) && unicode.IsLower(t) && !found.CaseSensitive {
		out = string(unicode.ToUpper(t)) + out[n:]
	}
	return out
}

// inflection returns the ending that matched has beyond base, when it is one
// that can be carried over to another term: a possessive or a plural "s".
func inflection(matched, base string) (string, bool) {
	if len(matched) <= len(base) {
		return "", false
	}
	for _, suf := range []string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(matched, suf) {
			return suf, true
		}
	}
	return "", false
}
