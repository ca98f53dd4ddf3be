package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/reports"
)

// reportOutput is one --report FORMAT=FILE: a report written to a file
// besides the one on stdout.
type reportOutput struct {
	format reports.Format
	path   string
}

// parseReportOutputs reads the --report flags.
func parseReportOutputs(specs []string) ([]reportOutput, error) {
	var outs []reportOutput
	for _, spec := range specs {
		name, path, ok := strings.Cut(spec, "=")
		if !ok || name == "" || path == "" {
			return nil, usageError("--report %q: want FORMAT=FILE, e.g. sarif=tqa.sarif", spec)
		}
		format, ok := reports.LookupFormat(name)
		if !ok {
			return nil, usageError("--report %q: unknown format %q (want %s)", spec, name, strings.Join(reports.FormatNames(), " or "))
		}
		for _, o := range outs {
			if filepath.Clean(o.path) == filepath.Clean(path) {
				return nil, usageError("--report %q: %s is already the file of --report %s=%s", spec, path, o.format.Name, o.path)
			}
		}
		outs = append(outs, reportOutput{format: format, path: path})
	}
	return outs, nil
}

// streamOnly rejects --report and --max-score with --format jsonl, which
// prints each finding as soon as it is found and never holds the report of
// the whole run that they need.
func streamOnly(outs []reportOutput, limit maxScore) error {
	if len(outs) > 0 {
		return usageError("--report: not with --format jsonl, which streams findings; write the other reports in a run of their own")
	}
	if limit.set {
		return usageError("--max-score: not with --format jsonl, which streams findings without counting words")
	}
	return nil
}

// writeReports writes the report to stdout in the chosen format and to
// the files of --report. When a GitHub report is written and
// $GITHUB_STEP_SUMMARY names a file, the Markdown report is appended to
// it once. Files are written whole or not at all; an error names the file.
func writeReports(stdout io.Writer, format reports.Format, outs []reportOutput, rep *reports.Report, color bool) (err error) {
	summary, closeSummary, err := openStepSummary(format, outs)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := closeSummary(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	// take hands the step summary to the first GitHub report only.
	take := func(f reports.Format) io.Writer {
		if f.Name != "github" || summary == nil {
			return nil
		}
		w := summary
		summary = nil
		return w
	}
	if err := format.Write(stdout, rep, reports.Options{Color: color, StepSummary: take(format)}); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	for _, o := range outs {
		opt := reports.Options{StepSummary: take(o.format)}
		if err := writeFileAtomic(o.path, func(w io.Writer) error { return o.format.Write(w, rep, opt) }); err != nil {
			return fmt.Errorf("--report %s=%s: %w", o.format.Name, o.path, err)
		}
	}
	return nil
}

// openStepSummary opens $GITHUB_STEP_SUMMARY for appending when a GitHub
// report is asked for and the variable is set; GitHub Actions sets it to a
// file of the step whose Markdown it shows on the run's page.
func openStepSummary(format reports.Format, outs []reportOutput) (io.Writer, func() error, error) {
	noop := func() error { return nil }
	path := os.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil, noop, nil
	}
	wanted := format.Name == "github"
	for _, o := range outs {
		wanted = wanted || o.format.Name == "github"
	}
	if !wanted {
		return nil, noop, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, noop, fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
	}
	return f, func() error {
		if err := f.Close(); err != nil {
			return fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
		}
		return nil
	}, nil
}

// writeFileAtomic writes a file through write: into a temporary file in
// the same directory, renamed over path once complete, so that a reader
// never sees half a report and a failed run leaves the old file as it was.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		done = true
		return fmt.Errorf("write %s: %w", path, err)
	}
	done = true
	return nil
}

// maxScore is the --max-score threshold; set is false when none was given.
type maxScore struct {
	limit float64
	set   bool
}

func parseMaxScore(s string) (maxScore, error) {
	if s == "" {
		return maxScore{}, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return maxScore{}, usageError("--max-score: %q is not a number of 0 or more", s)
	}
	return maxScore{limit: v, set: true}, nil
}

// errScoreAbove is why a run over --max-score exits 1.
var errScoreAbove = errors.New("MQM score above --max-score")

// checkScore returns errScoreAbove, with the score, when the run's MQM
// score per 1,000 words, rounded to two decimals as the reports print it,
// is above the limit.
func (m maxScore) checkScore(rep *reports.Report) error {
	if !m.set {
		return nil
	}
	words := 0
	for _, d := range rep.Documents {
		words += pipeline.DocumentWords(d)
	}
	s := pipeline.ScoreOf(rep.Findings, words)
	per := math.Round(s.PerThousand*100) / 100
	if per > m.limit {
		return fmt.Errorf("%w: %.2f per 1,000 words (penalty %.2f over %d words), limit %s",
			errScoreAbove, per, s.Penalty, words, strconv.FormatFloat(m.limit, 'f', -1, 64))
	}
	return nil
}
