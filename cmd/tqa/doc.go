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
//	tqa apply [--dry-run] REPORT.json  write accepted proposals into the files
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
//
// With --retranslate, tqa check asks a language model on an
// OpenAI-compatible server (--llm-base-url, --llm-model; the key from
// TQA_LLM_API_KEY or OPENAI_API_KEY) for new targets of the segments with
// findings at or above --retranslate-min, verifies each with every check,
// and reports the proposals, accepted or rejected with reasons (see
// package pipeline/retranslate).
//
// tqa check reads and checks up to -j files at once and reports them in
// their order. A file that cannot be read, or on which a check fails or
// panics, is an input error: it is named on stderr with its position, the
// other files are still reported, and a summary of the failures ends the
// messages. On a terminal (and not in CI, nor with --quiet) a progress
// line shows files and segments checked, the rate and the time left. With
// --incremental, the findings of each file are kept in a cache
// (package internal/doccache) under --cache-dir, and files whose bytes,
// checks and configuration have not changed are not checked again.
package main
