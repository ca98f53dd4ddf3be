package checks

import (
	"strings"
	"testing"
)

// wordSet returns the words of list, one a line, lines starting with #
// left out, as a set: the map the pinyin check built at first use before
// it searched pinyinEnglishList in place, kept to test the search against.
func wordSet(list string) map[string]bool {
	m := make(map[string]bool, strings.Count(list, "\n"))
	for line := range strings.SplitSeq(list, "\n") {
		if line != "" && line[0] != '#' {
			m[line] = true
		}
	}
	return m
}

// TestPinyinEnglish checks the search of pinyinEnglish against the set of
// wordSet: every word of the list, and strings just beside each in the
// order, are found or not alike.
func TestPinyinEnglish(t *testing.T) {
	set := wordSet(pinyinEnglishList)
	if len(set) < 6000 {
		t.Fatalf("pinyin_english.txt has %d words, want the 6,000 or so of its generator", len(set))
	}
	probes := []string{"", " ", "#", "a", "zzzzzz", "~"}
	for w := range set {
		probes = append(probes, w, w[:len(w)-1], w+"a", w+"\n", w[1:], strings.ToUpper(w))
	}
	for _, w := range probes {
		if got := pinyinEnglish.contains(w); got != set[w] {
			t.Fatalf("pinyinEnglish.contains(%q) = %v, want %v", w, got, set[w])
		}
	}
	for _, w := range []string{"renminbi", "sashimi", "remobilize"} {
		if !pinyinEnglish.contains(w) {
			t.Errorf("pinyinEnglish lacks %q", w)
		}
	}
	if !englishWord("Sashimi") || englishWord("shenme") {
		t.Error(`englishWord: want "Sashimi" English and "shenme" not`)
	}
}

// BenchmarkPinyinEnglish is what a look-up of the pinyin check's English
// list costs.
func BenchmarkPinyinEnglish(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		pinyinEnglish.contains("remobilize")
	}
}

// BenchmarkPinyinEnglishSet builds the set of the list that the pinyin
// check built at first use before it searched the list in place.
func BenchmarkPinyinEnglishSet(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		wordSet(pinyinEnglishList)
	}
}
