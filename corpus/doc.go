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
// # XLIFF (.xlf, .xliff)
//
// Versions 1.0 to 1.2 and 2.0 to 2.2 are read; the version comes from the
// root element's version attribute, or else from its namespace.
//
// XLIFF 1.x: each <trans-unit> is a segment whose ID is the unit's id,
// or, where the unit has a <seg-source> divided into <mrk mtype="seg">
// and its <target> is divided the same way, each such mrk is one, with
// the ID "unitid/mid" (a mrk missing from the target gets a slot where
// it belongs). The languages are the <file>'s source-language and
// target-language, or the xml:lang of <source> and <target>; State is the
// target's state attribute, Context the unit's resname, Notes its <note>
// elements. Units with translate="no" (on the unit or a <group> around
// it) are left out, and so are <alt-trans> proposals and <bin-unit>s.
//
// XLIFF 2.x: each <segment> of a <unit> is a segment, with the ID
// "unitid/segmentid", or "unitid/n" for the n-th segment of a unit that
// has no id; <ignorable> is not. The languages are srcLang and trgLang of
// <xliff>, State the segment's state, Context the unit's name, Notes the
// unit's <notes>.
//
// When the document has more than one <file>, each ID starts with the
// file's id (2.x) or original (1.x) and a "/". IDs must be unique.
//
// Inline codes (<g>, <x/>, <bx/>, <ex/>, <ph>, <bpt>, <ept>, <it>, <mrk>
// of 1.x; <pc>, <ph/>, <sc/>, <ec/>, <mrk>, <sm/>, <em/> of 2.x, and
// elements of other namespaces) each stand in the text as one
// pipeline.CodeRune, described by a pipeline.Code whose Data is the
// exact markup: an element that encloses text (<g>, <pc>, <mrk>) gives
// an open code for its start tag and a close code for its end tag, any
// other element one code with all its content (the native code inside
// <ph> and <bpt> is not text). An XLIFF 2 <cp hex="1B"/> is the character
// it stands for. Text keeps its white space; references are decoded and
// line breaks read as "\n". The Locators have an anchor after every
// reference, code, comment and CDATA boundary, so positions are exact.
//
// Writing back replaces the content of the <target> (or the target mrk);
// a new target is escaped (&amp; &lt; &gt;), each CodeRune replaced by the
// markup of the target's code of the same rank (the source's, where the
// target has none). A unit without <target> gets one right after its
// </source> (or </seg-source>), on a line of its own indented as the
// source when the source starts its line.
//
// The XML must be well-formed. A document type declaration may name an
// external DTD, which is never read, but may not declare entities, and
// elements may nest at most 100 deep: no document expands beyond its size.
//
// # TMX (.tmx)
//
// Versions 1.1 to 1.4 are read:
//
//   - One segment per <tu>; its ID is the tuid, or else the 1-based
//     ordinal of the tu. Ids must be unique.
//   - The source is the <tuv> in the tu's srclang, else the header's
//     srclang, else Options.SourceLang ("*all*" names none); a language
//     matches ignoring case and "_"/"-", or by its primary language ("en"
//     for "en-US") when only one tuv has it. xml:lang (or lang, TMX 1.1
//     to 1.3) is required on every tuv.
//   - The target is the tuv in Options.TargetLang when some tu of the
//     file has that language (a tu without it then has no target);
//     otherwise the other tuv of a tu of two, whose language becomes the
//     document's target language. A tu of more than two tuvs before any
//     target language is known is an error that names the languages.
//   - Document languages come from the file (header srclang, the first
//     target tuv) where it gives them, from Options otherwise.
//   - Notes are the texts of the tu's <note> and <prop> ("type: text")
//     elements and those of the source and target tuvs.
//   - Inline codes: each bpt, ept, it, ph and ut is one pipeline.CodeRune
//     (bpt open, ept close, the others standalone: an <it> pairs with a
//     code outside the segment), its Data the element as written, with
//     its native code and any <sub>; ID is the i attribute of bpt and ept
//     and the x attribute of the others. <hi> is an open code for its
//     start tag and a close code for "</hi>" around its text (standalone
//     when written <hi/>). A U+FFFC in the text becomes a standalone code
//     of no type, so that every CodeRune has its code.
//   - Text is decoded as XML says: entity and character references, CDATA
//     sections, CR LF and CR read as LF; comments and processing
//     instructions in a <seg> are left out. Every offset maps to the file
//     exactly (an anchor after each reference, code and line break).
//   - The reader refuses what is not well-formed XML (with line and
//     column), DTD entity declarations, entities other than XML's five,
//     and elements nested deeper than 100.
//
// Writing back replaces the content of the target <seg>, the text escaped
// (& < > and CR as &#xD;) and the codes restored in order from their
// Data. A tu without a target tuv gets one after its source tuv, on a line
// of its own when the source tuv is: <tuv xml:lang="…"><seg>…</seg></tuv>.
// Comments inside a rewritten <seg> are lost; an unchanged target is
// written as it was.
//
// # Gettext PO (.po, .pot)
//
// PO and POT files are read as gettext reads them:
//
//   - One segment per message: Source is the msgid, Target the msgstr,
//     Context the msgctxt, State "fuzzy" for a "#, fuzzy" message, Notes
//     the translator comments ("# ", lines joined) and the extracted
//     comments ("#.", lines joined). References ("#:"), other flags and
//     previous msgids ("#|") are not kept.
//   - A plural message gives one segment per msgstr[n]; its Source is the
//     msgid for n = 0 and the msgid_plural for the others, and its Notes
//     end with the header's Plural-Forms, which say which numbers each
//     form serves.
//   - IDs are "po:" and the first 12 hex digits of the SHA-256 of
//     gettext's key for the message (msgctxt, U+0004 and msgid; the msgid
//     alone without msgctxt), with "[n]" after it for plural forms: they
//     stay when messages move or their translations change. Messages
//     must be unique, as for msgfmt.
//   - The header (the first message, msgid "" without msgctxt) gives no
//     segment; its Language sets the document's target language.
//   - Obsolete messages ("#~") are left out.
//   - Strings are decoded as gettext does (\n \t \r \a \b \f \v \\ \"
//     and octal and hex escapes); the string literals of a keyword are
//     joined, and every offset maps to the file exactly (an anchor at each
//     literal and after each escape). Escapes of bytes above 0x7F are
//     refused (the text must be UTF-8: write the character), and so is
//     U+0004. Errors name the line and column (unclosed string, unknown
//     keyword, invalid escape, msgid without msgstr, ...).
//
// The reader is written by hand rather than with a PO library because
// segments need the exact position of every character and errors their
// line and column, which github.com/chai2010/gettext-go/po (v1.0.3)
// does not give, and it tells an empty msgctxt from none, as gettext does.
//
// Writing back replaces the msgstr's string literals: an unchanged target
// as it was; a new one as one literal, or, when it has a line feed before
// its end, as "" and one literal per line (each ending with its \n), the
// way msgmerge writes them, with the line break of the file. Lines are not
// wrapped at a width. The fuzzy flag is left as it is.
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
// # Streams
//
// StreamJSONL and Stream read an input part by part, so that memory stays
// bounded however large it is: JSON Lines, PO, TSV, CSV and plain text
// (Markdown, XLIFF and TMX are read whole). A splitter cuts the input
// only where a record starts, a line at a time: a PO message at the first
// line whose first token is a comment or a msgctxt, msgid or domain
// keyword after the message before has had its msgstr; a TSV row at any
// line that is not blank; a CSV row at a line that does not start inside
// a quoted field; a plain-text paragraph where the reader starts one (a
// line after a blank line, a list item, a line that does not continue
// the one before). Each part, up to StreamOptions.Segments records or
// about StreamOptions.Bytes bytes, is read by the reader of whole files,
// and its positions counted from the start of the input, so that its
// segments, ids and positions are those of the whole file. What a part
// needs from the file's head comes with it: the PO header's Language and
// Plural-Forms, a table's header row (columns and number of fields), the
// number of paragraphs before it (plain-text ids are ordinals), the
// languages found so far; a plain-text part is read with the first
// paragraph after it, which says whether its last one is a heading.
//
// Not checked across parts, since that takes memory in proportion to the
// input: duplicate PO messages, duplicate JSON Lines and table ids (both
// are errors only within one part). Checks that compare segments with
// each other or with their document's level (term-consistency,
// length-ratio, length-outlier) see one part at a time. A streamed input
// must be UTF-8 (a byte order mark is allowed): one that its first part
// shows to be in another encoding makes Stream return ErrWholeFile, to
// read it whole with Open; an invalid byte in a later part is an error
// with its line and column, after the parts before it were handed on.
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
