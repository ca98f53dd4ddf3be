package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/internal/golden"
	"github.com/tqa-project/tqa/pipeline"
)

func finding(check, path, id string, side pipeline.Side, text string, start int) pipeline.Finding {
	return pipeline.Finding{Check: check, Path: path, ID: id, Side: side, Text: text,
		Span: pipeline.Span{Start: start, End: start + len(text)}, Message: "m"}
}

var sample = []pipeline.Finding{
	finding("spelling-profile", "docs/b.txt", "10", pipeline.Target, "defense", 3),
	finding("mixed-script", "docs/a.txt", "1", pipeline.Target, "酝酿", 5),
	finding("dash-substitute", "docs/b.txt", "2", pipeline.Target, "~", 9),
	finding("dash-substitute", "docs/b.txt", "2", pipeline.Target, "~", 30),
	finding("source-copied-fragment", "docs/a.jsonl", "t1", pipeline.Source, "<b>&", 0),
}

// TestWriteGolden pins the file format: sorted, indented, no escapes of
// HTML characters, paths relative to the baseline's directory.
func TestWriteGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := New(sample, ".").Write(&buf); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "sample.json"), buf.Bytes())
	// The same findings in another order give the same bytes.
	rev := make([]pipeline.Finding, len(sample))
	for i := range sample {
		rev[len(sample)-1-i] = sample[i]
	}
	var again bytes.Buffer
	if err := New(rev, ".").Write(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("the order of findings changed the file")
	}
	var empty bytes.Buffer
	if err := New(nil, ".").Write(&empty); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "empty.json"), empty.Bytes())
}

func TestFilter(t *testing.T) {
	var buf bytes.Buffer
	if err := New(sample, ".").Write(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := Read("b.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	moved := finding("mixed-script", "docs/a.txt", "1", pipeline.Target, "酝酿", 40)   // another offset
	third := finding("dash-substitute", "docs/b.txt", "2", pipeline.Target, "~", 50) // one more than recorded
	newText := finding("mixed-script", "docs/a.txt", "1", pipeline.Target, "北约", 5)
	otherSeg := finding("spelling-profile", "docs/b.txt", "11", pipeline.Target, "defense", 3)
	otherSide := finding("source-copied-fragment", "docs/a.jsonl", "t1", pipeline.Target, "<b>&", 0)
	tests := []struct {
		name     string
		in, want []pipeline.Finding
		supp     int
	}{
		{"unchanged", sample, nil, 5},
		{"moved", []pipeline.Finding{moved}, nil, 1},
		{"N+1 identical keeps one", append(append([]pipeline.Finding{}, sample...), third), []pipeline.Finding{third}, 5},
		{"new text", []pipeline.Finding{newText}, []pipeline.Finding{newText}, 0},
		{"other segment", []pipeline.Finding{otherSeg}, []pipeline.Finding{otherSeg}, 0},
		{"other side", []pipeline.Finding{otherSide}, []pipeline.Finding{otherSide}, 0},
		{"none", nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, n := b.Filter(tt.in, ".")
			if n != tt.supp {
				t.Errorf("suppressed %d, want %d", n, tt.supp)
			}
			if len(kept) != len(tt.want) {
				t.Fatalf("kept %v, want %v", kept, tt.want)
			}
			for i := range kept {
				if kept[i].Span != tt.want[i].Span || kept[i].Text != tt.want[i].Text || kept[i].ID != tt.want[i].ID {
					t.Errorf("kept[%d] = %+v, want %+v", i, kept[i], tt.want[i])
				}
			}
		})
	}
}

// TestSieveParts checks that a Sieve fed a run's findings in parts, at
// every way of cutting them, keeps what Filter keeps of the whole run.
func TestSieveParts(t *testing.T) {
	b := New(sample, ".")
	third := finding("dash-substitute", "docs/b.txt", "2", pipeline.Target, "~", 50)
	newText := finding("mixed-script", "docs/a.txt", "1", pipeline.Target, "北约", 5)
	run := append(append([]pipeline.Finding{newText}, sample...), third)
	want, wantN := b.Filter(run, ".")
	for cut1 := 0; cut1 <= len(run); cut1++ {
		for cut2 := cut1; cut2 <= len(run); cut2++ {
			s := b.Sieve(".")
			var got []pipeline.Finding
			for _, part := range [][]pipeline.Finding{run[:cut1], run[cut1:cut2], run[cut2:]} {
				got = append(got, s.Filter(part)...)
			}
			if s.Suppressed() != wantN || len(got) != len(want) {
				t.Fatalf("parts cut at %d and %d: kept %d, suppressed %d; want %d and %d", cut1, cut2, len(got), s.Suppressed(), len(want), wantN)
			}
			for i := range got {
				if got[i].Span != want[i].Span || got[i].Text != want[i].Text || got[i].ID != want[i].ID {
					t.Errorf("parts cut at %d and %d: kept[%d] = %+v, want %+v", cut1, cut2, i, got[i], want[i])
				}
			}
		}
	}
}

// TestPathsRelativeToBaseline: a baseline written from one directory
// matches findings of a run from another, as long as the files are the
// same.
func TestPathsRelativeToBaseline(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	fromRoot := []pipeline.Finding{finding("mixed-script", "sub/docs/a.txt", "1", pipeline.Target, "酝酿", 5)}
	b := New(fromRoot, "sub") // baseline at sub/baseline.json
	if got := b.Findings[0].Path; got != "docs/a.txt" {
		t.Errorf("stored path %q, want docs/a.txt", got)
	}
	t.Chdir("sub")
	fromSub := []pipeline.Finding{finding("mixed-script", "docs/a.txt", "1", pipeline.Target, "酝酿", 5)}
	if kept, n := b.Filter(fromSub, "."); n != 1 || len(kept) != 0 {
		t.Errorf("run from sub: suppressed %d, kept %d; want 1, 0", n, len(kept))
	}
}

func TestReadErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := New(sample[:1], ".").Write(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	tests := []struct{ name, data, want string }{
		{"empty", "", "baseline: b.json: empty file"},
		{"syntax", "{\n  \"schema\": \"tqa.baseline/v1\",\n  \"findings\": [,]\n}", "baseline: b.json:3:16: invalid character ','"},
		{"schema", `{"schema": "tqa.baseline/v2", "findings": []}`, `baseline: b.json: schema "tqa.baseline/v2", want "tqa.baseline/v1"`},
		{"unknown field", `{"schema": "tqa.baseline/v1", "findings": [], "date": "today"}`, `baseline: b.json: json: unknown field "date"`},
		{"wrong type", `{"schema": "tqa.baseline/v1", "findings": {}}`, "baseline: b.json:1:43: json: cannot unmarshal object"},
		{"edited text", strings.Replace(good, "defense", "defence", 1), "finding 1 (spelling-profile, docs/b.txt segment 10): fingerprint"},
		{"bad side", strings.Replace(good, `"target"`, `"middle"`, 1), `baseline: b.json: finding 1: side "middle", want target or source`},
		{"two values", good + good, "baseline: b.json: more than one JSON value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("b.json", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestSaveLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "base.json")
	if err := New(sample, filepath.Dir(path)).Save(path); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Findings) != len(sample) {
		t.Errorf("loaded %d findings, want %d", len(b.Findings), len(sample))
	}
	if _, err := Load(filepath.Join(t.TempDir(), "none.json")); err == nil {
		t.Error("loading a missing file did not fail")
	}
}

// FuzzRead: Read never panics, and what it accepts writes and reads back
// the same.
func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if err := New(sample, ".").Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`{"schema": "tqa.baseline/v1", "findings": []}`))
	f.Add([]byte(`{"schema": "tqa.baseline/v1", "findings": [{"side": "x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Read("f.json", data)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := b.Write(&out); err != nil {
			t.Fatal(err)
		}
		b2, err := Read("f.json", out.Bytes())
		if err != nil {
			t.Fatalf("written baseline does not read back: %v\n%s", err, out.Bytes())
		}
		var again bytes.Buffer
		if err := b2.Write(&again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), again.Bytes()) {
			t.Fatalf("write(read(write(x))) != write(x)")
		}
	})
}
