package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tqa-project/tqa/baseline"
	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/internal/hugepage"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/reports"
)

// streamParts is how many records (lines of JSON Lines, PO messages,
// table rows, paragraphs) a part of a streamed input holds in memory at
// once; a variable for tests.
var streamParts = 1000

// streamHeap is the heap that the first stream of a run prepares for huge
// pages (see package hugepage), as readInputs does for whole files: a
// stream's heap stays about that of one part, whose reading and checks
// allocate afresh, part after part (tqa check --format jsonl on the PO
// file that bench/mkpo writes peaks at 32 MB of RSS, start-up included).
const streamHeap = 32 << 20

// streamFormats are the formats that --format jsonl reads part by part
// (see corpus.Stream); a variable for tests.
var streamFormats = map[string]bool{"jsonl": true, "po": true, "tsv": true, "csv": true, "text": true}

// streamSetup is what runStream checks with.
type streamSetup struct {
	opt  corpus.Options
	list []*pipeline.Check
	cfg  *pipeline.Config
	// sieve drops the findings of the --baseline file part by part; nil
	// without a baseline.
	sieve *baseline.Sieve
}

// accept returns the findings of one part that the baseline does not
// hold (all of them without a baseline).
func (st streamSetup) accept(fs []pipeline.Finding) []pipeline.Finding {
	if st.sieve == nil {
		return fs
	}
	return st.sieve.Filter(fs)
}

// runStream is tqa check --format jsonl: JSON Lines, PO, TSV, CSV and
// plain-text inputs (by their extension, and "-" for JSON Lines on stdin)
// are read, checked and reported part by part, so memory stays bounded
// however large they are; the other inputs, aligned pairs of files, and
// inputs that are not UTF-8 (corpus.ErrWholeFile), are read whole and checked together afterwards,
// as without streaming. Each finding is written as one line as soon as its
// part is checked. Checks that compare segments with each other or with
// their document's level (term-consistency, length-ratio, length-outlier)
// see the segments of one part of a stream.
func runStream(ctx context.Context, args []string, st streamSetup, stdin io.Reader, stdout io.Writer) (worst pipeline.Severity, errs []reports.FileError, err error) {
	opt, list, cfg := st.opt, st.list, st.cfg
	note := func(fs []pipeline.Finding) {
		for _, f := range fs {
			worst = max(worst, f.Severity)
		}
	}
	// Files named name.<lang>.txt side by side are aligned into one
	// document (see readInputs): they are read whole.
	expanded := make([][]string, len(args))
	var all []string
	for i, arg := range args {
		if arg == "-" {
			continue
		}
		found, err := corpus.Expand([]string{arg})
		if err != nil {
			errs = append(errs, reports.FileError{Path: arg, Err: err})
			continue
		}
		expanded[i], all = found, append(all, found...)
	}
	paired := map[string]bool{}
	pairs, _ := corpus.Pairs(all, cfg.SourceLang, cfg.TargetLang)
	for _, p := range pairs {
		paired[p.Source], paired[p.Target] = true, true
	}
	var rest []string
	for i, arg := range args {
		if arg != "-" {
			for _, path := range expanded[i] {
				format, _ := corpus.Format(path)
				if !streamFormats[format] || paired[path] {
					rest = append(rest, path)
					continue
				}
				if err := streamFile(ctx, path, format, nil, st, stdout, note); err != nil {
					if errors.Is(err, corpus.ErrWholeFile) {
						rest = append(rest, path)
						continue
					}
					if ctx.Err() != nil || isWriteError(err) {
						return worst, errs, err
					}
					errs = append(errs, reports.FileError{Path: path, Err: err})
				}
			}
			continue
		}
		if err := streamFile(ctx, "-", "jsonl", stdin, st, stdout, note); err != nil {
			if ctx.Err() != nil || isWriteError(err) {
				return worst, errs, err
			}
			errs = append(errs, reports.FileError{Path: "-", Err: err})
		}
	}
	if len(rest) == 0 {
		return worst, errs, nil
	}
	rep := &reports.Report{Tool: "tqa", Version: version}
	opened, readErrs := readInputs(rest, opt, cfg, nil)
	errs = append(errs, readErrs...)
	opened, findings, checkErrs, err := checkDocuments(ctx, opened, list, cfg, nil, nil)
	errs = append(errs, checkErrs...)
	if err != nil {
		return worst, errs, err
	}
	for _, f := range opened {
		rep.Documents = append(rep.Documents, f.Doc)
	}
	rep.Findings = st.accept(findings)
	note(rep.Findings)
	if err := reports.WriteJSONL(stdout, rep); err != nil {
		return worst, errs, writeError{err}
	}
	return worst, errs, nil
}

// streamFile checks one input in format part by part; r is nil for a
// file. An input that is not UTF-8 gives an error wrapping
// corpus.ErrWholeFile before any part is checked.
func streamFile(ctx context.Context, path, format string, r io.Reader, st streamSetup, stdout io.Writer, note func([]pipeline.Finding)) error {
	if r == nil {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		defer f.Close()
		r = f
	}
	hugepage.PrepareHeap(streamHeap)
	return corpus.Stream(r, path, format, st.opt, corpus.StreamOptions{Segments: streamParts}, func(doc *pipeline.Document) error {
		docs := []*pipeline.Document{doc}
		fs, err := pipeline.Run(ctx, docs, st.list, st.cfg)
		if err != nil {
			return err
		}
		fs = st.accept(fs)
		note(fs)
		if err := reports.WriteJSONL(stdout, &reports.Report{Tool: "tqa", Version: version, Documents: docs, Findings: fs}); err != nil {
			return writeError{err}
		}
		return nil
	})
}

// writeError is a failure to write the report: it stops the run.
type writeError struct{ err error }

func (e writeError) Error() string { return "write report: " + e.err.Error() }
func (e writeError) Unwrap() error { return e.err }

func isWriteError(err error) bool {
	_, ok := err.(writeError)
	return ok
}

// stdinNeedsJSONL is the usage error for "-" with another format.
func stdinNeedsJSONL(format string) error {
	return usageError("reading stdin (-) needs --format jsonl, not %s (%s)", format, strings.Join(reports.FormatNames(), ", "))
}
