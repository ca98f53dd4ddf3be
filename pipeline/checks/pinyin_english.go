package checks

import (
	_ "embed"
)

// pinyinEnglishList holds the rare English words that read as pinyin:
// see the file's header and TestGenPinyinEnglish.
//
//go:embed pinyin_english.txt
var pinyinEnglishList string

// pinyinEnglish is the words of pinyinEnglishList, which are sorted (as
// TestGenPinyinEnglish writes and checks them), searched in place: a run
// asks about a few words only, and a map of the 6,000 words cost more to
// build than all the look-ups.
var pinyinEnglish = sortedLines(pinyinEnglishList)
