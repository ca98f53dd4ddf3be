package checks

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/numerals"
)

// Numbers finds numbers that differ between a segment's source and its
// target.
var Numbers = &pipeline.Check{
	Name: "numbers",
	Doc: `numbers finds numbers whose value differs between the source and the target of a segment: a number changed ("两百" translated "300"), missing from the target or added to it, and numbers written with another language's separators ("1.000" for a thousand in an English target).

The numbers of each side are read with their values by package pipeline/numerals: digits with the separators of the side's language, Chinese numerals ("两百", "三千五百", "1.5万", "百分之五十", "第一"), spelled-out English ("two hundred", "third"), dates ("2025年12月", "December 2025"), times ("七点四十五分", "quarter to eight"), ranges, fractions and percentages. The two sides compare by value, so that a translator's choices pass: "1.5万" and "15,000" or "15 thousand", "3亿" and "300 million", "百分之五十" and "50%", "三成" and "nearly a third", "第五条" and "Article 5" or "Article V", "两百" and "two hundred", "2025年12月" and "Dec. 2025", "七点" and "7 p.m." (hours compare on a 12-hour clock), "零下3度" and "-3 degrees" (signs are not compared), "80斤" and "40 kilograms", "半小时" and "30 minutes" (units of length, mass, area, volume and time convert, within 3%). Dates, times and ranges compare field by field.

A number changed is reported on the target (category accuracy/mistranslation), with a fix that writes the source's value as the target writes it: digits with the target's separators and decimals, words, a month name, an ordinal suffix, the scale word kept ("500 million" for "5亿" read as "5 million"). A target number outside a source approximation ("900" for "800多", 800 to 899) is reported without a fix. What is left unpaired is reported as missing from the target, on the source's number (accuracy/omission), or as added, on the target's (accuracy/addition). A number whose digits read as the source's value with another language's separators is reported as locale/number-format, minor, with a fix.

Only clear evidence is reported. Never reported on its own: the number one, which Chinese writes where English has an article ("一个人" a person), and zero; a two that languages add and drop freely ("两国" bilateral, "两人" they, "the two sides" for "双方"), though "两个孩子" dropped is reported; weak numbers: a lone "one", "first" or "second", a Chinese numeral with no measure word after it ("五和三"), words that imply a number ("twice", "both", "a dozen", "a decade", "俩", "双"), numerals in idioms ("a stitch in time saves nine"), approximations ("十几", "两三天", "hundreds", "the 1990s"), labels and codes ("G7", "F-35"), Roman numerals. A leftover number is not reported either when the other side may hold it in another form: a part of a date whose other parts match (translators complete and trim dates: "27日" and "September 27, 2019"), a year given as "this year" or "今年", a date given as "today", "上月" or a weekday, the count of a list the other side spells out ("中、英、法等8个语种"), a number in parentheses (a gloss) or after a capitalised word (a name: "Expo 2020"), a list marker ("1)"), and any number when the other side has weak numbers or numeral words of its own left over. A number said twice on one side and once on the other is not reported. Only English number words and Chinese numerals are read: for other languages, numbers up to a hundred are not reported missing or added, since they may be spelled out. Full-width digits in a Latin-script target are left to cjk-punctuation.`,
	Category: pipeline.CategoryMistranslation,
	Severity: pipeline.Major,
	Run:      runNumbers,
}

// numAtom is one value to compare: a number, or one field of a date, a
// time or a range.
type numAtom struct {
	n       numerals.Number // the number or field
	whole   numerals.Number // the number it belongs to
	weak    bool
	matched bool
}

// numScratch holds the atoms of one segment's numbers and the lists made
// of them, in buffers that runNumbers reuses from segment to segment: the
// findings keep no pointer to them.
type numScratch struct {
	atoms          []numAtom
	ptrs           []*numAtom
	missing, added []*numAtom
}

// reset empties the buffers for the next segment.
func (sc *numScratch) reset() {
	sc.atoms, sc.ptrs = sc.atoms[:0], sc.ptrs[:0]
}

// atomsOf splits numbers into the values to compare. The atoms are kept
// in sc's buffers, and stay valid until sc.reset.
func (sc *numScratch) atomsOf(ns []numerals.Number) []*numAtom {
	count := 0
	for _, n := range ns {
		count += max(len(n.Parts), 1)
	}
	if count == 0 {
		return nil
	}
	if cap(sc.atoms)-len(sc.atoms) < count {
		// A new array: the atoms already handed out keep the old one.
		sc.atoms = make([]numAtom, 0, max(count, 2*cap(sc.atoms)))
	}
	if cap(sc.ptrs)-len(sc.ptrs) < count {
		sc.ptrs = make([]*numAtom, 0, max(count, 2*cap(sc.ptrs)))
	}
	start := len(sc.ptrs)
	add := func(a numAtom) {
		sc.atoms = append(sc.atoms, a) // within capacity: earlier pointers stay valid
		sc.ptrs = append(sc.ptrs, &sc.atoms[len(sc.atoms)-1])
	}
	for _, n := range ns {
		if len(n.Parts) == 0 {
			add(numAtom{n: n, whole: n, weak: n.Weak})
			continue
		}
		for _, p := range n.Parts {
			add(numAtom{n: p, whole: n, weak: n.Weak || p.Weak && n.Kind != numerals.Range})
		}
	}
	return sc.ptrs[start:len(sc.ptrs):len(sc.ptrs)]
}

// wordsRead reports whether package numerals reads the number words of
// lang (English words, Chinese numerals).
func wordsRead(lang language.Tag) bool {
	switch factsOf(lang).base {
	case "en", "zh", "und":
		return true
	}
	return false
}

func runNumbers(p *pipeline.Pass) error {
	var sc numScratch
	// The numbers of both sides of a segment, read into one array that
	// serves every segment: the findings keep no pointer to them, and no
	// other check needs them, so that they cost no fresh memory.
	var nums []numerals.Number
	for d, doc := range p.Docs {
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if !seg.Bilingual() || strings.TrimSpace(seg.Target) == "" {
				continue
			}
			nums = numerals.AppendExtract(nums[:0], seg.Source, seg.SourceLang)
			k := len(nums)
			nums = numerals.AppendExtract(nums, seg.Target, seg.TargetLang)
			src, tgt := nums[:k:k], nums[k:]
			sc.reset()
			for _, f := range numberFindingsWith(seg, src, tgt, &sc) {
				p.Report(d, i, f)
			}
		}
	}
	return nil
}

// numberFindings compares the numbers of one segment's two sides.
func numberFindings(seg *pipeline.Segment) []pipeline.Finding {
	return numberFindingsOf(seg, numerals.Extract(seg.Source, seg.SourceLang), numerals.Extract(seg.Target, seg.TargetLang))
}

// numberFindingsOf is numberFindings with the numbers of both sides read
// already. It does not modify them.
func numberFindingsOf(seg *pipeline.Segment, srcNums, tgtNums []numerals.Number) []pipeline.Finding {
	return numberFindingsWith(seg, srcNums, tgtNums, &numScratch{})
}

// numberFindingsWith is numberFindingsOf with the atoms in sc's buffers,
// which it leaves for the caller to reset.
func numberFindingsWith(seg *pipeline.Segment, srcNums, tgtNums []numerals.Number, sc *numScratch) []pipeline.Finding {
	if len(srcNums) == 0 && len(tgtNums) == 0 {
		return nil
	}
	src, tgt := sc.atomsOf(srcNums), sc.atomsOf(tgtNums)
	matchAtoms(src, tgt)
	out := formatFindings(seg, src, tgt)

	srcWords, tgtWords := wordsRead(seg.SourceLang), wordsRead(seg.TargetLang)
	missing, added := sc.missing[:0], sc.added[:0]
	defer func() { sc.missing, sc.added = missing[:0], added[:0] }()
	for _, a := range src {
		if pairable(a, tgtWords) {
			missing = append(missing, a)
		}
	}
	for _, a := range tgt {
		if pairable(a, srcWords) {
			added = append(added, a)
		}
	}
	// What is left on both sides pairs up as numbers changed: each target
	// number, in text order, with the likeliest source number; one of the
	// two must be a number for sure. Numbers whose value the other side
	// has elsewhere (said twice on one side) pair last.
	for _, late := range []bool{false, true} {
		for _, t := range added {
			if t.matched || t.n.Kind == numerals.Approximate || !late && hasValue(src, t) {
				continue
			}
			var best *numAtom
			bestScore := -1.0
			for _, s := range missing {
				if s.matched || s.weak && t.weak || afterEtc(seg.Source, s.n.Start) || !late && hasValue(tgt, s) {
					continue
				}
				if s.n.Kind == numerals.Approximate && (t.weak || t.n.Kind == numerals.Approximate || family(t.n.Kind) != 0 || roughlyIn(s.n, t.n.Value)) {
					continue
				}
				if sc := pairScore(s, t); sc > bestScore {
					best, bestScore = s, sc
				}
			}
			if best != nil {
				best.matched, t.matched = true, true
				out = append(out, changedFinding(seg, best, t))
			}
		}
	}
	// Whether a side has numerals left unread, worked out for the first
	// number that needs it: most segments have none left to report.
	srcUnread, tgtUnread := unreadMemo{text: seg.Source, ns: srcNums}, unreadMemo{text: seg.Target, ns: tgtNums}
	for _, s := range missing {
		if !reportable(s, tgt) || explained(s, src, seg.Source, seg.Target, tgt, tgtUnread.get()) {
			continue
		}
		out = append(out, pipeline.Finding{
			Side:     pipeline.Source,
			Span:     pipeline.Span{Start: s.n.Start, End: s.n.End},
			Category: pipeline.CategoryOmission,
			Message:  fmt.Sprintf("%s “%s”%s of the source is missing from the target", noun(s.n), seg.Source[s.n.Start:s.n.End], valueNote(s, seg.Source)),
		})
	}
	for _, t := range added {
		if !reportable(t, src) || explained(t, tgt, seg.Target, seg.Source, src, srcUnread.get()) {
			continue
		}
		out = append(out, pipeline.Finding{
			Side:     pipeline.Target,
			Span:     pipeline.Span{Start: t.n.Start, End: t.n.End},
			Category: pipeline.CategoryAddition,
			Message:  fmt.Sprintf("%s “%s” in the target has no counterpart in the source", noun(t.n), seg.Target[t.n.Start:t.n.End]),
		})
	}
	return out
}

// unreadMemo is unreadNumerals of a side, worked out when first asked.
type unreadMemo struct {
	text         string
	ns           []numerals.Number
	known, found bool
}

func (u *unreadMemo) get() bool {
	if !u.known {
		u.known, u.found = true, unreadNumerals(u.text, u.ns)
	}
	return u.found
}

// noun names what an atom is, for messages.
func noun(n numerals.Number) string {
	switch n.Kind {
	case numerals.Year, numerals.YearPart:
		return "year"
	case numerals.MonthPart:
		return "month"
	case numerals.DayPart:
		return "day"
	case numerals.HourPart:
		return "hour"
	case numerals.MinutePart:
		return "minutes"
	case numerals.Percent:
		return "percentage"
	case numerals.Ordinal:
		return "ordinal"
	}
	return "number"
}

// valueNote returns " (200)" when the source text of an atom does not
// show its value in ASCII digits, and, for a field, the whole number: "
// (2025年12月)".
func valueNote(a *numAtom, text string) string {
	var notes []string
	shown := text[a.n.Start:a.n.End]
	if v := string(a.n.Value); v != "" && !strings.Contains(strings.ReplaceAll(shown, ",", ""), v) {
		notes = append(notes, v)
	}
	if a.whole.Start != a.n.Start || a.whole.End != a.n.End {
		notes = append(notes, "in “"+text[a.whole.Start:a.whole.End]+"”")
	}
	if len(notes) == 0 {
		return ""
	}
	return " (" + strings.Join(notes, ", ") + ")"
}

// changedFinding reports target atom t, which stands where source atom s
// does with another value.
func changedFinding(seg *pipeline.Segment, s, t *numAtom) pipeline.Finding {
	srcWhole := seg.Source[s.whole.Start:s.whole.End]
	tspan := pipeline.Span{Start: t.n.Start, End: t.n.End}
	shown := seg.Target[t.n.Start:t.n.End]
	if s.n.Kind == numerals.Approximate {
		return pipeline.Finding{
			Side:    pipeline.Target,
			Span:    tspan,
			Message: fmt.Sprintf("%s “%s” in the target is outside the source's “%s” (%s to %s)", noun(t.n), shown, srcWhole, s.n.Value, s.n.High),
		}
	}
	want := string(s.n.Value)
	note := ""
	if srcWhole != want {
		note = " (" + srcWhole + ")"
	}
	f := pipeline.Finding{
		Side:    pipeline.Target,
		Span:    tspan,
		Message: fmt.Sprintf("%s “%s” in the target does not match the source's “%s”%s", noun(t.n), shown, want, note),
	}
	if repl, span, ok := replacement(seg, s, t); ok {
		f.Fixes = []pipeline.Fix{pipeline.ReplaceFix(fmt.Sprintf("Replace with “%s”", repl), span, repl)}
	}
	return f
}
