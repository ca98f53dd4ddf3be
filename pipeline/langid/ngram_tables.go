package langid

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"strings"
	"sync"

	"github.com/pemistahl/lingua-go"
)

// embeddedNgrams holds ngramTables ready to use, so that no run decodes
// lingua's zipped protocol buffers for the languages that tqa asks about
// most: the n-grams of one to three letters (all that Confidences and
// pairConfidence's low-accuracy mode read) of embeddedTableLanguages,
// about 2.2 MB. The larger models of four and five letters (about 4.5 MB a
// language in this form) are read from lingua's files on first use, as
// are the models of other languages.
//
// The data is lingua-go v1.4.0's (github.com/pemistahl/lingua-go,
// language-models/<iso>/{unigrams,bigrams,trigrams}.pb.bin.zip, Apache
// License 2.0, built by lingua's author from Leipzig Corpora Collection
// texts): the same n-grams and probabilities, in the form of ngramTable.
// TestEmbeddedNgramTables builds the file from lingua's files linked into
// the binary, fails while it is stale, and rewrites it with -update (go
// generate).
//
// The file is a header of 24 bytes ("tqa-ngram-tables", a little-endian
// uint32 count and 4 zero bytes), then count entries of 16 bytes (the
// language's ISO 639-1 code in 2 bytes, the n-gram length in 1, a zero
// byte, then little-endian uint32s: the number of slots, the number of log
// probabilities, and the offset of the slots in the file, which the log
// probabilities follow), then the tables, each at a multiple of 8 bytes.
//
//go:generate go test -run ^TestEmbeddedNgramTables$ -update .
//go:embed lingua_ngrams.bin
var embeddedNgrams []byte

// embeddedTableLanguages are the languages whose tables embeddedNgrams
// holds: English, Chinese (which lingua models by single characters
// only) and DefaultLanguages.
var embeddedTableLanguages = []lingua.Language{
	lingua.English, lingua.Chinese, lingua.French, lingua.German,
	lingua.Spanish, lingua.Italian, lingua.Portuguese, lingua.Dutch,
}

// embeddedOrders is the longest n-gram of the embedded tables.
const embeddedOrders = 3

const (
	ngramFileMagic  = "tqa-ngram-tables"
	ngramHeaderSize = 24
	ngramEntrySize  = 16
)

// ngramEntry is one table of embeddedNgrams.
type ngramEntry struct {
	iso   string
	order int
	table *ngramTable
}

// decodeNgramTables reads the tables of a file of embeddedNgrams' form;
// the tables share data's bytes.
func decodeNgramTables(data []byte) ([]ngramEntry, error) {
	if len(data) < ngramHeaderSize || string(data[:len(ngramFileMagic)]) != ngramFileMagic {
		return nil, fmt.Errorf("no header %q", ngramFileMagic)
	}
	count := int(binary.LittleEndian.Uint32(data[16:]))
	if count > (len(data)-ngramHeaderSize)/ngramEntrySize {
		return nil, fmt.Errorf("%d entries in %d bytes", count, len(data))
	}
	entries := make([]ngramEntry, count)
	for i := range entries {
		e := data[ngramHeaderSize+ngramEntrySize*i:]
		slots := int(binary.LittleEndian.Uint32(e[4:]))
		logps := int(binary.LittleEndian.Uint32(e[8:]))
		off := int(binary.LittleEndian.Uint32(e[12:]))
		end := off + 8*(slots+logps)
		if off%8 != 0 || off < ngramHeaderSize+ngramEntrySize*count || end > len(data) || slots == 0 {
			return nil, fmt.Errorf("entry %d: %d slots and %d probabilities at %d in %d bytes", i, slots, logps, off, len(data))
		}
		entries[i] = ngramEntry{
			iso:   string(e[:2]),
			order: int(e[2]),
			table: &ngramTable{slots: data[off : off+8*slots : off+8*slots], logps: data[off+8*slots : end : end], n: slots},
		}
	}
	return entries, nil
}

// embeddedEntries are the tables of embeddedNgrams, decoded on first use
// (the directory only: the tables are read where they lie).
var embeddedEntries = sync.OnceValue(func() []ngramEntry {
	entries, err := decodeNgramTables(embeddedNgrams)
	if err != nil {
		// TestEmbeddedNgramTables guards this: the embedded file decodes.
		panic("langid: lingua_ngrams.bin: " + err.Error())
	}
	return entries
})

// embeddedNgramTable returns the embedded table of n-grams of n letters of
// lang, nil when there is none.
func embeddedNgramTable(lang lingua.Language, n int) *ngramTable {
	if n > embeddedOrders {
		return nil
	}
	iso := strings.ToLower(lang.IsoCode639_1().String())
	for _, e := range embeddedEntries() {
		if e.iso == iso && e.order == n {
			return e.table
		}
	}
	return nil
}
