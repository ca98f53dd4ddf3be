package checks

import (
	"fmt"
	"strings"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
)

// TermDeprecated finds deprecated and superseded glossary terms in targets.
var TermDeprecated = &pipeline.Check{
	Name: "term-deprecated",
	Doc: `Finds deprecated and superseded glossary terms in the target.

A term whose glossary status is deprecated ("Article V" for "Article 5")
is reported at the check's severity, major by default; a superseded one
(a name that was once right, such as "Turkey" for "Türkiye") one step
lower. The fix replaces the term with the concept's preferred term in the
target language, keeping a possessive ending and a capital at the start.
The message quotes the glossary's note on the term when it has one.`,
	Category: pipeline.CategoryTermWrong,
	Severity: pipeline.Major,
	Run:      runTermDeprecated,
}

func runTermDeprecated(p *pipeline.Pass) error {
	sev := p.Severity()
	for d, doc := range p.Docs {
		terms := targetTerms(p, d)
		for i := range doc.Segments {
			s := &doc.Segments[i]
			for _, m := range terms[i] {
				if m.Term.Status.Allowed() {
					continue
				}
				f := pipeline.Finding{Side: pipeline.Target, Span: pipeline.Span{Start: m.Start, End: m.End}, Severity: sev}
				if m.Term.Status == glossary.Superseded && sev > pipeline.Minor {
					f.Severity = sev - 1
				}
				matched := s.Target[m.Start:m.End]
				var b strings.Builder
				fmt.Fprintf(&b, "%s term “%s”", m.Term.Status, matched)
				if pref, ok := m.Concept.Preferred(s.TargetLang); ok {
					repl := replacementFor(matched, m.Term, pref)
					fmt.Fprintf(&b, ": the %s has “%s”", glossaryName(m.Glossary), pref.Text)
					f.Fixes = append(f.Fixes, pipeline.ReplaceFix(fmt.Sprintf("Replace with “%s”", repl), f.Span, repl))
				} else {
					fmt.Fprintf(&b, " (%s, concept %s)", glossaryName(m.Glossary), m.Concept.ID)
				}
				if note := strings.TrimSpace(m.Term.Note); note != "" {
					fmt.Fprintf(&b, " (%s)", strings.TrimSuffix(note, "."))
				}
				f.Message = b.String()
				p.Report(d, i, f)
			}
		}
	}
	return nil
}
