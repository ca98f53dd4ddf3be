package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/tqa-project/tqa/config"
)

// TestConfigFile: the file found upward from the working directory, or
// named with --config, sets what flags do; a flag given wins.
func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "docs", "drafts")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	leak := filepath.Join(dir, "docs", "leak.txt")
	mustWrite(t, leak, "The alliance met in 布鲁塞尔 today.\n")
	mustWrite(t, filepath.Join(sub, "draft.txt"), "A draft with 酝酿 in it.\n")
	write := func(yaml string) { mustWrite(t, filepath.Join(dir, config.Name), yaml) }
	t.Chdir(filepath.Join(dir, "docs")) // the file is one directory up

	write("checks:\n  disable: [mixed-script]\n")
	runCases(t, []cliCase{
		{"file disables a check", []string{"check", "leak.txt"}, 0, "no findings", "", "mixed-script"},
		{"--enable replaces the file's list", []string{"check", "--enable", "mixed-script", "--disable", "", "leak.txt"}, 1, "mixed-script", "", ""},
	})

	write("fail-on: critical\n")
	runCases(t, []cliCase{
		{"file sets fail-on", []string{"check", "leak.txt"}, 0, "major: mixed-script", "", ""},
		{"--fail-on wins", []string{"check", "--fail-on", "major", "leak.txt"}, 1, "major: mixed-script", "", ""},
	})

	write("checks:\n  severity:\n    mixed-script: minor\n")
	runCases(t, []cliCase{
		{"severity override", []string{"check", "leak.txt"}, 0, "minor: mixed-script", "", "major: mixed-script"},
	})

	write("allow:\n  checks:\n    spelling-profile: {words: [布鲁塞尔]}\n")
	runCases(t, []cliCase{
		{"another check's allow list does not apply", []string{"check", "leak.txt"}, 1, "mixed-script", "", ""},
	})
	write("allow:\n  checks:\n    mixed-script: {words: [布鲁塞尔]}\n")
	runCases(t, []cliCase{
		{"the check's allow list", []string{"check", "leak.txt"}, 0, "no findings", "", ""},
	})
	write("allow:\n  patterns: ['\\p{Han}+']\n")
	runCases(t, []cliCase{
		{"global pattern", []string{"check", "leak.txt"}, 0, "no findings", "", ""},
	})

	write("allow:\n  words: [布鲁塞尔]\n")
	runCases(t, []cliCase{
		{"allow lists apply to the streamed report too", []string{"check", "--format", "jsonl", "leak.txt"}, 0, "", "", "布鲁塞尔"},
	})

	write("exclude: ['**/drafts/**']\n")
	runCases(t, []cliCase{
		{"exclude", []string{"check", "."}, 1, "leak.txt", "", "draft.txt"},
		{"exclude, streaming", []string{"check", "--format", "jsonl", "."}, 1, "leak.txt", "", "draft.txt"},
		{"a file named but excluded", []string{"check", "drafts/draft.txt"}, 0, "no findings in 0 files", "", ""},
	})
	write("include: ['docs/drafts/*.txt']\n")
	runCases(t, []cliCase{
		{"include", []string{"check", "."}, 1, "draft.txt", "", "leak.txt"},
	})

	write("report:\n  format: json\n")
	code, out, errs := tqa(t, "check", "leak.txt")
	var rep struct{ Schema string }
	if code != 1 || json.Unmarshal([]byte(out), &rep) != nil || rep.Schema != "tqa.report/v1" {
		t.Errorf("report.format json: exit %d, stdout %.80q, stderr %q", code, out, errs)
	}

	write("target-lang: en\nspeling: nato\n")
	runCases(t, []cliCase{
		{"a bad file is exit 2 with line and column", []string{"check", "leak.txt"}, 2, "", filepath.Join("..", config.Name) + `:2:1: unknown key "speling" (did you mean "spelling"?)`, ""},
	})

	other := filepath.Join(dir, "other.yaml")
	mustWrite(t, other, "checks:\n  disable: [mixed-script]\n")
	runCases(t, []cliCase{
		{"--config names the file", []string{"check", "--config", other, "leak.txt"}, 0, "no findings", "", ""},
		{"--config to a missing file", []string{"check", "--config", filepath.Join(dir, "none.yaml"), "leak.txt"}, 2, "", "none.yaml", ""},
	})

	// The baseline named in the file, relative to it.
	write("baseline: accepted.json\n")
	runCases(t, []cliCase{
		{"baseline update uses the file's baseline", []string{"baseline", "update", "leak.txt"}, 0, "", "accepted.json: 1 finding recorded", ""},
		{"check uses it too", []string{"check", "leak.txt"}, 0, "no findings", "1 finding suppressed", ""},
		{"a streamed report uses it too", []string{"check", "--format", "jsonl", "leak.txt"}, 0, "", "1 finding suppressed", ""},
	})
	write("baseline: accepted.json\nreport: {format: jsonl}\n")
	runCases(t, []cliCase{
		{"baseline update whatever the report format", []string{"baseline", "update", "leak.txt"}, 0, "", "accepted.json: 1 finding recorded", ""},
	})
	if _, err := os.Stat(filepath.Join(dir, "accepted.json")); err != nil {
		t.Errorf("the baseline is not beside the configuration file: %v", err)
	}
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	runCases(t, []cliCase{
		{"init writes", []string{"init"}, 0, "wrote .tqa.yaml", "", ""},
		{"init refuses to overwrite", []string{"init"}, 2, "", ".tqa.yaml exists (--force overwrites it)", ""},
		{"--force overwrites", []string{"init", "--force"}, 0, "wrote .tqa.yaml", "", ""},
		{"another name", []string{"init", "ci.yaml"}, 0, "wrote ci.yaml", "", ""},
	})
	// What init wrote loads, and tqa check runs with it as without it.
	f, err := config.Load(config.Name)
	if err != nil {
		t.Fatalf("the written default does not load: %v", err)
	}
	if f.Spelling == nil || f.FailOn != "major" {
		t.Errorf("the written default lacks settings: %+v", f)
	}
	leak := filepath.Join(dir, "leak.txt")
	mustWrite(t, leak, "The alliance met in 布鲁塞尔 today, with a defense budget.\n")
	_, with, _ := tqa(t, "check", "leak.txt")
	if with == "" || !strings.Contains(with, "defense") {
		t.Errorf("check with the default configuration: %s", with)
	}
	mustWrite(t, "empty.yaml", "")
	_, without, _ := tqa(t, "check", "--config", "empty.yaml", "leak.txt")
	if with != without {
		t.Errorf("the default configuration changes the report:\nwith:\n%s\nwithout:\n%s", with, without)
	}
}

// TestConfigSetsOtherFlags: the LLM settings and report outputs of the
// file reach the flags of the retranslation stage and --report wherever a
// command has them, without counting as given, and a flag given wins.
func TestConfigSetsOtherFlags(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, config.Name)
	mustWrite(t, path, `llm:
  base-url: http://localhost:11434/v1
  model: qwen2.5:7b
  concurrency: 2
  timeout: 1m30s
  max-requests: 50
  cache-dir: cache
  retranslate-min: critical
report:
  outputs: [json=out.json, text=out.txt]
`)
	var got struct {
		baseURL, model, cache, min string
		concurrency, maxRequests   int
		timeout                    time.Duration
		reports                    []string
	}
	cmd := &cobra.Command{Use: "x"}
	f := cmd.Flags()
	f.StringVar(&got.baseURL, "llm-base-url", "https://api.openai.com/v1", "")
	f.StringVar(&got.model, "llm-model", "", "")
	f.IntVar(&got.concurrency, "llm-concurrency", 4, "")
	f.DurationVar(&got.timeout, "llm-timeout", time.Minute, "")
	f.IntVar(&got.maxRequests, "llm-max-requests", 0, "")
	f.StringVar(&got.cache, "llm-cache", "", "")
	f.StringVar(&got.min, "retranslate-min", "major", "")
	f.StringArrayVar(&got.reports, "report", nil, "")
	var fl checkFlags
	addConfigFlags(f, &fl.configState)
	if err := f.Parse([]string{"--config", path, "--llm-model", "from-flag"}); err != nil {
		t.Fatal(err)
	}
	if err := fl.applyConfig(cmd); err != nil {
		t.Fatal(err)
	}
	if got.baseURL != "http://localhost:11434/v1" || got.model != "from-flag" || got.concurrency != 2 ||
		got.timeout != 90*time.Second || got.maxRequests != 50 || got.cache != filepath.Join(dir, "cache") ||
		got.min != "critical" {
		t.Errorf("flags after the file: %+v", got)
	}
	if want := []string{"json=" + filepath.Join(dir, "out.json"), "text=" + filepath.Join(dir, "out.txt")}; !slices.Equal(got.reports, want) {
		t.Errorf("--report %q, want %q", got.reports, want)
	}
	for _, name := range []string{"llm-base-url", "llm-concurrency", "report"} {
		if f.Changed(name) {
			t.Errorf("--%s counts as given", name)
		}
	}
}
