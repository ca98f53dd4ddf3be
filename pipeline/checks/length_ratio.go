package checks

import (
	"fmt"
	"math"
	"strings"

	"github.com/tqa-project/tqa/pipeline"
)

// LengthRatio finds targets much shorter or longer than their source
// predicts: a sentence left out, or text added.
var LengthRatio = &pipeline.Check{
	Name: "length-ratio",
	Doc: `length-ratio finds targets much shorter or much longer than their source predicts for the language pair: a clause or sentence left out, or text added that the source does not have.

Lengths are counted in letters and digits, each Chinese, Japanese or Korean character counting as 3.27 letters (the English letters per Chinese character measured on Chinese–English translations); spaces, punctuation and inline codes do not count. A model fitted on 33,000 human Chinese–English translations (Tatoeba and the WMT20 news test set) gives, for a source of a given length, the expected length of the target and how much it varies: far more for short segments than for long ones. A document is measured against its own style: the other segments of the same document tell whether its translations run long or short (conversational English is shorter per Chinese character than news English), so a long document is judged against its own level and a single segment against the spread of all documents.

A target is reported when its length lies 4 standard deviations or more from the expectation: too short as an omission (category accuracy/omission), too long as an addition (accuracy/addition). The message gives both lengths and the usual range (2 standard deviations either side). Severity minor; 6 standard deviations or more is one step more severe (major by default). Measured on human translations, it reports 0.06% of the Tatoeba pairs (short idiomatic sentences such as "Humor me." for 你就随了我的意吧。) and 0.13% of the WMT20 news translations (each news document measured against its own level), several of them real omissions or text written twice.

length-outlier shares this model and judges each segment against all documents instead of its own: it reports a segment only where length-ratio does not, when the document's level hides how far the segment lies from professional translations (a document whose every segment the engine cut short), so that one problem gives one finding.

Only language pairs with a fitted model are checked: Chinese to English and English to Chinese (an undetermined language is taken from the script of its text: Han is Chinese, Latin English). Other pairs are not checked, since no data of ours says how their lengths relate. Segments without a source, with an empty target (empty-target reports those), or whose target has no letter or digit are not checked.`,
	Category: pipeline.CategoryOmission,
	Severity: pipeline.Minor,
	Run:      runLengthRatio,
}

// zReport and zExtreme are the thresholds of length-ratio, in standard
// deviations of the length model: a target this far from the expectation
// is reported, and one zExtreme away is one step more severe. They were
// chosen on the Tatoeba and WMT20 human translations (see
// TestBilingualFalsePositives) to report well under one pair in a
// thousand there.
const (
	zReport  = 4
	zExtreme = 6
)

func runLengthRatio(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		ls := documentLengths(p, d)
		for i := range doc.Segments {
			if z := ls.z[i]; !z.OK || !lengthRatioReports(z) {
				continue
			}
			sc := ls.score(i)
			seg := &doc.Segments[i]
			sev := p.Severity()
			if math.Abs(sc.Z) >= zExtreme && sev >= pipeline.Minor && sev < pipeline.Critical {
				sev++
			}
			f := pipeline.Finding{
				Severity: sev,
				Side:     pipeline.Target,
				Span:     segTrimmedSpan(seg.Target),
			}
			lo, hi := sc.zAt(-2), sc.zAt(2)
			usual := fmt.Sprintf("%s usually give %s (about %s)", describeCount(sc.Source), describeUnits(lo, hi, sc.Target), describeUnits(sc.Expected, sc.Expected, sc.Target))
			if sc.Z < 0 {
				f.Category = pipeline.CategoryOmission
				f.Message = fmt.Sprintf("target far shorter than its source: %s where %s; part of the source may be left out", describeCount(sc.Target), usual)
			} else {
				f.Category = pipeline.CategoryAddition
				f.Message = fmt.Sprintf("target far longer than its source: %s where %s; it may add text that the source does not have", describeCount(sc.Target), usual)
			}
			p.Report(d, i, f)
		}
	}
	return nil
}

// lengthRatioReports reports whether length-ratio reports a segment of
// score z; length-outlier leaves such segments to it.
func lengthRatioReports(z lengthZ) bool { return math.Abs(z.Z) >= zReport }

// describeCount says what a side holds: "60 Chinese characters, 3 letters
// and 4 digits".
func describeCount(c lengthCount) string {
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(int(c.CJK), "Chinese character", "Chinese characters")
	add(int(c.Letters), "letter", "letters")
	add(int(c.Digits), "digit", "digits")
	switch len(parts) {
	case 0:
		return "no letters"
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// describeUnits says how long a target of lo to hi units is, in the kind
// of character that like mostly holds: Chinese characters, or letters.
func describeUnits(lo, hi float64, like lengthCount) string {
	unit := "letters"
	if like.Digits > 0 {
		unit = "letters and digits"
	}
	if cjkWeight*float64(like.CJK) > float64(int(like.Letters)+int(like.Digits)) {
		lo, hi, unit = lo/cjkWeight, hi/cjkWeight, "Chinese characters"
	}
	a, b := int(math.Round(lo)), int(math.Round(hi))
	if a == b {
		return fmt.Sprintf("%d %s", a, unit)
	}
	return fmt.Sprintf("%d to %d %s", a, b, unit)
}
