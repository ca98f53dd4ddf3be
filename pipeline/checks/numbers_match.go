package checks

import (
	"math"
	"math/big"
	"strings"

	"github.com/tqa-project/tqa/pipeline/numerals"
)

// family groups the kinds of atoms that may stand for each other.
func family(k numerals.Kind) int {
	switch k {
	case numerals.MonthPart:
		return 1
	case numerals.HourPart, numerals.MinutePart:
		return 2
	}
	return 0
}

// sameValue reports whether a and b may be the same number.
func sameValue(a, b numerals.Number) bool {
	if a.Kind == numerals.Approximate || b.Kind == numerals.Approximate {
		return inApprox(a, b) || inApprox(b, a)
	}
	if a.Value == "" || b.Value == "" {
		return false
	}
	if a.Kind == numerals.Percent && b.Kind == numerals.Fraction || a.Kind == numerals.Fraction && b.Kind == numerals.Percent {
		// "三成" and "one third", "五成以上" and "more than half".
		p, f := a.Value.Float64(), b.Value.Float64()
		if a.Kind == numerals.Fraction {
			p, f = f, p
		}
		return math.Abs(p/100-f) <= 0.05
	}
	if a.Kind == numerals.HourPart || b.Kind == numerals.HourPart {
		x, ok1 := a.Value.Int()
		y, ok2 := b.Value.Int()
		return ok1 && ok2 && x >= 0 && y >= 0 && x <= 24 && y <= 24 && x%12 == y%12
	}
	return a.Value.Abs() == b.Value.Abs()
}

// inApprox reports whether b's value lies within the approximate number a.
func inApprox(a, b numerals.Number) bool {
	if a.Kind != numerals.Approximate || b.Value == "" {
		return false
	}
	if b.Kind == numerals.Approximate {
		return a.Value.Cmp(b.High) <= 0 && b.Value.Cmp(a.High) <= 0
	}
	v := b.Value.Abs()
	return a.Value.Cmp(v) <= 0 && v.Cmp(a.High) <= 0
}

// roughlyIn reports whether v lies within the approximate number a or
// below it by at most a tenth of its low end: "more than one billion" for
// "十几亿" (1.1 to 1.9 billion) rounds down.
func roughlyIn(a numerals.Number, v numerals.Value) bool {
	lo, hi, x := a.Value.Rat(), a.High.Rat(), v.Abs().Rat()
	if lo == nil || hi == nil || x == nil {
		return false
	}
	lo.Mul(lo, big.NewRat(9, 10))
	return lo.Cmp(x) <= 0 && x.Cmp(hi) <= 0
}

// matchAtoms pairs source and target atoms of equal value: first those of
// the same kind, then of the same family, then any, then quantities in
// different units ("80斤" and "40 kilograms"); within each tier a target
// that is a number for sure is taken before a weak one. An approximate
// atom takes every value in its range.
func matchAtoms(src, tgt []*numAtom) {
	tiers := []func(a, b *numAtom) bool{
		func(a, b *numAtom) bool { return a.n.Kind == b.n.Kind && sameValue(a.n, b.n) },
		func(a, b *numAtom) bool { return family(a.n.Kind) == family(b.n.Kind) && sameValue(a.n, b.n) },
		func(a, b *numAtom) bool {
			return (family(a.n.Kind) == 0 || family(b.n.Kind) == 0) && sameValue(a.n, b.n)
		},
		func(a, b *numAtom) bool { return sameQuantity(a.n, b.n) || thirdAndThird(a, b) || thirdAndThird(b, a) },
	}
	for _, ok := range tiers {
		for _, weakToo := range []bool{false, true} {
			for _, s := range src {
				if s.matched && s.n.Kind != numerals.Approximate {
					continue
				}
				for _, t := range tgt {
					if t.matched && t.n.Kind != numerals.Approximate || t.weak && !weakToo || !ok(s, t) {
						continue
					}
					s.matched, t.matched = true, true
					if s.n.Kind != numerals.Approximate {
						break
					}
				}
			}
		}
	}
}

// thirdAndThird reports whether a is a weak "a third" (a fraction or an
// ordinal: "a third world war") and b the ordinal "第三".
func thirdAndThird(a, b *numAtom) bool {
	if !a.weak || a.n.Kind != numerals.Fraction || b.n.Kind != numerals.Ordinal {
		return false
	}
	r := a.n.Value.Rat()
	return r != nil && r.Num().IsInt64() && r.Num().Int64() == 1 && r.Denom().String() == string(b.n.Value)
}

// sameQuantity reports whether a and b measure the same quantity in two
// units of one dimension, within the 3% that rounding a conversion gives.
func sameQuantity(a, b numerals.Number) bool {
	if a.Unit == "" || b.Unit == "" || a.Unit == b.Unit || a.Value == "" || b.Value == "" {
		return false
	}
	da, fa, ok1 := numerals.UnitSize(a.Unit)
	db, fb, ok2 := numerals.UnitSize(b.Unit)
	if !ok1 || !ok2 || da != db {
		return false
	}
	x, y := a.Value.Abs().Float64()*fa, b.Value.Abs().Float64()*fb
	return math.Abs(x-y) <= 0.03*math.Max(x, y)
}

// pairable reports whether an unmatched atom may be one end of a number
// changed: a number, not an approximation or a label, not zero or one
// (which Chinese and English add and drop as articles), a weak one only
// if it is a plain count or rank ("五和三"), and, when the other side is in
// a language whose number words are not read, above a hundred.
func pairable(a *numAtom, otherWords bool) bool {
	if a.matched || a.n.Value == "" || a.n.Kind == numerals.Label {
		return false
	}
	if a.n.Kind == numerals.Approximate {
		// "800多" (800 to 899) is a number for sure, whose target may
		// fall outside it; "hundreds" or "the 1990s" is not.
		return a.n.Form != numerals.Words && a.n.Form != numerals.Named && a.n.Value.Abs().Cmp("2") > 0
	}
	if a.weak && (a.n.Kind != numerals.Cardinal && a.n.Kind != numerals.Ordinal || a.n.Form == numerals.Named || a.n.Form == numerals.Roman) {
		return false
	}
	if v := a.n.Value.Abs(); v == "0" || v == "1" {
		return false
	}
	if !otherWords && family(a.n.Kind) == 0 && a.n.Value.Abs().Cmp("100") <= 0 && a.n.Value.IsInt() {
		return false
	}
	return true
}

// hasValue reports whether one of atoms has a's value.
func hasValue(atoms []*numAtom, a *numAtom) bool {
	for _, o := range atoms {
		if o != a && sameValue(a.n, o.n) {
			return true
		}
	}
	return false
}

// reportable reports whether an atom left over after pairing is evidence
// on its own: pairable, not weak, and not a value the other side has (a
// number said twice on one side and once on the other).
func reportable(a *numAtom, other []*numAtom) bool {
	return !a.matched && !a.weak && !hasValue(other, a)
}

// pairScore says how likely target atom t is source atom s
// mistranslated, or -1 when it is not: they must be of one family (or a
// count and a time), and have values that a slip turns into each other:
// as many digits ("200" and "300"), a power of ten apart ("1.5万" and
// "1,500"; within 10% for a factor of 10 or 100), or within a factor of
// two. Kinds alike and values close score higher.
func pairScore(s, t *numAtom) float64 {
	fs, ft := family(s.n.Kind), family(t.n.Kind)
	if fs != ft && (fs == 1 || ft == 1) {
		return -1
	}
	score := 0.0
	if fs == ft {
		score += 4
	}
	if s.n.Kind == t.n.Kind {
		score += 2
	}
	if fs == 1 && ft == 1 {
		return score
	}
	x, y := s.n.Value.Abs().Rat(), t.n.Value.Abs().Rat()
	if x == nil || y == nil || x.Sign() == 0 || y.Sign() == 0 {
		return -1
	}
	fx, _ := x.Float64()
	fy, _ := y.Float64()
	ratio := math.Max(fx, fy) / math.Min(fx, fy)
	closeness := 1 / (1 + math.Log10(ratio))
	// The same digits with the point moved ("5‰" read as "5%").
	digits := func(v numerals.Value) string {
		return strings.Trim(strings.ReplaceAll(string(v.Abs()), ".", ""), "0")
	}
	if digits(s.n.Value) == digits(t.n.Value) {
		closeness += 1
	}
	intDigits := func(v numerals.Value) int { return len(strings.SplitN(string(v.Abs()), ".", 2)[0]) }
	switch {
	case ratio <= 2, intDigits(s.n.Value) == intDigits(t.n.Value):
	case exactPow10(x, y):
	case ratio < 1100 && math.Abs(ratio/math.Pow(10, math.Round(math.Log10(ratio)))-1) <= 0.1 && math.Round(math.Log10(ratio)) <= 2:
	default:
		return -1
	}
	return score + closeness
}

// exactPow10 reports whether x/y or y/x is a power of ten.
func exactPow10(x, y *big.Rat) bool {
	if x.Cmp(y) < 0 {
		x, y = y, x
	}
	q := new(big.Rat).Quo(x, y)
	if !q.IsInt() {
		return false
	}
	n := q.Num().String()
	return n[0] == '1' && strings.Trim(n[1:], "0") == ""
}
