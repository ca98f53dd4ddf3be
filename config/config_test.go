package config

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/pipeline"
)

// TestBadFiles states the exact error, file:line:col first, for each kind
// of mistake.
func TestBadFiles(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key suggests the nearest", "tagret-lang: en\n",
			`.tqa.yaml:1:1: unknown key "tagret-lang" (did you mean "target-lang"?)`},
		{"underscores and case", "checks:\n  Severity: {}\n",
			`.tqa.yaml:2:3: unknown key "checks.Severity" (did you mean "severity"?)`},
		{"unknown key far from any", "colour: red\n",
			`.tqa.yaml:1:1: unknown key "colour"`},
		{"nested unknown key", "llm:\n  modle: x\n",
			`.tqa.yaml:2:3: unknown key "llm.modle" (did you mean "model"?)`},
		{"bad language", "target-lang: english!\n",
			`.tqa.yaml:1:14: target-lang: "english!" is not a BCP 47 language tag (e.g. en, en-GB, zh-Hans)`},
		{"unknown check in a list", "checks:\n  disable: [mixed-scrpt]\n",
			`.tqa.yaml:2:13: checks.disable[0]: unknown check "mixed-scrpt" (did you mean "mixed-script"?)`},
		{"unknown check as a key", "checks:\n  severity:\n    nope: major\n",
			`.tqa.yaml:3:5: checks.severity.nope: unknown check "nope" (tqa checks lists them)`},
		{"bad severity", "checks:\n  severity:\n    dash-substitute: severe\n",
			`.tqa.yaml:3:22: checks.severity.dash-substitute: unknown severity "severe" (want neutral, minor, major or critical)`},
		{"unknown check in allow lists", "allow:\n  checks:\n    mixd-script:\n      words: [x]\n",
			`.tqa.yaml:3:5: allow.checks.mixd-script: unknown check "mixd-script" (did you mean "mixed-script"?)`},
		{"api key", "llm:\n  model: m\n  api-key: sk-123\n",
			`.tqa.yaml:3:3: llm.api-key: API keys and other secrets do not belong in the configuration file: set OPENAI_API_KEY or TQA_LLM_API_KEY in the environment`},
		{"token anywhere", "openai_token: abc\n",
			`.tqa.yaml:1:1: openai_token: API keys and other secrets do not belong in the configuration file: set OPENAI_API_KEY or TQA_LLM_API_KEY in the environment`},
		{"credentials in the URL", "llm:\n  base-url: https://user:pw@example.org/v1\n",
			`.tqa.yaml:2:13: llm.base-url: credentials do not belong in the configuration file: set OPENAI_API_KEY or TQA_LLM_API_KEY in the environment`},
		{"not a URL", "llm:\n  base-url: localhost:11434\n",
			`.tqa.yaml:2:13: llm.base-url: "localhost:11434" is not an http or https URL`},
		{"bad duration", "llm:\n  timeout: 5 minutes\n",
			`.tqa.yaml:2:12: llm.timeout: "5 minutes" is not a duration (write e.g. 30s, 2m or 1m30s)`},
		{"zero concurrency", "llm:\n  concurrency: 0\n",
			`.tqa.yaml:2:16: llm.concurrency: must be at least 1 (leave it out for the default)`},
		{"fractional count", "llm:\n  max-requests: 2.5\n",
			`.tqa.yaml:2:17: llm.max-requests: want a whole number, got "2.5"`},
		{"bad retranslate-min", "llm:\n  retranslate-min: high\n",
			`.tqa.yaml:2:20: llm.retranslate-min: unknown severity "high" (want neutral, minor, major or critical)`},
		{"yaml syntax error has a line", "checks: [\n",
			`.tqa.yaml:1: invalid YAML: did not find expected node content`},
		{"bad glob", "include: ['[']\n",
			`.tqa.yaml:1:11: include[0]: invalid glob "["`},
		{"absolute glob", "exclude:\n  - /tmp/**\n",
			`.tqa.yaml:2:5: exclude[0]: "/tmp/**": globs are relative to the directory of the configuration file; drop the leading /`},
		{"bad regexp", "allow:\n  patterns: ['(']\n",
			".tqa.yaml:2:14: allow.patterns[0]: invalid regular expression: error parsing regexp: missing closing ): `(`"},
		{"empty allowed word", "allow:\n  words: ['']\n",
			`.tqa.yaml:2:11: allow.words[0]: an empty word matches nothing`},
		{"output without file", "report:\n  outputs: [sarif]\n",
			`.tqa.yaml:2:13: report.outputs[0]: report output "sarif": want FORMAT=FILE, e.g. sarif=tqa.sarif`},
		{"unknown format", "report:\n  format: jsn\n",
			`.tqa.yaml:2:11: report.format: unknown report format "jsn" (did you mean "json"?)`},
		{"not a mapping", "- a\n",
			`.tqa.yaml:1:1: want a mapping of keys to values, got a list`},
		{"list for a string", "spelling: [nato]\n",
			`.tqa.yaml:1:11: spelling: want a single value, got a list`},
		{"string for a list", "glossaries: terms.tbx\n",
			`.tqa.yaml:1:13: glossaries: want a list, got "terms.tbx"`},
		{"yes is not a boolean", "builtin-glossary: yes\n",
			`.tqa.yaml:1:19: builtin-glossary: want true or false, got "yes"`},
		{"bad spelling profile", "spelling: en-AU\n",
			`.tqa.yaml:1:11: spelling: unknown spelling profile "en-AU" (want nato, en-US, en-GB or off)`},
		{"bad fail-on", "fail-on: severe\n",
			`.tqa.yaml:1:10: fail-on: unknown severity "severe" (want neutral, minor, major or critical), or never`},
		{"repeated key", "target-lang: en\ntarget-lang: fr\n",
			`.tqa.yaml:2:1: key "target-lang" repeated (first at line 1)`},
		{"merge key", "base: &b {target-lang: en}\n<<: *b\n",
			".tqa.yaml:1:1: unknown key \"base\"\n.tqa.yaml:2:1: merge keys (<<) are not supported: write the keys out"},
		{"two documents", "target-lang: en\n---\nspelling: nato\n",
			`.tqa.yaml:2:1: a second YAML document (a configuration file holds one)`},
		{"every error, in file order", "spelling: x\nllm:\n  concurrency: -1\ntagret-lang: en\n",
			".tqa.yaml:1:11: spelling: unknown spelling profile \"x\" (want nato, en-US, en-GB or off)\n" +
				".tqa.yaml:3:16: llm.concurrency: must be at least 1 (leave it out for the default)\n" +
				".tqa.yaml:4:1: unknown key \"tagret-lang\" (did you mean \"target-lang\"?)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(".tqa.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error; got %+v", f)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tt.want)
			}
			if _, ok := err.(ErrorList); !ok {
				t.Errorf("error is a %T, want an ErrorList", err)
			}
		})
	}
}

func TestParseGood(t *testing.T) {
	src := `
target-lang: en-GB
source-lang: zh
glossaries: [terms/a.tbx, /abs/b.csv]
builtin-glossary: false
spelling: en-US
fail-on: never
baseline: .tqa-baseline.json
checks:
  enable: [mixed-script, term-deprecated]
  disable: [length-ratio]
  severity: {dash-substitute: major}
include: ["./docs/**/*.md"]
exclude: ["**/drafts/**"]
allow:
  words: ["Σ"]
  patterns: ["(?i)sigma-[0-9]+"]
  checks:
    mixed-script:
      words: [北约]
llm:
  base-url: http://localhost:11434/v1
  model: qwen2.5:7b
  concurrency: 2
  timeout: 1m30s
  max-requests: 200
  cache-dir: cache
  retranslate-min: major
report:
  format: json
  outputs: [json=out/report.json]
`
	f, err := Parse(filepath.Join("proj", ".tqa.yaml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	pat := func(s string) Pattern {
		p, err := NewPattern(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	no, major := false, pipeline.Major
	us := spelling.EnUS
	want := &File{
		Path:            filepath.Join("proj", ".tqa.yaml"),
		Dir:             "proj",
		SourceLang:      language.Chinese,
		TargetLang:      language.BritishEnglish,
		Glossaries:      []string{filepath.Join("proj", "terms", "a.tbx"), "/abs/b.csv"},
		BuiltinGlossary: &no,
		Spelling:        &us,
		FailOn:          "never",
		Baseline:        filepath.Join("proj", ".tqa-baseline.json"),
		Checks: Checks{
			Enable:   []string{"mixed-script", "term-deprecated"},
			Disable:  []string{"length-ratio"},
			Severity: map[string]pipeline.Severity{"dash-substitute": pipeline.Major},
		},
		Include: []Glob{"docs/**/*.md"},
		Exclude: []Glob{"**/drafts/**"},
		Allow: Allow{
			AllowList: AllowList{Words: []string{"Σ"}, Patterns: []Pattern{pat("(?i)sigma-[0-9]+")}},
			Checks:    map[string]AllowList{"mixed-script": {Words: []string{"北约"}}},
		},
		LLM: LLM{
			BaseURL: "http://localhost:11434/v1", Model: "qwen2.5:7b", Concurrency: 2,
			Timeout: 90 * time.Second, MaxRequests: 200, CacheDir: filepath.Join("proj", "cache"),
			RetranslateMin: &major,
		},
		Report: Report{Format: "json", Outputs: []Output{{Format: "json", File: filepath.Join("proj", "out", "report.json")}}},
	}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("got  %+v\nwant %+v", f, want)
	}
}

func TestEmptyFile(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "---\n", "~\n"} {
		f, err := Parse("c.yaml", []byte(src))
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if !reflect.DeepEqual(f, &File{Path: "c.yaml", Dir: "."}) {
			t.Errorf("%q: got %+v, want nothing set", src, f)
		}
	}
}

// TestDefault loads what tqa init writes, and the same file with every
// example uncommented.
func TestDefault(t *testing.T) {
	f, err := Parse(Name, Default())
	if err != nil {
		t.Fatalf("the default file does not load:\n%v", err)
	}
	if f.TargetLang != language.English || f.BuiltinGlossary == nil || !*f.BuiltinGlossary ||
		f.Spelling == nil || *f.Spelling != spelling.NATO || f.FailOn != "major" || f.Report.Format != "text" {
		t.Errorf("the default file does not hold tqa's defaults: %+v", f)
	}
	example := regexp.MustCompile(`(?m)^(\s*)# ((?:[a-z-]+:(?: |$)|- ).*)$`)
	uncommented := example.ReplaceAll(Default(), []byte("$1$2"))
	if n := strings.Count(string(Default()), "\n") - strings.Count(string(uncommented), "\n"); n != 0 {
		t.Fatal("uncommenting changed the line count")
	}
	f, err = Parse(Name, uncommented)
	if err != nil {
		t.Fatalf("the default file with its examples does not load:\n%v\n%s", err, uncommented)
	}
	if f.SourceLang != language.Chinese || len(f.Glossaries) != 1 || f.Baseline == "" || len(f.Checks.Disable) != 1 ||
		len(f.Checks.Severity) != 1 || len(f.Include) != 1 || len(f.Exclude) != 1 || len(f.Allow.Words) != 1 ||
		len(f.Allow.Patterns) != 1 || len(f.Allow.Checks) != 1 || f.LLM.Model == "" || f.LLM.RetranslateMin == nil ||
		len(f.Report.Outputs) != 1 {
		t.Errorf("an example was not uncommented: %+v", f)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "a", Name), []byte("target-lang: fr\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A directory of that name is not a configuration file.
	if err := os.Mkdir(filepath.Join(root, "a", "b", Name), 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := Find(deep)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "a", Name); got != want {
		t.Errorf("Find(deep) = %q, want %q", got, want)
	}
	t.Chdir(deep)
	got, err = Find(".")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join("..", "..", Name); got != want {
		t.Errorf("Find(.) = %q, want %q", got, want)
	}
	f, err := Load(got)
	if err != nil {
		t.Fatal(err)
	}
	if f.TargetLang != language.French || f.Dir != filepath.Join("..", "..") {
		t.Errorf("Load: %+v", f)
	}
	if got, err := Find(root); err != nil || got != "" {
		t.Errorf("Find above the file = %q, %v; want none", got, err)
	}
}

func TestSelects(t *testing.T) {
	dir := t.TempDir()
	f, err := Parse(filepath.Join(dir, Name), []byte("include: ['docs/**/*.md', '*.po']\nexclude: ['**/drafts/**']\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want bool
	}{
		{"docs/a.md", true},
		{"docs/x/y/b.md", true},
		{"docs/a.txt", false},
		{"docs/drafts/a.md", false},
		{"docs/x/drafts/y/a.md", false},
		{"fr.po", true},
		{"po/fr.po", false},
		{"../outside/a.txt", true},
	}
	for _, tt := range tests {
		if got := f.Selects(filepath.Join(dir, filepath.FromSlash(tt.path))); got != tt.want {
			t.Errorf("Selects(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}
	if !(&File{Dir: dir}).Selects("anything.txt") {
		t.Error("a file without globs must select everything")
	}
}

func TestAllow(t *testing.T) {
	f, err := Parse(Name, []byte(`
allow:
  words: [Σ, "Article V"]
  patterns: ["(?i)sigma-[0-9]+"]
  checks:
    mixed-script:
      words: [北约]
      patterns: ['\p{Han}{2}']
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		check, text string
		want        bool
	}{
		{"mixed-script", "Σ", true},              // global word
		{"term-deprecated", "Article V", true},   // global phrase
		{"term-deprecated", "article V", false},  // words keep their case
		{"term-deprecated", "Article V.", false}, // and match the whole text
		{"dash-substitute", "SIGMA-12", true},    // global pattern, (?i)
		{"dash-substitute", "sigma-12 x", false}, // patterns are anchored
		{"mixed-script", "北约", true},             // the check's word
		{"source-copied-fragment", "北约", false},  // not another check's
		{"mixed-script", "酝酿", true},             // the check's pattern
		{"mixed-script", "酝酿酝", false},           // anchored
		{"spelling-profile", "defense", false},   // nothing allows it
	}
	for _, tt := range tests {
		fd := &pipeline.Finding{Check: tt.check, Text: tt.text}
		if got := f.Allow.Allows(fd); got != tt.want {
			t.Errorf("Allows(%s, %q) = %v, want %v", tt.check, tt.text, got, tt.want)
		}
	}
	if f.Allow.Empty() || !(&Allow{}).Empty() {
		t.Error("Empty is wrong")
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"target-lang", "source-lang", "glossaries", "llm", "include", "exclude"}
	tests := []struct{ in, want string }{
		{"targetLang", "target-lang"},
		{"target_lang", "target-lang"},
		{"glossary", "glossaries"},
		{"lm", "llm"},
		{"includes", "include"},
		{"colour", ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.in, names); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
