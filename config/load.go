package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
	"github.com/tqa-project/tqa/reports"
)

// Find looks for a file called Name in dir and then in each of its
// parents, and returns the path of the first it finds, as dir joined with
// as many ".." as it took ("../.tqa.yaml"), or "" when there is none up to
// the root of the file system.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("config: find %s: %w", Name, err)
	}
	for {
		path := filepath.Join(dir, Name)
		fi, err := os.Stat(path)
		switch {
		case err == nil && !fi.IsDir():
			return path, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("config: find %s: %w", Name, err)
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", nil
		}
		abs, dir = parent, filepath.Join(dir, "..")
	}
}

// Load reads and validates the configuration file at path.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes and validates the configuration file called path from
// data. Every problem is reported, in file order, as an *Error with the
// line and column of the key or value at fault; the error returned is then
// an ErrorList. Relative paths in the file are joined to the file's
// directory.
func Parse(path string, data []byte) (*File, error) {
	d := newDecoder(path)
	f := &File{Path: path, Dir: filepath.Dir(path)}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case errors.Is(err, io.EOF):
		return f, nil // an empty file sets nothing
	case err != nil:
		return nil, ErrorList{syntaxError(path, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, ErrorList{{File: path, Line: extra.Line, Column: extra.Column, Msg: "a second YAML document (a configuration file holds one)"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, ErrorList{syntaxError(path, err)}
	}
	if len(doc.Content) == 1 && !isNull(doc.Content[0]) {
		d.decode(doc.Content[0], reflect.ValueOf(f).Elem(), "")
	}
	d.validate(f)
	if len(d.errs) > 0 {
		return nil, d.sorted()
	}
	f.resolvePaths()
	return f, nil
}

// yamlLine splits a message of the YAML parser of the form "yaml: line
// N: what" (one line) into N and what; ok is false for other messages.
// It is read by hand rather than by a regular expression, which every
// run of tqa would compile at start-up (FuzzYAMLLine).
func yamlLine(msg string) (line int, what string, ok bool) {
	rest, ok := strings.CutPrefix(msg, "yaml: line ")
	if !ok {
		return 0, "", false
	}
	n := 0
	for n < len(rest) && '0' <= rest[n] && rest[n] <= '9' {
		n++
	}
	what, ok = strings.CutPrefix(rest[n:], ": ")
	if n == 0 || !ok || strings.Contains(what, "\n") {
		return 0, "", false
	}
	line, _ = strconv.Atoi(rest[:n])
	return line, what, true
}

// syntaxError turns an error of the YAML parser, which gives a line but
// no column, into an *Error.
func syntaxError(path string, err error) *Error {
	msg := err.Error()
	if line, what, ok := yamlLine(msg); ok {
		return &Error{File: path, Line: line, Msg: "invalid YAML: " + what}
	}
	return &Error{File: path, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// validate checks what the types alone do not: names of checks and
// formats, the fail-on threshold, the LLM settings.
func (d *decoder) validate(f *File) {
	for i, name := range f.Checks.Enable {
		d.checkName(fmt.Sprintf("checks.enable[%d]", i), false, name)
	}
	for i, name := range f.Checks.Disable {
		d.checkName(fmt.Sprintf("checks.disable[%d]", i), false, name)
	}
	for name := range f.Checks.Severity {
		d.checkName("checks.severity."+name, true, name)
	}
	for name, list := range f.Allow.Checks {
		d.checkName("allow.checks."+name, true, name)
		for i, w := range list.Words {
			if w == "" {
				d.errorAt(fmt.Sprintf("allow.checks.%s.words[%d]", name, i), false, "allow.checks.%s.words[%d]: an empty word matches nothing", name, i)
			}
		}
	}
	for i, w := range f.Allow.Words {
		if w == "" {
			d.errorAt(fmt.Sprintf("allow.words[%d]", i), false, "allow.words[%d]: an empty word matches nothing", i)
		}
	}
	if f.FailOn != "" && !strings.EqualFold(f.FailOn, "never") {
		if _, err := pipeline.ParseSeverity(f.FailOn); err != nil {
			d.errorAt("fail-on", false, "fail-on: %v, or never", err)
		}
	}
	for i, g := range f.Glossaries {
		if g == "" {
			d.errorAt(fmt.Sprintf("glossaries[%d]", i), false, "glossaries[%d]: empty path", i)
		}
	}
	for _, key := range []string{"baseline", "llm.cache-dir", "llm.model"} {
		if n, ok := d.val[key]; ok && !isNull(n) && n.Value == "" {
			d.errorAt(key, false, "%s: empty", key)
		}
	}
	for i, g := range append(append([]Glob(nil), f.Include...), f.Exclude...) {
		key := fmt.Sprintf("include[%d]", i)
		if i >= len(f.Include) {
			key = fmt.Sprintf("exclude[%d]", i-len(f.Include))
		}
		if strings.HasPrefix(string(g), "/") || filepath.IsAbs(string(g)) {
			d.errorAt(key, false, "%s: %q: globs are relative to the directory of the configuration file; drop the leading /", key, g)
		}
	}
	d.validateLLM(&f.LLM)
	if f.Report.Format != "" {
		d.format("report.format", f.Report.Format)
	}
	for i, o := range f.Report.Outputs {
		d.format(fmt.Sprintf("report.outputs[%d]", i), o.Format)
	}
}

func (d *decoder) validateLLM(l *LLM) {
	if l.BaseURL != "" {
		u, err := url.Parse(l.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			d.errorAt("llm.base-url", false, "llm.base-url: %q is not an http or https URL", l.BaseURL)
		} else if u.User != nil {
			d.errorAt("llm.base-url", false, "llm.base-url: credentials do not belong in the configuration file: set OPENAI_API_KEY or TQA_LLM_API_KEY in the environment")
		}
	}
	for key, v := range map[string]int{"llm.concurrency": l.Concurrency, "llm.max-requests": l.MaxRequests} {
		if d.set(key) && v < 1 {
			d.errorAt(key, false, "%s: must be at least 1 (leave it out for the default)", key)
		}
	}
	if d.set("llm.timeout") && l.Timeout <= 0 {
		d.errorAt("llm.timeout", false, "llm.timeout: must be longer than 0s (leave it out for the default)")
	}
}

// checkName reports a name that is not a check's.
func (d *decoder) checkName(path string, atKey bool, name string) {
	if _, ok := checks.ByName(name); ok {
		return
	}
	var names []string
	for _, c := range checks.All() {
		names = append(names, c.Name)
	}
	msg := fmt.Sprintf("%s: unknown check %q", path, name)
	if s := suggest(name, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else {
		msg += " (tqa checks lists them)"
	}
	d.errorAt(path, atKey, "%s", msg)
}

// format reports a name that is not a report format's.
func (d *decoder) format(path, name string) {
	if _, ok := reports.LookupFormat(name); ok {
		return
	}
	names := reports.FormatNames()
	msg := fmt.Sprintf("%s: unknown report format %q", path, name)
	if s := suggest(name, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else {
		msg += fmt.Sprintf(" (want %s)", strings.Join(names, ", "))
	}
	d.errorAt(path, false, "%s", msg)
}

// resolvePaths joins the relative paths of the file to its directory.
func (f *File) resolvePaths() {
	for i, g := range f.Glossaries {
		f.Glossaries[i] = f.resolve(g)
	}
	f.Baseline = f.resolve(f.Baseline)
	f.LLM.CacheDir = f.resolve(f.LLM.CacheDir)
	for i := range f.Report.Outputs {
		f.Report.Outputs[i].File = f.resolve(f.Report.Outputs[i].File)
	}
}

func (f *File) resolve(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(f.Dir, filepath.FromSlash(p))
}

// Selects reports whether the file at path (relative to the working
// directory, or absolute) is to be checked. Paths are made relative to Dir
// and slash-separated, then matched against the globs: a file is selected
// when Include is empty or one of its globs matches, and none of Exclude
// matches. Files outside Dir are always selected: the globs speak of the
// tree the configuration file governs.
func (f *File) Selects(path string) bool {
	if len(f.Include) == 0 && len(f.Exclude) == 0 {
		return true
	}
	rel, ok := f.relative(path)
	if !ok {
		return true
	}
	if len(f.Include) > 0 && !matchAny(f.Include, rel) {
		return false
	}
	return !matchAny(f.Exclude, rel)
}

func matchAny(globs []Glob, path string) bool {
	for _, g := range globs {
		if g.Match(path) {
			return true
		}
	}
	return false
}

// relative returns path relative to Dir, slash-separated, and false when
// it lies outside.
func (f *File) relative(path string) (string, bool) {
	absDir, err1 := filepath.Abs(f.Dir)
	absPath, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return "", false
	}
	rel, err := filepath.Rel(absDir, absPath)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
