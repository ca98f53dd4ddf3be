package glossary

import (
	"bufio"
	"encoding/xml"
	"io"
	"strings"
)

// tbxStatus are the TBX administrativeStatus values of the statuses.
var tbxStatus = [...]string{
	Preferred:  "preferredTerm-admn-sts",
	Admitted:   "admittedTerm-admn-sts",
	Deprecated: "deprecatedTerm-admn-sts",
	Superseded: "supersededTerm-admn-sts",
}

// WriteTBX writes g as TBX-Basic (TBX v2: martif, termEntry, langSet,
// tig), which ParseTBX reads back to the same glossary. Each concept's
// subject field, definition, source and note are written on its
// termEntry; a term's case sensitivity is written (as x-caseSensitive)
// only when it differs from the default, and its termType only when it is
// not fullForm. Consecutive terms of one language share a langSet.
func WriteTBX(w io.Writer, g *Glossary) error {
	bw := bufio.NewWriter(w)
	lang := "en"
	if ls := g.Languages(); len(ls) > 0 {
		lang = ls[0].String()
	}
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<martif type="TBX-Basic" xml:lang="` + esc(lang) + `">` + "\n")
	bw.WriteString("  <martifHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>" + esc(g.Name) + "</p>\n      </sourceDesc>\n    </fileDesc>\n  </martifHeader>\n")
	bw.WriteString("  <text>\n    <body>\n")
	for ci := range g.Concepts {
		c := &g.Concepts[ci]
		bw.WriteString("      <termEntry")
		if c.ID != "" {
			bw.WriteString(` id="` + esc(c.ID) + `"`)
		}
		bw.WriteString(">\n")
		elem(bw, 8, "descrip", "subjectField", c.Subject)
		elem(bw, 8, "descrip", "definition", c.Definition)
		elem(bw, 8, "admin", "source", c.Source)
		elem(bw, 8, "note", "", c.Note)
		for ti := 0; ti < len(c.Terms); {
			l := c.Terms[ti].Lang
			bw.WriteString(`        <langSet xml:lang="` + esc(l.String()) + `">` + "\n")
			for ; ti < len(c.Terms) && c.Terms[ti].Lang == l; ti++ {
				writeTig(bw, &c.Terms[ti])
			}
			bw.WriteString("        </langSet>\n")
		}
		bw.WriteString("      </termEntry>\n")
	}
	bw.WriteString("    </body>\n  </text>\n</martif>\n")
	return bw.Flush()
}

func writeTig(bw *bufio.Writer, t *Term) {
	bw.WriteString("          <tig>\n")
	bw.WriteString("            <term>" + esc(t.Text) + "</term>\n")
	if int(t.Status) < len(tbxStatus) {
		elem(bw, 12, "termNote", "administrativeStatus", tbxStatus[t.Status])
	}
	if t.Type != FullForm {
		elem(bw, 12, "termNote", "termType", t.Type.String())
	}
	elem(bw, 12, "termNote", "partOfSpeech", t.PartOfSpeech)
	if t.CaseSensitive != defaultCaseSensitive(t.Text, t.Type) {
		v := "no"
		if t.CaseSensitive {
			v = "yes"
		}
		elem(bw, 12, "termNote", "x-caseSensitive", v)
	}
	elem(bw, 12, "admin", "source", t.Source)
	elem(bw, 12, "note", "", t.Note)
	bw.WriteString("          </tig>\n")
}

// elem writes <name type="typ">text</name> on a line of its own, indented
// by indent spaces, unless text is empty.
func elem(bw *bufio.Writer, indent int, name, typ, text string) {
	if text == "" {
		return
	}
	bw.WriteString(strings.Repeat(" ", indent) + "<" + name)
	if typ != "" {
		bw.WriteString(` type="` + typ + `"`)
	}
	bw.WriteString(">" + esc(text) + "</" + name + ">\n")
}

// esc escapes s for XML text and attribute values.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
