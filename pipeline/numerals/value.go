package numerals

import (
	"math/big"
	"strconv"
	"strings"
)

// Value is an exact number in canonical form: a decimal with no leading
// zeros, no trailing zeros after the point and no "+" ("15000", "0.5",
// "-3", "2300000000000"), or, when no finite decimal is exact, a reduced
// fraction ("1/3"). Two Values are equal exactly when their strings are.
// The zero Value "" means no value (dates and times).
type Value string

// ratValue returns the canonical Value of r.
func ratValue(r *big.Rat) Value {
	if r.IsInt() {
		return Value(r.Num().String())
	}
	// A fraction is a finite decimal when its reduced denominator has no
	// prime factors but 2 and 5; it then has as many decimals as the
	// larger of the two exponents.
	d := new(big.Int).Set(r.Denom())
	places := 0
	for _, p := range []int64{2, 5} {
		n := 0
		bp := big.NewInt(p)
		m := new(big.Int)
		for {
			q, rem := new(big.Int).QuoRem(d, bp, m)
			if rem.Sign() != 0 {
				break
			}
			d = q
			n++
		}
		places = max(places, n)
	}
	if d.Cmp(big.NewInt(1)) != 0 {
		return Value(r.RatString())
	}
	s := r.FloatString(places)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return Value(s)
}

// decimalValue returns the Value of a decimal literal such as "1.50" or
// "-3" (ASCII digits, "." as the point), and false if s is not one.
func decimalValue(s string) (Value, bool) {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return "", false
	}
	return ratValue(r), true
}

// intValue returns the Value of n.
func intValue(n int64) Value { return Value(strconv.FormatInt(n, 10)) }

// Rat returns v as a rational number, or nil for the zero Value.
func (v Value) Rat() *big.Rat {
	if v == "" {
		return nil
	}
	r, ok := new(big.Rat).SetString(string(v))
	if !ok {
		return nil
	}
	return r
}

// Float64 returns the nearest float64 to v (0 for the zero Value).
func (v Value) Float64() float64 {
	r := v.Rat()
	if r == nil {
		return 0
	}
	f, _ := r.Float64()
	return f
}

// Abs returns v without its sign.
func (v Value) Abs() Value { return Value(strings.TrimPrefix(string(v), "-")) }

// IsInt reports whether v is a whole number.
func (v Value) IsInt() bool {
	return v != "" && !strings.ContainsAny(string(v), "./")
}

// Int returns v as an int and true when it is a whole number that fits.
func (v Value) Int() (int, bool) {
	if !v.IsInt() {
		return 0, false
	}
	// Fast path: a plain decimal integer ("15000", "-3") needs no big.Rat.
	if n, err := strconv.ParseInt(string(v), 10, 64); err == nil && int64(int(n)) == n {
		return int(n), true
	}
	r := v.Rat()
	if r == nil || !r.Num().IsInt64() {
		return 0, false
	}
	n := r.Num().Int64()
	if int64(int(n)) != n {
		return 0, false
	}
	return int(n), true
}

// Cmp compares v and w as numbers: -1, 0 or +1. The zero Value sorts
// before every number.
func (v Value) Cmp(w Value) int {
	// Fast path: two plain decimal integers compare as int64s.
	if x, err := strconv.ParseInt(string(v), 10, 64); err == nil {
		if y, err := strconv.ParseInt(string(w), 10, 64); err == nil {
			return cmpInt64(x, y)
		}
	}
	a, b := v.Rat(), w.Rat()
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return a.Cmp(b)
}

func cmpInt64(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// mul returns v times w.
func (v Value) mul(w Value) Value {
	a, b := v.Rat(), w.Rat()
	if a == nil || b == nil {
		return ""
	}
	return ratValue(a.Mul(a, b))
}

// add returns v plus w.
func (v Value) add(w Value) Value {
	a, b := v.Rat(), w.Rat()
	if a == nil || b == nil {
		return ""
	}
	return ratValue(a.Add(a, b))
}

// pow10 returns 10^n as a Value.
func pow10(n int) Value { return Value("1" + strings.Repeat("0", n)) }
