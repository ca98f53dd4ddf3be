package checks

import (
	"fmt"
	"math/big"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/numerals"
)

// replacement writes source atom s's value in place of target atom t, in
// the target's way of writing numbers.
func replacement(seg *pipeline.Segment, s, t *numAtom) (string, pipeline.Span, bool) {
	v := s.n.Value.Abs()
	if strings.HasPrefix(string(t.n.Value), "-") {
		v = "-" + v
	}
	text := seg.Target[t.n.Start:t.n.End]
	span := pipeline.Span{Start: t.n.Start, End: t.n.End}
	lang := seg.TargetLang
	english := isEnglish(lang)
	switch t.n.Form {
	case numerals.Named:
		if t.n.Kind == numerals.MonthPart && english {
			m, ok := v.Int()
			if !ok || m < 1 || m > 12 {
				return "", span, false
			}
			return numerals.EnglishMonth(m, len(text) <= 4 && text != "June" && text != "July"), span, true
		}
		return "", span, false
	case numerals.Words:
		if english {
			if w, ok := numerals.EnglishWords(v, t.n.Kind == numerals.Ordinal); ok {
				if text[0] >= 'A' && text[0] <= 'Z' {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				return w, span, true
			}
		}
	case numerals.Roman:
		if n, ok := v.Int(); ok {
			if r, ok := numerals.RomanNumeral(n); ok {
				return r, span, true
			}
		}
		return "", span, false
	}
	if t.n.Kind == numerals.Ordinal && english {
		if n, ok := v.Int(); ok && n > 0 {
			if t.n.Form == numerals.Words {
				return "", span, false
			}
			return numerals.EnglishOrdinalSuffix(n), span, true
		}
		return "", span, false
	}
	// Digits: replace the digits and separators, keep what surrounds them
	// ("%", "th", a scale word).
	ds, de := digitsIn(text)
	if ds < 0 {
		return "", span, false
	}
	point := strings.TrimPrefix(numerals.Format("0.5", lang, false), "0")[:1]
	grouped := strings.ContainsAny(strings.ReplaceAll(text[ds:de], point, ""), ",.'’ \u00a0\u202f\u2009")
	year := t.n.Kind == numerals.Year || t.n.Kind == numerals.YearPart
	if t.n.Form == numerals.Mixed {
		// "1.5 million": keep the scale word when the value divides evenly.
		if scaled, ok := rescale(v, t.n.Value, text[ds:de], lang); ok {
			return scaled, pipeline.Span{Start: span.Start + ds, End: span.Start + de}, true
		}
		return numerals.Format(v, lang, true), span, true
	}
	bigEnough := len(strings.SplitN(string(v.Abs()), ".", 2)[0]) > 4
	out := numerals.Format(v, lang, !year && (grouped || bigEnough))
	// Keep the target's decimals: "1,000.50", not "1,000.5".
	if k := strings.LastIndex(text[ds:de], point); k >= 0 {
		want := len(text[ds:de]) - k - len(point)
		have := 0
		if j := strings.LastIndex(out, point); j >= 0 {
			have = len(out) - j - len(point)
		} else if want > 0 {
			out += point
		}
		if want > have {
			out += strings.Repeat("0", want-have)
		}
	}
	return out, pipeline.Span{Start: span.Start + ds, End: span.Start + de}, true
}

// rescale writes v in the scale of a target number worth old and written
// with the digits shown before its scale word: 15000 in the scale of "1.5
// million" is "0.015". It fails when that needs more than two decimals.
func rescale(v, old numerals.Value, shown string, lang language.Tag) (string, bool) {
	ns := numerals.Extract(shown, lang)
	if len(ns) != 1 || ns[0].Value == "" || ns[0].Value == "0" {
		return "", false
	}
	scale := old.Rat()
	if scale == nil {
		return "", false
	}
	scale.Quo(scale, ns[0].Value.Rat())
	r := v.Rat()
	r.Quo(r, scale)
	if !new(big.Rat).Mul(r, big.NewRat(100, 1)).IsInt() {
		return "", false
	}
	x := r.FloatString(2)
	x = strings.TrimSuffix(strings.TrimRight(x, "0"), ".")
	return numerals.Format(numerals.Value(x), lang, false), true
}

// digitsIn returns the span of the first run of digits and separators in
// text.
func digitsIn(text string) (int, int) {
	start := -1
	end := -1
	for i, r := range text {
		d := r >= '0' && r <= '9' || r >= '０' && r <= '９'
		if start < 0 {
			if d {
				start, end = i, i+utf8.RuneLen(r)
			}
			continue
		}
		if d {
			end = i + utf8.RuneLen(r)
			continue
		}
		if strings.ContainsRune(",.'’ \u00a0\u202f\u2009．", r) {
			continue
		}
		break
	}
	return start, end
}

func isEnglish(lang language.Tag) bool {
	base := factsOf(lang).base
	return base == "en" || base == "und"
}

// formatFindings reports target numbers whose digits, read with another
// language's separators, give the value of an unmatched source number:
// "1.000" for a thousand in an English target.
func formatFindings(seg *pipeline.Segment, src, tgt []*numAtom) []pipeline.Finding {
	var out []pipeline.Finding
	seen := map[int]bool{}
	for _, t := range tgt {
		if t.matched || t.n.Form != numerals.Digits && t.n.Form != numerals.FullWidth || t.whole.Kind == numerals.Date || t.whole.Kind == numerals.Time {
			continue
		}
		ts, te := numberToken(seg.Target, t.n.Start, t.n.End)
		if seen[ts] {
			continue
		}
		token := seg.Target[ts:te]
		for _, alt := range []language.Tag{language.English, language.German, language.French} {
			if sameConvention(alt, seg.TargetLang) {
				continue
			}
			ns := numerals.Extract(token, alt)
			if len(ns) != 1 || ns[0].Start != 0 || ns[0].End != len(token) || ns[0].Kind != numerals.Cardinal {
				continue
			}
			var hit *numAtom
			for _, s := range src {
				if !s.matched && !s.weak && s.n.Value != "" && s.n.Value.Abs() == ns[0].Value.Abs() {
					hit = s
					break
				}
			}
			if hit == nil {
				continue
			}
			hit.matched = true
			for _, u := range tgt {
				if u.n.Start < te && ts < u.n.End {
					u.matched = true
				}
			}
			seen[ts] = true
			repl := numerals.Format(ns[0].Value, seg.TargetLang, true)
			span := pipeline.Span{Start: ts, End: te}
			out = append(out, pipeline.Finding{
				Side:     pipeline.Target,
				Span:     span,
				Category: pipeline.CategoryNumberFormat,
				Severity: pipeline.Minor,
				Message:  fmt.Sprintf("number “%s” is written with %s separators; in %s, the source's %s is written “%s”", token, languageAdjective(alt), languageName(seg.TargetLang), hit.n.Value, repl),
				Fixes:    []pipeline.Fix{pipeline.ReplaceFix(fmt.Sprintf("Replace with “%s”", repl), span, repl)},
			})
			break
		}
	}
	return out
}

// numberToken widens [start, end) to the digits and separators around it.
func numberToken(text string, start, end int) (int, int) {
	isPart := func(r rune) bool {
		return r >= '0' && r <= '9' || r >= '０' && r <= '９'
	}
	isSep := func(r rune) bool { return strings.ContainsRune(",.'’\u00a0\u202f\u2009", r) }
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if isPart(r) {
			start -= n
			continue
		}
		if isSep(r) && start-n > 0 {
			p, _ := utf8.DecodeLastRuneInString(text[:start-n])
			if isPart(p) {
				start -= n
				continue
			}
		}
		break
	}
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if isPart(r) {
			end += n
			continue
		}
		if isSep(r) && end+n < len(text) {
			q, _ := utf8.DecodeRuneInString(text[end+n:])
			if isPart(q) {
				end += n
				continue
			}
		}
		break
	}
	return start, end
}

// sameConvention reports whether a and b write numbers alike.
func sameConvention(a, b language.Tag) bool {
	return numerals.Format("1000.5", a, true) == numerals.Format("1000.5", b, true)
}

// languageAdjective names the convention of a language for messages.
func languageAdjective(t language.Tag) string {
	switch t {
	case language.German:
		return "German-style (1.000,5)"
	case language.French:
		return "French-style (1 000,5)"
	}
	return "English-style (1,000.5)"
}
