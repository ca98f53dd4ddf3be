package glossary

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/width"
)

// matcherCSV is the glossary of the matcher tests (names of NATO bodies
// as in testdata/README.md; "shape" and "ally" are ordinary words).
const matcherCSV = `concept,term,lang,type,pos
nac,North Atlantic Council,en,,
nac,北大西洋理事会,zh-Hans,,
nac,Conseil de l’Atlantique Nord,fr,,
ac,Atlantic Council,en,,
nato,NATO,en,acronym,
nato,北约,zh-Hans,,
nato,北大西洋公约组织,zh-Hans,,
nato,OTAN,fr,acronym,
nato,НАТО,ru,acronym,
shape,SHAPE,en,acronym,
shape-word,shape,en,,noun
art5,Article 5,en,,
ally,ally,en,,noun
deploy,deploy,en,,verb
declare,declare,en,,verb
ratify,ratify,en,,verb
agree,agree,en,,verb
bus,bus,en,,
bs,burden-sharing,en,,
mc,Comité militaire,fr,,
ex,exercise,en,,
`

func testGlossary(t testing.TB) *Glossary {
	g, err := ParseCSV("matcher.csv", strings.NewReader(matcherCSV))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// found renders the matches as "span=term" items and checks the
// invariants that every result of Find must hold.
func found(t testing.TB, m *Matcher, text string) []string {
	t.Helper()
	ms := m.Find(text)
	checkMatches(t, m, text, ms)
	var out []string
	for _, mt := range ms {
		out = append(out, text[mt.Start:mt.End]+"="+mt.Term.Text)
	}
	return out
}

// checkMatches checks that matches are in range, on rune boundaries,
// sorted, not overlapping, and that each span is its term or one of the
// term's forms.
func checkMatches(t testing.TB, m *Matcher, text string, ms []Match) {
	t.Helper()
	prevEnd := 0
	var f finder
	boundary := map[int]bool{len(text): true} // where Go's decoding starts a rune (an invalid byte is one)
	for i := range text {
		boundary[i] = true
	}
	for i, mt := range ms {
		if mt.Start < prevEnd || mt.Start >= mt.End || mt.End > len(text) {
			t.Fatalf("%q: match %d [%d,%d) out of order or range (previous end %d)", text, i, mt.Start, mt.End, prevEnd)
		}
		if !boundary[mt.Start] || !boundary[mt.End] {
			t.Fatalf("%q: match %d [%d,%d) not on rune boundaries", text, i, mt.Start, mt.End)
		}
		if mt.Glossary == nil || mt.Concept == nil || mt.Term == nil {
			t.Fatalf("%q: match %d without its glossary, concept or term", text, i)
		}
		span := text[mt.Start:mt.End]
		f.kb.build(span, true)
		if !f.lookupTerm(span, string(f.kb.key), mt.Term) {
			t.Fatalf("%q: match %d %q is not a form of the term %q", text, i, span, mt.Term.Text)
		}
		prevEnd = mt.End
	}
}

func TestFind(t *testing.T) {
	g := testGlossary(t)
	tests := []struct {
		lang language.Tag
		text string
		want []string
	}{
		// Leftmost-longest.
		{language.English, "The North Atlantic Council met the Atlantic Council.",
			[]string{"North Atlantic Council=North Atlantic Council", "Atlantic Council=Atlantic Council"}},
		{language.English, "North  Atlantic\nCouncil", []string{"North  Atlantic\nCouncil=North Atlantic Council"}},
		{language.English, "North Atlantic Councillors", nil},
		// Case: NATO and SHAPE are case-sensitive acronyms; shape is a word.
		{language.English, "NATO nato Nato NATO's NATOs NATO’s NATO'd",
			[]string{"NATO=NATO", "NATO's=NATO", "NATOs=NATO", "NATO’s=NATO"}},
		{language.English, "SHAPE shape Shape SHAPED shaped shapes SHAPE's",
			[]string{"SHAPE=SHAPE", "shape=shape", "Shape=shape", "shapes=shape", "SHAPE's=SHAPE"}},
		// Inflection never crosses a word boundary.
		{language.English, "Article 5, Article 50, Article 5's and Article 5s",
			[]string{"Article 5=Article 5", "Article 5's=Article 5"}},
		{language.English, "ally's allies' allies ally Ally allys alliance rally",
			[]string{"ally's=ally", "allies'=ally", "allies=ally", "ally=ally", "Ally=ally"}},
		{language.English, "deployed deploying deploys redeploy deployment",
			[]string{"deployed=deploy", "deploying=deploy", "deploys=deploy"}},
		{language.English, "declared declaring declares declareing",
			[]string{"declared=declare", "declaring=declare", "declares=declare"}},
		{language.English, "ratified ratifying ratifies ratifys", []string{"ratified=ratify", "ratifying=ratify", "ratifies=ratify"}},
		{language.English, "agreed agreeing agrees", []string{"agreed=agree", "agreeing=agree", "agrees=agree"}},
		{language.English, "buses bus's buss", []string{"buses=bus", "bus's=bus"}},
		{language.English, "exercises exercised", []string{"exercises=exercise"}},
		// Hyphens and spaces.
		{language.English, "burden sharing, burden-sharing, burden\u2011sharing, burden\nsharing",
			[]string{"burden sharing=burden-sharing", "burden-sharing=burden-sharing", "burden\u2011sharing=burden-sharing", "burden\nsharing=burden-sharing"}},
		// Word boundaries next to other scripts and in words.
		{language.English, "US is酝酿 Leaving NATO", []string{"NATO=NATO"}},
		{language.English, "北约NATO成员 anti-NATO 5NATO NATO5 NATO_", []string{"NATO=NATO", "NATO=NATO"}},
		{language.English, "ＮＡＴＯ", []string{"ＮＡＴＯ=NATO"}},
		// Chinese: no word boundaries; line breaks inside a term.
		{language.Chinese, "北大西洋理事会决定，北约成员国同意。", []string{"北大西洋理事会=北大西洋理事会", "北约=北约"}},
		{language.Chinese, "北大西洋\n理事会", []string{"北大西洋\n理事会=北大西洋理事会"}},
		{language.Chinese, "北大西洋公约组织（北约）", []string{"北大西洋公约组织=北大西洋公约组织", "北约=北约"}},
		{language.MustParse("zh-Hant"), "北约", []string{"北约=北约"}},
		// French: apostrophes, elision, no English inflection, NFD text.
		{language.French, "Le Conseil de l'Atlantique Nord et l’OTAN ; les OTANs",
			[]string{"Conseil de l'Atlantique Nord=Conseil de l’Atlantique Nord", "OTAN=OTAN"}},
		{language.French, "Le Comite\u0301 militaire", []string{"Comite\u0301 militaire=Comité militaire"}},
		// Russian: whole words only.
		{language.Russian, "в НАТО, НАТОвский", []string{"НАТО=НАТО"}},
		// English terms are not found in a French matcher.
		{language.French, "NATO", nil},
		{language.English, "", nil},
	}
	for _, tt := range tests {
		m := NewMatcher(tt.lang, g)
		got := found(t, m, tt.text)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %q:\n got %q\nwant %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestFindPriority checks which term a span reports when several have its
// key: uninflected before inflected, case-sensitive before not, then the
// first glossary.
func TestFindPriority(t *testing.T) {
	load := func(name, csv string) *Glossary {
		g, err := ParseCSV(name, strings.NewReader(csv))
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	first := load("first.csv", "concept,term,lang,status\nn1,NATO,en,preferred\narms,arm,en,\n")
	second := load("second.csv", "concept,term,lang,status\nn2,NATO,en,deprecated\nn3,Nato,en,deprecated\narms2,arms,en,\n")
	tests := []struct {
		gs   []*Glossary
		text string
		want string // concept ids of the matches
	}{
		{[]*Glossary{first, second}, "NATO", "n1"},
		{[]*Glossary{second, first}, "NATO", "n2"},
		{[]*Glossary{second, first}, "nato", "n3"},
		{[]*Glossary{first, second}, "arms", "arms2"},
		{[]*Glossary{first, second}, "arm", "arms"},
	}
	for _, tt := range tests {
		var ids []string
		for _, mt := range NewMatcher(language.English, tt.gs...).Find(tt.text) {
			ids = append(ids, mt.Concept.ID)
		}
		if got := strings.Join(ids, ","); got != tt.want {
			t.Errorf("%s in %s,%s: got %s, want %s", tt.text, tt.gs[0].Name, tt.gs[1].Name, got, tt.want)
		}
	}
}

// TestFindChunked checks that long texts, cut into pieces after white
// space, give the matches of the whole text.
func TestFindChunked(t *testing.T) {
	m := NewMatcher(language.English, testGlossary(t))
	text := strings.Repeat("The Allies ratified Article 5 at NATO’s summit. 北约 ", 20)
	want := m.Find(text)
	got := m.findChunked(nil, text, 64)
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("chunked: %d matches, whole text: %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Start != want[i].Start || got[i].End != want[i].End || got[i].Term != want[i].Term {
			t.Fatalf("match %d: chunked %+v, whole %+v", i, got[i], want[i])
		}
	}
}

func TestNewMatcherEmpty(t *testing.T) {
	var nilMatcher *Matcher
	for _, m := range []*Matcher{NewMatcher(language.English), NewMatcher(language.English, nil, &Glossary{}), nilMatcher} {
		if got := m.Find("NATO"); got != nil {
			t.Errorf("empty matcher found %v", got)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct {
		text       string
		fold       bool
		want       string
		start, end []int32
	}{
		{"  North–Atlantic ", true, "north–atlantic", nil, nil},
		{"burden - sharing", true, "burden sharing", []int32{0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15}, []int32{1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16}},
		{"a\u3000\u3000b", true, "a b", []int32{0, 1, 7}, []int32{1, 4, 8}},
		{"Ae\u0301 b", true, "aé b", []int32{0, 1, 1, 4, 5}, []int32{1, 4, 4, 5, 6}},
		{"NATO’s", false, "NATO's", []int32{0, 1, 2, 3, 4, 7}, []int32{1, 2, 3, 4, 7, 8}},
		{"ΣΟΦΟΣ σοφος", true, "σοφοσ σοφοσ", nil, nil},
		{"北约 成员", true, "北约成员", nil, nil},
		{"北约 - 成员", true, "北约 成员", nil, nil},
		{"ＮＡＴＯ，", true, "nato,", nil, nil},
		{"e\u0301", true, "é", []int32{0, 0}, []int32{3, 3}},
		{"soft\u00adhyphen", true, "softhyphen", nil, nil},
	}
	for _, tt := range tests {
		var kb keyBuf
		kb.build(tt.text, tt.fold)
		if string(kb.key) != tt.want {
			t.Errorf("key(%q) = %q, want %q", tt.text, kb.key, tt.want)
		}
		var ends []int32
		for k := range kb.key {
			ends = append(ends, kb.endOf(k))
		}
		if tt.start != nil && (!slices.Equal(kb.start, tt.start) || !slices.Equal(ends, tt.end)) {
			t.Errorf("key(%q) maps to %v %v, want %v %v", tt.text, kb.start, ends, tt.start, tt.end)
		}
	}
}

func TestForms(t *testing.T) {
	tests := []struct {
		term string
		verb bool
		want string
	}{
		{"council", false, `council[ s 's s']`},
		{"nato", false, `nato[ s es 's s']`},
		{"ally", false, `ally[ 's] alli[es es']`},
		{"bus", false, `bus[ es 's es' ']`},
		{"church", false, `church[ es 's es']`},
		{"veto", false, `veto[ s es 's s']`},
		{"article 5", false, `article 5[ 's]`},
		{"deploy", true, `deploy[ s 's s' ed ing]`},
		{"declare", true, `declare[ s 's s' d] declar[ing]`},
		{"agree", true, `agree[ s 's s' d ing]`},
		{"ratify", true, `ratify[ 's ing] ratifi[es es' ed]`},
	}
	for _, tt := range tests {
		var parts []string
		for _, f := range forms(tt.term, tt.term, true, tt.verb) {
			parts = append(parts, fmt.Sprintf("%s%v", f.key, f.suffixes))
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("forms(%q) = %s, want %s", tt.term, got, tt.want)
		}
	}
	if got := forms("otan", "OTAN", false, false); len(got) != 1 || !slices.Equal(got[0].suffixes, []string{""}) {
		t.Errorf("a French term has forms %v, want only itself", got)
	}
}

// TestFindReference compares Find with the plain search of the fuzz test
// on the corpus samples and the synthetic glossary of the benchmark
// (3,000 terms, many sharing their first word, so that walks go deep).
func TestFindReference(t *testing.T) {
	text := benchSamples(t)
	g := benchGlossary(text, 3000)
	m := NewMatcher(language.English, g)
	got, want := m.Find(text), referenceFind(m, text)
	checkMatches(t, m, text, got)
	if len(got) != len(want) || len(got) < 50 {
		t.Fatalf("Find: %d matches, plain search: %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("match %d: Find %+v, plain search %+v", i, got[i], want[i])
		}
	}
}

// TestFindConcurrent uses one matcher from several goroutines (run with
// -race).
func TestFindConcurrent(t *testing.T) {
	m := NewMatcher(language.English, testGlossary(t))
	text := "The Allies ratified Article 5; NATO’s North Atlantic Council met."
	want := m.Find(text)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if got := m.Find(text); !slices.Equal(got, want) {
					errs <- fmt.Sprintf("got %v, want %v", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestPlainHan checks what keyBuf.rune's fast path for isPlainHan assumes:
// those characters have no width fold and no case, and are not spaces.
func TestPlainHan(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !isPlainHan(r) {
			t.Fatalf("isPlainHan(%U) = false", r)
		}
		if f := width.LookupRune(r).Folded(); f != 0 || foldRune(r) != r || unicode.IsSpace(r) {
			t.Fatalf("%U: width fold %U, case fold %U: the fast path would be wrong", r, f, foldRune(r))
		}
	}
}
