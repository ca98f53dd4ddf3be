package checks

import (
	"context"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/internal/cputime"
	"github.com/tqa-project/tqa/pipeline"
)

// benchedChecks are the classic battery and the MT-failure checks: those
// that compare numbers, lengths, marks and spacing rather than words.
var benchedChecks = []*pipeline.Check{
	CJKPunctuation, DashSubstitute, EmptyTarget, UntranslatedSegment, SourceCopiedFragment,
	Numbers, Placeholders, InlineTags, URLsEmails, BracketsQuotes, Whitespace, RepeatedWord,
	LengthRatio, RepetitionLoop, Truncated, LengthOutlier, UnrelatedOutput, MixedScript,
}

// BenchmarkChecksBattery runs benchedChecks over the Tatoeba Chinese-English
// pairs (29,153 segments in one document, the source's language
// undetermined and the target English, as tqa reads bench/mkpo's PO
// file), all together and each alone (with what it shares with others,
// such as the numbers and length scores, worked out for it). It reports
// CPU time beside wall time; with GOMAXPROCS=1 it is the cost on one core.
// Skipped when ../shared is absent.
func BenchmarkChecksBattery(b *testing.B) {
	benchmarkTatoeba(b, benchedChecks, &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}})
}

// BenchmarkChecksNoLangID runs every check but those of language
// identification (wrong-language, foreign-fragment) over the Tatoeba
// pairs as BenchmarkChecksBattery does, with the configuration tqa check
// runs by default (the NATO glossary and spelling profile): all together
// and each alone.
func BenchmarkChecksNoLangID(b *testing.B) {
	var list []*pipeline.Check
	for _, c := range All() {
		if c != WrongLanguage && c != ForeignFragment {
			list = append(list, c)
		}
	}
	profile, err := spelling.ParseProfile("nato")
	if err != nil {
		b.Fatal(err)
	}
	benchmarkTatoeba(b, list, &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}, Spelling: profile})
}

// benchmarkTatoeba runs list over the Tatoeba pairs with cfg: all
// together, then each alone.
func benchmarkTatoeba(b *testing.B, list []*pipeline.Check, cfg *pipeline.Config) {
	pairs := loadTatoebaZhEn(b)
	doc := &pipeline.Document{Path: "bench", TargetLang: language.English}
	for _, p := range pairs {
		doc.Segments = append(doc.Segments, pipeline.Segment{ID: "s", Source: p.zh, Target: p.en})
	}
	docs := []*pipeline.Document{doc}
	run := func(b *testing.B, checks []*pipeline.Check) {
		// Build the glossary matcher outside the timing: it is built once
		// per run.
		if _, err := pipeline.Run(context.Background(), docs, checks, cfg); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		cpu := cputime.Process()
		for b.Loop() {
			if _, err := pipeline.Run(context.Background(), docs, checks, cfg); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
	}
	b.Run("all", func(b *testing.B) { run(b, list) })
	for _, c := range list {
		b.Run(c.Name, func(b *testing.B) { run(b, []*pipeline.Check{c}) })
	}
}
