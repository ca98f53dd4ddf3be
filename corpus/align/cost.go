package align

import "math"

// lengthCost is Gale and Church's length model: the length difference
// c*ls - lt of a bead, divided by the square root of s2 times the mean
// length, is standard normal.
type lengthCost struct {
	c  float64 // expected target length per unit of source length
	s2 float64 // variance of the difference per unit of length
}

// cost returns -ln P(|Z| >= |z|) for the z of a bead whose source side has
// length ls and target side length lt: Gale and Church's
// -log(2(1 - Φ(|δ|))), in nats.
func (lc lengthCost) cost(ls, lt float64) float64 {
	if ls == 0 && lt == 0 {
		return 0
	}
	mean := (ls + lt/lc.c) / 2
	z := (lc.c*ls - lt) / math.Sqrt(lc.s2*mean)
	return tailCostFast(math.Abs(z))
}

// The dynamic programme evaluates tailCost millions of times; below
// tailMax it reads it from a table with tailSteps entries per unit of z,
// interpolating linearly. With steps h = 1/64 the error is at most h²/8
// times the largest second derivative of tailCost, which stays below 1:
// under 1e-4 nats (TestTailCost checks it).
const (
	tailMax   = 16
	tailSteps = 64
)

var tailTable = func() []float64 {
	t := make([]float64, tailMax*tailSteps+2)
	for k := range t {
		t[k] = tailCost(float64(k) / tailSteps)
	}
	return t
}()

// tailCostFast is tailCost from the table.
func tailCostFast(z float64) float64 {
	if z >= tailMax {
		return tailCost(z)
	}
	x := z * tailSteps
	k := int(x)
	f := x - float64(k)
	return tailTable[k] + f*(tailTable[k+1]-tailTable[k])
}

// tailCost returns -ln(erfc(z/√2)) for z >= 0, the negative log of the
// two-tailed probability of a standard normal value at least z from 0.
// From z = 30 on, as erfc nears underflow, it uses the asymptotic
// expansion erfc(x) ~ exp(-x²)/(x√π) * (1 - 1/(2x²)), whose next term is
// below 1e-5 there.
func tailCost(z float64) float64 {
	if z < 30 {
		return -math.Log(math.Erfc(z / math.Sqrt2))
	}
	return z*z/2 + math.Log(z*math.Sqrt(math.Pi/2)) - math.Log1p(-1/(z*z))
}
