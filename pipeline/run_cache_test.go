package pipeline

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
)

// mapCache is a DocumentCache in memory, keyed by path and targets, that
// counts what Run asks of it.
type mapCache struct {
	mu            sync.Mutex
	m             map[string][]Finding
	loads, stores int
}

func cacheKey(d *Document) string {
	var b strings.Builder
	b.WriteString(d.Path)
	for _, s := range d.Segments {
		b.WriteString("\x00" + s.Target)
	}
	return b.String()
}

func (c *mapCache) Load(d *Document) ([]Finding, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.loads++
	fs, ok := c.m[cacheKey(d)]
	return slices.Clone(fs), ok
}

func (c *mapCache) Store(d *Document, fs []Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stores++
	if c.m == nil {
		c.m = map[string][]Finding{}
	}
	c.m[cacheKey(d)] = slices.Clone(fs)
}

// countingCheck counts the documents it checks and reports every "x".
func countingCheck(n *int, mu *sync.Mutex) *Check {
	c := wordCheck("find-x", "x", Minor)
	run := c.Run
	c.Run = func(p *Pass) error {
		mu.Lock()
		*n++
		mu.Unlock()
		return run(p)
	}
	return c
}

func TestRunCache(t *testing.T) {
	var mu sync.Mutex
	checked, runScoped := 0, 0
	check := countingCheck(&checked, &mu)
	all := &Check{Name: "run", Scope: RunScope, Run: func(p *Pass) error { runScoped += len(p.Docs); return nil }}
	cache := &mapCache{}
	cfg := &Config{Cache: cache}
	tests := []struct {
		name         string
		docs         []*Document
		wantChecked  int
		wantFindings []string
	}{
		{"cold", []*Document{doc("a", "x x"), doc("b", "y x")}, 2, []string{"a:0", "a:0", "b:1"}},
		{"warm", []*Document{doc("a", "x x"), doc("b", "y x")}, 0, []string{"a:0", "a:0", "b:1"}},
		// Reordered: findings loaded from the cache take their new index.
		{"reordered", []*Document{doc("b", "y x"), doc("a", "x x")}, 0, []string{"b:0", "a:1", "a:1"}},
		{"one changed", []*Document{doc("a", "x x x"), doc("b", "y x")}, 1, []string{"a:0", "a:0", "a:0", "b:1"}},
	}
	for _, tt := range tests {
		checked, runScoped = 0, 0
		fs, err := Run(context.Background(), tt.docs, []*Check{check, all}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			got = append(got, f.Path+":"+string(rune('0'+f.Doc)))
		}
		if checked != tt.wantChecked || !slices.Equal(got, tt.wantFindings) {
			t.Errorf("%s: checked %d documents, findings %v; want %d, %v", tt.name, checked, got, tt.wantChecked, tt.wantFindings)
		}
		if runScoped != len(tt.docs) {
			t.Errorf("%s: the run-scoped check saw %d documents, want %d", tt.name, runScoped, len(tt.docs))
		}
	}
	if cache.loads != 8 || cache.stores != 3 {
		t.Errorf("%d loads, %d stores; want 8, 3", cache.loads, cache.stores)
	}
}

func TestRunDocumentFailed(t *testing.T) {
	boom := &Check{Name: "boom", Run: func(p *Pass) error {
		for _, s := range p.Docs[0].Segments {
			if s.Target == "bad" {
				panic("oops")
			}
		}
		return nil
	}}
	var mu sync.Mutex
	n := 0
	var failures []string
	var done []int
	cfg := &Config{
		Jobs: 1,
		DocumentFailed: func(i int, err error) {
			failures = append(failures, string(rune('0'+i))+" "+err.Error())
		},
		DocumentDone: func(i int, _ *Document) { done = append(done, i) },
	}
	docs := []*Document{doc("a.txt", "x"), doc("b.txt", "fine", "x", "bad"), doc("c.txt", "x")}
	fs, err := Run(context.Background(), docs, []*Check{countingCheck(&n, &mu), boom}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range fs {
		paths = append(paths, f.Path)
	}
	if !slices.Equal(paths, []string{"a.txt", "c.txt"}) {
		t.Errorf("findings on %v, want a.txt and c.txt only", paths)
	}
	if len(failures) != 1 || !strings.HasPrefix(failures[0], "1 check boom: b.txt: line 3, column 1: segment c: panic: oops") {
		t.Errorf("failures %q", failures)
	}
	if !slices.Equal(done, []int{0, 1, 2}) {
		t.Errorf("DocumentDone called for %v", done)
	}
}
