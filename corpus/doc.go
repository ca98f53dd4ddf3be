// Package corpus reads documents into segments: plain text, Markdown and
// JSON Lines. Every segment keeps a Locator, so that a byte offset into its
// text maps back to the exact line, column (in characters) and byte offset
// of the file it came from.
//
// # Input
//
// Files must be UTF-8; a byte that is not gives an error naming the line
// and column ("corpus: read a.txt: line 3, column 7: invalid UTF-8 (byte
// 0xFF)"). A UTF-8 byte order mark is skipped: it takes no column, but byte
// offsets still count it. Lines may end with LF or CRLF; segments never hold
// the carriage return.
//
// Text is not Unicode-normalised: offsets must stay true to the file. Code
// that compares text (glossary matching, consistency checks) normalises its
// keys (NFC, width, case) itself and maps matches back to the original
// bytes.
//
// # Plain text (.txt)
//
// A paragraph is a line. A blank line ends a paragraph, and so does a
// single line break, unless the text is hard-wrapped there: the line does
// not end with terminal punctuation (. ! ? … 。！？, before closing quotes
// or brackets) and the next line starts with a lower-case letter. Prose
// that is wrapped at capitalised words ("…with the\nUnited States") is
// split there; Markdown, where every line of a paragraph joins it, suits
// wrapped text better.
//
// A segment's text is the exact slice of the file from the first non-space
// character of its paragraph to its last, less the carriage returns of CRLF
// breaks. Its kind is:
//
//   - ListItem when the paragraph starts with "- ", "* ", "+ ", "• " or a
//     number followed by "." or ")" and a space; the marker is not part of
//     the text, and the Locator points just after it
//   - Heading when it is a title: a single line that stands alone, has at
//     most 12 words and 100 characters, starts with a letter or digit that
//     is not lower-case, ends without sentence punctuation (. ! ? … : ; ,
//     and their CJK forms), holds no URL or e-mail address, and is followed
//     by a longer paragraph ("US is酝酿 Leaving NATO", "Core Anti-NATO
//     Arguments"; not "Original: toutiao.com/article/…/")
//   - Paragraph otherwise
//
// # Markdown (.md, .markdown)
//
// Markdown is parsed as CommonMark with GitHub tables (by goldmark).
// Headings (ATX and setext, without their # marks), paragraphs, the
// paragraphs of list items and block quotes, and table cells (one segment
// each) are segments; code blocks, HTML blocks, link reference definitions
// and YAML front matter (between "---" lines at the top) give none. A
// segment's text is its block's lines, each without its container prefixes
// ("> ", list indentation) and surrounding white space, joined by "\n";
// its Locator has an anchor at the start of every line. Code spans, raw
// HTML and HTML comments, autolinks, the syntax around link text ("[" and
// "](url "title")", "![" of images, "][ref]"), entity references (&amp;)
// and the backslashes of escapes are marked as TargetSkip: they stay in
// the text, so that spans stay true, but checks ignore them. Link text and
// emphasis markers stay prose.
//
// # JSON Lines (.jsonl)
//
// Each non-blank line is an object with "source" and/or "target" (strings;
// at least one of them), optional "source_lang" and "target_lang" (BCP 47
// tags) and an optional "id" (a string, or a number kept as written;
// without one, the line number). A null field counts as absent, other
// fields are ignored, and keys match exactly (case-sensitive); when a key
// appears twice, the last one counts, as in encoding/json. Ids must be
// unique. Source and Target hold the decoded strings; their Locators map
// every offset of the decoded text to the character of the string literal
// it came from, with an anchor after every escape sequence.
//
// # Links
//
// In every format, bare URLs ("https://…", "www.…", "toutiao.com/article/…")
// and e-mail addresses are marked as skip spans of their side, so that
// checks do not report words inside them.
//
// Segment IDs of text and Markdown documents are the 1-based ordinals of
// the segments.
package corpus
