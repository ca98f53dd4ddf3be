package doccache

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

func testDoc() *pipeline.Document {
	return &pipeline.Document{Path: "a.txt", Segments: []pipeline.Segment{
		{ID: "1", Target: "met in 布鲁塞尔 today"},
		{ID: "2", Source: "北约", Target: "NATO"},
	}}
}

func testFindings() []pipeline.Finding {
	return []pipeline.Finding{
		{Check: "mixed-script", Category: "accuracy/untranslated", Severity: pipeline.Critical, Segment: 0, ID: "1",
			Side: pipeline.Target, Span: pipeline.Span{Start: 7, End: 19}, Text: "布鲁塞尔", Message: "Han in English",
			Fixes: []pipeline.Fix{{Message: "Replace with “Brussels”", Edits: []pipeline.Edit{{Span: pipeline.Span{Start: 7, End: 19}, NewText: "Brussels"}}}}},
		{Check: "x", Category: "c", Severity: pipeline.Minor, Segment: 1, ID: "2", Side: pipeline.Source,
			Span: pipeline.Span{Start: 0, End: 3}, Text: "北", Message: "m"},
	}
}

func TestRoundTrip(t *testing.T) {
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	d := testDoc()
	if _, ok := c.Load(d); ok {
		t.Fatal("an unregistered document was found")
	}
	c.Store(d, testFindings()) // not registered: not stored
	c.Add(d, Key([]byte("run"), []byte("file")))
	if _, ok := c.Load(d); ok {
		t.Fatal("found before it was stored")
	}
	c.Store(d, testFindings())
	got, ok := c.Load(d)
	if !ok {
		t.Fatal("not found after Store")
	}
	want := testFindings()
	if len(got) != len(want) {
		t.Fatalf("loaded %d findings, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Check != w.Check || g.Category != w.Category || g.Severity != w.Severity || g.Segment != w.Segment ||
			g.ID != w.ID || g.Side != w.Side || g.Span != w.Span || g.Text != w.Text || g.Message != w.Message ||
			len(g.Fixes) != len(w.Fixes) || (len(g.Fixes) > 0 && g.Fixes[0].Apply(d.Segments[0].Target) != w.Fixes[0].Apply(d.Segments[0].Target)) {
			t.Errorf("finding %d: got %+v, want %+v", i, g, w)
		}
	}
	if st := c.Stats(); st.Loaded != 1 || st.Missed != 1 || st.Stored != 1 || st.Failed != 0 {
		t.Errorf("stats %+v", st)
	}
}

// TestBrokenEntries: an entry that is damaged or does not fit its document
// is a miss, and Store rewrites it.
func TestBrokenEntries(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(data string) string
	}{
		{"truncated", func(s string) string { return s[:len(s)/2] }},
		{"empty", func(string) string { return "" }},
		{"other schema", func(s string) string { return strings.Replace(s, schema, "tqa.doccache/v0", 1) }},
		{"other key", func(s string) string { return strings.Replace(s, `"key":"`, `"key":"0`, 1) }},
		{"segment out of range", func(s string) string { return strings.Replace(s, `"segment":1`, `"segment":7`, 1) }},
		{"text does not match", func(s string) string { return strings.Replace(s, `"text":"北"`, `"text":"约"`, 1) }},
		{"span splits a character", func(s string) string { return strings.Replace(s, `"end":3`, `"end":2`, 1) }},
		{"other segment id", func(s string) string { return strings.Replace(s, `"id":"2"`, `"id":"9"`, 1) }},
		{"bad severity", func(s string) string { return strings.Replace(s, `"severity":2`, `"severity":9`, 1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			d := testDoc()
			key := Key([]byte(tt.name))
			c.Add(d, key)
			c.Store(d, testFindings())
			path := c.path(key)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			broken := tt.break_(string(data))
			if broken == string(data) {
				t.Fatal("the entry did not change")
			}
			if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, ok := c.Load(d); ok {
				t.Fatal("a broken entry was used")
			}
			c.Store(d, testFindings())
			if _, ok := c.Load(d); !ok {
				t.Fatal("the entry was not rewritten")
			}
			left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.tmp"))
			if len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

func TestKey(t *testing.T) {
	if Key([]byte("ab"), []byte("c")) == Key([]byte("a"), []byte("bc")) {
		t.Error("parts split differently share a key")
	}
	if Key([]byte("a")) != Key([]byte("a")) {
		t.Error("Key is not deterministic")
	}
}

func TestStoreFailure(t *testing.T) {
	dir := t.TempDir()
	c, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := testDoc()
	key := Key([]byte("k"))
	c.Add(d, key)
	// A file where the entry's directory should be.
	if err := os.WriteFile(filepath.Join(dir, schema, key[:2]), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	c.Store(d, testFindings())
	if st := c.Stats(); st.Failed != 1 || st.LastErr == nil {
		t.Errorf("stats %+v, want one failed write", st)
	}
}
