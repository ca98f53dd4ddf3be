package checks

import (
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/numerals"
)

// numbersKey is the memo key of docNumbers.
type numbersKey struct{}

// docNumbers are the numbers of both sides of every bilingual segment of
// a document with a target, read in each side's language; other segments
// have none.
type docNumbers struct {
	src, tgt [][]numerals.Number
}

// segmentNumbers returns the numbers of the source and the target of
// segment i of document d, read once per run and shared by the checks
// that compare numbers (numbers, unrelated-output). Callers must not
// modify them.
func segmentNumbers(p *pipeline.Pass, d, i int) (src, tgt []numerals.Number) {
	dn := p.Memo(d, numbersKey{}, func() any {
		doc := p.Docs[d]
		dn := &docNumbers{
			src: make([][]numerals.Number, len(doc.Segments)),
			tgt: make([][]numerals.Number, len(doc.Segments)),
		}
		for k := range doc.Segments {
			seg := &doc.Segments[k]
			if !seg.Bilingual() || seg.Target == "" {
				continue
			}
			dn.src[k] = numerals.Extract(seg.Source, seg.SourceLang)
			dn.tgt[k] = numerals.Extract(seg.Target, seg.TargetLang)
		}
		return dn
	}).(*docNumbers)
	return dn.src[i], dn.tgt[i]
}
