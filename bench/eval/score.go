package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// Counts are the true positives, false positives and false negatives of
// a detector.
type Counts struct{ TP, FP, FN int }

// Add adds c2 to c.
func (c *Counts) Add(c2 Counts) { c.TP += c2.TP; c.FP += c2.FP; c.FN += c2.FN }

// Precision is TP / (TP + FP); 1 when nothing was predicted.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP / (TP + FN); 1 when there was nothing to find.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c Counts) String() string {
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (TP %d, FP %d, FN %d)", c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
}

// labelCounts scores one binary prediction against one label.
func labelCounts(predicted, label bool) Counts {
	switch {
	case predicted && label:
		return Counts{TP: 1}
	case predicted:
		return Counts{FP: 1}
	case label:
		return Counts{FN: 1}
	}
	return Counts{}
}

// exactSpans scores predicted spans against gold spans: a prediction is
// a true positive only when its span equals a gold span exactly; each gold
// span matches at most one prediction.
func exactSpans(gold, predicted []pipeline.Span) Counts {
	var c Counts
	used := make([]bool, len(gold))
	for _, p := range predicted {
		i := slices.IndexFunc(gold, func(g pipeline.Span) bool { return g == p })
		if i >= 0 && !used[i] {
			used[i] = true
			c.TP++
		} else {
			c.FP++
		}
	}
	for _, u := range used {
		if !u {
			c.FN++
		}
	}
	return c
}

// wordBoundaries returns the byte offsets of text where a word starts
// after a space (never 0), the places where a fragment can go.
func wordBoundaries(text string) []int {
	var out []int
	for i := 1; i < len(text); i++ {
		if text[i-1] == ' ' && text[i] != ' ' {
			r, _ := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) {
				out = append(out, i)
			}
		}
	}
	return out
}

// inject puts frag into text before the word that starts at byte at: with
// a space after it ("spaced": "the frag word"), or glued to the word
// before it ("glued": "thefrag word"). It returns the new text and the
// span of frag in it.
func inject(text, frag string, at int, glued bool) (string, pipeline.Span) {
	if glued {
		// text[at-1] is the space before the word: the fragment takes
		// its place and keeps one space after it.
		out := text[:at-1] + frag + " " + text[at:]
		return out, pipeline.Span{Start: at - 1, End: at - 1 + len(frag)}
	}
	out := text[:at] + frag + " " + text[at:]
	return out, pipeline.Span{Start: at, End: at + len(frag)}
}

// hanFragment picks a run of 2 to 4 Han characters from source at random;
// ok is false when source has no such run.
func hanFragment(rng *rand.Rand, source string) (string, bool) {
	var runs [][]rune
	var cur []rune
	for _, r := range source + "。" {
		if unicode.Is(unicode.Han, r) {
			cur = append(cur, r)
			continue
		}
		if len(cur) >= 2 {
			runs = append(runs, cur)
		}
		cur = nil
	}
	if len(runs) == 0 {
		return "", false
	}
	run := runs[rng.IntN(len(runs))]
	n := 2 + rng.IntN(min(3, len(run)-1))
	start := rng.IntN(len(run) - n + 1)
	return string(run[start : start+n]), true
}

// latinPhrase picks n consecutive words of sentence, without the
// punctuation at the phrase's ends; ok is false when the sentence has
// fewer words or a word without letters among those picked.
func latinPhrase(rng *rand.Rand, sentence string, n int) (string, bool) {
	words := strings.Fields(sentence)
	if len(words) < n {
		return "", false
	}
	start := rng.IntN(len(words) - n + 1)
	pick := slices.Clone(words[start : start+n])
	for _, w := range pick {
		if strings.IndexFunc(w, unicode.IsLetter) < 0 {
			return "", false
		}
	}
	trim := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	pick[0] = strings.TrimLeftFunc(pick[0], trim)
	pick[n-1] = strings.TrimRightFunc(pick[n-1], trim)
	phrase := strings.Join(pick, " ")
	if strings.ContainsAny(phrase, ".!?;:\"«»()") {
		return "", false // the phrase crosses a sentence or a quotation
	}
	return phrase, true
}
