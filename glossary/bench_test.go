package glossary

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/tqa-project/tqa/internal/cputime"
	"golang.org/x/text/language"
)

// benchText returns the English prose of ../corpus/samples/*.txt repeated
// to about 1 MiB.
func benchText(tb testing.TB) string {
	one := benchSamples(tb)
	return strings.Repeat(one, 1<<20/len(one)+1)
}

// benchSamples returns the text of ../corpus/samples/*.txt, once.
func benchSamples(tb testing.TB) string {
	files, err := filepath.Glob("../corpus/samples/*.txt")
	if err != nil || len(files) == 0 {
		tb.Skip("no corpus samples")
	}
	var sb strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		sb.Write(b)
		sb.WriteByte('\n')
	}
	return sb.String()
}

// benchGlossary builds a synthetic glossary of n English terms from the
// words of text: first every distinct run of two or more capitalised words
// and every word in capitals (the proper names of the text, such as "North
// Atlantic Treaty Organization" and "NATO"), then
// two-word terms pairing distinct words of four letters or more in an
// arbitrary but fixed way. Most of the pairs never occur in the text but
// share their first word with it, so the trie walks do the partial
// matching work of a real glossary. The terms are not real terminology.
func benchGlossary(text string, n int) *Glossary {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	seen := map[string]bool{}
	var terms []string
	add := func(s string) {
		if s != "" && !seen[s] && len(terms) < n {
			seen[s] = true
			terms = append(terms, s)
		}
	}
	var run []string
	for _, w := range words {
		if unicode.IsUpper([]rune(w)[0]) {
			run = append(run, w)
			continue
		}
		if len(run) >= 2 || len(run) == 1 && len(run[0]) >= 2 && strings.ToUpper(run[0]) == run[0] {
			add(strings.Join(run, " "))
		}
		run = run[:0]
	}
	var content []string
	cseen := map[string]bool{}
	for _, w := range words {
		w = strings.ToLower(w)
		if len(w) >= 4 && !cseen[w] {
			cseen[w] = true
			content = append(content, w)
		}
	}
	for i := 0; len(terms) < n && i < len(content)*len(content); i++ {
		a, b := content[i%len(content)], content[(i*7+3)%len(content)]
		add(a + " " + b)
	}
	g := &Glossary{Name: "bench"}
	for i, t := range terms {
		g.Concepts = append(g.Concepts, Concept{ID: "b" + string(rune('0'+i%10)), Terms: []Term{{Text: t, Lang: language.English, CaseSensitive: defaultCaseSensitive(t, FullForm)}}})
	}
	return g
}

// reportCPU reports the CPU time per op since cpu (a cputime.Process
// value) and the bytes per op over it: on a shared machine, with
// GOMAXPROCS=1, a steadier figure than wall time.
func reportCPU(b *testing.B, cpu time.Duration, bytes int) {
	used := cputime.Process() - cpu
	if used <= 0 {
		return
	}
	perOp := float64(used) / float64(b.N)
	b.ReportMetric(perOp, "cpu-ns/op")
	if bytes > 0 {
		b.ReportMetric(float64(bytes)/perOp*1e3, "cpu-MB/s")
	}
}

func BenchmarkMatcher(b *testing.B) {
	text := benchText(b)
	g := benchGlossary(text, 3000)
	m := NewMatcher(language.English, g)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	n := 0
	cpu := cputime.Process()
	for b.Loop() {
		n = len(m.Find(text))
	}
	reportCPU(b, cpu, len(text))
	b.ReportMetric(float64(n)/float64(len(text))*1000, "matches/kB")
}

// BenchmarkKey builds the folded key of the English prose of
// BenchmarkMatcher, the first step of every Find.
func BenchmarkKey(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	var kb keyBuf
	cpu := cputime.Process()
	for b.Loop() {
		kb.build(text, true)
	}
	reportCPU(b, cpu, len(text))
}

// BenchmarkMatcherNATO finds the terms of the built-in NATO glossary in
// the English prose of BenchmarkMatcher, one line at a time.
func BenchmarkMatcherNATO(b *testing.B) {
	text := benchSamples(b)
	m := NewMatcher(language.English, NATO())
	segs := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		for _, s := range segs {
			m.Find(s)
		}
	}
	reportCPU(b, cpu, len(text))
}

// BenchmarkNewMatcher builds the matcher of BenchmarkMatcher's glossary.
func BenchmarkNewMatcher(b *testing.B) {
	g := benchGlossary(benchText(b), 3000)
	for b.Loop() {
		NewMatcher(language.English, g)
	}
}

// BenchmarkMatcherSegments calls Find once a line of the corpus samples,
// as the checks do once a segment.
func BenchmarkMatcherSegments(b *testing.B) {
	text := benchSamples(b)
	g := benchGlossary(text, 3000)
	m := NewMatcher(language.English, g)
	segs := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	cpu := cputime.Process()
	for b.Loop() {
		for _, s := range segs {
			m.Find(s)
		}
	}
	reportCPU(b, cpu, len(text))
}

// BenchmarkParseNATO parses nato.tbx, which NATO no longer does at run
// time (see nato_table.go): the cost a run saves.
func BenchmarkParseNATO(b *testing.B) {
	data, err := os.ReadFile("nato.tbx")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		if _, err := ParseTBX("nato.tbx", bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu, 0)
}

// BenchmarkNewMatcherNATO builds the matchers of the built-in glossary
// that a run of zh→en files needs, once each per run.
func BenchmarkNewMatcherNATO(b *testing.B) {
	g := NATO()
	for _, lang := range []language.Tag{language.English, language.Chinese} {
		b.Run(lang.String(), func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.Process()
			for b.Loop() {
				NewMatcher(lang, g)
			}
			reportCPU(b, cpu, 0)
		})
	}
}

// tatoebaSides returns the Chinese and the English sentences of the
// Tatoeba pairs in ../../shared/data (the test data described in
// ../shared/README.md); it skips when they are absent.
func tatoebaSides(tb testing.TB) (zh, en []string) {
	data, err := os.ReadFile("../../shared/data/tatoeba_cmn_eng.tsv")
	if err != nil {
		tb.Skip("no Tatoeba pairs in ../../shared/data")
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) >= 3 {
			en, zh = append(en, f[0]), append(zh, f[1])
		}
	}
	return zh, en
}

// BenchmarkMatcherNATOTatoeba finds the terms of the built-in NATO
// glossary in the Chinese and in the English sentences of the Tatoeba
// pairs, one sentence at a time, as the term checks do for the sources
// and the targets of a zh→en file.
func BenchmarkMatcherNATOTatoeba(b *testing.B) {
	zh, en := tatoebaSides(b)
	for _, side := range []struct {
		lang language.Tag
		segs []string
	}{{language.Chinese, zh}, {language.English, en}} {
		b.Run(side.lang.String(), func(b *testing.B) {
			m := NewMatcher(side.lang, NATO())
			size := 0
			for _, s := range side.segs {
				size += len(s)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			var out []Match
			cpu := cputime.Process()
			for b.Loop() {
				out = out[:0]
				for _, s := range side.segs {
					out = m.AppendFind(out, s)
				}
			}
			reportCPU(b, cpu, size)
			// How many sentences the quick test lets through to the
			// key and the trie walks (see mayMatch).
			passed := 0
			for _, s := range side.segs {
				if m.mayMatch(s) {
					passed++
				}
			}
			b.ReportMetric(float64(passed), "keyed-texts")
		})
	}
}
