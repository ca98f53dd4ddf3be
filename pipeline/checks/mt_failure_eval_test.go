package checks

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/numerals"
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

// TestMTFailureInjected measures how many injected failures each check
// finds, on the professional human rows of the MQM data (../shared/data;
// skipped when absent, in -short mode and under the race detector). Each
// pair is changed in one way, with a seeded generator:
//
//   - loop: 3 to 8 words of the target, taken at random, written 3 to 10
//     times over, separated by ", " (the loops of engines);
//   - cut: the target cut at the word boundary nearest a random point
//     between 30% and 80% of its length, without final punctuation;
//   - misaligned: the target of the row 1,000 rows further on (another
//     news document), for repetition-loop's and unrelated-output's
//     purposes a fluent output unrelated to the source.
//
// It logs the share of changed pairs that the intended check reports;
// repetition-loop must find at least 95% of the loops and truncated at
// least half of the cuts (the cuts that end on a complete-looking word
// in a target of normal length are missed by design). unrelated-output is
// measured on the misaligned pairs whose source has at least 3 anchors.
func TestMTFailureInjected(t *testing.T) {
	if testing.Short() || underRace {
		t.Skip("runs on 12,000 pairs: skipped in -short mode and under the race detector")
	}
	pairs := loadMQMHumanZhEn(t)
	rng := rand.New(rand.NewPCG(8, 2020))
	cfg := &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}, SourceLang: language.Chinese, TargetLang: language.English}
	type injection struct {
		name  string
		check *pipeline.Check
		make  func(i int, p zhEnPair) (string, bool)
		min   float64
	}
	injections := []injection{
		{"loop", RepetitionLoop, func(_ int, p zhEnPair) (string, bool) {
			words := strings.Fields(p.en)
			if len(words) < 10 {
				return "", false
			}
			n := 3 + rng.IntN(6)
			at := rng.IntN(len(words) - n)
			phrase := strings.Join(words[at:at+n], " ")
			copies := 3 + rng.IntN(8)
			looped := strings.TrimRight(phrase, ",;:.")
			for k := 1; k < copies; k++ {
				looped += ", " + strings.TrimRight(phrase, ",;:.")
			}
			return strings.Join(words[:at], " ") + " " + looped + " " + strings.Join(words[at+n:], " "), true
		}, 0.95},
		{"cut", Truncated, func(_ int, p zhEnPair) (string, bool) {
			if r, _ := lastMark(p.zh); !sentenceFinal(r) || len(p.en) < 40 {
				return "", false
			}
			point := int(float64(len(p.en)) * (0.3 + 0.5*rng.Float64()))
			cut := strings.LastIndexByte(p.en[:point], ' ')
			if cut <= 0 {
				return "", false
			}
			return strings.TrimRight(p.en[:cut], ",;:.!?\"'”’) "), true
		}, 0.5},
		{"misaligned", UnrelatedOutput, func(i int, p zhEnPair) (string, bool) {
			other := pairs[(i+1000)%len(pairs)]
			return other.en, other.doc != p.doc
		}, 0},
	}
	for _, inj := range injections {
		doc := &pipeline.Document{Path: inj.name}
		for i, p := range pairs {
			if target, ok := inj.make(i, p); ok {
				doc.Segments = append(doc.Segments, pipeline.Segment{ID: fmt.Sprint(i), Source: p.zh, Target: target})
			}
		}
		fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{inj.check}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		found := map[int]bool{}
		for _, f := range fs {
			if f.Severity >= pipeline.Minor {
				found[f.Segment] = true
			}
		}
		total := len(doc.Segments)
		if inj.check == UnrelatedOutput {
			// Only sources with enough anchors can be judged.
			judged, hits := 0, 0
			for k := range doc.Segments {
				if len(anchorsOf(doc.Segments[k].Source)) >= unrelatedMinAnchors {
					judged++
					if found[k] {
						hits++
					}
				}
			}
			t.Logf("%s: %s reports %d of %d pairs (%.1f%%); of the %d whose source has %d anchors or more without glossary terms, %d (%.1f%%)",
				inj.name, inj.check.Name, len(found), total, 100*float64(len(found))/float64(total), judged, unrelatedMinAnchors, hits, 100*float64(hits)/float64(max(judged, 1)))
			continue
		}
		rate := float64(len(found)) / float64(total)
		t.Logf("%s: %s reports %d of %d changed pairs (%.1f%%)", inj.name, inj.check.Name, len(found), total, 100*rate)
		if rate < inj.min {
			t.Errorf("%s: %s finds %.1f%% of the injected failures, want at least %.0f%%", inj.name, inj.check.Name, 100*rate, 100*inj.min)
		}
	}
}

// anchorsOf returns the numbers and Latin-script words of a Chinese
// source that unrelated-output takes for anchors (glossary terms and links
// left out).
func anchorsOf(source string) map[string]bool {
	out := map[string]bool{}
	for _, n := range numerals.Extract(source, language.Chinese) {
		if !n.Weak && n.Kind != numerals.Label {
			out["n:"+numberKey(n)] = true
		}
	}
	for _, w := range latinWords(source) {
		out["w:"+strings.ToLower(w)] = true
	}
	return out
}
