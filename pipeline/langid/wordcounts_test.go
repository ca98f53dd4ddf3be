package langid

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/internal/cputime"
)

// scanWords collects what ScanWords yields.
func scanWords(text string) []Word {
	var out []Word
	ScanWords(text, func(w Word) bool { out = append(out, w); return true })
	return out
}

// TestScanWordsTable checks ScanWords against scanWordsPlain, the code it
// replaced, and LatinWords against the former LatinWords, on the cases
// where boundaries and classes are easiest to get wrong.
func TestScanWordsTable(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"plain", "We're against war."},
		{"apostrophes", "d'état l’homme the NATO's rock-'n'-roll '"},
		{"hyphens", "vis-à-vis well-known -x x- a--b"},
		{"diacritics", "La défense européenne est über Sánchez"},
		{"combining marks", "cafe\u0301 \u0301a"},
		{"digits", "No.1 MiG-29 F16 2024 x86"},
		{"code", "see https://www.nato.int/x_y and file.txt or www. now"},
		{"camel", "clerkThe iPhone McDonald"},
		{"other scripts", "US is酝酿 Leaving NATO Москва and Paris"},
		{"trailing word", "ends in a word"},
		{"trailing apostrophe", "the dogs'"},
		{"acronyms", "NATO EU UN-led"},
		{"capitals", "Tom's Boston's Tuesday O'Neill Co-operation X-ray Well-Being La Est"},
		{"possessives", "the ministers' dogs's ' s' x-'s"},
		{"long words", "Pneumonoultramicroscopicsilicovolcanoconiosis antidisestablishmentarianism-like"},
		{"invalid utf-8", "ab\xffcd e\xc3"},
		{"code after a word", "Hi. e.g. U.S. www.x a/b x@y snake_case end."},
		{"two words in a chunk", "well—said x/y, a,b.c d,e"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := collectWords(scanWordsPlain, tt.text, -1)
			if got := scanWords(tt.text); !slices.Equal(got, want) {
				t.Errorf("ScanWords(%q) = %v\nscanWordsPlain gives %v", tt.text, got, want)
			}
			if got, former := LatinWords(tt.text), latinWordsFormer(tt.text); !slices.Equal(got, former) {
				t.Errorf("LatinWords(%q) = %v\nthe former LatinWords gives %v", tt.text, got, former)
			}
		})
	}
}

// TestScanWordsCorpora checks ScanWords against scanWordsPlain line by line on
// the English samples of the repository, and on the shared Tatoeba pairs
// (both columns) and foreign sentences when they are beside the repository.
func TestScanWordsCorpora(t *testing.T) {
	files, err := filepath.Glob("../../corpus/samples/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no English samples under corpus/samples: %v", err)
	}
	files = append(files, "testdata/mixed_en_zh.txt")
	if !testing.Short() {
		shared, _ := filepath.Glob("../../../shared/data/foreign_sentences/*.txt")
		files = append(files, shared...)
		files = append(files, "../../../shared/data/tatoeba_cmn_eng.tsv")
	}
	lines := 0
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			if strings.Contains(name, "shared") {
				t.Logf("shared data not available: %v", err)
				continue
			}
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			lines++
			text := sc.Text()
			if want := collectWords(scanWordsPlain, text, -1); !slices.Equal(scanWords(text), want) {
				t.Errorf("%s: ScanWords differs from scanWordsPlain on %q", name, text)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if lines == 0 {
		t.Fatal("no lines compared")
	}
}

// TestScanWordsStops checks that ScanWords stops when yield returns false.
func TestScanWordsStops(t *testing.T) {
	n := 0
	ScanWords("one two three four", func(Word) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("yield called %d times after returning false at 2, want 2", n)
	}
}

func TestScanWordsAllocates(t *testing.T) {
	text := "The défense ministers met in Brussels on Tuesday, see www.nato.int."
	n := 0
	if a := testing.AllocsPerRun(100, func() {
		ScanWords(text, func(Word) bool { n++; return true })
	}); a != 0 {
		t.Errorf("ScanWords allocates %.0f times per call, want 0", a)
	}
}

// BenchmarkScanWords counts the English words of English text without
// building LatinWords' slice (compare BenchmarkLatinWords).
func BenchmarkScanWords(b *testing.B) {
	text := englishText(b)
	lines := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, l := range lines {
			ScanWords(l, func(w Word) bool {
				if w.Class == EnglishWord {
					n++
				}
				return true
			})
		}
	}
	if n == 0 {
		b.Fatal("no English words")
	}
}

// tatoebaEnglish reads the English column of the shared Tatoeba pairs
// beside the repository, one sentence a text (short, clean English: the
// targets of the reference run of bench/README.md).
func tatoebaEnglish(b *testing.B) []string {
	f, err := os.Open("../../../shared/data/tatoeba_cmn_eng.tsv")
	if err != nil {
		b.Skipf("shared data not available: %v", err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if en, _, ok := strings.Cut(sc.Text(), "\t"); ok {
			texts = append(texts, en)
		}
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return texts
}

// benchScanWordsTexts counts the English words of texts with scan.
func benchScanWordsTexts(b *testing.B, texts []string, scan func(string, func(Word) bool)) {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	english := 0
	count := func(w Word) bool {
		if w.Class == EnglishWord {
			english++
		}
		return true
	}
	cpu := cputime.Process()
	for b.Loop() {
		for _, t := range texts {
			scan(t, count)
		}
	}
	// CPU time beside wall time: on a shared machine the wall time of a
	// benchmark counts the time other programs held the processor
	b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
	if english == 0 {
		b.Fatal("no English words")
	}
}

// BenchmarkScanWordsTatoeba scans the 29,000 English sentences of the
// Tatoeba pairs one at a time, as wrong-language does each target.
func BenchmarkScanWordsTatoeba(b *testing.B) {
	benchScanWordsTexts(b, tatoebaEnglish(b), ScanWords)
}

// BenchmarkScanWordsTatoebaPlain is BenchmarkScanWordsTatoeba with
// scanWordsPlain, the code ScanWords replaced, for comparison on the same
// machine.
func BenchmarkScanWordsTatoebaPlain(b *testing.B) {
	benchScanWordsTexts(b, tatoebaEnglish(b), scanWordsPlain)
}

// BenchmarkScanWordsContractions scans a sentence of the contractions and
// possessives that English sentences hold most ("I'm", "don't", "Tom's"),
// which the English list knows only in some forms: a word met again costs
// one load from shapedMemo.
func BenchmarkScanWordsContractions(b *testing.B) {
	benchScanWordsTexts(b, []string{"I'm sure it's Tom's, but don't say I didn't tell you: we can't, you're right, I'll go."}, ScanWords)
}
