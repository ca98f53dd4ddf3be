// Command eval measures how well tqa finds untranslated text, on
// professional labels and on leaks it makes itself from real text.
//
// The untranslated-type checks are every check of checks.All() whose
// category is accuracy/untranslated or accuracy/non-translation; their
// findings in those categories are the predictions.
//
//   - MQM: ../shared/data/mqm_zhen_newstest2020.tsv, WMT20 Chinese–English
//     with Google's MQM labels. A row is predicted positive when an
//     untranslated-type finding falls on its target; precision and recall
//     against has_untranslated, over the rows whose target holds Chinese
//     characters and over all rows; and the number of such findings on the
//     rows of the human translations (Human-A.0, Human-B.0).
//   - Synthetic leaks: human-translation rows without label nor finding
//     get a fragment injected at a random word boundary of the English
//     target: 2 to 4 Han characters of the aligned Chinese source, spaced
//     ("the 酝酿 plan") or glued to the word before ("is酝酿 Leaving"), or a
//     run of 2 to 6 words of a French, German or Spanish sentence of
//     ../shared/data/foreign_sentences. A finding counts only when its
//     span is exactly the injected fragment (precision, recall, F1).
//
// It also prints the share of the human translations' target bytes that
// reached lingua.
//
//	go run ./bench/eval                 # from the module root
//	go run ./bench/eval -n 300 -seed 2
//
// It prints a note and exits 0 when ../shared is absent.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
	"github.com/tqa-project/tqa/pipeline/langid"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(2)
	}
}

// row is one line of the MQM file.
type row struct {
	id, source, target, systems, doc string
	label                            bool
}

func (r row) human() bool {
	return strings.Contains(r.systems, "Human-A.0") || strings.Contains(r.systems, "Human-B.0")
}

func run(args []string, out io.Writer) error {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	shared := fl.String("shared", "../shared", "the shared data directory")
	n := fl.Int("n", 500, "injections of each kind")
	seed := fl.Uint64("seed", 1, "random seed of the injections")
	show := fl.Int("show", 0, "misses and false alarms to print for each kind")
	only := fl.String("kinds", "", "run only the synthetic kinds whose name starts with this")
	corpusDir := fl.String("corpus", "", "write clean.txt and leaks.txt, texts for timing tqa check, to this directory and stop")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if _, err := os.Stat(*shared); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(out, "eval: %s not found: nothing to evaluate\n", *shared)
		return nil
	}
	rows, err := loadMQM(filepath.Join(*shared, "data", "mqm_zhen_newstest2020.tsv"))
	if err != nil {
		return err
	}
	if *corpusDir != "" {
		return writeCorpus(*shared, *corpusDir, rows, *seed)
	}
	list := untranslatedChecks()
	names := make([]string, len(list))
	for i, c := range list {
		names[i] = c.Name
	}
	fmt.Fprintf(out, "untranslated-type checks: %s\n\n", strings.Join(names, ", "))

	flagged, err := runRows(rows, list)
	if err != nil {
		return err
	}
	var zh, all Counts
	humanFindings, humanRows := 0, 0
	for i, r := range rows {
		pred := len(flagged[i]) > 0
		all.Add(labelCounts(pred, r.label))
		if hasHan(r.target) {
			zh.Add(labelCounts(pred, r.label))
		}
		if r.human() {
			humanRows++
			humanFindings += len(flagged[i])
		}
	}
	fmt.Fprintf(out, "MQM zh-en (%d rows)\n", len(rows))
	fmt.Fprintf(out, "  targets with Chinese characters: %s\n", zh)
	fmt.Fprintf(out, "  all rows, label has_untranslated: %s\n", all)
	fmt.Fprintf(out, "  untranslated-type findings on %d human-translation rows: %d\n", humanRows, humanFindings)
	for i, r := range rows {
		if r.human() && len(flagged[i]) > 0 && *show > 0 {
			for _, f := range flagged[i] {
				fmt.Fprintf(out, "    [%s] %s %q: %s\n", r.id, f.Check, f.Text, f.Message)
			}
		}
	}
	if *show > 0 {
		// The false alarms of the full label: findings on rows that the
		// raters did not mark untranslated (the human rows' are above).
		shown := 0
		for i, r := range rows {
			if r.human() || r.label || len(flagged[i]) == 0 || shown >= *show {
				continue
			}
			shown++
			for _, f := range flagged[i] {
				fmt.Fprintf(out, "    false alarm [%s] %s %q: %s\n", r.id, f.Check, f.Text, f.Message)
			}
		}
	}

	// The share of clean English that reaches lingua: the human rows alone.
	var human []row
	for _, r := range rows {
		if r.human() {
			human = append(human, r)
		}
	}
	det := langid.DetectorFor(append([]language.Tag{language.English, language.Chinese}, langid.DefaultLanguages...))
	before := det.Stats()
	if _, err := runRows(human, list); err != nil {
		return err
	}
	after := det.Stats()
	total := 0
	for _, r := range human {
		total += len(r.target)
	}
	fmt.Fprintf(out, "  lingua saw %d of %d target bytes of the human rows (%.2f%%) in %d calls\n\n",
		after.Bytes-before.Bytes, total, 100*float64(after.Bytes-before.Bytes)/float64(max(total, 1)), after.Calls-before.Calls)

	// Clean bases for injection: human rows without label or finding.
	var bases []row
	for i, r := range rows {
		if r.human() && !r.label && len(flagged[i]) == 0 && len(wordBoundaries(r.target)) > 0 {
			bases = append(bases, r)
		}
	}
	return synthetic(out, *shared, bases, list, *n, *seed, *show, *only)
}

// untranslatedChecks returns the checks of the registry whose category is
// accuracy/untranslated or accuracy/non-translation.
func untranslatedChecks() []*pipeline.Check {
	var out []*pipeline.Check
	for _, c := range checks.All() {
		if untranslatedCategory(c.Category) {
			out = append(out, c)
		}
	}
	return out
}

func untranslatedCategory(cat string) bool {
	return cat == pipeline.CategoryUntranslated || cat == pipeline.CategoryNonTranslation
}

func config() *pipeline.Config {
	return &pipeline.Config{
		SourceLang: language.Chinese, TargetLang: language.English,
		Glossaries: []*glossary.Glossary{glossary.NATO()},
	}
}

// runRows runs the checks on rows, one document per row, and returns the
// untranslated-type findings on each row's target.
func runRows(rows []row, list []*pipeline.Check) ([][]pipeline.Finding, error) {
	docs := make([]*pipeline.Document, len(rows))
	for i, r := range rows {
		docs[i] = &pipeline.Document{
			Path: r.id, Format: "tsv", SourceLang: language.Chinese, TargetLang: language.English,
			Segments: []pipeline.Segment{{ID: r.id, Source: r.source, Target: r.target}},
		}
	}
	fs, err := pipeline.Run(context.Background(), docs, list, config())
	if err != nil {
		return nil, err
	}
	out := make([][]pipeline.Finding, len(rows))
	for _, f := range fs {
		if f.Side == pipeline.Target && untranslatedCategory(f.Category) {
			out[f.Doc] = append(out[f.Doc], f)
		}
	}
	return out, nil
}

// kind is one kind of synthetic leak.
type kind struct {
	name  string
	make  func(rng *rand.Rand, base row) (string, bool) // the fragment
	glued bool
	group string // the line of the summary it counts in
}

func synthetic(out io.Writer, shared string, bases []row, list []*pipeline.Check, n int, seed uint64, show int, only string) error {
	kinds := []kind{
		{name: "zh spaced", glued: false, group: "Chinese fragments", make: func(rng *rand.Rand, b row) (string, bool) { return hanFragment(rng, b.source) }},
		{name: "zh glued", glued: true, group: "Chinese fragments", make: func(rng *rand.Rand, b row) (string, bool) { return hanFragment(rng, b.source) }},
	}
	for _, lang := range []string{"fr", "de", "es"} {
		sents, err := readLines(filepath.Join(shared, "data", "foreign_sentences", lang+".txt"))
		if err != nil {
			return err
		}
		for words := 2; words <= 6; words++ {
			group := latinLong
			if words == 2 {
				group = "Latin phrases of 2 words"
			}
			kinds = append(kinds, kind{
				name:  fmt.Sprintf("%s %d words", lang, words),
				group: group,
				make: func(rng *rand.Rand, _ row) (string, bool) {
					return latinPhrase(rng, sents[rng.IntN(len(sents))], words)
				},
			})
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0x7161))
	edges := map[string]*Counts{}
	groups := map[string]*Counts{}
	var order []string
	fmt.Fprintf(out, "Synthetic leaks into %d clean human translations, %d of each kind, seed %d; exact spans\n", len(bases), n, seed)
	for _, k := range kinds {
		if !strings.HasPrefix(k.name, only) {
			continue
		}
		var rows []row
		var gold []pipeline.Span
		for tries := 0; len(rows) < n && tries < 20*n; tries++ {
			b := bases[rng.IntN(len(bases))]
			frag, ok := k.make(rng, b)
			if !ok {
				continue
			}
			bounds := wordBoundaries(b.target)
			text, span := inject(b.target, frag, bounds[rng.IntN(len(bounds))], k.glued)
			r := b
			r.target = text
			rows = append(rows, r)
			gold = append(gold, span)
		}
		flagged, err := runRows(rows, list)
		if err != nil {
			return err
		}
		var c Counts
		shown := 0
		for i := range rows {
			var pred []pipeline.Span
			for _, f := range flagged[i] {
				pred = append(pred, f.Span)
			}
			ci := exactSpans([]pipeline.Span{gold[i]}, pred)
			c.Add(ci)
			if k.group == latinLong {
				e := edgeGroup(rows[i].target[gold[i].Start:gold[i].End])
				if edges[e] == nil {
					edges[e] = &Counts{}
				}
				edges[e].Add(ci)
				w := wordsGroup(k.name[:2], rows[i].target[gold[i].Start:gold[i].End])
				if edges[w] == nil {
					edges[w] = &Counts{}
				}
				edges[w].Add(ci)
			}
			if (ci.FP > 0 || ci.FN > 0) && shown < show {
				shown++
				fmt.Fprintf(out, "    gold %q; found %s\n      in: %s\n", rows[i].target[gold[i].Start:gold[i].End], findingsText(rows[i].target, flagged[i]), rows[i].target)
			}
		}
		fmt.Fprintf(out, "  %-14s %s\n", k.name, c)
		if groups[k.group] == nil {
			groups[k.group] = &Counts{}
			order = append(order, k.group)
		}
		groups[k.group].Add(c)
	}
	fmt.Fprintln(out)
	for _, g := range order {
		fmt.Fprintf(out, "  %-28s %s\n", g, *groups[g])
	}
	if len(edges) > 0 {
		fmt.Fprintf(out, "\n  %s, by their edge words:\n", latinLong)
		for _, e := range []string{edgeForeign, edgeEnglish} {
			if c := edges[e]; c != nil {
				fmt.Fprintf(out, "    %-54s %s\n", e, *c)
			}
		}
		fmt.Fprintf(out, "  and by their words:\n")
		for _, e := range []string{wordsPlain, wordsNoisy} {
			if c := edges[e]; c != nil {
				fmt.Fprintf(out, "    %-54s %s\n", e, *c)
			}
		}
	}
	return nil
}

const (
	latinLong   = "Latin phrases of 3-6 words"
	edgeEnglish = "first or last word an English word of the list"
	edgeForeign = "neither edge word an English word of the list"
	wordsNoisy  = "a name, acronym, number or word without vowel"
	wordsPlain  = "none of those"
)

// wordsGroup tells whether an injected phrase of language lang (fr, de,
// es) holds a word that says little of its language: a word with digits,
// an acronym or a word with capitals after its first letter ("SGI",
// "ROUY"), a capitalised word after the first in French or Spanish,
// which write names so ("Canaan", "Jennifer Lopez"; German capitalises
// its nouns), or a word without a vowel, most often a word whose accented
// letters the data lost ("ms" for "más", "slo" for "sólo").
func wordsGroup(lang, phrase string) string {
	for i, w := range strings.Fields(phrase) {
		w = strings.Trim(w, ",")
		first, _ := utf8.DecodeRuneInString(w)
		capitals := 0
		for _, r := range w {
			if unicode.IsUpper(r) {
				capitals++
			}
		}
		switch {
		case strings.ContainsAny(w, "0123456789"),
			capitals > 1 || capitals == 1 && !unicode.IsUpper(first),
			capitals == 1 && i > 0 && lang != "de",
			!strings.ContainsAny(strings.ToLower(w), "aeiouyáéíóúàèìòùâêîôûäëïöüœæ"):
			return wordsNoisy
		}
	}
	return wordsPlain
}

// edgeGroup tells whether an injected phrase starts or ends with a word
// that the English word list knows (langid.EnglishWord: "la vision",
// "die", "in"), which no detector can place on one side of the phrase's
// edge by the word alone.
func edgeGroup(phrase string) string {
	words := langid.LatinWords(phrase)
	if len(words) > 0 && (words[0].Class == langid.EnglishWord || words[len(words)-1].Class == langid.EnglishWord) {
		return edgeEnglish
	}
	return edgeForeign
}

// writeCorpus writes two plain-text documents of the human translations'
// targets, one paragraph each: clean.txt as they are, and leaks.txt with
// a phrase of 3 to 6 words of a French, German or Spanish sentence
// injected into each (as the synthetic leaks are made).
func writeCorpus(shared, dir string, rows []row, seed uint64) error {
	var sents []string
	for _, lang := range []string{"fr", "de", "es"} {
		s, err := readLines(filepath.Join(shared, "data", "foreign_sentences", lang+".txt"))
		if err != nil {
			return err
		}
		sents = append(sents, s...)
	}
	rng := rand.New(rand.NewPCG(seed, 0x7161))
	var clean, leaks strings.Builder
	for _, r := range rows {
		if !r.human() {
			continue
		}
		clean.WriteString(r.target + "\n\n")
		text := r.target
		if b := wordBoundaries(text); len(b) > 0 {
			for {
				if p, ok := latinPhrase(rng, sents[rng.IntN(len(sents))], 3+rng.IntN(4)); ok {
					text, _ = inject(text, p, b[rng.IntN(len(b))], false)
					break
				}
			}
		}
		leaks.WriteString(text + "\n\n")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "clean.txt"), []byte(clean.String()), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "leaks.txt"), []byte(leaks.String()), 0o644)
}

// findingsText quotes the spans of fs in text, each after its check's
// name.
func findingsText(text string, fs []pipeline.Finding) string {
	var q []string
	for _, f := range fs {
		q = append(q, fmt.Sprintf("%s %q", f.Check, text[f.Span.Start:f.Span.End]))
	}
	if len(q) == 0 {
		return "nothing"
	}
	return strings.Join(q, ", ")
}

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// loadMQM reads the MQM file by its header's column names.
func loadMQM(path string) ([]row, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	col := map[string]int{}
	for i, f := range strings.Split(lines[0], "\t") {
		col[f] = i
	}
	need := []string{"id", "source", "target", "has_untranslated", "systems", "doc"}
	for _, c := range need {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s: line 1: no column %q", path, c)
		}
	}
	last := 0
	for _, c := range need {
		last = max(last, col[c])
	}
	var rows []row
	for n, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) <= last {
			return nil, fmt.Errorf("%s: line %d: %d fields, want at least %d", path, n+2, len(f), last+1)
		}
		rows = append(rows, row{
			id: f[col["id"]], source: f[col["source"]], target: f[col["target"]],
			systems: f[col["systems"]], doc: f[col["doc"]], label: f[col["has_untranslated"]] == "1",
		})
	}
	return rows, nil
}

// readLines returns the non-empty lines of a file.
func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if line := strings.TrimRight(sc.Text(), "\r"); line != "" {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return slices.Clip(out), nil
}
