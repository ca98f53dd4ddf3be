package spelling

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
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

// varietyCodes are the variety column's values in variants.tsv.
var varietyCodes = map[string]Variety{"us": American, "gb": British, "gb-ise": BritishIse, "gb-ize": Oxford, "us-gb-ise": Ise}

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

// maxWordLen bounds the words of the table (the longest has 21 letters);
// longer words are never variants, and shorter ones are lowered into a
// buffer of this size on the stack.
const maxWordLen = 32

// entry is one word of the table: what each profile expects instead
// (indexed by Profile; "" when the profile accepts the word).
type entry struct {
	want    [4]string
	variety Variety
}

// table returns the parsed variants.tsv.
var table = sync.OnceValue(func() map[string]entry {
	t, err := parseTable(variantsTSV)
	if err != nil {
		// The table is embedded; the package tests parse it.
		panic("spelling: " + err.Error())
	}
	return t
})

// variantHashes has a bit for the hash (variantHash) of each word of the
// table: Lookup rules out most words of a text with it before the map
// look-up.
var variantHashes = sync.OnceValue(func() *[1 << 16 / 64]uint64 {
	var bits [1 << 16 / 64]uint64
	for w := range table() {
		h := variantHash(w)
		bits[h/64] |= 1 << (h % 64)
	}
	return &bits
})

// variantHash hashes the ASCII word w in lower case (FNV-1a, folded to 16
// bits).
func variantHash(w string) uint16 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i]|0x20)) * 16777619
	}
	return uint16(h ^ h>>16)
}

// mayBeVariant reports whether the word of ASCII letters w may be in the
// table, in any case: false for most words.
func mayBeVariant(w string) bool {
	h := variantHash(w)
	return variantHashes()[h/64]&(1<<(h%64)) != 0
}

// tableProfiles are the profiles of the table's columns 3 to 5.
var tableProfiles = [...]Profile{EnUS, EnGB, NATO}

// parseTable reads the table: lines of word, variety, and the spelling that
// en-US, en-GB and nato expect ("-" when they accept the word), and the
// rules, separated by tabs. Lines starting with # are comments.
func parseTable(data string) (map[string]entry, error) {
	t := make(map[string]entry, strings.Count(data, "\n")+1)
	line := 0
	for len(data) > 0 {
		var l string
		l, data, _ = strings.Cut(data, "\n")
		line++
		if l == "" || l[0] == '#' {
			continue
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("variants.tsv: line %d: %s", line, fmt.Sprintf(format, args...))
		}
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
			return nil, fail("%d fields, want 6", n)
		}
		word := f[0]
		if !isTableWord(word) {
			return nil, fail("word %q is not 1 to %d lower-case ASCII letters", word, maxWordLen)
		}
		if _, dup := t[word]; dup {
			return nil, fail("word %q is listed twice", word)
		}
		e := entry{variety: varietyCodes[f[1]]}
		if e.variety == 0 {
			return nil, fail("unknown variety %q", f[1])
		}
		for i, p := range tableProfiles {
			w := f[2+i]
			if w == "-" {
				continue
			}
			if !isTableWord(w) || w == word {
				return nil, fail("%s spelling %q of %q is not another word of 1 to %d lower-case ASCII letters", p, w, word, maxWordLen)
			}
			e.want[p] = w
		}
		if e.want == [4]string{} {
			return nil, fail("%q: no profile flags it", word)
		}
		t[word] = e
	}
	return t, nil
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
	c := caseOf(stem)
	if c == caseOther {
		return Suggestion{}, false
	}
	if !mayBeVariant(stem) {
		return Suggestion{}, false
	}
	t := table()
	var e entry
	var ok bool
	if c == caseLower {
		e, ok = t[stem]
	} else {
		var buf [maxWordLen]byte
		for i := 0; i < len(stem); i++ {
			buf[i] = stem[i] | 0x20 // ASCII letters only: caseOf checked
		}
		e, ok = t[string(buf[:len(stem)])]
	}
	if !ok || e.want[p] == "" {
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
