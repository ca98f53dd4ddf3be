package checks

import (
	"context"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// tatoebaSegments returns the Tatoeba pairs as segments, Chinese to
// English, or English to Chinese when reverse is set. Skipped when
// ../shared is absent.
func tatoebaSegments(b *testing.B, reverse bool) ([]pipeline.Segment, int64) {
	pairs := loadTatoebaZhEn(b)
	segs := make([]pipeline.Segment, len(pairs))
	size := 0
	for i, p := range pairs {
		segs[i] = pipeline.Segment{Source: p.zh, Target: p.en, SourceLang: language.Chinese, TargetLang: language.English}
		if reverse {
			segs[i] = pipeline.Segment{Source: p.en, Target: p.zh, SourceLang: language.English, TargetLang: language.Chinese}
		}
		size += len(p.zh) + len(p.en)
	}
	return segs, int64(size)
}

// BenchmarkScanTargets finds the script runs of the targets of the
// Tatoeba pairs, English targets (zh-en) and Chinese ones (en-zh).
func BenchmarkScanTargets(b *testing.B) {
	for _, dir := range []string{"zh-en", "en-zh"} {
		b.Run(dir, func(b *testing.B) {
			segs, size := tatoebaSegments(b, dir == "en-zh")
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				scanTargets(segs)
			}
		})
	}
}

// BenchmarkScoreLengthsTatoeba scores the Tatoeba pairs as one document,
// with scoreLengths and with the two-pass reference it replaced.
func BenchmarkScoreLengthsTatoeba(b *testing.B) {
	segs, size := tatoebaSegments(b, false)
	for _, impl := range []struct {
		name  string
		score func([]pipeline.Segment)
	}{
		{"compact", func(s []pipeline.Segment) { scoreLengths(s) }},
		{"reference", func(s []pipeline.Segment) { scoreLengthsReference(s) }},
	} {
		b.Run(impl.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				impl.score(segs)
			}
		})
	}
}

// BenchmarkTatoebaChecks runs single checks over the Tatoeba pairs as one
// document, Chinese to English and English to Chinese: each run works out
// what the check shares with others (script runs, length scores) afresh.
func BenchmarkTatoebaChecks(b *testing.B) {
	checks := []*pipeline.Check{
		LengthRatio, LengthOutlier, Truncated, MixedScript, SourceCopiedFragment, UntranslatedSegment,
		CJKPunctuation, DashSubstitute, RepetitionLoop, Placeholders, BracketsQuotes, URLsEmails, EmptyTarget, InlineTags,
	}
	for _, dir := range []string{"zh-en", "en-zh"} {
		segs, size := tatoebaSegments(b, dir == "en-zh")
		for _, c := range checks {
			b.Run(dir+"/"+c.Name, func(b *testing.B) {
				docs := []*pipeline.Document{{Path: "tatoeba", Segments: segs}}
				b.SetBytes(size)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := pipeline.Run(context.Background(), docs, []*pipeline.Check{c}, &pipeline.Config{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
