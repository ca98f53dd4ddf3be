// Package doccache keeps the findings of document-scoped checks on disk,
// so that a run over files that have not changed since the last run does
// not check them again (tqa check --incremental).
//
// A Cache is a directory of entries, one file per document, named by a
// key: the SHA-256 of everything that decides the document's findings.
// The caller computes the key (Key hashes the parts it is given: the
// file's bytes, the tool's version, the checks selected, the
// configuration) and registers it for the document with Add; the pipeline
// then asks the cache for the document's findings (Load) and gives it
// those of each document it checks (Store).
//
// Entries are written as soon as a document is checked, into a temporary
// file renamed over the entry, so a run that is interrupted leaves whole
// entries only and the next run resumes where it stopped; two runs that
// share a directory at once write the same bytes under the same names. An
// entry that cannot be read, is truncated or does not fit its document
// (a segment out of range, a span that is not the text it names) is a
// miss: the document is checked again and the entry rewritten.
package doccache
