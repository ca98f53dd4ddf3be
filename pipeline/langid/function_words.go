package langid

import (
	_ "embed"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

//go:embed function_words.txt
var functionWordData string

// functionWords maps a base language to the set of that language's
// function words (function_words.txt, from the Snowball stop-word lists).
var functionWords = sync.OnceValue(func() map[language.Tag]map[string]bool {
	m := map[language.Tag]map[string]bool{}
	for line := range strings.SplitSeq(functionWordData, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		code, words, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		tag := language.Make(code)
		set := m[tag]
		if set == nil {
			set = map[string]bool{}
			m[tag] = set
		}
		for _, w := range strings.Fields(words) {
			set[w] = true
		}
	}
	return m
})

// IsFunctionWord reports whether word, in any case, is a function word of
// lang (an article, preposition, pronoun, conjunction or auxiliary of the
// Snowball stop-word list of its base language): "la" and "des" in French,
// "und" in German. Languages without a list have no function words.
func IsFunctionWord(lang language.Tag, word string) bool {
	b, _ := BaseOf(lang)
	set := functionWords()[b]
	if set == nil {
		return false
	}
	return set[functionKey(word)]
}

// functionKey folds a word for the function-word lists: small letters,
// typographic apostrophes as ASCII ones.
func functionKey(word string) string {
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ReplaceAll(strings.ToLower(word), "’", "'")
		}
	}
	return word
}
