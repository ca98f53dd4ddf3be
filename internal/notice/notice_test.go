package notice

import (
	"cmp"
	"errors"
	"fmt"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// embeddedFile is a file that a //go:embed directive puts into the binary.
type embeddedFile struct {
	path string // from the module root, with slashes
	by   string // the directive's position, "dir/file.go:line"
}

// moduleRoot returns the directory of go.mod above the test's directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("notice: no go.mod above the test's directory")
		}
		dir = parent
	}
}

// skipDir reports whether the go command leaves out the directory name
// (below the module root) when it lists packages.
func skipDir(name string) bool {
	return name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// hasGoMod reports whether dir holds a go.mod, that is starts a module of
// its own.
func hasGoMod(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "go.mod"))
	return err == nil
}

// embeddedFiles returns the files that the //go:embed directives of the
// non-test .go files of the module at root embed, sorted by path, each
// once, with the first directive (in path order) that embeds it.
func embeddedFiles(root string) ([]embeddedFile, error) {
	var files []embeddedFile
	err := filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if dir != root && (skipDir(d.Name()) || hasGoMod(dir)) {
			return filepath.SkipDir
		}
		pkg, err := build.Default.ImportDir(dir, 0)
		if _, none := errors.AsType[*build.NoGoError](err); none {
			return nil
		}
		if err != nil {
			return fmt.Errorf("notice: read package %s: %w", dir, err)
		}
		for _, pattern := range pkg.EmbedPatterns {
			pos := pkg.EmbedPatternPos[pattern][0]
			rel, err := filepath.Rel(root, pos.Filename)
			if err != nil {
				return err
			}
			by := fmt.Sprintf("%s:%d", filepath.ToSlash(rel), pos.Line)
			paths, err := expandPattern(dir, pattern)
			if err != nil {
				return fmt.Errorf("notice: %s: //go:embed %s: %w", by, pattern, err)
			}
			for _, p := range paths {
				rel, err := filepath.Rel(root, p)
				if err != nil {
					return err
				}
				files = append(files, embeddedFile{path: filepath.ToSlash(rel), by: by})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(files, func(a, b embeddedFile) int {
		return cmp.Or(strings.Compare(a.path, b.path), strings.Compare(a.by, b.by))
	})
	return slices.CompactFunc(files, func(a, b embeddedFile) bool { return a.path == b.path }), nil
}

// expandPattern returns the files that the //go:embed pattern of a file
// in dir embeds: the files the glob matches, and the files under the
// directories it matches (without names that start with "." or "_",
// unless the pattern starts with "all:", and without nested modules).
func expandPattern(dir, pattern string) ([]string, error) {
	all := false
	if rest, ok := strings.CutPrefix(pattern, "all:"); ok {
		pattern, all = rest, true
	}
	matches, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pattern)))
	if err != nil {
		return nil, err
	}
	if len(matches) == 0 {
		return nil, errors.New("no matching files")
	}
	var files []string
	for _, m := range matches {
		info, err := os.Stat(m)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, m)
			continue
		}
		err = filepath.WalkDir(m, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p == m {
				return nil
			}
			hidden := strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")
			if d.IsDir() {
				if (hidden && !all) || hasGoMod(p) {
					return filepath.SkipDir
				}
				return nil
			}
			if !hidden || all {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// unnamed returns the files whose path notice does not write between
// backquotes.
func unnamed(notice string, files []embeddedFile) []embeddedFile {
	var out []embeddedFile
	for _, f := range files {
		if !strings.Contains(notice, "`"+f.path+"`") {
			out = append(out, f)
		}
	}
	return out
}

func TestNoticeNamesEmbeddedFiles(t *testing.T) {
	root := moduleRoot(t)
	notice, err := os.ReadFile(filepath.Join(root, "NOTICE.md"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := embeddedFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	// The walk must see the module's embeds: config/default.go embeds
	// the configuration that tqa init writes.
	if !slices.ContainsFunc(files, func(f embeddedFile) bool { return f.path == "config/default.tqa.yaml" }) {
		t.Fatalf("found %d embedded files, not config/default.tqa.yaml: the walk misses packages", len(files))
	}
	for _, f := range unnamed(string(notice), files) {
		t.Errorf("NOTICE.md does not name `%s` (embedded by %s): add it with its source and licence", f.path, f.by)
	}
}

// writeTree writes files (slash paths to contents) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// embedding returns a Go file of package pkg that embeds patterns.
func embedding(pkg, patterns string) string {
	return "package " + pkg + "\n\nimport \"embed\"\n\n//go:embed " + patterns + "\nvar files embed.FS\n"
}

func TestEmbeddedFiles(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // "path by"
	}{{
		name: "one file",
		files: map[string]string{
			"a/a.go":  embedding("a", "x.txt"),
			"a/x.txt": "x",
			"a/y.txt": "not embedded",
		},
		want: []string{"a/x.txt a/a.go:5"},
	}, {
		name: "glob and quoted name",
		files: map[string]string{
			"a/a.go":      embedding("a", "*.bin \"y z.txt\""),
			"a/1.bin":     "",
			"a/2.bin":     "",
			"a/y z.txt":   "",
			"a/other.txt": "",
		},
		want: []string{"a/1.bin a/a.go:5", "a/2.bin a/a.go:5", "a/y z.txt a/a.go:5"},
	}, {
		name: "directory leaves out dot and underscore names",
		files: map[string]string{
			"a/a.go":          embedding("a", "d"),
			"a/d/f.txt":       "",
			"a/d/.hidden":     "",
			"a/d/_skip.txt":   "",
			"a/d/sub/g.txt":   "",
			"a/d/_sub/h.txt":  "",
			"a/d/mod/go.mod":  "module nested\n",
			"a/d/mod/i.txt":   "",
			"a/d/sub/.h/j.js": "",
		},
		want: []string{"a/d/f.txt a/a.go:5", "a/d/sub/g.txt a/a.go:5"},
	}, {
		name: "all: keeps them",
		files: map[string]string{
			"a/a.go":        embedding("a", "all:d"),
			"a/d/f.txt":     "",
			"a/d/.hidden":   "",
			"a/d/_skip.txt": "",
		},
		want: []string{"a/d/.hidden a/a.go:5", "a/d/_skip.txt a/a.go:5", "a/d/f.txt a/a.go:5"},
	}, {
		name: "test files, testdata and nested modules are not the binary's",
		files: map[string]string{
			"a/a_test.go":         embedding("a", "t.txt"),
			"a/a.go":              "package a\n",
			"a/t.txt":             "",
			"a/testdata/t.go":     embedding("t", "missing.txt"),
			"_tools/x.go":         embedding("x", "missing.txt"),
			"sub/go.mod":          "module sub\n",
			"sub/s.go":            embedding("s", "s.txt"),
			"sub/s.txt":           "",
			"b/nested/deep/b.go":  embedding("b", "../../data.bin"),
			"b/data.bin":          "",
			"b/nested/deep/c.txt": "",
		},
		want: []string{"b/data.bin b/nested/deep/b.go:5"},
	}, {
		name: "one path embedded twice is listed once",
		files: map[string]string{
			"a/a.go":  embedding("a", "x.txt"),
			"a/b.go":  embedding("a", "x.txt *.txt"),
			"a/x.txt": "",
		},
		want: []string{"a/x.txt a/a.go:5"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, map[string]string{"go.mod": "module m\n"})
			writeTree(t, root, tt.files)
			files, err := embeddedFiles(root)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range files {
				got = append(got, f.path+" "+f.by)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("embeddedFiles = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEmbeddedFilesErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // in the error
	}{{
		name:  "pattern without a file",
		files: map[string]string{"a/a.go": embedding("a", "gone.bin")},
		want:  "a/a.go:5: //go:embed gone.bin: no matching files",
	}, {
		name: "two packages in one directory",
		files: map[string]string{
			"a/a.go": "package a\n",
			"a/b.go": "package b\n",
		},
		want: "read package",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, map[string]string{"go.mod": "module m\n"})
			writeTree(t, root, tt.files)
			_, err := embeddedFiles(root)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("embeddedFiles error = %v, want one with %q", err, tt.want)
			}
		})
	}
}

func TestUnnamed(t *testing.T) {
	files := []embeddedFile{{path: "a/x.txt", by: "a/a.go:5"}, {path: "a/y.bin", by: "a/a.go:6"}}
	tests := []struct {
		name   string
		notice string
		want   []string
	}{
		{"both named", "| `a/x.txt` | `a/y.bin` |", nil},
		{"one named", "`a/x.txt` only", []string{"a/y.bin"}},
		{"named without backquotes", "a/x.txt and a/y.bin", []string{"a/x.txt", "a/y.bin"}},
		{"a longer path is not the file", "`aa/x.txt`, `a/y.bin.orig`", []string{"a/x.txt", "a/y.bin"}},
		{"base name only", "`x.txt` `y.bin`", []string{"a/x.txt", "a/y.bin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range unnamed(tt.notice, files) {
				got = append(got, f.path)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("unnamed = %q, want %q", got, tt.want)
			}
		})
	}
}
