package readings

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// syllables is the table of valid Hanyu Pinyin syllables without tones,
// lower-case, with ü: every reading of every character in the dictionary
// of github.com/mozillazg/go-pinyin (v0.21.0, PinyinDict, itself from the
// pinyin-data project), tone marks removed, except the five syllables
// without a vowel (m, n, ng, hm, hng: interjections), which would make
// English consonant clusters look like pinyin. 420 syllables, the 400 or
// so of the standard syllable table and a few rare ones (biang, fiao),
// derived ahead into pinyin_syllables.txt by dictSyllables.
var syllables = sync.OnceValue(func() map[string]bool { return syllableSet(pinyinSyllableList) })

// maxSyllable is the length in bytes of the longest syllable (zhuang,
// chuang, shuang; nüe is shorter even with its two-byte ü).
const maxSyllable = 6

// IsSyllable reports whether s is a Hanyu Pinyin syllable without tone,
// in lower case with ü ("zhong", "lüe").
func IsSyllable(s string) bool { return syllables()[s] }

// Syllables returns the table of syllables, sorted.
func Syllables() []string { return slices.Sorted(maps.Keys(syllables())) }

// toned maps each vowel with a tone mark to its bare vowel and tone.
var toned = map[rune]struct {
	v    rune
	tone int
}{
	'ā': {'a', 1}, 'á': {'a', 2}, 'ǎ': {'a', 3}, 'à': {'a', 4},
	'ē': {'e', 1}, 'é': {'e', 2}, 'ě': {'e', 3}, 'è': {'e', 4},
	'ī': {'i', 1}, 'í': {'i', 2}, 'ǐ': {'i', 3}, 'ì': {'i', 4},
	'ō': {'o', 1}, 'ó': {'o', 2}, 'ǒ': {'o', 3}, 'ò': {'o', 4},
	'ū': {'u', 1}, 'ú': {'u', 2}, 'ǔ': {'u', 3}, 'ù': {'u', 4},
	'ǖ': {'ü', 1}, 'ǘ': {'ü', 2}, 'ǚ': {'ü', 3}, 'ǜ': {'ü', 4},
}

// marks is the inverse of toned: marks[v][tone-1].
var marks = func() map[rune][4]rune {
	m := map[rune][4]rune{}
	for c, t := range toned {
		a := m[t.v]
		a[t.tone-1] = c
		m[t.v] = a
	}
	return m
}()

// untone returns s lower-cased, without tone marks, the tone of its one
// marked vowel (0 when none) and the byte offset of that vowel in base;
// ok is false when s has more than one mark.
func untone(s string) (base string, tone int, ok bool) {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if t, isToned := toned[c]; isToned {
			if tone != 0 {
				return "", 0, false
			}
			tone = t.tone
			c = t.v
		}
		b.WriteRune(c)
	}
	return b.String(), tone, true
}

// markedVowel returns the byte offset in syllable of the vowel that
// carries the tone mark, by the rule of the Hanyu Pinyin orthography: a or
// e when present, o in ou, otherwise the last vowel (iu → iū, ui → uī).
func markedVowel(syl string) int {
	if i := strings.IndexAny(syl, "ae"); i >= 0 {
		return i
	}
	if i := strings.Index(syl, "ou"); i >= 0 {
		return i
	}
	last := -1
	for i, c := range syl {
		switch c {
		case 'i', 'o', 'u', 'ü':
			last = i
		}
	}
	return last
}

// markTone writes syl (toneless, lower-case) with a mark for tone 1 to 4.
func markTone(syl string, tone int) string {
	if tone < 1 || tone > 4 {
		return syl
	}
	i := markedVowel(syl)
	if i < 0 {
		return syl
	}
	c, n := utf8.DecodeRuneInString(syl[i:])
	return syl[:i] + string(marks[c][tone-1]) + syl[i+n:]
}

// needsApostrophe reports whether a syllable that starts with c needs an
// apostrophe after another syllable in the same word (xī'ān, not xīān).
func needsApostrophe(c byte) bool { return c == 'a' || c == 'e' || c == 'o' }

// Form is how a pinyin word writes its tones.
type Form uint8

const (
	Toneless Form = iota // guanxi
	Marked               // guānxi, yùnniàng: tone marks on vowels
	Numbered             // yun4niang4: a tone number after each syllable
)

// Word is a Latin-script word read as Hanyu Pinyin.
type Word struct {
	Syllables []string // toneless, lower-case, with ü
	Tones     []int    // 1 to 4, 5 for a numbered neutral tone, 0 when not written
	Form      Form
}

// Key returns the word's syllables joined, without tones ("yunniang").
func (w Word) Key() string { return strings.Join(w.Syllables, "") }

// ParseWord reads word as Hanyu Pinyin: it must split entirely into
// syllables of the table, in toneless, tone-marked or tone-numbered
// spelling, in any case. An apostrophe (' or ’) may separate syllables and
// must where the next one starts with a, e or o (xi'an is two syllables,
// xian one). A marked word carries at most one mark a syllable, on the
// vowel the orthography puts it on; a numbered word has a digit from 1 to
// 5 after every syllable. Spellings with v for ü are not pinyin here.
func ParseWord(word string) (Word, bool) {
	word = norm.NFC.String(word)
	var w Word
	if strings.ContainsAny(word, "0123456789") {
		w.Form = Numbered
		return w, w.parseNumbered(word)
	}
	base, ok := w.untoneWord(word)
	if !ok {
		return w, false
	}
	for k, part := range strings.FieldsFunc(base, isApostrophe) {
		if part == "" || k > 0 && !needsApostrophe(part[0]) || !w.split(part) {
			return w, false // an apostrophe only stands before a, e or o
		}
	}
	if len(w.Syllables) == 0 || strings.IndexFunc(base, isApostrophe) == 0 || strings.HasSuffix(base, "'") || strings.HasSuffix(base, "’") {
		return w, false
	}
	return w, w.checkMarks(word)
}

// untoneWord lower-cases word and takes its tone marks off, noting that it
// has some in w.Form; ok is false if word has a letter that pinyin does
// not use.
func (w *Word) untoneWord(word string) (string, bool) {
	var b strings.Builder
	for _, c := range strings.ToLower(word) {
		if t, ok := toned[c]; ok {
			w.Form = Marked
			c = t.v
		}
		if !(c >= 'a' && c <= 'z' || c == 'ü' || c == '\'' || c == '’') || c == 'v' {
			return "", false
		}
		b.WriteRune(c)
	}
	return b.String(), true
}

func isApostrophe(c rune) bool { return c == '\'' || c == '’' }

// split appends the syllables of part (toneless, no apostrophes) to w,
// trying longer syllables first. Inside part, no syllable but the first
// may start with a, e or o: those need an apostrophe.
func (w *Word) split(part string) bool {
	var rec func(i int) bool
	rec = func(i int) bool {
		if i == len(part) {
			return true
		}
		if i > 0 && needsApostrophe(part[i]) {
			return false
		}
		for j := min(len(part), i+maxSyllable); j > i; j-- {
			if j < len(part) && !utf8.RuneStart(part[j]) {
				continue
			}
			if IsSyllable(part[i:j]) {
				w.Syllables = append(w.Syllables, part[i:j])
				if rec(j) {
					return true
				}
				w.Syllables = w.Syllables[:len(w.Syllables)-1]
			}
		}
		return false
	}
	return rec(0)
}

// checkMarks fills w.Tones from the marks in word and reports whether
// each syllable has at most one, on the right vowel.
func (w *Word) checkMarks(word string) bool {
	w.Tones = make([]int, len(w.Syllables))
	if w.Form == Toneless {
		return true
	}
	letters := []rune(strings.ToLower(strings.NewReplacer("'", "", "’", "").Replace(word)))
	pos := 0
	for k, syl := range w.Syllables {
		n := utf8.RuneCountInString(syl)
		written := string(letters[pos : pos+n])
		pos += n
		_, tone, ok := untone(written)
		if !ok {
			return false
		}
		if tone != 0 && markTone(syl, tone) != written {
			return false
		}
		w.Tones[k] = tone
	}
	return true
}

// parseNumbered reads numbered pinyin: each syllable followed by its tone
// digit, optionally separated by apostrophes ("yun4niang4", "Xi1'an1").
func (w *Word) parseNumbered(word string) bool {
	word = strings.ToLower(strings.NewReplacer("'", "", "’", "").Replace(word))
	start := 0
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c < '0' || c > '9' {
			continue
		}
		if c < '1' || c > '5' || i == start {
			return false
		}
		syl := word[start:i]
		if !IsSyllable(syl) {
			return false
		}
		w.Syllables = append(w.Syllables, syl)
		w.Tones = append(w.Tones, int(c-'0'))
		start = i + 1
	}
	return start == len(word) && len(w.Syllables) > 0
}

// Marked writes the word with tone marks, an apostrophe before a syllable
// that starts with a, e or o ("xī'ān"), in lower case.
func (w Word) Marked() string {
	var b strings.Builder
	for k, syl := range w.Syllables {
		if k > 0 && needsApostrophe(syl[0]) {
			b.WriteByte('\'')
		}
		b.WriteString(markTone(syl, w.Tones[k]))
	}
	return b.String()
}

// MarkNumbered rewrites numbered pinyin as a dictionary gives it ("yun4
// niang4", "Xi1 an1", "nu:3 er2") with tone marks, the syllables of one
// word joined: "yùnniàng", "Xī'ān", "nǚ'ér". A capital stays capital. A
// token that is not a numbered syllable is kept, between spaces.
func MarkNumbered(numbered string) string {
	var b strings.Builder
	prevSyl := false
	for _, tok := range strings.Fields(numbered) {
		syl, tone, upper, ok := numberedSyllable(tok)
		if !ok {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(tok)
			prevSyl = false
			continue
		}
		if b.Len() > 0 && !prevSyl {
			b.WriteByte(' ')
		} else if prevSyl && needsApostrophe(syl[0]) {
			b.WriteByte('\'')
		}
		s := markTone(syl, tone)
		if upper {
			r, n := utf8.DecodeRuneInString(s)
			s = strings.ToUpper(string(r)) + s[n:]
		}
		b.WriteString(s)
		prevSyl = true
	}
	return b.String()
}

// numberedSyllable reads one CC-CEDICT pinyin token: a syllable with u:
// or v for ü and a tone digit 1 to 5.
func numberedSyllable(tok string) (syl string, tone int, upper, ok bool) {
	if len(tok) < 2 {
		return "", 0, false, false
	}
	d := tok[len(tok)-1]
	if d < '1' || d > '5' {
		return "", 0, false, false
	}
	upper = tok[0] >= 'A' && tok[0] <= 'Z'
	syl = strings.ToLower(tok[:len(tok)-1])
	syl = strings.ReplaceAll(strings.ReplaceAll(syl, "u:", "ü"), "v", "ü")
	if !IsSyllable(syl) {
		return "", 0, false, false
	}
	return syl, int(d - '0'), upper, true
}

// Pinyin returns the pinyin of the Han characters of text with tone marks,
// each character's first reading in go-pinyin's dictionary (most often
// its most common one; a dictionary entry reads polyphones better). The
// syllables of a run of Han characters are joined, with an apostrophe
// before a, e or o ("xī'ān"); other characters are kept as they are.
func Pinyin(text string) string {
	var b strings.Builder
	b.Grow(2 * len(text))
	prevSyl := false
	for _, c := range text {
		v, ok := dictReadings(c)
		if !ok {
			b.WriteRune(c)
			prevSyl = false
			continue
		}
		p, _, _ := strings.Cut(v, ",")
		if prevSyl && startsWithAEO(p) {
			b.WriteByte('\'')
		}
		b.WriteString(p)
		prevSyl = true
	}
	return b.String()
}

// startsWithAEO reports whether the syllable p (with or without a tone
// mark) starts with a, e or o.
func startsWithAEO(p string) bool {
	c, _ := utf8.DecodeRuneInString(p)
	if t, ok := toned[c]; ok {
		c = t.v
	}
	return c == 'a' || c == 'e' || c == 'o'
}

// Key returns the pinyin of the Han characters of text without tones,
// spaces or apostrophes, lower-case, each character's first reading in
// go-pinyin ("beiyue" for 北约): the form in which ParseWord's Word.Key
// finds Chinese words written in Latin letters. Other characters are left
// out.
func Key(text string) string {
	var b strings.Builder
	for _, c := range text {
		if v, ok := dictReadings(c); ok {
			p, _, _ := strings.Cut(v, ",")
			base, _, _ := untone(p)
			b.WriteString(base)
		}
	}
	return b.String()
}

// CharSyllables returns every reading of the Han character c in
// go-pinyin's dictionary, without tones ("hang", "xing" for 行); nil when
// c has none.
func CharSyllables(c rune) []string {
	v, ok := dictReadings(c)
	if !ok {
		return nil
	}
	var out []string
	for p := range strings.SplitSeq(v, ",") {
		if base, _, ok := untone(p); ok && !slices.Contains(out, base) {
			out = append(out, base)
		}
	}
	return out
}
