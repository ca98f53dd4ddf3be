// Command tqa checks translations: mixed-language fragments, terminology
// (with a built-in NATO glossary), spelling profiles and punctuation, and
// writes reports for people and for CI.
//
// Usage:
//
//	tqa check [flags] PATH...          check files and directories
//	tqa checks                         list the checks
//	tqa glossary lookup [flags] TERM   show the concepts that have a term
//	tqa glossary validate FILE...      report problems in glossary files
//	tqa version
//
// tqa check exits 0 when no finding is at or above --fail-on (default
// major), 1 when one is, and 2 on a usage, configuration, input or
// internal error; errors name the file and the position.
package main
