package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"
)

// Run applies checks to docs and returns their findings in report order.
//
// Segments whose languages are unknown take them from their document, and
// documents from cfg. Document-scoped checks run on up to cfg.Jobs
// documents at once; run-scoped checks run afterwards. A check that fails
// or panics stops the run with an error naming the check and the document.
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
	for i, d := range docs {
		g.Go(func() error {
			for _, c := range checks {
				if c.Scope != DocumentScope {
					continue
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := runPass(c, []*Document{d}, []int{i}, cfg, m, &perDoc[i]); err != nil {
					return err
				}
			}
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
	SortFindings(all)
	return all, nil
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
			err = fmt.Errorf("check %s: %s: panic: %v\n%s", c.Name, where, r, debug.Stack())
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
