package checks

import (
	_ "embed"
	"strings"
	"sync"
)

// pinyinEnglishList holds the rare English words that read as pinyin:
// see the file's header and TestGenPinyinEnglish.
//
//go:embed pinyin_english.txt
var pinyinEnglishList string

// pinyinEnglish is pinyinEnglishList as a set, built on first use. The
// map is sized for the list at once (growing it word by word took four
// times as long) and its keys are substrings of the list.
var pinyinEnglish = sync.OnceValue(func() map[string]bool { return wordSet(pinyinEnglishList) })

// wordSet returns the words of list, one a line, lines starting with #
// left out, as a set.
func wordSet(list string) map[string]bool {
	m := make(map[string]bool, strings.Count(list, "\n"))
	for line := range strings.SplitSeq(list, "\n") {
		if line != "" && line[0] != '#' {
			m[line] = true
		}
	}
	return m
}
