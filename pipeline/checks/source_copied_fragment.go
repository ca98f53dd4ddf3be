package checks

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// SourceCopiedFragment finds fragments of the source left untranslated in
// the target, such as the "酝酿" of 美国酝酿退出北约 in the target "US
// is酝酿 Leaving NATO".
var SourceCopiedFragment = &pipeline.Check{
	Name: "source-copied-fragment",
	Doc: `source-copied-fragment finds text in a script that the target language is not written in which was copied from the source untranslated: the "酝酿" of the source 美国酝酿退出北约 left in the target "US is酝酿 Leaving NATO".

Fragments are found exactly as mixed-script finds them (the same scripts are foreign, Latin never is, Greek letters used as symbols are left alone, a fragment spans its foreign runs and the spaces and punctuation between them). A fragment that occurs verbatim in the segment's source is reported here, and mixed-script leaves it out; one that does not is mixed-script's. The finding spans the fragment; the message quotes the fragment where it stands in the source and notes a missing space where the fragment is glued to a Latin word. There is no automatic fix.

A target that untranslated-segment reports as a whole (a copy of the source, or mostly in the source's script) is not reported again here. Segments without a source are not checked.

Category accuracy/untranslated; severity major, one step more in a heading (up to critical), as in mixed-script.`,
	Category: pipeline.CategoryUntranslated,
	Severity: pipeline.Major,
	Run:      runSourceCopiedFragment,
}

func runSourceCopiedFragment(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		all := targetScriptRuns(p, d)
		whole := untranslatedTargets(p, d)
		var kinds []runKind
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if !seg.Bilingual() || whole[i].why != translated {
				continue
			}
			native := scriptsFor(seg.TargetLang)
			if native.IsEmpty() {
				continue
			}
			latin := native.Has(langid.Latin)
			runs := all.of(i)
			kinds = classifyRuns(seg.Target, runs, native, latin, kinds[:0])
			for k := 0; k < len(runs); k++ {
				if kinds[k] != runForeign {
					continue
				}
				last := fragmentEnd(runs, kinds, k)
				span := pipeline.Span{Start: runs[k].Start, End: runs[last].End}
				frag := seg.Target[span.Start:span.End]
				if at, copied := copiedFrom(seg.Source, frag); copied {
					p.Report(d, i, pipeline.Finding{
						Severity: raiseInHeading(p.Severity(), seg.Kind),
						Side:     pipeline.Target,
						Span:     span,
						Message: fmt.Sprintf("%s text “%s” copied untranslated from the source (“%s”)%s",
							fragmentScripts(runs, k, last), frag, sourceContext(seg.Source, at, at+len(frag), 12),
							gluedNote(seg.Target, runs, k, last, latin)),
					})
				}
				k = last
			}
		}
	}
	return nil
}

// sourceContext returns source[start:end] with up to n characters on each
// side, "…" marking where the source goes on, line breaks and inline codes
// shown as spaces.
func sourceContext(source string, start, end, n int) string {
	from := start
	for k := 0; k < n && from > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(source[:from])
		from -= size
	}
	to := end
	for k := 0; k < n && to < len(source); k++ {
		_, size := utf8.DecodeRuneInString(source[to:])
		to += size
	}
	out := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' || r == pipeline.CodeRune {
			return ' '
		}
		return r
	}, source[from:to])
	out = strings.TrimSpace(out)
	if from > 0 {
		out = "…" + out
	}
	if to < len(source) {
		out += "…"
	}
	return out
}
