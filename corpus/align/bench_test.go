package align

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/tqa-project/tqa/internal/cputime"
)

// benchDoc builds a document of n Tatoeba pairs in a seeded random order,
// with G&C's proportions of merges and omissions.
func benchDoc(b testing.TB, n int) synthDoc {
	all := tatoebaPairs(b)
	rng := rand.New(rand.NewPCG(2, 2))
	var d []pair
	for len(d) < n {
		d = append(d, all[rng.IntN(len(all))])
	}
	return synthesize(d, perturbation{merge: 0.09, drop: 0.01}, rng)
}

func BenchmarkAlign10k(b *testing.B) {
	sd := benchDoc(b, 10000)
	size := 0
	for _, s := range sd.src {
		size += len(s)
	}
	for _, s := range sd.tgt {
		size += len(s)
	}
	opt := Options{Anchors: true}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		Align(sd.src, sd.tgt, opt)
	}
	reportSentences(b, len(sd.src)+len(sd.tgt), cputime.Process()-cpu)
}

// BenchmarkAlignLengths aligns two texts of 10,000 sentences whose lengths
// are random (20 to 179 characters) and whose target joins 9% of the
// source's consecutive pairs; it needs no data files.
func BenchmarkAlignLengths(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 3))
	var ls, lt []int
	for k := 0; k < 10000; k++ {
		l := 20 + rng.IntN(160)
		ls = append(ls, l)
		if k > 0 && rng.Float64() < 0.09 {
			lt[len(lt)-1] += l
		} else {
			lt = append(lt, l)
		}
	}
	src, tgt := lengthTexts(ls, true), lengthTexts(lt, false)
	size := 0
	for _, s := range src {
		size += len(s)
	}
	for _, s := range tgt {
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		Align(src, tgt, Options{})
	}
	reportSentences(b, len(src)+len(tgt), cputime.Process()-cpu)
}

// reportSentences reports sentences aligned per second of wall time and
// the process's CPU time per operation (which other jobs on the machine do
// not inflate; it includes the garbage collector's work).
func reportSentences(b *testing.B, sentences int, cpu time.Duration) {
	b.ReportMetric(float64(sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}
