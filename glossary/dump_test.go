package glossary

import (
	"fmt"
	"strings"
)

// dump renders a glossary as text for golden files: every field of every
// concept and term, with the lines the loader recorded, then the problems
// that Validate reports.
func dump(g *Glossary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "glossary %s\n", g.Name)
	for ci := range g.Concepts {
		c := &g.Concepts[ci]
		cl, _ := lines(g, ci, -1)
		fmt.Fprintf(&b, "concept %q line %d\n", c.ID, cl)
		for _, f := range []struct{ k, v string }{{"subject", c.Subject}, {"definition", c.Definition}, {"note", c.Note}, {"source", c.Source}} {
			if f.v != "" {
				fmt.Fprintf(&b, "  %s: %s\n", f.k, f.v)
			}
		}
		for ti := range c.Terms {
			t := &c.Terms[ti]
			_, tl := lines(g, ci, ti)
			cs := "case-insensitive"
			if t.CaseSensitive {
				cs = "case-sensitive"
			}
			fmt.Fprintf(&b, "  term %s %q %s %s %s line %d\n", t.Lang, t.Text, t.Status, t.Type, cs, tl)
			for _, f := range []struct{ k, v string }{{"pos", t.PartOfSpeech}, {"note", t.Note}, {"source", t.Source}} {
				if f.v != "" {
					fmt.Fprintf(&b, "    %s: %s\n", f.k, f.v)
				}
			}
		}
	}
	for _, err := range g.Validate() {
		fmt.Fprintf(&b, "problem: %v\n", err)
	}
	return b.String()
}
