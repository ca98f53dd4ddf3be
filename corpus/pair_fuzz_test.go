package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// FuzzOpenPair reads a source and a target text file as an aligned pair.
// Invariants: no panic; every segment is valid UTF-8 and its skip spans
// are valid on its text; the aligned segments hold every sentence of both
// files (their alignment counts add up to the sentences of each file);
// and the file's bytes are the target file's.
func FuzzOpenPair(f *testing.F) {
	f.Add([]byte("北约成立于1949年。美国是成员国。\n\n第二段。"), []byte("NATO was founded in 1949. The US is a member.\n\nSecond paragraph."))
	f.Add([]byte("# 标题\n\n- 一\n- 二\n"), []byte("# Title\n\n- one\n- two\n"))
	f.Add([]byte("一。二。三。"), []byte(""))
	f.Add([]byte("\uFEFF第一句。\r\n\r\n第二句！"), []byte("First sentence.\r\n\r\nSecond! Third?"))
	f.Fuzz(func(t *testing.T, src, tgt []byte) {
		dir := t.TempDir()
		p := Pair{Source: filepath.Join(dir, "x.zh.txt"), Target: filepath.Join(dir, "x.en.txt")}
		if err := os.WriteFile(p.Source, src, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p.Target, tgt, 0o644); err != nil {
			t.Fatal(err)
		}
		file, err := OpenPair(p, Options{})
		if err != nil {
			return
		}
		var srcSents, tgtSents int
		for _, s := range file.Doc.Segments {
			if !utf8.ValidString(s.Source) || !utf8.ValidString(s.Target) {
				t.Fatalf("segment %s is not valid UTF-8", s.ID)
			}
			for _, side := range []pipeline.Side{pipeline.Source, pipeline.Target} {
				for _, sk := range s.Skip(side) {
					if !sk.Valid(s.Text(side)) {
						t.Fatalf("segment %s: invalid %s skip span %v", s.ID, side, sk)
					}
				}
			}
			srcSents += s.Align.Source
			tgtSents += s.Align.Target
		}
		files, err := openBoth(p, Options{SourceLang: file.Doc.SourceLang, TargetLang: file.Doc.TargetLang})
		if err != nil {
			t.Fatalf("the pair opened, its files alone do not: %v", err)
		}
		if n := len(sentences(files[0].Doc)); n != srcSents {
			t.Errorf("segments align %d source sentences, the file has %d", srcSents, n)
		}
		if n := len(sentences(files[1].Doc)); n != tgtSents {
			t.Errorf("segments align %d target sentences, the file has %d", tgtSents, n)
		}
		raw, err := file.Bytes(nil)
		if err != nil || !bytes.Equal(raw, tgt) {
			t.Fatalf("Bytes(nil) = %q, %v; want the target file", raw, err)
		}
	})
}

// FuzzSniff: Sniff never panics, and a format it names has a reader.
func FuzzSniff(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0"?><xliff version="1.2">`, `<tmx version="1.4">`, "msgid \"\"\nmsgstr \"\"\n",
		"\uFEFF<xliff", "<!-- c --><tmx>", "",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		format, ok := Sniff(data)
		if _, known := readers[format]; ok && !known {
			t.Fatalf("Sniff = %q, which no reader reads", format)
		}
	})
}
