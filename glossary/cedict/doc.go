// Package cedict reads Chinese–English dictionaries in the CC-CEDICT
// format, so that tqa can say what a Chinese fragment left in a
// translation means.
//
// A CC-CEDICT file is UTF-8 text with one entry a line:
//
//	Traditional Simplified [pin1 yin1] /gloss 1/gloss 2/
//
// for example a line for 酝酿 (traditional 醞釀) with its pinyin in
// numbered tones and two English senses:
//
//	醞釀 酝酿 [yun4 niang4] /to brew/to mull over/
//
// Lines that start with # are comments (the CC-CEDICT file's header is
// written that way); blank lines are skipped. Pinyin syllables are
// separated by spaces, tones are the digits 1 to 5 (5 is the neutral
// tone), ü is written "u:", and proper nouns are capitalised ("Bei3 jing1").
//
// tqa does not ship a dictionary: CC-CEDICT (https://cc-cedict.org/) is
// licensed CC BY-SA 4.0, and users point tqa at their own copy with
// "tqa check --dict PATH" or the TQA_DICT environment variable. The file
// testdata/sample.u8 is a small sample written for tqa's tests in the same
// format; it is not an extract of CC-CEDICT.
//
// Parse and LoadFile read a file and report the first malformed line by
// file name and line number; Dict.Lookup finds the entries of a word in
// simplified or traditional characters, and Dict.LookupPinyin those whose
// pinyin, without tones and spaces, is a given string.
package cedict
