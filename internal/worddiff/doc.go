// Package worddiff compares two versions of a sentence word by word, the
// way a translator reads a revision.
//
// Diffing characters makes a reviser's change unreadable ("L[-eav-]ing"),
// and diffing lines says only that the line changed. worddiff splits each
// text into tokens and diffs the token sequences:
//
//   - in scripts written with spaces between words (Latin, Cyrillic, Greek,
//     Arabic, ...), a run of letters, digits and combining marks is one
//     token, so a changed word is shown whole;
//   - in scripts written without spaces (Han, Hiragana, Katakana, Hangul,
//     Thai, Lao, Khmer, Myanmar), each character is a token, with the
//     combining marks that follow it, because there is no word boundary to
//     find without a dictionary;
//   - a run of white space is one token, and every other character
//     (punctuation, symbols, inline-code placeholders) is a token of its
//     own, so a changed comma or quote is shown as exactly that.
//
// The token sequences are compared with the Myers O(ND) algorithm of
// github.com/sergi/go-diff (each distinct token stands for one rune), with
// no time limit, so the result is a shortest edit script and the same
// inputs always give the same chunks.
//
// Diff returns chunks: text kept, deleted from the first version or
// inserted in the second. Keeping the kept and deleted chunks gives the
// first text back byte for byte, keeping the kept and inserted chunks
// gives the second; in each run of changes the deletions come before the
// insertions.
package worddiff
