package checks

import (
	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/numerals"
)

// numbersKey is the memo key of docNumbers.
type numbersKey struct{}

// docNumbers are the numbers of both sides of every bilingual segment of
// a document with a target, read in each side's language; other segments
// have none. Most segments have no number: a side that has some has an
// index into spans (idx[2k] for the source of segment k, idx[2k+1] for
// its target, 1-based, 0 for none), so that the memo costs far less
// memory than a slice per segment and side.
type docNumbers struct {
	idx   []int32
	spans [][]numerals.Number
}

// side returns the numbers of side j (0 source, 1 target) of segment k.
func (dn *docNumbers) side(k, j int) []numerals.Number {
	if x := dn.idx[2*k+j]; x > 0 {
		return dn.spans[x-1]
	}
	return nil
}

// numbersChunk is how many numbers an array of docNumbers holds: the
// numbers of many segments share one, each segment's a piece of it capped
// so that appending to it copies.
const numbersChunk = 256

// segmentNumbers returns the numbers of the source and the target of
// segment i of document d, read once per run and shared by the checks
// that compare numbers (numbers, unrelated-output). Callers must not
// modify them.
func segmentNumbers(p *pipeline.Pass, d, i int) (src, tgt []numerals.Number) {
	dn := p.Memo(d, numbersKey{}, func() any {
		doc := p.Docs[d]
		dn := &docNumbers{idx: make([]int32, 2*len(doc.Segments))}
		var chunk []numerals.Number
		read := func(k, j int, text string, lang language.Tag) {
			if cap(chunk)-len(chunk) < 16 {
				chunk = make([]numerals.Number, 0, numbersChunk)
			}
			n := len(chunk)
			chunk = numerals.AppendExtract(chunk, text, lang)
			if len(chunk) > n {
				dn.spans = append(dn.spans, chunk[n:len(chunk):len(chunk)])
				dn.idx[2*k+j] = int32(len(dn.spans))
			}
		}
		for k := range doc.Segments {
			seg := &doc.Segments[k]
			if !seg.Bilingual() || seg.Target == "" {
				continue
			}
			read(k, 0, seg.Source, seg.SourceLang)
			read(k, 1, seg.Target, seg.TargetLang)
		}
		return dn
	}).(*docNumbers)
	return dn.side(i, 0), dn.side(i, 1)
}
