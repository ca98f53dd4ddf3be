package checks

import (
	"math/bits"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/numerals"
)

// numbersKey is the memo key of docNumbers.
type numbersKey struct{}

// docNumbers are the numbers of both sides of every bilingual segment of
// a document with a target, read in each side's language; other segments
// have none. Most segments have no number, so that the memo keeps only a
// bit for each side (side j of segment k is side 2k+j): set when the side
// has numbers, which are then spans[r], r being the count of sides before
// it with numbers. It costs far less fresh memory than a slice or an index
// for every side.
type docNumbers struct {
	has  []uint64 // bit x%64 of has[x/64] is set when side x has numbers
	rank []uint32 // rank[w] counts the bits set in has[:w]
	// spans holds the numbers of each side that has some, in blocks of
	// spanBlock: the blocks, once made, are never copied.
	spans [][][]numerals.Number
}

// spanBlock is how many sides' numbers a block of docNumbers.spans holds.
const spanBlock = 512

// side returns the numbers of side j (0 source, 1 target) of segment k.
func (dn *docNumbers) side(k, j int) []numerals.Number {
	x := 2*k + j
	w, bit := x/64, uint64(1)<<(x%64)
	word := dn.has[w]
	if word&bit == 0 {
		return nil
	}
	r := int(dn.rank[w]) + bits.OnesCount64(word&(bit-1))
	return dn.spans[r/spanBlock][r%spanBlock]
}

// numbersChunk is how many numbers an array of docNumbers holds: the
// numbers of many segments share one, each segment's a piece of it capped
// so that appending to it copies.
const numbersChunk = 256

// readDocNumbers reads the numbers of every side of doc that segmentNumbers
// returns numbers for.
func readDocNumbers(doc *pipeline.Document) *docNumbers {
	words := (2*len(doc.Segments) + 63) / 64
	dn := &docNumbers{has: make([]uint64, words), rank: make([]uint32, words)}
	var chunk []numerals.Number
	count := 0 // sides with numbers so far
	read := func(x int, text string, lang language.Tag) {
		if cap(chunk)-len(chunk) < 16 {
			chunk = make([]numerals.Number, 0, numbersChunk)
		}
		n := len(chunk)
		chunk = numerals.AppendExtract(chunk, text, lang)
		if len(chunk) == n {
			return
		}
		if count%spanBlock == 0 {
			dn.spans = append(dn.spans, make([][]numerals.Number, 0, spanBlock))
		}
		last := len(dn.spans) - 1
		dn.spans[last] = append(dn.spans[last], chunk[n:len(chunk):len(chunk)])
		dn.has[x/64] |= 1 << (x % 64)
		count++
	}
	for k := range doc.Segments {
		seg := &doc.Segments[k]
		if !seg.Bilingual() || seg.Target == "" {
			continue
		}
		read(2*k, seg.Source, seg.SourceLang)
		read(2*k+1, seg.Target, seg.TargetLang)
	}
	total := uint32(0)
	for w, word := range dn.has {
		dn.rank[w] = total
		total += uint32(bits.OnesCount64(word))
	}
	return dn
}

// segmentNumbers returns the numbers of the source and the target of
// segment i of document d, read once per run and shared by the checks
// that compare numbers (numbers, unrelated-output). Callers must not
// modify them.
func segmentNumbers(p *pipeline.Pass, d, i int) (src, tgt []numerals.Number) {
	dn := p.Memo(d, numbersKey{}, func() any { return readDocNumbers(p.Docs[d]) }).(*docNumbers)
	return dn.side(i, 0), dn.side(i, 1)
}
