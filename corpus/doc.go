// Package corpus reads documents into segments: plain text, Markdown, JSON
// Lines, TSV and CSV, XLIFF, TMX and PO files, and aligned pairs of plain
// text or Markdown files; and it writes new targets back into the files
// they came from. Every segment keeps a Locator, so that a byte offset into
// its text maps back to the exact line and column (in characters) of the
// file it came from.
//
// # Formats
//
// Format names a file's format by its extension (.txt, .md, .markdown,
// .jsonl, .xlf, .xliff, .tmx, .po, .pot, .tsv, .csv). Sniff and FormatFile
// also look into a file: an XML file whose root element is <xliff> or
// <tmx> is XLIFF or TMX, a file with a line starting `msgid "` is PO. A
// file named explicitly is read whatever its extension if its content
// says what it is; a directory walk (Expand) takes files by extension,
// and .xml files that hold XLIFF or TMX.
//
// # Encodings
//
// Files are decoded to UTF-8 before any reader sees them. The encoding is
// the first of:
//
//  1. Options.Encoding, when set: "utf-8", "utf-16le", "utf-16be",
//     "gb18030", "gbk" or "big5" (and aliases such as "gb2312", "cp936",
//     "cp950", "utf-16" with a byte order mark);
//  2. the byte order mark: UTF-8, UTF-16 LE or BE;
//  3. the encoding an XML declaration (<?xml ... encoding="GB2312"?>) or
//     a PO header (charset=BIG5) names; an unknown one is an error, unless
//     the file is valid UTF-8;
//  4. UTF-16 without a byte order mark, when NUL bytes show it (a quarter
//     of the code units with a NUL high byte, and the file decodes);
//  5. UTF-8, when the bytes are valid UTF-8;
//  6. GB18030, Big5 or UTF-16, as a statistic decides: among the decodings
//     without an invalid sequence, the one whose non-ASCII characters are
//     most often among the 500 most frequent characters of Chinese text
//     (measured on Tatoeba's Chinese sentences, Simplified and
//     Traditional; see encoding_freq.go), if at least a quarter of them
//     are. On the Chinese news of WMT20 encoded in GB18030, a line at a
//     time, this reads 1,997 of 2,000 lines right and none wrong (the 3
//     others are too short to tell).
//
// Otherwise reading fails at the first invalid byte, naming the line and
// column ("corpus: read a.txt: line 3, column 7: invalid UTF-8 (byte
// 0xFF); name the encoding if the file is not UTF-8 (known: ...)"); an
// invalid sequence in a named or declared encoding is reported with its
// bytes and their offset in the file ("invalid big5 (0xA3 0xE2 at byte
// 1234 of the file)"). GBK, GB18030 and Big5 are decoded as the WHATWG
// Encoding Standard does (0x80 is the euro sign in GBK and GB18030; Big5
// includes HKSCS); user-defined areas and unmapped codes are invalid.
// Japanese and Korean legacy encodings are not detected.
//
// Lines and columns are those of the original file; Position.Offset is a
// byte offset into the decoded UTF-8 text (the same as the file's for
// UTF-8). A byte order mark is decoded as U+FEFF at the start of the
// text: it takes no column, but offsets count it. Lines may end with LF or
// CRLF; segments never hold the carriage return of a CRLF. An XML
// declaration or PO header in the decoded text still names the file's
// encoding.
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
// # TSV and CSV (.tsv, .csv)
//
// The first row is a header that names the columns (without regard to
// case): "id" (or "key"), "source" (or "src"), "target" (or "tgt",
// "translation"), and optional "source_lang" and "target_lang" (BCP 47
// tags per row), "context", "note" (or "notes", "comment", "comments");
// other columns are ignored. A target column is required. Where no column
// is named target, columns named by language tags ("en", "zh-Hant") say
// it: the column of the target language of the run (Options.TargetLang) is
// the target, the column of its source language (or the one other
// language column) the source; without languages, of two language
// columns, English is the target when the other is not. Options.Columns
// names other columns, by header name or by 1-based number, and says when
// a file has no header row (then columns go by number): the project's
// tatoeba_cmn_eng.tsv reads with Columns{Source: "2", Target: "1",
// NoHeader: true}. Each row is a segment; its id is the id cell, or its
// line number. Every row must have as many fields as the first.
//
// TSV has no quoting: a field is the exact text between two tabs (as
// IANA's text/tab-separated-values, and the exports of most translation
// tools). CSV is RFC 4180, read by encoding/csv without lazy quotes: a
// quoted field's doubled quotes stand for one, and its CRLF line breaks
// read as LF; the Locator has an anchor after each. Errors name the line
// and column ("line 2, column 5: invalid CSV: bare " in non-quoted-field").
//
// # Aligned pairs (name.<lang>.txt, name.<lang>.md)
//
// Pairs finds files side by side whose names differ only in a language
// tag (news.zh.txt, news.en.txt) and says which is the source; OpenPair
// reads both, splits their paragraphs into sentences, aligns the sentences
// (corpus/align) and makes one bilingual document of the beads, whose
// Segment.Align counts the sentences of each side. Its Path is the target
// file's; SourceLoc positions refer to the source file (File.Source).
//
// # Writing back
//
// Open and Parse return a File, whose Bytes writes new targets into the
// file: each into its segment's slot, escaped as the format wants and
// encoded in the file's encoding, every other byte kept as it was (Bytes
// with no targets returns the file unchanged). A new target is checked
// for what the format cannot hold, and the written file is read again:
// Bytes fails unless every new target reads back as written and every
// other segment as it was. Per format:
//
//   - plain text: the paragraph's text, written as is on one line; it must
//     not start like a list item or make the paragraph join its neighbour
//     (a lower-case start after a line without final punctuation);
//   - Markdown: the block's text, as Markdown source; line breaks take the
//     block's container prefix ("> "); no blank line, and no line break in
//     headings and table cells;
//   - JSON Lines: the "target" string (escaped as encoding/json does,
//     without escaping < > &), replacing null, or added after the object's
//     last member;
//   - TSV: the field; no tab or line break;
//   - CSV: the field, quoted when it was or when it needs quotes;
//   - aligned pairs: the target file's sentences of the bead, or, where it
//     has none, after the previous bead's; one line.
//
// Line feeds of a new target become CRLF in a file whose first line ends
// with CRLF. WriteFileAtomic replaces a file through a temporary file in
// its directory.
//
// # Links
//
// In every format, bare URLs ("https://…", "www.…", "toutiao.com/article/…")
// and e-mail addresses are marked as skip spans of their side, so that
// checks do not report words inside them.
//
// Segment IDs of text and Markdown documents are the 1-based ordinals of
// the segments.
//
// # Suppression comments
//
// Comments in the files can drop some checks' findings on some segments
// (pipeline.Segment.Suppress, applied by pipeline.Pass.Report):
//
//   - Markdown: <!-- tqa-disable CHECK,CHECK --> on a line of its own
//     covers the segments after it up to <!-- tqa-enable CHECK --> for
//     those checks, <!-- tqa-enable --> for all, or the end of the file;
//     a bare <!-- tqa-disable --> covers every check, up to a bare
//     tqa-enable. A comment inside a paragraph or a code block is no
//     directive.
//   - PO: a translator comment "# tqa-ignore: CHECK,CHECK" covers its
//     message (every plural form); "# tqa-ignore" alone covers every
//     check. Extracted comments ("#.") are not read.
//   - XLIFF 1.2 and 2.x: a <note>tqa-ignore: CHECK,CHECK</note> covers
//     its unit's segments.
//
// Names are separated by commas or spaces. Other formats (plain text,
// JSONL, TMX, TSV/CSV, aligned pairs) have no suppression comments.
package corpus
