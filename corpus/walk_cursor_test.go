package corpus

import "testing"

// TestWalkCursor checks the cursor against source.pos at every character
// of a text, walked forwards and then back and forth, for a source at the
// start of its file and for one that is a later part of it (offBase and
// lineBase set, as StreamJSONL sets them), with and without a byte order
// mark.
func TestWalkCursor(t *testing.T) {
	text := "a\nbé\r\n北约\n\nlast line"
	for _, tt := range []struct {
		name               string
		data               string
		bom, line, offBase int
	}{
		{"whole file", text, 0, 0, 0},
		{"byte order mark", "\uFEFF" + text, 3, 0, 0},
		{"later part", text, 0, 7, 120},
	} {
		src := &source{path: "x", data: []byte(tt.data), bom: tt.bom, lineBase: tt.line, offBase: tt.offBase}
		offsets := []int{}
		for off := range tt.data[tt.bom:] {
			offsets = append(offsets, tt.bom+off) // the start of each character
		}
		offsets = append(offsets, len(tt.data))
		// forwards, then a jump back, then forwards again
		offsets = append(offsets, tt.bom+2, len(tt.data)-1, tt.bom+1, len(tt.data))
		cur := newWalkCursor(src)
		for _, off := range offsets {
			if got, want := cur.pos(off), src.pos(off); got != want {
				t.Errorf("%s: pos(%d) = %+v, want %+v", tt.name, off, got, want)
			}
		}
	}
}
