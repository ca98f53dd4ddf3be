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
//	tqa init [--force] [FILE]          write a commented .tqa.yaml
//	tqa baseline update --baseline FILE PATH...
//	                                   record today's findings
//	tqa version
//
// tqa check exits 0 when no finding is at or above --fail-on (default
// major), 1 when one is, and 2 on a usage, configuration, input or
// internal error; errors name the file and the position.
//
// tqa check reads .tqa.yaml from the working directory or the nearest
// parent that has one, or the file --config names (package config); a
// flag given on the command line replaces the file's setting. With
// --baseline FILE it reports and gates only findings that the baseline
// (package baseline) does not hold, and says on stderr how many it held
// back.
package main
