package checks

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
)

// mtFailureChecks are the checks of machine-translation failures that
// TestMTFailureEval measures, and untranslatedChecks the checks whose
// findings are of category accuracy/untranslated, measured with them.
var (
	mtFailureChecks    = []*pipeline.Check{RepetitionLoop, Truncated, LengthOutlier, UnrelatedOutput}
	untranslatedChecks = []*pipeline.Check{UntranslatedSegment, MixedScript, SourceCopiedFragment}
)

// mqmRow is one row of mqm_zhen_newstest2020.tsv.
type mqmRow struct {
	id, zh, en, doc, system string
	untranslated, human     bool
}

// loadMQMRows reads every row of mqm_zhen_newstest2020.tsv.
func loadMQMRows(t testing.TB) []mqmRow {
	var out []mqmRow
	col := map[string]int{}
	eachZhEnLine(t, filepath.Join(zhEnDataDir, "mqm_zhen_newstest2020.tsv"), func(n int, f []string) {
		if n == 1 {
			for i, name := range f {
				col[name] = i
			}
			return
		}
		sys := f[col["systems"]]
		out = append(out, mqmRow{
			id: f[col["id"]], zh: f[col["source"]], en: f[col["target"]], doc: f[col["doc"]],
			system:       strings.Fields(strings.ReplaceAll(sys, ",", " "))[0],
			untranslated: f[col["has_untranslated"]] == "1",
			human:        strings.Contains(sys, "Human-A.0") || strings.Contains(sys, "Human-B.0"),
		})
	})
	return out
}

// TestMTFailureEval measures the checks of machine-translation failures on
// the WMT20 MQM data and on Tatoeba (../shared/data; skipped when absent,
// in -short mode and under the race detector):
//
//   - against the MQM file's has_untranslated label (raters' "Untranslated
//     text" or "Non-translation"): the precision and recall of the rows
//     with a finding of category accuracy/untranslated or
//     accuracy/non-translation, and of the rows with any finding of these
//     checks or of the untranslated-type checks;
//   - the findings of these checks on the professional human rows
//     (Human-A.0, Human-B.0): at most 5;
//   - the Tatoeba pairs they flag: under 0.1%.
//
// -v lists every row flagged, with its label. The figures are recorded in
// bench/README.md.
func TestMTFailureEval(t *testing.T) {
	if testing.Short() || underRace {
		t.Skip("runs on 47,000 pairs: skipped in -short mode and under the race detector")
	}
	rows := loadMQMRows(t)
	tatoeba := loadTatoebaZhEn(t)
	checks := append(slices.Clone(untranslatedChecks), mtFailureChecks...)
	cfg := &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}}

	// One document per news document and system, so that length-ratio
	// and the length model see each translation's own level.
	var docs []*pipeline.Document
	byName := map[string]*pipeline.Document{}
	rowOf := map[string]mqmRow{}
	for _, r := range rows {
		name := r.doc + "/" + r.system
		d := byName[name]
		if d == nil {
			d = &pipeline.Document{Path: "mqm#" + name, SourceLang: language.Chinese, TargetLang: language.English}
			byName[name] = d
			docs = append(docs, d)
		}
		d.Segments = append(d.Segments, pipeline.Segment{ID: r.id, Source: r.zh, Target: r.en})
		rowOf[r.id] = r
	}
	fs, err := pipeline.Run(context.Background(), docs, checks, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]bool{}
	for _, c := range mtFailureChecks {
		ours[c.Name] = true
	}
	strict, any := map[string]bool{}, map[string]bool{}
	humanFindings := 0
	byCheck := map[string]int{}
	var lines []string
	for _, f := range fs {
		if f.Severity < pipeline.Minor {
			continue
		}
		r := rowOf[f.ID]
		any[f.ID] = true
		byCheck[f.Check]++
		if f.Category == pipeline.CategoryUntranslated || f.Category == pipeline.CategoryNonTranslation {
			strict[f.ID] = true
		}
		if ours[f.Check] && r.human {
			humanFindings++
		}
		if ours[f.Check] {
			lines = append(lines, fmt.Sprintf("  [%s %s label=%v] %s %s %s %q: %s\n      src: %s\n      tgt: %s",
				f.ID, r.system, r.untranslated, f.Check, f.Severity, f.Category, quoteShort(f.Text, 80), f.Message, r.zh, r.en))
		}
	}
	positives := 0
	for _, r := range rows {
		if r.untranslated {
			positives++
		}
	}
	report := func(name string, flagged map[string]bool) (precision, recall float64) {
		tp := 0
		for id := range flagged {
			if rowOf[id].untranslated {
				tp++
			}
		}
		if len(flagged) > 0 {
			precision = float64(tp) / float64(len(flagged))
		}
		recall = float64(tp) / float64(positives)
		t.Logf("%s: %d rows flagged, %d labelled: precision %.3f, recall %.3f (of %d labelled rows)", name, len(flagged), tp, precision, recall, positives)
		return precision, recall
	}
	t.Logf("MQM: %d rows, findings by check: %v", len(rows), byCheck)
	report("untranslated + non-translation categories", strict)
	report("any finding of the untranslated-type and MT-failure checks", any)
	t.Logf("MQM human rows: %d findings of the MT-failure checks", humanFindings)
	if testing.Verbose() {
		slices.Sort(lines)
		t.Log("\n" + strings.Join(lines, "\n"))
	}
	if humanFindings > 5 {
		t.Errorf("the MT-failure checks report %d findings on the human translations, want at most 5", humanFindings)
	}

	// Tatoeba: clean pairs, one document.
	doc := &pipeline.Document{Path: "tatoeba", SourceLang: language.Chinese, TargetLang: language.English}
	for i, p := range tatoeba {
		doc.Segments = append(doc.Segments, pipeline.Segment{ID: fmt.Sprint(i + 1), Source: p.zh, Target: p.en})
	}
	tfs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, mtFailureChecks, cfg)
	if err != nil {
		t.Fatal(err)
	}
	flagged := map[string]bool{}
	for _, f := range tfs {
		if f.Severity >= pipeline.Minor {
			flagged[f.ID] = true
			if testing.Verbose() {
				s := doc.Segments[f.Segment]
				t.Logf("  tatoeba [%s] %s %q: %s\n      src: %s\n      tgt: %s", s.ID, f.Check, f.Text, f.Message, s.Source, s.Target)
			}
		}
	}
	rate := float64(len(flagged)) / float64(len(doc.Segments))
	t.Logf("Tatoeba: the MT-failure checks flag %d of %d pairs (%.3f%%)", len(flagged), len(doc.Segments), 100*rate)
	if rate >= 0.001 {
		t.Errorf("Tatoeba: the MT-failure checks flag %.3f%% of the pairs, want under 0.1%%", 100*rate)
	}
}
