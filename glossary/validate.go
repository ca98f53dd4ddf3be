package glossary

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Validate returns the problems that the glossary's author must fix, in
// the order of the concepts:
//
//   - a term with no text (no letters after normalisation);
//   - a term with no known language (language.Und, or a private-use tag
//     such as x-foo; the loaders already reject tags they cannot read);
//   - the same term text twice in one concept and language;
//   - a concept with terms in a language but no preferred or admitted one
//     there (only deprecated or superseded terms);
//   - the same term text preferred in two concepts of one language (texts
//     differing only in case do not collide when both terms are
//     case-sensitive).
//
// Each error names the glossary, the concept (its id, or #n for the n-th
// concept when it has none) and, for a loaded glossary, the line.
func (g *Glossary) Validate() []error {
	var errs []error
	type preferredAt struct {
		ci    int
		exact string
		cs    bool
	}
	preferred := map[string][]preferredAt{} // base language + folded key
	for ci := range g.Concepts {
		c := &g.Concepts[ci]
		problem := func(ti int, format string, args ...any) {
			cl, tl := lines(g, ci, ti)
			line := cl
			if tl > 0 {
				line = tl
			}
			where := g.Name
			if line > 0 {
				where = fmt.Sprintf("%s: line %d", g.Name, line)
			}
			errs = append(errs, fmt.Errorf("glossary: %s: concept %s: %s", where, g.conceptName(ci), fmt.Sprintf(format, args...)))
		}
		seen := map[string]bool{}       // language + exact key
		allowed := map[string]bool{}    // base language → has an allowed term
		var langs []string              // base languages in order
		others := map[string][]string{} // base language → its disallowed terms
		for ti := range c.Terms {
			t := &c.Terms[ti]
			folded := keyOf(t.Text, true)
			if folded == "" {
				problem(ti, "empty term in %s", t.Lang)
				continue
			}
			base, conf := t.Lang.Base()
			if t.Lang == language.Und || conf == language.No {
				problem(ti, "term %q has no known language (%s)", t.Text, t.Lang)
				continue
			}
			exact := keyOf(t.Text, false)
			if k := t.Lang.String() + "\x00" + exact; seen[k] {
				problem(ti, "term %q (%s) is given twice", t.Text, t.Lang)
			} else {
				seen[k] = true
			}
			b := base.String()
			if _, ok := allowed[b]; !ok {
				langs = append(langs, b)
				allowed[b] = false
			}
			if t.Status.Allowed() {
				allowed[b] = true
			} else {
				others[b] = append(others[b], fmt.Sprintf("%s %q", t.Status, t.Text))
			}
			if t.Status != Preferred {
				continue
			}
			k := b + "\x00" + folded
			for _, p := range preferred[k] {
				if p.ci != ci && (p.exact == exact || !(p.cs && t.CaseSensitive)) {
					line, _ := lines(g, p.ci, -1)
					at := ""
					if line > 0 {
						at = fmt.Sprintf(" (line %d)", line)
					}
					problem(ti, "term %q (%s) is also preferred in concept %s%s", t.Text, t.Lang, g.conceptName(p.ci), at)
					break
				}
			}
			preferred[k] = append(preferred[k], preferredAt{ci: ci, exact: exact, cs: t.CaseSensitive})
		}
		for _, b := range langs {
			if !allowed[b] {
				problem(-1, "no preferred or admitted term in %s (only %s)", b, strings.Join(others[b], ", "))
			}
		}
	}
	return errs
}

// conceptName is the id of concept ci, quoted, or #n when it has none.
func (g *Glossary) conceptName(ci int) string {
	if id := g.Concepts[ci].ID; id != "" {
		return fmt.Sprintf("%q", id)
	}
	return fmt.Sprintf("#%d", ci+1)
}
