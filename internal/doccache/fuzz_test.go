package doccache

import (
	"os"
	"testing"
)

// FuzzLoad reads arbitrary bytes as the entry of a document. Invariants:
// no panic; an entry that loads gives findings whose segment is in range,
// whose span is valid on its side's text and whose Text is that span.
func FuzzLoad(f *testing.F) {
	c, err := Open(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	d := testDoc()
	key := Key([]byte("fuzz"))
	c.Add(d, key)
	c.Store(d, testFindings())
	good, err := os.ReadFile(c.path(key))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(`{"schema":"tqa.doccache/v1","key":"` + key + `","findings":[]}`))
	f.Add([]byte(`{"schema":"tqa.doccache/v1","key":"` + key + `","findings":[{"segment":0,"id":"1","start":7,"end":10,"text":"布"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(c.path(key), data, 0o644); err != nil {
			t.Fatal(err)
		}
		fs, ok := c.Load(d)
		if !ok {
			return
		}
		for _, x := range fs {
			if x.Segment < 0 || x.Segment >= len(d.Segments) {
				t.Fatalf("segment %d out of range", x.Segment)
			}
			text := d.Segments[x.Segment].Text(x.Side)
			if !x.Span.Valid(text) || text[x.Span.Start:x.Span.End] != x.Text {
				t.Fatalf("finding %+v does not fit its segment", x)
			}
		}
	})
}
