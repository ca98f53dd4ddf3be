package langid

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
	"github.com/shopspring/decimal"
)

// This file computes the confidences of lingua-go v1.4.0's
// LanguageDetector in its low-accuracy mode
// (ComputeLanguageConfidenceValues of a detector built WithLowAccuracyMode,
// lingua-go's detector.go) from the compact tables of ngrams.go, so that
// no process builds lingua's detector, whose models lingua decodes from
// protocol buffers into maps of strings (about 120 ms for the eight
// candidates of a Chinese-English run). The steps, rules and arithmetic are
// lingua's; TestConfidencesMatchLingua compares the two on thousands of
// texts. The tables of scripts and letters below are lingua-go's (Apache-2.0,
// alphabet.go, language.go and constant.go of v1.4.0).

// linguaAlphabet is one of the scripts by which lingua's rules tell
// languages apart, in lingua's order (its alphabet.go).
type linguaAlphabet uint8

const (
	alphaArabic linguaAlphabet = iota
	alphaArmenian
	alphaBengali
	alphaCyrillic
	alphaDevanagari
	alphaGeorgian
	alphaGreek
	alphaGujarati
	alphaGurmukhi
	alphaHan
	alphaHangul
	alphaHebrew
	alphaHiragana
	alphaKatakana
	alphaLatin
	alphaTamil
	alphaTelugu
	alphaThai
	numAlphabets
)

// alphabetScripts are the Unicode scripts of the alphabets (lingua's
// regular expressions \p{Arabic} and so on).
var alphabetScripts = [numAlphabets]*unicode.RangeTable{
	unicode.Arabic, unicode.Armenian, unicode.Bengali, unicode.Cyrillic,
	unicode.Devanagari, unicode.Georgian, unicode.Greek, unicode.Gujarati,
	unicode.Gurmukhi, unicode.Han, unicode.Hangul, unicode.Hebrew,
	unicode.Hiragana, unicode.Katakana, unicode.Latin, unicode.Tamil,
	unicode.Telugu, unicode.Thai,
}

// alphabetSet is a set of alphabets, one bit each.
type alphabetSet uint32

func (s alphabetSet) has(a linguaAlphabet) bool { return s&(1<<a) != 0 }

// linguaAlphabets returns the alphabets that lingua gives lang (its
// Language.alphabets).
func linguaAlphabets(lang lingua.Language) alphabetSet {
	switch lang {
	case lingua.Afrikaans, lingua.Albanian, lingua.Azerbaijani, lingua.Basque,
		lingua.Bokmal, lingua.Bosnian, lingua.Catalan, lingua.Croatian,
		lingua.Czech, lingua.Danish, lingua.Dutch, lingua.English,
		lingua.Esperanto, lingua.Estonian, lingua.Finnish, lingua.French,
		lingua.Ganda, lingua.German, lingua.Hungarian, lingua.Icelandic,
		lingua.Indonesian, lingua.Irish, lingua.Italian, lingua.Latin,
		lingua.Latvian, lingua.Lithuanian, lingua.Malay, lingua.Maori,
		lingua.Nynorsk, lingua.Polish, lingua.Portuguese, lingua.Romanian,
		lingua.Shona, lingua.Slovak, lingua.Slovene, lingua.Somali,
		lingua.Sotho, lingua.Spanish, lingua.Swahili, lingua.Swedish,
		lingua.Tagalog, lingua.Tsonga, lingua.Tswana, lingua.Turkish,
		lingua.Vietnamese, lingua.Welsh, lingua.Xhosa, lingua.Yoruba,
		lingua.Zulu:
		return 1 << alphaLatin
	case lingua.Belarusian, lingua.Bulgarian, lingua.Kazakh, lingua.Macedonian,
		lingua.Mongolian, lingua.Russian, lingua.Serbian, lingua.Ukrainian:
		return 1 << alphaCyrillic
	case lingua.Arabic, lingua.Persian, lingua.Urdu:
		return 1 << alphaArabic
	case lingua.Hindi, lingua.Marathi:
		return 1 << alphaDevanagari
	case lingua.Armenian:
		return 1 << alphaArmenian
	case lingua.Bengali:
		return 1 << alphaBengali
	case lingua.Chinese:
		return 1 << alphaHan
	case lingua.Georgian:
		return 1 << alphaGeorgian
	case lingua.Greek:
		return 1 << alphaGreek
	case lingua.Gujarati:
		return 1 << alphaGujarati
	case lingua.Hebrew:
		return 1 << alphaHebrew
	case lingua.Japanese:
		return 1<<alphaHiragana | 1<<alphaKatakana | 1<<alphaHan
	case lingua.Korean:
		return 1 << alphaHangul
	case lingua.Punjabi:
		return 1 << alphaGurmukhi
	case lingua.Tamil:
		return 1 << alphaTamil
	case lingua.Telugu:
		return 1 << alphaTelugu
	case lingua.Thai:
		return 1 << alphaThai
	}
	return 0
}

// linguaUniqueCharacters returns the letters that lingua ties to lang
// alone (its Language.uniqueCharacters).
func linguaUniqueCharacters(lang lingua.Language) string {
	switch lang {
	case lingua.Azerbaijani:
		return "Əə"
	case lingua.Catalan:
		return "Ïï"
	case lingua.Czech:
		return "ĚěŘřŮů"
	case lingua.Esperanto:
		return "ĈĉĜĝĤĥĴĵŜŝŬŭ"
	case lingua.German:
		return "ß"
	case lingua.Hungarian:
		return "ŐőŰű"
	case lingua.Kazakh:
		return "ӘәҒғҚқҢңҰұ"
	case lingua.Latvian:
		return "ĢģĶķĻļŅņ"
	case lingua.Lithuanian:
		return "ĖėĮįŲų"
	case lingua.Macedonian:
		return "ЃѓЅѕЌќЏџ"
	case lingua.Marathi:
		return "ळ"
	case lingua.Mongolian:
		return "ӨөҮү"
	case lingua.Polish:
		return "ŁłŃńŚśŹź"
	case lingua.Romanian:
		return "Țţ"
	case lingua.Serbian:
		return "ЂђЋћ"
	case lingua.Slovak:
		return "ĹĺĽľŔŕ"
	case lingua.Spanish:
		return "¿¡"
	case lingua.Ukrainian:
		return "ҐґЄєЇї"
	case lingua.Vietnamese:
		return "ẰằẦầẲẳẨẩẴẵẪẫẮắẤấẠạẶặẬậỀềẺẻỂểẼẽỄễẾếỆệỈỉĨĩỊịƠơỒồỜờỎỏỔổỞởỖỗỠỡỐốỚớỘộỢợƯưỪừỦủỬửŨũỮữỨứỤụỰựỲỳỶỷỸỹỴỵ"
	case lingua.Yoruba:
		return "ŌōṢṣ"
	}
	return ""
}

// charsToLanguages are the letters that lingua's filter ties to a few
// languages (its charsToLanguagesMapping, in constant.go).
var charsToLanguages = []struct {
	chars string
	langs []lingua.Language
}{
	{"Ãã", []lingua.Language{lingua.Portuguese, lingua.Vietnamese}},
	{"ĄąĘę", []lingua.Language{lingua.Lithuanian, lingua.Polish}},
	{"Żż", []lingua.Language{lingua.Polish, lingua.Romanian}},
	{"Îî", []lingua.Language{lingua.French, lingua.Romanian}},
	{"Ññ", []lingua.Language{lingua.Basque, lingua.Spanish}},
	{"ŇňŤť", []lingua.Language{lingua.Czech, lingua.Slovak}},
	{"Ăă", []lingua.Language{lingua.Romanian, lingua.Vietnamese}},
	{"İıĞğ", []lingua.Language{lingua.Azerbaijani, lingua.Turkish}},
	{"ЈјЉљЊњ", []lingua.Language{lingua.Macedonian, lingua.Serbian}},
	{"ẸẹỌọ", []lingua.Language{lingua.Vietnamese, lingua.Yoruba}},
	{"ÐðÞþ", []lingua.Language{lingua.Icelandic, lingua.Turkish}},
	{"Ûû", []lingua.Language{lingua.French, lingua.Hungarian}},
	{"Ōō", []lingua.Language{lingua.Maori, lingua.Yoruba}},

	{"ĀāĒēĪī", []lingua.Language{lingua.Latvian, lingua.Maori, lingua.Yoruba}},
	{"Şş", []lingua.Language{lingua.Azerbaijani, lingua.Romanian, lingua.Turkish}},
	{"Ďď", []lingua.Language{lingua.Czech, lingua.Romanian, lingua.Slovak}},
	{"Ćć", []lingua.Language{lingua.Bosnian, lingua.Croatian, lingua.Polish}},
	{"Đđ", []lingua.Language{lingua.Bosnian, lingua.Croatian, lingua.Vietnamese}},
	{"Іі", []lingua.Language{lingua.Belarusian, lingua.Kazakh, lingua.Ukrainian}},
	{"Ìì", []lingua.Language{lingua.Italian, lingua.Vietnamese, lingua.Yoruba}},
	{"Øø", []lingua.Language{lingua.Bokmal, lingua.Danish, lingua.Nynorsk}},

	{"Ūū", []lingua.Language{lingua.Latvian, lingua.Lithuanian, lingua.Maori, lingua.Yoruba}},
	{"Ëë", []lingua.Language{lingua.Afrikaans, lingua.Albanian, lingua.Dutch, lingua.French}},
	{"ÈèÙù", []lingua.Language{lingua.French, lingua.Italian, lingua.Vietnamese, lingua.Yoruba}},
	{"Êê", []lingua.Language{lingua.Afrikaans, lingua.French, lingua.Portuguese, lingua.Vietnamese}},
	{"Õõ", []lingua.Language{lingua.Estonian, lingua.Hungarian, lingua.Portuguese, lingua.Vietnamese}},
	{"Ôô", []lingua.Language{lingua.French, lingua.Portuguese, lingua.Slovak, lingua.Vietnamese}},
	{"ЁёЫыЭэ", []lingua.Language{lingua.Belarusian, lingua.Kazakh, lingua.Mongolian, lingua.Russian}},
	{"ЩщЪъ", []lingua.Language{lingua.Bulgarian, lingua.Kazakh, lingua.Mongolian, lingua.Russian}},
	{"Òò", []lingua.Language{lingua.Catalan, lingua.Italian, lingua.Vietnamese, lingua.Yoruba}},
	{"Ææ", []lingua.Language{lingua.Bokmal, lingua.Danish, lingua.Icelandic, lingua.Nynorsk}},
	{"Åå", []lingua.Language{lingua.Bokmal, lingua.Danish, lingua.Nynorsk, lingua.Swedish}},

	{"Ýý", []lingua.Language{lingua.Czech, lingua.Icelandic, lingua.Slovak, lingua.Turkish, lingua.Vietnamese}},
	{"Ää", []lingua.Language{lingua.Estonian, lingua.Finnish, lingua.German, lingua.Slovak, lingua.Swedish}},
	{"Àà", []lingua.Language{lingua.Catalan, lingua.French, lingua.Italian, lingua.Portuguese, lingua.Vietnamese}},
	{"Ââ", []lingua.Language{lingua.French, lingua.Portuguese, lingua.Romanian, lingua.Turkish, lingua.Vietnamese}},

	{"Üü", []lingua.Language{lingua.Azerbaijani, lingua.Catalan, lingua.Estonian, lingua.German, lingua.Hungarian, lingua.Spanish, lingua.Turkish}},
	{"ČčŠšŽž", []lingua.Language{lingua.Bosnian, lingua.Czech, lingua.Croatian, lingua.Latvian, lingua.Lithuanian, lingua.Slovak, lingua.Slovene}},
	{"Çç", []lingua.Language{lingua.Albanian, lingua.Azerbaijani, lingua.Basque, lingua.Catalan, lingua.French, lingua.Portuguese, lingua.Turkish}},

	{"Öö", []lingua.Language{lingua.Azerbaijani, lingua.Estonian, lingua.Finnish, lingua.German, lingua.Hungarian, lingua.Icelandic, lingua.Swedish, lingua.Turkish}},

	{"Óó", []lingua.Language{lingua.Catalan, lingua.Hungarian, lingua.Icelandic, lingua.Irish, lingua.Polish, lingua.Portuguese, lingua.Slovak, lingua.Spanish, lingua.Vietnamese, lingua.Yoruba}},
	{"ÁáÍíÚú", []lingua.Language{lingua.Catalan, lingua.Czech, lingua.Icelandic, lingua.Irish, lingua.Hungarian, lingua.Portuguese, lingua.Slovak, lingua.Spanish, lingua.Vietnamese, lingua.Yoruba}},

	{"Éé", []lingua.Language{lingua.Catalan, lingua.Czech, lingua.French, lingua.Hungarian, lingua.Icelandic, lingua.Irish, lingua.Italian, lingua.Portuguese, lingua.Slovak, lingua.Spanish, lingua.Vietnamese, lingua.Yoruba}},
}

// linguaWords splits lowered text into words as lingua does (its pattern
// \p{Han}|\p{Hangul}|\p{Hiragana}|\p{Katakana}|\p{L}+, leftmost first): a
// character of those four scripts alone, or else a run of letters, which
// may go on into characters of those scripts.
func linguaWords(lowered string) []string {
	var words []string
	for i := 0; i < len(lowered); {
		r, size := utf8.DecodeRuneInString(lowered[i:])
		switch {
		case r >= 0x1100 && (unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana)):
			words = append(words, lowered[i:i+size])
			i += size
		case unicode.IsLetter(r):
			j := i + size
			for j < len(lowered) {
				r, size := utf8.DecodeRuneInString(lowered[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += size
			}
			words = append(words, lowered[i:j])
			i = j
		default:
			i += size
		}
	}
	return words
}

// linguaRules holds what lingua's rules need of a set of candidates.
type linguaRules struct {
	langs []lingua.Language
	// oneLanguage are the alphabets that lingua gives a single language of
	// all it knows, when that language is a candidate, in lingua's order.
	oneLanguage []struct {
		alphabet linguaAlphabet
		lang     lingua.Language
	}
	unique []lingua.Language // the candidates with unique characters
}

func newLinguaRules(langs []lingua.Language) *linguaRules {
	r := &linguaRules{langs: langs}
	for a := range numAlphabets {
		var only lingua.Language
		n := 0
		for _, l := range lingua.AllLanguages() {
			if linguaAlphabets(l).has(a) {
				only = l
				n++
			}
		}
		if n == 1 && slices.Contains(langs, only) {
			r.oneLanguage = append(r.oneLanguage, struct {
				alphabet linguaAlphabet
				lang     lingua.Language
			}{a, only})
		}
	}
	for _, l := range langs {
		if linguaUniqueCharacters(l) != "" {
			r.unique = append(r.unique, l)
		}
	}
	return r
}

// langCount counts one language.
type langCount struct {
	lang lingua.Language
	n    int
}

// countLanguage adds one to lang's count in counts.
func countLanguage(counts []langCount, lang lingua.Language) []langCount {
	for i := range counts {
		if counts[i].lang == lang {
			counts[i].n++
			return counts
		}
	}
	return append(counts, langCount{lang, 1})
}

func hasLanguage(counts []langCount, lang lingua.Language) bool {
	return slices.ContainsFunc(counts, func(c langCount) bool { return c.lang == lang })
}

// byCount sorts counts by count, most first (ties keep their order: lingua
// looks no further than whether the first two counts differ).
func byCount(counts []langCount) {
	slices.SortStableFunc(counts, func(a, b langCount) int { return b.n - a.n })
}

// detectByRules is lingua's detectLanguageWithRules: a language that
// letters of its own script or its unique characters show in most words,
// or lingua.Unknown.
func (r *linguaRules) detectByRules(words []string) lingua.Language {
	var totalBuf, wordBuf [8]langCount
	total := totalBuf[:0]
	for _, w := range words {
		counts := wordBuf[:0]
		for _, c := range w {
			matched := false
			for _, o := range r.oneLanguage {
				if unicode.Is(alphabetScripts[o.alphabet], c) {
					counts = countLanguage(counts, o.lang)
					matched = true
					break
				}
			}
			if matched {
				continue
			}
			switch {
			case unicode.Is(unicode.Han, c):
				counts = countLanguage(counts, lingua.Chinese)
			case unicode.In(c, unicode.Hiragana, unicode.Katakana):
				counts = countLanguage(counts, lingua.Japanese)
			case unicode.In(c, unicode.Latin, unicode.Cyrillic, unicode.Devanagari):
				for _, l := range r.unique {
					if strings.ContainsRune(linguaUniqueCharacters(l), c) {
						counts = countLanguage(counts, l)
					}
				}
			}
		}
		switch {
		case len(counts) == 0:
			total = countLanguage(total, lingua.Unknown)
		case len(counts) == 1:
			if slices.Contains(r.langs, counts[0].lang) {
				total = countLanguage(total, counts[0].lang)
			} else {
				total = countLanguage(total, lingua.Unknown)
			}
		case hasLanguage(counts, lingua.Chinese) && hasLanguage(counts, lingua.Japanese):
			total = countLanguage(total, lingua.Japanese)
		default:
			byCount(counts)
			if counts[0].n > counts[1].n && slices.Contains(r.langs, counts[0].lang) {
				total = countLanguage(total, counts[0].lang)
			} else {
				total = countLanguage(total, lingua.Unknown)
			}
		}
	}
	half := 0.5 * float64(len(words))
	if i := slices.IndexFunc(total, func(c langCount) bool { return c.lang == lingua.Unknown }); i >= 0 && float64(total[i].n) < half {
		total = slices.Delete(total, i, i+1)
	}
	switch {
	case len(total) == 0:
		return lingua.Unknown
	case len(total) == 1:
		return total[0].lang
	case len(total) == 2 && hasLanguage(total, lingua.Chinese) && hasLanguage(total, lingua.Japanese):
		return lingua.Japanese
	}
	byCount(total)
	if total[0].n == total[1].n {
		return lingua.Unknown
	}
	return total[0].lang
}

// alphabetOf returns the first alphabet, in lingua's order, that has
// every character of word.
func alphabetOf(word string) (linguaAlphabet, bool) {
	for a, script := range alphabetScripts {
		all := true
		for _, c := range word {
			if !unicode.Is(script, c) {
				all = false
				break
			}
		}
		if all {
			return linguaAlphabet(a), true
		}
	}
	return 0, false
}

// filterByRules is lingua's filterLanguagesByRules: the candidates of the
// alphabet of most words, narrowed to those whose letters (charsToLanguages)
// at least half the words show. Where two alphabets tie for the most words
// and a third has fewer, lingua takes either (it sorts a map's keys); this
// takes the first in lingua's order of alphabets.
func (r *linguaRules) filterByRules(words []string) []lingua.Language {
	var counts [numAlphabets]int
	found := 0
	for _, w := range words {
		if a, ok := alphabetOf(w); ok {
			if counts[a] == 0 {
				found++
			}
			counts[a]++
		}
	}
	if found == 0 {
		return r.langs
	}
	top := linguaAlphabet(0)
	distinct := map[int]bool{}
	for a, n := range counts {
		if n == 0 {
			continue
		}
		distinct[n] = true
		if n > counts[top] {
			top = linguaAlphabet(a)
		}
	}
	if found > 1 && len(distinct) == 1 {
		return r.langs
	}
	var filtered []lingua.Language
	for _, l := range r.langs {
		if linguaAlphabets(l).has(top) {
			filtered = append(filtered, l)
		}
	}
	var langCounts []langCount
	for _, m := range charsToLanguages {
		var relevant []lingua.Language
		for _, l := range m.langs {
			if slices.Contains(filtered, l) {
				relevant = append(relevant, l)
			}
		}
		if len(relevant) == 0 {
			continue
		}
		for _, w := range words {
			for _, c := range m.chars {
				if strings.ContainsRune(w, c) {
					for _, l := range relevant {
						langCounts = countLanguage(langCounts, l)
					}
				}
			}
		}
	}
	half := 0.5 * float64(len(words))
	var subset []lingua.Language
	for _, l := range filtered { // lingua's order is a map's; the set is the same
		if i := slices.IndexFunc(langCounts, func(c langCount) bool { return c.lang == l }); i >= 0 && float64(langCounts[i].n) >= half {
			subset = append(subset, l)
		}
	}
	if len(subset) > 0 {
		return subset
	}
	return filtered
}

// confidences returns lingua's low-accuracy confidences that text is in
// each of r.langs, in that order.
func (r *linguaRules) confidences(text string) []float64 {
	out := make([]float64, len(r.langs))
	words := linguaWords(strings.ToLower(text))
	if len(words) == 0 {
		return out
	}
	certain := func(lang lingua.Language) []float64 {
		if i := slices.Index(r.langs, lang); i >= 0 {
			out[i] = 1
		}
		return out
	}
	if lang := r.detectByRules(words); lang != lingua.Unknown {
		return certain(lang)
	}
	filtered := r.filterByRules(words)
	if len(filtered) == 1 {
		return certain(filtered[0])
	}
	chars := 0
	for _, w := range words {
		chars += utf8.RuneCountInString(w)
	}
	if chars < 3 {
		return out
	}
	grams := trigramsOf(words)
	sums := make([]float64, 0, len(filtered))
	langs := make([]lingua.Language, 0, len(filtered))
	for _, l := range filtered {
		m := modelsOf(l)
		s := 0.0
		for _, g := range grams {
			s += m.backoff(g, 3)
		}
		if s < 0 {
			sums = append(sums, s)
			langs = append(langs, l)
		}
	}
	for i, c := range softmaxAsLingua(sums) {
		out[slices.Index(r.langs, langs[i])] = c
	}
	return out
}

// trigramsOf returns the distinct trigrams of the words of three letters
// or more, in the order they first occur.
func trigramsOf(words []string) []string {
	var grams []string
	seen := make(map[string]struct{}, 64)
	for _, w := range words {
		for i := 0; ; {
			j := i
			k := 0
			for k < 3 && j < len(w) {
				_, size := utf8.DecodeRuneInString(w[j:])
				j += size
				k++
			}
			if k < 3 {
				break
			}
			if _, ok := seen[w[i:j]]; !ok {
				seen[w[i:j]] = struct{}{}
				grams = append(grams, w[i:j])
			}
			_, size := utf8.DecodeRuneInString(w[i:])
			i += size
		}
	}
	return grams
}

// smallestNormal is the smallest positive normal float64.
const smallestNormal = 0x1p-1022

// softmaxAsLingua turns sums of log probabilities into confidences as
// lingua does (sumUpProbabilities, computeExponent, computeConfidenceValues):
// the exponent of each sum as a decimal, each divided by their total and
// rounded to 16 decimal places. Where every exponent is a normal float64
// the division in float64 gives the same values (up to that rounding);
// otherwise the exponents are lingua's own, computed with lingua's decimal
// arithmetic: a subnormal float64 as its shortest decimal, and the exponent
// of a sum that underflows as exp(sum/1000)^1000 with exp to 25 decimal
// places, so that lingua's imprecision on long texts is kept too. When all
// of them are 0 the largest sum has confidence 1 (the first of equal
// ones).
func softmaxAsLingua(sums []float64) []float64 {
	out := make([]float64, len(sums))
	if len(sums) == 0 {
		return out
	}
	exps := make([]float64, len(sums))
	normal := true
	total := 0.0
	for i, s := range sums {
		exps[i] = math.Exp(s)
		total += exps[i]
		if exps[i] < smallestNormal {
			normal = false
		}
	}
	if normal {
		for i, e := range exps {
			out[i] = math.Round(e/total*1e16) / 1e16
		}
		return out
	}
	values := make([]decimal.Decimal, len(sums))
	denominator := decimal.Zero
	for i, s := range sums {
		if exps[i] > 0 {
			values[i] = decimal.NewFromFloat(exps[i])
		} else {
			e, _ := decimal.NewFromFloat(s / 1000).ExpTaylor(25)
			values[i] = e.Pow(decimal.NewFromInt(1000))
		}
		denominator = denominator.Add(values[i])
	}
	if denominator.IsZero() {
		out[slices.Index(sums, slices.Max(sums))] = 1
		return out
	}
	for i, v := range values {
		out[i], _ = v.Div(denominator).Float64()
	}
	return out
}
