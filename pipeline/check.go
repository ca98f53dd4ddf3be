package pipeline

import (
	"fmt"
	"sync"
)

// Scope says what one Pass of a check sees.
type Scope uint8

const (
	// DocumentScope checks see one document at a time; documents are
	// checked concurrently.
	DocumentScope Scope = iota
	// RunScope checks see all documents of the run at once, after the
	// document-scoped checks (for example consistency across files).
	RunScope
)

// Check is one kind of problem that tqa looks for. It is a plain value:
// the registry in package checks lists every check explicitly.
type Check struct {
	Name     string   // stable, kebab-case: config key, SARIF ruleId, baseline key
	Doc      string   // first sentence: what it finds; then details
	Category string   // MQM category of its findings
	Severity Severity // default severity; configuration may override it
	Scope    Scope
	// NonProse marks checks that inspect what is not prose (links,
	// placeholders, code): their findings are kept where they overlap a
	// segment's skip spans, which drop every other check's.
	NonProse bool
	Run      func(*Pass) error
}

// Pass is what a check sees while it runs: the documents, the
// configuration, and a way to report findings.
type Pass struct {
	Check  *Check
	Docs   []*Document // one document, or all of them for RunScope checks
	Config *Config

	docIndex []int // run index of each of Docs
	memo     *memo
	report   func(Finding)
	err      error
}

// Report records a finding on segment seg of document d (an index into
// p.Docs). Check, Path, ID and Text are filled in; Category and Severity
// default to the check's. Findings that overlap a segment's non-prose spans
// are dropped, unless the check is NonProse, and so are findings on
// segments whose Suppress names the check. A span that is out of range or splits a character is a bug
// in the check and makes the pass fail.
func (p *Pass) Report(d, seg int, f Finding) {
	doc := p.Docs[d]
	s := &doc.Segments[seg]
	text := s.Text(f.Side)
	if !f.Span.Valid(text) {
		if p.err == nil {
			p.err = fmt.Errorf("check %s: %s segment %s: invalid %s span %v", p.Check.Name, doc.Path, s.ID, f.Side, f.Span)
		}
		return
	}
	if s.Suppresses(p.Check.Name) {
		return
	}
	if !p.Check.NonProse {
		for _, sk := range s.Skip(f.Side) {
			if sk.Overlaps(f.Span) || (f.Span.Len() == 0 && sk.Start < f.Span.Start && f.Span.Start < sk.End) {
				return
			}
		}
	}
	f.Check = p.Check.Name
	if f.Category == "" {
		f.Category = p.Check.Category
	}
	f.Doc = p.docIndex[d]
	f.Path = doc.Path
	f.Segment = seg
	f.ID = s.ID
	f.Text = text[f.Span.Start:f.Span.End]
	p.report(f)
}

// Severity returns the severity to report for this check, after
// configuration overrides: checks that escalate (e.g. in headings) start
// from it.
func (p *Pass) Severity() Severity {
	if sev, ok := p.Config.Severity[p.Check.Name]; ok {
		return sev
	}
	return p.Check.Severity
}

// Memo returns the value stored under key for document d, computing it
// with compute the first time. Checks use it to share analyses that cost
// something (term matches, script runs) with other checks of the same run.
// Keys should be values of an unexported type of the calling package.
func (p *Pass) Memo(d int, key any, compute func() any) any {
	return p.memo.get(p.docIndex[d], key, compute)
}

type memoKey struct {
	doc int
	key any
}

type memo struct {
	mu sync.Mutex
	m  map[memoKey]*memoEntry
}

type memoEntry struct {
	once sync.Once
	v    any
}

func (m *memo) get(doc int, key any, compute func() any) any {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[memoKey]*memoEntry{}
	}
	k := memoKey{doc, key}
	e := m.m[k]
	if e == nil {
		e = &memoEntry{}
		m.m[k] = e
	}
	m.mu.Unlock()
	e.once.Do(func() { e.v = compute() })
	return e.v
}
