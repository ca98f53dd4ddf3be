// Package segment splits text into sentences and reports each sentence as
// a byte span of the text it was given, so that checks working sentence by
// sentence can still point at exact bytes of their segment.
//
// Sentences ends a sentence after a run of terminal punctuation (. ! ? …
// and the CJK 。！？), together with the closing quotes and brackets that
// follow it. Spans never start or end with white space, and together they
// cover every non-space byte of the text, in order.
//
// English text needs more than punctuation. Four rules decide whether a
// full stop followed by white space ends a sentence:
//
//  1. A full stop that is not followed by white space (3.5, example.com,
//     U.S.A) never ends one.
//  2. When the next word starts with a lower-case letter, the sentence goes
//     on ("e.g. the", "U.S. political discourse"); this holds after ? ! and
//     … too ("“Why?” he asked", "Well... maybe").
//  3. Abbreviations that stand before a name or a number (Mr. Dr. Sen. Gen.
//     No. Art. Jan. … e.g. i.e. vs.) never end a sentence.
//  4. Initialisms (U.S. U.K. D.C., any run of single letters and dots), a
//     single capital initial (J. Smith), and abbreviations that often close
//     a sentence (etc. Jr. Inc. a.m.) end one only when the next word is an
//     English function word that typically opens a sentence (The, It, But,
//     However, …; see sentenceStarters). So "withdraw from the U.S. The
//     next" splits after "U.S.", while "the U.S. Department of Defense" and
//     "J. Smith" do not. The rule errs on the side of not splitting: "to the
//     U.S. Congress" stays one sentence even if a new one started there.
//
// A number alone before a full stop ("1. The first point") does not make a
// sentence, and a blank line (two line breaks) always ends one; a single
// line break does not. CJK terminals end a sentence with or without white
// space after them (except a full-width full stop between digits), and so
// does an ASCII terminal written between two CJK characters ("吗?是").
//
// The text must be valid UTF-8 for spans to fall on rune boundaries (the
// corpus readers reject invalid input).
package segment
