package main

import (
	"io"
	"os"
	"testing"
)

// BenchmarkCheckFile runs tqa check with a JSON report on the file named by
// $TQA_BENCH_FILE (for instance the PO file bench/mkpo writes); it is
// skipped when the variable is unset. bench/pofilter.sh times the built
// binary instead; this benchmark is for profiling:
//
//	TQA_BENCH_FILE=/tmp/tatoeba.po go test ./cmd/tqa -run '^$' -bench CheckFile -cpuprofile /tmp/cpu.out
func BenchmarkCheckFile(b *testing.B) {
	path := os.Getenv("TQA_BENCH_FILE")
	if path == "" {
		b.Skip("TQA_BENCH_FILE is not set")
	}
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	for b.Loop() {
		if code := run([]string{"check", "--format", "json", "--fail-on", "never", path}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
