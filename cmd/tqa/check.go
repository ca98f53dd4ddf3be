package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"
	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
	"github.com/tqa-project/tqa/reports"
)

// checkFlags holds the flags of tqa check.
type checkFlags struct {
	format     string
	sourceLang string
	targetLang string
	glossaries []string
	noBuiltin  bool
	spelling   string
	failOn     string
	color      string
	enable     []string
	disable    []string
	jobs       int
	encoding   string
	languages  []string
	dict       string
	reports    []string
	maxScore   string
	quiet      bool
	inc        incrementalFlags
	configState
	llm llmFlags

	officialNameThreshold float64
}

func newCheckCmd(stdout, stderr io.Writer) *cobra.Command {
	var fl checkFlags
	cmd := &cobra.Command{
		Use:   "check [flags] PATH...",
		Short: "Check translation files and directories",
		Long: `Check reads the files named (directories are walked for the files of
every format tqa reads), runs the checks and prints a report.

With --format jsonl, JSON Lines inputs are checked part by part and each
finding is printed as one line as soon as its part is checked, so memory
stays bounded however large they are; "-" reads JSON Lines from stdin.
` + "`tqa check --format jsonl -`" + ` is a filter: the map step of a Hadoop or
Spark streaming job, or one of many under xargs -P or GNU parallel.

Exit status: 0 when no finding is at or above --fail-on and the MQM score
is within --max-score, 1 when not, 2 on a usage, configuration or input
error. A file that cannot be read is reported and the other files are
still checked; the exit status is then 2.`,
		Example: `  tqa check corpus/samples
  tqa check --format json --fail-on critical docs/
  zcat corpus.jsonl.gz | tqa check --format jsonl - > findings.jsonl
  tqa check --format github --report sarif=tqa.sarif --report junit=tqa.xml --max-score 50 docs/
  tqa check --glossary terms.tbx --spelling en-GB --target-lang en-GB article.md`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := fl.applyConfig(cmd); err != nil {
				return err
			}
			return runCheck(cmd.Context(), &fl, args, cmd.InOrStdin(), stdout, stderr)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.format, "format", "text", "report format: "+strings.Join(reports.FormatNames(), " or "))
	f.StringVar(&fl.sourceLang, "source-lang", "", "source language (BCP 47) where the input does not give one")
	f.StringVar(&fl.targetLang, "target-lang", "en", "target language (BCP 47) where the input does not give one")
	f.StringArrayVar(&fl.glossaries, "glossary", nil, "glossary file (TBX or CSV); repeatable; the first is the most authoritative")
	f.BoolVar(&fl.noBuiltin, "no-builtin-glossary", false, "do not use the built-in NATO glossary")
	f.StringVar(&fl.spelling, "spelling", "", "spelling profile: nato, en-US, en-GB or off (default nato with the built-in glossary, else off)")
	f.StringVar(&fl.failOn, "fail-on", "major", "exit 1 when a finding is at or above this severity: neutral, minor, major, critical or never")
	f.StringVar(&fl.color, "color", "auto", "colour in the text report: auto (on a terminal, unless NO_COLOR is set), always or never")
	f.StringSliceVar(&fl.enable, "enable", nil, "run only these checks (comma-separated names; see tqa checks)")
	f.StringSliceVar(&fl.disable, "disable", nil, "do not run these checks (comma-separated names)")
	f.IntVarP(&fl.jobs, "jobs", "j", 0, "files read and documents checked at once (default: the number of CPUs)")
	f.StringSliceVar(&fl.languages, "languages", nil, "candidate languages of language identification (BCP 47, comma-separated; default: source, target, fr, de, es, it, pt, nl)")
	f.StringVar(&fl.dict, "dict", "", "a Chinese–English dictionary in the CC-CEDICT format, for the meaning of Chinese fragments (default: $TQA_DICT)")
	f.StringVar(&fl.encoding, "encoding", "", "input encoding: "+strings.Join(corpus.Encodings, ", ")+" (default: detected)")
	f.StringArrayVar(&fl.reports, "report", nil, "also write a report to a file, as FORMAT=FILE (repeatable), e.g. sarif=tqa.sarif")
	f.StringVar(&fl.maxScore, "max-score", "", "exit 1 when the run's MQM score per 1,000 words is above N (default: no limit)")
	f.Float64Var(&fl.officialNameThreshold, "official-name-threshold", 0, "similarity from which official-name reports a near miss of an official name, above 0 and at most 1 (default 0.8)")
	f.BoolVarP(&fl.quiet, "quiet", "q", false, "no progress display on stderr (it shows only on a terminal, outside CI)")
	addIncrementalFlags(f, &fl.inc)
	addConfigFlags(f, &fl.configState)
	addLLMFlags(cmd, &fl.llm)
	cmd.PreRunE = func(cmd *cobra.Command, _ []string) error { return checkLLMFlags(cmd, &fl.llm) }
	return cmd
}

// usageError is a mistake in the command line: exit 2 with its message.
func usageError(format string, args ...any) error {
	return fmt.Errorf(format, args...)
}

func runCheck(ctx context.Context, fl *checkFlags, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	format, ok := reports.LookupFormat(fl.format)
	if !ok {
		return usageError("--format: unknown format %q (want %s)", fl.format, strings.Join(reports.FormatNames(), " or "))
	}
	if err := validateLLM(&fl.llm, format.Name); err != nil {
		return err
	}
	failOn, never, err := parseFailOn(fl.failOn)
	if err != nil {
		return err
	}
	outs, err := parseReportOutputs(fl.reports)
	if err != nil {
		return err
	}
	limit, err := parseMaxScore(fl.maxScore)
	if err != nil {
		return err
	}
	if t := fl.officialNameThreshold; t < 0 || t > 1 {
		return usageError("--official-name-threshold: %g is not above 0 and at most 1", t)
	}
	cfg := &pipeline.Config{Jobs: fl.jobs, OfficialNameThreshold: fl.officialNameThreshold}
	cfg.Severity, cfg.Allowed = fl.severityOverrides(), fl.allowed()
	if cfg.TargetLang, err = parseLang("--target-lang", fl.targetLang); err != nil {
		return err
	}
	if cfg.SourceLang, err = parseLang("--source-lang", fl.sourceLang); err != nil {
		return err
	}
	for _, l := range fl.languages {
		t, err := parseLang("--languages", l)
		if err != nil {
			return err
		}
		cfg.Languages = append(cfg.Languages, t)
	}
	profile := fl.spelling
	if profile == "" {
		profile = "off"
		if !fl.noBuiltin {
			profile = "nato"
		}
	}
	if cfg.Spelling, err = spelling.ParseProfile(profile); err != nil {
		return usageError("--spelling: %v", err)
	}
	for _, path := range fl.glossaries {
		g, err := glossary.LoadFile(path)
		if err != nil {
			return err
		}
		cfg.Glossaries = append(cfg.Glossaries, g)
	}
	if !fl.noBuiltin {
		cfg.Glossaries = append(cfg.Glossaries, glossary.NATO())
	}
	if cfg.Dict, err = loadDict(fl.dict); err != nil {
		return err
	}
	list, err := selectChecks(fl.enable, fl.disable)
	if err != nil {
		return err
	}
	useColor, err := colorWanted(fl.color, stdout)
	if err != nil {
		return err
	}

	rep := &reports.Report{Tool: "tqa", Version: version, Checks: list}
	opt := corpus.Options{SourceLang: cfg.SourceLang, TargetLang: cfg.TargetLang, Encoding: fl.encoding}
	args = fl.selectArgs(args)
	if format.Name == "jsonl" {
		if err := streamOnly(outs, limit); err != nil {
			return err
		}
		if fl.updateBaseline {
			return usageError("tqa baseline update needs a whole report: do not use --format jsonl")
		}
		if fl.inc.on {
			return usageError("--incremental: not with --format jsonl, which streams its inputs")
		}
		st := streamSetup{opt: opt, list: list, cfg: cfg}
		if fl.accepted != nil {
			st.sieve = fl.accepted.Sieve(filepath.Dir(fl.baseline))
		}
		worst, errs, err := runStream(ctx, args, st, stdin, stdout)
		if st.sieve != nil {
			fl.noteSuppressed(st.sieve.Suppressed(), stderr)
		}
		if err != nil {
			return err
		}
		return exitFor(errs, !never && worst >= failOn && worst > 0, stderr)
	}
	if slices.Contains(args, "-") {
		return stdinNeedsJSONL(format.Name)
	}
	var files []string
	for _, arg := range args {
		found, err := corpus.Expand([]string{arg})
		if err != nil {
			rep.Errors = append(rep.Errors, reports.FileError{Path: arg, Err: err})
			continue
		}
		files = append(files, found...)
	}
	cache, err := fl.openCache()
	if err != nil {
		return err
	}
	var prog *progress
	if progressWanted(fl.quiet, stderr, os.Getenv) {
		prog = newProgress(stderr, time.Now)
	}
	opened, errs := readInputs(files, opt, cfg, prog)
	if cache != nil {
		key, err := fl.runKey(list)
		if err != nil {
			prog.done()
			return err
		}
		addKeys(cache, key, opened)
	}
	opened, findings, checkErrs, err := checkDocuments(ctx, opened, list, cfg, cache, prog)
	prog.done()
	if err != nil {
		return err
	}
	if !fl.quiet {
		reportCache(cache, stderr)
	}
	for _, f := range opened {
		rep.Documents = append(rep.Documents, f.Doc)
	}
	rep.Errors = append(append(rep.Errors, errs...), checkErrs...)
	rep.Digests = digests(opened)
	if done, err := fl.afterRun(&findings, rep, stderr); done || err != nil {
		return err
	}
	rep.Findings = findings
	if fl.llm.retranslate {
		if err := runRetranslate(ctx, &fl.llm, rep, opened, opt, list, cfg, stderr); err != nil {
			return err
		}
	}
	if err := writeReports(stdout, format, outs, rep, useColor); err != nil {
		return err
	}
	if fl.llm.retranslate && format.Name == "text" {
		if err := writeProposalsText(stdout, rep); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	failed := false
	if !never {
		for _, f := range findings {
			if f.Severity >= failOn {
				failed = true
				break
			}
		}
	}
	if len(rep.Errors) == 0 && !failed {
		if err := limit.checkScore(rep); err != nil {
			fmt.Fprintf(stderr, "tqa: %v\n", err)
			failed = true
		}
	}
	return exitFor(rep.Errors, failed, stderr)
}

// exitFor reports the inputs that could not be read on stderr and returns
// the exit status: 2 when there are such inputs, else 1 when failed.
func exitFor(errs []reports.FileError, failed bool, stderr io.Writer) error {
	if len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintf(stderr, "tqa: %v\n", e.Err)
		}
		writeFailureSummary(stderr, errs)
		return exitStatus(exitError)
	}
	if failed {
		return exitStatus(exitFindings)
	}
	return nil
}

func parseFailOn(s string) (pipeline.Severity, bool, error) {
	if strings.EqualFold(s, "never") {
		return 0, true, nil
	}
	sev, err := pipeline.ParseSeverity(s)
	if err != nil {
		return 0, false, usageError("--fail-on: %v, or never", err)
	}
	return sev, false, nil
}

func parseLang(flag, s string) (language.Tag, error) {
	if s == "" {
		return language.Und, nil
	}
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, usageError("%s: %q is not a BCP 47 language tag", flag, s)
	}
	return t, nil
}

// selectChecks applies --enable and --disable to the registry.
func selectChecks(enable, disable []string) ([]*pipeline.Check, error) {
	for _, name := range append(append([]string{}, enable...), disable...) {
		if _, ok := checks.ByName(name); !ok {
			return nil, usageError("unknown check %q (tqa checks lists them)", name)
		}
	}
	in := func(list []string, name string) bool {
		for _, n := range list {
			if n == name {
				return true
			}
		}
		return false
	}
	var out []*pipeline.Check
	for _, c := range checks.All() {
		if len(enable) > 0 && !in(enable, c.Name) {
			continue
		}
		if in(disable, c.Name) {
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

// colorWanted decides whether the text report uses colour: always, never,
// or (auto) when stdout is a terminal and NO_COLOR is unset or empty.
func colorWanted(mode string, stdout io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if os.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		f, ok := stdout.(*os.File)
		return ok && term.IsTerminal(int(f.Fd())), nil
	}
	return false, usageError("--color: unknown mode %q (want auto, always or never)", mode)
}
