package segment

import (
	"os"
	"testing"
)

// BenchmarkSentences splits the two seed articles.
func BenchmarkSentences(b *testing.B) {
	var text string
	for _, name := range []string{"000_0c19f8692f25b57c.txt", "001_b2d8e521503d7cce.txt"} {
		data, err := os.ReadFile("../../corpus/samples/" + name)
		if err != nil {
			b.Fatal(err)
		}
		text += string(data) + "\n"
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text)
	}
}
