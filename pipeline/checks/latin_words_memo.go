package checks

import (
	"sync"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// latinWordsKey is the memo key of docLatinWords.
type latinWordsKey struct{}

// docLatinWords holds the Latin-script words of the targets of a document
// (langid.AppendLatinWords), classified once per run at the first check
// that asks for a target's words. The words of all targets share one
// backing array, words, which grows as targets are asked for; span k
// says where target k's words lie in it. A slice handed out keeps the
// array it was cut from when a later append moves words to a larger one,
// and nothing writes to words already appended, so the slices stay valid.
type docLatinWords struct {
	mu    sync.Mutex // Memo does not promise its callers one goroutine
	words []langid.Word
	spans []latinWordsSpan
}

// latinWordsSpan is where one target's words lie in docLatinWords.words;
// done tells an empty span of a target without words from a target not
// yet classified.
type latinWordsSpan struct {
	start, end int
	done       bool
}

// targetLatinWords returns langid.LatinWords of the target of segment i
// of document d, classified once per run and shared by the checks that
// look at words of the English pre-filter. Callers must not modify the
// words: one that changes a word's class works on a copy.
func targetLatinWords(p *pipeline.Pass, d, i int) []langid.Word {
	dw := p.Memo(d, latinWordsKey{}, func() any {
		return &docLatinWords{spans: make([]latinWordsSpan, len(p.Docs[d].Segments))}
	}).(*docLatinWords)
	dw.mu.Lock()
	defer dw.mu.Unlock()
	sp := &dw.spans[i]
	if !sp.done {
		start := len(dw.words)
		dw.words = langid.AppendLatinWords(dw.words, p.Docs[d].Segments[i].Target)
		*sp = latinWordsSpan{start: start, end: len(dw.words), done: true}
	}
	// the capacity ends with the target's words: an append by a caller
	// copies them rather than writing over the next target's
	return dw.words[sp.start:sp.end:sp.end]
}
