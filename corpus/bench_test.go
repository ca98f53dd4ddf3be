package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// BenchmarkRead reads the two seed articles as plain text, as Markdown,
// and as JSON Lines (one paragraph a line, with source and target).
func BenchmarkRead(b *testing.B) {
	var text []byte
	for _, name := range []string{"samples/000_0c19f8692f25b57c.txt", "samples/001_b2d8e521503d7cce.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		text = append(append(text, data...), '\n', '\n')
	}
	var jsonl bytes.Buffer
	for i, line := range bytes.Split(text, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		out, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i), "source": string(line), "target": string(line)})
		jsonl.Write(append(out, '\n'))
	}
	for _, bc := range []struct {
		format string
		data   []byte
	}{
		{"text", text},
		{"markdown", text},
		{"jsonl", jsonl.Bytes()},
	} {
		b.Run(bc.format, func(b *testing.B) {
			b.SetBytes(int64(len(bc.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read("seeds", bc.data, bc.format, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
