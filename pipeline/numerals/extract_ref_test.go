package numerals

import (
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// extractGeneral is Extract without its shortcuts: it asks the scanner at
// every character, where Extract skips the characters that start no
// number, the inside of words and the words that hold none (numberless,
// articleMayRead), and sets up no scanner for a text without a possible
// start.
func extractGeneral(text string, lang language.Tag) []Number {
	sc := newScanner(text, lang)
	s := &sc
	var out []Number
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		n, end, ok := s.at(i)
		if end > i {
			if ok {
				out = append(out, n)
				if e, found := measureWords.prefixAt(text, end); found && isHanNumeral(s.runeAt(end)) {
					end = e
				}
			}
			i = end
			continue
		}
		i += size
	}
	s.attachUnits(out)
	return out
}

// plainWords is words as it was before its index by two characters: the
// words by their first character only, longest first.
type plainWords map[rune][]string

func plainWordSet(s words) plainWords {
	p := plainWords{}
	for _, list := range s.byPrefix {
		for _, w := range list {
			r, _ := utf8.DecodeRuneInString(w)
			p[r] = append(p[r], w)
		}
	}
	for _, list := range p {
		sort.Slice(list, func(a, b int) bool { return len(list[a]) > len(list[b]) })
	}
	return p
}

func (p plainWords) prefixAt(text string, i int) (int, bool) {
	if i >= len(text) {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	for _, w := range p[r] {
		if strings.HasPrefix(text[i:], w) {
			return i + len(w), true
		}
	}
	return 0, false
}

// refTexts are texts for the comparisons: the scenarios of
// numerals_test.go are covered by its own tests; these add articles,
// words around numerals and text ends.
var refTexts = []string{
	"a quarter past seven", "A quarter to eight", "an eighth of it", "a hundred people", "A Thousand Suns",
	"a third time", "a  hundred", "a-hundred", "a", "an", "A an AN aN", "a halves", "a fifths of", "a millions",
	"I saw a man.", "half an hour", "a dozen eggs", "a couple", "a pair", "a bit", "a trillion", "an hour",
	"一起去吃了三个苹果", "一模一样的", "百分之百赞成", "第二天", "十一黄金周", "一", "一一", "三明", "三明治",
	"万一", "统一", "1100千伏", "两三天", "十几个", "数十亿", "上千人", "星期一", "每周一次", "“十一”",
	"\xe4\xb8", "一\xff", "一点儿", "五角大楼", "六本木",
}

// compareTexts returns refTexts and, unless testing.Short, the Tatoeba
// sentences of ../../../shared.
func compareTexts(t *testing.T) []string {
	texts := append([]string(nil), refTexts...)
	if testing.Short() {
		return texts
	}
	data, err := os.ReadFile("../../../shared/data/tatoeba_cmn_eng.tsv")
	if err != nil {
		return texts
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		f := strings.Split(line, "\t")
		texts = append(texts, f[:min(len(f), 2)]...)
	}
	return texts
}

// TestExtractGeneral compares Extract with extractGeneral.
func TestExtractGeneral(t *testing.T) {
	found := 0
	for _, text := range compareTexts(t) {
		for _, lang := range []language.Tag{language.English, language.Chinese, language.German} {
			got, want := Extract(text, lang), extractGeneral(text, lang)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Extract(%q, %v) = %v, the general path %v", text, lang, got, want)
			}
			found += len(got)
		}
	}
	if found == 0 {
		t.Error("no number found")
	}
}

// TestWordsPrefix compares words.prefixAt and covering with the plain
// search by first character at every byte of the texts.
func TestWordsPrefix(t *testing.T) {
	texts := compareTexts(t)
	for name, set := range map[string]words{"measureWords": measureWords, "hanNotNumbers": hanNotNumbers, "hanWeakWords": hanWeakWords} {
		plain := plainWordSet(set)
		for _, text := range texts {
			for i := 0; i <= len(text); i++ {
				e1, ok1 := set.prefixAt(text, i)
				e2, ok2 := plain.prefixAt(text, i)
				if e1 != e2 || ok1 != ok2 {
					t.Fatalf("%s.prefixAt(%q, %d) = %d, %v; plain %d, %v", name, text, i, e1, ok1, e2, ok2)
				}
				checkCovering(t, name, set, text, i)
			}
		}
	}
}

// coveringPlain is words.covering without its stop at a character that
// no word holds: it looks back the length of the longest word.
func coveringPlain(s words, text string, i int) (start, end int, ok bool) {
	best := -1
	for st := i; st >= 0 && i-st < s.longest; {
		if e, found := s.prefixAt(text, st); found && e > i && e-st > best {
			start, end, ok, best = st, e, true, e-st
		}
		if st == 0 {
			break
		}
		_, size := utf8.DecodeLastRuneInString(text[:st])
		st -= size
	}
	return start, end, ok
}

// checkCovering compares set.covering with coveringPlain at byte i of
// text.
func checkCovering(t *testing.T, name string, set words, text string, i int) {
	s1, e1, ok1 := set.covering(text, i)
	s2, e2, ok2 := coveringPlain(set, text, i)
	if s1 != s2 || e1 != e2 || ok1 != ok2 {
		t.Fatalf("%s.covering(%q, %d) = %d, %d, %v; plain %d, %d, %v", name, text, i, s1, e1, ok1, s2, e2, ok2)
	}
}

// FuzzExtractGeneral compares Extract with extractGeneral on any text.
func FuzzExtractGeneral(f *testing.F) {
	for _, s := range refTexts {
		f.Add(s, "en")
		f.Add(s, "zh")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		tag, err := language.Parse(lang)
		if err != nil {
			tag = language.Und
		}
		want := extractGeneral(text, tag)
		if got := Extract(text, tag); !reflect.DeepEqual(got, want) {
			t.Fatalf("Extract(%q, %v) = %v, the general path %v", text, tag, got, want)
		}
		prefix := []Number{{Start: 1, End: 2, Value: "7"}}
		if got := AppendExtract(prefix, text, tag); !reflect.DeepEqual(got, append(prefix, want...)) {
			t.Fatalf("AppendExtract(%v, %q, %v) = %v, want the prefix and %v", prefix, text, tag, got, want)
		}
		for name, set := range map[string]words{"measureWords": measureWords, "hanNotNumbers": hanNotNumbers, "hanWeakWords": hanWeakWords} {
			plain := plainWordSet(set)
			for i := 0; i <= len(text); i++ {
				e1, ok1 := set.prefixAt(text, i)
				e2, ok2 := plain.prefixAt(text, i)
				if e1 != e2 || ok1 != ok2 {
					t.Fatalf("%s.prefixAt(%q, %d) = %d, %v; plain %d, %v", name, text, i, e1, ok1, e2, ok2)
				}
				checkCovering(t, name, set, text, i)
			}
		}
	})
}

// wordAtPlain is scanner.wordAt one byte at a time.
func wordAtPlain(text string, i int) (string, int) {
	if i >= len(text) {
		return "", len(text)
	}
	j := i
	for j < len(text) && isASCIILetter(rune(text[j])) {
		j++
	}
	return text[i:j], j
}

// FuzzWordAt compares scanner.wordAt, which reads eight bytes at a time,
// with wordAtPlain at every byte of a text.
func FuzzWordAt(f *testing.F) {
	f.Add("Seventeen thousand-and-one nights@[`{ZzAa\x7f\x80\xc3\xa9")
	f.Add("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
	f.Add("one Two THREE a An tenfold Manifold SeventeenTH May")
	f.Fuzz(func(t *testing.T, text string) {
		s := scanner{text: text}
		for i := 0; i <= len(text)+1; i++ {
			w1, e1 := s.wordAt(i)
			w2, e2 := wordAtPlain(text, i)
			if w1 != w2 || e1 != e2 {
				t.Fatalf("wordAt(%q, %d) = %q, %d; one by one %q, %d", text, i, w1, e1, w2, e2)
			}
			if w1 == "" {
				continue
			}
			want := englishKeywords[strings.ToLower(w1)] || strings.HasSuffix(strings.ToLower(w1), "fold")
			if got := maybeKeyword(w1); got != want {
				t.Fatalf("maybeKeyword(%q) = %v, want %v", w1, got, want)
			}
		}
	})
}

// TestASCIILetters8 checks asciiLetters8 against isASCIILetter for every
// byte in every position.
func TestASCIILetters8(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			b := []byte("a1b2c3d4")
			b[pos] = byte(c)
			m := asciiLetters8(string(b), 0)
			for k := 0; k < 8; k++ {
				want := isASCIILetter(rune(b[k]))
				if got := m>>(8*k+7)&1 == 1; got != want {
					t.Fatalf("asciiLetters8(%q): byte %d letter %v, want %v", b, k, got, want)
				}
			}
		}
	}
}

// TestInHanRun checks inHanRun and isFinancial against the maps and the
// string they stand for, over the Basic Multilingual Plane.
func TestInHanRun(t *testing.T) {
	for r := rune(0); r < 1<<16; r++ {
		_, d := hanDigits[r]
		_, u := hanUnits[r]
		_, sc := hanScales[r]
		if want := d || u || sc || r == '几' || r == '幾'; inHanRun(r) != want {
			t.Errorf("inHanRun(%q) = %v, want %v", r, !want, want)
		}
		if want := strings.ContainsRune(financial, r); isFinancial(r) != want {
			t.Errorf("isFinancial(%q) = %v, want %v", r, !want, want)
		}
	}
}

// inIdiomPlain is scanner.inIdiom without its test of the number's words.
func inIdiomPlain(text string, i, end int) bool {
	lo := max(0, i-24)
	window := strings.ToLower(text[lo:min(len(text), end+24)])
	for _, id := range englishIdioms {
		for k := 0; ; {
			j := strings.Index(window[k:], id)
			if j < 0 {
				break
			}
			st := lo + k + j
			if st <= i && end <= st+len(id) {
				return true
			}
			k += j + 1
		}
	}
	return false
}

// FuzzInIdiom compares scanner.inIdiom with inIdiomPlain on every span of
// a short text.
func FuzzInIdiom(f *testing.F) {
	for _, s := range []string{"A stitch in time Saves Nine.", "kill two birds with one stone", "It's fifty-fifty.",
		"at sixes and sevens", "ten to one he wins", "on cloud nine", "İ ten to one", "TWO PEAS IN A POD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 80 {
			text = text[:80]
		}
		s := scanner{text: text}
		for i := 0; i < len(text); i++ {
			for end := i + 1; end <= len(text); end++ {
				if got, want := s.inIdiom(i, end), inIdiomPlain(text, i, end); got != want {
					t.Fatalf("inIdiom(%q, %d, %d) = %v, want %v", text, i, end, got, want)
				}
			}
		}
	})
}

// TestArticleShapes checks that the quick test of articleMayRead lets
// every word of articleNext through, in any case, and that it agrees with
// the look-up alone on words of every shape.
func TestArticleShapes(t *testing.T) {
	var words []string
	for w := range articleNext {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	words = append(words, "a", "big", "thirds", "thirdly", "hundreds", "quart", "e", "billions")
	for _, w := range words {
		s := newScanner("a "+w, language.English)
		want := len(w) <= 16 && articleNext[strings.ToLower(w)]
		if got := s.articleMayRead(1); got != want {
			t.Errorf("articleMayRead(%q) = %v, want %v", "a "+w, got, want)
		}
	}
}

// romanPlain is scanner.roman without the test of the three bytes before
// a single capital's space: every one of romanWords is looked for.
func romanPlain(text string, i int, w string) int {
	if len(w) == 0 || len(w) > 6 || !onlyIVX(w) {
		return 0
	}
	v := romanValue(w)
	if v == 0 {
		return 0
	}
	if len(w) == 1 {
		if i < 1 || text[i-1] != ' ' {
			return 0
		}
		for _, rw := range romanWords {
			if strings.HasSuffix(text[:i-1], rw) {
				return v
			}
		}
		return 0
	}
	return v
}

// FuzzRoman compares scanner.roman with romanPlain at every word of a
// text.
func FuzzRoman(f *testing.F) {
	for _, s := range []string{"World War I and World War II", "Article V, Chapter X, Part I", "Then I said I", "and I",
		"Schedule I", "Act I", "Annex V", "xAct I", "Round  I", "ar I", "War I", "Level IX", "I", " I", "Type V Class X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := scanner{text: text}
		for i := 0; i < len(text); i++ {
			w, _ := s.wordAt(i)
			if got, want := s.roman(i, w), romanPlain(text, i, w); got != want {
				t.Fatalf("roman(%q, %d, %q) = %d, want %d", text, i, w, got, want)
			}
		}
	})
}

// TestMaxNumbers checks that Extract returns no more numbers than
// MaxNumbers allows, and that the bound is reached (counting up to a
// limit) on texts full of numbers.
func TestMaxNumbers(t *testing.T) {
	for _, text := range compareTexts(t) {
		checkMaxNumbers(t, text)
	}
	for _, tt := range []struct {
		text  string
		limit int
		want  int
	}{
		{"没有数字。", 3, 0}, {"两个人", 3, 1}, {"一二三四五", 3, 3}, {"1 2", 3, 2}, {"two words", 5, 2},
		{"éa", 3, 1}, {"x-1", 5, 3}, {"第一", 5, 2}, {"\xe4\xb8", 3, 0}, {"", 3, 0},
	} {
		if got := MaxNumbers(tt.text, tt.limit); got != tt.want {
			t.Errorf("MaxNumbers(%q, %d) = %d, want %d", tt.text, tt.limit, got, tt.want)
		}
	}
}

// checkMaxNumbers fails when Extract returns more numbers for text, in any
// of a few languages, than MaxNumbers allows.
func checkMaxNumbers(t *testing.T, text string) {
	bound := MaxNumbers(text, len(text)+1)
	for _, lang := range []language.Tag{language.English, language.Chinese, language.German, language.Und} {
		if n := len(Extract(text, lang)); n > bound {
			t.Fatalf("Extract(%q, %v) returns %d numbers, MaxNumbers %d", text, lang, n, bound)
		}
	}
	for limit := 0; limit <= 4; limit++ {
		if got := MaxNumbers(text, limit); got != min(bound, limit) {
			t.Fatalf("MaxNumbers(%q, %d) = %d, want %d", text, limit, got, min(bound, limit))
		}
	}
}

// FuzzMaxNumbers checks MaxNumbers against Extract on any text.
func FuzzMaxNumbers(f *testing.F) {
	for _, s := range refTexts {
		f.Add(s)
	}
	f.Fuzz(checkMaxNumbers)
}

// TestMayRead checks that mayRead lets every keyword through, in any
// case, and that it says no only where numberless says yes.
func TestMayRead(t *testing.T) {
	s := newScanner("", language.English)
	for k := range englishKeywords {
		for _, w := range []string{k, strings.ToUpper(k), strings.ToUpper(k[:1]) + k[1:]} {
			if !s.mayRead(0, w) {
				t.Errorf("mayRead(%q) = false for a keyword", w)
			}
		}
	}
	for _, text := range compareTexts(t) {
		checkMayRead(t, text)
	}
}

// checkMayRead fails where mayRead says no for a word of text that
// numberless would not skip, in English, Chinese or German.
func checkMayRead(t *testing.T, text string) {
	for _, lang := range []language.Tag{language.English, language.Chinese, language.German} {
		s := newScanner(text, lang)
		for i := 0; i < len(text); i++ {
			w, end := s.wordAt(i)
			if w != "" && !s.mayRead(i, w) && !s.numberless(i, w, end) {
				t.Fatalf("mayRead(%q) = false at %d of %q in %v, but numberless says no", w, i, text, lang)
			}
		}
	}
}

// FuzzMayRead checks mayRead against numberless on any text.
func FuzzMayRead(f *testing.F) {
	for _, s := range refTexts {
		f.Add(s)
	}
	f.Add("Seventeen SEVENTEENTH twofold Manifold Ix XIV vi May mAy second")
	f.Fuzz(checkMayRead)
}
