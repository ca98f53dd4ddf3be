package glossary

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// checkGlossary checks what every loaded glossary holds: terms with
// something to match, already trimmed and collapsed, in valid UTF-8 and with a
// language; and that writing it as TBX and reading it back gives the same
// concepts.
func checkGlossary(t *testing.T, g *Glossary) {
	t.Helper()
	for _, c := range g.Concepts {
		for _, term := range c.Terms {
			if blankTerm(term.Text) || term.Text != collapse(term.Text) || !utf8.ValidString(term.Text) {
				t.Fatalf("concept %q: bad term text %q", c.ID, term.Text)
			}
			if term.Lang == language.Und && term.Lang.String() == "" {
				t.Fatalf("concept %q: term %q without language", c.ID, term.Text)
			}
		}
	}
	var buf bytes.Buffer
	if err := WriteTBX(&buf, g); err != nil {
		t.Fatal(err)
	}
	back, err := ParseTBX("back.tbx", &buf)
	if err != nil {
		t.Fatalf("reading the written TBX: %v\n%s", err, buf.String())
	}
	if !reflect.DeepEqual(g.Concepts, back.Concepts) {
		t.Fatalf("round trip differs:\n%s", lineDiff(dump(g), dump(back)))
	}
}

func checkParseError(t *testing.T, err error, file string) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != file || pe.Line < 1 || pe.Column < 0 {
		t.Fatalf("error %v is not a *ParseError at a position in %s", err, file)
	}
}

func FuzzParseTBX(f *testing.F) {
	for _, file := range []string{"testdata/nato-v2.tbx", "testdata/nato-v3.tbx"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(tbxDoc(`<termEntry id="a"><langSet xml:lang="en"><tig><term>NATO&amp;<hi>x</hi></term><termNote type="x-caseSensitive">no</termNote></tig></langSet></termEntry>`)))
	f.Add([]byte(`<tbx><text><body><conceptEntry><langSec xml:lang="fr"><termSec><term>l’OTAN</term><min:administrativeStatus>admitted</min:administrativeStatus></termSec></langSec></conceptEntry></body></text></tbx>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseTBX("f.tbx", bytes.NewReader(data))
		if err != nil {
			checkParseError(t, err, "f.tbx")
			return
		}
		checkGlossary(t, g)
	})
}

func FuzzParseCSV(f *testing.F) {
	for _, file := range []string{"testdata/nato-terms.csv", "testdata/nato-concepts.tsv"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, strings.HasSuffix(file, ".tsv"))
	}
	f.Add([]byte("id,en,fr:deprecated,definition\nx,\"a\nb\",c,\"d, e\"\nx,,f,\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, tsv bool) {
		name := "f.csv"
		if tsv {
			name = "f.tsv"
		}
		g, err := ParseCSV(name, bytes.NewReader(data))
		if err != nil {
			checkParseError(t, err, name)
			return
		}
		checkGlossary(t, g)
	})
}

// FuzzMatcher finds terms (the test glossary plus a fuzzed term) in a
// fuzzed text and checks Find's invariants, and that it finds what a
// plain search without the trie finds.
func FuzzMatcher(f *testing.F) {
	f.Add("North Atlantic Council", "The North Atlantic Council's allies, NATO’s SHAPE.", false)
	f.Add("北约", "北大西洋理事会决定，北约\n成员", true)
	f.Add("ratify", "ratified Article 50 ＮＡＴＯ e\u0301 burden-sharing", true)
	base := testGlossary(f)
	f.Fuzz(func(t *testing.T, term, text string, verb bool) {
		g := &Glossary{Name: "fuzz", Concepts: append([]Concept(nil), base.Concepts...)}
		term = collapse(term)
		if term != "" && utf8.ValidString(term) {
			pos := ""
			if verb {
				pos = "verb"
			}
			for _, lang := range []language.Tag{language.English, language.Chinese} {
				g.Concepts = append(g.Concepts,
					Concept{ID: "ci", Terms: []Term{{Text: term, Lang: lang, PartOfSpeech: pos}}},
					Concept{ID: "cs", Terms: []Term{{Text: term, Lang: lang, PartOfSpeech: pos, CaseSensitive: true}}})
			}
		}
		for _, lang := range []language.Tag{language.English, language.Chinese, language.French} {
			m := NewMatcher(lang, g)
			got := m.Find(text)
			checkMatches(t, m, text, got)
			want := referenceFind(m, text)
			if len(got) != len(want) {
				t.Fatalf("%s %q: Find gives %d matches, the plain search %d", lang, text, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%s %q: match %d: Find %+v, plain search %+v", lang, text, i, got[i], want[i])
				}
			}
		}
	})
}

// referenceFind is Find with a plain search in place of the trie: at
// each key offset, the longest pattern that starts there.
func referenceFind(m *Matcher, text string) []Match {
	if len(m.patterns) == 0 {
		return nil
	}
	index := map[string]int{}
	var lengths []int // distinct pattern lengths, longest first
	for i, p := range m.patterns {
		index[p] = i
		if !slices.Contains(lengths, len(p)) {
			lengths = append(lengths, len(p))
		}
	}
	slices.Sort(lengths)
	slices.Reverse(lengths)
	var f finder
	f.kb.build(text, true)
	key := f.kb.key
	var out []Match
	for ks := 0; ks < len(key); ks++ {
		if !f.kb.segmentBoundary(ks) || (len(out) > 0 && f.kb.start[ks] < int32(out[len(out)-1].End)) {
			continue
		}
		longest := -1
		for _, n := range lengths {
			if i, ok := index[string(key[ks:min(ks+n, len(key))])]; ok {
				longest = i
				break
			}
		}
		if longest < 0 {
			continue
		}
		e, end, ok := m.best(&f, text, ks, int32(longest))
		if !ok {
			continue
		}
		out = append(out, Match{Start: int(f.kb.start[ks]), End: int(f.kb.endOf(end - 1)), Glossary: e.g, Concept: e.c, Term: e.t})
		ks = end - 1
	}
	return out
}
