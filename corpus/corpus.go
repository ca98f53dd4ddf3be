package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// Options for reading.
type Options struct {
	// SourceLang and TargetLang are the languages of documents that do not
	// give their own; language.Und leaves them to the run's configuration.
	SourceLang, TargetLang language.Tag
}

// formats maps file name extensions (lower-case) to format names.
var formats = map[string]string{
	".txt":      "text",
	".md":       "markdown",
	".markdown": "markdown",
	".jsonl":    "jsonl",
}

// Format returns the format of the file at path, from its extension
// (case-insensitive): "text" for .txt, "markdown" for .md and .markdown,
// "jsonl" for .jsonl. It returns false for any other file.
func Format(path string) (string, bool) {
	f, ok := formats[strings.ToLower(filepath.Ext(path))]
	return f, ok
}

// ReadFile reads the document at path, in the format its extension names.
// The document's Path is path as given, with slashes.
func ReadFile(path string, opt Options) (*pipeline.Document, error) {
	format, ok := Format(path)
	if !ok {
		return nil, unsupported(path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	return Read(filepath.ToSlash(path), data, format, opt)
}

// Read reads a document called name from data in format ("text",
// "markdown" or "jsonl"). Errors name the document and the line and column
// where reading failed.
func Read(name string, data []byte, format string, opt Options) (*pipeline.Document, error) {
	src, err := newSource(name, data)
	if err != nil {
		return nil, err
	}
	doc := &pipeline.Document{
		Path:       name,
		Format:     format,
		SourceLang: opt.SourceLang,
		TargetLang: opt.TargetLang,
	}
	switch format {
	case "text":
		readText(src, doc)
	case "markdown":
		readMarkdown(src, doc)
	case "jsonl":
		if err := readJSONL(src, doc); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("corpus: read %s: unknown format %q (want text, markdown or jsonl)", name, format)
	}
	return doc, nil
}

// Expand turns a list of files and directories into the sorted list of the
// documents to read, with slashes, each once. A file named in paths is
// always included, and must have a supported extension. A directory is
// walked recursively for files with supported extensions, leaving out
// hidden files and directories (names starting with ".") and files whose
// names start with "README" (any case), which describe a corpus rather
// than belong to it.
func Expand(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		if !fi.IsDir() {
			if _, ok := Format(p); !ok {
				return nil, unsupported(p)
			}
			out = append(out, filepath.ToSlash(p))
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || strings.HasPrefix(strings.ToUpper(name), "README") {
				return nil
			}
			if _, ok := Format(path); ok {
				out = append(out, filepath.ToSlash(path))
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func unsupported(path string) error {
	return fmt.Errorf("corpus: %s: unsupported format (want .txt, .md, .markdown or .jsonl)", filepath.ToSlash(path))
}
