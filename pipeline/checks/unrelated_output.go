package checks

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
	"github.com/tqa-project/tqa/pipeline/numerals"
)

// UnrelatedOutput finds targets that have nothing to do with their source:
// the source's numbers, names, terms and links are all missing.
var UnrelatedOutput = &pipeline.Check{
	Name: "unrelated-output",
	Doc: `unrelated-output finds targets that share almost none of their source's anchors while the source has several: the fluent but unrelated output of an engine or language model that hallucinated, or a target misaligned with its source.

Anchors are what a translation carries over whatever its wording: numbers, dates and times (read by pipeline/numerals in both languages, so "1.5万" is "15,000" and "2019年9月" is "September 2019"; weak numbers such as a lone "one" or a label do not count), words in Latin script in a source written in another script (names, acronyms and codes such as "Apollo", "EV", "FJD-6A" in Chinese), URLs and e-mail addresses, and glossary terms of the source that the glossaries translate into the target language (found as term-bilingual finds them). A source anchor is kept when the target has it: the same value among its numbers or the parts of its dates, the same Latin word regardless of case, the same link, or an allowed or any other term of the same concept.

A target is reported when its source has at least 3 distinct anchors and the target keeps at most 15% of them (none of 3 to 6, at most one of 7 to 13). The finding spans the whole target and names anchors it lacks. Category accuracy/non-translation, severity critical: the target is not a translation of its source. A target 2 standard deviations or more shorter than the length model expects (length-outlier's population z-score) lacks anchors because it is cut short, not because it is unrelated: truncated, length-outlier and length-ratio judge it, and this check does not. Segments without a source, with an empty target, or that untranslated-segment reports (a copy of the source keeps all its anchors, and a target in the source's script is that check's) are not checked.`,
	Category: pipeline.CategoryNonTranslation,
	Severity: pipeline.Critical,
	Run:      runUnrelatedOutput,
}

// The limits of unrelated-output: the anchors a source needs, and the
// share of them a target may keep and still be reported.
const (
	unrelatedMinAnchors = 3
	unrelatedKeptShare  = 0.15
	unrelatedShortZ     = -2 // length-outlier's Z0 of a target too short to judge
)

// anchor is one thing of a source that its translation should carry over.
type anchor struct {
	key  string // distinct anchors have distinct keys
	text string // as the source writes it
	kept bool
}

func runUnrelatedOutput(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		whole := untranslatedTargets(p, d)
		src, tgt := sourceTerms(p, d), targetTerms(p, d)
		lengths := segmentLengths(p, d)
		var anchors []anchor          // reused from segment to segment
		var numbers []numerals.Number // fewAnchors', reused likewise
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if !seg.Bilingual() || blankTarget(seg.Target) || whole[i].why != translated {
				continue
			}
			if sc := lengths[i]; sc.OK && sc.Z0 <= unrelatedShortZ {
				continue // a target cut short: truncated's and length-outlier's
			}
			if fewAnchors(seg, src[i], &numbers) {
				continue
			}
			anchors = sourceAnchors(anchors[:0], p, d, i, src[i], tgt[i])
			if len(anchors) < unrelatedMinAnchors {
				continue
			}
			var missing []string
			kept := 0
			for _, a := range anchors {
				if a.kept {
					kept++
				} else {
					missing = append(missing, "“"+a.text+"”")
				}
			}
			if float64(kept) > unrelatedKeptShare*float64(len(anchors)) {
				continue
			}
			if len(missing) > 4 {
				missing = append(missing[:4], "…")
			}
			p.Report(d, i, pipeline.Finding{
				Side: pipeline.Target,
				Span: segTrimmedSpan(seg.Target),
				Message: fmt.Sprintf("target keeps %d of the %d numbers, names, terms and links of its source (it lacks %s): it does not look like a translation of this source",
					kept, len(anchors), strings.Join(missing, ", ")),
			})
		}
	}
	return nil
}

// fewAnchors reports whether the source of seg has fewer than
// unrelatedMinAnchors anchors, without finding them: terms are its
// glossary matches, and buf an array for numbers that it reuses. Most
// sources have far fewer (a Chinese sentence with a number or none and no
// Latin letter), and counting what may give an anchor costs much less
// than sourceAnchors. Each glossary match gives one anchor at most, and
// so does each number that is not weak nor a label; each Latin word and
// each link holds a run of ASCII letters of its own (a link has its
// scheme, "www" or a top-level domain, a Latin word an ASCII letter), so
// that the runs bound the words and the links. numerals.MaxNumbers bounds
// the numbers; where that leaves three anchors possible, the numbers are
// read as sourceAnchors reads them and counted. A false result says
// nothing (TestFewAnchors).
func fewAnchors(seg *pipeline.Segment, terms []glossary.Match, buf *[]numerals.Number) bool {
	bound := len(terms)
	if bound >= unrelatedMinAnchors {
		return false
	}
	// MaxNumbers counts each run of ASCII letters as a possible number:
	// without any, a source has no Latin word, link nor number either.
	most := numerals.MaxNumbers(seg.Source, unrelatedMinAnchors-bound)
	if most == 0 {
		return true
	}
	bound += 2 * asciiLetterRuns(seg.Source, unrelatedMinAnchors)
	if bound >= unrelatedMinAnchors {
		return false
	}
	if bound+most < unrelatedMinAnchors {
		return true
	}
	*buf = numerals.AppendExtract((*buf)[:0], seg.Source, anchorLanguage(seg))
	for k := range *buf {
		if n := &(*buf)[k]; !n.Weak && n.Kind != numerals.Label {
			if bound++; bound >= unrelatedMinAnchors {
				return false
			}
		}
	}
	return true
}

// anchorLanguage returns the language in which sourceAnchors reads the
// source of seg: its own, or for an undetermined one the language its
// letters suggest (lengthLanguage).
func anchorLanguage(seg *pipeline.Segment) language.Tag {
	return lengthLanguage(seg.SourceLang, seg.Source)
}

// asciiLetterRuns returns how many runs of ASCII letters text holds,
// counting up to limit.
func asciiLetterRuns(text string, limit int) int {
	runs, in := 0, false
	for k := 0; k < len(text); k++ {
		c := text[k] | 0x20 // lower case for letters; no other byte becomes one
		letter := 'a' <= c && c <= 'z'
		if letter && !in {
			if runs++; runs >= limit {
				return runs
			}
		}
		in = letter
	}
	return runs
}

// anchorNumbers returns the numbers of seg's source and target, each side
// read in its language or, when that is undetermined, in the language its
// letters suggest (lengthLanguage; srcLang is the source's).
func anchorNumbers(seg *pipeline.Segment, srcLang language.Tag) (src, tgt []numerals.Number) {
	return numerals.Extract(seg.Source, srcLang), numerals.Extract(seg.Target, lengthLanguage(seg.TargetLang, seg.Target))
}

// sourceAnchors appends to out the distinct anchors of the source of
// segment i of document d, each marked kept when the target has it; terms
// are the source's glossary matches and targetTerms the target's.
func sourceAnchors(out []anchor, p *pipeline.Pass, d, i int, terms, targetTerms []glossary.Match) []anchor {
	// A source has a few anchors: a look through them finds a key seen.
	seen := func(key string) bool {
		for k := range out {
			if out[k].key == key {
				return true
			}
		}
		return false
	}
	add := func(key, text string, kept bool) {
		if !seen(key) {
			out = append(out, anchor{key, text, kept})
		}
	}

	seg := &p.Docs[d].Segments[i]
	// One look at the source's letters tells its language (lengthLanguage)
	// and whether most of them are Latin: then its Latin words are its
	// prose, not names that stand out.
	han, latin, other := letterCounts(seg.Source)
	srcLang := seg.SourceLang
	if undetermined(srcLang) {
		srcLang = languageOfLetters(han, latin, other)
	}
	snums, tnums := anchorNumbers(seg, srcLang)
	for _, n := range snums {
		if n.Weak || n.Kind == numerals.Label {
			continue
		}
		var kb [48]byte
		key := string(appendNumberKey(append(kb[:0], "n:"...), n))
		add(key, seg.Source[n.Start:n.End], numberKept(n, tnums))
	}

	// The target in lower case, made when a word or a link needs it.
	lowerTarget, lowered := "", false
	lower := func() string {
		if !lowered {
			lowerTarget, lowered = strings.ToLower(seg.Target), true
		}
		return lowerTarget
	}
	if latin < han+other {
		for _, w := range latinWords(seg.Source) {
			lw := strings.ToLower(w)
			add("w:"+lw, w, strings.Contains(lower(), lw))
		}
	}

	for _, l := range linksIn(seg.Source) {
		add("u:"+l.norm, l.text, strings.Contains(lower(), asciiLower(l.norm)) || strings.Contains(lower(), l.host))
	}

	for _, m := range terms {
		if len(allowedTerms(m.Concept, seg.TargetLang)) == 0 {
			continue
		}
		key := fmt.Sprintf("t:%p", m.Concept)
		if seen(key) {
			continue
		}
		add(key, seg.Source[m.Start:m.End], conceptInTarget(p, d, seg, m.Concept, targetTerms))
	}
	return out
}

// numberKey names a number's value: equal values give equal keys. It
// writes what fmt.Sprintf("%s %d-%d-%d %d:%d", Kind, Year, Month, Day,
// Hour, Minute) would for a date or time, "%s %s-%s" of Kind, Value and
// High for a range or an approximate number, "%s %s" of Kind and Value
// for the others (TestNumberKey).
func numberKey(n numerals.Number) string {
	return string(appendNumberKey(make([]byte, 0, 32), n))
}

// appendNumberKey appends numberKey(n) to b: sourceAnchors writes its
// prefix and the key in one string.
func appendNumberKey(b []byte, n numerals.Number) []byte {
	b = append(b, n.Kind.String()...)
	b = append(b, ' ')
	switch n.Kind {
	case numerals.Date, numerals.Time:
		b = strconv.AppendInt(b, int64(n.Year), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(n.Month), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(n.Day), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(n.Hour), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(n.Minute), 10)
	case numerals.Range, numerals.Approximate:
		b = append(b, n.Value...)
		b = append(b, '-')
		b = append(b, n.High...)
	default:
		b = append(b, n.Value...)
	}
	return b
}

// numberKept reports whether a target with numbers tnums has source number
// n: a number of the same value, or for a date, time or range one of its
// parts.
func numberKept(n numerals.Number, tnums []numerals.Number) bool {
	// The atoms of a number are the number and its parts.
	kept := func(a *numerals.Number) bool {
		for k := range tnums {
			t := &tnums[k]
			if keptAs(a, t) {
				return true
			}
			for j := range t.Parts {
				if keptAs(a, &t.Parts[j]) {
					return true
				}
			}
		}
		return false
	}
	if kept(&n) {
		return true
	}
	for j := range n.Parts {
		if kept(&n.Parts[j]) {
			return true
		}
	}
	return false
}

// keptAs reports whether numberKept takes the atom b of a target's number
// for the atom a of a source's.
func keptAs(a, b *numerals.Number) bool {
	return sameValue(*a, *b) || a.Kind == numerals.Year && b.Value == a.Value
}

// latinWords returns the words of text written in Latin letters (with
// digits, hyphens and dots inside), at least two characters long and with
// a letter: names, acronyms and codes in a text in another script.
func latinWords(text string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.Trim(text[start:end], "-.")
		start = -1
		if len(w) >= 2 && strings.IndexFunc(w, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }) >= 0 {
			out = append(out, w)
		}
	}
	for i, r := range text {
		if latinWordRune(r) || start >= 0 && (r == '-' || r == '.') {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// latinWordRune reports whether r may be part of a word of latinWords: an
// ASCII letter or digit, or a letter of Latin script. ASCII and the CJK
// Unified Ideographs (all Han, TestLetterScript), the characters of most
// sources, are answered without the script table (TestLatinWordRune).
func latinWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case cjkUnifiedFirst <= r && r <= cjkUnifiedLast:
		return false
	}
	return langid.Of(r) == langid.Latin && unicode.IsLetter(r)
}
