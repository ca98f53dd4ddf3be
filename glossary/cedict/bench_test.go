package cedict

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// syntheticDict writes n entries in the CC-CEDICT format, about the size
// of CC-CEDICT's lines (two to four characters, two senses), made of
// characters from the CJK block in order: their pinyin is not real, their
// shape is. CC-CEDICT itself has about 120,000 entries.
func syntheticDict(n int) string {
	var b strings.Builder
	b.WriteString("# synthetic dictionary for BenchmarkParse\n")
	r := rune(0x4E00)
	for i := 0; i < n; i++ {
		size := 2 + i%3
		word := make([]rune, size)
		pins := make([]string, size)
		for k := range word {
			word[k] = r
			pins[k] = fmt.Sprintf("zhong%d", 1+(i+k)%5)
			r++
			if r > 0x9FA5 {
				r = 0x4E00
			}
		}
		fmt.Fprintf(&b, "%s %s [%s] /sense %d of the word/another sense, longer than the first/\n",
			string(word), string(word), strings.Join(pins, " "), i)
	}
	return b.String()
}

// BenchmarkParse parses a synthetic dictionary of CC-CEDICT's size: what
// tqa check --dict adds to start-up.
func BenchmarkParse(b *testing.B) {
	data := syntheticDict(120000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("synthetic.u8", strings.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadFile reads the same dictionary from a file, whose size
// LoadFile uses to make room for the entries.
func BenchmarkLoadFile(b *testing.B) {
	data := syntheticDict(120000)
	path := filepath.Join(b.TempDir(), "synthetic.u8")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadFile(path); err != nil {
			b.Fatal(err)
		}
	}
}
