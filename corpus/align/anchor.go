package align

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/glossary"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// anchor is something a sentence holds that its translation should hold
// too: a number, a Latin-script name or acronym, a glossary term pair.
// Anchors of all kinds are interned to one id space; strong anchors that
// one side of a bead has and the other lacks make the bead costlier.
type anchor struct {
	id     uint32
	strong bool
}

// anchors holds the anchors of every sentence of both texts and the
// weights of the anchor term of a bead's cost.
type anchors struct {
	src, tgt    [][]anchor // by sentence, sorted by id, each id once
	match, miss float64
}

// Anchor weights, in nats: each anchor that both sides of a bead share
// lowers its cost by anchorMatch; each strong anchor of one side that the
// other lacks raises it by anchorMiss.
const (
	anchorMatch = 2.0
	anchorMiss  = 0.5
)

// anchorKind prefixes the interned key of an anchor.
const (
	kindNumber = '#'
	kindName   = 'A'
	kindTerm   = 'T'
)

// newAnchors finds the anchors of every sentence. It returns nil when no
// sentence has one.
func newAnchors(src, tgt []string, opt Options) *anchors {
	ids := map[string]uint32{}
	intern := func(key string) uint32 {
		id, ok := ids[key]
		if !ok {
			id = uint32(len(ids))
			ids[key] = id
		}
		return id
	}
	a := &anchors{src: make([][]anchor, len(src)), tgt: make([][]anchor, len(tgt)), match: anchorMatch, miss: anchorMiss}
	srcTerms, tgtTerms := termMatchers(opt)
	found := false
	side := func(out [][]anchor, texts []string, terms *glossary.Matcher, group map[*glossary.Concept]int) {
		var buf []anchor
		for i, s := range texts {
			buf = buf[:0]
			buf = sentenceAnchors(buf, s, intern)
			if terms != nil {
				for _, mt := range terms.Find(s) {
					buf = append(buf, anchor{id: intern(string(kindTerm) + strconv.Itoa(group[mt.Concept])), strong: true})
				}
			}
			if len(buf) == 0 {
				continue
			}
			found = true
			slices.SortFunc(buf, func(x, y anchor) int {
				if x.id != y.id {
					return cmp.Compare(x.id, y.id)
				}
				// Strong before weak, so that Compact keeps the strong one.
				return boolInt(y.strong) - boolInt(x.strong)
			})
			buf = slices.CompactFunc(buf, func(x, y anchor) bool { return x.id == y.id })
			out[i] = slices.Clone(buf)
		}
	}
	var group map[*glossary.Concept]int
	if srcTerms != nil {
		group = srcTerms.group
	}
	side(a.src, src, srcTerms.matcher(), group)
	side(a.tgt, tgt, tgtTerms.matcher(), group)
	if !found {
		return nil
	}
	return a
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// termSide is the matcher of one side's terms and, for every concept of
// its glossary, the number of the group of term pairs it stands for.
type termSide struct {
	m     *glossary.Matcher
	group map[*glossary.Concept]int
}

func (t *termSide) matcher() *glossary.Matcher {
	if t == nil {
		return nil
	}
	return t.m
}

// termMatchers builds the glossary matchers of the two sides' terms.
//
// Pairs that share a source term or a target term form one group (one
// concept of the glossary built here): ("北约", "NATO") and ("北约", "North
// Atlantic Treaty Organization") are one group, so that either English
// term matches 北约, and neither is missing when the other is there. Terms
// are compared for grouping after NFC, width folding, lower-casing and
// collapsing white space.
//
// The glossary package matches terms by base language; a side whose
// language is undetermined, or the source side when both have the same
// base language, uses a private-use language code (qaa, qab) instead, so
// that the two sides' terms stay apart.
func termMatchers(opt Options) (src, tgt *termSide) {
	if len(opt.Terms) == 0 {
		return nil, nil
	}
	sl, tl := opt.SourceLang, opt.TargetLang
	if tl == language.Und {
		tl = language.MustParse("qab")
	}
	tb, _ := tl.Base()
	if sb, _ := sl.Base(); sl == language.Und || sb == tb {
		sl = language.MustParse("qaa")
	}
	// Union-find over the pairs, joined by equal source or target keys.
	parent := make([]int, len(opt.Terms))
	var find func(int) int
	find = func(k int) int {
		for parent[k] != k {
			parent[k] = parent[parent[k]]
			k = parent[k]
		}
		return k
	}
	bySrc, byTgt := map[string]int{}, map[string]int{}
	join := func(seen map[string]int, key string, k int) {
		if j, ok := seen[key]; ok {
			parent[find(k)] = find(j)
		} else {
			seen[key] = k
		}
	}
	for k, p := range opt.Terms {
		parent[k] = k
		if termKey(p[0]) == "" || termKey(p[1]) == "" {
			continue
		}
		join(bySrc, termKey(p[0]), k)
		join(byTgt, termKey(p[1]), k)
	}
	g := &glossary.Glossary{Name: "align terms"}
	conceptOf := map[int]int{} // root pair -> concept index
	seenTerm := map[string]bool{}
	for k, p := range opt.Terms {
		if termKey(p[0]) == "" || termKey(p[1]) == "" {
			continue
		}
		r := find(k)
		ci, ok := conceptOf[r]
		if !ok {
			ci = len(g.Concepts)
			conceptOf[r] = ci
			g.Concepts = append(g.Concepts, glossary.Concept{ID: strconv.Itoa(ci)})
		}
		c := &g.Concepts[ci]
		for side, lang := range [2]language.Tag{sl, tl} {
			key := strconv.Itoa(side) + termKey(p[side])
			if !seenTerm[key] {
				seenTerm[key] = true
				c.Terms = append(c.Terms, glossary.Term{Text: p[side], Lang: lang})
			}
		}
	}
	if len(g.Concepts) == 0 {
		return nil, nil
	}
	group := make(map[*glossary.Concept]int, len(g.Concepts))
	for i := range g.Concepts {
		group[&g.Concepts[i]] = i
	}
	return &termSide{glossary.NewMatcher(sl, g), group}, &termSide{glossary.NewMatcher(tl, g), group}
}

// termKey is the form in which terms are compared to group pairs.
func termKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(width.Fold.String(norm.NFC.String(s)))), " ")
}

// sentenceAnchors appends the numbers and Latin-script names of s.
func sentenceAnchors(buf []anchor, s string, intern func(string) uint32) []anchor {
	nonLatin := mostlyNonLatin(s)
	var key []byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case digitValue(r) >= 0:
			end, canon := number(s, i)
			key = append(key[:0], kindNumber)
			key = append(key, canon...)
			buf = append(buf, anchor{id: intern(string(key)), strong: true})
			i = end
		case isHanNumeral(r):
			end, v, ok := chineseNumber(s, i)
			if ok {
				key = append(key[:0], kindNumber)
				key = strconv.AppendUint(key, v, 10)
				// Weak: the translation may well spell it out ("thirty").
				buf = append(buf, anchor{id: intern(string(key))})
			}
			i = end
		case r < utf8.RuneSelf && isASCIILetter(byte(r)) || r >= utf8.RuneSelf && unicode.Is(unicode.Latin, r):
			end, upper := latinToken(s, i)
			if upper && utf8.RuneCountInString(s[i:end]) >= 2 {
				key = append(key[:0], kindName)
				key = append(key, strings.ToLower(width.Fold.String(s[i:end]))...)
				buf = append(buf, anchor{id: intern(string(key)), strong: nonLatin})
			}
			i = end
		default:
			i += size
		}
	}
	return buf
}

func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// latinToken returns the end of the run of Latin letters and digits that
// starts at i, and whether it holds an upper-case letter.
func latinToken(s string, i int) (end int, upper bool) {
	for end = i; end < len(s); {
		r, size := utf8.DecodeRuneInString(s[end:])
		switch {
		case r < utf8.RuneSelf:
			b := byte(r)
			if !isASCIILetter(b) && !('0' <= b && b <= '9') {
				return end, upper
			}
			upper = upper || 'A' <= b && b <= 'Z'
		case unicode.Is(unicode.Latin, r):
			upper = upper || unicode.IsUpper(r)
		case r >= '０' && r <= '９':
		default:
			return end, upper
		}
		end += size
	}
	return end, upper
}

// mostlyNonLatin reports whether fewer than half of the letters of s are
// Latin: a Chinese sentence with a name in it. Latin names in such a
// sentence are strong anchors: its translation keeps them.
func mostlyNonLatin(s string) bool {
	latin, other := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if isASCIILetter(byte(r)) {
				latin++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	return other > latin
}

// digitValue returns the value of an ASCII or fullwidth decimal digit, or
// -1.
func digitValue(r rune) int {
	switch {
	case '0' <= r && r <= '9':
		return int(r - '0')
	case '０' <= r && r <= '９':
		return int(r - '０')
	}
	return -1
}

// number reads the number that starts at s[i] and returns its end and its
// canonical form: digits only, fullwidth digits as ASCII, without
// thousands separators ("1,000" and "1000" are one anchor), leading zeros
// or trailing decimal zeros ("07" is "7", "3.50" is "3.5"). A comma is a
// thousands separator when exactly three digits follow it; a full stop
// (ASCII or fullwidth) followed by a digit starts the decimals.
func number(s string, i int) (end int, canon []byte) {
	var intPart, frac []byte
	readDigits := func(dst []byte) []byte {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			d := digitValue(r)
			if d < 0 {
				break
			}
			dst = append(dst, byte('0'+d))
			i += size
		}
		return dst
	}
	intPart = readDigits(intPart)
	for i < len(s) && s[i] == ',' {
		j := i + 1
		k := j
		for k < len(s) && k-j < 4 && '0' <= s[k] && s[k] <= '9' {
			k++
		}
		if k-j != 3 {
			break
		}
		intPart = append(intPart, s[j:k]...)
		i = k
	}
	if r, size := utf8.DecodeRuneInString(s[i:]); r == '.' || r == '．' {
		if r2, _ := utf8.DecodeRuneInString(s[i+size:]); digitValue(r2) >= 0 {
			i += size
			frac = readDigits(frac)
		}
	}
	for len(intPart) > 1 && intPart[0] == '0' {
		intPart = intPart[1:]
	}
	for len(frac) > 0 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	canon = intPart
	if len(frac) > 0 {
		canon = append(append(canon, '.'), frac...)
	}
	return i, canon
}

// cost returns the anchor term of the cost of the bead that joins
// src[i0:i1] and tgt[j0:j1].
func (a *anchors) cost(i0, i1, j0, j1 int) float64 {
	matched, missed := 0, 0
	for i := i0; i < i1; i++ {
		for _, x := range a.src[i] {
			if i > i0 && has(a.src[i0], x.id) {
				continue // counted with the first sentence
			}
			if inRange(a.tgt, j0, j1, x.id) {
				matched++
			} else if x.strong {
				missed++
			}
		}
	}
	for j := j0; j < j1; j++ {
		for _, y := range a.tgt[j] {
			if j > j0 && has(a.tgt[j0], y.id) {
				continue
			}
			if y.strong && !inRange(a.src, i0, i1, y.id) {
				missed++
			}
		}
	}
	return -a.match*float64(matched) + a.miss*float64(missed)
}

// has reports whether the sorted list holds id.
func has(list []anchor, id uint32) bool {
	_, ok := slices.BinarySearchFunc(list, id, func(x anchor, id uint32) int { return cmp.Compare(x.id, id) })
	return ok
}

func inRange(lists [][]anchor, from, to int, id uint32) bool {
	for k := from; k < to; k++ {
		if has(lists[k], id) {
			return true
		}
	}
	return false
}
