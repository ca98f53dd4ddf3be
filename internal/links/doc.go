// Package links finds bare URLs and e-mail addresses in prose, with their
// byte spans.
//
// Readers mark the links of a segment as spans that prose checks skip (a
// URL is not English, a misspelling or a sentence), and the urls-emails
// check compares the links of a source and its translation. Both use Find,
// so they agree on where a link starts and ends.
package links
