package corpus

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestRuneStarts compares runeStarts with a count of utf8.RuneStart bytes,
// on text and on random bytes of every length up to a few words.
func TestRuneStarts(t *testing.T) {
	naive := func(b []byte) int {
		n := 0
		for _, c := range b {
			if utf8.RuneStart(c) {
				n++
			}
		}
		return n
	}
	inputs := [][]byte{nil, []byte("NATO"), []byte("北约成立于1949年，总部设在布鲁塞尔。"), []byte("é\u00a0\uFFFC𝄞 x")}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 40 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		inputs = append(inputs, b)
	}
	for _, in := range inputs {
		for start := 0; start < len(in); start++ {
			if got, want := runeStarts(in[start:]), naive(in[start:]); got != want {
				t.Errorf("runeStarts(%q) = %d, want %d", in[start:], got, want)
			}
		}
	}
}
