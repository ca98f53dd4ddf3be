// Package glossary holds terminology: concepts, each with terms in several
// languages, and the status of every term (preferred, admitted, deprecated,
// superseded).
//
// # Loading
//
// A Glossary is plain data. Load and LoadFile read TBX (ParseTBX: TBX-Basic
// and TBX v2 termEntry/langSet/tig, TBX v3 conceptEntry/langSec/termSec) or
// CSV (ParseCSV: one term a row, or one concept a row with a column for each
// language), and tqa has a glossary of its own built in (see NATO). WriteTBX
// writes any glossary as TBX-Basic, which ParseTBX reads back unchanged.
// Loading errors are *ParseError values that name the file, line and
// column. Validate lists what a glossary's author must fix (a concept with
// only deprecated terms in a language, a term given twice, one text
// preferred in two concepts, ...).
//
// A term that does not say whether it is case-sensitive is when it is an
// acronym or has a word with two or more capitals (NATO, SACEUR), because
// many acronyms are also ordinary words (SHAPE, shape).
//
// # Matching
//
// A Matcher finds the terms of one language, from one or more glossaries,
// in text. Find reports leftmost-longest, non-overlapping matches ("North
// Atlantic Council" wins over "Atlantic Council") as byte spans into the
// text exactly as given, always on rune boundaries, so that findings can
// point at the exact words. It builds a trie of all the terms' keys once
// and walks it from each place in the key where a term may start (not
// inside a word), keeping the longest term it passes.
//
// Terms and text are compared through a match key, built for matching
// only and never shown: NFC, fullwidth and halfwidth forms folded (ＮＡＴＯ
// is NATO), the apostrophes ' and ’ the same, any run of white space and
// hyphens one space (so "burden-sharing" also matches "burden sharing" and
// a term broken across lines), white space between Chinese or Japanese
// characters ignored, and case folded unless the term is case-sensitive.
//
// In scripts that separate words with spaces (Latin, Cyrillic, Greek and
// the others) a match must start and end at word boundaries: "SHAPE" is
// not found in "SHAPED", "Article 5" not in "Article 50". An apostrophe
// before a word does not join it (French l'OTAN has OTAN), one followed by
// a letter does (NATO'd is one word). In Chinese, Japanese, Korean, Thai
// and the other scripts written without spaces, a term matches anywhere:
// 北大西洋理事会 is found in 北大西洋理事会决定.
//
// English terms also match inflections of their last word, and only of
// it: -s, -'s and -s' (NATOs, NATO's); after s, x, z, ch or sh -es, -'s and
// -es' (buses), and -' after s; after o also -es (vetoes); after a
// consonant and y -ies, -ies' and -'s (allies). A term ending in a digit
// takes -'s (Article 5's). Verbs (PartOfSpeech "verb") also take -ed and
// -ing: deployed, deploying; after a final e -d and -ing without the e
// (declared, declaring; but agreeing); after a consonant and y -ied and
// -ying (ratified, ratifying). Doubled consonants (deterred) and irregular
// forms (led) are not generated: add them as terms of their own. Other
// languages match as written.
//
// Lookup answers "which concept is this term?" with the same rules.
package glossary
