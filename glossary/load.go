package glossary

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"weak"
)

// maxInput is the largest glossary file read (256 MiB).
const maxInput = 256 << 20

// Load reads a glossary in the format that name's extension gives: .tbx
// and .xml are TBX (see ParseTBX), .csv and .tsv are CSV (see ParseCSV).
// The glossary's Name is name.
func Load(name string, r io.Reader) (*Glossary, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".tbx", ".xml":
		return ParseTBX(name, r)
	case ".csv", ".tsv":
		return ParseCSV(name, r)
	}
	return nil, fmt.Errorf("glossary: %s: unknown format (want a .tbx, .xml, .csv or .tsv file)", name)
}

// LoadFile reads the glossary file at path with Load.
func LoadFile(path string) (*Glossary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	defer f.Close()
	return Load(path, f)
}

// ParseError is an error at a position in a glossary file.
type ParseError struct {
	File   string
	Line   int // 1-based
	Column int // 1-based, in characters; 0 when unknown
	Err    error
}

func (e *ParseError) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("glossary: parse %s: line %d, column %d: %v", e.File, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("glossary: parse %s: line %d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// readAll reads r up to maxInput bytes.
func readAll(name string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("glossary: read %s: %w", name, err)
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("glossary: read %s: larger than %d MiB", name, maxInput>>20)
	}
	return data, nil
}

// collapse trims text and turns each run of XML white space (space, tab,
// CR, LF) into one space. Both loaders store all text this way.
func collapse(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") && !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// join appends the text t to s, separated by "; ".
func join(s, t string) string {
	switch {
	case t == "":
		return s
	case s == "":
		return t
	}
	return s + "; " + t
}

// errEmptyTerm is the error for a term with no text.
var errEmptyTerm = errors.New("empty term")

// blankTerm reports whether a term's text has nothing to match: it is
// empty or only white space, hyphens and invisible characters.
func blankTerm(s string) bool { return keyOf(s, true) == "" }

// origin records the file lines where a loaded glossary's concepts and
// terms were written, for Validate's messages. It is kept beside the
// glossary (which is plain data) and dropped when the glossary is
// collected.
type origin struct {
	concepts []int   // line of each concept
	terms    [][]int // line of each term, by concept
}

var origins sync.Map // weak.Pointer[Glossary] → *origin

func setOrigin(g *Glossary, o *origin) {
	wp := weak.Make(g)
	origins.Store(wp, o)
	runtime.AddCleanup(g, func(wp weak.Pointer[Glossary]) { origins.Delete(wp) }, wp)
}

// lines returns the lines of concept ci and of its term ti (ti < 0: none)
// of g, or zeros when unknown.
func lines(g *Glossary, ci, ti int) (concept, term int) {
	v, ok := origins.Load(weak.Make(g))
	if !ok {
		return 0, 0
	}
	o := v.(*origin)
	if len(o.concepts) != len(g.Concepts) || ci >= len(o.concepts) {
		return 0, 0
	}
	concept = o.concepts[ci]
	if ti >= 0 && ti < len(o.terms[ci]) && len(o.terms[ci]) == len(g.Concepts[ci].Terms) {
		term = o.terms[ci][ti]
	}
	return concept, term
}

// parseYesNo reads a yes/no value: yes, no, true, false, 1, 0, y, n.
func parseYesNo(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1":
		return true, nil
	case "no", "n", "false", "0":
		return false, nil
	}
	return false, fmt.Errorf("case sensitivity %q: want yes or no", s)
}
