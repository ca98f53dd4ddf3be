package corpus

import (
	"fmt"

	"github.com/tqa-project/tqa/pipeline"
)

// MaxSegmentBytes is the longest text a side of a segment may have, in
// bytes. A translation unit or paragraph is at most a few kilobytes; the
// checks take time and memory in proportion to a segment's length (a
// segment of 100 MB, one line of a file, took minutes and gigabytes), so
// a longer segment makes its file an input error, with its position,
// rather than a run that does not end.
const MaxSegmentBytes = 1 << 20

// sizesChecked names the formats whose readers check the sizes of the
// segments themselves, as checkSegmentSizes does, so that parse need not
// go over the segments again: the PO reader sees the length of every text
// as it reads it (see readPO).
var sizesChecked = map[string]bool{"po": true}

// checkSegmentSizes returns an error naming the first segment of doc with
// a side longer than MaxSegmentBytes, and its position.
func checkSegmentSizes(doc *pipeline.Document) error {
	for i := range doc.Segments {
		s := &doc.Segments[i]
		if len(s.Source) <= MaxSegmentBytes && len(s.Target) <= MaxSegmentBytes {
			continue
		}
		for _, side := range []pipeline.Side{pipeline.Source, pipeline.Target} {
			if n := len(s.Text(side)); n > MaxSegmentBytes {
				p := s.Locate(side, 0)
				return fmt.Errorf("corpus: read %s: line %d, column %d: segment %s: the %s has %d bytes, more than the %d a segment may have",
					doc.Path, p.Line, p.Column, s.ID, side, n, MaxSegmentBytes)
			}
		}
	}
	return nil
}
