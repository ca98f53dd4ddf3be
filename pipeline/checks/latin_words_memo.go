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
// that asks for a target's words: few targets are asked for (those with
// a word that the English list does not know), so they are kept by
// segment index in a map. The words of many targets share one backing
// array, words: a target's words are appended where they surely fit (no
// copy of the words before them), and a new array of twice the size, at
// most maxLatinWordsChunk words, is started when they might not. Nothing
// writes to words already appended, so the slices handed out stay valid.
type docLatinWords struct {
	mu     sync.Mutex // Memo does not promise its callers one goroutine
	words  []langid.Word
	target map[int][]langid.Word // by segment index
}

// The sizes of docLatinWords' arrays, in words (32 bytes each): a
// document with one short target to look at allocates 2 KiB, a long one
// arrays of 128 KiB.
const (
	minLatinWordsChunk = 64
	maxLatinWordsChunk = 4096
)

// targetLatinWords returns langid.LatinWords of the target of segment i
// of document d, classified once per run and shared by the checks that
// look at words of the English pre-filter. Callers must not modify the
// words: one that changes a word's class works on a copy.
func targetLatinWords(p *pipeline.Pass, d, i int) []langid.Word {
	dw := p.Memo(d, latinWordsKey{}, func() any {
		return &docLatinWords{target: map[int][]langid.Word{}}
	}).(*docLatinWords)
	dw.mu.Lock()
	defer dw.mu.Unlock()
	words, ok := dw.target[i]
	if !ok {
		text := p.Docs[d].Segments[i].Target
		// a word takes a byte and is followed by another or by the end
		if most := (len(text) + 1) / 2; cap(dw.words)-len(dw.words) < most {
			dw.words = make([]langid.Word, 0, max(most, min(2*cap(dw.words), maxLatinWordsChunk), minLatinWordsChunk))
		}
		start := len(dw.words)
		dw.words = langid.AppendLatinWords(dw.words, text)
		// the capacity ends with the target's words: an append by a
		// caller copies them rather than writing over the next target's
		words = dw.words[start:len(dw.words):len(dw.words)]
		dw.target[i] = words
	}
	return words
}
