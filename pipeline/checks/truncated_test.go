package checks

import (
	"context"
	"fmt"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

func TestLastMarkAndWord(t *testing.T) {
	tests := []struct {
		text     string
		mark     rune
		lastWord string
	}{
		{"He said so.", '.', "so"},
		{"“We will come back.” ", '.', "back"},
		{"the conclusion of", 'f', "of"},
		{"the state may ", 'y', "may"},
		{"our products, ”", ',', "products"},
		{"北约成立于1949年，", '，', "北约成立于1949年"},
		{"the world’s", 's', "world’s"},
		{"", 0xFFFD, ""},
	}
	for _, tt := range tests {
		r, at := lastMark(tt.text)
		if r != tt.mark {
			t.Errorf("lastMark(%q) = %q, want %q", tt.text, r, tt.mark)
			continue
		}
		if at < 0 {
			continue
		}
		w := lastWord(tt.text, at+len(string(r)))
		if got := tt.text[w.Start:w.End]; got != tt.lastWord {
			t.Errorf("lastWord(%q) = %q, want %q", tt.text, got, tt.lastWord)
		}
	}
}

func TestUnclosedMark(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{`He said "yes" and left.`, -1},
		{`the report "Patent Navigation.`, 11},
		{"the report “Patent Navigation.", 11},
		{"《条例》第26条", -1},
		{"(see above", 0},
		{"a (b [c] d) e", -1},
	}
	for _, tt := range tests {
		if got := unclosedMark(tt.text); got != tt.want {
			t.Errorf("unclosedMark(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestTruncatedSigns runs truncated on one segment at a time: each sign
// alone, and its near misses.
func TestTruncatedSigns(t *testing.T) {
	long := "北大西洋理事会是北约的主要政治决策机构，由各成员国的常驻代表组成，每周至少举行一次会议，其决定均以协商一致方式作出。"
	tests := []struct {
		name, source, target string
		want                 string // the flagged text, "" for nothing
	}{
		{"dangling article", "会议通过了新的计划。", "The meeting adopted the", "the"},
		{"dangling conjunction", "会议通过了新的计划。", "The meeting adopted a new plan and", "and"},
		{"word that can end", "游客人数一直在上升。", "The number of visitors has kept going up", ""},
		{"no final stop, full length", "会议通过了新的计划。", "The meeting adopted a new plan", ""},
		{"headline source", "会议通过新计划", "The meeting adopts a new plan and", ""},
		{"comma, short", long, "The North Atlantic Council is NATO's main body,", ","},
		{"comma, full length", "他说：“我们希望消费者看到并购买我们的产品。”", "\"We hope consumers will see and buy our products,\"", ""},
		{"far too short", long, "The North Atlantic Council is NATO's main body", "body"},
		{"complete sentence, short", long, "The North Atlantic Council is NATO's main body.", ""},
		{"unclosed quote, short", long, "He said the \"North Atlantic Council is NATO's main body.", "\""},
		{"quotation going on", "但我本人却对中国充满信心。", "\"But I have faith in China.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &pipeline.Document{Path: "t.jsonl", Segments: []pipeline.Segment{{ID: "1", Source: tt.source, Target: tt.target}}}
			fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{Truncated}, &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English})
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.want == "" && len(fs) > 0:
				t.Errorf("got %q: %s; want nothing", fs[0].Text, fs[0].Message)
			case tt.want != "" && (len(fs) != 1 || fs[0].Text != tt.want):
				t.Errorf("got %+v, want one finding on %q", fs, tt.want)
			}
		})
	}
}

func ExampleTruncated() {
	doc := &pipeline.Document{Path: "mt.jsonl", Segments: []pipeline.Segment{{
		ID:     "1",
		Source: "中国队背负着夺冠压力，状态反而可能会出现起伏。",
		Target: "The Chinese team is under pressure to win the title, and its form may",
	}}}
	cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English}
	fs, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{Truncated}, cfg)
	for _, f := range fs {
		fmt.Printf("%s %s %q\n", f.Severity, f.Category, f.Text)
	}
	// Output:
	// major accuracy/omission "may"
}

// unclosedMarkReference is unclosedMark written plainly, rune by rune:
// FuzzUnclosedMark compares the two.
func unclosedMarkReference(text string) int {
	type open struct {
		r   rune
		off int
	}
	var stack []open
	straight, lastStraight := 0, -1
	for i, r := range text {
		if r == '"' {
			straight++
			lastStraight = i
			continue
		}
		if truncationCloser(r) != 0 {
			stack = append(stack, open{r, i})
			continue
		}
		for k := len(stack) - 1; k >= 0; k-- {
			if truncationCloser(stack[k].r) == r {
				stack = stack[:k]
				break
			}
		}
	}
	if len(stack) > 0 {
		return stack[len(stack)-1].off
	}
	if straight%2 == 1 {
		return lastStraight
	}
	return -1
}

func FuzzUnclosedMark(f *testing.F) {
	for _, s := range []string{"He said (that", "“Yes,” he said", "[a] (b", "《北约》（", "\"a\" \"b", "(]", "\xff(\xe2\x80", "「a『b」", "He said that.", "a) b]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := unclosedMark(text), unclosedMarkReference(text); got != want {
			t.Errorf("unclosedMark(%q) = %d, the plain version says %d", text, got, want)
		}
	})
}
