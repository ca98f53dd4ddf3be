package checks

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/width"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

func TestProseWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Brussels", 1},
		{"Jens Stoltenberg", 2},
		{"NATO KFOR U.S.", 0},
		{"iPhone 15 Pro Max", 2},
		{"config.json v2 user_name a/b", 1}, // "config.json": no code character, one word
		{"Save your changes.", 3},
		{"“Quoted” (words), here!", 3},
		{"1949 — 2024", 0},
		{"a\ufffcb", 2},
	}
	for _, tt := range tests {
		if got := proseWords(tt.text); got != tt.want {
			t.Errorf("proseWords(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestIsCodeLike(t *testing.T) {
	for tok, want := range map[string]bool{
		"iPhone": true, "JavaScript": true, "MP3": true, "v2": true, "user_name": true,
		"a/b": true, "{count}": true, "%s": true, "x=1": true,
		"Brussels": false, "taxi": false, "NATO": false, "McDonald": true, "O'Neil": false,
	} {
		if got := isCodeLike(tok); got != want {
			t.Errorf("isCodeLike(%q) = %v, want %v", tok, got, want)
		}
	}
}

func TestCopyKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Open the File", "open the file."},
		{"ＮＡＴＯ", "NATO"},
		{"北约秘书长，斯托尔滕贝格", "北约秘书长 斯托尔滕贝格。"},
		{"a\ufffcb", "a b"},
	}
	for _, tt := range tests {
		if copyKey(tt.a) != copyKey(tt.b) {
			t.Errorf("copyKey(%q) = %q, copyKey(%q) = %q: want equal", tt.a, copyKey(tt.a), tt.b, copyKey(tt.b))
		}
	}
	if copyKey("Open the file") == copyKey("Ouvrez le fichier") {
		t.Error("different texts have the same key")
	}
}

// TestJudgeUntranslated covers what the scenarios cannot set: non-prose
// spans and undetermined languages.
func TestJudgeUntranslated(t *testing.T) {
	tests := []struct {
		name string
		seg  pipeline.Segment
		want untranslatedWhy
	}{
		{"copy of prose", pipeline.Segment{Source: "Read the manual first, please.", Target: "Read the manual first, please.",
			SourceLang: language.English, TargetLang: language.French}, sameAsSource},
		{"copy wholly in non-prose spans", pipeline.Segment{Source: "Read the manual first, please.", Target: "Read the manual first, please.",
			SourceLang: language.English, TargetLang: language.French, TargetSkip: []pipeline.Span{{Start: 0, End: 30}}}, translated},
		{"copy partly in non-prose spans", pipeline.Segment{Source: "Read the manual first, please.", Target: "Read the manual first, please.",
			SourceLang: language.English, TargetLang: language.French, TargetSkip: []pipeline.Span{{Start: 0, End: 4}}}, sameAsSource},
		{"undetermined languages", pipeline.Segment{Source: "Read the manual first, please.", Target: "Read the manual first, please."}, sameAsSource},
		{"same language", pipeline.Segment{Source: "Read the manual first, please.", Target: "Read the manual first, please.",
			SourceLang: language.AmericanEnglish, TargetLang: language.BritishEnglish}, translated},
		{"Han in a Japanese target", pipeline.Segment{Source: "北约峰会明天在布鲁塞尔举行", Target: "北约峰会明天在布鲁塞尔举行",
			SourceLang: language.Chinese, TargetLang: language.Japanese}, translated},
		{"kana copied into English", pipeline.Segment{Source: "ありがとうございます", Target: "ありがとうございます",
			SourceLang: language.Japanese, TargetLang: language.English}, sameAsSource},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := judgeUntranslated(&tt.seg, langid.Runs(tt.seg.Target))
			if got.why != tt.want {
				t.Errorf("got %v, want %v", got.why, tt.want)
			}
		})
	}
}

func TestUntranslatedSegmentHeading(t *testing.T) {
	doc := &pipeline.Document{Path: "t.jsonl", Segments: []pipeline.Segment{
		{ID: "1", Kind: pipeline.Heading, Source: "北约峰会", Target: "北约峰会"},
		{ID: "2", Source: "北约峰会", Target: "北约峰会"},
	}}
	cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English}
	fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{UntranslatedSegment}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].Severity != pipeline.Critical || fs[1].Severity != pipeline.Major {
		t.Errorf("got %+v, want critical in the heading, major elsewhere", fs)
	}
}

func ExampleUntranslatedSegment() {
	doc := &pipeline.Document{Path: "demo.jsonl", Segments: []pipeline.Segment{
		{ID: "1", Source: "北约秘书长", Target: "北约秘书长"},
		{ID: "2", Source: "布鲁塞尔", Target: "Brussels"},
	}}
	cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English}
	fs, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{UntranslatedSegment}, cfg)
	for _, f := range fs {
		fmt.Printf("%s %s: %s\n", f.ID, f.Severity, f.Message)
	}
	// Output:
	// 1 major: target is a copy of the source, not translated into English: “北约秘书长”
}

// FuzzSameCopyKey checks sameCopyKey and copyKey against the definition:
// the letters, digits and marks of the width-folded text, lower-cased.
func FuzzSameCopyKey(f *testing.F) {
	for _, s := range [][2]string{{"Open the FILE", "open the file!"}, {"ＮＡＴＯ　２０２５", "NATO 2025"}, {"北约", "北约。"}, {"123", "123"}, {"Ǆ", "ǆ"}} {
		f.Add(s[0], s[1])
	}
	key := func(text string) string {
		var b strings.Builder
		for _, c := range width.Fold.String(text) {
			if unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) {
				b.WriteRune(unicode.ToLower(c))
			}
		}
		return b.String()
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		if copyKey(a) != key(a) {
			t.Fatalf("copyKey(%q) = %q, want %q", a, copyKey(a), key(a))
		}
		want := key(a) == key(b) && strings.IndexFunc(key(a), unicode.IsLetter) >= 0
		if got := sameCopyKey(a, b); got != want {
			t.Fatalf("sameCopyKey(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}

// TestNextKeyRuneHan checks the short cut of nextKeyRune for the CJK
// Unified Ideographs: each is a letter that width folding and lower
// casing leave as it is, so it is its own key.
func TestNextKeyRuneHan(t *testing.T) {
	for r := rune(cjkUnifiedFirst); r <= cjkUnifiedLast; r++ {
		f := r
		if w := width.LookupRune(r).Folded(); w != 0 {
			f = w
		}
		if f != r || !unicode.IsLetter(r) || unicode.ToLower(r) != r {
			t.Fatalf("%U: folded %U, letter %v, lower %U", r, f, unicode.IsLetter(r), unicode.ToLower(r))
		}
		if got, next := nextKeyRune("。"+string(r), 0); got != r || next != len("。"+string(r)) {
			t.Fatalf("nextKeyRune of %U = %U, %d", r, got, next)
		}
	}
}
