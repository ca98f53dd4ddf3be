package langid

import (
	_ "embed"
	"math"
	"sync"

	"golang.org/x/text/language"
)

// Foreign context for the fragment finder: how often two words follow each
// other in French, German, Spanish, Italian, Portuguese and Dutch, so that
// a word that English and the fragment's language share ("culture",
// "in", "a") is put on the side of the neighbour it goes with in that
// language ("culture de masse", "in der Zeit").
//
// foreign_pairs_<code>.bin hold the counts of the words and of the pairs
// of neighbouring words (with nothing but space between them) of the help
// pages of LibreOffice 7.4 in each language (Debian's
// libreoffice-help-<code> packages, MPL-2.0; foreign_pairs.md beside this
// file says more), each distinct paragraph once, less the paragraphs that
// the English help pages have too (what was not translated, code), words
// as LatinWords splits them, in small letters, in the layout of
// english_bigrams.bin with the header foreignPairMagic. They are built by
// `go generate` from the unpacked packages (TestForeignPairs with
// -update; foreign_pairs.md tells how), which checks them for staleness
// when the packages are there.
//
//go:generate go test -run ^TestForeignPairs$ -update .
var (
	//go:embed foreign_pairs_de.bin
	embeddedPairsDE []byte
	//go:embed foreign_pairs_es.bin
	embeddedPairsES []byte
	//go:embed foreign_pairs_fr.bin
	embeddedPairsFR []byte
	//go:embed foreign_pairs_it.bin
	embeddedPairsIT []byte
	//go:embed foreign_pairs_nl.bin
	embeddedPairsNL []byte
	//go:embed foreign_pairs_pt.bin
	embeddedPairsPT []byte
)

const foreignPairMagic = "tqa-wpairs1\n"

// embeddedForeignPairs are the tables by language.
var embeddedForeignPairs = map[language.Tag]*[]byte{
	language.German:     &embeddedPairsDE,
	language.Spanish:    &embeddedPairsES,
	language.French:     &embeddedPairsFR,
	language.Italian:    &embeddedPairsIT,
	language.Dutch:      &embeddedPairsNL,
	language.Portuguese: &embeddedPairsPT,
}

// foreignPairTables checks the headers of the tables on first use; only
// text near a word that may seed a fragment asks for them.
var foreignPairTables = sync.OnceValue(func() map[language.Tag]*bigramCounts {
	out := make(map[language.Tag]*bigramCounts, len(embeddedForeignPairs))
	for tag, b := range embeddedForeignPairs {
		c, err := decodeWordPairs(*b, foreignPairMagic)
		if err != nil {
			panic("langid: word pairs of " + tag.String() + ": " + err.Error())
		}
		out[tag] = c
	}
	return out
})

// foreignPairs returns the word-pair counts of base language tag, nil
// when tqa has none.
func foreignPairs(tag language.Tag) *bigramCounts {
	return foreignPairTables()[tag]
}

// wordCountLLR is the log of how much more often word occurs in tag's
// word counts (foreign_pairs_<code>.bin) than in English ones
// (english_bigrams.bin), each count plus a half: "die" and "hat" are
// frequent in German and rare in English, "the" the other way round,
// "in" about even. It is 0 when tqa has no word counts of tag.
func wordCountLLR(tag language.Tag, word string) float64 {
	keys, english := wordCountKeys(word, []Word{{End: len(word)}})
	return wordCountLLRs(keys, english, tag, nil)[0]
}

// wordCountKeys returns the keys of words of text in the word counts
// (bigramKey) and the log of each one's share of the English words
// counted, its count plus a half: the English half of wordCountLLR, the
// same for every candidate language.
func wordCountKeys(text string, words []Word) ([]string, []float64) {
	e := englishBigrams()
	keys := make([]string, len(words))
	english := make([]float64, len(words))
	for k, w := range words {
		keys[k] = bigramKey(text[w.Start:w.End])
		english[k] = math.Log((float64(e.count(keys[k])) + 0.5) / float64(e.words))
	}
	return keys, english
}

// wordCountLLRs returns, in dst's memory, the wordCountLLR in tag of each
// word whose keys and English shares wordCountKeys gave.
func wordCountLLRs(keys []string, english []float64, tag language.Tag, dst []float64) []float64 {
	dst = append(dst[:0], make([]float64, len(keys))...)
	c := foreignPairs(tag)
	if c == nil {
		return dst
	}
	for k, key := range keys {
		dst[k] = math.Log((float64(c.count(key))+0.5)/float64(c.words)) - english[k]
	}
	return dst
}
