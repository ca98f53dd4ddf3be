package checks

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/width"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// TestWorstRepetition checks what repetition-loop takes for a loop, with
// and without a source, and the letters it takes for the repeated run.
func TestWorstRepetition(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		bilingual bool
		want      string // the repeated letters, folded; "" for nothing
		copies    int
	}{
		{"loop of a phrase", "we discussed trade, trade and investment, trade and investment, trade and investment today", true, "tradeandinvestmenttradeandinvestment", 3},
		{"two copies with a source", "he should relax by saying that he should relax by saying that he should relax the tension", true, "heshouldrelaxbysayingthat", 2},
		{"two copies without a source", "he should relax by saying that he should relax by saying that he should relax the tension", false, "", 0},
		{"single word, few copies", "never, never, never, never, never give up", true, "", 0},
		{"single word, many copies", "no no no no no no no no no no no", true, "nononononononononono", 11},
		{"numbers only", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", true, "", 0},
		{"step by step", "step by step, again and again, more and more", true, "", 0},
		{"short title", "New York, New York", true, "", 0},
		{"long double", "The first batch of driverless taxis developed by Baidu and FAW, The first batch of driverless taxis developed by Baidu and FAW began operating.", true, "thefirstbatchofdriverlesstaxisdevelopedbybaiduandfaw", 2},
		{"Chinese loop", "银行推出了金融产品金融产品金融产品金融产品", true, "金融产品金融产品金融产品", 4},
		{"loop cut at the end", "the products of the bank, the products of the bank, the products of the ba", true, "theproductsofthebanktheproductsoftheba", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lf, ok := worstRepetition(tt.text, tt.bilingual)
			if tt.want == "" {
				if ok {
					s := newLetterStream(tt.text)
					t.Fatalf("got %q (%d copies), want nothing", string(s.r[lf.from:lf.to]), lf.copies)
				}
				return
			}
			if !ok {
				t.Fatalf("got nothing, want %q", tt.want)
			}
			s := newLetterStream(tt.text)
			if got := string(s.r[lf.from:lf.to]); got != tt.want || lf.copies != tt.copies {
				t.Errorf("got %q (%d copies), want %q (%d copies)", got, lf.copies, tt.want, tt.copies)
			}
		})
	}
}

// TestRepetitionLoopSource checks that a source that repeats as much
// keeps a target's repetition from being reported.
func TestRepetitionLoopSource(t *testing.T) {
	target := "Happy birthday to you, happy birthday to you, happy birthday to you!"
	tests := []struct {
		source string
		want   int
	}{
		{"祝你生日快乐，祝你生日快乐，祝你生日快乐！", 0},
		{"祝你生日快乐！", 1},
	}
	for _, tt := range tests {
		doc := &pipeline.Document{Path: "t.jsonl", Segments: []pipeline.Segment{{ID: "1", Source: tt.source, Target: target}}}
		fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{RepetitionLoop}, &pipeline.Config{SourceLang: language.Chinese})
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != tt.want {
			t.Errorf("source %q: %d findings, want %d", tt.source, len(fs), tt.want)
		}
	}
}

// FuzzRepetitionLoop checks that repetition-loop's findings have valid
// spans and that its fix leaves text shorter than it was.
func FuzzRepetitionLoop(f *testing.F) {
	for _, s := range []string{
		"the bank, the bank, the bank, the bank, the bank",
		"金融产品金融产品金融产品金融产品",
		"ＮＡＴＯ ＮＡＴＯ ＮＡＴＯ ＮＡＴＯ ＮＡＴＯ ＮＡＴＯ",
		"a\uFFFCa\uFFFCa",
		"",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, bilingual bool) {
		if !utf8.ValidString(text) {
			return
		}
		lf, ok := worstRepetition(text, bilingual)
		if !ok {
			return
		}
		seg := &pipeline.Segment{Target: text}
		if bilingual {
			seg.Source = "源"
		}
		p := &pipeline.Pass{Check: RepetitionLoop, Config: &pipeline.Config{}}
		fd := loopReport(p, seg, lf)
		if !fd.Span.Valid(text) || fd.Span.Len() == 0 {
			t.Fatalf("invalid span %v in %q", fd.Span, text)
		}
		for _, fix := range fd.Fixes {
			if got := fix.Apply(text); len(got) >= len(text) || !strings.HasPrefix(text, got[:fd.Span.Start]) {
				t.Fatalf("fix of %q gives %q", text, got)
			}
		}
	})
}

func ExampleRepetitionLoop() {
	doc := &pipeline.Document{Path: "mt.jsonl", Segments: []pipeline.Segment{{
		ID:     "1",
		Source: "会议讨论了本地区的贸易、投资与合作问题。",
		Target: "The meeting discussed trade, investment and cooperation, investment and cooperation, investment and cooperation in the region.",
	}}}
	cfg := &pipeline.Config{SourceLang: language.Chinese, TargetLang: language.English}
	fs, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{RepetitionLoop}, cfg)
	for _, f := range fs {
		fmt.Printf("%s %s %q\n", f.Severity, f.Category, f.Text)
		fmt.Println(f.Fixes[0].Apply(doc.Segments[0].Target))
	}
	// Output:
	// major accuracy/addition ", investment and cooperation, investment and cooperation"
	// The meeting discussed trade, investment and cooperation in the region.
}

// BenchmarkWorstRepetition reads the English and the Chinese sentences of
// the Tatoeba pairs for loops, one call a sentence as the check does.
// Skipped when ../shared is absent.
func BenchmarkWorstRepetition(b *testing.B) {
	pairs := loadTatoebaZhEn(b)
	for _, side := range []string{"en", "zh"} {
		b.Run(side, func(b *testing.B) {
			texts := make([]string, len(pairs))
			size := 0
			for i, p := range pairs {
				texts[i] = p.en
				if side == "zh" {
					texts[i] = p.zh
				}
				size += len(texts[i])
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					worstRepetition(t, true)
				}
			}
		})
	}
}

// TestFindRepetitionsMin checks the sampling search against the plain one:
// the same runs in the same order, less the runs shorter than minRun.
func TestFindRepetitionsMin(t *testing.T) {
	texts := []string{
		"",
		"a",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"the bank's financial products, the bank's financial products, the bank's financial products",
		"he should relaxby saying that he should relax",
		"祝你生日快乐，祝你生日快乐，祝你生日快乐",
		"abcabcabdabcabcabcxyzxyzxyzxyzabababababab",
		"never, never, never, never, never, never, never",
	}
	for _, text := range texts {
		s := newLetterStream(text)
		for _, minRun := range []int{1, 2, 3, 5, 16} {
			var want, got []repetition
			findRepetitions(&s, func(r repetition) {
				if r.length >= minRun {
					want = append(want, r)
				}
			})
			findRepetitionsMin(s.r, minRun, func(r repetition) bool { got = append(got, r); return true })
			if !slices.Equal(got, want) {
				t.Errorf("%q, minRun %d: got %v, want %v", text, minRun, got, want)
			}
		}
	}
}

// fillReference is letterStream.fill as first written, with appends:
// FuzzLetterStream checks fill, which writes by index, against it.
func fillReference(s *letterStream, text string) {
	s.r, s.start, s.end, s.cum = nil, nil, nil, []float64{0}
	s.maxWeight = 1
	for i := 0; i < len(text); {
		if b := text[i]; b < utf8.RuneSelf {
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			if 'a' <= b && b <= 'z' || '0' <= b && b <= '9' {
				s.r = append(s.r, rune(b))
				s.start = append(s.start, i)
				s.end = append(s.end, i+1)
				s.cum = append(s.cum, s.cum[len(s.cum)-1]+1)
			}
			i++
			continue
		}
		c, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			w := 1.0
			if isCJKScript(langid.Of(c)) {
				w = cjkWeight
				s.maxWeight = cjkWeight
			}
			f := unicode.ToLower(c)
			if k := width.LookupRune(c).Kind(); k == width.EastAsianFullwidth || k == width.EastAsianHalfwidth {
				if r, _ := utf8.DecodeRuneInString(width.Fold.String(string(c))); r != utf8.RuneError {
					f = unicode.ToLower(r)
				}
			}
			s.r = append(s.r, f)
			s.start = append(s.start, i)
			s.end = append(s.end, i+n)
			s.cum = append(s.cum, s.cum[len(s.cum)-1]+w)
		}
		i += n
	}
}

// FuzzLetterStream checks letterStream.fill against fillReference, on a
// fresh stream and on one reused after a longer text.
func FuzzLetterStream(f *testing.F) {
	for _, s := range []string{"", "The bank, THE bank", "金融产品ＮＡＴＯ１２", "a\uFFFCb\xe3\x80", "ﾃｽﾄ 42"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var want letterStream
		fillReference(&want, text)
		var fresh letterStream
		fresh.fill(text)
		reused := newLetterStream(strings.Repeat("Zz金", len(text)+1))
		reused.fill(text)
		for _, got := range []*letterStream{&fresh, &reused} {
			if !slices.Equal(got.r, want.r) || !slices.Equal(got.start, want.start) || !slices.Equal(got.end, want.end) ||
				!slices.Equal(got.cum, want.cum) || got.maxWeight != want.maxWeight {
				t.Fatalf("fill(%q) = %+v, want %+v", text, *got, want)
			}
		}
	})
}

// FuzzNoRepetitionASCII checks the pre-test of worstRepetition against the
// search it spares: noRepetitionASCII is true exactly for the ASCII texts
// of at most asciiRepeatMax bytes whose letter stream has no run that
// worstRepetitionStream would look at, and then worstRepetitionStream
// finds nothing. The fuzzed text is made ASCII by clearing the high bit of
// each byte unless raw is set, and repeated copies times.
func FuzzNoRepetitionASCII(f *testing.F) {
	for _, s := range []string{
		"Hello, how are you?",
		"the bank's financial products, the bank's financial products",
		"never, never, never, never, never, never",
		"abcdefghijklmnop abcdefghijklmnop",
		"abcdefghijklmno abcdefghijklmno",
		"0123456789012345678901234567890123456789",
		"That’s what we heard.",
		"",
	} {
		f.Add(s, false, uint8(1))
	}
	f.Add("he should relax ", false, uint8(3))
	f.Add("x", false, uint8(200))
	f.Fuzz(func(t *testing.T, text string, raw bool, copies uint8) {
		if !raw {
			b := []byte(text)
			for i := range b {
				b[i] &= 0x7f
			}
			text = string(b)
		}
		text = strings.Repeat(text, int(copies%8)+1)
		s := newLetterStream(text)
		run := false
		findRepetitionsMin(s.r, int(loopMinUnits/s.maxWeight), func(repetition) bool {
			run = true
			return false
		})
		want := asciiText(text) && len(text) <= asciiRepeatMax && !run
		if got := noRepetitionASCII(text); got != want {
			t.Fatalf("noRepetitionASCII(%q) = %v, want %v", text, got, want)
		}
		if want {
			for _, bilingual := range []bool{false, true} {
				if lf, ok := worstRepetitionStream(text, bilingual); ok {
					t.Fatalf("worstRepetitionStream(%q, %v) = %+v, where noRepetitionASCII found no run", text, bilingual, lf)
				}
			}
		}
	})
}
