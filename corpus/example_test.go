package corpus_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/pipeline"
)

func ExampleRead() {
	data := []byte("# US is酝酿 Leaving NATO\n\n" +
		"> A growing trend of anti-NATO sentiment\n" +
		"> is emerging among the American elite.\n\n" +
		"- Original: toutiao.com/article/7600286426932199955/\n")
	doc, err := corpus.Read("title.md", data, "markdown", corpus.Options{TargetLang: language.English})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range doc.Segments {
		p := s.Locate(pipeline.Target, 0)
		fmt.Printf("%s %s %d:%d %q skip=%v\n", s.ID, s.Kind, p.Line, p.Column, s.Target, s.TargetSkip)
	}
	// Where is the untranslated 酝酿 in the file?
	title := &doc.Segments[0]
	p := title.Locate(pipeline.Target, strings.Index(title.Target, "酝酿"))
	fmt.Printf("酝酿 at line %d, column %d, byte %d\n", p.Line, p.Column, p.Offset)
	// Output:
	// 1 heading 1:3 "US is酝酿 Leaving NATO" skip=[]
	// 2 paragraph 3:3 "A growing trend of anti-NATO sentiment\nis emerging among the American elite." skip=[]
	// 3 list-item 6:3 "Original: toutiao.com/article/7600286426932199955/" skip=[[10,50)]
	// 酝酿 at line 1, column 8, byte 7
}

func ExampleReadFile() {
	doc, err := corpus.ReadFile("samples/001_b2d8e521503d7cce.txt", corpus.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Path, doc.Format, len(doc.Segments), "segments")
	for _, s := range doc.Segments {
		if s.Kind == pipeline.Heading {
			fmt.Printf("heading %s: %s\n", s.ID, s.Target)
		}
	}
	// Output:
	// samples/001_b2d8e521503d7cce.txt text 35 segments
	// heading 1: US is酝酿 Leaving NATO
	// heading 5: From Verbal Attacks to Direct Proposals to Halt
	// heading 18: Core Anti-NATO Arguments
}

func ExampleExpand() {
	paths, err := corpus.Expand([]string{"samples"})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range paths {
		fmt.Println(p)
	}
	// Output:
	// samples/000_0c19f8692f25b57c.txt
	// samples/001_b2d8e521503d7cce.txt
	// samples/tatoeba.zh-en.jsonl
}

func ExampleFormat() {
	for _, p := range []string{"a.txt", "notes.MD", "pairs.jsonl", "memory.tmx", "app.xlf", "zh.po", "strings.csv", "strings.xml"} {
		f, ok := corpus.Format(p)
		fmt.Printf("%s: %q %v\n", p, f, ok)
	}
	// Output:
	// a.txt: "text" true
	// notes.MD: "markdown" true
	// pairs.jsonl: "jsonl" true
	// memory.tmx: "tmx" true
	// app.xlf: "xliff" true
	// zh.po: "po" true
	// strings.csv: "csv" true
	// strings.xml: "" false
}

func ExampleParse() {
	// A TSV file in GB18030, as some Chinese tools still write them.
	data, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("id\tsource\ttarget\n1\t我们反对战争。\tWe're against war.\n"))
	f, err := corpus.Parse("pairs.tsv", data, "", corpus.Options{})
	if err != nil {
		log.Fatal(err)
	}
	s := &f.Doc.Segments[0]
	p := s.Locate(pipeline.Source, len("我们"))
	fmt.Println(f.Doc.Format, f.Encoding.Name, s.ID, s.Source, s.Target)
	fmt.Printf("反对 at line %d, column %d\n", p.Line, p.Column)
	// Output:
	// tsv gb18030 1 我们反对战争。 We're against war.
	// 反对 at line 2, column 5
}

func ExampleFile_Bytes() {
	data := []byte("id,source,target\r\n1,战争,War\r\n2,\"进攻是最好的防御。\",\r\n")
	f, err := corpus.Parse("pairs.csv", data, "csv", corpus.Options{})
	if err != nil {
		log.Fatal(err)
	}
	same, _ := f.Bytes(nil)
	fmt.Println(bytes.Equal(same, data))
	out, err := f.Bytes(map[int]string{1: `Attack is the "best" defense.`})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%q\n", out)
	// A new target that would change the structure of the file is refused.
	md, _ := corpus.Parse("notes.md", []byte("> Text.\n"), "markdown", corpus.Options{})
	_, err = md.Bytes(map[int]string{0: "# Title"})
	fmt.Println(err)
	// Output:
	// true
	// "id,source,target\r\n1,战争,War\r\n2,\"进攻是最好的防御。\",\"Attack is the \"\"best\"\" defense.\"\r\n"
	// corpus: write notes.md: segment 1: the new targets change the structure of the file: its new target reads back as "Title"
}

func ExampleSniff() {
	for _, data := range []string{
		`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<xliff version="2.0" srcLang="zh" trgLang="en">`,
		"<tmx version=\"1.4\">",
		"# Chinese translation\nmsgid \"\"\nmsgstr \"\"\n",
		"plain text",
	} {
		f, ok := corpus.Sniff([]byte(data))
		fmt.Printf("%q %v\n", f, ok)
	}
	// Output:
	// "xliff" true
	// "tmx" true
	// "po" true
	// "" false
}

func ExamplePairs() {
	paths := []string{"news/a.en.txt", "news/a.zh.txt", "news/b.en.md", "news/b.zh.md", "news/README.md"}
	pairs, rest := corpus.Pairs(paths, language.Und, language.Und)
	for _, p := range pairs {
		fmt.Println(p.Source, "->", p.Target)
	}
	fmt.Println("rest:", rest)
	// Output:
	// news/a.zh.txt -> news/a.en.txt
	// news/b.zh.md -> news/b.en.md
	// rest: [news/README.md]
}

func ExampleOpenPair() {
	dir, err := os.MkdirTemp("", "pair")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	// Three Tatoeba sentences (CC BY 2.0 FR); the English leaves one out.
	p := corpus.Pair{Source: filepath.Join(dir, "war.zh.txt"), Target: filepath.Join(dir, "war.en.txt")}
	os.WriteFile(p.Source, []byte("我们反对战争。战争并非不可避免。德国曾是意大利的同盟国。\n"), 0o644)
	os.WriteFile(p.Target, []byte("We're against war. War is not inevitable.\n"), 0o644)
	f, err := corpus.OpenPair(p, corpus.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.Doc.SourceLang, "->", f.Doc.TargetLang)
	for _, s := range f.Doc.Segments {
		fmt.Printf("%s %d-%d %s | %q\n", s.ID, s.Align.Source, s.Align.Target, s.Source, s.Target)
	}
	out, err := f.Bytes(map[int]string{2: "Germany was once an ally of Italy."})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s", out)
	// Output:
	// zh -> en
	// 1 1-1 我们反对战争。 | "We're against war."
	// 2 1-1 战争并非不可避免。 | "War is not inevitable."
	// 3 1-0 德国曾是意大利的同盟国。 | ""
	// We're against war. War is not inevitable. Germany was once an ally of Italy.
}

func ExampleWriteFileAtomic() {
	dir, err := os.MkdirTemp("", "write")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "pairs.jsonl")
	os.WriteFile(path, []byte(`{"source": "和平", "target": null}`+"\n"), 0o600)
	f, err := corpus.Open(path, corpus.Options{})
	if err != nil {
		log.Fatal(err)
	}
	out, err := f.Bytes(map[int]string{0: "peace"})
	if err != nil {
		log.Fatal(err)
	}
	if err := corpus.WriteFileAtomic(path, out); err != nil {
		log.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	fi, _ := os.Stat(path)
	fmt.Printf("%s%v\n", data, fi.Mode().Perm())
	// Output:
	// {"source": "和平", "target": "peace"}
	// -rw-------
}
