package reports

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"

	udiff "github.com/aymanbagabas/go-udiff"
)

// FileChange is one input file and its content with the accepted
// proposals written in (see corpus.File.Bytes).
type FileChange struct {
	Path     string // the document's path, slash-separated
	Old, New []byte
}

// WritePatch writes the changes of r as one unified diff per file, with
// three lines of context, in path order: what `git apply` (or `patch -p1`)
// applies from the directory the paths are relative to. Files whose
// content did not change are left out; with no change, nothing is
// written.
func WritePatch(w io.Writer, r *Report) error {
	if err := r.check(); err != nil {
		return err
	}
	changes := slices.Clone(r.Changes)
	slices.SortStableFunc(changes, func(a, b FileChange) int { return cmp.Compare(a.Path, b.Path) })
	bw := bufio.NewWriter(w)
	for _, c := range changes {
		if string(c.Old) == string(c.New) {
			continue
		}
		d, err := udiff.ToUnified("a/"+c.Path, "b/"+c.Path, string(c.Old), udiff.Bytes(c.Old, c.New), udiff.DefaultContextLines)
		if err != nil {
			return fmt.Errorf("reports: diff %s: %w", c.Path, err)
		}
		fmt.Fprintf(bw, "diff --git a/%s b/%s\n", c.Path, c.Path)
		bw.WriteString(d)
	}
	return bw.Flush()
}
