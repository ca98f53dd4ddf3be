package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/internal/doccache"
	"github.com/tqa-project/tqa/internal/hugepage"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/reports"
)

// readInputs reads files, up to cfg.Jobs at once, and returns them in
// the order of files. Files named name.<lang>.txt side by side are a
// source and its translation: they are aligned into one bilingual
// document, which comes first. A file that cannot be read is returned as
// an error, and the others are still read; a reader that panics is such
// an error too.
func readInputs(files []string, opt corpus.Options, cfg *pipeline.Config, prog *progress) ([]*corpus.File, []reports.FileError) {
	heap := heapPerInputByte * inputBytes(files)
	hugepage.PrepareHeap(heap)
	// What is read stays live: a collection while reading or checking
	// would free little.
	hugepage.DelayCollection(heap)
	pairs, rest := corpus.Pairs(files, cfg.SourceLang, cfg.TargetLang)
	n := len(pairs) + len(rest)
	type result struct {
		f    *corpus.File
		path string
		err  error
	}
	results := make([]result, n)
	prog.reading(n)
	var g errgroup.Group
	g.SetLimit(jobs(cfg.Jobs))
	for i := range n {
		g.Go(func() error {
			r := &results[i]
			defer func() {
				if v := recover(); v != nil {
					r.f, r.err = nil, fmt.Errorf("corpus: read %s: internal error: %v", r.path, v)
				}
				segs := 0
				if r.f != nil {
					segs = len(r.f.Doc.Segments)
				}
				prog.fileRead(segs)
			}()
			if i < len(pairs) {
				r.path = pairs[i].Target
				r.f, r.err = corpus.OpenPair(pairs[i], opt)
			} else {
				r.path = rest[i-len(pairs)]
				r.f, r.err = corpus.Open(r.path, opt)
			}
			return nil
		})
	}
	g.Wait()
	var opened []*corpus.File
	var errs []reports.FileError
	for _, r := range results {
		if r.err != nil {
			errs = append(errs, reports.FileError{Path: r.path, Err: r.err})
			continue
		}
		opened = append(opened, r.f)
	}
	return opened, errs
}

// heapPerInputByte is about how many bytes of heap a check of one input
// byte fills: tqa check --format json on the PO file that bench/mkpo
// writes (2.4 MB) peaks at a heap of about 30 MB, one-time set-ups
// included. readInputs prepares that much heap for huge pages (see
// package hugepage); a guess too high costs only address space, too low
// leaves the rest in small pages.
const heapPerInputByte = 16

// inputBytes returns the total size of the files that can be read.
func inputBytes(files []string) int {
	total := 0
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && info.Mode().IsRegular() {
			total += int(info.Size())
		}
	}
	return total
}

// jobs is the number of workers for -j n: n, or the number of CPUs.
func jobs(n int) int {
	if n > 0 {
		return n
	}
	return runtime.GOMAXPROCS(0)
}

// checkDocuments runs the checks over the files read. A check that fails
// or panics on a document makes that document an input error, named with
// the check (and the segment, for a panic): its findings are left out, the
// file is dropped from the files returned, and the other documents are
// still checked. With cache, documents whose findings it holds are not
// checked again.
func checkDocuments(ctx context.Context, opened []*corpus.File, list []*pipeline.Check, cfg *pipeline.Config, cache *doccache.Cache, prog *progress) ([]*corpus.File, []pipeline.Finding, []reports.FileError, error) {
	docs := make([]*pipeline.Document, len(opened))
	for i, f := range opened {
		docs[i] = f.Doc
	}
	var mu sync.Mutex
	failed := map[int]error{}
	if cache != nil {
		cfg.Cache = cache
	}
	cfg.DocumentFailed = func(i int, err error) {
		mu.Lock()
		defer mu.Unlock()
		failed[i] = err
	}
	cfg.DocumentDone = func(_ int, d *pipeline.Document) { prog.docChecked(len(d.Segments)) }
	defer func() { cfg.Cache, cfg.DocumentFailed, cfg.DocumentDone = nil, nil, nil }()
	prog.checking(len(docs))
	findings, err := pipeline.Run(ctx, docs, list, cfg)
	if err != nil || len(failed) == 0 {
		return opened, findings, nil, err
	}
	// Drop the failed documents and renumber the findings of the others.
	var errs []reports.FileError
	var kept []*corpus.File
	index := make([]int, len(opened))
	for i, f := range opened {
		if err, ok := failed[i]; ok {
			errs = append(errs, reports.FileError{Path: f.Doc.Path, Err: err})
			continue
		}
		index[i] = len(kept)
		kept = append(kept, f)
	}
	for j := range findings {
		findings[j].Doc = index[findings[j].Doc]
	}
	return kept, findings, errs, nil
}

// summaryNames is how many failed inputs the summary names.
const summaryNames = 10

// writeFailureSummary ends the messages of a run whose inputs failed with
// one line that counts them and names the first few.
func writeFailureSummary(w io.Writer, errs []reports.FileError) {
	if len(errs) == 0 {
		return
	}
	var names []string
	for _, e := range errs {
		if !slices.Contains(names, e.Path) {
			names = append(names, e.Path)
		}
	}
	more := ""
	if len(names) > summaryNames {
		more = fmt.Sprintf(" and %d more", len(names)-summaryNames)
		names = names[:summaryNames]
	}
	fmt.Fprintf(w, "tqa: %d %s failed, the others were reported: %s%s\n",
		len(errs), countNoun(len(errs), "input", "inputs"), strings.Join(names, ", "), more)
}
