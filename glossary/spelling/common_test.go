package spelling

import (
	"strings"
	"testing"
)

// commonReference is the table of the common words as a wordTable, whose
// look-up compares every candidate word with the list: the general path
// that commonTable.get must agree with.
func commonReference() *wordTable { return newWordTable(englishList, 10) }

// TestCommonTable checks commonTable.get against the wordTable of the same
// words for every word of the list and, for each, words that differ from
// it by a byte at either end, in case, or by a NUL byte (which a short
// slot's padding must not confuse with the end of the word).
func TestCommonTable(t *testing.T) {
	ref := commonReference()
	common := englishSizes().common
	check := func(w string) {
		t.Helper()
		got, ok := common.get(w)
		want, wantOK := ref.get(w)
		if got != want || ok != wantOK {
			t.Fatalf("commonTable.get(%q) = %d, %v; wordTable.get: %d, %v", w, got, ok, want, wantOK)
		}
	}
	for line := range strings.SplitSeq(englishList, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		for _, w := range []string{
			line, line + "x", "x" + line, line + "\x00", "\x00" + line, line[:len(line)-1], line[1:],
			strings.ToUpper(line), strings.ToUpper(line[:1]) + line[1:], line + "s", line + "'s",
		} {
			check(w)
		}
	}
	for _, w := range []string{"", "\x00", "\x00\x00\x00", "é", "\xff\xff\xff\xff\xff\xff\xff", strings.Repeat("a", 127), strings.Repeat("a", 128)} {
		check(w)
	}
}

// FuzzCommonTable compares commonTable.get with the wordTable of the same
// words on any string.
func FuzzCommonTable(f *testing.F) {
	for _, s := range []string{"the", "The", "defence", "international", "internationally", "a\x00", "", "zeitenwende"} {
		f.Add(s)
	}
	ref := commonReference()
	common := englishSizes().common
	f.Fuzz(func(t *testing.T, w string) {
		got, ok := common.get(w)
		want, wantOK := ref.get(w)
		if got != want || ok != wantOK {
			t.Fatalf("commonTable.get(%q) = %d, %v; wordTable.get: %d, %v", w, got, ok, want, wantOK)
		}
	})
}

// BenchmarkCommonTable looks up every word of the common table and as
// many that it lacks.
func BenchmarkCommonTable(b *testing.B) {
	var words []string
	for line := range strings.SplitSeq(englishList, "\n") {
		if line != "" && line[0] != '#' {
			words = append(words, line)
		}
		if len(words) >= 9000 {
			break
		}
	}
	common := englishSizes().common
	for b.Loop() {
		for _, w := range words {
			common.get(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}
