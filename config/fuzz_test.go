package config

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline/checks"
)

// FuzzParse checks that Parse never panics, that every error it returns
// points inside the file, and that what it accepts holds only valid
// values.
func FuzzParse(f *testing.F) {
	f.Add(Default())
	for _, s := range []string{
		"tagret-lang: en\n",
		"checks:\n  severity:\n    dash-substitute: major\n  disable: [mixed-script]\n",
		"allow:\n  words: [a]\n  patterns: ['(?i)b+']\n  checks:\n    mixed-script: {words: [c]}\n",
		"llm: {base-url: 'http://localhost:1/v1', timeout: 3s, concurrency: 2, api-key: x}\n",
		"a: &a [*a]\nb: *a\n",
		"checks: &c {severity: *c}\n",
		"include: ['**/*.md', '[']\n",
		"report: {outputs: [json=a.json, x]}\n",
		"- [\n",
		"x: !!binary aGk=\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("f.yaml", data)
		// YAML breaks lines at CR, LF and CRLF alike (YAML 1.2, 5.4),
		// and so do the lines of the errors.
		lines := strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") +
			strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r") + 1
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not a non-empty ErrorList", err)
			}
			for _, e := range list {
				if e.File != "f.yaml" || e.Line < 0 || e.Line > lines+1 || e.Column < 0 || e.Msg == "" {
					t.Fatalf("error out of the file: %+v (file of %d lines)", e, lines)
				}
			}
			if cfg != nil {
				t.Fatal("a file and an error")
			}
			return
		}
		for _, names := range [][]string{cfg.Checks.Enable, cfg.Checks.Disable} {
			for _, n := range names {
				if _, ok := checks.ByName(n); !ok {
					t.Fatalf("accepted unknown check %q", n)
				}
			}
		}
		for n, sev := range cfg.Checks.Severity {
			if _, ok := checks.ByName(n); !ok || sev.String() == "" || sev == 0 {
				t.Fatalf("accepted severity %v for %q", sev, n)
			}
		}
		for _, p := range cfg.Allow.Patterns {
			if p.re == nil {
				t.Fatalf("pattern %q not compiled", p.Source)
			}
		}
		if cfg.LLM.Concurrency < 0 || cfg.LLM.MaxRequests < 0 || cfg.LLM.Timeout < 0 {
			t.Fatalf("accepted negative LLM limits: %+v", cfg.LLM)
		}
	})
}

// FuzzYAMLLine checks yamlLine against the regular expression it
// replaces.
func FuzzYAMLLine(f *testing.F) {
	for _, s := range []string{
		"yaml: line 3: did not find expected key",
		"yaml: line 12: mapping values are not allowed in this context",
		"yaml: line : x",
		"yaml: line 3:x",
		"yaml: line 3: two\nlines",
		"yaml: line 99999999999999999999: big",
		"yaml: unmarshal errors:\n  line 2: cannot unmarshal",
		"yaml: line 1: \xff",
		"",
	} {
		f.Add(s)
	}
	re := regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	f.Fuzz(func(t *testing.T, msg string) {
		line, what, ok := yamlLine(msg)
		m := re.FindStringSubmatch(msg)
		if ok != (m != nil) {
			t.Fatalf("yamlLine(%q) ok = %v, the expression matches: %v", msg, ok, m != nil)
		}
		if !ok {
			return
		}
		wantLine, _ := strconv.Atoi(m[1])
		if line != wantLine || what != m[2] {
			t.Fatalf("yamlLine(%q) = %d, %q; want %d, %q", msg, line, what, wantLine, m[2])
		}
	})
}

// BenchmarkYAMLLine reads a parser message with yamlLine, and compiles
// the regular expression it replaced: the cost that every run of tqa paid
// at start-up.
func BenchmarkYAMLLine(b *testing.B) {
	msg := "yaml: line 12: mapping values are not allowed in this context"
	b.Run("yamlLine", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			yamlLine(msg)
		}
	})
	b.Run("compile-regexp", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
		}
	})
}
