package glossary

import (
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

func TestTrieLongest(t *testing.T) {
	patterns := []string{"nato", "north atlantic", "north atlantic council", "no", "北约", "北大西洋", "é"}
	tr := newTrie(patterns)
	tests := []struct {
		key  string
		want int32 // index into patterns, -1: none
	}{
		{"nato's", 0},
		{"nat", -1},
		{"north atlantic council met", 2},
		{"north atlantic counci", 1},
		{"north", 3},
		{"nox", 3},
		{"北约成员", 4},
		{"北大西洋公约", 5},
		{"北大", -1},
		{"éa", 6},
		{"e", -1},
	}
	for _, tt := range tests {
		key := []byte(tt.key)
		got := int32(-1)
		if tr.root[key[0]] != 0 {
			got = tr.longest(key)
		}
		if got != tt.want {
			t.Errorf("longest(%q) = %d, want %d", tt.key, got, tt.want)
		}
	}
}

func TestTriePrefixes(t *testing.T) {
	patterns := []string{"north atlantic council", "no", "north atlantic", "north", "北大西洋公约组织", "北大西洋", "北约"}
	tr := newTrie(patterns)
	want := map[int][]int32{0: {2, 3, 1}, 2: {3, 1}, 3: {1}, 4: {5}}
	for i := range patterns {
		if got := tr.prefixes(patterns, int32(i)); !slices.Equal(got, want[i]) {
			t.Errorf("prefixes(%q) = %v, want %v", patterns[i], got, want[i])
		}
	}
}

// TestTriePrefixesMatchers compares the prefixes of every pattern of the
// NATO glossary's matchers and of the benchmark's with a search of all
// their byte prefixes that end a rune.
func TestTriePrefixesMatchers(t *testing.T) {
	ms := []*Matcher{
		NewMatcher(language.English, NATO()), NewMatcher(language.French, NATO()), NewMatcher(language.Chinese, NATO()),
		NewMatcher(language.English, testGlossary(t)),
	}
	if files, _ := filepath.Glob("../corpus/samples/*.txt"); len(files) > 0 {
		ms = append(ms, NewMatcher(language.English, benchGlossary(benchSamples(t), 3000)))
	}
	found := 0
	for _, m := range ms {
		index := map[string]int32{}
		for i, p := range m.patterns {
			index[p] = int32(i)
		}
		for i, p := range m.patterns {
			var want []int32
			for n := len(p) - 1; n > 0; n-- {
				if j, ok := index[p[:n]]; ok && utf8.RuneStart(p[n]) {
					want = append(want, j)
				}
			}
			if !slices.Equal(m.prefixes[i], want) {
				t.Fatalf("%s: prefixes of %q: %v, want %v", m.lang, p, m.prefixes[i], want)
			}
			found += len(want)
		}
	}
	if found < 10 {
		t.Errorf("only %d prefixes in all: the test checks little", found)
	}
}

// TestTrieMayStart checks that mayStart never rules out a start where
// longest finds a pattern: at every byte of the keys of the NATO
// glossary's terms (each followed by a space and another term's key) and
// of the English samples, and on the keys of TestTrieLongest.
func TestTrieMayStart(t *testing.T) {
	ms := []*Matcher{NewMatcher(language.English, NATO()), NewMatcher(language.French, NATO()), NewMatcher(language.Chinese, NATO())}
	texts := []string{"nato's", "north atlantic council met", "北约成员", "éa", "no", "n", "e"}
	if files, _ := filepath.Glob("../corpus/samples/*.txt"); len(files) > 0 {
		texts = append(texts, keyOf(benchSamples(t), true))
	}
	found, ruledOut := 0, 0
	for _, m := range ms {
		keys := slices.Clone(texts)
		for i, p := range m.patterns {
			keys = append(keys, p+" "+m.patterns[(i*7+3)%len(m.patterns)])
		}
		for _, k := range keys {
			key := []byte(k)
			for ks := range key {
				if m.trie.root[key[ks]] == 0 {
					continue
				}
				p := m.trie.longest(key[ks:])
				if !m.trie.mayStart(key[ks:]) {
					ruledOut++
					if p >= 0 {
						t.Fatalf("%s: mayStart(%q) = false, but %q starts there", m.lang, key[ks:], m.patterns[p])
					}
				}
				if p >= 0 {
					found++
				}
			}
		}
	}
	if found < 1000 || ruledOut < 1000 {
		t.Errorf("%d starts found and %d ruled out: the test checks little", found, ruledOut)
	}
}
