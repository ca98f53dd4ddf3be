package glossary

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// A match key is the form of a text that terms are matched against. It is
// built for matching only and never replaces the text:
//
//   - Unicode NFC, then width folding (fullwidth Latin letters and digits
//     become ASCII, halfwidth katakana becomes fullwidth; this also turns
//     Chinese fullwidth punctuation such as ，into ASCII, which is why keys
//     are never shown);
//   - the apostrophes ' ’ ‘ ʼ ‛ are one character ';
//   - a run of white space and hyphens (- U+2010 U+2011) is one space, so
//     "burden-sharing" and "burden  sharing" have the key "burden sharing";
//     white space between two CJK characters is dropped (a line break
//     inside a Chinese sentence); leading and trailing runs are dropped;
//   - soft hyphens and byte order marks are dropped;
//   - with folding, simple case folding (each rune to the lower case of its
//     upper case, so Σ σ ς all become σ).
//
// keyBuf records, for every key byte, where in the text it comes from, so
// that a match in the key maps back to the text exactly.
type keyBuf struct {
	text string
	key  []byte
	// start[k] is the byte offset in the text of the normalisation segment
	// (a rune, or with NFC a rune and its combining marks) that produced
	// key[k]; a separator run's space has the offset of the run.
	start []int32
	// end[k] is the end of that segment. It is kept only when the text is
	// not in NFC; otherwise a segment is one rune (see endOf).
	end  []int32
	slow bool

	pending       bool  // a separator run is waiting to be written
	pendingHyphen bool  // the waiting run holds a hyphen
	pendingStart  int32 // where the waiting run starts in the text
	pendingEnd    int32
	last          rune // the last rune written to the key
	fold          bool
}

// maxText is the longest text that one key can map; Find splits longer
// texts.
const maxText = 1<<31 - 1

// asciiExact and asciiFold map an ASCII byte to its key byte, unfolded and
// folded; 0 marks a separator (white space, hyphen, NUL). They are set in
// a variable's initialiser, not in init, so that other initialisers that
// make keys (stableKeys) run after them.
var asciiFold, asciiExact = asciiTables()

func asciiTables() (fold, exact [128]byte) {
	for b := 0; b < 128; b++ {
		c := byte(b)
		exact[b] = c
		switch {
		case c == ' ', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f', c == '-':
			exact[b] = 0
		}
		fold[b] = exact[b]
		if 'A' <= c && c <= 'Z' {
			fold[b] = c + 'a' - 'A'
		}
	}
	return fold, exact
}

// reset prepares the buffer for a new text.
func (kb *keyBuf) reset(text string, fold, slow bool) {
	kb.text = text
	kb.key = kb.key[:0]
	kb.start = kb.start[:0]
	kb.end = kb.end[:0]
	kb.slow = slow
	kb.pending, kb.pendingHyphen = false, false
	kb.last = 0
	kb.fold = fold
}

// build computes the key of text.
func (kb *keyBuf) build(text string, fold bool) {
	kb.reset(text, fold, false)
	table := &asciiFold
	if !fold {
		table = &asciiExact
	}
	checked := false // whether the text is known to be in NFC
	for i := 0; i < len(text); {
		// ASCII runs: the common case, written by index into local
		// slices with room for one key byte per text byte.
		key, start := kb.key, kb.start
		j := len(key)
		if room := j + len(text) - i; cap(key) < room || cap(start) < room {
			key = slices.Grow(key, room-j)
			start = slices.Grow(start, room-j)
		}
		key, start = key[:cap(key)], start[:cap(start)]
		pending, pendingStart := kb.pending, kb.pendingStart
		for ; i < len(text); i++ {
			c := text[i]
			if c >= utf8.RuneSelf {
				break
			}
			k := table[c]
			if k == 0 {
				if !pending {
					pending, pendingStart = true, int32(i)
					kb.pendingHyphen = false
				}
				if c == '-' {
					kb.pendingHyphen = true
				}
				kb.pendingEnd = int32(i + 1)
				continue
			}
			if pending {
				pending = false
				if j > 0 {
					key[j], start[j] = ' ', pendingStart
					j++
				}
			}
			key[j], start[j] = k, int32(i)
			j++
		}
		kb.pending, kb.pendingStart = pending, pendingStart
		key, start = key[:j], start[:j]
		kb.key, kb.start = key, start
		if n := len(key); n > 0 && key[n-1] < utf8.RuneSelf {
			kb.last = rune(key[n-1])
		}
		if i == len(text) {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isPlainHan(r) {
			// A stable rune (nfcStable), which rune would put as it is.
			kb.flush(r)
			kb.key = append(kb.key, text[i:i+size]...)
			kb.start = append(kb.start, int32(i), int32(i), int32(i))
			kb.last = r
			i += size
			continue
		}
		if !checked && !nfcStable(r) {
			// The text before i is ASCII and stable runes, each with a
			// normalisation boundary before it, and so is the rune
			// before i, if any: the whole text is in NFC if the text
			// from that rune is.
			checked = true
			_, n := utf8.DecodeLastRuneInString(text[:i])
			// QuickSpanString answers most texts without the
			// allocation IsNormalString costs; IsNormalString settles
			// the rest (a quick-check "maybe").
			if rest := text[i-n:]; norm.NFC.QuickSpanString(rest) != len(rest) && !norm.NFC.IsNormalString(rest) {
				kb.buildSlow(text)
				return
			}
		}
		kb.rune(r, int32(i), int32(i+size))
		i += size
	}
}

// nfcStable reports whether r is one of the common characters of Chinese
// text that NFC leaves as they are and that never combine with the
// character before them (canonical combining class 0, NFC quick check
// Yes, no composition with a preceding character): a text made of them
// and ASCII is in NFC, and the normalisation of what follows one of them
// does not depend on what precedes it. They are the basic CJK ideographs,
// the general punctuation U+2010 to U+2027 (dashes, curly quotes, the
// ellipsis), CJK punctuation U+3001 to U+3011 (、。《》「」【】) and the
// fullwidth forms of ASCII U+FF01 to U+FF5E (，！？：；（）). TestNFCStable
// checks each of them against the Unicode tables of x/text/unicode/norm.
func nfcStable(r rune) bool {
	switch {
	case isPlainHan(r):
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x3001 && r <= 0x3011, r >= 0xff01 && r <= 0xff5e:
		return true
	}
	return false
}

// buildSlow computes the key of a text that is not in NFC, one
// normalisation segment at a time.
func (kb *keyBuf) buildSlow(text string) {
	kb.reset(text, kb.fold, true)
	var it norm.Iter
	it.InitString(norm.NFC, text)
	for !it.Done() {
		p := it.Pos()
		seg := it.Next()
		q := it.Pos()
		for len(seg) > 0 {
			r, size := utf8.DecodeRune(seg)
			seg = seg[size:]
			kb.rune(r, int32(p), int32(q))
		}
	}
}

// endOf returns the end in the text of the segment that produced key[k].
func (kb *keyBuf) endOf(k int) int32 {
	if kb.slow {
		return kb.end[k]
	}
	s := kb.start[k]
	_, n := utf8.DecodeRuneInString(kb.text[s:]) // for a separator, its first character
	return s + int32(n)
}

// rune adds one rune that the text span [s, e) produced.
func (kb *keyBuf) rune(r rune, s, e int32) {
	if isPlainHan(r) {
		kb.put(r, s, e) // no width to fold, no case, not a separator
		return
	}
	if r >= utf8.RuneSelf {
		if f := width.LookupRune(r).Folded(); f != 0 {
			r = f
		}
	}
	switch {
	case r < utf8.RuneSelf:
		k := asciiExact[r]
		if kb.fold {
			k = asciiFold[r]
		}
		if k == 0 {
			kb.space(s, e, r == '-')
			return
		}
		r = rune(k)
	case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '\u201b':
		r = '\''
	case r == '\u2010' || r == '\u2011':
		kb.space(s, e, true)
		return
	case r == '\u00ad' || r == '\ufeff':
		return
	case unicode.IsSpace(r) || r == '\u200b':
		kb.space(s, e, false)
		return
	case kb.fold:
		r = foldRune(r)
	}
	kb.put(r, s, e)
}

// isPlainHan reports whether r is a CJK Unified Ideograph of the basic
// block (U+4E00 to U+9FFF): the bulk of Chinese text, which rune keeps as
// it is.
func isPlainHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// put appends the key rune r, from [s, e) in the text.
func (kb *keyBuf) put(r rune, s, e int32) {
	kb.flush(r)
	n := len(kb.key)
	kb.key = utf8.AppendRune(kb.key, r)
	for ; n < len(kb.key); n++ {
		kb.start = append(kb.start, s)
		if kb.slow {
			kb.end = append(kb.end, e)
		}
	}
	kb.last = r
}

// foldRune is simple case folding: the lower case of the upper case.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return rune(asciiFold[r])
	}
	return unicode.ToLower(unicode.ToUpper(r))
}

// space records a separator (white space or hyphen) at [s, e).
func (kb *keyBuf) space(s, e int32, hyphen bool) {
	if !kb.pending {
		kb.pending = true
		kb.pendingHyphen = false
		kb.pendingStart = s
	}
	kb.pendingHyphen = kb.pendingHyphen || hyphen
	kb.pendingEnd = e
}

// flush writes a waiting separator run as one space before the rune r,
// unless the run is at the start of the key or is white space between two
// CJK characters.
func (kb *keyBuf) flush(r rune) {
	if !kb.pending {
		return
	}
	kb.pending = false
	if len(kb.key) == 0 || (!kb.pendingHyphen && noSpaceScript(kb.last) && noSpaceScript(r)) {
		return
	}
	kb.key = append(kb.key, ' ')
	kb.start = append(kb.start, kb.pendingStart)
	if kb.slow {
		kb.end = append(kb.end, kb.pendingEnd)
	}
}

// keyOf returns the key of s, folded or exact.
func keyOf(s string, fold bool) string {
	var kb keyBuf
	kb.build(s, fold)
	return string(kb.key)
}

// segmentBoundary reports whether key offset k is the start of what one
// text segment produced (or the end of the key), so that a match may start
// or end there.
func (kb *keyBuf) segmentBoundary(k int) bool {
	return k == 0 || k >= len(kb.key) || kb.start[k] != kb.start[k-1]
}

// noSpaceScript reports whether r belongs to a script written without
// spaces between words (Han, kana, Hangul, Bopomofo, Thai, Lao, Khmer,
// Myanmar), where a term may start and end anywhere.
func noSpaceScript(r rune) bool {
	if r < 0x0e00 {
		return false
	}
	return unicode.Is(noSpaceTable, r)
}

var noSpaceTable = mergeTables(unicode.Han, unicode.Hiragana, unicode.Katakana,
	unicode.Hangul, unicode.Bopomofo, unicode.Thai, unicode.Lao, unicode.Khmer,
	unicode.Myanmar, &unicode.RangeTable{R16: []unicode.Range16{{Lo: 0x30fc, Hi: 0x30fc, Stride: 1}}})

// wordRune reports whether r is part of a word in a script that separates
// words with spaces: a letter, digit or mark (or _) outside the scripts of
// noSpaceScript. A term in such a script must not start or end next to one.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) && !noSpaceScript(r)
}

var asciiWord [128]bool

func init() {
	for c := 0; c < 128; c++ {
		asciiWord[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
}

// mergeTables returns a range table holding the runes of all ts.
func mergeTables(ts ...*unicode.RangeTable) *unicode.RangeTable {
	var r32 []unicode.Range32
	for _, t := range ts {
		for _, r := range t.R16 {
			r32 = append(r32, unicode.Range32{Lo: uint32(r.Lo), Hi: uint32(r.Hi), Stride: uint32(r.Stride)})
		}
		r32 = append(r32, t.R32...)
	}
	// Expand strided ranges so that the table can be sorted and merged.
	var flat []unicode.Range32
	for _, r := range r32 {
		if r.Stride == 1 {
			flat = append(flat, r)
			continue
		}
		for c := r.Lo; c <= r.Hi; c += r.Stride {
			flat = append(flat, unicode.Range32{Lo: c, Hi: c, Stride: 1})
		}
	}
	slices.SortFunc(flat, func(a, b unicode.Range32) int { return cmp.Compare(a.Lo, b.Lo) })
	var out []unicode.Range32
	for _, r := range flat {
		if n := len(out); n > 0 && r.Lo <= out[n-1].Hi+1 {
			if r.Hi > out[n-1].Hi {
				out[n-1].Hi = r.Hi
			}
			continue
		}
		out = append(out, r)
	}
	return &unicode.RangeTable{R32: out}
}
