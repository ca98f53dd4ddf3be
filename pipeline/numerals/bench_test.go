package numerals

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/internal/cputime"
	"golang.org/x/text/language"
)

// benchText returns one side of the Tatoeba pairs in ../../../shared
// (column 0 English, 1 Chinese), or a small built-in text when they are
// absent.
func benchText(b *testing.B, column int) string {
	f, err := os.Open("../../../shared/data/tatoeba_cmn_eng.tsv")
	if err != nil {
		if column == 1 {
			return strings.Repeat("2025年12月，两百人一起花了1.5万元，七点四十五分出发，走了三公里。", 200)
		}
		return strings.Repeat("In December 2025, two hundred people spent 15,000 yuan and left at 7:45. ", 200)
	}
	defer f.Close()
	var sb strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) > column {
			sb.WriteString(fields[column])
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

func benchmarkExtract(b *testing.B, column int, lang language.Tag) {
	lines := strings.Split(benchText(b, column), "\n")
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		for _, l := range lines {
			Extract(l, lang)
		}
	}
	// CPU time, beside wall time that other jobs on a shared machine
	// inflate: with GOMAXPROCS=1 it is the cost on one core.
	if used := cputime.Process() - cpu; used > 0 {
		b.ReportMetric(float64(used)/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkExtractChinese extracts the numbers of each Chinese sentence of
// the Tatoeba pairs, one call a sentence as a checker does.
func BenchmarkExtractChinese(b *testing.B) { benchmarkExtract(b, 1, language.Chinese) }

// BenchmarkExtractEnglish does the same for the English sentences.
func BenchmarkExtractEnglish(b *testing.B) { benchmarkExtract(b, 0, language.English) }

// BenchmarkMaxNumbers bounds the numbers of each Chinese sentence of the
// Tatoeba pairs, as unrelated-output does for its sources.
func BenchmarkMaxNumbers(b *testing.B) {
	lines := strings.Split(benchText(b, 1), "\n")
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			MaxNumbers(l, 3)
		}
	}
}
