package checks

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// Placeholders finds placeholders of the source that the target lost,
// altered or added: printf, Python and ICU braces, double braces, ${...}
// and :name.
var Placeholders = &pipeline.Check{
	Name: "placeholders",
	Doc: `placeholders finds placeholders of a segment's source that are missing from its target, changed in it, or added to it, and ICU plural and select arguments whose branches do not fit.

A program fills placeholders in at run time: a translation that loses "%s", changes "{name}" into "{nom}" or adds "%d" shows the wrong text or makes the program fail. The syntaxes are printf ("%s", "%1$d", "%.2f", "%(name)s"; "%%" is an escaped percent sign), braces ("{}", "{0}", "{name}", "{name!r:>10}", ICU "{n, number}"), ICU plural, selectordinal and select arguments ("{count, plural, one {# item} other {# items}}"), double braces ("{{name}}"), "${name}" and ":name". A syntax is compared only when the source uses it, so prose such as "50%" or "{" in a target that the source did not have as a placeholder is never reported: a Chinese source "20%" and a target "20 percent" hold no placeholder. A "%" inside a URL is percent-encoding, not a placeholder.

Placeholders are compared as multisets of their normalised text (white space that the syntax ignores is dropped; %i counts as %d). A placeholder of the source that the target does not have is reported on the source, one that the target has and the source does not on the target, with a fix that removes it. Where one is missing and one added of the same syntax, or the two differ only in case or spaces, the target's is reported as altered, with a fix that restores the source's. Printf placeholders without argument numbers are filled in order: where both sides have as many of them but not the same ones, they are compared place by place ("%s" where the source has "%d"), and where the target has the same ones in another order and their conversions differ, the order is reported. In a printf format whose source escapes every percent sign ("100%%"), a lone "%" in the target is reported with a fix that doubles it.

In ICU messages the text of the branches is translatable, but the argument, its type and the keys of the branches are not. The placeholders inside branches are compared as sets, since a language with more plural forms repeats them. A select argument must keep the keys of the source (a missing key is major, an added one minor); a plural must keep "other" (major), should keep the explicit values such as "=0" (minor), and should have every plural category that the target language uses (minor: Russian needs one, few, many and other), as the CLDR plural rules of golang.org/x/text give them; categories that the target language does not use are ignored.

Segments without a source, and empty targets, are not checked. Severity: major, except where said.`,
	Category: pipeline.CategoryMarkup,
	Severity: pipeline.Major,
	NonProse: true,
	Run:      runPlaceholders,
}

func runPlaceholders(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if !btBothSides(seg) {
				continue
			}
			src := scanPlaceholders(seg.Source)
			if len(src.list) == 0 && len(src.escapes) == 0 {
				continue
			}
			comparePlaceholders(p, d, i, seg, src, scanPlaceholders(seg.Target))
		}
	}
	return nil
}

func comparePlaceholders(p *pipeline.Pass, d, i int, seg *pipeline.Segment, src, tgt placeholderScan) {
	var active [numPHSyntaxes]bool
	for _, ph := range src.list {
		active[ph.syntax] = true
	}
	if len(src.escapes) > 0 {
		active[phPrintf] = true // "%%" is written only in printf formats
	}
	var tl []placeholder
	for _, ph := range tgt.list {
		if active[ph.syntax] {
			tl = append(tl, ph)
		}
	}
	sl := src.list
	report := func(side pipeline.Side, sev pipeline.Severity, span pipeline.Span, msg string, fixes ...pipeline.Fix) {
		p.Report(d, i, pipeline.Finding{Side: side, Severity: sev, Span: span, Message: msg, Fixes: fixes})
	}
	major, minor := btSeverity(p, p.Severity()), btSeverity(p, pipeline.Minor)
	if sp, tp, ok := printfSequences(sl, tl); ok {
		// As many printf placeholders on each side, filled in order, but
		// not the same ones: compare them place by place.
		for k := range sp {
			if sp[k].key != tp[k].key {
				want := seg.Source[sp[k].span.Start:sp[k].span.End]
				report(pipeline.Target, major, tp[k].span, fmt.Sprintf("placeholder %s differs from the source’s %s in the same place", btQuote(seg.Target[tp[k].span.Start:tp[k].span.End]), btQuote(want)),
					pipeline.ReplaceFix("Replace with "+btQuote(want), tp[k].span, want))
			}
		}
		sl, tl = withoutSyntax(sl, phPrintf), withoutSyntax(tl, phPrintf)
	}

	// Keys found inside ICU branches on either side are compared as sets.
	inBranch := map[string]bool{}
	sCount, tCount := map[string]int{}, map[string]int{}
	for _, ph := range sl {
		sCount[ph.key]++
		inBranch[ph.key] = inBranch[ph.key] || ph.depth > 0
	}
	for _, ph := range tl {
		tCount[ph.key]++
		inBranch[ph.key] = inBranch[ph.key] || ph.depth > 0
	}
	// Match the k-th occurrence of a key in the source with the k-th in
	// the target; what is left over is missing or added.
	var sLeft, tLeft []int
	tByKey := map[string][]int{}
	for k, ph := range tl {
		tByKey[ph.key] = append(tByKey[ph.key], k)
	}
	var pairs [][2]int
	seen := map[string]int{}
	for k, ph := range sl {
		n := seen[ph.key]
		seen[ph.key]++
		if inBranch[ph.key] {
			if tCount[ph.key] == 0 && n == 0 {
				sLeft = append(sLeft, k)
			} else if ts := tByKey[ph.key]; n < len(ts) && ph.choice != nil {
				pairs = append(pairs, [2]int{k, ts[n]}) // a plural or select in a branch
			}
			continue
		}
		if ts := tByKey[ph.key]; n < len(ts) {
			pairs = append(pairs, [2]int{k, ts[n]})
		} else {
			sLeft = append(sLeft, k)
		}
	}
	seen = map[string]int{}
	for k, ph := range tl {
		n := seen[ph.key]
		seen[ph.key]++
		if inBranch[ph.key] {
			if sCount[ph.key] == 0 && n == 0 {
				tLeft = append(tLeft, k)
			}
			continue
		}
		if n >= sCount[ph.key] {
			tLeft = append(tLeft, k)
		}
	}

	// Pair what is left: the same placeholder but for case or spaces,
	// then, per syntax, as many missing as added in order.
	altered := map[int]int{} // target index -> source index
	usedS := map[int]bool{}
	for _, t := range tLeft {
		for _, s := range sLeft {
			if !usedS[s] && sl[s].syntax == tl[t].syntax && looseKey(sl[s].key) == looseKey(tl[t].key) {
				altered[t], usedS[s] = s, true
				break
			}
		}
	}
	for syn := phSyntax(0); syn < numPHSyntaxes; syn++ {
		var ss, ts []int
		for _, s := range sLeft {
			if !usedS[s] && sl[s].syntax == syn {
				ss = append(ss, s)
			}
		}
		for _, t := range tLeft {
			if _, ok := altered[t]; !ok && tl[t].syntax == syn {
				ts = append(ts, t)
			}
		}
		if len(ss) == len(ts) {
			for k := range ss {
				altered[ts[k]], usedS[ss[k]] = ss[k], true
			}
		}
	}

	for _, s := range sLeft {
		if usedS[s] {
			continue
		}
		ph := sl[s]
		span, text := ph.span, seg.Source[ph.span.Start:ph.span.End]
		if ph.choice != nil {
			span, text = ph.head, seg.Source[ph.head.Start:ph.head.End]+", …"
		}
		msg := fmt.Sprintf("placeholder %s of the source is missing from the target", btQuote(text))
		if tc := tCount[ph.key]; tc > 0 {
			msg = fmt.Sprintf("placeholder %s appears %s in the source and %s in the target", btQuote(text), btTimes(sCount[ph.key]), btTimes(tc))
		}
		report(pipeline.Source, major, span, msg)
	}
	for _, t := range tLeft {
		ph := tl[t]
		text := seg.Target[ph.span.Start:ph.span.End]
		if s, ok := altered[t]; ok {
			want := sl[s]
			wantText := seg.Source[want.span.Start:want.span.End]
			span, repl := ph.span, wantText
			if ph.choice != nil && want.choice != nil {
				span, repl = ph.name, seg.Source[want.name.Start:want.name.End]
				text = seg.Target[ph.head.Start:ph.head.End]
				wantText = seg.Source[want.head.Start:want.head.End]
			}
			var fixes []pipeline.Fix
			if ph.choice == nil && want.choice == nil || ph.choice != nil && want.choice != nil {
				fixes = append(fixes, pipeline.ReplaceFix("Replace with "+btQuote(repl), span, repl))
			}
			at := ph.span
			if ph.choice != nil {
				at = ph.head
			}
			report(pipeline.Target, major, at, fmt.Sprintf("placeholder %s differs from the source’s %s", btQuote(text), btQuote(wantText)), fixes...)
			continue
		}
		msg := fmt.Sprintf("placeholder %s is not in the source", btQuote(text))
		if sc := sCount[ph.key]; sc > 0 {
			msg = fmt.Sprintf("placeholder %s appears %s in the source and %s in the target", btQuote(text), btTimes(sc), btTimes(tCount[ph.key]))
		}
		report(pipeline.Target, major, ph.span, msg, pipeline.Fix{
			Message: "Remove " + btQuote(text),
			Edits:   []pipeline.Edit{{Span: removalSpan(seg.Target, ph.span)}},
		})
	}

	if active[phPrintf] {
		checkPrintfOrder(seg, sl, tl, sLeft, tLeft, func(span pipeline.Span, msg string) { report(pipeline.Target, major, span, msg) })
		if len(src.escapes) > 0 && len(src.lone) == 0 {
			for _, sp := range tgt.lone {
				report(pipeline.Target, major, sp, "lone “%” in a printf format, where the source escapes every percent sign as “%%”",
					pipeline.ReplaceFix("Replace with “%%”", sp, "%%"))
			}
		}
	}
	for _, pr := range pairs {
		s, t := sl[pr[0]], tl[pr[1]]
		if s.choice != nil && t.choice != nil {
			compareICUChoice(seg, s, t, major, minor, report)
		}
	}
}

// printfSequences returns the printf placeholders of each side when both
// have the same number, none names its argument, and they are not the
// same multiset (a different order of the same ones is left to
// checkPrintfOrder).
func printfSequences(sl, tl []placeholder) (sp, tp []placeholder, ok bool) {
	count := map[string]int{}
	for _, ph := range sl {
		if ph.syntax == phPrintf {
			if ph.positional {
				return nil, nil, false
			}
			sp = append(sp, ph)
			count[ph.key]++
		}
	}
	for _, ph := range tl {
		if ph.syntax == phPrintf {
			if ph.positional {
				return nil, nil, false
			}
			tp = append(tp, ph)
			count[ph.key]--
		}
	}
	if len(sp) != len(tp) || len(sp) == 0 {
		return nil, nil, false
	}
	for _, n := range count {
		if n != 0 {
			return sp, tp, true
		}
	}
	return nil, nil, false
}

func withoutSyntax(list []placeholder, syn phSyntax) []placeholder {
	var out []placeholder
	for _, ph := range list {
		if ph.syntax != syn {
			out = append(out, ph)
		}
	}
	return out
}

// looseKey is a placeholder key with case and white space ignored.
func looseKey(key string) string {
	return strings.ToLower(strings.Join(strings.Fields(key), ""))
}

// removalSpan returns span widened over one space next to it, so that
// removing it does not leave two spaces or a space before punctuation.
func removalSpan(text string, span pipeline.Span) pipeline.Span {
	before, after := btRuneBefore(text, span.Start), btRuneAt(text, span.End)
	switch {
	case before == ' ' && (after == ' ' || after == -1 || strings.ContainsRune(".,;:!?)]}", after)):
		span.Start--
	case after == ' ' && (before == -1 || strings.ContainsRune("([{", before)):
		span.End++
	}
	return span
}

// checkPrintfOrder reports printf placeholders without argument numbers
// that the target has in another order than the source, when their
// conversions differ: the program would pass a number where a string is
// expected.
func checkPrintfOrder(seg *pipeline.Segment, sl, tl []placeholder, sLeft, tLeft []int, report func(pipeline.Span, string)) {
	for _, k := range sLeft {
		if sl[k].syntax == phPrintf {
			return
		}
	}
	for _, k := range tLeft {
		if tl[k].syntax == phPrintf {
			return
		}
	}
	var sKeys, tKeys []string
	var tSpans []pipeline.Span
	for _, ph := range sl {
		if ph.syntax == phPrintf {
			if ph.positional {
				return
			}
			sKeys = append(sKeys, ph.key)
		}
	}
	for _, ph := range tl {
		if ph.syntax == phPrintf {
			if ph.positional {
				return
			}
			tKeys = append(tKeys, ph.key)
			tSpans = append(tSpans, ph.span)
		}
	}
	if len(sKeys) != len(tKeys) || slices.Equal(sKeys, tKeys) {
		return
	}
	for k := range tKeys {
		if tKeys[k] != sKeys[k] {
			report(tSpans[k], fmt.Sprintf("printf placeholders are in another order than in the source (%s there, %s here), but they are filled in order; number them (%%1$s) or keep the source’s order",
				btQuote(strings.Join(sKeys, " … ")), btQuote(strings.Join(tKeys, " … "))))
			return
		}
	}
}

// compareICUChoice compares the branch keys of an ICU plural or select
// argument of the source with the same argument of the target.
func compareICUChoice(seg *pipeline.Segment, s, t placeholder, major, minor pipeline.Severity, report func(pipeline.Side, pipeline.Severity, pipeline.Span, string, ...pipeline.Fix)) {
	head := seg.Target[t.head.Start:t.head.End]
	if t.choice.kind == "select" {
		for _, sel := range s.choice.selectors {
			if !t.choice.has(sel.key) {
				report(pipeline.Target, major, t.head, fmt.Sprintf("select %s has no branch %s, which the source has", btQuote(head+", …"), btQuote(sel.key)))
			}
		}
		for _, sel := range t.choice.selectors {
			if !s.choice.has(sel.key) {
				report(pipeline.Target, minor, sel.span, fmt.Sprintf("select branch %s is not in the source; the program never chooses it unless it passes that value", btQuote(sel.key)))
			}
		}
		return
	}
	if !t.choice.has("other") {
		report(pipeline.Target, major, t.head, fmt.Sprintf("%s has no branch “other”, which ICU requires", btQuote(head+", …")))
	}
	for _, sel := range s.choice.selectors {
		if strings.HasPrefix(sel.key, "=") && !t.choice.has(sel.key) {
			report(pipeline.Target, minor, t.head, fmt.Sprintf("%s has no branch %s for that exact value, which the source has", btQuote(head+", …"), btQuote(sel.key)))
		}
	}
	rules := plural.Cardinal
	if t.choice.kind == "selectordinal" {
		rules = plural.Ordinal
	}
	forms := pluralForms(rules, seg.TargetLang)
	var missing []string
	for _, f := range forms {
		if f != "other" && !t.choice.has(f) {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		report(pipeline.Target, minor, t.head, fmt.Sprintf("%s has no branch %s; %s uses the plural categories %s",
			btQuote(head+", …"), btQuoteList(missing), languageName(seg.TargetLang), strings.Join(forms, ", ")))
	}
}

func btQuoteList(keys []string) string {
	q := make([]string, len(keys))
	for k, s := range keys {
		q[k] = btQuote(s)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// pluralFormNames are the CLDR plural categories, in the order of
// golang.org/x/text/feature/plural's Form values.
var pluralFormNames = [...]string{"other", "zero", "one", "two", "few", "many"}

// pluralForms returns the plural categories that lang uses, in CLDR
// order (zero, one, two, few, many, other), as golang.org/x/text's CLDR
// rules give them for the integers 0 to 1,000, the powers of ten up to a
// million, and the decimals with one or two fraction digits; nil for an
// undetermined language.
func pluralForms(rules *plural.Rules, lang language.Tag) []string {
	if btBaseLanguage(lang) == "" {
		return nil
	}
	var seen [len(pluralFormNames)]bool
	for i := 0; i <= 1000; i++ {
		seen[rules.MatchPlural(lang, i, 0, 0, 0, 0)] = true
	}
	for _, i := range []int{10000, 100000, 1000000} {
		seen[rules.MatchPlural(lang, i, 0, 0, 0, 0)] = true
	}
	if rules == plural.Cardinal {
		for i := 0; i <= 20; i++ {
			for f := 0; f < 100; f++ {
				t, w := f, 2
				for w > 0 && t%10 == 0 && t > 0 {
					t, w = t/10, w-1
				}
				if f == 0 {
					t, w = 0, 0
				}
				seen[rules.MatchPlural(lang, i, 2, w, f, t)] = true
				if f < 10 {
					w1 := 1
					if f == 0 {
						w1 = 0
					}
					seen[rules.MatchPlural(lang, i, 1, w1, f, f)] = true
				}
			}
		}
	}
	var out []string
	for _, f := range []plural.Form{plural.Zero, plural.One, plural.Two, plural.Few, plural.Many, plural.Other} {
		if seen[f] {
			out = append(out, pluralFormNames[f])
		}
	}
	return out
}
