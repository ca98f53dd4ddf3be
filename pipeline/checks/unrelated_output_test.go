package checks

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"unicode"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
	"github.com/tqa-project/tqa/pipeline/numerals"
)

func TestLatinWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"首批45辆Apollo与一汽红旗联合研发的“红旗EV”Robotaxi车队", []string{"Apollo", "EV", "Robotaxi"}},
		{"配备了FJD-6A型伞钻和U.S.标准", []string{"FJD-6A", "U.S"}},
		{"2019年A股上市公司", nil},
		{"Café Müller在北京开业", []string{"Café", "Müller"}},
	}
	for _, tt := range tests {
		if got := latinWords(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("latinWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNumberKept(t *testing.T) {
	tests := []struct {
		source, target string
		want           bool
	}{
		{"45辆", "forty-five taxis", true},
		{"1.5万元", "15,000 yuan", true},
		{"2019年9月28日", "on 28 September 2019", true},
		{"2019年9月28日", "in 2019", true},
		{"百分之五十", "50%", true},
		{"1000亿元", "100 million yuan", false},
		{"35家", "twelve companies", false},
	}
	for _, tt := range tests {
		src := numerals.Extract(tt.source, language.Chinese)
		if len(src) == 0 {
			t.Fatalf("no number in %q", tt.source)
		}
		if got := numberKept(src[0], numerals.Extract(tt.target, language.English)); got != tt.want {
			t.Errorf("numberKept(%q in %q) = %v, want %v", tt.source, tt.target, got, tt.want)
		}
	}
}

// TestUnrelatedOutputThreshold checks the share of anchors a target may
// keep and still be reported.
func TestUnrelatedOutputThreshold(t *testing.T) {
	source := "2019年9月28日，百度Apollo与一汽红旗联合研发的45辆Robotaxi在长沙开始试运营，共有12条线路，覆盖300个站点，其中30个在市区，投资8亿元。"
	tests := []struct {
		target string
		want   bool
	}{
		{"The weather in the capital will remain sunny and warm throughout the week, forecasters said on Monday, and the temperatures at night will stay mild, so that people can enjoy the parks and the riverside until late in the evening.", true},
		{"The weather in the capital will remain sunny and warm throughout 2019, forecasters said on Monday, and the temperatures at night will stay mild, so that people can enjoy the parks and the riverside until late in the evening.", true},
		{"The weather in the capital will remain sunny and warm throughout 2019 at Apollo, forecasters said on Monday, and the temperatures at night will stay mild, so that people can enjoy the parks and the riverside until late in the evening.", false},
		{"Two lines and a few stops.", false}, // too short to judge
	}
	for _, tt := range tests {
		doc := &pipeline.Document{Path: "t.jsonl", Segments: []pipeline.Segment{{ID: "1", Source: source, Target: tt.target}}}
		fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{UnrelatedOutput}, &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(fs) == 1; got != tt.want {
			t.Errorf("%q: reported %v, want %v (%+v)", tt.target, got, tt.want, fs)
		}
	}
}

func ExampleUnrelatedOutput() {
	doc := &pipeline.Document{Path: "mt.jsonl", Segments: []pipeline.Segment{{
		ID:     "1",
		Source: "2019年9月28日，百度Apollo与一汽红旗联合研发的45辆Robotaxi在长沙开始试运营。",
		Target: "The weather in the capital will remain sunny and warm throughout the week, forecasters said on Monday.",
	}}}
	cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English}
	fs, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{UnrelatedOutput}, cfg)
	for _, f := range fs {
		fmt.Printf("%s %s\n%s\n", f.Severity, f.Category, f.Message)
	}
	// Output:
	// critical accuracy/non-translation
	// target keeps 0 of the 4 numbers, names, terms and links of its source (it lacks “2019年9月28日”, “45”, “Apollo”, “Robotaxi”): it does not look like a translation of this source
}

// sourceInLatinReference is how unrelated-output first told a source
// written in Latin, with a loop of its own; it now takes letterCounts.
func sourceInLatinReference(text string) bool {
	var latin, other int
	for _, r := range text {
		script, letter := letterScript(r)
		if !letter {
			continue
		}
		if script == langid.Latin {
			latin++
		} else {
			other++
		}
	}
	return latin >= other
}

// FuzzLetterCounts checks letterCounts against sourceInLatinReference and
// a count of its own of each script's letters.
func FuzzLetterCounts(f *testing.F) {
	for _, s := range []string{"首批45辆Apollo车队", "Café Müller", "北约 NATO", "Привет мир", "かなカナ漢字", "，。、「」", "\xe4\xb8", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		han, latin, other := letterCounts(text)
		if got, want := latin >= han+other, sourceInLatinReference(text); got != want {
			t.Fatalf("letterCounts(%q) = %d, %d, %d: in Latin %v, want %v", text, han, latin, other, got, want)
		}
		var h, l, o int
		for _, r := range text {
			switch script, letter := letterScript(r); {
			case !letter:
			case script == langid.Han:
				h++
			case script == langid.Latin:
				l++
			default:
				o++
			}
		}
		if h != han || l != latin || o != other {
			t.Fatalf("letterCounts(%q) = %d, %d, %d, want %d, %d, %d", text, han, latin, other, h, l, o)
		}
	})
}

// TestNumberKey checks numberKey against the fmt.Sprintf forms it writes.
func TestNumberKey(t *testing.T) {
	for _, text := range []string{"2019年9月28日", "下午3点45分", "5至10个", "三十多", "1.5万", "百分之五十", "第一", "三分之一", "2025年"} {
		for _, n := range numerals.Extract(text, language.Chinese) {
			var want string
			switch n.Kind {
			case numerals.Date, numerals.Time:
				want = fmt.Sprintf("%s %d-%d-%d %d:%d", n.Kind, n.Year, n.Month, n.Day, n.Hour, n.Minute)
			case numerals.Range, numerals.Approximate:
				want = fmt.Sprintf("%s %s-%s", n.Kind, n.Value, n.High)
			default:
				want = fmt.Sprintf("%s %s", n.Kind, n.Value)
			}
			if got := numberKey(n); got != want {
				t.Errorf("numberKey(%q) = %q, want %q", text[n.Start:n.End], got, want)
			}
		}
	}
}

// TestLatinWordRune compares latinWordRune with the test it stands for on
// every character.
func TestLatinWordRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || langid.Of(r) == langid.Latin && unicode.IsLetter(r)
		if got := latinWordRune(r); got != want {
			t.Fatalf("latinWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// numberKeptRef is numberKept as first written, with the atoms of each
// number in a new slice: the reference that numberKept must agree with.
func numberKeptRef(n numerals.Number, tnums []numerals.Number) bool {
	atoms := func(x numerals.Number) []numerals.Number {
		return append([]numerals.Number{x}, x.Parts...)
	}
	for _, a := range atoms(n) {
		for _, t := range tnums {
			for _, b := range atoms(t) {
				if sameValue(a, b) || a.Kind == numerals.Year && b.Value == a.Value {
					return true
				}
			}
		}
	}
	return false
}

func FuzzNumberKept(f *testing.F) {
	for _, s := range [][2]string{
		{"2019年9月3日，1.5万人", "On 3 September 2019, 15,000 people"},
		{"下午3点到5点", "from 3 to 5 p.m."},
		{"1998年", "in 1998 and 2001"},
		{"约三百人", "about 300 people, 20-30%"},
		{"5-10公里", "5 to 10 km on May 4"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, source, target string) {
		tnums := numerals.Extract(target, language.English)
		for _, n := range numerals.Extract(source, language.Chinese) {
			if got, want := numberKept(n, tnums), numberKeptRef(n, tnums); got != want {
				t.Fatalf("numberKept(%q in %q) = %v, want %v", source[n.Start:n.End], target, got, want)
			}
		}
	})
}
