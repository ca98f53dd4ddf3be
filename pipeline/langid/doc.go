// Package langid splits text into runs of one Unicode script, the first
// step of telling which language a piece of text is in, and tells Latin-
// script languages apart with lingua-go.
//
// A script is a writing system: Latin, Han, Cyrillic, Arabic... Each
// character has one (Unicode's Script property, UAX #24). Characters that
// every script uses, such as digits, spaces and punctuation, belong to the
// script Common; combining marks, which take the script of the letter they
// sit on, belong to Inherited.
//
// # Runs
//
// Runs and Scan cut a text into runs: contiguous byte ranges that together
// cover the whole text, each on rune boundaries, no two neighbours of the
// same script. A run has a letter script, or Common; never Inherited:
//
//   - A combining mark joins the run of its base character (a mark at the
//     start of the text, with no base, joins the Common run there).
//   - Common characters between two letters of the same script stay in that
//     script's run: "NATO, the alliance" is one Latin run, "北约，欧盟" one
//     Han run, so a phrase keeps its inner spaces and punctuation.
//   - Common characters anywhere else form runs of their own: at the start
//     or end of the text, and between letters of two different scripts.
//     "US is酝酿 Leaving NATO" gives Latin "US is", Han "酝酿", Common " "
//     and Latin "Leaving NATO": the space between Han and Latin belongs to
//     neither.
//
// The scanner treats the Katakana-Hiragana prolonged sound mark ー (U+30FC,
// and its halfwidth form U+FF70) like a combining mark: Unicode gives it
// the script Common with the script extensions Hiragana and Katakana, and
// it always lengthens the vowel of the kana before it, so "コーヒー" stays
// one Katakana run. Bytes that are not valid UTF-8 and unassigned code
// points count as Common.
//
// # Speed
//
// ASCII bytes are classified by a 128-entry table, the rest of the Basic
// Multilingual Plane by a 64 KiB table computed from the standard
// library's unicode.Scripts (Unicode 15.0 in Go 1.26) and embedded in the
// program (script_bmp.bin; a test fails when it is stale), and the
// supplementary planes by a binary search over ranges. Scan allocates
// nothing; All is its range-over-func form. See bench/README.md for the
// measured throughput.
//
// # Languages
//
// Detector gives lingua-go's judgements, and is the only code of tqa that
// uses lingua: DetectorFor returns one shared detector for each set of
// candidate languages, built lazily. Lingua's own detector is slow to
// build (it decodes its models into maps of strings) and its
// high-accuracy models are large (about 18 MB of memory a language in
// lingua's own maps), so Detector computes lingua's confidences itself
// from lingua's model files, in compact tables of its own (lingua.go and
// ngrams.go: about 6 MB a language for all five models, read on first
// use), and the
// English checks put a cheap pre-filter in front of both: LatinWords
// classifies every word against the English word list of
// glossary/spelling (SCOWL), and only text near words that the list does
// not know, or near function words of another candidate language
// (IsFunctionWord: articles, prepositions, pronouns and auxiliaries from
// the Snowball stop-word lists, in function_words.txt), reaches lingua
// (about 0.1% of the bytes of clean English news; see bench/README.md). EnglishFragments finds the phrases of other
// languages in an English text, with exact spans.
package langid
