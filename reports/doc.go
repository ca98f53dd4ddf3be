// Package reports writes what a run of tqa found, in several formats.
//
// A run produces one Report value: the documents that were read, the
// findings in report order (pipeline.SortFindings), and the inputs that
// could not be read. Each format is one function over that value:
//
//   - WriteText prints compiler-style lines for people:
//     "path:line:col: severity: check: message", an excerpt of the segment
//     with the flagged text underlined (inline codes shown by the HTML
//     report's labels in mathematical angle brackets, "⟨g⟩", "⟨/g⟩",
//     "⟨x/⟩", so that they never read like the text "<g>"), the proposed
//     fixes, and a summary with the MQM score of the run.
//   - WriteJSON prints one JSON object for programs, following the public
//     schema "tqa.report/v1" (see JSONReport and the JSON Schema in
//     JSONSchema).
//   - WriteHTML writes one self-contained page for review in a browser:
//     the findings in context with filters and keyboard navigation, and
//     proposed retranslations beside their originals with a word-level
//     diff.
//   - WriteSARIF prints a SARIF 2.1.0 log for code scanning: a rule per
//     check, a result per finding with a region and position-free
//     partialFingerprints (see Fingerprint), fixes.
//   - WriteJUnit prints JUnit XML for CI test reports: a test suite per
//     document, a test case per check, a failure per finding.
//   - WriteGitHub prints GitHub Actions workflow commands that annotate
//     files, most severe first, and can copy the Markdown report to the
//     job summary (Options.StepSummary).
//   - WriteMarkdown prints tables for pull request comments: findings by
//     severity and MQM score per document and for the run, then the
//     findings of each document.
//
// Every format carries the MQM score (pipeline.ScoreOf, per 1,000 words) of
// the run, and all but text that of each document.
//
// Formats lists the formats by name, for a command line that lets the user
// choose one.
//
// # Positions
//
// Findings carry byte spans into one side of a segment, never line and
// column. The writers compute file positions when they print, from the
// segment's pipeline.Locator: lines and columns are 1-based and columns
// count characters (runes), not bytes. A reader that recorded no position
// for a segment yields line 0 and column 0, which the text format leaves
// out. The underline of the text format is measured in display columns
// instead, where East Asian wide and fullwidth characters take two columns
// and combining marks none, so that it sits under the flagged text in a
// terminal.
//
// # Determinism
//
// The same Report always gives the same bytes: findings keep their order,
// counts by category and by check are sorted by name, and nothing depends
// on the clock, the environment or the working directory. Paths are
// printed as the documents carry them.
//
// # Stability of the JSON schema
//
// The JSON report is a public contract named by its "schema" field. Within
// tqa.report/v1 no field is renamed, removed or given another meaning; a
// field may be added, together with its description in the JSON Schema, so
// readers should ignore fields they do not know. Any other change is a new
// schema version.
package reports
