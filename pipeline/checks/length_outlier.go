package checks

import (
	"fmt"

	"github.com/tqa-project/tqa/pipeline"
)

// LengthOutlier finds targets whose length no professional translation of
// the source would have, where their document's level hides it from
// length-ratio: outputs cut off or padded throughout a document.
var LengthOutlier = &pipeline.Check{
	Name: "length-outlier",
	Doc: `length-outlier finds targets far shorter or far longer than professional translations of their source are, in documents whose own level hides it: an engine that cut every long segment of a document short, or padded them all.

It shares length-ratio's model (the same letter units, expectation and spread for the language pair) but judges each segment against the whole population of translations instead of its own document: its z-score Z0 is the distance of the target's length from the expected one in standard deviations of all documents together, the spread of document levels included. The bounds are fitted on the professional human translations of the WMT20 Chinese–English news test set (systems Human-A.0 and Human-B.0 of the MQM data, 3,997 pairs): twice the z-score that only one of those translations in a thousand reaches on each side. From Chinese into English a target is reported at Z0 of -4.24 or less (for a source of 60 Chinese characters, about a third of the expected length or less) and of +6.71 or more; from English into Chinese at -9.34 and +6.56.

The division with length-ratio: length-ratio measures each segment against its own document's level, which a document of translations that are all too short or too long drags along with them; length-outlier measures against professional translations in general. A segment that length-ratio reports is left to it, whatever its Z0, so that one problem gives one finding; length-outlier reports the rest of the segments beyond its bounds. A single segment, or a document of normal translations, is therefore length-ratio's alone. Too short is an omission (category accuracy/omission), too long an addition (accuracy/addition). Severity major. The finding spans the whole target and has no automatic fix. The language pairs, and the segments measured, are length-ratio's.`,

	Category: pipeline.CategoryOmission,
	Severity: pipeline.Major,
	Run:      runLengthOutlier,
}

func runLengthOutlier(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		ls := documentLengths(p, d)
		for i := range doc.Segments {
			if z := ls.z[i]; !z.OK || !z.Outlier || lengthRatioReports(z) {
				continue // within professional lengths, or length-ratio's
			}
			sc := ls.score(i)
			seg := &doc.Segments[i]
			f := pipeline.Finding{Side: pipeline.Target, Span: segTrimmedSpan(seg.Target)}
			ratio := sc.T() / sc.Expected0()
			if sc.Z0 < 0 {
				f.Category = pipeline.CategoryOmission
				f.Message = fmt.Sprintf("target about %s the length a translation of its source has: %s where %s usually give %s; the output may stop early or leave most of the source out",
					fractionWords(ratio), describeCount(sc.Target), describeCount(sc.Source), describeUnits(sc.Expected0(), sc.Expected0(), sc.Target))
			} else {
				f.Category = pipeline.CategoryAddition
				f.Message = fmt.Sprintf("target about %s the length a translation of its source has: %s where %s usually give %s; the output may add text the source does not have",
					fractionWords(ratio), describeCount(sc.Target), describeCount(sc.Source), describeUnits(sc.Expected0(), sc.Expected0(), sc.Target))
			}
			p.Report(d, i, f)
		}
	}
	return nil
}

// fractionWords says how a ratio compares with 1: "a third of", "4 times".
func fractionWords(r float64) string {
	switch {
	case r >= 1.5:
		return fmt.Sprintf("%.0f times", r)
	case r >= 0.9:
		return "the same as"
	case r >= 0.45:
		return "half"
	case r >= 0.3:
		return "a third of"
	case r >= 0.22:
		return "a quarter of"
	}
	return fmt.Sprintf("1/%.0f of", 1/r)
}
