package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/internal/doccache"
	"github.com/tqa-project/tqa/pipeline"
)

// incrementalFlags are --incremental and --cache-dir.
type incrementalFlags struct {
	on  bool
	dir string
}

func addIncrementalFlags(f *pflag.FlagSet, fl *incrementalFlags) {
	f.BoolVar(&fl.on, "incremental", false, "keep the findings of each file in a cache and do not check again files that have not changed, with the same version, checks and configuration")
	f.StringVar(&fl.dir, "cache-dir", "", "the directory of the --incremental cache (default: the user cache directory's tqa)")
}

// openCache opens the --incremental cache, or returns nil without
// --incremental.
func (fl *checkFlags) openCache() (*doccache.Cache, error) {
	if !fl.inc.on {
		return nil, nil
	}
	dir := fl.inc.dir
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, usageError("--incremental: no user cache directory (%v): give --cache-dir", err)
		}
		dir = filepath.Join(base, "tqa")
	}
	c, err := doccache.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("--cache-dir %s: %w", dir, err)
	}
	return c, nil
}

// runKey returns what, besides a file's bytes, decides the findings of a
// run: the tool (its version, and the build and executable it runs
// from, so that a rebuild never reuses findings of other code), the
// checks selected, the languages (and those language identification may
// find), the spelling profile, encoding and official-name threshold, the
// bytes of every glossary, of the dictionary and of the configuration
// file (severities and allow lists are in it).
func (fl *checkFlags) runKey(list []*pipeline.Check) ([]byte, error) {
	var b strings.Builder
	line := func(k string, v ...any) { fmt.Fprintf(&b, "%s\t%s\n", k, fmt.Sprint(v...)) }
	line("version", version)
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if strings.HasPrefix(s.Key, "vcs.") {
				line(s.Key, s.Value)
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			line("executable", fi.Size(), " ", fi.ModTime().UnixNano())
		}
	}
	names := make([]string, len(list))
	for i, c := range list {
		names[i] = c.Name
	}
	line("checks", strings.Join(names, ","))
	line("source-lang", fl.sourceLang)
	line("target-lang", fl.targetLang)
	line("spelling", fl.spelling)
	line("no-builtin-glossary", fl.noBuiltin)
	line("encoding", fl.encoding)
	line("languages", strings.Join(fl.languages, ","))
	line("official-name-threshold", fl.officialNameThreshold)
	hashFile := func(what, path string) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("--incremental: %s: %w", what, err)
		}
		line(what, doccache.Key(data))
		return nil
	}
	for _, g := range fl.glossaries {
		if err := hashFile("glossary", g); err != nil {
			return nil, err
		}
	}
	dict := fl.dict
	if dict == "" {
		dict = os.Getenv(dictEnv)
	}
	if dict != "" {
		if err := hashFile("dict", dict); err != nil {
			return nil, err
		}
	}
	if fl.config != nil {
		if err := hashFile("config", fl.config.Path); err != nil {
			return nil, err
		}
	}
	return []byte(b.String()), nil
}

// addKeys registers the key of each file in the cache: the run's key,
// the document's path and format, and the bytes of its file (of both
// files, for an aligned pair). A file whose bytes cannot be had again is
// left out of the cache and checked.
func addKeys(c *doccache.Cache, runKey []byte, opened []*corpus.File) {
	for _, f := range opened {
		data, err := f.Bytes(nil)
		if err != nil {
			continue
		}
		var source []byte
		if f.Source != "" {
			if source, err = os.ReadFile(f.Source); err != nil {
				continue
			}
		}
		c.Add(f.Doc, doccache.Key(runKey, []byte(f.Doc.Path), []byte(f.Doc.Format), data, []byte(f.Source), source))
	}
}

// reportCache says on stderr how many documents came from the cache.
func reportCache(c *doccache.Cache, stderr io.Writer) {
	if c == nil {
		return
	}
	st := c.Stats()
	fmt.Fprintf(stderr, "tqa: incremental: %d %s from the cache, %d checked\n", st.Loaded, countNoun(st.Loaded, "document", "documents"), st.Missed)
	if st.Failed > 0 {
		fmt.Fprintf(stderr, "tqa: warning: incremental: %d cache %s not written: %v\n", st.Failed, countNoun(st.Failed, "entry", "entries"), st.LastErr)
	}
}
