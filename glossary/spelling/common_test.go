package spelling

import (
	"fmt"
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
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			common.get(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

// TestAllCache checks englishTable.get, with its cache of the answers of
// the table of all words, against that table alone, the general path: for
// every word of the list and words near it, asked twice so that the second
// answer may come from the cache, and from goroutines at the same time
// (each in another order, so that they overwrite each other's entries).
func TestAllCache(t *testing.T) {
	table := englishSizes()
	var words []string
	for line := range strings.SplitSeq(englishList, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		words = append(words, line, strings.ToLower(line), line+"\x00", line[1:], strings.ToUpper(line[:1])+line[1:])
	}
	words = append(words, "", "i", "I", "\x00", "\xff")
	check := func(w string) error {
		got, ok := table.get(w)
		want, wantOK := table.all.get(w)
		if got != want || ok != wantOK {
			return fmt.Errorf("get(%q) = %d, %v; the table of all words: %d, %v", w, got, ok, want, wantOK)
		}
		return nil
	}
	for range 2 {
		for _, w := range words {
			if err := check(w); err != nil {
				t.Fatal(err)
			}
		}
	}
	// the goroutines ask about a part of the words, which is enough to
	// overwrite entries and keeps the test quick under the race detector
	var part []string
	for i := 0; i < len(words); i += 16 {
		part = append(part, words[i])
	}
	words = part
	const workers = 4
	errs := make(chan error, workers)
	for g := range workers {
		go func() {
			for i := range words {
				// worker g reads the words with a stride of its own
				if err := check(words[(i*(2*g+1))%len(words)]); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range workers {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// FuzzAllCache compares englishTable.get with the table of all words on
// any two strings, the second asked after the first (which may have taken
// its cache entry).
func FuzzAllCache(f *testing.F) {
	for _, s := range []string{"tom", "i", "I'm", "mary", "boston", "zzz", "", "\x00"} {
		f.Add(s, "i")
	}
	table := englishSizes()
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, w := range []string{a, b, a} {
			got, ok := table.get(w)
			want, wantOK := table.all.get(w)
			if got != want || ok != wantOK {
				t.Fatalf("get(%q) = %d, %v; the table of all words: %d, %v", w, got, ok, want, wantOK)
			}
		}
	})
}
