package spelling

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
)

//go:embed variants.tsv
var variantsTSV string

// Variety is the spelling convention that a flagged word follows.
type Variety uint8

const (
	// American spelling only (defense, color).
	American Variety = iota + 1
	// British spelling, with -ise and with -ize alike (defence, colour).
	British
	// BritishIse is British spelling with -ise only (organisation).
	BritishIse
	// Oxford is British spelling with -ize only (colourize).
	Oxford
	// Ise is spelling with -ise that American and British -ise spelling
	// share and Oxford spelling does not (exorcise, Oxford exorcize).
	Ise
)

var varietyNames = [...]string{American: "US", British: "British", BritishIse: "British -ise", Oxford: "Oxford -ize", Ise: "-ise"}

// varietyOf returns the variety that a value of the variety column of
// variants.tsv names, or 0.
func varietyOf(code string) Variety {
	switch code {
	case "us":
		return American
	case "gb":
		return British
	case "gb-ise":
		return BritishIse
	case "gb-ize":
		return Oxford
	case "us-gb-ise":
		return Ise
	}
	return 0
}

// String names the variety for messages ("US spelling"): "US", "British",
// "British -ise", "Oxford -ize" or "-ise".
func (v Variety) String() string {
	if v != 0 && int(v) < len(varietyNames) {
		return varietyNames[v]
	}
	return fmt.Sprintf("Variety(%d)", v)
}

// Suggestion is what a profile expects instead of a word.
type Suggestion struct {
	Want    string  // the spelling the profile expects, in the case of the word
	Variety Variety // the spelling convention the word follows
}

// maxWordLen bounds the words of the table (the longest has 21 letters):
// longer words are never variants, and Lookup does not hash them.
const maxWordLen = 32

// entry is one word of the table: what each profile expects instead
// (indexed by Profile; "" when the profile accepts the word).
type entry struct {
	want    [4]string
	variety Variety
}

// variantSlots is the hash table of variantsTSV that newVariantTable
// builds, computed ahead: variants.slots is generated from variants.tsv (go
// generate runs TestVariantSlots with -update, which also fails while the
// file is stale), so that no run parses the table or builds a map of its
// 4,500 words at first use (milliseconds). It holds the filter and the
// shapes (see variantTable), then the slots, little-endian.
//
//go:generate go test -run ^TestVariantSlots$ -update .
//go:embed variants.slots
var variantSlots string

// variants is the embedded table.
var variants = variantTable{
	tsv:    variantsTSV,
	filter: variantSlots[:variantFilterBytes],
	shapes: variantSlots[variantFilterBytes : variantFilterBytes+variantShapeBytes],
	slots:  variantSlots[variantFilterBytes+variantShapeBytes:],
}

// variantTable is the set of the words of a table like variants.tsv: an
// open-addressing hash table (linear probing, with a fixed hash function)
// of references to the words' lines in the table itself, with at least
// twice as many slots as words, so that most words of a text, which are
// not in it, cost one slot. In front of the slots, a filter of one bit
// for each value of the top variantFilterBits bits of the hash, set for
// the words of the table: a word whose bit is clear (six words in seven)
// is not in it, and a look-up of a word of prose reads 4 KiB that stay in
// the processor's cache rather than a slot of the 64 KiB. In front of the
// filter, before the word is hashed, its shape: a bit for each length,
// first letter and last letter, set for the words of the table. Most
// words of prose have a shape that no word of the table has (87% of the
// words of the English side of the Tatoeba Chinese-English pairs, among
// them every word of one or two letters: the table has none), and the
// test costs a load.
type variantTable struct {
	tsv    string // the table's text
	filter string // variantFilterBytes, or empty: no filter
	shapes string // variantShapeBytes, or empty: no shapes
	slots  string // little-endian uint32 slots: 0 empty; else used bit, hash tag, offset of the line
}

// variantFilterBits is the number of hash bits that index the filter.
const (
	variantFilterBits  = 15
	variantFilterBytes = 1 << variantFilterBits / 8
)

// variantFilterBit returns the filter bit of the hash h: a byte index and
// a mask.
func variantFilterBit(h uint64) (int, byte) {
	f := h >> (64 - variantFilterBits)
	return int(f / 8), 1 << (f % 8)
}

// variantShapeBytes is the size of the shapes of a variantTable: a bit
// for each length up to maxWordLen, first letter and last letter.
const variantShapeBytes = ((maxWordLen+1)*26*26 + 7) / 8

// variantShape returns the shape bit of the word w of ASCII letters (in
// either case, of up to maxWordLen): a byte index and a mask. It reports
// false for another word, which the table cannot hold.
func variantShape(w string) (int, byte, bool) {
	n := len(w)
	if n == 0 || n > maxWordLen {
		return 0, 0, false
	}
	first, last := uint(w[0]|0x20)-'a', uint(w[n-1]|0x20)-'a'
	if first >= 26 || last >= 26 {
		return 0, 0, false
	}
	bit := (uint(n)*26+first)*26 + last
	return int(bit / 8), 1 << (bit % 8), true
}

// mayHold reports whether the table may hold the word w of ASCII letters
// in either case: false when no word of the table has its shape (see
// variantTable), or when w is not such a word.
func (t *variantTable) mayHold(w string) bool {
	if t.shapes == "" {
		return true
	}
	i, bit, ok := variantShape(w)
	return ok && t.shapes[i]&bit != 0
}

// The fields of a slot of a variantTable.
const (
	variantOffsetBits = 18 // variants.tsv is under 256 KiB
	variantTagBits    = 13 // hash bits below those of the slot index: most other words differ in them
	variantUsed       = 1 << 31
)

// variantHash hashes the word of ASCII letters in lower case: eight
// bytes at a time, each folded to small letters and multiplied in, as
// commonHash does, so that the top bits of the hash, which index the
// table and its filter and make the slot's tag, depend on every byte.
func variantHash(word string) uint64 {
	const lower = 0x2020202020202020 // the case bit of eight ASCII letters
	h := uint64(len(word))
	i := 0
	for ; i+8 <= len(word); i += 8 {
		h = (h ^ (loadLE64(word[i:]) | lower)) * hashMul
		h ^= h >> 32
	}
	if i < len(word) {
		tail := word[i:]
		h = (h ^ (shortKey(tail) | lower>>(64-8*len(tail)))) * hashMul
		h ^= h >> 32
	}
	return h * hashMul
}

// tableProfiles are the profiles of the table's columns 3 to 5.
var tableProfiles = [...]Profile{EnUS, EnGB, NATO}

// newVariantTable reads and indexes the table data: lines of word,
// variety, and the spelling that en-US, en-GB and nato expect ("-" when
// they accept the word), and the rules, separated by tabs. Lines starting
// with # are comments.
func newVariantTable(data string) (variantTable, error) {
	if len(data) >= 1<<variantOffsetBits {
		return variantTable{}, fmt.Errorf("variants.tsv: %d bytes, too large for its table", len(data))
	}
	n := strings.Count(data, "\n") + 1
	nbits := uint(1)
	for 1<<nbits < 2*n {
		nbits++
	}
	slots := make([]byte, 4<<nbits)
	filter := make([]byte, variantFilterBytes)
	shapes := make([]byte, variantShapeBytes)
	t := variantTable{tsv: data}
	line := 0
	for off := 0; off < len(data); {
		l, _, _ := strings.Cut(data[off:], "\n")
		line++
		if l != "" && l[0] != '#' {
			word, _, err := parseVariantLine(l)
			if err != nil {
				return variantTable{}, fmt.Errorf("variants.tsv: line %d: %w", line, err)
			}
			if !t.put(slots, word, off) {
				return variantTable{}, fmt.Errorf("variants.tsv: line %d: word %q is listed twice", line, word)
			}
			i, bit := variantFilterBit(variantHash(word))
			filter[i] |= bit
			if i, bit, ok := variantShape(word); ok {
				shapes[i] |= bit
			}
		}
		off += len(l) + 1
	}
	t.filter, t.shapes, t.slots = string(filter), string(shapes), string(slots)
	return t, nil
}

// encode returns the table as variants.slots holds it: the filter, the
// shapes, then the slots.
func (t variantTable) encode() []byte {
	return []byte(t.filter + t.shapes + t.slots)
}

// put records the word whose line starts at offset off of t.tsv, in slots
// (t.slots while the table is built). It reports false when the table
// already has the word.
func (t *variantTable) put(slots []byte, word string, off int) bool {
	nbits := uint(bits.TrailingZeros(uint(len(slots) / 4)))
	h := variantHash(word)
	tag := uint32(h>>(64-nbits-variantTagBits)) & (1<<variantTagBits - 1)
	slot := variantUsed | tag<<variantOffsetBits | uint32(off)
	mask := uint64(1)<<nbits - 1
	for i := h >> (64 - nbits); ; i = (i + 1) & mask {
		old := binary.LittleEndian.Uint32(slots[4*i:])
		if old == 0 {
			binary.LittleEndian.PutUint32(slots[4*i:], slot)
			return true
		}
		if lineWord(t.tsv[old&(1<<variantOffsetBits-1):]) == word {
			return false
		}
	}
}

// lineWord returns the word of the table line that starts text.
func lineWord(text string) string {
	word, _, _ := strings.Cut(text, "\t")
	return word
}

// get returns the entry of the word key (lower-case ASCII letters), if the
// table has it.
func (t variantTable) get(key string) (entry, bool) {
	line, ok := t.find(key)
	if !ok {
		return entry{}, false
	}
	_, e, _ := parseVariantLine(line)
	return e, true
}

// find returns the table's line of the word of ASCII letters w, in any
// case, if the table has the word.
func (t variantTable) find(w string) (string, bool) {
	nslots := len(t.slots) / 4
	if nslots == 0 || !t.mayHold(w) {
		return "", false
	}
	h := variantHash(w)
	if t.filter != "" {
		if i, bit := variantFilterBit(h); t.filter[i]&bit == 0 {
			return "", false
		}
	}
	nbits := uint(bits.TrailingZeros(uint(nslots)))
	tag := uint32(h>>(64-nbits-variantTagBits)) & (1<<variantTagBits - 1)
	mask := uint64(nslots - 1)
	for i := h >> (64 - nbits); ; i = (i + 1) & mask {
		s := t.slots[4*i : 4*i+4]
		slot := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
		if slot == 0 {
			return "", false
		}
		if slot>>variantOffsetBits&(1<<variantTagBits-1) == tag {
			if line := t.tsv[slot&(1<<variantOffsetBits-1):]; lineOf(line, w) {
				if i := strings.IndexByte(line, '\n'); i >= 0 {
					line = line[:i]
				}
				return line, true
			}
		}
	}
}

// lineOf reports whether line, a line of the table and what follows it,
// is the line of the word of ASCII letters w, in any case.
func lineOf(line, w string) bool {
	if len(line) <= len(w) || line[len(w)] != '\t' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if line[i] != w[i]|0x20 {
			return false
		}
	}
	return true
}

// parseVariantLine reads one line of the table: its word and entry.
func parseVariantLine(l string) (string, entry, error) {
	var f [6]string
	n := 0
	for rest, more := l, true; more; n++ {
		var field string
		field, rest, more = strings.Cut(rest, "\t")
		if n < len(f) {
			f[n] = field
		}
	}
	if n != len(f) {
		return "", entry{}, fmt.Errorf("%d fields, want 6", n)
	}
	word := f[0]
	if !isTableWord(word) {
		return "", entry{}, fmt.Errorf("word %q is not 1 to %d lower-case ASCII letters", word, maxWordLen)
	}
	e := entry{variety: varietyOf(f[1])}
	if e.variety == 0 {
		return "", entry{}, fmt.Errorf("unknown variety %q", f[1])
	}
	for i, p := range tableProfiles {
		w := f[2+i]
		if w == "-" {
			continue
		}
		if !isTableWord(w) || w == word {
			return "", entry{}, fmt.Errorf("%s spelling %q of %q is not another word of 1 to %d lower-case ASCII letters", p, w, word, maxWordLen)
		}
		e.want[p] = w
	}
	if e.want == [4]string{} {
		return "", entry{}, fmt.Errorf("%q: no profile flags it", word)
	}
	return word, e, nil
}

func isTableWord(w string) bool {
	if w == "" || len(w) > maxWordLen {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// Suggest returns the spelling that p expects for word and true when word
// breaks p. Word is one word as it appears in text, in any case; the
// suggestion keeps its case pattern (Defense gives Defence, DEFENSE gives
// DEFENCE) and a possessive ending (defense's gives defence's). Words in
// mixed case (DeFense) are never flagged.
func (p Profile) Suggest(word string) (string, bool) {
	s, ok := p.Lookup(word)
	return s.Want, ok
}

// Lookup is Suggest that also tells which spelling convention word
// follows. It does not allocate when word is not flagged.
func (p Profile) Lookup(word string) (Suggestion, bool) {
	if p == Off || int(p) >= len(profileNames) {
		return Suggestion{}, false
	}
	stem, suffix := splitPossessive(word)
	if !variants.mayHold(stem) {
		return Suggestion{}, false // most words: before caseOf reads them
	}
	c := caseOf(stem)
	if c == caseOther {
		return Suggestion{}, false
	}
	line, ok := variants.find(stem)
	if !ok {
		return Suggestion{}, false
	}
	_, e, _ := parseVariantLine(line)
	if e.want[p] == "" {
		return Suggestion{}, false
	}
	want := e.want[p]
	switch c {
	case caseTitle:
		want = strings.ToUpper(want[:1]) + want[1:]
	case caseUpper:
		want = strings.ToUpper(want)
	}
	if suffix != "" {
		want += suffix
	}
	return Suggestion{Want: want, Variety: e.variety}, true
}

// splitPossessive splits a possessive ending ('s or ’s) off word.
func splitPossessive(word string) (stem, suffix string) {
	n := len(word)
	if n < 3 || word[n-1] != 's' && word[n-1] != 'S' {
		return word, ""
	}
	if word[n-2] == '\'' {
		return word[:n-2], word[n-2:]
	}
	if n > 4 && strings.HasSuffix(word[:n-1], "’") {
		return word[:n-4], word[n-4:]
	}
	return word, ""
}

type letterCase uint8

const (
	caseOther letterCase = iota // mixed, non-ASCII, too long or not a word
	caseLower                   // defense
	caseTitle                   // Defense
	caseUpper                   // DEFENSE
)

// caseOf tells the case pattern of an ASCII word of up to maxWordLen
// letters.
func caseOf(w string) letterCase {
	if len(w) < 2 || len(w) > maxWordLen {
		return caseOther
	}
	upper := 0
	for i := 0; i < len(w); i++ {
		switch b := w[i]; {
		case b >= 'a' && b <= 'z':
		case b >= 'A' && b <= 'Z':
			if i > 0 && upper < i {
				return caseOther // a capital after a small letter
			}
			upper++
		default:
			return caseOther
		}
	}
	switch upper {
	case 0:
		return caseLower
	case 1:
		return caseTitle
	case len(w):
		return caseUpper
	}
	return caseOther // DEfense
}
