package checks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/internal/cputime"
	"github.com/tqa-project/tqa/pipeline"
)

// proseTargets returns the lines of the English demo articles
// (corpus/samples/*.txt), repeated to at least size bytes: one segment a
// line.
func proseTargets(b *testing.B, size int) []string {
	files, err := filepath.Glob("../../corpus/samples/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no samples: %v", err)
	}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for l := range strings.SplitSeq(string(data), "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
	}
	var targets []string
	for n := 0; n < size; {
		for _, l := range lines {
			targets = append(targets, l)
			n += len(l)
		}
	}
	return targets
}

// BenchmarkScriptAndGlossary runs script detection and glossary matching
// over about 8 MiB of English prose, one segment a line: mixed-script (the
// script runs of each target) and the target-side term checks
// (term-deprecated, term-consistency) with the NATO glossary. It reports
// CPU time as well as wall time; with GOMAXPROCS=1 the throughput per core
// is the bytes over cpu-ns/op.
func BenchmarkScriptAndGlossary(b *testing.B) {
	targets := proseTargets(b, 8<<20)
	cfg := &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}}
	checks := []*pipeline.Check{MixedScript, TermDeprecated, TermConsistency}
	// Build the matcher outside the timing: it is built once per run.
	if _, err := pipeline.Run(context.Background(), []*pipeline.Document{docOf(targets[:1])}, checks, cfg); err != nil {
		b.Fatal(err)
	}
	// The document is built once: Run only fills in its languages, the
	// same each time.
	docs := []*pipeline.Document{docOf(targets)}
	size := bytesOf(targets)
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		if _, err := pipeline.Run(context.Background(), docs, checks, cfg); err != nil {
			b.Fatal(err)
		}
	}
	if used := cputime.Process() - cpu; used > 0 {
		perOp := float64(used) / float64(b.N)
		b.ReportMetric(perOp, "cpu-ns/op")
		b.ReportMetric(float64(size)/perOp*1e3, "cpu-MB/s")
	}
}
