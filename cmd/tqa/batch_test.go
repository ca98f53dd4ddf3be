package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tqa-project/tqa/config"
	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/reports"
)

// TestProgress drives the progress display with a fake clock: what it
// shows, and that it redraws at most every progressEvery unless the phase
// changes.
func TestProgress(t *testing.T) {
	var out bytes.Buffer
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := newProgress(&out, func() time.Time { return clock })
	at := func(d time.Duration) { clock = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(d) }
	steps := []struct {
		at   time.Duration
		do   func()
		want string // the line drawn, "" for none
	}{
		{0, func() { p.reading(3) }, "tqa: reading 0/3 files, 0 segments"},
		{10 * time.Millisecond, func() { p.fileRead(1000) }, ""},
		{150 * time.Millisecond, func() { p.fileRead(2000) }, "tqa: reading 2/3 files, 3,000 segments"},
		{160 * time.Millisecond, func() { p.fileRead(0) }, ""},
		{200 * time.Millisecond, func() { p.checking(2) }, "tqa: checked 0/2 files, 0/3,000 segments"},
		{1200 * time.Millisecond, func() { p.docChecked(1000) }, "tqa: checked 1/2 files, 1,000/3,000 segments, 1,000 segments/s, ETA 2s"},
		{1250 * time.Millisecond, func() { p.docChecked(2000) }, ""},
	}
	for i, st := range steps {
		out.Reset()
		at(st.at)
		st.do()
		got := strings.TrimRight(strings.TrimPrefix(out.String(), "\r"), " ")
		if got != st.want {
			t.Errorf("step %d: drew %q, want %q", i, got, st.want)
		}
	}
	out.Reset()
	p.done()
	if s := out.String(); !strings.HasPrefix(s, "\r") || strings.TrimSpace(s) != "" {
		t.Errorf("done wrote %q, want the line cleared", s)
	}
	var none *progress // no display: every method is a no-op
	none.reading(1)
	none.fileRead(1)
	none.done()
}

func TestProgressWanted(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		name   string
		quiet  bool
		stderr any
		env    map[string]string
		want   bool
	}{
		{"not a file", false, &bytes.Buffer{}, nil, false},
		{"quiet", true, &bytes.Buffer{}, nil, false},
		{"CI", false, &bytes.Buffer{}, map[string]string{"CI": "true"}, false},
		{"GitHub Actions", false, &bytes.Buffer{}, map[string]string{"GITHUB_ACTIONS": "true"}, false},
		{"GitLab CI", false, &bytes.Buffer{}, map[string]string{"GITLAB_CI": "true"}, false},
	}
	for _, tt := range tests {
		if got := progressWanted(tt.quiet, tt.stderr.(*bytes.Buffer), env(tt.env)); got != tt.want {
			t.Errorf("%s: progressWanted = %v, want %v", tt.name, got, tt.want)
		}
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if progressWanted(false, f, env(nil)) {
		t.Error("progress on a file that is not a terminal")
	}
}

// TestReadInputsOrder: files are read concurrently and come back in the
// order given, errors too.
func TestReadInputsOrder(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i, name := range []string{"a.txt", "b.txt", "c.xlf", "d.txt", "e.txt", "f.txt"} {
		path := filepath.Join(dir, name)
		text := "Line " + string(rune('A'+i)) + ".\n"
		if name == "c.xlf" {
			text = "<xliff"
		}
		mustWrite(t, path, text)
		files = append(files, filepath.ToSlash(path))
	}
	mustWrite(t, filepath.Join(dir, "g.zh.txt"), "北约。\n")
	mustWrite(t, filepath.Join(dir, "g.en.txt"), "NATO.\n")
	files = append(files, filepath.ToSlash(filepath.Join(dir, "g.en.txt")), filepath.ToSlash(filepath.Join(dir, "g.zh.txt")))
	cfg := &pipeline.Config{Jobs: 3}
	cfg.SourceLang, _ = parseLang("", "zh")
	cfg.TargetLang, _ = parseLang("", "en")
	opened, errs := readInputs(files, corpus.Options{}, cfg, nil)
	var got []string
	for _, f := range opened {
		got = append(got, filepath.Base(f.Doc.Path))
	}
	if want := "g.en.txt a.txt b.txt d.txt e.txt f.txt"; strings.Join(got, " ") != want {
		t.Errorf("read %v, want %s", got, want)
	}
	if len(errs) != 1 || filepath.Base(errs[0].Path) != "c.xlf" {
		t.Errorf("errors %v, want c.xlf's", errs)
	}
}

// TestCheckDocumentsPanic: a check that panics on one document makes it an
// input error naming the check, file, position and segment; the other
// documents are reported.
func TestCheckDocumentsPanic(t *testing.T) {
	var opened []*corpus.File
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		text := "Fine line.\n\nAnother 布鲁塞尔 line.\n"
		if name == "b.txt" {
			text = "Fine line.\n\nboom here.\n"
		}
		f, err := corpus.Parse(name, []byte(text), "", corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		opened = append(opened, f)
	}
	boom := &pipeline.Check{Name: "boom", Run: func(p *pipeline.Pass) error {
		for _, s := range p.Docs[0].Segments {
			if strings.Contains(s.Target, "boom") {
				var m map[string]int
				m["x"] = 1 // a nil map write: a run-time panic
			}
		}
		return nil
	}}
	list, err := selectChecks([]string{"mixed-script"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &pipeline.Config{}
	kept, fs, errs, err := checkDocuments(context.Background(), opened, append(list, boom), cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 2 || kept[0].Doc.Path != "a.txt" || kept[1].Doc.Path != "c.txt" {
		t.Errorf("kept %d files", len(kept))
	}
	for _, f := range fs {
		if kept[f.Doc].Doc.Path != f.Path {
			t.Errorf("finding on %s has index %d", f.Path, f.Doc)
		}
	}
	if len(fs) != 2 {
		t.Errorf("%d findings, want the 2 of a.txt and c.txt", len(fs))
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Err.Error(), "check boom: b.txt: line 3, column 1: segment 2: panic: assignment to entry in nil map") {
		t.Errorf("errors %v", errs)
	}
	if cfg.DocumentFailed != nil || cfg.Cache != nil {
		t.Error("the run's hooks were left in the configuration")
	}
}

func TestFailureSummary(t *testing.T) {
	var errs []reports.FileError
	for _, p := range []string{"a", "b", "a", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"} {
		errs = append(errs, reports.FileError{Path: p, Err: errors.New("x")})
	}
	var out bytes.Buffer
	writeFailureSummary(&out, errs[:2])
	if got, want := out.String(), "tqa: 2 inputs failed, the others were reported: a, b\n"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	out.Reset()
	writeFailureSummary(&out, errs)
	if got, want := out.String(), "tqa: 13 inputs failed, the others were reported: a, b, c, d, e, f, g, h, i, j and 2 more\n"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

// TestIncremental runs tqa check --incremental over the same files: a warm
// cache checks nothing again and gives the same report; a changed file, a
// changed glossary and a broken cache entry are checked again.
func TestIncremental(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	a, b, gl := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "terms.csv")
	mustWrite(t, a, "The Bar Council met in 布鲁塞尔 today.\n")
	mustWrite(t, b, "The alliance met in Brussels.\n")
	mustWrite(t, gl, "concept,term,lang,status\nc1,Foo Council,en,preferred\n")
	args := []string{"check", "--format", "json", "--incremental", "--cache-dir", cache, "--glossary", gl, dir}
	steps := []struct {
		name   string
		before func()
		stderr string
		stdout string // text the report must hold
	}{
		{"cold", nil, "0 documents from the cache, 2 checked", `"text": "布鲁塞尔"`},
		{"warm", nil, "2 documents from the cache, 0 checked", `"text": "布鲁塞尔"`},
		{"file changed", func() { mustWrite(t, b, "The alliance met in 华盛顿.\n") }, "1 document from the cache, 1 checked", `"text": "华盛顿"`},
		{"glossary changed", func() {
			mustWrite(t, gl, "concept,term,lang,status\nc1,Foo Council,en,preferred\nc1,Bar Council,en,deprecated\n")
		}, "0 documents from the cache, 2 checked", `"check": "term-deprecated"`},
		{"entries truncated", func() { breakEntries(t, cache) }, "0 documents from the cache, 2 checked", `"check": "term-deprecated"`},
		{"rewritten", nil, "2 documents from the cache, 0 checked", `"check": "term-deprecated"`},
	}
	var last string
	for _, st := range steps {
		if st.before != nil {
			st.before()
		}
		_, out, stderr := tqa(t, args...)
		if !strings.Contains(stderr, st.stderr) {
			t.Errorf("%s: stderr lacks %q:\n%s", st.name, st.stderr, stderr)
		}
		if !strings.Contains(out, st.stdout) {
			t.Errorf("%s: stdout lacks %q", st.name, st.stdout)
		}
		if st.before == nil && last != "" && st.name != "cold" && out != last {
			t.Errorf("%s: the report differs from the run before", st.name)
		}
		last = out
	}
	// The report of a warm run is the report without the cache.
	_, warm, _ := tqa(t, args...)
	_, noCache, _ := tqa(t, "check", "--format", "json", "--glossary", gl, dir)
	if warm != noCache {
		t.Error("the report from the cache differs from the report of a run without it")
	}
}

// breakEntries truncates every entry of the cache in dir.
func breakEntries(t *testing.T, dir string) {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".json") {
			data, _ := os.ReadFile(path)
			os.WriteFile(path, data[:len(data)/2], 0o644)
			n++
		}
		return nil
	})
	if n == 0 {
		t.Fatal("no cache entries")
	}
}

// TestIncrementalShared: two runs that share a cache at once both report
// what a run without it reports.
func TestIncrementalShared(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	for i := range 8 {
		mustWrite(t, filepath.Join(dir, string(rune('a'+i))+".txt"), "Line "+string(rune('A'+i))+" of 布鲁塞尔.\n")
	}
	_, want, _ := tqa(t, "check", "--format", "json", dir)
	var wg sync.WaitGroup
	outs := make([]string, 2)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out, errb bytes.Buffer
			run([]string{"check", "--format", "json", "--incremental", "--cache-dir", cache, "-j", "2", dir}, &out, &errb)
			outs[i] = out.String()
		}()
	}
	wg.Wait()
	for i, out := range outs {
		if out != want {
			t.Errorf("run %d: report differs from the run without the cache", i)
		}
	}
	_, again, stderr := tqa(t, "check", "--format", "json", "--incremental", "--cache-dir", cache, dir)
	if again != want || !strings.Contains(stderr, "8 documents from the cache") {
		t.Errorf("after the shared runs: %s", stderr)
	}
}

// TestRunKey: every setting that changes findings changes the key of a
// run, and settings that do not (jobs, the report format) leave it.
func TestRunKey(t *testing.T) {
	dir := t.TempDir()
	gl, dict, conf := filepath.Join(dir, "terms.csv"), filepath.Join(dir, "cedict.txt"), filepath.Join(dir, ".tqa.yaml")
	mustWrite(t, gl, "concept,term,lang,status\nc1,Foo Council,en,preferred\n")
	mustWrite(t, dict, "北約 北约 [bei3 yue1] /NATO/\n")
	mustWrite(t, conf, "target-lang: en\n")
	list, err := selectChecks(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	base := func() *checkFlags {
		fl := &checkFlags{targetLang: "en", glossaries: []string{gl}, dict: dict, jobs: 2, format: "text"}
		fl.config = &config.File{Path: conf}
		return fl
	}
	key := func(fl *checkFlags, list []*pipeline.Check) string {
		k, err := fl.runKey(list)
		if err != nil {
			t.Fatal(err)
		}
		return string(k)
	}
	want := key(base(), list)
	tests := []struct {
		name    string
		change  func(fl *checkFlags) []*pipeline.Check
		changes bool
	}{
		{"nothing", func(*checkFlags) []*pipeline.Check { return list }, false},
		{"jobs and format", func(fl *checkFlags) []*pipeline.Check { fl.jobs, fl.format = 8, "json"; return list }, false},
		{"checks", func(*checkFlags) []*pipeline.Check { return list[1:] }, true},
		{"target language", func(fl *checkFlags) []*pipeline.Check { fl.targetLang = "en-GB"; return list }, true},
		{"source language", func(fl *checkFlags) []*pipeline.Check { fl.sourceLang = "zh"; return list }, true},
		{"spelling", func(fl *checkFlags) []*pipeline.Check { fl.spelling = "en-US"; return list }, true},
		{"built-in glossary", func(fl *checkFlags) []*pipeline.Check { fl.noBuiltin = true; return list }, true},
		{"encoding", func(fl *checkFlags) []*pipeline.Check { fl.encoding = "gb18030"; return list }, true},
		{"languages", func(fl *checkFlags) []*pipeline.Check { fl.languages = []string{"fr"}; return list }, true},
		{"official-name threshold", func(fl *checkFlags) []*pipeline.Check { fl.officialNameThreshold = 0.9; return list }, true},
		{"glossary bytes", func(*checkFlags) []*pipeline.Check {
			mustWrite(t, gl, "concept,term,lang,status\nc1,Foo Council,en,deprecated\n")
			return list
		}, true},
		{"dictionary bytes", func(*checkFlags) []*pipeline.Check {
			mustWrite(t, dict, "北約 北约 [bei3 yue1] /N.A.T.O./\n")
			return list
		}, true},
		{"configuration bytes", func(*checkFlags) []*pipeline.Check { mustWrite(t, conf, "target-lang: en-GB\n"); return list }, true},
	}
	for _, tt := range tests {
		fl := base()
		l := tt.change(fl)
		got := key(fl, l)
		if (got != want) != tt.changes {
			t.Errorf("%s: key changed %v, want %v", tt.name, got != want, tt.changes)
		}
		want = got // the files changed stay changed
	}
	if _, err := (&checkFlags{glossaries: []string{filepath.Join(dir, "none.csv")}}).runKey(list); err == nil {
		t.Error("a glossary that cannot be read gave a key")
	}
}
