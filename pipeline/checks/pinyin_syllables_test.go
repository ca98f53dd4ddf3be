package checks

import (
	"encoding/binary"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/internal/golden"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/readings"
)

// TestPinyinDFA checks that pinyin_syllables.dfa is the automaton of
// readings.Syllables, and with -update (or go generate) rewrites it.
func TestPinyinDFA(t *testing.T) {
	dfa := buildPinyinDFA(readings.Syllables())
	golden.Check(t, "pinyin_syllables.dfa", dfa)
	if !golden.Update() && string(dfa) != pinyinDFA {
		t.Fatal("the embedded automaton differs from the one of the syllables: go generate ./pipeline/checks")
	}
	t.Logf("%d states", len(dfa)/2/26)
}

// buildPinyinDFA builds the automaton that pinyin_syllables.dfa holds
// (see pinyinDFA) from the syllables: a trie of those of letters a to z,
// the automaton of the sets of its nodes that a word may have open, in
// which a syllable may start where one ends (after the first, not with
// a, e or o), then its minimal form (Moore's partition refinement).
func buildPinyinDFA(syllables []string) []byte {
	// The trie: node 0 is the root.
	type node struct {
		next [26]int32 // 0: none
		end  bool
	}
	trie := []node{{}}
	for _, s := range syllables {
		if s == "" || !lowerASCIIWord(s) {
			continue
		}
		n := int32(0)
		for i := 0; i < len(s); i++ {
			c := s[i] - 'a'
			if trie[n].next[c] == 0 {
				trie = append(trie, node{})
				trie[n].next[c] = int32(len(trie) - 1)
			}
			n = trie[n].next[c]
		}
		trie[n].end = true
	}
	// The automaton of sets: a state is the sorted trie nodes of the
	// syllables open after a prefix, whether a syllable may start next
	// (one ends there), and whether it is the start.
	type set struct {
		nodes    []int32
		boundary bool
		start    bool
	}
	key := func(s set) string { return fmt.Sprint(s.nodes, s.boundary, s.start) }
	states := []set{{}, {boundary: true, start: true}} // 0 rejects, 1 starts
	index := map[string]int{key(states[0]): 0, key(states[1]): 1}
	var delta [][26]int
	for q := 0; q < len(states); q++ {
		var row [26]int
		for c := range 26 {
			var next set
			for _, n := range states[q].nodes {
				if ch := trie[n].next[c]; ch != 0 {
					next.nodes = append(next.nodes, ch)
				}
			}
			if states[q].boundary && (states[q].start || !strings.ContainsRune("aeo", rune('a'+c))) {
				if ch := trie[0].next[c]; ch != 0 {
					next.nodes = append(next.nodes, ch)
				}
			}
			slices.Sort(next.nodes)
			for _, n := range next.nodes {
				next.boundary = next.boundary || trie[n].end
			}
			k := key(next)
			i, ok := index[k]
			if !ok {
				i = len(states)
				index[k] = i
				states = append(states, next)
			}
			row[c] = i
		}
		delta = append(delta, row)
	}
	final := func(q int) bool { return states[q].boundary && !states[q].start }
	// Minimise: split the states by finality, then by the classes of their
	// successors, until no class splits. The class of the rejecting state
	// holds the states from which no word is accepted.
	class := make([]int, len(states))
	for q := range states {
		if final(q) {
			class[q] = 1
		}
	}
	for {
		sig := map[string]int{}
		next := make([]int, len(states))
		for q := range states {
			k := fmt.Sprint(class[q], func() (succ [26]int) {
				for c := range 26 {
					succ[c] = class[delta[q][c]]
				}
				return succ
			}())
			i, ok := sig[k]
			if !ok {
				i = len(sig)
				sig[k] = i
			}
			next[q] = i
		}
		if len(sig) == len(slices.Compact(slices.Sorted(slices.Values(class)))) {
			break
		}
		class = next
	}
	// Number the classes: the rejecting one 0, the start 1, the others in
	// breadth-first order from the start.
	number := map[int]int{class[0]: 0, class[1]: 1}
	order := []int{1}
	for k := 0; k < len(order); k++ {
		for c := range 26 {
			q := delta[order[k]][c]
			if _, ok := number[class[q]]; !ok {
				number[class[q]] = len(number)
				order = append(order, q)
			}
		}
	}
	out := make([]byte, 2*26*len(number))
	rep := map[int]int{0: 0}
	for _, q := range order {
		rep[number[class[q]]] = q
	}
	for s := 1; s < len(number); s++ {
		for c := range 26 {
			q := delta[rep[s]][c]
			v := uint16(number[class[q]])
			if final(q) {
				v |= pinyinDFAFinal
			}
			binary.LittleEndian.PutUint16(out[2*(s*26+c):], v)
		}
	}
	return out
}

// lowerASCIIWord reports whether s is made of the letters a to z only.
func lowerASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// pinyinWordsPlain is pinyinWords without its quick path for words of
// ASCII letters (asciiPinyin): pinyinWords must return what it returns on
// every text.
func pinyinWordsPlain(text string, names bool) []pinyinWord {
	var out []pinyinWord
	for i := 0; i < len(text); {
		if b := text[i]; b < utf8.RuneSelf && !asciiLetter(b) {
			i++
			continue
		}
		c, n := utf8.DecodeRuneInString(text[i:])
		if !isPinyinLetter(c) {
			i += n
			continue
		}
		start := i
		end := i
		for end < len(text) {
			b := text[end]
			if b < utf8.RuneSelf && (asciiLetter(b) || b >= '0' && b <= '9') {
				end++
				continue
			}
			if b < utf8.RuneSelf && b != '\'' {
				break // ASCII that is not a letter, a digit or an apostrophe ends the word
			}
			c, n := utf8.DecodeRuneInString(text[end:])
			if isPinyinLetter(c) || c >= '0' && c <= '9' || unicode.Is(unicode.Mn, c) {
				end += n
				continue
			}
			if (c == '\'' || c == '’') && end+n < len(text) {
				if d, _ := utf8.DecodeRuneInString(text[end+n:]); isPinyinLetter(d) {
					end += n
					continue
				}
			}
			break
		}
		i = end
		word := text[start:end]
		// possessive 's: Xi's
		if word[len(word)-1] == 's' {
			for _, poss := range [...]string{"'s", "’s"} {
				if strings.HasSuffix(word, poss) {
					word = word[:len(word)-len(poss)]
				}
			}
		}
		first, _ := utf8.DecodeRuneInString(word)
		name := unicode.IsUpper(first)
		if name && !names || !mayBePinyin(word) || !standaloneWord(text, start, end) || englishWord(word) {
			continue
		}
		w, ok := readings.ParseWord(word)
		if !ok {
			continue
		}
		out = append(out, pinyinWord{
			span: pipeline.Span{Start: start, End: start + len(word)},
			text: word,
			w:    w,
			name: name,
		})
	}
	return out
}

// asciiPinyinPlain is what asciiPinyin answers, by readings.ParseWord.
func asciiPinyinPlain(word string) bool {
	_, ok := readings.ParseWord(word)
	return ok
}

// TestASCIIPinyin compares asciiPinyin with readings.ParseWord on the
// syllables in both cases, pairs of them (every one that starts with a,
// e or o second, a quarter of the others), some triples, English words, and
// every word of one to three letters.
func TestASCIIPinyin(t *testing.T) {
	words := []string{"", "the", "strength", "xian", "xiang", "xianggang", "Zhongnanhai", "ZHONGNANHAI", "guanxi",
		"tianan", "tiananmen", "erhai", "ernü", "yun", "zhuangzhuang", "shuangshuangshuang", "v", "lve", "nüe"}
	syls := readings.Syllables()
	for _, a := range syls {
		words = append(words, a, strings.ToUpper(a), strings.ToUpper(a[:1])+a[1:])
		for k, b := range syls {
			if k%4 == 0 || strings.ContainsAny(b[:1], "aeo") {
				words = append(words, a+b)
			}
		}
		for _, b := range syls[:4] {
			for _, c := range syls[len(syls)-4:] {
				words = append(words, a+b+c, a+c+b)
			}
		}
	}
	letters := "abcdefghijklmnopqrstuvwxyzAZ"
	for _, a := range letters {
		words = append(words, string(a))
		for _, b := range letters {
			words = append(words, string(a)+string(b))
			for _, c := range letters {
				words = append(words, string(a)+string(b)+string(c))
			}
		}
	}
	for _, w := range words {
		if !asciiLetters(w) {
			continue
		}
		if got, want := asciiPinyin(w), asciiPinyinPlain(w); got != want {
			t.Errorf("asciiPinyin(%q) = %v, ParseWord says %v", w, got, want)
		}
	}
}

func asciiLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if !asciiLetter(w[i]) {
			return false
		}
	}
	return true
}

// FuzzASCIIPinyin checks that asciiPinyin agrees with readings.ParseWord
// on any word of ASCII letters.
func FuzzASCIIPinyin(f *testing.F) {
	for _, s := range []string{"guanxi", "STRENGTH", "xian", "Tiananmen", "zhuangzhuang", "anger", "v", "aoe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if !asciiLetters(w) {
			return
		}
		if got, want := asciiPinyin(w), asciiPinyinPlain(w); got != want {
			t.Errorf("asciiPinyin(%q) = %v, ParseWord says %v", w, got, want)
		}
	})
}

// pinyinWordsTexts are texts for the comparison of pinyinWords with the
// plain version: words of ASCII letters that end at a digit, an
// apostrophe, a letter outside ASCII, a space, punctuation or the end.
var pinyinWordsTexts = []string{
	"The guanxi between them.", "Xi's zhongguo meng", "yun4niang4 and yùnniàng", "https://x.org/guanxi #tianxia",
	"ü'ü'", "a’b", "Zhongnanhai", "Yi\xa00", "xi'an Xi’an xian's guanxi’s", "guanxi2 guanxi", "meixi lake, xiong'an new area",
	"ruyi-scepters", "tianxia\u00a0order", "Tianxia.com zhongguo@x", "she ta ni", "guanxié guanxi\u0301", "hao\xff", "a",
	"ZHONGGUO meng", "you are here", "timetime remobilize", "ma_ma ma/ma ma\\ma ma=ma", "#guanxi @zhongguo",
}

// TestPinyinWordsPlain compares pinyinWords with the plain version on
// the texts above and the check's scenarios.
func TestPinyinWordsPlain(t *testing.T) {
	texts := append([]string(nil), pinyinWordsTexts...)
	for _, s := range readings.Syllables()[:60] {
		texts = append(texts, s+" "+s+"s "+strings.ToUpper(s)+". "+s+"'"+s+" "+s+"1"+s)
	}
	for _, text := range texts {
		comparePinyinWords(t, text)
	}
}

func comparePinyinWords(t *testing.T, text string) {
	t.Helper()
	for _, names := range []bool{false, true} {
		if got, want := pinyinWords(text, names), pinyinWordsPlain(text, names); !reflect.DeepEqual(got, want) {
			t.Fatalf("pinyinWords(%q, %v) = %v, the plain version says %v", text, names, got, want)
		}
	}
}

// FuzzPinyinWordsPlain checks that pinyinWords agrees with the plain
// version on any text.
func FuzzPinyinWordsPlain(f *testing.F) {
	for _, s := range pinyinWordsTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		comparePinyinWords(t, text)
	})
}

// BenchmarkPinyinWords finds the pinyin words of the English targets of
// the Tatoeba pairs (29,153 sentences), with the quick path for words of
// ASCII letters and without it (the plain version). Skipped when
// ../shared is absent.
func BenchmarkPinyinWords(b *testing.B) {
	var targets []string
	for _, p := range loadTatoebaZhEn(b) {
		targets = append(targets, p.en)
	}
	for _, bc := range []struct {
		name  string
		words func(string, bool) []pinyinWord
	}{{"quick", pinyinWords}, {"plain", pinyinWordsPlain}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(bytesOf(targets))
			b.ReportAllocs()
			found := 0
			for b.Loop() {
				found = 0
				for _, t := range targets {
					found += len(bc.words(t, false))
				}
			}
			b.ReportMetric(float64(found), "words/op")
		})
	}
}
