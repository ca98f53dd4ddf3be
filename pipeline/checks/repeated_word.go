package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// RepeatedWord finds a word written twice in a row: "the the".
var RepeatedWord = &pipeline.Check{
	Name: "repeated-word",
	Doc: `repeated-word finds a word repeated with only white space between ("the the", "of\nof"), a slip of typing or of editing.

Words are compared exactly, or regardless of case when the first starts a sentence ("The the"). The finding covers the second occurrence and the space before it, and its fix removes them.

Many repetitions are grammatical or deliberate: "had had", "that that", "is is" ("what it is is"), "her her" ("gave her her book"), "to to" ("someone to talk to to help"), "in in" ("came in in a hurry"), "very very", "bye bye", names such as "Walla Walla". So only words whose repetition English grammar never allows are reported as minor errors, in English targets: the articles (a, an, the), the coordinating conjunctions and, or, nor and but, the possessive determiners its, our, their and your, and the preposition of, each of which must be followed by the phrase it introduces. Any other repeated word, and every repeated word in other languages, is reported as neutral, for a reader to confirm. Not reported: a capitalised word written twice (names: "Sirhan Sirhan", "Bora Bora"; words in capitals are compared), single letters other than "a", numbers, and words in Chinese, Japanese or Korean script, where reduplication is grammatical (看看, 慢慢, 谢谢) and words are not separated by spaces.

Category fluency/grammar.`,
	Category: pipeline.CategoryGrammar,
	Severity: pipeline.Minor,
	Run:      runRepeatedWord,
}

// neverDoubled are English words that grammar never repeats: articles,
// coordinating conjunctions, possessive determiners and "of", which must
// be followed by what they introduce.
var neverDoubled = map[string]bool{
	"a": true, "an": true, "the": true,
	"and": true, "or": true, "nor": true, "but": true,
	"its": true, "our": true, "their": true, "your": true,
	"of": true,
}

// wordSpan is one word of a text.
type wordSpan struct{ start, end int }

// nextWord returns the word at or after i: letters and marks, with
// apostrophes and hyphens between letters.
func nextWord(text string, i int) (wordSpan, bool) {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, without the Unicode tables.
			if asciiLetter(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			break
		}
		i += n
	}
	if i >= len(text) {
		return wordSpan{}, false
	}
	j := i
	for j < len(text) {
		if c := text[j]; asciiLetter(c) {
			j++
			continue
		} else if c < utf8.RuneSelf && c != '\'' && c != '-' {
			break // ASCII that is neither a letter nor joins two
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			j += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' {
			if nr := btRuneAt(text, j+n); nr != -1 && unicode.IsLetter(nr) {
				j += n
				continue
			}
		}
		break
	}
	return wordSpan{i, j}, true
}

// mayFoldEqual reports whether two words that start with the bytes a and
// b may be equal under case folding (strings.EqualFold): false when both
// are ASCII and differ in more than the case of a letter, for EqualFold
// folds ASCII by case only (TestMayFoldEqual).
func mayFoldEqual(a, b byte) bool {
	return a >= utf8.RuneSelf || b >= utf8.RuneSelf || a|0x20 == b|0x20
}

// onlySpace reports whether s is white space with at most one line
// break.
func onlySpace(s string) bool {
	if s == "" {
		return false
	}
	breaks := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
		if r == '\n' {
			breaks++
		}
	}
	return breaks <= 1
}

// cjkWord reports whether w has letters of a script written without
// spaces between words.
func cjkWord(w string) bool {
	for _, r := range w {
		switch langid.Of(r) {
		case langid.Han, langid.Hiragana, langid.Katakana, langid.Hangul:
			return true
		}
	}
	return false
}

func runRepeatedWord(p *pipeline.Pass) error {
	_, configured := p.Config.Severity[p.Check.Name]
	for d, doc := range p.Docs {
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			text := seg.Target
			english, knownEnglish := false, false // worked out for the first pair of equal words
			prev, ok := nextWord(text, 0)
			for ok {
				cur, more := nextWord(text, prev.end)
				if !more {
					break
				}
				// repeatedWord reports words equal under case folding only;
				// most pairs of words differ in their first letters.
				if mayFoldEqual(text[prev.start], text[cur.start]) && onlySpace(text[prev.end:cur.start]) &&
					strings.EqualFold(text[prev.start:prev.end], text[cur.start:cur.end]) {
					if !knownEnglish {
						english, knownEnglish = englishTarget(seg.TargetLang), true
					}
					if sev, rep := repeatedWord(text, prev, cur, english); rep {
						if configured && sev != pipeline.Neutral {
							sev = p.Severity()
						}
						w := text[cur.start:cur.end]
						span := pipeline.Span{Start: prev.end, End: cur.end}
						p.Report(d, i, pipeline.Finding{
							Side: pipeline.Target, Span: span, Severity: sev,
							Message: repeatedMessage(w, sev),
							Fixes:   []pipeline.Fix{pipeline.ReplaceFix("Remove the second "+btQuote(w), span, "")},
						})
						cur, more = nextWord(text, cur.end) // "the the the": one finding per pair
						if !more {
							break
						}
					}
				}
				prev = cur
			}
		}
	}
	return nil
}

func repeatedMessage(w string, sev pipeline.Severity) string {
	if sev == pipeline.Neutral {
		return fmt.Sprintf("%s is repeated; check that the repetition is meant", btQuote(w))
	}
	return fmt.Sprintf("%s is repeated", btQuote(w))
}

// repeatedWord reports whether the words a and b of text are the same
// word repeated, and with what severity.
func repeatedWord(text string, a, b wordSpan, english bool) (pipeline.Severity, bool) {
	wa, wb := text[a.start:a.end], text[b.start:b.end]
	if !strings.EqualFold(wa, wb) || cjkWord(wa) {
		return 0, false
	}
	if wa != wb {
		// "The the" at the start of a sentence; not "US us".
		r, n := utf8.DecodeRuneInString(wa)
		if !sentenceStart(text, a.start) || !unicode.IsUpper(r) || string(unicode.ToLower(r))+wa[n:] != wb {
			return 0, false
		}
	} else if capitalised(wa) && strings.ToUpper(wa) != wa {
		return 0, false // a name: "Sirhan Sirhan", "Bora Bora"
	}
	lower := strings.ToLower(wb)
	if utf8.RuneCountInString(lower) == 1 && lower != "a" {
		return 0, false
	}
	if english && neverDoubled[lower] {
		return pipeline.Minor, true
	}
	return pipeline.Neutral, true
}
