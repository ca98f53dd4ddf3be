package glossary

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// quickTexts are texts that exercise mayMatch: separators between Chinese
// characters and between words, fullwidth forms, curly apostrophes,
// characters outside the ones it knows, text ends.
var quickTexts = []string{
	"北大西洋公约组织，简称北约。", "北 约", "北-约", "北‐约", "北\n\n约", "北　约", "ＮＡＴＯ，北约",
	"The North Atlantic Council's allies, NATO’s SHAPE.", "north  atlantic-council", "North\tAtlantic\u2010Council",
	"ratified Article 50 ＮＡＴＯ e\u0301 burden-sharing", "Let us use the US and UK data, under way in Ukraine.", "x marks the spot", "Usually USA Usa USa, Stop STO Sto; Act ACT Ac",
	"nato NATO nATO shape SHAPE uk UK-US us-uk u\u0301s U\u0301S ｕｓ ＵＳ iphone iPhone IPHONE", "burden—sharing", "NATO", "NAT", "N", "北", "",
	" NATO ", "-NATO-", "a\xff北约", "北约\u0301", "Ça va, NATO?", "x NATO'd", "“NATO”", "（北约）", "北约…",
}

// TestQuickFind compares find, which asks mayMatch first, with findKeyed
// on the Tatoeba sentences (when ../../shared is there) and quickTexts,
// with the test glossary and with the NATO glossary.
func TestQuickFind(t *testing.T) {
	texts := slices.Clone(quickTexts)
	if !testing.Short() {
		if data, err := os.ReadFile("../../shared/data/tatoeba_cmn_eng.tsv"); err == nil {
			for line := range strings.SplitSeq(string(data), "\n") {
				texts = append(texts, strings.Split(line, "\t")...)
			}
		}
	}
	for _, g := range []*Glossary{testGlossary(t), NATO()} {
		for _, lang := range []language.Tag{language.English, language.Chinese} {
			m := NewMatcher(lang, g)
			if len(m.patterns) == 0 {
				continue
			}
			found := 0
			for _, text := range texts {
				if got, want := m.mayMatch(text), mayMatchPlain(m, text); got != want {
					t.Fatalf("%s %s %q: mayMatch %v, mayMatchPlain %v", g.Name, lang, text, got, want)
				}
				got := m.find(nil, text)
				want := m.findKeyed(nil, text)
				if !slices.Equal(got, want) {
					t.Fatalf("%s %s %q: find %+v, findKeyed %+v", g.Name, lang, text, got, want)
				}
				found += len(got)
			}
			if found == 0 {
				t.Errorf("%s %s: no term found in any text", g.Name, lang)
			}
		}
	}
}

// FuzzQuickFind checks that mayMatch is false only for texts in which
// findKeyed finds nothing, with the test glossary and a fuzzed term.
func FuzzQuickFind(f *testing.F) {
	for _, s := range quickTexts {
		f.Add("北约", s)
		f.Add("North Atlantic", s)
	}
	f.Add("a b", "A-B")
	f.Add("北 约", "北-约")
	f.Add("ab", "Ａｂ")
	f.Add("北约组织", "北约组")
	f.Add("北约组织", "北约 组织")
	f.Add("北a", "北a约")
	f.Add("北é", "北é约")
	f.Add("中", "中国")
	f.Add("，北", "你，北")
	f.Add("US", "use us US-UK")
	f.Add("UK", "ukulele, the UK’s")
	f.Add("NATO", "nato NATO NATO's nATO")
	f.Add("iPhone", "IPHONE iphone iPhone")
	f.Add("x", "x marks the spot")
	f.Add("STO", "Stop STO STOP Sto sTO")
	base := testGlossary(f)
	f.Fuzz(func(t *testing.T, term, text string) {
		// The fuzzed term matches in any case, then only in its own case
		// (a pattern that only case-sensitive terms have may be one that
		// matches only in capitals: see capOnly).
		for _, cs := range []bool{false, true} {
			g := &Glossary{Name: "fuzz", Concepts: append([]Concept(nil), base.Concepts...)}
			if term = collapse(term); term != "" && utf8.ValidString(term) {
				for _, lang := range []language.Tag{language.English, language.Chinese} {
					g.Concepts = append(g.Concepts, Concept{ID: "c", Terms: []Term{{Text: term, Lang: lang, CaseSensitive: cs}}})
				}
			}
			for _, lang := range []language.Tag{language.English, language.Chinese} {
				m := NewMatcher(lang, g)
				want := m.findKeyed(nil, text)
				if got, plain := m.mayMatch(text), mayMatchPlain(m, text); got != plain {
					t.Fatalf("%s %q with term %q (case-sensitive %v): mayMatch %v, mayMatchPlain %v", lang, text, term, cs, got, plain)
				}
				if len(want) > 0 && !m.mayMatch(text) {
					t.Fatalf("%s %q with term %q (case-sensitive %v): mayMatch false, findKeyed %+v", lang, text, term, cs, want)
				}
				if got := m.find(nil, text); !slices.Equal(got, want) {
					t.Fatalf("%s %q with term %q (case-sensitive %v): find %+v, findKeyed %+v", lang, text, term, cs, got, want)
				}
			}
		}
	})
}

// mayMatchPlain is mayMatch without its filters: it walks the trie
// (mayStartAt) at every place where find looks for a term, leaving out the
// patterns that match only in capitals where the text has a lower-case
// letter (skipAt). mayMatch's filters only skip walks that say no, so both always
// agree.
func mayMatchPlain(m *Matcher, text string) bool {
	t := m.trie
	prevWord := false
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			f := asciiFold[c]
			if f == 0 {
				prevWord = false
				i++
				continue
			}
			word := asciiWord[f]
			if !(word && prevWord) && t.mayStartAt(text, i, m.quick.skipAt(text, i)) {
				return true
			}
			prevWord = word
			i++
			continue
		}
		k, size, ok := stableKeyAt(text, i)
		if !ok {
			return true
		}
		if k.sep || k.r == 0 {
			prevWord = prevWord && !k.sep
			i += size
			continue
		}
		prevWord = k.r < utf8.RuneSelf && asciiWord[k.r]
		if t.mayStartAt(text, i, nil) {
			return true
		}
		i += size
	}
	return false
}

// caseGlossary is a user glossary of terms that match in any case and of
// terms that match only in their case, some sharing their first letters or
// their whole key: the acronyms US, UK and UN against the words use, us,
// ukulele and under; STO and Act against Stop and Actually; the letter x (a pattern of one byte); SHAPE (capitals only) and shape; iPhone, whose exact
// key starts in lower case. The terms are test input, not terminology.
func caseGlossary(tb testing.TB) *Glossary {
	const csv = `concept,term,lang,type,case_sensitive
us,US,en,acronym,yes
us,美国,zh-Hans,,
usa,USA,en,acronym,yes
sto,STO,en,acronym,yes
act,Act,en,,yes
uk,UK,en,acronym,yes
un,UN,en,acronym,yes
under,under way,en,,no
used,used car,en,,no
shape,SHAPE,en,acronym,yes
shape-word,shape,en,,no
phone,iPhone,en,,yes
ukraine,Ukraine,en,,no
letter,x,en,,no
`
	g, err := ParseCSV("case.csv", strings.NewReader(csv))
	if err != nil {
		tb.Fatal(err)
	}
	return g
}
