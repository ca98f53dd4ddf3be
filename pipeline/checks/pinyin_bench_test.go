package checks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/cedict"
	"github.com/tqa-project/tqa/internal/cputime"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
	"github.com/tqa-project/tqa/pipeline/readings"
)

// leakedTargets returns 5,000 English sentences of the Tatoeba pairs, each
// with a leak: the first two characters of its Chinese source put in after
// its first word ("We're 我们 against war."), without the source, so that
// mixed-script reports every one of them: the worst case for readings.
// Skipped when ../shared is absent.
func leakedTargets(b *testing.B) []string {
	var out []string
	for _, p := range loadTatoebaZhEn(b) {
		zh := []rune(p.zh)
		if len(zh) < 2 || !hasHan(string(zh[:2])) {
			continue
		}
		first, rest, ok := strings.Cut(p.en, " ")
		if !ok {
			continue
		}
		out = append(out, first+" "+string(zh[:2])+" "+rest)
		if len(out) == 5000 {
			break
		}
	}
	return out
}

func docOf(targets []string) *pipeline.Document {
	d := &pipeline.Document{Path: "bench", TargetLang: language.English}
	for _, t := range targets {
		d.Segments = append(d.Segments, pipeline.Segment{ID: "s", Target: t})
	}
	return d
}

func sampleDict(b *testing.B) *cedict.Dict {
	d, err := cedict.LoadFile("../../glossary/cedict/testdata/sample.u8")
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func bytesOf(targets []string) int64 {
	n := 0
	for _, t := range targets {
		n += len(t)
	}
	return int64(n)
}

// BenchmarkMixedScriptReadings runs mixed-script over the leaked targets:
// with pinyin only, and with the NATO glossary and a dictionary.
func BenchmarkMixedScriptReadings(b *testing.B) {
	targets := leakedTargets(b)
	for _, bc := range []struct {
		name string
		cfg  func() *pipeline.Config
	}{
		{"pinyin", func() *pipeline.Config { return &pipeline.Config{} }},
		{"glossary+dict", func() *pipeline.Config {
			return &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}, Dict: sampleDict(b)}
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cfg := bc.cfg()
			cfg.Matcher(language.Chinese) // built once per run, not measured
			b.SetBytes(bytesOf(targets))
			b.ReportAllocs()
			cpu := cputime.Process()
			for b.Loop() {
				doc := docOf(targets)
				if _, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{MixedScript}, cfg); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkFragmentReadings reads the Han fragments of the leaked targets
// alone (what BenchmarkMixedScriptReadings spends on readings), with the
// same two configurations.
func BenchmarkFragmentReadings(b *testing.B) {
	targets := leakedTargets(b)
	var frags []string
	for _, t := range targets {
		for r := range langid.All(t) {
			if r.Script == langid.Han {
				frags = append(frags, t[r.Start:r.End])
			}
		}
	}
	cfgs := []struct {
		name string
		rd   readings.Reader
	}{
		{"pinyin", readings.Reader{}},
		{"glossary+dict", func() readings.Reader {
			cfg := &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}}
			cfg.Matcher(language.Chinese)
			return readings.Reader{Matcher: cfg.Matcher, Dict: sampleDict(b)}
		}()},
	}
	for _, bc := range cfgs {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(bytesOf(targets))
			b.ReportMetric(float64(len(frags)), "fragments")
			b.ReportAllocs()
			cpu := cputime.Process()
			for b.Loop() {
				for _, f := range frags {
					r := bc.rd.Read(f, language.Chinese)
					_ = r.Note()
				}
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkPinyin runs the pinyin check over English prose: the demo
// articles (corpus/samples/*.txt), one segment a line, repeated to about
// 1 MiB.
func BenchmarkPinyin(b *testing.B) {
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
	for n := 0; n < 1<<20; {
		for _, l := range lines {
			targets = append(targets, l)
			n += len(l)
		}
	}
	cfg := &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}}
	b.SetBytes(bytesOf(targets))
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		if _, err := pipeline.Run(context.Background(), []*pipeline.Document{docOf(targets)}, []*pipeline.Check{Pinyin}, cfg); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// reportCPU reports the process CPU time per operation since cpu (see
// internal/cputime): with GOMAXPROCS=1 it is the single-core cost, which other
// jobs on the machine affect much less than wall time.
func reportCPU(b *testing.B, cpu time.Duration) {
	if cpu0 := cpu; cpu0 > 0 {
		b.ReportMetric(float64(cputime.Process()-cpu0)/float64(b.N), "cpu-ns/op")
	}
}
