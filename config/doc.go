// Package config reads tqa's configuration file, .tqa.yaml.
//
// The file is YAML with a fixed set of keys, decoded into the typed File
// (no map[string]any): a key that no field takes is an error, with the
// nearest known key suggested ("tagret-lang" → "did you mean
// target-lang?"), and so is a value of the wrong kind, an unknown check
// or report format, a bad glob, regular expression, duration, language
// tag or severity. Every error names the file, line and column of the key
// or value at fault, as an *Error; Parse and Load report all of them, in
// file order, as an ErrorList. The decoder walks yaml.Node trees, which
// keep positions; YAML syntax errors have a line only.
//
// A file looks like this (Default returns the commented file that "tqa
// init" writes):
//
//	target-lang: en-GB
//	glossaries: [terms/project.tbx]   # relative to this file
//	builtin-glossary: true
//	spelling: nato
//	fail-on: major
//	baseline: .tqa-baseline.json
//	checks:
//	  disable: [length-ratio]
//	  severity: {dash-substitute: major}
//	include: ["docs/**/*.md"]
//	exclude: ["**/drafts/**"]
//	allow:
//	  words: ["Σ"]
//	  checks:
//	    mixed-script: {patterns: ["(?i)sigma-[0-9]+"]}
//	llm: {base-url: "http://localhost:11434/v1", model: "qwen2.5:7b", timeout: 60s}
//	report: {format: text, outputs: ["json=tqa-report.json"]}
//
// Find looks for the file in a directory and its parents. A key left out
// is "not set" (a zero value or nil pointer), so that the command line can
// tell it from a value written: flags given on the command line replace
// the file's settings, and the file replaces the built-in defaults.
//
// # What drops a finding
//
// Findings pass these filters in this order, each seeing only what the
// one before kept:
//
//  1. checks.enable and checks.disable: a check that does not run
//     reports nothing;
//  2. suppression comments in the input files (tqa-disable in Markdown,
//     tqa-ignore in PO and XLIFF; see package corpus), which drop a
//     check's findings on the segments they cover;
//  3. allow lists (Allow): a finding whose flagged text is accepted;
//  4. the baseline (package baseline): a finding recorded there.
//
// Severity overrides apply before all of them. Allow lists only ever drop
// findings, so the global list and the per-check lists have no order among
// themselves: a finding is dropped when either accepts its flagged text.
// Matching is against pipeline.Finding.Text, the exact characters that the
// finding's span covers (the "酝酿" of "US is酝酿 Leaving NATO", not the
// sentence): a word matches when it is equal to that text, in the same
// case and without normalization; a pattern when it matches the whole
// text (it is anchored at both ends; write (?i) to ignore case).
//
// # Secrets
//
// The LLM settings never include the API key: a key such as api-key,
// token or secret is rejected with an error pointing to the environment
// variables OPENAI_API_KEY and TQA_LLM_API_KEY, and so is a base URL with
// credentials in it. A configuration file is committed to a repository; a
// key is not.
package config
