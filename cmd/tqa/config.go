package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/baseline"
	"github.com/tqa-project/tqa/config"
	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
	"github.com/tqa-project/tqa/reports"
)

// configState is what the configuration file and the baseline add to the
// flags of tqa check.
type configState struct {
	configPath string         // --config
	baseline   string         // --baseline
	config     *config.File   // the file loaded; nil when there is none
	accepted   *baseline.File // the --baseline file loaded; nil when there is none
	// updateBaseline is set for tqa baseline update: the run writes the
	// baseline instead of a report.
	updateBaseline bool
}

// modeAnnotation marks, in a command's Annotations, the check command
// that tqa baseline update is.
const modeAnnotation = "tqa-mode"

func addConfigFlags(f *pflag.FlagSet, st *configState) {
	f.StringVar(&st.configPath, "config", "", "configuration file (default: "+config.Name+" in the working directory or the nearest parent that has one)")
	f.StringVar(&st.baseline, "baseline", "", "baseline file: report and gate only findings it does not hold (tqa baseline update writes it)")
}

// loadConfig loads the file named by --config, or else the .tqa.yaml
// found in the working directory or above; it returns nil when there is
// none.
func loadConfig(path string) (*config.File, error) {
	if path == "" {
		found, err := config.Find(".")
		if err != nil || found == "" {
			return nil, err
		}
		path = found
	}
	return config.Load(path)
}

// applyConfig loads the configuration file and sets from it every flag
// that the command line did not give (cobra's Changed): a flag given
// replaces the file's setting, lists included. What has no flag
// (severity overrides, include and exclude globs, allow lists) stays in
// fl.config for the run to use; the LLM settings and report outputs go to
// their flags where the command has them (setOtherFlags).
func (fl *checkFlags) applyConfig(cmd *cobra.Command) error {
	fl.updateBaseline = cmd.Annotations[modeAnnotation] == "baseline-update"
	f, err := loadConfig(fl.configPath)
	if err != nil {
		return err
	}
	fl.config = f
	if f == nil {
		return fl.loadBaseline()
	}
	flags := cmd.Flags()
	unset := func(name string) bool { return flags.Lookup(name) != nil && !flags.Changed(name) }
	if f.SourceLang != language.Und && unset("source-lang") {
		fl.sourceLang = f.SourceLang.String()
	}
	if f.TargetLang != language.Und && unset("target-lang") {
		fl.targetLang = f.TargetLang.String()
	}
	if f.Glossaries != nil && unset("glossary") {
		fl.glossaries = f.Glossaries
	}
	if f.BuiltinGlossary != nil && unset("no-builtin-glossary") {
		fl.noBuiltin = !*f.BuiltinGlossary
	}
	if f.Spelling != nil && unset("spelling") {
		fl.spelling = f.Spelling.String()
	}
	if f.FailOn != "" && unset("fail-on") {
		fl.failOn = f.FailOn
	}
	if f.Checks.Enable != nil && unset("enable") {
		fl.enable = f.Checks.Enable
	}
	if f.Checks.Disable != nil && unset("disable") {
		fl.disable = f.Checks.Disable
	}
	if f.Baseline != "" && unset("baseline") {
		fl.baseline = f.Baseline
	}
	if f.Report.Format != "" && unset("format") {
		fl.format = f.Report.Format
	}
	if err := fl.loadBaseline(); err != nil {
		return err
	}
	return setOtherFlags(cmd, f)
}

// setOtherFlags sets, where the command has them, the flags of the
// retranslation stage and --report from the file: through the flags' own
// values, so that they parse the settings as they parse the command line,
// and without marking them changed (a setting in the file is not a flag
// given).
func setOtherFlags(cmd *cobra.Command, f *config.File) error {
	type setting struct {
		key, flag string
		values    []string
	}
	var settings []setting
	add := func(key, flag string, set bool, values ...string) {
		if set {
			settings = append(settings, setting{key, flag, values})
		}
	}
	l := &f.LLM
	add("llm.base-url", "llm-base-url", l.BaseURL != "", l.BaseURL)
	add("llm.model", "llm-model", l.Model != "", l.Model)
	add("llm.concurrency", "llm-concurrency", l.Concurrency > 0, strconv.Itoa(l.Concurrency))
	add("llm.timeout", "llm-timeout", l.Timeout > 0, l.Timeout.String())
	add("llm.max-requests", "llm-max-requests", l.MaxRequests > 0, strconv.Itoa(l.MaxRequests))
	add("llm.cache-dir", "llm-cache", l.CacheDir != "", l.CacheDir)
	if l.RetranslateMin != nil {
		add("llm.retranslate-min", "retranslate-min", true, l.RetranslateMin.String())
	}
	outputs := make([]string, len(f.Report.Outputs))
	for i, o := range f.Report.Outputs {
		outputs[i] = o.String()
	}
	add("report.outputs", "report", len(outputs) > 0, outputs...)
	flags := cmd.Flags()
	for _, s := range settings {
		fl := flags.Lookup(s.flag)
		if fl == nil || fl.Changed {
			continue
		}
		for _, v := range s.values {
			if err := fl.Value.Set(v); err != nil {
				return fmt.Errorf("%s: %s: %w", f.Path, s.key, err)
			}
		}
	}
	return nil
}

// loadBaseline reads the --baseline file before the run, so that a
// missing or broken file fails at once; tqa baseline update writes it
// instead.
func (fl *checkFlags) loadBaseline() error {
	if fl.updateBaseline {
		fl.format = "text" // update writes no report: never the streaming one
	}
	if fl.baseline == "" || fl.updateBaseline {
		return nil
	}
	b, err := baseline.Load(fl.baseline)
	if err != nil {
		return err
	}
	fl.accepted = b
	return nil
}

// severityOverrides returns the configured severities by check name.
func (fl *checkFlags) severityOverrides() map[string]pipeline.Severity {
	if fl.config == nil {
		return nil
	}
	return fl.config.Checks.Severity
}

// allowed returns the configuration's allow lists as the pipeline's
// filter, or nil when they accept nothing.
func (fl *checkFlags) allowed() func(*pipeline.Finding) bool {
	if fl.config == nil || fl.config.Allow.Empty() {
		return nil
	}
	return fl.config.Allow.Allows
}

// selectArgs applies the configuration's include and exclude globs to the
// command line: directories are replaced by the files in them that the
// globs select, and files named are kept when the globs select them. An
// argument that cannot be expanded ("-", a missing path) is kept as it is,
// for the run to read or report.
func (fl *checkFlags) selectArgs(args []string) []string {
	if fl.config == nil || (len(fl.config.Include) == 0 && len(fl.config.Exclude) == 0) {
		return args
	}
	var out []string
	for _, arg := range args {
		found, err := corpus.Expand([]string{arg})
		if arg == "-" || err != nil {
			out = append(out, arg)
			continue
		}
		for _, f := range found {
			if fl.config.Selects(f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// afterRun applies the baseline to the findings of a run. For tqa baseline update it writes the baseline instead and reports
// done: no report is written then.
func (fl *checkFlags) afterRun(findings *[]pipeline.Finding, rep *reports.Report, stderr io.Writer) (done bool, err error) {
	warnSuppressions(rep.Documents, stderr)
	if fl.updateBaseline {
		return true, fl.writeBaseline(*findings, rep, stderr)
	}
	if fl.accepted == nil {
		return false, nil
	}
	kept, n := fl.accepted.Filter(*findings, filepath.Dir(fl.baseline))
	*findings = kept
	fl.noteSuppressed(n, stderr)
	return false, nil
}

// noteSuppressed says on stderr how many findings the baseline dropped.
func (fl *checkFlags) noteSuppressed(n int, stderr io.Writer) {
	fmt.Fprintf(stderr, "tqa: %d %s suppressed by the baseline %s\n", n, countNoun(n, "finding", "findings"), filepath.ToSlash(fl.baseline))
}

// writeBaseline records findings in the --baseline file, unless an input
// could not be read: a baseline without that file's findings would let
// them through later.
func (fl *checkFlags) writeBaseline(findings []pipeline.Finding, rep *reports.Report, stderr io.Writer) error {
	if fl.baseline == "" {
		return usageError("--baseline FILE is required (or baseline: in %s)", config.Name)
	}
	if len(rep.Errors) > 0 {
		for _, e := range rep.Errors {
			fmt.Fprintf(stderr, "tqa: %v\n", e.Err)
		}
		fmt.Fprintf(stderr, "tqa: baseline %s not written: %d %s could not be read\n", filepath.ToSlash(fl.baseline), len(rep.Errors), countNoun(len(rep.Errors), "input", "inputs"))
		return exitStatus(exitError)
	}
	if err := baseline.New(findings, filepath.Dir(fl.baseline)).Save(fl.baseline); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "tqa: baseline %s: %d %s recorded\n", filepath.ToSlash(fl.baseline), len(findings), countNoun(len(findings), "finding", "findings"))
	return nil
}

func countNoun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// warnSuppressions warns, once per file and name, about suppression
// comments that name no check: they suppress nothing, which a typo would
// otherwise hide.
func warnSuppressions(docs []*pipeline.Document, stderr io.Writer) {
	for _, d := range docs {
		seen := map[string]bool{}
		for i := range d.Segments {
			s := &d.Segments[i]
			for _, name := range s.Suppress {
				if _, ok := checks.ByName(name); ok || name == pipeline.SuppressAll || seen[name] {
					continue
				}
				seen[name] = true
				pos := s.Locate(pipeline.Target, 0)
				fmt.Fprintf(stderr, "tqa: warning: %s:%d: a suppression comment names %q, which is no check (tqa checks lists them)\n", d.Path, pos.Line, name)
			}
		}
	}
}
