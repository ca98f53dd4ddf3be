// Package notice holds the test that keeps NOTICE.md, at the module root,
// complete.
//
// tqa's binary embeds data files with //go:embed, most of them from third
// parties or derived from their data, and NOTICE.md lists them with their
// sources, licences and the notices the licences ask to reproduce. The
// test walks the module's packages as go/build reads them for the current
// platform (the non-test .go files; directories named testdata or starting
// with "." or "_", and nested modules, are left out, as the go command
// leaves them out), expands every //go:embed pattern as the go command
// does (a glob relative to the file's directory; a directory stands for
// the files under it, without those whose names start with "." or "_"
// unless the pattern starts with "all:"), and fails naming each embedded
// file whose path from the module root NOTICE.md does not write between
// backquotes, such as `pipeline/langid/function_words.txt`.
//
// A new embedded file therefore needs its entry in NOTICE.md, with where
// it comes from and under what licence, before the tests pass. Go tables
// generated from data (glossary/nato_table.go, corpus/encoding_freq.go)
// are not embedded files, and NOTICE.md lists them by hand.
//
// The package has no code of its own besides its test.
package notice
