package checks

import (
	"testing"
	"unicode/utf8"
)

// FuzzNameRuns checks the invariants of the name tokenizer on any text:
// words in order, inside the text, valid UTF-8 and, in valid text, on
// rune boundaries; possessive endings
// inside the word; runs of two capitalised words or more that start with
// a capitalised word; and the similarity of a run with itself is 1. Its
// seeds are here, not under testdata/fuzz, where every directory is a
// check's scenarios.
func FuzzNameRuns(f *testing.F) {
	for _, s := range []string{
		`the "Untrustworthy Organization Act," which`,
		"Chair of the Military Committee's staff and the NATO-Russia Council",
		"Article 5 of the Washington Treaty",
		"l'Atlantique Nord, Conseil de l’Atlantique Nord",
		"\xff\xfeNATO Defense\u00a0College",
		"",
		"0\x97", // a word before a stray continuation byte
		"AA A0", // an acronym of the run itself: equal words are matched first
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := nameTokens(text)
		last := 0
		for _, tok := range toks {
			if tok.start < last || tok.start >= tok.end || tok.end > len(text) || tok.stemEnd > tok.end || tok.stemEnd <= tok.start {
				t.Fatalf("token %+v out of order or range (text %q)", tok, text)
			}
			if !utf8.ValidString(text[tok.start:tok.end]) {
				t.Fatalf("token %+v holds invalid UTF-8 (text %q)", tok, text)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[tok.start]) || (tok.end < len(text) && !utf8.RuneStart(text[tok.end]))) {
				t.Fatalf("token %+v splits a character (text %q)", tok, text)
			}
			last = tok.end
		}
		for _, run := range nameRuns(text) {
			caps := 0
			for _, tok := range run {
				if tok.capital {
					caps++
				}
			}
			if caps < 2 || !run[0].capital {
				t.Fatalf("run %q: %d capitalised words, first capitalised %v", text[run[0].start:run[len(run)-1].end], caps, run[0].capital)
			}
			if s, edge, _ := nameSimilarity(run, run); s < 0.999 || edge {
				t.Fatalf("run %q compared with itself: %v, edge cut %v", text[run[0].start:run[len(run)-1].end], s, edge)
			}
			headOf(run)
		}
	})
}
