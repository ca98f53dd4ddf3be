package checks

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/numerals"
)

// TestNumbersFalsePositives runs the numbers check on human translations
// (the Tatoeba Chinese–English pairs, both ways, and the human rows of the
// WMT20 MQM data, ../shared/data; skipped when absent), where each finding
// is a false alarm or a slip of the translator. It must flag fewer than
// 0.5% of the Tatoeba pairs and 2% of the MQM ones (long news sentences,
// with many numbers each); -v lists what it flags.
func TestNumbersFalsePositives(t *testing.T) {
	if testing.Short() {
		t.Skip("runs on 33,000 pairs")
	}
	tatoeba := loadTatoebaZhEn(t)
	for _, set := range []struct {
		name     string
		pairs    []zhEnPair
		max      float64
		reversed bool // English source, Chinese target
	}{
		{"tatoeba", tatoeba, 0.005, false},
		{"tatoeba-en-zh", tatoeba, 0.005, true},
		{"mqm-human", loadMQMHumanZhEn(t), 0.02, false},
	} {
		doc := &pipeline.Document{Path: set.name, SourceLang: language.Chinese, TargetLang: language.English}
		if set.reversed {
			doc.SourceLang, doc.TargetLang = language.English, language.Chinese
		}
		withNumbers := 0
		for i, p := range set.pairs {
			src, tgt := p.zh, p.en
			if set.reversed {
				src, tgt = tgt, src
			}
			doc.Segments = append(doc.Segments, pipeline.Segment{ID: fmt.Sprint(i + 1), Source: src, Target: tgt})
		}
		fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{Numbers}, &pipeline.Config{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range doc.Segments {
			if containsDigit(doc.Segments[i].Source + doc.Segments[i].Target) {
				withNumbers++
			}
		}
		flagged := map[int]bool{}
		var lines []string
		for _, f := range fs {
			if f.Severity < pipeline.Minor {
				continue
			}
			flagged[f.Segment] = true
			s := doc.Segments[f.Segment]
			lines = append(lines, fmt.Sprintf("    [%s] %s %s %s %q: %s\n      src: %s\n      tgt: %s", s.ID, f.Severity, f.Category, f.Side, f.Text, f.Message, s.Source, s.Target))
		}
		rate := float64(len(flagged)) / float64(len(doc.Segments))
		t.Logf("%s: numbers flags %d of %d pairs (%.3f%%; %d pairs have digits)", set.name, len(flagged), len(doc.Segments), 100*rate, withNumbers)
		if testing.Verbose() {
			slices.Sort(lines)
			t.Log("\n" + strings.Join(lines, "\n"))
		}
		if rate >= set.max {
			t.Errorf("%s: numbers flags %.3f%% of human translations, want under %.1f%%", set.name, 100*rate, 100*set.max)
		}
	}
}

// TestNumbersInjectedErrors measures how many number errors the check
// finds: in each human translation above that has a number in digits or
// an English number word and no numbers finding, it changes that number
// (its first digit plus one, 9 becoming 1, or the next number word:
// "three" becomes "four") or deletes it, and counts the pairs where the check then
// reports a finding. -v prints the rates and the misses.
func TestNumbersInjectedErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("runs on 33,000 pairs")
	}
	pairs := append(loadTatoebaZhEn(t), loadMQMHumanZhEn(t)...)
	type mutant struct{ zh, en, what string }
	var changed, dropped []mutant
	for _, p := range pairs {
		seg := pipeline.Segment{Source: p.zh, Target: p.en, SourceLang: language.Chinese, TargetLang: language.English}
		if len(numberFindings(&seg)) > 0 {
			continue
		}
		for _, n := range numerals.Extract(p.en, language.English) {
			if n.Weak || n.Kind != numerals.Cardinal && n.Kind != numerals.Percent {
				continue
			}
			text := p.en[n.Start:n.End]
			v, _ := n.Value.Int()
			switch {
			case n.Form == numerals.Digits:
				k := strings.IndexAny(text, "123456789")
				if k < 0 {
					continue
				}
				d := text[k]
				nd := byte('1' + (d-'0')%9)
				changed = append(changed, mutant{p.zh, p.en[:n.Start+k] + string(nd) + p.en[n.Start+k+1:], text})
			case n.Form == numerals.Words && v >= 2 && v < 20:
				w, _ := numerals.EnglishWords(numerals.Value(fmt.Sprint(v+1)), false)
				changed = append(changed, mutant{p.zh, p.en[:n.Start] + w + p.en[n.End:], text})
			default:
				continue
			}
			dropped = append(dropped, mutant{p.zh, strings.Replace(p.en[:n.Start]+p.en[n.End:], "  ", " ", 1), text})
			break
		}
	}
	for _, set := range []struct {
		name    string
		mutants []mutant
		min     float64
	}{{"changed", changed, 0.95}, {"dropped", dropped, 0.6}} {
		found := 0
		var misses []string
		for _, m := range set.mutants {
			seg := pipeline.Segment{Source: m.zh, Target: m.en, SourceLang: language.Chinese, TargetLang: language.English}
			if len(numberFindings(&seg)) > 0 {
				found++
			} else {
				misses = append(misses, fmt.Sprintf("    %q\n      src: %s\n      tgt: %s", m.what, m.zh, m.en))
			}
		}
		rate := float64(found) / float64(len(set.mutants))
		t.Logf("numbers %s: found %d of %d (%.1f%%)", set.name, found, len(set.mutants), 100*rate)
		if testing.Verbose() {
			t.Log("\n" + strings.Join(misses, "\n"))
		}
		if rate < set.min {
			t.Errorf("numbers finds %.1f%% of the numbers %s, want at least %.0f%%", 100*rate, set.name, 100*set.min)
		}
	}
}

// containsDigit reports whether s has a digit (ASCII or full-width).
func containsDigit(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' })
}
