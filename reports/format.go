package reports

import (
	_ "embed"
	"io"
)

// JSONSchema is the JSON Schema (draft 2020-12) of the JSON report, the
// file schema/tqa.report.v1.json of this package.
//
//go:embed schema/tqa.report.v1.json
var JSONSchema string

// Options are the settings a format may use; each format ignores those it
// has no use for.
type Options struct {
	// Color allows ANSI colours (text format). The caller decides.
	Color bool
	// StepSummary, when not nil, receives the Markdown report as well
	// (github format): the caller opens $GITHUB_STEP_SUMMARY for it, so
	// that no writer reads the environment.
	StepSummary io.Writer
}

// Format is one output format.
type Format struct {
	Name  string // what the user types: "text", "json"
	Doc   string // one line for --help
	Write func(w io.Writer, r *Report, opt Options) error
}

// Formats lists every report format, the default first.
var Formats = []Format{
	{
		Name: "text",
		Doc:  "compiler-style lines with excerpts and fixes, for people",
		Write: func(w io.Writer, r *Report, opt Options) error {
			return WriteText(w, r, TextOptions{Color: opt.Color})
		},
	},
	{
		Name: "json",
		Doc:  "one JSON object, schema " + JSONSchemaVersion + ", for programs",
		Write: func(w io.Writer, r *Report, _ Options) error {
			return WriteJSON(w, r)
		},
	},
	{
		Name: "jsonl",
		Doc:  "one JSON object a finding, a line each, for streams and pipelines",
		Write: func(w io.Writer, r *Report, _ Options) error {
			return WriteJSONL(w, r)
		},
	},
	{
		Name:  "sarif",
		Doc:   "SARIF 2.1.0 log, for code scanning (GitHub, IDEs)",
		Write: func(w io.Writer, r *Report, _ Options) error { return WriteSARIF(w, r) },
	},
	{
		Name:  "junit",
		Doc:   "JUnit XML, a test suite per file, for CI test reports",
		Write: func(w io.Writer, r *Report, _ Options) error { return WriteJUnit(w, r) },
	},
	{
		Name:  "github",
		Doc:   "GitHub Actions annotations, most severe first; job summary in Markdown",
		Write: WriteGitHub,
	},
	{
		Name:  "markdown",
		Doc:   "Markdown tables per file, for pull request comments",
		Write: func(w io.Writer, r *Report, _ Options) error { return WriteMarkdown(w, r) },
	},
	{
		Name:  "patch",
		Doc:   "unified diff of the files with the accepted proposals (--retranslate), for git apply",
		Write: func(w io.Writer, r *Report, _ Options) error { return WritePatch(w, r) },
	},
	{
		Name: "html",
		Doc:  "one self-contained HTML page with filters and diffs of retranslations, for review in a browser",
		Write: func(w io.Writer, r *Report, _ Options) error {
			return WriteHTML(w, r)
		},
	},
}

// LookupFormat returns the format called name.
func LookupFormat(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// FormatNames returns the names of Formats, in order.
func FormatNames() []string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return names
}
