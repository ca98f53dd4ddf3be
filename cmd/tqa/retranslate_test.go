package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline/retranslate/retranslatetest"
	"github.com/tqa-project/tqa/reports"
)

const testAPIKey = "sk-tqa-test-key-5f1e0c"

// sampleModel answers for the demo corpus: a good translation of the 001
// headline, a fix that keeps "Article V", and a retranslation of the
// bilingual demo pair that keeps 酝酿.
func sampleModel(_ int, req *retranslatetest.Request) retranslatetest.Reply {
	seg, err := req.Segment()
	if err != nil {
		return retranslatetest.Reply{Status: 400, Message: err.Error()}
	}
	reply := func(s string) retranslatetest.Reply {
		return retranslatetest.Reply{Content: retranslatetest.Translation(s, "")}
	}
	switch {
	case seg.Target == "US is酝酿 Leaving NATO" && seg.Task == "revise":
		return reply("US Is Considering Leaving NATO")
	case seg.Target == "US is酝酿 Leaving NATO":
		return reply("US is 酝酿 leaving NATO")
	case strings.Contains(seg.Target, "Article V"):
		return reply(strings.ReplaceAll(seg.Target, "collective defense", "collective defence"))
	}
	return retranslatetest.Reply{Status: 500, Message: "no answer for " + seg.Target}
}

// chdirSamplesCopy copies corpus/samples under a temporary directory,
// makes that directory the working directory and returns it.
func chdirSamplesCopy(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("..", "..", "corpus", "samples"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dst := filepath.Join(dir, "corpus", "samples")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		mustWrite(t, filepath.Join(dst, e.Name()), string(data))
	}
	t.Chdir(dir)
	return dir
}

func TestRetranslateSamples(t *testing.T) {
	srv := retranslatetest.NewServer(sampleModel)
	defer srv.Close()
	dir := chdirSamplesCopy(t)
	t.Setenv("OPENAI_API_KEY", testAPIKey)
	t.Setenv("TQA_LLM_API_KEY", "")
	cache := filepath.Join(dir, "cache")
	args := []string{"check", "--retranslate", "--llm-base-url", srv.URL(), "--llm-model", "M", "--llm-cache", cache, "--format", "json", "corpus/samples"}
	code, out, stderr := tqa(t, args...)
	if code != exitFindings {
		t.Fatalf("exit %d; stderr: %s", code, stderr)
	}
	jr, err := reports.ReadJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	const a001 = "corpus/samples/001_b2d8e521503d7cce.txt"
	var accepted, rejected int
	for _, p := range jr.Proposals {
		switch p.Status {
		case "accepted":
			accepted++
			if p.Path != a001 || p.Segment != "1" || p.Original != "US is酝酿 Leaving NATO" || p.Proposal != "US Is Considering Leaving NATO" || p.Model != "M" {
				t.Errorf("accepted: %+v", p)
			}
		case "rejected":
			rejected++
			if len(p.Reasons) == 0 {
				t.Errorf("rejected without reasons: %+v", p)
			}
		}
	}
	if accepted != 1 || rejected != 2 {
		t.Errorf("%d accepted, %d rejected, want 1 and 2:\n%s", accepted, rejected, out)
	}
	if !strings.Contains(out, "keeps term-deprecated “Article V”") || !strings.Contains(out, "“酝酿”") {
		t.Errorf("the rejected proposals lack their reasons:\n%s", out)
	}
	if !strings.Contains(stderr, "3 requests") {
		t.Errorf("stderr: %s", stderr)
	}
	// The schema holds.
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}

	// A warm rerun sends nothing and reports the same.
	sent := len(srv.Requests())
	code, again, stderr2 := tqa(t, args...)
	if code != exitFindings || again != out || len(srv.Requests()) != sent || !strings.Contains(stderr2, "0 requests") {
		t.Errorf("warm rerun: exit %d, %d new requests, same report %v; stderr: %s", code, len(srv.Requests())-sent, again == out, stderr2)
	}
	for _, r := range srv.Requests() {
		if r.Authorization != "Bearer "+testAPIKey {
			t.Errorf("Authorization %q", r.Authorization)
		}
	}

	// The patch, the text report, a dry run and apply.
	_, patch, _ := tqa(t, "check", "--retranslate", "--llm-base-url", srv.URL(), "--llm-model", "M", "--llm-cache", cache, "--format", "patch", "corpus/samples")
	if !strings.Contains(patch, "-US is酝酿 Leaving NATO\n+US Is Considering Leaving NATO\n") {
		t.Errorf("patch:\n%s", patch)
	}
	_, text, _ := tqa(t, "check", "--retranslate", "--llm-base-url", srv.URL(), "--llm-model", "M", "--llm-cache", cache, "corpus/samples")
	if !strings.Contains(text, a001+":1: accepted (M)\n  - US is酝酿 Leaving NATO\n  + US Is Considering Leaving NATO\n") {
		t.Errorf("text report:\n%s", text)
	}
	_, _, dry := tqa(t, "check", "--retranslate", "--llm-dry-run", "--llm-base-url", srv.URL(), "--llm-model", "M", "corpus/samples")
	if !strings.Contains(dry, "=== corpus/samples/tatoeba.zh-en.jsonl segment demo-1") || len(srv.Requests()) != sent {
		t.Errorf("dry run sent %d requests; stderr:\n%s", len(srv.Requests())-sent, dry)
	}

	// Nowhere the key: not in the outputs, not in the cache.
	for name, s := range map[string]string{"stdout": out, "stderr": stderr + stderr2 + dry, "patch": patch, "text": text} {
		if strings.Contains(s, testAPIKey) {
			t.Errorf("the API key is in %s", name)
		}
	}
	files := 0
	filepath.WalkDir(cache, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files++
			data, _ := os.ReadFile(path)
			if strings.Contains(string(data), testAPIKey) {
				t.Errorf("the API key is in %s", path)
			}
		}
		return nil
	})
	if files != 3 {
		t.Errorf("%d cache files, want 3", files)
	}

	testApply(t, out, patch)
}

// testApply applies the report of TestRetranslateSamples, and checks the
// patch with git apply.
func testApply(t *testing.T, report, patch string) {
	const a001 = "corpus/samples/001_b2d8e521503d7cce.txt"
	mustWrite(t, "report.json", report)
	orig, err := os.ReadFile(a001)
	if err != nil {
		t.Fatal(err)
	}
	if git, err := exec.LookPath("git"); err == nil {
		mustWrite(t, "fix.patch", patch)
		if out, err := exec.Command(git, "apply", "--check", "fix.patch").CombinedOutput(); err != nil {
			t.Errorf("git apply --check: %v\n%s", err, out)
		}
	}
	code, diff, stderr := tqa(t, "apply", "--dry-run", "report.json")
	if code != 0 || diff != patch {
		t.Errorf("apply --dry-run: exit %d, stderr %s; its diff differs from the patch:\n%s", code, stderr, diff)
	}
	if now, _ := os.ReadFile(a001); string(now) != string(orig) {
		t.Fatal("apply --dry-run wrote the file")
	}
	code, _, stderr = tqa(t, "apply", "report.json")
	if code != 0 || !strings.Contains(stderr, a001+": 1 segments written") {
		t.Fatalf("apply: exit %d: %s", code, stderr)
	}
	now, _ := os.ReadFile(a001)
	if want := strings.Replace(string(orig), "US is酝酿 Leaving NATO", "US Is Considering Leaving NATO", 1); string(now) != want {
		t.Errorf("apply wrote:\n%.200s", now)
	}
	// The file changed since the report: a second apply refuses.
	code, _, stderr = tqa(t, "apply", "report.json")
	if code != exitError || !strings.Contains(stderr, "changed since the report") {
		t.Errorf("second apply: exit %d: %s", code, stderr)
	}
}

func TestRetranslateUsage(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.txt")
	mustWrite(t, clean, "The alliance met in Brussels.\n")
	t.Setenv("OPENAI_API_KEY", "")
	t.Setenv("TQA_LLM_API_KEY", "")
	runCases(t, []cliCase{
		{"model without retranslate", []string{"check", "--llm-model", "m", clean}, 2, "", "--llm-model needs --retranslate", ""},
		{"patch without retranslate", []string{"check", "--format", "patch", clean}, 2, "", "--format patch needs --retranslate", ""},
		{"no model", []string{"check", "--retranslate", clean}, 2, "", "--llm-model", ""},
		{"no key for OpenAI", []string{"check", "--retranslate", "--llm-model", "m", clean}, 2, "", "OPENAI_API_KEY", ""},
		{"bad min", []string{"check", "--retranslate", "--llm-model", "m", "--retranslate-min", "huge", clean}, 2, "", "--retranslate-min", ""},
		{"apply missing report", []string{"apply", filepath.Join(dir, "none.json")}, 2, "", "none.json", ""},
	})
}

// TestRetranslateRefusedKey: a server that refuses the key and quotes it
// stops the run with exit 2, and the key is not printed.
func TestRetranslateRefusedKey(t *testing.T) {
	srv := retranslatetest.NewServer(func(int, *retranslatetest.Request) retranslatetest.Reply {
		return retranslatetest.Reply{Status: 401, Message: "Incorrect API key provided: " + testAPIKey}
	})
	defer srv.Close()
	chdirRoot(t)
	t.Setenv("TQA_LLM_API_KEY", testAPIKey)
	code, out, stderr := tqa(t, "check", "--retranslate", "--llm-base-url", srv.URL(), "--llm-model", "M", "--format", "json", "corpus/samples")
	if code != exitError || !strings.Contains(stderr, "the server refused the API key") {
		t.Errorf("exit %d; stderr: %s", code, stderr)
	}
	if strings.Contains(out+stderr, testAPIKey) {
		t.Error("the API key is printed")
	}
}

// TestRetranslateFromConfig takes the model and server from .tqa.yaml,
// with --retranslate on the command line.
func TestRetranslateFromConfig(t *testing.T) {
	srv := retranslatetest.NewServer(sampleModel)
	defer srv.Close()
	chdirSamplesCopy(t)
	t.Setenv("TQA_LLM_API_KEY", testAPIKey)
	mustWrite(t, ".tqa.yaml", "llm:\n  base-url: "+srv.URL()+"\n  model: M\n")
	code, out, stderr := tqa(t, "check", "--retranslate", "--format", "json", "corpus/samples")
	if code != exitFindings || !strings.Contains(out, `"proposal": "US Is Considering Leaving NATO"`) {
		t.Errorf("exit %d; stderr: %s", code, stderr)
	}
	if len(srv.Requests()) != 3 {
		t.Errorf("%d requests", len(srv.Requests()))
	}
}
