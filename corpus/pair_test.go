package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/segment"
)

func TestPairs(t *testing.T) {
	und, zh, en, fr := language.Und, language.Chinese, language.English, language.French
	tests := []struct {
		name     string
		paths    []string
		src, tgt language.Tag
		pairs    []Pair
		rest     []string
	}{
		{"english is the target", []string{"a/news.en.txt", "a/news.zh.txt", "a/other.txt"}, und, und,
			[]Pair{{"a/news.zh.txt", "a/news.en.txt"}}, []string{"a/other.txt"}},
		{"target language", []string{"news.fr.md", "news.zh-Hans.md"}, und, fr,
			[]Pair{{"news.zh-Hans.md", "news.fr.md"}}, nil},
		{"target by base language", []string{"news.en-GB.txt", "news.zh_CN.txt"}, zh, en,
			[]Pair{{"news.zh_CN.txt", "news.en-GB.txt"}}, nil},
		{"source language only", []string{"x.de.txt", "x.fr.txt"}, fr, und,
			[]Pair{{"x.fr.txt", "x.de.txt"}}, nil},
		{"no english, no languages", []string{"x.de.txt", "x.fr.txt"}, und, und, nil, []string{"x.de.txt", "x.fr.txt"}},
		{"three files need both languages", []string{"x.de.txt", "x.en.txt", "x.zh.txt"}, und, en, nil, []string{"x.de.txt", "x.en.txt", "x.zh.txt"}},
		{"three files with both languages", []string{"x.de.txt", "x.en.txt", "x.zh.txt"}, zh, en,
			[]Pair{{"x.zh.txt", "x.en.txt"}}, []string{"x.de.txt"}},
		{"other directories and extensions do not pair", []string{"a/x.en.txt", "b/x.zh.txt", "a/y.en.md", "a/y.zh.txt"}, und, und, nil,
			[]string{"a/x.en.txt", "b/x.zh.txt", "a/y.en.md", "a/y.zh.txt"}},
		{"not languages", []string{"v1.2.txt", "v1.3.txt", "notes.old.txt", "notes.new.txt", ".en.txt", ".zh.txt"}, und, und, nil,
			[]string{"v1.2.txt", "v1.3.txt", "notes.old.txt", "notes.new.txt", ".en.txt", ".zh.txt"}},
		{"not text", []string{"m.en.jsonl", "m.zh.jsonl"}, und, und, nil, []string{"m.en.jsonl", "m.zh.jsonl"}},
		{"sorted by target", []string{"b.en.txt", "b.zh.txt", "a.en.txt", "a.zh.txt"}, und, und,
			[]Pair{{"a.zh.txt", "a.en.txt"}, {"b.zh.txt", "b.en.txt"}}, nil},
	}
	for _, tt := range tests {
		pairs, rest := Pairs(tt.paths, tt.src, tt.tgt)
		if !slices.Equal(pairs, tt.pairs) || !slices.Equal(rest, tt.rest) {
			t.Errorf("%s: Pairs = %v, %q; want %v, %q", tt.name, pairs, rest, tt.pairs, tt.rest)
		}
	}
}

// tatoebaSentences returns the Chinese and English sentences of the
// seven Tatoeba pairs of samples/tatoeba.zh-en.jsonl.
func tatoebaSentences(t testing.TB) (zh, en []string) {
	f, err := os.Open("samples/tatoeba.zh-en.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var p struct{ ID, Source, Target string }
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(p.ID, "tatoeba-") {
			zh, en = append(zh, p.Source), append(en, p.Target)
		}
	}
	return zh, en
}

// writePair writes the Tatoeba sentences as two paragraphs (sentences 1-3
// and 4-7) of name.zh.txt and name.en.txt, leaving out the English
// sentences in omit, with line breaks nl; the Chinese file is encoded in
// zhEnc. With edit, the English text is changed by edit before it is
// written.
func writePair(t testing.TB, dir, name, nl, zhEnc string, edit func(string) string, omit ...int) Pair {
	zh, en := tatoebaSentences(t)
	para := func(ss []string, sep string, from, to int) string {
		var out []string
		for i := from; i < to; i++ {
			if sep == "" || !slices.Contains(omit, i) {
				out = append(out, ss[i])
			}
		}
		return strings.Join(out, sep)
	}
	zhText := para(zh, "", 0, 3) + nl + nl + para(zh, "", 3, 7) + nl
	enText := para(en, " ", 0, 3) + nl + nl + para(en, " ", 3, 7) + nl
	if edit != nil {
		enText = edit(enText)
	}
	p := Pair{Source: filepath.Join(dir, name+".zh.txt"), Target: filepath.Join(dir, name+".en.txt")}
	if err := os.WriteFile(p.Source, mustEncode(t, zhEnc, zhText), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p.Target, []byte(enText), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOpenPair(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, nl, zhEnc string
		edit            func(string) string
		omit            []int
		want            string
	}{
		{"one to one", "\n", "utf-8", nil, nil, `1 1-1 "我们反对战争。" 1:1 > "We're against war." 1:1
2 1-1 "战争并非不可避免。" 1:8 > "War is not inevitable." 1:20
3 1-1 "德国曾是意大利的同盟国。" 1:17 > "Germany was once an ally of Italy." 1:43
4 1-1 "進攻是最好的防禦。" 3:1 > "Attack is the best form of defense." 3:1
5 1-1 "和平會談將在下週開始。" 3:10 > "Peace talks will begin next week." 3:37
6 1-1 "美国与加拿大相邻。" 3:21 > "The United States borders Canada." 3:71
7 1-1 "他們選出了新政府。" 3:30 > "They have elected a new government." 3:105
`},
		{"an omission, crlf, gb18030 source", "\r\n", "gb18030", nil, []int{2}, `1 1-1 "我们反对战争。" 1:1 > "We're against war." 1:1
2 1-1 "战争并非不可避免。" 1:8 > "War is not inevitable." 1:20
3 1-0 "德国曾是意大利的同盟国。" 1:17 > "" 0:0
4 1-1 "進攻是最好的防禦。" 3:1 > "Attack is the best form of defense." 3:1
5 1-1 "和平會談將在下週開始。" 3:10 > "Peace talks will begin next week." 3:37
6 1-1 "美国与加拿大相邻。" 3:21 > "The United States borders Canada." 3:71
7 1-1 "他們選出了新政府。" 3:30 > "They have elected a new government." 3:105
`},
		// Two sentences joined into one: a 2-1 bead; one paragraph in
		// English against two in Chinese: the sentences are aligned all at
		// once, and a bead may join sentences of two paragraphs.
		{"a merge, paragraphs differ", "\n", "utf-8", func(s string) string {
			s = strings.Replace(s, "war. War", "war; war", 1)
			return strings.Replace(s, "\n\n", " ", 1)
		}, nil, `1 2-1 "我们反对战争。战争并非不可避免。" 1:1 > "We're against war; war is not inevitable." 1:1
2 1-1 "德国曾是意大利的同盟国。" 1:17 > "Germany was once an ally of Italy." 1:43
3 1-1 "進攻是最好的防禦。" 3:1 > "Attack is the best form of defense." 1:78
4 1-1 "和平會談將在下週開始。" 3:10 > "Peace talks will begin next week." 1:114
5 1-1 "美国与加拿大相邻。" 3:21 > "The United States borders Canada." 1:148
6 1-1 "他們選出了新政府。" 3:30 > "They have elected a new government." 1:182
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writePair(t, dir, strings.ReplaceAll(tt.name, " ", "_"), tt.nl, tt.zhEnc, tt.edit, tt.omit...)
			f, err := OpenPair(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if f.Source != filepath.ToSlash(p.Source) || f.Doc.Path != filepath.ToSlash(p.Target) || f.Doc.SourceLang != language.Chinese || f.Doc.TargetLang != language.English {
				t.Errorf("source %q, path %q, languages %v>%v", f.Source, f.Doc.Path, f.Doc.SourceLang, f.Doc.TargetLang)
			}
			var b strings.Builder
			for i := range f.Doc.Segments {
				s := &f.Doc.Segments[i]
				sp, tp := s.Locate(pipeline.Source, 0), s.Locate(pipeline.Target, 0)
				fmt.Fprintf(&b, "%s %d-%d %q %d:%d > %q %d:%d\n", s.ID, s.Align.Source, s.Align.Target, s.Source, sp.Line, sp.Column, s.Target, tp.Line, tp.Column)
			}
			if b.String() != tt.want {
				t.Errorf("segments\n got %s\nwant %s", b.String(), tt.want)
			}
			checkPair(t, p, f)
			checkPairWriteBack(t, p, f)
		})
	}
}

// checkPair checks the segments of a pair's document against both files.
func checkPair(t *testing.T, p Pair, f *File) {
	t.Helper()
	src, err := Open(p.Source, Options{})
	if err != nil {
		t.Fatal(err)
	}
	bySide := func(side pipeline.Side) *pipeline.Document {
		d := &pipeline.Document{Path: f.Doc.Path, Format: f.Doc.Format}
		for _, s := range f.Doc.Segments {
			if side == pipeline.Source {
				s.Target, s.TargetLoc, s.TargetSkip = s.Source, s.SourceLoc, s.SourceSkip
			}
			s.Source = ""
			d.Segments = append(d.Segments, s)
		}
		return d
	}
	checkDocument(t, src.text, bySide(pipeline.Source))
	checkDocument(t, f.text, bySide(pipeline.Target))
}

// checkPairWriteBack writes a new target into every segment of a pair and
// reads the pair again.
func checkPairWriteBack(t *testing.T, p Pair, f *File) {
	t.Helper()
	if out, err := f.Bytes(nil); err != nil || string(out) != string(f.raw) {
		t.Fatalf("Bytes(nil) = %q, %v", out, err)
	}
	targets := map[int]string{}
	for i := range f.Doc.Segments {
		targets[i] = fmt.Sprintf("Sentence %d.", i+1)
	}
	out, err := f.Bytes(targets)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p.Target, out); err != nil {
		t.Fatal(err)
	}
	g, err := OpenPair(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The beads may differ (the sentences are new), not the sentences.
	var got, want []string
	for _, s := range g.Doc.Segments {
		for _, sp := range segment.Sentences(s.Target) {
			got = append(got, s.Target[sp.Start:sp.End])
		}
	}
	for i := range f.Doc.Segments {
		want = append(want, targets[i])
	}
	if !slices.Equal(got, want) {
		t.Errorf("target sentences after writing %q, want %q\n%s", got, want, out)
	}
	checkPair(t, p, g)
}

func TestOpenPairWriteErrors(t *testing.T) {
	dir := t.TempDir()
	p := Pair{Source: filepath.Join(dir, "a.zh.md"), Target: filepath.Join(dir, "a.en.md")}
	os.WriteFile(p.Source, []byte("我们反对战争。战争并非不可避免。\n"), 0o644)
	os.WriteFile(p.Target, []byte("We're against war. War is not inevitable.\n"), 0o644)
	f, err := OpenPair(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for targets, want := range map[string]string{
		"# Title":  "corpus: write " + f.Doc.Path + ": the new targets change the structure of the file: paragraph 1 reads back as a heading, not a paragraph",
		"a\nb":     "corpus: write " + f.Doc.Path + ": segment 1: an aligned target takes no line break",
		" spaced ": "corpus: write " + f.Doc.Path + ": segment 1: white space at the start or end of an aligned target would be lost",
	} {
		if _, err := f.Bytes(map[int]string{0: targets}); err == nil || err.Error() != want {
			t.Errorf("Bytes(%q) error %v, want %s", targets, err, want)
		}
	}
}

// TestOpenPairPartnerEncoding: an English file with two Chinese characters
// gives too little evidence to detect GB18030; it is read in the encoding
// detected for its Chinese partner. Forcing UTF-8 keeps the error.
func TestOpenPairPartnerEncoding(t *testing.T) {
	dir := t.TempDir()
	p := Pair{Source: filepath.Join(dir, "n.zh.txt"), Target: filepath.Join(dir, "n.en.txt")}
	zh := "美国酝酿退出北约\n\n美国计划削减约200个驻北约人员职位。北大西洋理事会将在布鲁塞尔举行会议。\n"
	if err := os.WriteFile(p.Source, mustEncode(t, "gb18030", zh), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p.Target, mustEncode(t, "gb18030", "US is酝酿 Leaving NATO\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(p.Target, Options{}); err == nil {
		t.Fatal("the English file alone was decoded; the test needs one too short to detect")
	}
	f, err := OpenPair(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Encoding.Name != "gb18030" || f.Doc.Segments[0].Target != "US is酝酿 Leaving NATO" {
		t.Errorf("encoding %s, first target %q", f.Encoding.Name, f.Doc.Segments[0].Target)
	}
	if _, err := OpenPair(p, Options{Encoding: "utf-8"}); err == nil || !strings.Contains(err.Error(), "invalid UTF-8") {
		t.Errorf("forced UTF-8: err = %v, want a decoding error", err)
	}
}
