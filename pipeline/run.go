package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"
)

// Run applies checks to docs and returns their findings in report order.
//
// Segments whose languages are unknown take them from their document, and
// documents from cfg. Document-scoped checks run on up to cfg.Jobs
// documents at once; run-scoped checks run afterwards. A check that fails
// or panics stops the run with an error naming the check and the document
// (and, for a panic, the segment), unless cfg.DocumentFailed is set: see
// Config. With cfg.Cache, documents whose findings it holds are not
// checked again.
func Run(ctx context.Context, docs []*Document, checks []*Check, cfg *Config) ([]Finding, error) {
	if cfg == nil {
		cfg = &Config{}
	}
	for _, d := range docs {
		fillLanguages(d, cfg)
	}
	m := &memo{}
	perDoc := make([][]Finding, len(docs))
	g, ctx := errgroup.WithContext(ctx)
	jobs := cfg.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	g.SetLimit(jobs)
	failed := make([]bool, len(docs))
	for i, d := range docs {
		g.Go(func() error {
			if cached, ok := loadCached(cfg.Cache, i, d); ok {
				perDoc[i] = cached
				cfg.documentDone(i, d)
				return nil
			}
			for _, c := range checks {
				if c.Scope != DocumentScope {
					continue
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := runPass(c, []*Document{d}, []int{i}, cfg, m, &perDoc[i]); err != nil {
					if cfg.DocumentFailed == nil {
						return err
					}
					cfg.DocumentFailed(i, err)
					failed[i], perDoc[i] = true, nil
					cfg.documentDone(i, d)
					return nil
				}
			}
			if cfg.Cache != nil {
				cfg.Cache.Store(d, perDoc[i])
			}
			cfg.documentDone(i, d)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var all []Finding
	for _, fs := range perDoc {
		all = append(all, fs...)
	}
	idx := make([]int, len(docs))
	for i := range idx {
		idx[i] = i
	}
	for _, c := range checks {
		if c.Scope != RunScope {
			continue
		}
		if err := runPass(c, docs, idx, cfg, m, &all); err != nil {
			return nil, err
		}
	}
	if slices.Contains(failed, true) {
		all = slices.DeleteFunc(all, func(f Finding) bool { return failed[f.Doc] })
	}
	SortFindings(all)
	return all, nil
}

// loadCached returns the findings that cache holds for d, the document of
// index i, with their Doc and Path set to d's.
func loadCached(cache DocumentCache, i int, d *Document) ([]Finding, bool) {
	if cache == nil {
		return nil, false
	}
	fs, ok := cache.Load(d)
	if !ok {
		return nil, false
	}
	for j := range fs {
		fs[j].Doc, fs[j].Path = i, d.Path
	}
	return fs, true
}

func (c *Config) documentDone(i int, d *Document) {
	if c.DocumentDone != nil {
		c.DocumentDone(i, d)
	}
}

func runPass(c *Check, docs []*Document, idx []int, cfg *Config, m *memo, out *[]Finding) (err error) {
	p := &Pass{Check: c, Docs: docs, Config: cfg, docIndex: idx, memo: m}
	sev := p.Severity()
	p.report = func(f Finding) {
		if f.Severity == 0 {
			// Findings reported without a severity take the check's.
			f.Severity = sev
		}
		if cfg.Allowed != nil && cfg.Allowed(&f) {
			return
		}
		*out = append(*out, f)
	}
	defer func() {
		if r := recover(); r != nil {
			where := "run"
			if len(docs) == 1 {
				where = docs[0].Path
			}
			stack := debug.Stack()
			if c.Scope == DocumentScope && len(docs) == 1 {
				where += culprit(c, docs[0], cfg)
			}
			err = fmt.Errorf("check %s: %s: panic: %v\n%s", c.Name, where, r, stack)
		}
	}()
	if err := c.Run(p); err != nil {
		if len(docs) == 1 {
			return fmt.Errorf("check %s: %s: %w", c.Name, docs[0].Path, err)
		}
		return fmt.Errorf("check %s: %w", c.Name, err)
	}
	return p.err
}

func fillLanguages(d *Document, cfg *Config) {
	if d.SourceLang == language.Und {
		d.SourceLang = cfg.SourceLang
	}
	if d.TargetLang == language.Und {
		d.TargetLang = cfg.TargetLang
	}
	for i := range d.Segments {
		s := &d.Segments[i]
		if s.SourceLang == language.Und {
			s.SourceLang = d.SourceLang
		}
		if s.TargetLang == language.Und {
			s.TargetLang = d.TargetLang
		}
	}
}

// culprit names the segment of d on which c panics, as ": line L, column
// C: segment ID", by running c again on each segment alone; it is empty
// when no segment alone makes c panic. It runs only after a panic.
func culprit(c *Check, d *Document, cfg *Config) string {
	for i := range d.Segments {
		one := *d
		one.Segments = d.Segments[i : i+1]
		if panics(c, &one, cfg) {
			s := &d.Segments[i]
			pos := s.Locate(Target, 0)
			if pos.Line == 0 {
				return fmt.Sprintf(": segment %s", s.ID)
			}
			return fmt.Sprintf(": line %d, column %d: segment %s", pos.Line, pos.Column, s.ID)
		}
	}
	return ""
}

// panics reports whether c panics on d; its findings are dropped.
func panics(c *Check, d *Document, cfg *Config) (panicked bool) {
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	p := &Pass{Check: c, Docs: []*Document{d}, Config: cfg, docIndex: []int{0}, memo: &memo{}, report: func(Finding) {}}
	_ = c.Run(p)
	return false
}
