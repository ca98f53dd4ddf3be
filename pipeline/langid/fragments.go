package langid

import (
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Fragment is a span of a text in another language than the text's: two
// or more words that lingua confidently puts in Lang.
type Fragment struct {
	Start, End int
	Lang       language.Tag
	// Confidence is lingua's confidence in Lang for the fragment's text
	// among all the detector's candidates (low-accuracy mode); Odds is its
	// confidence in Lang against the expected language alone, in
	// high-accuracy mode.
	Confidence, Odds float64
	Words            int
}

// Tuning of the fragment finder; the documentation of EnglishFragments
// explains them.
const (
	seedGap        = 3   // words between two seeds of one cluster
	windowPad      = 4   // words around a cluster that a fragment may take in
	switchCost     = 2.0 // log-odds that entering or leaving a fragment costs
	minFragmentOdd = 0.5 // odds against English that lingua must give a fragment
	minRunScore    = 0.0 // a fragment's summed log-odds, less its two switches
	// see evidence: a fragment of two words needs minEvidence, a longer
	// one minEvidenceLong
	minEvidence     = 1.5
	minEvidenceLong = 1.0
	// commonSize is the largest SCOWL size class of a common English
	// word: sizes 10 and 20 hold the few thousand most frequent words.
	commonSize = 20
	// emissions: the English list's verdict on a word, as log-odds that it
	// is foreign
	scoreEnglish   = -0.5
	scoreCommon    = -0.75 // a common English word that is no function word of L
	scoreRare      = 0.3
	scoreUnknown   = 2.0
	scoreDiacritic = 3.0
	scoreNeutral   = -0.1 // an acronym, a word with digits, code
	scoreFunction  = 1.5  // a function word of L that is no common English word
	// a common English word that is also a function word of L ("a",
	// "die") counts 0 before its letters' odds
	scoreCommonFunction = 0.0
	// the letters' log-likelihood ratio (charLLR) counts with this weight,
	// capped; for a capitalised word that no list knows (a name, or a
	// German noun) it is capped lower and lowered by nameOffset
	letterWeight = 0.5
	spanCap      = 3.0
	chooseCap    = 8.0
	nameCap      = 1.5
	nameOffset   = -0.5
	// orders of the letter models: to choose the language of a cluster,
	// and to fix the span in the chosen one
	chooseOrder = 3
	spanOrder   = 5
	// two neighbouring words both English add englishPMI, weighted and
	// capped (see pairBonuses)
	englishPairWeight = 0.5
	englishPairCap    = 3.0
	englishPMISmooth  = 0.5 // added to a pair's count and its chance count
	// two neighbouring words both foreign add their PMI in the foreign
	// language's word pairs (foreign_pairs.go), weighted and capped; a
	// pair that the pairs' source never shows costs little, since it is
	// help text (foreignPairFloor)
	foreignPairWeight = 0.5
	foreignPairCap    = 3.0
	foreignPairFloor  = 0.5
	// a word's emission adds its wordCountLLR, weighted and capped: the
	// counts of help text and of Tatoeba's short sentences are not those
	// of news, so they only lean
	wordCountWeight = 0.25
	wordCountCap    = 2.0
)

// Stats counts what a detector has done: the texts and bytes that reached
// lingua.
type Stats struct {
	Calls, Bytes int64
}

type counters struct{ calls, bytes atomic.Int64 }

// Stats returns how many texts, and bytes of text, this detector has
// given lingua so far.
func (d *Detector) Stats() Stats {
	return Stats{Calls: d.count.calls.Load(), Bytes: d.count.bytes.Load()}
}

// EnglishFragments finds fragments of other languages in an English text:
// spans of two or more Latin-script words in one of the detector's other
// candidates. It works in three steps:
//
//  1. Pre-filter: LatinWords classifies each word against the embedded
//     English word list. Only clusters of seed words (no more than three
//     words apart) go further: words that the list does not know, and
//     function words of another candidate (IsFunctionWord: "los", "und",
//     "Aunque", "et") that are no common English words. Text without
//     seeds (nearly all English) reaches no model.
//  2. Language and span: in a window of four words around the cluster,
//     each word gets log-odds of being in a candidate L rather than
//     English (its emission): the word list's verdict (English -0.5, one
//     of the common English words of SCOWL's sizes 10 and 20 -0.75, rare
//     0.3, unknown 2, unknown with a diacritic 3, an acronym or a word
//     with digits -0.1), raised by 1.5 for a function word of L (a
//     common English word that is also one, such as "a" or "die", counts
//     0), plus half the log-likelihood ratio of the word's letters in L
//     against English under lingua's n-gram models read as a character
//     language model (charLLR), capped at ±3 (for a capitalised word that
//     no list knows, a name or a German noun: at ±1.5, less 0.5); the
//     other words add a quarter of the log of how much more often they
//     occur in L's word counts than in English ones (wordCountLLR),
//     capped at ±2. A
//     two-state Viterbi search labels the words English or L, paying 2
//     for each switch, so that a word that both languages use ("la",
//     "die", "a") is placed by its neighbours; two neighbours labelled
//     English add half their englishPMI (capped at ±3), how much more
//     often than by chance English puts the second after the first
//     (counts of Tatoeba's English sentences, english_bigrams.bin), so
//     that "on" before "the" stays English; two neighbours labelled L add
//     half their PMI in L (counts of LibreOffice's help pages in L,
//     foreign_pairs_<code>.bin, for French, German, Spanish, Italian,
//     Dutch and Portuguese), capped at +3 and -0.5, so that "culture"
//     before "de masse" goes with the French. Each Latin-script
//     candidate is tried with letter models of up to three letters; the
//     one whose labelling gains most over all-English wins, and the
//     window is labelled again in it with models of up to five letters,
//     which fix the span.
//  3. Verdict: a foreign run is a fragment when it has two words or
//     more, its emissions reach the cost of its two switches, its unknown
//     words and function words weigh at least 1.5 (see evidence; 1 for a
//     run of three words or more), it is
//     no name (titleCase: "Hochschule für Musik und Theater", "Pedro
//     Sánchez"), and lingua, with L and English as the only candidates
//     (in high-accuracy mode), finds L more likely for the run.
//
// The detector must have English among its candidates. bench/README.md
// records how exact the spans are.
func (d *Detector) EnglishFragments(text string) []Fragment {
	return d.EnglishFragmentsOf(text, LatinWords(text))
}

// EnglishFragmentsOf is EnglishFragments over words, the result of
// LatinWords(text) whose classes the caller may have changed: a word
// that an allow list or a glossary accepts as English is made an
// EnglishWord.
func (d *Detector) EnglishFragmentsOf(text string, words []Word) []Fragment {
	if !d.Has(language.English) {
		return nil
	}
	// A word is a seed of a fragment when the English list does not know
	// it, or when it is a function word of another candidate that is no
	// common English word ("los", "und", "Aunque", "et").
	seed := make([]bool, len(words))
	fw := make([]bool, len(words))
	any := false
	for k, w := range words {
		fw[k] = notCommonFW(w) && d.foreignFunction(text[w.Start:w.End])
		seed[k] = w.Class == UnknownWord || fw[k]
		any = any || seed[k]
	}
	if !any {
		return nil
	}
	var out []Fragment
	for first := 0; first < len(words); {
		if !seed[first] {
			first++
			continue
		}
		last := first
		for j := first + 1; j < len(words) && j-last <= seedGap+1; j++ {
			if seed[j] {
				last = j
			}
		}
		lo, hi := max(0, first-windowPad), min(len(words)-1, last+windowPad)
		out = append(out, d.fragmentsIn(text, words, lo, hi)...)
		first = last + 1
	}
	return out
}

// foreignFunction reports whether word is a function word of one of the
// detector's candidates other than English.
func (d *Detector) foreignFunction(word string) bool {
	return d.foreignFW()[functionKey(word)]
}

// evidence weighs the words that the English list does not know: two
// for a word with a diacritic, one for another Unknown word or a function
// word of the other language that is no common English word (fw[k] for
// words[k]), a half for another Rare one.
func evidence(words []Word, fw []bool) float64 {
	e := 0.0
	for k, w := range words {
		switch {
		case w.Class == UnknownWord && w.Diacritic:
			e += 2
		case w.Class == UnknownWord, fw[k] && notCommonFW(w):
			e++
		case w.Class == RareWord:
			e += 0.5
		}
	}
	return e
}

// titleCase reports whether words are a name rather than a phrase: all
// of them capitalised ("Da Li", "Pedro Sánchez"), or the first and the last
// capitalised and every word of four letters or more too (the name of an
// institution or a work: "Hochschule für Musik und Theater"). A word
// whose part after a hyphen is capitalised ("al-Sisi") counts as
// capitalised.
func titleCase(text string, words []Word) bool {
	capital := func(w Word) bool { return w.Capital || capitalAfterHyphen(text[w.Start:w.End]) }
	if !capital(words[0]) || !capital(words[len(words)-1]) {
		return false
	}
	for _, w := range words {
		if !capital(w) && utf8.RuneCountInString(text[w.Start:w.End]) >= 4 {
			return false
		}
	}
	return true
}

// capitalAfterHyphen reports whether a part of a hyphenated word after its
// first starts with a capital letter, as in the names "al-Sisi" and
// "ibn-Rushd".
func capitalAfterHyphen(word string) bool {
	for i := 0; i+1 < len(word); i++ {
		if word[i] == '-' {
			r, _ := utf8.DecodeRuneInString(word[i+1:])
			if unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// MayHaveFragments reports whether words, the result of LatinWords(text),
// hold a word that may seed a fragment for some detector: one that the
// English list does not know, or a function word of a language of
// function_words.txt that is no common English word. Where none does,
// EnglishFragmentsOf finds nothing and asks no model, so a caller can
// skip building a detector.
func MayHaveFragments(text string, words []Word) bool {
	for _, w := range words {
		if w.Class == UnknownWord || ForeignFunctionWord(text, w) {
			return true
		}
	}
	return false
}

// ForeignFunctionWord reports whether word w of text is a function word of
// a language of function_words.txt that is no common English word ("los",
// "und", "et"; not "a" or "die"): besides a word that the English list
// does not know, the only word that may seed a fragment. A caller that
// scans words anyway (ScanWords) can so tell, at the cost of one lookup
// for each word that is not a common English one, whether a text without
// unknown words needs EnglishFragmentsOf at all.
func ForeignFunctionWord(text string, w Word) bool {
	return notCommonFW(w) && isAnyFunctionWord(text[w.Start:w.End])
}

// functionWordUnion is the union of the function words of all languages
// and the byte length of the longest of them.
type functionWordUnion struct {
	set    map[string]bool
	maxLen int
}

var anyFunctionWord = sync.OnceValue(func() functionWordUnion {
	u := functionWordUnion{set: map[string]bool{}}
	for _, ws := range functionWords() {
		for w := range ws {
			u.set[w] = true
			u.maxLen = max(u.maxLen, len(w))
		}
	}
	return u
})

// has reports whether word, in any case, is in the union. It is asked of
// most words of the text that wrong-language scans, so a word longer than
// any function word is refused at once, and an ASCII word is folded to
// small letters in a buffer on the stack rather than in a new string.
func (u functionWordUnion) has(word string) bool {
	if len(word) > u.maxLen {
		return false
	}
	var buf [16]byte
	if len(word) > len(buf) {
		return u.set[functionKey(word)]
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return u.set[functionKey(word)]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return u.set[string(buf[:len(word)])]
}

// notCommonFW reports whether w, if a function word of another language,
// counts as evidence of it: it is no common English word ("et" and "au"
// are English words of SCOWL's size 35 and count; "die" and "a" do not).
func notCommonFW(w Word) bool {
	return w.Class != EnglishWord || w.Size > commonSize
}
