package corpus

import (
	"fmt"
	"io"
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

	// Encoding names the character encoding of the input: "utf-8",
	// "utf-16le", "utf-16be", "gb18030", "gbk" or "big5" (see Encodings;
	// common aliases such as "gb2312", "cp936" and "cp950" work too).
	// Empty detects it (see the package documentation).
	Encoding string

	// Columns names the columns of TSV and CSV files whose header does
	// not use the names the reader knows.
	Columns Columns
}

// Columns names the columns of a TSV or CSV file. Each field is a header
// name (compared without regard to case) or a 1-based column number
// ("2"); empty fields leave the column to the names the reader knows.
type Columns struct {
	ID, Source, Target, SourceLang, TargetLang string
	// NoHeader says that the first row is data, not a header; the columns
	// must then be given by number.
	NoHeader bool
}

// formats maps file name extensions (lower-case) to format names.
var formats = map[string]string{
	".txt":      "text",
	".md":       "markdown",
	".markdown": "markdown",
	".jsonl":    "jsonl",
	".xlf":      "xliff",
	".xliff":    "xliff",
	".tmx":      "tmx",
	".po":       "po",
	".pot":      "po",
	".tsv":      "tsv",
	".csv":      "csv",
}

// formatReader reads one format from src into doc and returns what is
// needed to write the document's targets back.
type formatReader func(src *source, doc *pipeline.Document) (*codec, error)

// readers maps format names to their readers.
var readers = map[string]formatReader{
	"text":     readText,
	"markdown": readMarkdown,
	"jsonl":    readJSONL,
	"xliff":    readXLIFF,
	"tmx":      readTMX,
	"po":       readPO,
	"tsv":      readTSV,
	"csv":      readCSV,
}

// formatNames lists the formats in the order error messages name them.
var formatNames = []string{"text", "markdown", "jsonl", "xliff", "tmx", "po", "tsv", "csv"}

// Format returns the format of the file at path, from its extension
// (case-insensitive): "text" for .txt, "markdown" for .md and .markdown,
// "jsonl" for .jsonl, "xliff" for .xlf and .xliff, "tmx" for .tmx, "po"
// for .po and .pot, "tsv" for .tsv and "csv" for .csv. It returns false
// for any other file; FormatFile also looks into the file.
func Format(path string) (string, bool) {
	f, ok := formats[strings.ToLower(filepath.Ext(path))]
	return f, ok
}

// sniffLen is how much of a file Sniff needs to see.
const sniffLen = 64 << 10

// FormatFile returns the format of the file at path: by its extension,
// as Format does, or else by its content, as Sniff does (so an .xml file
// that holds XLIFF is "xliff").
func FormatFile(path string) (string, error) {
	if f, ok := Format(path); ok {
		return f, nil
	}
	fh, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	defer fh.Close()
	head := make([]byte, sniffLen)
	n, err := io.ReadFull(fh, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return "", fmt.Errorf("corpus: %w", err)
	}
	if f, ok := Sniff(head[:n]); ok {
		return f, nil
	}
	return "", unsupported(path)
}

// ReadFile reads the document at path, in the format FormatFile finds.
// The document's Path is path as given, with slashes. It is Open without
// the means to write the document back.
func ReadFile(path string, opt Options) (*pipeline.Document, error) {
	f, err := Open(path, opt)
	if err != nil {
		return nil, err
	}
	return f.Doc, nil
}

// Read reads a document called name from data in format (one of "text",
// "markdown", "jsonl", "xliff", "tmx", "po", "tsv", "csv"). Errors name
// the document and the line and column where reading failed. It is Parse
// without the means to write the document back.
func Read(name string, data []byte, format string, opt Options) (*pipeline.Document, error) {
	f, err := Parse(name, data, format, opt)
	if err != nil {
		return nil, err
	}
	return f.Doc, nil
}

// Expand turns a list of files and directories into the sorted list of the
// documents to read, with slashes, each once. A file named in paths is
// always included, and must be in a supported format, by its extension or
// its content (FormatFile). A directory is walked recursively for files
// with supported extensions and .xml files that hold XLIFF or TMX, leaving
// out hidden files and directories (names starting with ".") and files
// whose names start with "README" (any case), which describe a corpus
// rather than belong to it.
func Expand(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		if !fi.IsDir() {
			if _, err := FormatFile(p); err != nil {
				return nil, err
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
			} else if strings.EqualFold(filepath.Ext(path), ".xml") {
				if f, err := FormatFile(path); err == nil && (f == "xliff" || f == "tmx") {
					out = append(out, filepath.ToSlash(path))
				}
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
	return fmt.Errorf("corpus: %s: unsupported format (want .txt, .md, .markdown, .jsonl, .xlf, .xliff, .tmx, .po, .pot, .tsv, .csv, or XLIFF, TMX or PO content)", filepath.ToSlash(path))
}
