package spelling

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/internal/golden"
)

func TestEnglishSize(t *testing.T) {
	tests := []struct {
		word string
		ok   bool
		max  int // the size class is at most this
	}{
		{"the", true, 10},
		{"The", true, 10},
		{"THE", true, 10},
		{"defence", true, 35},
		{"defense", true, 35},
		{"NATO", true, 70},
		{"Beijing", true, 70},
		{"BEIJING", true, 70},
		{"realpolitik", true, 70},
		{"beijing", false, 0},
		{"guanxi", false, 0},
		{"Zeitenwende", false, 0},
		{"yùnniàng", false, 0},
		{"", false, 0},
		{"É", false, 0},
	}
	for _, tt := range tests {
		size, ok := EnglishSize(tt.word)
		if ok != tt.ok || (ok && size > tt.max) {
			t.Errorf("EnglishSize(%q) = %d, %v; want ok=%v, size <= %d", tt.word, size, ok, tt.ok, tt.max)
		}
	}
}

// englishSizeByToLower is EnglishSize as it was before the ASCII fold on
// the stack: the reference TestEnglishSizeFold compares with.
func englishSizeByToLower(word string) (int, bool) {
	m := englishSizes().all
	if s, ok := m.get(word); ok {
		return int(s), true
	}
	r, n := utf8.DecodeRuneInString(word)
	if n == 0 || !unicode.IsUpper(r) {
		return 0, false
	}
	lower := strings.ToLower(word)
	if s, ok := m.get(lower); ok {
		return int(s), true
	}
	if len(word) > n && strings.ToUpper(word) == word {
		title := word[:n] + lower[len(string(unicode.ToLower(r))):]
		if s, ok := m.get(title); ok {
			return int(s), true
		}
	}
	return 0, false
}

// TestEnglishSizeFold checks EnglishSize against englishSizeByToLower for
// every listed word written in lower case, capitalised and in capitals.
func TestEnglishSizeFold(t *testing.T) {
	for line := range strings.SplitSeq(englishList, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range []string{line, strings.ToLower(line), strings.ToUpper(line), strings.ToUpper(line[:1]) + line[1:]} {
			size, ok := EnglishSize(w)
			wantSize, wantOK := englishSizeByToLower(w)
			if size != wantSize || ok != wantOK {
				t.Fatalf("EnglishSize(%q) = %d, %v; want %d, %v", w, size, ok, wantSize, wantOK)
			}
		}
	}
}

func BenchmarkEnglishSize(b *testing.B) {
	words := []string{"the", "Defence", "NATO", "guanxi", "collective", "Zeitenwende"}
	EnglishSize("warm")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		EnglishSize(words[i%len(words)])
	}
}

// TestWordTable checks the word table against a map of the same list: the
// same size class for every word, and no word the list lacks.
func TestWordTable(t *testing.T) {
	want := map[string]uint8{}
	size := uint8(0)
	for line := range strings.SplitSeq(englishList, "\n") {
		if rest, ok := strings.CutPrefix(line, "# size "); ok {
			n, err := strconv.Atoi(rest)
			if err != nil {
				t.Fatal(err)
			}
			size = uint8(n)
			continue
		}
		if line != "" && line[0] != '#' {
			want[line] = size
		}
	}
	table := englishSizes()
	for w, s := range want {
		if got, ok := table.get(w); !ok || got != s {
			t.Fatalf("get(%q) = %d, %v; want %d, true", w, got, ok, s)
		}
		for _, v := range []string{w + "x", strings.ToUpper(w), w[:len(w)-1]} {
			ws, inList := want[v]
			if got, ok := table.get(v); ok != inList || got != ws {
				t.Fatalf("get(%q) = %d, %v; want %d, %v", v, got, ok, ws, inList)
			}
		}
	}
	if _, ok := table.get(""); ok {
		t.Error(`get("") = true`)
	}
}

// TestEnglishSlots checks that english.slots is the table of english.txt,
// and english_common.slots that of its words of size 10, and with -update
// (or go generate) rewrites them.
func TestEnglishSlots(t *testing.T) {
	built := newWordTable(englishList, 255)
	golden.Check(t, "english.slots", built.encode())
	builtCommon := newCommonTable(englishList, 10)
	golden.Check(t, "english_common.slots", builtCommon.encode())
	if !golden.Update() {
		loaded, err := loadWordTable(englishList, englishSlots)
		if err != nil {
			t.Fatal(err)
		}
		if loaded.slots != built.slots || loaded.shift != built.shift || !slices.Equal(loaded.classes, built.classes) {
			t.Fatalf("the embedded table english.slots differs from the table of english.txt: go generate ./glossary/spelling")
		}
		common, err := loadCommonTable(englishList, englishCommonSlots)
		if err != nil {
			t.Fatal(err)
		}
		if common.slots != builtCommon.slots || common.shift != builtCommon.shift || !slices.Equal(common.classes, builtCommon.classes) {
			t.Fatalf("the embedded table english_common.slots differs from the table of english.txt: go generate ./glossary/spelling")
		}
	}
	for _, bad := range []string{"", "12345678", "12345678abcdef", "12345678abcdefghijkl"} {
		if _, err := loadWordTable(englishList, bad); err == nil {
			t.Errorf("loadWordTable(%q) succeeded", bad)
		}
	}
	for _, bad := range []string{"", "12345678", "12345678abcdefgh1234", "12345678abcdefgh12345678abcdefgh"} {
		if _, err := loadCommonTable(englishList, bad); err == nil {
			t.Errorf("loadCommonTable(%q) succeeded", bad)
		}
	}
}

// TestEnglishCommon checks the table of the common words against the table
// of all: it holds every word of size 10 and no other, with the same
// class, so that looking a word up there first changes no answer.
func TestEnglishCommon(t *testing.T) {
	tables := englishSizes()
	n := 0
	for line := range strings.SplitSeq(englishList, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		size, ok := tables.all.get(line)
		if !ok {
			t.Fatalf("all.get(%q) = false", line)
		}
		csize, cok := tables.common.get(line)
		if cok != (size == 10) || cok && csize != size {
			t.Fatalf("common.get(%q) = %d, %v; all.get: %d", line, csize, cok, size)
		}
		if cok {
			n++
		}
	}
	if n < 4000 || len(tables.common.slots) > 64<<10 {
		t.Errorf("the common table holds %d words in %d bytes, want the 4,500 or so words of size 10 in at most 64 KiB", n, len(tables.common.slots))
	}
}

// BenchmarkNewWordTable builds the table of the English word list, which
// english.slots holds built, so that no run pays this.
func BenchmarkNewWordTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		newWordTable(englishList, 255)
	}
}

// BenchmarkLoadWordTable is what the first EnglishSize call of a run
// pays.
func BenchmarkLoadWordTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadWordTable(englishList, englishSlots); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEnglishSizeProse looks up every word of the English demo
// articles (../../corpus/samples), as language identification does.
func BenchmarkEnglishSizeProse(b *testing.B) {
	files, _ := filepath.Glob("../../corpus/samples/*.txt")
	if len(files) == 0 {
		b.Skip("no corpus samples")
	}
	var words []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		for s, e := range Words(text) {
			words = append(words, text[s:e])
		}
	}
	EnglishSize("warm")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			EnglishSize(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}
