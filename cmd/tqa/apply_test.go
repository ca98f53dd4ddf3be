package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/pipeline/retranslate/retranslatetest"
	"github.com/tqa-project/tqa/reports"
)

// TestApplyFormats retranslates the headline "US is酝酿 Leaving NATO" that
// each file of testdata/formats holds (one file of each input format, and
// two aligned pairs), applies the accepted proposals, and reads every file
// again: the headline is fixed and no other segment changed.
func TestApplyFormats(t *testing.T) {
	src, err := filepath.Abs(filepath.Join("testdata", "formats"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	const fixed = "US Is Considering Leaving NATO"
	srv := retranslatetest.NewServer(func(_ int, req *retranslatetest.Request) retranslatetest.Reply {
		seg, err := req.Segment()
		if err != nil {
			return retranslatetest.Reply{Status: 400, Message: err.Error()}
		}
		if strings.Contains(seg.Target, "US is酝酿 Leaving NATO") {
			return retranslatetest.Reply{Content: retranslatetest.Translation(strings.Replace(seg.Target, "US is酝酿 Leaving NATO", fixed, 1), "")}
		}
		return retranslatetest.Reply{Content: retranslatetest.Translation(seg.Target, "no change")}
	})
	defer srv.Close()
	t.Setenv("TQA_LLM_API_KEY", "local")
	code, out, stderr := tqa(t, "check", "--retranslate", "--llm-base-url", srv.URL(), "--llm-model", "M", "--format", "json", ".")
	if code == exitError {
		t.Fatalf("check: %s", stderr)
	}
	jr, err := reports.ReadJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	before := map[string]*corpus.File{}
	accepted := map[string]string{} // path -> segment ID
	for _, p := range jr.Proposals {
		if p.Status == "accepted" {
			accepted[p.Path] = p.Segment
		}
	}
	for _, d := range jr.Documents {
		data, _ := os.ReadFile(d.Path)
		f, err := openForApply(d.Path, d.Format, data, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		before[d.Path] = f
		if _, ok := accepted[d.Path]; !ok {
			t.Errorf("%s (%s): no accepted proposal", d.Path, d.Format)
		}
	}
	mustWrite(t, "report.json", out)
	if code, _, stderr := tqa(t, "apply", "report.json"); code != 0 {
		t.Fatalf("apply: exit %d: %s", code, stderr)
	}
	for _, d := range jr.Documents {
		data, _ := os.ReadFile(d.Path)
		g, err := openForApply(d.Path, d.Format, data, corpus.Options{})
		if err != nil {
			t.Fatalf("%s after apply: %v", d.Path, err)
		}
		f := before[d.Path]
		if len(g.Doc.Segments) != len(f.Doc.Segments) {
			t.Errorf("%s: %d segments after apply, %d before", d.Path, len(g.Doc.Segments), len(f.Doc.Segments))
			continue
		}
		for i, s := range g.Doc.Segments {
			old := f.Doc.Segments[i]
			want := old.Target
			if s.ID == accepted[d.Path] {
				want = strings.Replace(old.Target, "US is酝酿 Leaving NATO", fixed, 1)
			}
			if s.Target != want || s.Source != old.Source {
				t.Errorf("%s segment %s: target %q, want %q", d.Path, s.ID, s.Target, want)
			}
		}
	}
	if _, again, _ := tqa(t, "check", "--format", "json", "."); strings.Contains(again, `"text": "酝酿"`) {
		t.Errorf("酝酿 is still reported after apply")
	}
}
