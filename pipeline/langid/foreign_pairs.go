package langid

import (
	_ "embed"
	"sync"

	"golang.org/x/text/language"
)

// Foreign context for the fragment finder: how often two words follow each
// other in French, German, Spanish, Italian, Portuguese and Dutch, so that
// a word that English and the fragment's language share ("culture",
// "in", "a") is put on the side of the neighbour it goes with in that
// language ("culture de masse", "in der Zeit").
//
// foreign_pairs_<code>.bin hold the counts of the words and of the pairs of
// neighbouring words (with nothing but space between them) of the help
// pages of LibreOffice 7.4 in each language (Debian's
// libreoffice-help-<code> packages, MPL-2.0; foreign_pairs.md beside this
// file says more), each distinct paragraph once, words as LatinWords
// splits them, in small letters, in the layout of english_bigrams.bin with
// the header foreignPairMagic. They are built by `go generate` from the
// unpacked packages (TestForeignPairs with -update; foreign_pairs.md tells
// how), which checks them for staleness when the packages are there.
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
