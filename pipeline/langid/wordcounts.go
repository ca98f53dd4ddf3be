package langid

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/glossary/spelling"
)

// ScanWords calls yield for each Latin-script word of text, in order, with
// the same boundaries and class that LatinWords gives it, until yield
// returns false. It allocates nothing for ASCII words of up to 32 bytes
// (nearly every word of English), so a check that only counts words (how
// many are English, how many unknown) need not build LatinWords' slice.
//
// The words are found as LatinWords finds them, and a word of a chunk
// that looks like code or an address, or a camelCase word, is Neutral as
// in LatinWords. It reads the text once: an ASCII word is classified from
// what the scan learnt of it while reading it (wordShape), and whether a
// white-space separated chunk looks like code from the bytes of the
// chunk as they pass (chunkScan).
func ScanWords(text string, yield func(Word) bool) {
	start := -1
	latin, ascii := false, true
	var shape wordShape // of the word from start, while ascii
	prevLower := false  // the byte before is a small ASCII letter
	cs := chunkScan{text: text, yield: yield}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			// ASCII: no decoding
			switch {
			case 'a' <= c && c <= 'z':
				if start < 0 {
					start, shape = i, wordShape{}
				}
				// the small letters that follow too, in a loop of their
				// own: most of the bytes of an English text
				j := i + 1
				for j < len(text) && 'a' <= text[j] && text[j] <= 'z' {
					j++
				}
				shape.lower += j - i
				prevLower, latin = true, true
				i = j
				continue
			case 'A' <= c && c <= 'Z':
				if start < 0 {
					start, shape = i, wordShape{}
				}
				shape.upper++
				shape.camel = shape.camel || prevLower
				prevLower, latin = false, true
			case '0' <= c && c <= '9':
				if start < 0 {
					start, shape = i, wordShape{}
				}
				shape.digits = true
				prevLower = false
			case (c == '\'' || c == '-') && start >= 0 && i+1 < len(text) && letterAt(text, i+1):
				// inside a word: d'état, vis-à-vis
				shape.joined = true
				prevLower = false
			default:
				space := isSpaceByte(c)
				if !space {
					cs.codeByte(i)
				}
				if start >= 0 && latin {
					if ascii && i-start <= asciiWordMax && space && !cs.pending {
						// the common case, an ASCII word that ends its
						// chunk with no word before it waiting: cs.word's
						// first step, with the verdict passed as scalars
						// and the Word built in the call, since copying a
						// returned Word through the stack stalls the
						// processor (a wide load of narrow stores)
						class, capital, size := shapedVerdict(text[start:i], shape)
						if cs.code {
							class = NeutralWord
						}
						if !yield(Word{Start: start, End: i, Class: class, Capital: capital, Size: size}) {
							return
						}
					} else if ascii && i-start <= asciiWordMax && !(space || cs.code || cs.known || cs.pending) {
						// the first word of a chunk that goes on ("end.",
						// "Tom's,"): cs.word's first step, as above
						class, capital, size := shapedVerdict(text[start:i], shape)
						if class == NeutralWord {
							if !yield(Word{Start: start, End: i, Class: class, Capital: capital, Size: size}) {
								return
							}
						} else {
							cs.held = Word{Start: start, End: i, Class: class, Capital: capital, Size: size}
							cs.pending = true
						}
					} else if !cs.word(scanWord(text, start, i, ascii, shape), i, space) {
						return
					}
				}
				if space {
					if cs.pending && !cs.end(i+1) {
						return
					}
					cs.start, cs.code, cs.known = i+1, false, false
				}
				start, latin, ascii, prevLower = -1, false, true, false
			}
			i++
			continue
		}
		prevLower = false
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.Is(unicode.Latin, r):
			if start < 0 {
				start = i
			}
			latin, ascii = true, false
		case start >= 0 && unicode.IsMark(r),
			r == '’' && start >= 0 && i+n < len(text) && isLetterAt(text, i+n):
			ascii = false
		default:
			if start >= 0 && latin && !cs.word(classifyPlain(text, start, i), i, false) {
				return
			}
			start, latin, ascii = -1, false, true
		}
		i += n
	}
	if start >= 0 && latin && !cs.word(scanWord(text, start, len(text), ascii, shape), len(text), true) {
		return
	}
	cs.end(len(text))
}

// scanWord classifies the Latin-script word text[start:end] that
// ScanWords found: from its shape when it is ASCII (ascii) and short.
func scanWord(text string, start, end int, ascii bool, shape wordShape) Word {
	if ascii && end-start <= asciiWordMax {
		return classifyShaped(text[start:end], start, shape)
	}
	return classifyPlain(text, start, end)
}

// chunkScan follows ScanWords through the white-space separated chunks
// of its text, to make Neutral the words of a chunk that looks like code
// or an address (codeLike) before yield sees them. Whether a chunk looks
// like code is known for sure only at its end; most words end at a space
// and so at the end of their chunk, and the word of a chunk that goes on
// ("end." or "Tom's,") waits there until its chunk ends. A second word
// in the same chunk, before it ends ("well—said", "x/y"), has codeLike
// judge the whole chunk at once.
type chunkScan struct {
	text    string
	yield   func(Word) bool
	start   int  // of the current chunk
	code    bool // a byte of the chunk so far makes it look like code
	known   bool // code is codeLike of the whole chunk
	pending bool // held is a word of the chunk that waits for its end
	held    Word
}

// codeByte notes the byte at i, which is neither white space nor a part
// of a word: whether it makes its chunk look like code as codeLike
// judges (a '/', '@', '\\' or '_', a '.' between two ASCII letters or
// digits, or "www.").
func (s *chunkScan) codeByte(i int) {
	switch s.text[i] {
	case '/', '@', '\\', '_':
		s.code = true
	case '.':
		if i > s.start && i+1 < len(s.text) && isAlnumByte(s.text[i-1]) && isAlnumByte(s.text[i+1]) ||
			i-3 >= s.start && s.text[i-3:i] == "www" {
			s.code = true
		}
	}
}

// word takes word w, which ends at end, where its chunk ends too when
// last: it yields w when it knows whether w's chunk looks like code (and
// the word held before it), and holds it otherwise. It reports whether
// the scan goes on (yield returned true).
func (s *chunkScan) word(w Word, end int, last bool) bool {
	if !(last || s.code || s.known) {
		if !s.pending {
			if w.Class == NeutralWord {
				return s.yield(w) // stays as it is
			}
			s.held, s.pending = w, true
			return true
		}
		// a second word of the chunk: judge the whole chunk now
		ce := end
		for ce < len(s.text) && !isSpaceByte(s.text[ce]) {
			ce++
		}
		s.code, s.known = codeLike(s.text[s.start:ce]), true
	}
	if s.pending {
		s.pending = false
		if !s.yield(s.mark(s.held)) {
			return false
		}
	}
	return s.yield(s.mark(w))
}

// mark returns w, Neutral when its chunk looks like code.
func (s *chunkScan) mark(w Word) Word {
	if s.code {
		w.Class = NeutralWord
	}
	return w
}

// end ends the current chunk where the next one starts, at next: it
// yields the word held, and reports whether the scan goes on.
func (s *chunkScan) end(next int) bool {
	if s.pending {
		s.pending = false
		if !s.yield(s.mark(s.held)) {
			return false
		}
	}
	s.start, s.code, s.known = next, false, false
	return true
}

// letterAt is isLetterAt with no decoding for an ASCII byte.
func letterAt(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	return isLetterAt(text, i)
}

// wordShape is what ScanWords learns of an ASCII word while it reads it:
// how many capital and small letters it has, whether it has digits, a
// capital right after a small letter (camelCase) and an apostrophe or a
// hyphen between letters.
type wordShape struct {
	upper, lower          int
	digits, camel, joined bool
}

// classifyShaped is classify for the ASCII word text[start:start+len(word)]
// of at most asciiWordMax bytes, of the given shape, and makes it Neutral
// when it is camelCase: the ASCII half of ScanWords' emit without
// reading the word's bytes again. A word without an apostrophe or a
// hyphen is looked up by spelling.EnglishSize alone, since that is all
// englishWordASCII would do with it.
func classifyShaped(word string, start int, s wordShape) Word {
	class, capital, size := shapedVerdict(word, s)
	return Word{Start: start, End: start + len(word), Class: class, Capital: capital, Size: size}
}

// shapedVerdict is classifyShaped's verdict on word, which holds no
// diacritic: its class, whether it starts with a capital and its size.
func shapedVerdict(word string, s wordShape) (class WordClass, capital bool, size int) {
	key, ok := memoKey(word, s)
	if !ok {
		w := classifyShapedPlain(word, 0, s)
		return w.Class, w.Capital, w.Size
	}
	e := &shapedMemo[(key*0x9e3779b97f4a7c15)>>(64-shapedMemoBits)]
	if v := e.Load(); v&memoKeyMask == key {
		return WordClass(v >> memoClassShift & 3), key&memoTitle != 0, int(v >> memoSizeShift & 127)
	}
	w := classifyShapedPlain(word, 0, s)
	if w.Size < 128 {
		e.Store(key | uint64(w.Class)<<memoClassShift | uint64(w.Size)<<memoSizeShift)
	}
	return w.Class, w.Capital, w.Size
}

// shapedMemo remembers classifyShaped's verdicts on the words of small
// letters, and capitalised words (a capital and small letters), with
// their apostrophes and hyphens ("don't", "I'm", "well-known"), of up to
// memoLetters bytes, each in the entry its key hashes to, the last word
// asked there winning: a text holds the same words again and again ("I",
// "Tom", "the", "I'm"), each of which costs one to four look-ups in the
// English list and the calls around them, while an entry is one load
// from 32 KiB that stay in the processor's cache. A verdict depends on the
// word alone, so an entry is never stale. An entry is the word's key
// (memoKey), its class and its size; 0 is the key of no word. Entries are
// read and written atomically, so that checks running at the same time
// may share it.
var shapedMemo [1 << shapedMemoBits]atomic.Uint64

// The fields of a shapedMemo entry.
const (
	shapedMemoBits = 12
	memoLetters    = 10                     // five bits a byte
	memoTitle      = 1 << (5 * memoLetters) // the word is capitalised
	memoKeyMask    = memoTitle<<1 - 1
	memoClassShift = 5*memoLetters + 1
	memoSizeShift  = memoClassShift + 2
)

// memoCode is the five-bit code of each byte that a key may hold: 1 for a
// or A to 26 for z or Z, 27 for an apostrophe, 28 for a hyphen; 0 for the
// others.
var memoCode = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = uint8(c-'a') + 1
		t[c-'a'+'A'] = uint8(c-'a') + 1
	}
	t['\''], t['-'] = 27, 28
	return t
}()

// memoKey returns the shapedMemo key of an ASCII word of shape s, if it
// has one: the codes of its bytes (memoCode, the first byte lowest) and
// memoTitle when it is capitalised. Only words of one to memoLetters
// letters, apostrophes and hyphens, with no capital or one capital that
// starts them, have a key; two such words have the same key exactly when
// they are the same word.
func memoKey(word string, s wordShape) (uint64, bool) {
	if s.digits || len(word) > memoLetters || word == "" {
		return 0, false
	}
	var key uint64
	switch {
	case s.upper == 0:
	case s.upper == 1 && 'A' <= word[0] && word[0] <= 'Z':
		key = memoTitle
	default:
		return 0, false
	}
	if !s.joined {
		// letters only, as ScanWords' ASCII words with no digit, no
		// apostrophe and no hyphen are: a letter's code is its five low
		// bits, in either case
		for i := 0; i < len(word); i++ {
			key |= uint64(word[i]&31) << (5 * i)
		}
		return key, true
	}
	for i := 0; i < len(word); i++ {
		c := memoCode[word[i]]
		if c == 0 {
			return 0, false
		}
		key |= uint64(c) << (5 * i)
	}
	return key, true
}

// classifyShapedPlain is classifyShaped without shapedMemo.
func classifyShapedPlain(word string, start int, s wordShape) Word {
	w := Word{Start: start, End: start + len(word), Capital: 'A' <= word[0] && word[0] <= 'Z'}
	if s.digits || s.upper >= 2 && s.lower == 0 {
		w.Class = NeutralWord
		return w
	}
	var size int
	var ok bool
	if w.Capital && s.upper == 1 {
		// the small form first, as classify does
		var buf [asciiWordMax]byte
		folded := buf[:len(word)]
		copy(folded, word)
		folded[0] += 'a' - 'A'
		if size, ok = lookupASCII(string(folded), s.joined); !ok {
			size, ok = lookupASCII(word, s.joined)
		}
	} else {
		size, ok = lookupASCII(word, s.joined)
	}
	w.setListed(size, ok, len(word))
	if s.camel {
		w.Class = NeutralWord
	}
	return w
}

// lookupASCII is englishWordASCII(word), which for a word without an
// apostrophe or a hyphen (joined false) is spelling.EnglishSize(word).
func lookupASCII(word string, joined bool) (int, bool) {
	if !joined {
		return spelling.EnglishSize(word)
	}
	return englishWordASCII(word)
}

// classifyPlain is classify, with a camelCase word made Neutral: the
// half of ScanWords' emit for a word with non-ASCII letters or marks or
// of more than asciiWordMax bytes.
func classifyPlain(text string, start, end int) Word {
	w := classify(text, start, end)
	if w.Class != NeutralWord && camel(text[start:end]) {
		w.Class = NeutralWord
	}
	return w
}

// asciiWordMax is the longest ASCII word classifyShaped folds on the stack.
const asciiWordMax = 32

// englishWordASCII is englishWord for an ASCII word: as it is, without a
// possessive 's, and part by part where it has hyphens (all parts must be
// English), the largest size class among the parts. It keeps no reference
// to word, which may live on the caller's stack.
func englishWordASCII(word string) (int, bool) {
	if s, ok := englishPartASCII(word); ok || strings.IndexByte(word, '-') < 0 {
		return s, ok
	}
	most := 0
	for rest := word; ; {
		part := rest
		i := strings.IndexByte(rest, '-')
		if i >= 0 {
			part = rest[:i]
		}
		s, ok := englishPartASCII(part)
		if !ok {
			return 0, false
		}
		most = max(most, s)
		if i < 0 {
			return most, true
		}
		rest = rest[i+1:]
	}
}

// englishPartASCII looks word up as it is, then without a possessive 's
// or a final apostrophe.
func englishPartASCII(word string) (int, bool) {
	if s, ok := spelling.EnglishSize(word); ok {
		return s, true
	}
	for _, suf := range [...]string{"'s", "'"} {
		if base, ok := strings.CutSuffix(word, suf); ok && base != "" {
			if s, ok := spelling.EnglishSize(base); ok {
				return s, true
			}
		}
	}
	return 0, false
}
