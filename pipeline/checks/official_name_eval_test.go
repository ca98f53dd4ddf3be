package checks

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/internal/cputime"
	"github.com/tqa-project/tqa/pipeline"
)

// mqmHumanADocs reads the rows of system Human-A.0 of the WMT20 MQM data
// (../shared/data; the test or benchmark skips when it is absent), one
// bilingual document per news document, segments in file order.
func mqmHumanADocs(tb testing.TB) []*pipeline.Document {
	byDoc := map[string]*pipeline.Document{}
	var order []string
	col := map[string]int{}
	eachZhEnLine(tb, filepath.Join(zhEnDataDir, "mqm_zhen_newstest2020.tsv"), func(n int, f []string) {
		if n == 1 {
			for i, name := range f {
				col[name] = i
			}
			return
		}
		if !strings.Contains(f[col["systems"]], "Human-A.0") {
			return
		}
		name := f[col["doc"]]
		d := byDoc[name]
		if d == nil {
			d = &pipeline.Document{Path: name, Format: "tsv", SourceLang: language.Chinese, TargetLang: language.English}
			byDoc[name] = d
			order = append(order, name)
		}
		d.Segments = append(d.Segments, pipeline.Segment{
			ID: f[col["id"]], Source: f[col["source"]], Target: f[col["target"]],
			SourceLoc: pipeline.At(pipeline.Position{Line: n, Column: 1}),
			TargetLoc: pipeline.At(pipeline.Position{Line: n, Column: 1}),
		})
	})
	docs := make([]*pipeline.Document, len(order))
	for i, name := range order {
		docs[i] = byDoc[name]
	}
	return docs
}

// monolingual returns copies of docs without their sources.
func monolingual(docs []*pipeline.Document) []*pipeline.Document {
	out := make([]*pipeline.Document, len(docs))
	for i, d := range docs {
		c := *d
		c.Segments = slices.Clone(d.Segments)
		for k := range c.Segments {
			c.Segments[k].Source = ""
		}
		out[i] = &c
	}
	return out
}

// TestOfficialNameMQMHumanA runs official-name with the built-in NATO
// glossary on the professional reference translations (Human-A.0) of the
// WMT20 zh-en MQM data, with and without their Chinese sources, and lists
// every finding (-v) at the default threshold and at the lower thresholds
// 0.7 and 0.6: bench/README.md gives a verdict for each. News of 2019-2020
// names few NATO bodies, so nearly every finding there is a false alarm;
// the test fails above 5 findings per 1,000 segments at the default.
func TestOfficialNameMQMHumanA(t *testing.T) {
	if testing.Short() || underRace {
		t.Skip("reads the MQM data: skipped in -short mode and under the race detector")
	}
	docs := mqmHumanADocs(t)
	segs := 0
	for _, d := range docs {
		segs += len(d.Segments)
	}
	// What the check had to judge: runs of capitalised words, those with a
	// stretch whose head noun is an official name's, and the official
	// names found exactly.
	idx := buildNameIndex([]*glossary.Glossary{glossary.NATO()}, language.English)
	m := glossary.NewMatcher(language.English, glossary.NATO())
	runs, compared, exact := 0, 0, map[string]int{}
	for _, d := range docs {
		for _, s := range d.Segments {
			for _, run := range nameRuns(s.Target) {
				runs++
				if slices.ContainsFunc(run, func(t nameToken) bool { return len(idx.byHead[t.key]) > 0 }) {
					compared++
				}
			}
			for _, x := range m.Find(s.Target) {
				if x.Concept.HasAppellation() {
					exact[s.Target[x.Start:x.End]]++
				}
			}
		}
	}
	t.Logf("%d runs of capitalised words, %d with a head noun of an official name; official names found exactly: %v", runs, compared, exact)
	for _, set := range []struct {
		name      string
		docs      []*pipeline.Document
		threshold float64
	}{
		{"with source", docs, 0}, {"target only", monolingual(docs), 0},
		{"with source, threshold 0.7", docs, 0.7}, {"with source, threshold 0.6", docs, 0.6},
	} {
		cfg := &pipeline.Config{TargetLang: language.English, SourceLang: language.Chinese, Glossaries: []*glossary.Glossary{glossary.NATO()}, OfficialNameThreshold: set.threshold}
		got, err := pipeline.Run(context.Background(), set.docs, []*pipeline.Check{OfficialName}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d findings in %d segments of %d documents", set.name, len(got), segs, len(set.docs))
		for _, f := range got {
			s := set.docs[f.Doc].Segments[f.Segment]
			t.Logf("  [%s] %q: %s\n      src: %s\n      tgt: %s", s.ID, f.Text, f.Message, docs[f.Doc].Segments[f.Segment].Source, s.Target)
		}
		if rate := float64(len(got)) / float64(segs); set.threshold == 0 && rate > 0.005 {
			t.Errorf("%s: %d findings in %d segments (%.2f%%), want at most 0.5%%", set.name, len(got), segs, 100*rate)
		}
	}
}

// BenchmarkBatteryOfficialName runs every check of All on the Human-A.0
// documents of the MQM data (bilingual, 2,000 segments; skipped when
// ../shared is absent), with the configuration of tqa check (built-in NATO
// glossary, nato spelling profile), without and with official-name. Each
// iteration is a new run: the glossary matcher and the index of official
// names are built in it, as in tqa check. "only" runs official-name
// alone and "matches" only computes the glossary matches of both sides,
// which official-name shares with the term checks: the difference is the
// check's own cost. cpu-ms/op is the process's CPU time per run, which
// other jobs on the machine do not inflate.
func BenchmarkBatteryOfficialName(b *testing.B) {
	docs := mqmHumanADocs(b)
	bytes := 0
	for _, d := range docs {
		for _, s := range d.Segments {
			bytes += len(s.Source) + len(s.Target)
		}
	}
	all := All()
	without := slices.DeleteFunc(slices.Clone(all), func(c *pipeline.Check) bool { return c == OfficialName })
	for _, bc := range []struct {
		name   string
		checks []*pipeline.Check
	}{{"without", without}, {"with", all}, {"only", []*pipeline.Check{OfficialName}}, {"matches", []*pipeline.Check{termMatchesOnly}}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(bytes))
			b.ReportAllocs()
			cpu := cputime.Process()
			for b.Loop() {
				cfg := &pipeline.Config{TargetLang: language.English, SourceLang: language.Chinese,
					Glossaries: []*glossary.Glossary{glossary.NATO()}, Spelling: spelling.NATO}
				if _, err := pipeline.Run(context.Background(), docs, bc.checks, cfg); err != nil {
					b.Fatal(err)
				}
			}
			if cpu := cputime.Process() - cpu; cpu > 0 {
				b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
			}
		})
	}
}

// termMatchesOnly computes the glossary matches of both sides of every
// segment, as the term checks and official-name do, and reports nothing:
// the baseline of BenchmarkBatteryOfficialName/only.
var termMatchesOnly = &pipeline.Check{Name: "term-matches", Run: func(p *pipeline.Pass) error {
	for d := range p.Docs {
		targetTerms(p, d)
		sourceTerms(p, d)
	}
	return nil
}}
