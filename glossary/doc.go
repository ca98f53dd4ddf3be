// Package glossary holds terminology: concepts, each with terms in several
// languages, and the status of every term (preferred, admitted, deprecated,
// superseded).
//
// A Glossary is plain data. It is loaded from TBX (TBX-Basic / TBX v2
// termEntry/langSet/tig and TBX v3 conceptEntry/langSec/termSec) or from CSV,
// and tqa embeds one of its own: the NATO glossary (see NATO). A Matcher
// finds the terms of one or more glossaries in text and reports byte spans
// into that text, so that findings can point at the exact words.
//
// Matching is whole-word for scripts that separate words with spaces and
// character-based for Chinese and Japanese; English terms also match their
// inflected forms (plurals, possessives), never across a word boundary.
package glossary
