// Package readings says how a fragment of Chinese, Japanese or Korean
// text left in a translation reads and what it means, and recognises
// Hanyu Pinyin written in Latin letters.
//
// A Reader combines three sources for a fragment such as 酝酿:
//
//   - its pinyin with tone marks ("yùnniàng"), from the character readings
//     of github.com/mozillazg/go-pinyin, or from the dictionary entry when
//     the fragment is one (a dictionary reads polyphonic characters in
//     context; go-pinyin takes each character's first reading);
//   - the English term of a glossary concept whose term in the fragment's
//     language is the whole fragment (北约 → "NATO" in the NATO glossary);
//   - the English senses of a CC-CEDICT dictionary (package
//     glossary/cedict), when one is given: those of the whole fragment, or
//     else of the dictionary words found in it by longest match.
//
// A Japanese fragment in kana only is romanized in modified Hepburn
// (Romaji: ノート nōto) and a Korean one in Hangul in the Revised
// Romanization (Romanize: 북대서양 bukdaeseoyang); kanji and hanja get no
// reading, for they cannot be read without a dictionary.
//
// The Reading says which English text, if any, replaces the fragment
// unambiguously: a glossary term, or the one plain sense of a dictionary
// entry.
//
// ParseWord reads a Latin-script word as pinyin by syllable grammar: the
// word must split entirely into syllables of a table of valid Hanyu Pinyin
// syllables (IsSyllable; derived from go-pinyin's character readings),
// with tone marks on the right vowels ("yùnniàng"), tone numbers after
// every syllable ("yun4niang4") or no tones at all ("guanxi"), and with an
// apostrophe before a syllable that starts with a, e or o ("xi'an").
package readings
