package langid

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pemistahl/lingua-go"
)

// benchSize is how much text each benchmark scans per iteration.
const benchSize = 1 << 20

// repeatTo repeats text, a line at a time, until it holds at least n bytes.
func repeatTo(text string, n int) string {
	if text == "" {
		return ""
	}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(text)
		b.WriteByte('\n')
	}
	return b.String()
}

func englishText(b *testing.B) string {
	files, err := filepath.Glob("../../corpus/samples/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no English samples under corpus/samples: %v", err)
	}
	var all strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all.Write(data)
	}
	return repeatTo(all.String(), benchSize)
}

func mixedText(b *testing.B) string {
	data, err := os.ReadFile("testdata/mixed_en_zh.txt")
	if err != nil {
		b.Fatal(err)
	}
	return repeatTo(string(data), benchSize)
}

// chineseText reads the Chinese column of the Tatoeba pairs in the shared
// data beside the repository, if it is there.
func chineseText(b *testing.B) string {
	f, err := os.Open("../../../shared/data/tatoeba_cmn_eng.tsv")
	if err != nil {
		b.Skipf("shared data not available: %v", err)
	}
	defer f.Close()
	var all strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() && all.Len() < benchSize {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) >= 2 {
			all.WriteString(fields[1])
			all.WriteByte('\n')
		}
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return repeatTo(all.String(), benchSize)
}

func benchScan(b *testing.B, text string) {
	tables() // built once per process, not per scan
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Scan(text, func(Run) bool { n++; return true })
	}
	if n == 0 {
		b.Fatal("no runs")
	}
}

func BenchmarkScanEnglish(b *testing.B) { benchScan(b, englishText(b)) }
func BenchmarkScanMixed(b *testing.B)   { benchScan(b, mixedText(b)) }
func BenchmarkScanChinese(b *testing.B) { benchScan(b, chineseText(b)) }

func BenchmarkDominantEnglish(b *testing.B) {
	text := englishText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if Dominant(text) != Latin {
			b.Fatal("English text not Latin")
		}
	}
}

// BenchmarkLatinWords classifies the words of English text against the
// English word list (the pre-filter of the English checks).
func BenchmarkLatinWords(b *testing.B) {
	text := englishText(b)
	lines := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			LatinWords(l)
		}
	}
}

// BenchmarkAppendLatinWords is BenchmarkLatinWords appending to one
// slice reused from line to line.
func BenchmarkAppendLatinWords(b *testing.B) {
	text := englishText(b)
	lines := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var words []Word
	for b.Loop() {
		for _, l := range lines {
			words = AppendLatinWords(words[:0], l)
		}
	}
}

// BenchmarkLatinWordsFormer is BenchmarkLatinWords with the former
// implementation (words_test.go), for comparison on the same machine.
func BenchmarkLatinWordsFormer(b *testing.B) {
	text := englishText(b)
	lines := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			latinWordsFormer(l)
		}
	}
}

// BenchmarkPairConfidence scores single words, English against French,
// with the n-grams of one to five letters (models loaded before timing).
func BenchmarkPairConfidence(b *testing.B) {
	words := strings.Fields("La défense collective remains the Alliance's core task and its partners agree")
	pairConfidence("x", lingua.French, true)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			pairConfidence(w, lingua.French, true)
		}
	}
}
