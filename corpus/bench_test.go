package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
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

// benchText returns the Chinese sources of the MQM data (news) when the
// shared data is there, else the sentences of the samples, repeated.
func benchText(b *testing.B) string {
	if data, err := os.ReadFile("../../shared/data/mqm_zhen_newstest2020.tsv"); err == nil {
		var lines []string
		for i, l := range strings.Split(string(data), "\n") {
			if f := strings.Split(l, "\t"); i > 0 && len(f) > 1 && len(lines) < 2000 {
				lines = append(lines, f[1])
			}
		}
		return strings.Join(lines, "\n") + "\n"
	}
	return strings.Repeat(simplifiedText, 200)
}

// BenchmarkDecode decodes Chinese text in each encoding; "detect" leaves
// the encoding to detection, which decodes the text in four encodings.
func BenchmarkDecode(b *testing.B) {
	text := benchText(b)
	for _, bc := range []struct{ enc, force string }{
		{"utf-8", ""}, {"gb18030", "gb18030"}, {"gb18030", ""}, {"utf-16le", "utf-16le"},
	} {
		data := mustEncode(b, bc.enc, text)
		name := bc.enc
		if bc.force == "" {
			name += "/detect"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := decode("f", data, "text", Options{Encoding: bc.force}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadTable reads the news as TSV and CSV (source and target the
// same text), and writes one target back.
func BenchmarkReadTable(b *testing.B) {
	text := benchText(b)
	var tsv, csv strings.Builder
	tsv.WriteString("id\tsource\ttarget\n")
	csv.WriteString("id,source,target\n")
	for i, l := range strings.Split(strings.TrimSpace(text), "\n") {
		fmt.Fprintf(&tsv, "%d\t%s\t%s\n", i, l, l)
		fmt.Fprintf(&csv, "%d,\"%s\",\"%s\"\n", i, strings.ReplaceAll(l, `"`, `""`), strings.ReplaceAll(l, `"`, `""`))
	}
	for _, bc := range []struct{ format, data string }{{"tsv", tsv.String()}, {"csv", csv.String()}} {
		b.Run(bc.format, func(b *testing.B) {
			b.SetBytes(int64(len(bc.data)))
			for b.Loop() {
				if _, err := Read("f", []byte(bc.data), bc.format, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(bc.format+"/write", func(b *testing.B) {
			f, err := Parse("f", []byte(bc.data), bc.format, Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(bc.data)))
			for b.Loop() {
				if _, err := f.Bytes(map[int]string{7: "A new target."}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
