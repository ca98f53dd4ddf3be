package corpus

import "testing"

// TestPOWriteInline checks that a new target with line feeds is written
// as one literal where more text follows the old one on its line, and
// reads back as the only change.
func TestPOWriteInline(t *testing.T) {
	tests := []struct {
		name, data string
		seg        int
		want       string // the new bytes of the file where the slot was
	}{
		{"two entries on one line", "msgid \"a\" msgstr \"b\" msgid \"c\" msgstr \"d\"\n", 0, `"First\nSecond"`},
		{"the last entry of the line", "msgid \"a\" msgstr \"b\" msgid \"c\" msgstr \"d\"\n", 1, `""` + "\n" + `"First\n"` + "\n" + `"Second"`},
	}
	for _, tt := range tests {
		doc, c, err := biRead(t, "x.po", []byte(tt.data), "po", Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		out, err := c.splice("x.po", tt.data, doc, map[int]string{tt.seg: "First\nSecond"})
		if err != nil {
			t.Fatal(err)
		}
		sl := c.slot(tt.seg)
		if want := tt.data[:sl.Span.Start] + tt.want + tt.data[sl.Span.End:]; out != want {
			t.Errorf("%s: written as\n%s\nwant\n%s", tt.name, out, want)
		}
		doc2, err := Read("x.po", []byte(out), "po", Options{})
		if err != nil {
			t.Fatalf("%s: read back: %v", tt.name, err)
		}
		if len(doc2.Segments) != len(doc.Segments) {
			t.Fatalf("%s: read back %d segments, want %d", tt.name, len(doc2.Segments), len(doc.Segments))
		}
		for i, s := range doc2.Segments {
			want := doc.Segments[i].Target
			if i == tt.seg {
				want = "First\nSecond"
			}
			if s.Target != want {
				t.Errorf("%s: segment %d read back as %q, want %q", tt.name, i, s.Target, want)
			}
		}
	}
}
