// Command fpeval measures tqa's false positives on clean, professionally
// or carefully translated pairs: every finding it reports there is a
// false alarm or a real slip of the translator, and its report lists them
// so that a person can tell which.
//
// It reads ../shared/data/tatoeba_cmn_eng.tsv (English, Chinese and an
// attribution per line; the Chinese is the source) and the human
// translations (systems Human-A.0 and Human-B.0) of
// ../shared/data/mqm_zhen_newstest2020.tsv, runs every check with the
// built-in NATO glossary, and prints for each data set the share of pairs
// with a finding at or above -min (default minor), the findings by check,
// and up to -examples findings of each check.
//
//	go run ./bench/fpeval                      # both data sets
//	go run ./bench/fpeval -set tatoeba -examples 20
//
// It exits 0 without output when ../shared is absent.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "fpeval:", err)
		os.Exit(2)
	}
}

func run(args []string, out io.Writer) error {
	fl := flag.NewFlagSet("fpeval", flag.ContinueOnError)
	shared := fl.String("shared", "../shared", "the shared data directory")
	set := fl.String("set", "all", "data set: tatoeba, mqm-human or all")
	minSev := fl.String("min", "minor", "count findings at or above this severity")
	examples := fl.Int("examples", 5, "findings to show for each check")
	spell := fl.String("spelling", "off", "spelling profile (the data sets mix US and UK spelling; nato would flag every US spelling)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	sev, err := pipeline.ParseSeverity(*minSev)
	if err != nil {
		return err
	}
	profile, err := spelling.ParseProfile(*spell)
	if err != nil {
		return err
	}
	if _, err := os.Stat(*shared); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	sets := []struct {
		name string
		load func(string) ([]*pipeline.Document, error)
	}{
		{"tatoeba", loadTatoeba},
		{"mqm-human", loadMQMHuman},
	}
	for _, s := range sets {
		if *set != "all" && *set != s.name {
			continue
		}
		docs, err := s.load(*shared)
		if err != nil {
			return err
		}
		cfg := &pipeline.Config{
			SourceLang: language.Chinese, TargetLang: language.English,
			Glossaries: []*glossary.Glossary{glossary.NATO()},
			Spelling:   profile,
		}
		fs, err := pipeline.Run(context.Background(), docs, checks.All(), cfg)
		if err != nil {
			return err
		}
		report(out, s.name, docs, fs, sev, *examples)
	}
	return nil
}

func report(out io.Writer, name string, docs []*pipeline.Document, fs []pipeline.Finding, minSev pipeline.Severity, examples int) {
	type segKey struct{ doc, seg int }
	flagged := map[segKey]bool{}
	n := 0
	for _, d := range docs {
		n += len(d.Segments)
	}
	byCheck := map[string][]pipeline.Finding{}
	for _, f := range fs {
		if f.Severity < minSev {
			continue
		}
		flagged[segKey{f.Doc, f.Segment}] = true
		byCheck[f.Check] = append(byCheck[f.Check], f)
	}
	fmt.Fprintf(out, "== %s: %d pairs, %d with a finding at or above %s (%.2f%%)\n", name, n, len(flagged), minSev, 100*float64(len(flagged))/float64(max(n, 1)))
	names := make([]string, 0, len(byCheck))
	for c := range byCheck {
		names = append(names, c)
	}
	// Most findings first; checks with as many in name order, so that
	// two runs print the same table.
	slices.SortFunc(names, func(a, b string) int {
		if d := len(byCheck[b]) - len(byCheck[a]); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for _, c := range names {
		segs := map[segKey]bool{}
		for _, f := range byCheck[c] {
			segs[segKey{f.Doc, f.Segment}] = true
		}
		fmt.Fprintf(out, "%-24s %6d findings in %6d pairs (%.2f%%)\n", c, len(byCheck[c]), len(segs), 100*float64(len(segs))/float64(max(n, 1)))
	}
	for _, c := range names {
		fmt.Fprintf(out, "-- %s\n", c)
		for _, f := range byCheck[c][:min(examples, len(byCheck[c]))] {
			s := docs[f.Doc].Segments[f.Segment]
			fmt.Fprintf(out, "  [%s] %s %s %q: %s\n      src: %s\n      tgt: %s\n", s.ID, f.Severity, f.Side, f.Text, f.Message, s.Source, s.Target)
		}
	}
}

// loadTatoeba reads english<TAB>chinese<TAB>attribution lines. Lines
// with fewer fields (the file has two whose English and Chinese are
// separated by a space, not a tab) are skipped and counted on stderr.
func loadTatoeba(shared string) ([]*pipeline.Document, error) {
	path := filepath.Join(shared, "data", "tatoeba_cmn_eng.tsv")
	doc := &pipeline.Document{Path: path, Format: "tsv", SourceLang: language.Chinese, TargetLang: language.English}
	var skipped []string
	defer func() {
		if len(skipped) > 0 {
			fmt.Fprintf(os.Stderr, "fpeval: %s: skipped %d lines without three tab-separated fields: %s\n", path, len(skipped), strings.Join(skipped, ", "))
		}
	}()
	err := eachLine(path, func(n int, fields []string) error {
		if len(fields) < 3 {
			skipped = append(skipped, strconv.Itoa(n))
			return nil
		}
		doc.Segments = append(doc.Segments, pair(strconv.Itoa(n), fields[1], fields[0], n))
		return nil
	})
	return []*pipeline.Document{doc}, err
}

// loadMQMHuman reads the rows of the human translations (Human-A.0,
// Human-B.0) of the MQM file (columns id, source, target, ..., doc,
// systems), one document per news document of the test set.
func loadMQMHuman(shared string) ([]*pipeline.Document, error) {
	path := filepath.Join(shared, "data", "mqm_zhen_newstest2020.tsv")
	var docs []*pipeline.Document
	byName := map[string]*pipeline.Document{}
	col := map[string]int{}
	err := eachLine(path, func(n int, fields []string) error {
		if n == 1 {
			for i, f := range fields {
				col[f] = i
			}
			for _, want := range []string{"id", "source", "target", "systems", "doc"} {
				if _, ok := col[want]; !ok {
					return fmt.Errorf("%s: line 1: no column %q", path, want)
				}
			}
			return nil
		}
		if len(fields) <= col["systems"] {
			return fmt.Errorf("%s: line %d: %d fields", path, n, len(fields))
		}
		sys := fields[col["systems"]]
		if !strings.Contains(sys, "Human-A.0") && !strings.Contains(sys, "Human-B.0") {
			return nil
		}
		name := fields[col["doc"]]
		doc := byName[name]
		if doc == nil {
			doc = &pipeline.Document{Path: path + "#" + name, Format: "tsv", SourceLang: language.Chinese, TargetLang: language.English}
			byName[name] = doc
			docs = append(docs, doc)
		}
		doc.Segments = append(doc.Segments, pair(fields[col["id"]], fields[col["source"]], fields[col["target"]], n))
		return nil
	})
	return docs, err
}

func pair(id, source, target string, line int) pipeline.Segment {
	pos := pipeline.At(pipeline.Position{Line: line, Column: 1})
	return pipeline.Segment{ID: id, Source: source, Target: target, SourceLoc: pos, TargetLoc: pos}
}

func eachLine(path string, fn func(n int, fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(n, strings.Split(sc.Text(), "\t")); err != nil {
			return err
		}
	}
	return sc.Err()
}
