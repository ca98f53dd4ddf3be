package checks

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/readings"
)

// pinyinWordsPlain is pinyinWords without its quick path for words of
// ASCII letters (asciiPinyin): pinyinWords must return what it returns on
// every text.
func pinyinWordsPlain(text string, names bool) []pinyinWord {
	var out []pinyinWord
	for i := 0; i < len(text); {
		if b := text[i]; b < utf8.RuneSelf && !asciiLetter(b) {
			i++
			continue
		}
		c, n := utf8.DecodeRuneInString(text[i:])
		if !isPinyinLetter(c) {
			i += n
			continue
		}
		start := i
		end := i
		for end < len(text) {
			b := text[end]
			if b < utf8.RuneSelf && (asciiLetter(b) || b >= '0' && b <= '9') {
				end++
				continue
			}
			if b < utf8.RuneSelf && b != '\'' {
				break // ASCII that is not a letter, a digit or an apostrophe ends the word
			}
			c, n := utf8.DecodeRuneInString(text[end:])
			if isPinyinLetter(c) || c >= '0' && c <= '9' || unicode.Is(unicode.Mn, c) {
				end += n
				continue
			}
			if (c == '\'' || c == '’') && end+n < len(text) {
				if d, _ := utf8.DecodeRuneInString(text[end+n:]); isPinyinLetter(d) {
					end += n
					continue
				}
			}
			break
		}
		i = end
		word := text[start:end]
		// possessive 's: Xi's
		if word[len(word)-1] == 's' {
			for _, poss := range [...]string{"'s", "’s"} {
				if strings.HasSuffix(word, poss) {
					word = word[:len(word)-len(poss)]
				}
			}
		}
		first, _ := utf8.DecodeRuneInString(word)
		name := unicode.IsUpper(first)
		if name && !names || !mayBePinyin(word) || !standaloneWord(text, start, end) || englishWord(word) {
			continue
		}
		w, ok := readings.ParseWord(word)
		if !ok {
			continue
		}
		out = append(out, pinyinWord{
			span: pipeline.Span{Start: start, End: start + len(word)},
			text: word,
			w:    w,
			name: name,
		})
	}
	return out
}

// asciiPinyinPlain is what asciiPinyin answers, by readings.ParseWord.
func asciiPinyinPlain(word string) bool {
	_, ok := readings.ParseWord(word)
	return ok
}

// TestASCIIPinyin compares asciiPinyin with readings.ParseWord on the
// syllables in both cases, pairs of them (every one that starts with a,
// e or o second, a quarter of the others), some triples, English words, and
// every word of one to three letters.
func TestASCIIPinyin(t *testing.T) {
	words := []string{"", "the", "strength", "xian", "xiang", "xianggang", "Zhongnanhai", "ZHONGNANHAI", "guanxi",
		"tianan", "tiananmen", "erhai", "ernü", "yun", "zhuangzhuang", "shuangshuangshuang", "v", "lve", "nüe"}
	syls := readings.Syllables()
	for _, a := range syls {
		words = append(words, a, strings.ToUpper(a), strings.ToUpper(a[:1])+a[1:])
		for k, b := range syls {
			if k%4 == 0 || strings.ContainsAny(b[:1], "aeo") {
				words = append(words, a+b)
			}
		}
		for _, b := range syls[:4] {
			for _, c := range syls[len(syls)-4:] {
				words = append(words, a+b+c, a+c+b)
			}
		}
	}
	letters := "abcdefghijklmnopqrstuvwxyzAZ"
	for _, a := range letters {
		words = append(words, string(a))
		for _, b := range letters {
			words = append(words, string(a)+string(b))
			for _, c := range letters {
				words = append(words, string(a)+string(b)+string(c))
			}
		}
	}
	for _, w := range words {
		if !asciiLetters(w) {
			continue
		}
		if got, want := asciiPinyin(w), asciiPinyinPlain(w); got != want {
			t.Errorf("asciiPinyin(%q) = %v, ParseWord says %v", w, got, want)
		}
	}
}

func asciiLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if !asciiLetter(w[i]) {
			return false
		}
	}
	return true
}

// FuzzASCIIPinyin checks that asciiPinyin agrees with readings.ParseWord
// on any word of ASCII letters.
func FuzzASCIIPinyin(f *testing.F) {
	for _, s := range []string{"guanxi", "STRENGTH", "xian", "Tiananmen", "zhuangzhuang", "anger", "v", "aoe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if !asciiLetters(w) {
			return
		}
		if got, want := asciiPinyin(w), asciiPinyinPlain(w); got != want {
			t.Errorf("asciiPinyin(%q) = %v, ParseWord says %v", w, got, want)
		}
	})
}

// pinyinWordsTexts are texts for the comparison of pinyinWords with the
// plain version: words of ASCII letters that end at a digit, an
// apostrophe, a letter outside ASCII, a space, punctuation or the end.
var pinyinWordsTexts = []string{
	"The guanxi between them.", "Xi's zhongguo meng", "yun4niang4 and yùnniàng", "https://x.org/guanxi #tianxia",
	"ü'ü'", "a’b", "Zhongnanhai", "Yi\xa00", "xi'an Xi’an xian's guanxi’s", "guanxi2 guanxi", "meixi lake, xiong'an new area",
	"ruyi-scepters", "tianxia\u00a0order", "Tianxia.com zhongguo@x", "she ta ni", "guanxié guanxi\u0301", "hao\xff", "a",
	"ZHONGGUO meng", "you are here", "timetime remobilize", "ma_ma ma/ma ma\\ma ma=ma", "#guanxi @zhongguo",
}

// TestPinyinWordsPlain compares pinyinWords with the plain version on
// the texts above and the check's scenarios.
func TestPinyinWordsPlain(t *testing.T) {
	texts := append([]string(nil), pinyinWordsTexts...)
	for _, s := range readings.Syllables()[:60] {
		texts = append(texts, s+" "+s+"s "+strings.ToUpper(s)+". "+s+"'"+s+" "+s+"1"+s)
	}
	for _, text := range texts {
		comparePinyinWords(t, text)
	}
}

func comparePinyinWords(t *testing.T, text string) {
	t.Helper()
	for _, names := range []bool{false, true} {
		if got, want := pinyinWords(text, names), pinyinWordsPlain(text, names); !reflect.DeepEqual(got, want) {
			t.Fatalf("pinyinWords(%q, %v) = %v, the plain version says %v", text, names, got, want)
		}
	}
}

// FuzzPinyinWordsPlain checks that pinyinWords agrees with the plain
// version on any text.
func FuzzPinyinWordsPlain(f *testing.F) {
	for _, s := range pinyinWordsTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		comparePinyinWords(t, text)
	})
}

// BenchmarkPinyinWords finds the pinyin words of the English targets of
// the Tatoeba pairs (29,153 sentences), with the quick path for words of
// ASCII letters and without it (the plain version). Skipped when
// ../shared is absent.
func BenchmarkPinyinWords(b *testing.B) {
	var targets []string
	for _, p := range loadTatoebaZhEn(b) {
		targets = append(targets, p.en)
	}
	for _, bc := range []struct {
		name  string
		words func(string, bool) []pinyinWord
	}{{"quick", pinyinWords}, {"plain", pinyinWordsPlain}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(bytesOf(targets))
			b.ReportAllocs()
			found := 0
			for b.Loop() {
				found = 0
				for _, t := range targets {
					found += len(bc.words(t, false))
				}
			}
			b.ReportMetric(float64(found), "words/op")
		})
	}
}
