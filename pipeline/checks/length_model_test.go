package checks

import (
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

func TestCountLength(t *testing.T) {
	tests := []struct {
		text string
		want lengthCount
	}{
		{"", lengthCount{}},
		{"NATO was founded in 1949.", lengthCount{Letters: 16, Digits: 4}},
		{"北约成立于1949年。", lengthCount{CJK: 6, Digits: 4}},
		{"２０２０年", lengthCount{CJK: 1, Digits: 4}},
		{"東京タワーに行きました", lengthCount{CJK: 11}},
		{"서울에서", lengthCount{CJK: 4}},
		{"Москва, café", lengthCount{Letters: 10}},
		{"a\ufffcb — “c”", lengthCount{Letters: 3}},
	}
	for _, tt := range tests {
		if got := countLength(tt.text); got != tt.want {
			t.Errorf("countLength(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
	if u := (lengthCount{CJK: 2, Letters: 3, Digits: 1}).units(); math.Abs(u-(2*cjkWeight+4)) > 1e-9 {
		t.Errorf("units = %v", u)
	}
}

func TestLengthLanguage(t *testing.T) {
	tests := []struct {
		tag  language.Tag
		text string
		want language.Tag
	}{
		{language.French, "北约", language.French},
		{language.Und, "北约成立于1949年", language.Chinese},
		{language.Und, "北约 NATO", language.Chinese},
		{language.Und, "NATO was founded", language.English},
		{language.Und, "東京タワー", language.Und},
		{language.Und, "Москва", language.Und},
		{language.Und, "1949", language.Und},
	}
	for _, tt := range tests {
		if got := lengthLanguage(tt.tag, tt.text); got != tt.want {
			t.Errorf("lengthLanguage(%v, %q) = %v, want %v", tt.tag, tt.text, got, tt.want)
		}
	}
}

func TestLengthModelFor(t *testing.T) {
	for _, tt := range []struct {
		src, tgt language.Tag
		want     *lengthModel
	}{
		{language.Chinese, language.English, &zhEnLengthModel},
		{language.Make("zh-Hant-TW"), language.BritishEnglish, &zhEnLengthModel},
		{language.English, language.Make("zh-Hans"), &enZhLengthModel},
		{language.English, language.French, nil},
		{language.Japanese, language.English, nil},
	} {
		m, ok := lengthModelFor(tt.src, tt.tgt)
		if m != tt.want || ok != (tt.want != nil) {
			t.Errorf("lengthModelFor(%v, %v) = %p, %v; want %p", tt.src, tt.tgt, m, ok, tt.want)
		}
	}
}

// zhEnSegment returns a Chinese–English segment whose target holds t
// letters, in words of five.
func zhEnSegment(source string, t int) pipeline.Segment {
	var b strings.Builder
	for i := 0; i < t; i++ {
		if i > 0 && i%5 == 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('a')
	}
	return pipeline.Segment{Source: source, Target: b.String(), SourceLang: language.Chinese, TargetLang: language.English}
}

// TestScoreLengthsDocumentLevel checks that a document is measured
// against its own level: a target 1.8 times as long as the model expects
// stands out alone, and not among forty others like it.
func TestScoreLengthsDocumentLevel(t *testing.T) {
	src := strings.Repeat("北约成立于布鲁塞尔", 4) // 36 characters
	n := countLength(src).units()
	long := int(math.Round(1.8 * zhEnLengthModel.expected(n, 0)))
	alone := scoreLengths([]pipeline.Segment{zhEnSegment(src, long)}).score(0)
	var segs []pipeline.Segment
	for range 40 {
		segs = append(segs, zhEnSegment(src, long))
	}
	among := scoreLengths(segs).score(0)
	if !alone.OK || !among.OK {
		t.Fatal("not scored")
	}
	if alone.Z < 2 || among.Z > 1 {
		t.Errorf("z alone %.2f (want > 2), among its like %.2f (want < 1)", alone.Z, among.Z)
	}
	if among.Expected <= alone.Expected {
		t.Errorf("expected length alone %.1f, in the long document %.1f: want longer there", alone.Expected, among.Expected)
	}
	// An outlier does not move its document's level much: the others
	// still find it extreme.
	segs = segs[:0]
	for range 20 {
		segs = append(segs, zhEnSegment(src, int(math.Round(zhEnLengthModel.expected(n, 0)))))
	}
	segs = append(segs, zhEnSegment(src, 3))
	sc := scoreLengths(segs).z
	if z := sc[len(sc)-1].Z; z > -zExtreme {
		t.Errorf("a 3-letter target of a 36-character source: z = %.2f, want below %v", z, -zExtreme)
	}
	if z := sc[0].Z; math.Abs(z) > 1 {
		t.Errorf("a typical target next to an outlier: z = %.2f", z)
	}
}

func TestScoreLengthsNotScored(t *testing.T) {
	segs := []pipeline.Segment{
		{Source: "", Target: "Only a target", TargetLang: language.English},
		{Source: "北约", Target: "", SourceLang: language.Chinese, TargetLang: language.English},
		{Source: "北约", Target: "—", SourceLang: language.Chinese, TargetLang: language.English},
		{Source: "——", Target: "NATO", SourceLang: language.Chinese, TargetLang: language.English},
		{Source: "NATO", Target: "OTAN", SourceLang: language.English, TargetLang: language.French},
	}
	for i, sc := range scoreLengths(segs).z {
		if sc.OK {
			t.Errorf("segment %d scored: %+v", i, sc)
		}
	}
}

func BenchmarkScoreLengths(b *testing.B) {
	segs := make([]pipeline.Segment, 1000)
	size := 0
	for i := range segs {
		segs[i] = pipeline.Segment{
			Source:     "北大西洋理事会是北约的主要政治决策机构，由各成员国的常驻代表组成。",
			Target:     "The North Atlantic Council is NATO's principal political decision-making body and is made up of the permanent representatives of its member countries.",
			SourceLang: language.Chinese, TargetLang: language.English,
		}
		size += len(segs[i].Source) + len(segs[i].Target)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		scoreLengths(segs)
	}
}

// TestLetterScript checks the short cuts of letterScript against
// langid.Of and unicode.IsLetter on every code point.
func TestLetterScript(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		script, letter := letterScript(r)
		if script != langid.Of(r) || letter != unicode.IsLetter(r) {
			t.Fatalf("letterScript(%U) = %v, %v; want %v, %v", r, script, letter, langid.Of(r), unicode.IsLetter(r))
		}
	}
}

// TestDecodeRune3 compares decodeRune3 with utf8.DecodeRuneInString on
// every three-byte lead and valid and invalid continuations.
func TestDecodeRune3(t *testing.T) {
	tails := []string{"", "\x80", "\x80\x80", "\xbf\xbf", "\x80\x7f", "\xc0\x80", "\x9f\xbf", "\xa0\x80", "\x80\x80x"}
	for b := 0xc0; b <= 0xff; b++ {
		for _, tail := range tails {
			text := "a" + string([]byte{byte(b)}) + tail
			r, n := decodeRune3(text, 1)
			wr, wn := utf8.DecodeRuneInString(text[1:])
			if r != wr || n != wn {
				t.Errorf("decodeRune3(%q, 1) = %U, %d; want %U, %d", text, r, n, wr, wn)
			}
		}
	}
	for _, s := range []string{"北", "\u4e00", "\u9fff", "\ufffd", "\uffff", "\u3042"} {
		if r, n := decodeRune3(s, 0); string(r) != s || n != len(s) {
			t.Errorf("decodeRune3(%q, 0) = %U, %d", s, r, n)
		}
	}
}

// TestPunctuationCJK checks that countLength and lengthLanguage may skip
// what punctuationCJK names: no letter, no digit, no character of a CJK
// script, and not the prolonged sound mark.
func TestPunctuationCJK(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !punctuationCJK(r) {
			continue
		}
		n++
		if unicode.IsLetter(r) || unicode.IsDigit(r) || isCJKScript(langid.Of(r)) || r == 'ー' || r == 'ｰ' {
			t.Errorf("punctuationCJK(%U) = true, but it is a letter, a digit or CJK", r)
		}
	}
	for _, r := range "，。、？！：；（）《》「」“”—…" {
		if !punctuationCJK(r) {
			t.Errorf("punctuationCJK(%q) = false", r)
		}
	}
	if n < 90 {
		t.Errorf("only %d marks", n)
	}
}

// TestCount32 checks that a count too large for a lengthCount stops at
// math.MaxInt32.
func TestCount32(t *testing.T) {
	tests := []struct {
		n    int
		want int32
	}{{0, 0}, {7, 7}, {math.MaxInt32, math.MaxInt32}, {math.MaxInt32 + 1, math.MaxInt32}, {1 << 40, math.MaxInt32}}
	for _, tt := range tests {
		if got := count32(tt.n); got != tt.want {
			t.Errorf("count32(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

// TestLengthScoreSize keeps a lengthZ, of which a document holds one a
// segment, at 24 bytes.
func TestLengthScoreSize(t *testing.T) {
	if n := unsafe.Sizeof(lengthZ{}); n > 24 {
		t.Errorf("a lengthZ takes %d bytes, want at most 24", n)
	}
}

// FuzzCountLengthAndLetters checks countLengthAndLetters against
// countLength and letterCounts.
func FuzzCountLengthAndLetters(f *testing.F) {
	for _, s := range []string{"", "NATO was founded in 1949.", "北约成立于1949年。", "２０２０年", "東京タワーに行きました", "서울에서", "Москва, café", "a\ufffcb — “c”", "ｰー\xe4\xb8", "𠀀𠀁 ΑΒΓ ١٢٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c, han, latin, other := countLengthAndLetters(text)
		wc := countLength(text)
		wh, wl, wo := letterCounts(text)
		if c != wc || han != wh || latin != wl || other != wo {
			t.Fatalf("countLengthAndLetters(%q) = %+v, %d, %d, %d; want %+v, %d, %d, %d", text, c, han, latin, other, wc, wh, wl, wo)
		}
	})
}

// TestCountLengthAndLettersRunes checks countLengthAndLetters against
// countLength and letterCounts on every character.
func TestCountLengthAndLettersRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		text := string(r)
		c, han, latin, other := countLengthAndLetters(text)
		wc := countLength(text)
		wh, wl, wo := letterCounts(text)
		if c != wc || han != wh || latin != wl || other != wo {
			t.Fatalf("countLengthAndLetters(%q) = %+v, %d, %d, %d; want %+v, %d, %d, %d", text, c, han, latin, other, wc, wh, wl, wo)
		}
	}
}

// countLengthRef is countLength as first written, byte by byte for ASCII:
// the reference for its eight-bytes-at-a-time form.
func countLengthRef(text string) lengthCount {
	var c struct{ CJK, Letters, Digits int }
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			switch {
			case 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z':
				c.Letters++
			case '0' <= b && b <= '9':
				c.Digits++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case isCJKScript(langid.Of(r)) || r == 'ー' || r == 'ｰ':
			c.CJK++
		case unicode.IsLetter(r):
			c.Letters++
		case unicode.IsDigit(r):
			c.Digits++
		}
	}
	return lengthCount{CJK: count32(c.CJK), Letters: count32(c.Letters), Digits: count32(c.Digits)}
}

// TestCountLengthASCII8 puts every byte at every place of texts of 8 to
// 17 bytes, so that each is counted both eight at a time and alone.
func TestCountLengthASCII8(t *testing.T) {
	base := []byte("Ab3 z9Z.Q0x-Mm7 _")
	for n := 8; n <= len(base); n++ {
		for k := 0; k < n; k++ {
			for b := 0; b < 256; b++ {
				text := append([]byte(nil), base[:n]...)
				text[k] = byte(b)
				if got, want := countLength(string(text)), countLengthRef(string(text)); got != want {
					t.Fatalf("countLength(%q) = %+v, want %+v", text, got, want)
				}
			}
		}
	}
}

func FuzzCountLengthASCII8(f *testing.F) {
	for _, s := range []string{"", "NATO was founded in 1949.", "北约成立于1949年。", "abcdefgh12345678@[`{/:", "Tom's 2nd car — it's 10 years old.", "ｰー\xe4\xb8 ABCDEFGHIJ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := countLength(text), countLengthRef(text); got != want {
			t.Fatalf("countLength(%q) = %+v, want %+v", text, got, want)
		}
	})
}

// BenchmarkCountLength counts a few English sentences of the Tatoeba
// pairs, the targets of the reference file.
func BenchmarkCountLength(b *testing.B) {
	texts := []string{"Tom said he didn't want to go to Boston with Mary.", "I'd like to buy 3 tickets, please.", "Hi.", "What time is it now?"}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			countLength(t)
		}
	}
}

// FuzzASCIIText checks asciiText, asciiWithout and withoutBytes against
// a test of each byte.
func FuzzASCIIText(f *testing.F) {
	for _, s := range []string{"", "Hello, world.", "exactly8", "sixteen bytes ok", "seven b\xe2", "That’s it", "北约", "abcdefgh\x80", "He said (that", "a ~ b, c~d", "Say \"yes\" [now]", "!#$%&'*+,-./\x00\x7f", "北约：name，{名字} %！", "\xff\x80\xa5\xa4\xbb\xba"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := true
		for i := 0; i < len(text); i++ {
			if text[i] >= 0x80 {
				want = false
			}
		}
		if got := asciiText(text); got != want {
			t.Fatalf("asciiText(%q) = %v, want %v", text, got, want)
		}
		for _, marks := range []string{"\"([", "~~~", "\x00\x7f "} {
			without := want && !strings.ContainsAny(text, marks)
			if got := asciiWithout(text, marks[0], marks[1], marks[2]); got != without {
				t.Fatalf("asciiWithout(%q, %q) = %v, want %v", text, marks, got, without)
			}
		}
		for _, marks := range []string{"%${:", "\x00\x7f a", "~~~~"} {
			without := !strings.ContainsAny(text, marks)
			if got := withoutBytes(text, marks[0], marks[1], marks[2], marks[3]); got != without {
				t.Fatalf("withoutBytes(%q, %q) = %v, want %v", text, marks, got, without)
			}
		}
	})
}
