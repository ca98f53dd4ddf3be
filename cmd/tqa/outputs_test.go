package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tqa-project/tqa/reports"
)

// sarifSchema compiles the SARIF 2.1.0 schema vendored in reports/testdata.
// The working directory must be the repository root.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join("reports", "testdata", "sarif", "sarif-schema-2.1.0.json")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(reports.SARIFSchemaURI, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(reports.SARIFSchemaURI)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return sch
}

// samplesOutputs are the reports of one run over the demo corpus: SARIF
// on stdout, and the JUnit, GitHub and JSON reports that --report wrote.
type samplesOutputs struct {
	sarif, junit, github, json string
}

var (
	samplesOnce sync.Once
	samples     samplesOutputs
	samplesErr  string
)

// samplesReports runs tqa once over the demo corpus for the tests of the
// formats (a run takes seconds under the race detector). The working
// directory must be the repository root.
func samplesReports(t *testing.T) samplesOutputs {
	t.Helper()
	samplesOnce.Do(func() {
		t.Setenv("GITHUB_STEP_SUMMARY", "")
		dir := t.TempDir()
		file := func(name string) string { return filepath.Join(dir, name) }
		code, out, stderr := tqa(t, "check", "--format", "sarif",
			"--report", "junit="+file("r.xml"), "--report", "github="+file("r.txt"), "--report", "json="+file("r.json"),
			"corpus/samples")
		if code != exitFindings {
			samplesErr = fmt.Sprintf("exit %d; stderr: %s", code, stderr)
			return
		}
		read := func(name string) string {
			data, err := os.ReadFile(file(name))
			if err != nil {
				samplesErr = err.Error()
			}
			return string(data)
		}
		samples = samplesOutputs{sarif: out, junit: read("r.xml"), github: read("r.txt"), json: read("r.json")}
	})
	if samplesErr != "" {
		t.Fatal(samplesErr)
	}
	return samples
}

// TestSamplesSARIF: the SARIF report of the demo corpus (tqa check
// --format sarif corpus/samples) is valid SARIF 2.1.0 and carries the 酝酿
// finding with its region.
func TestSamplesSARIF(t *testing.T) {
	chdirRoot(t)
	out := samplesReports(t).sarif
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v", err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID     string
				Level      string
				Properties map[string]any
				Locations  []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
			Properties map[string]any
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) == 0 || run.Properties["mqm"] == nil {
		t.Errorf("no rules or no run score: %d rules, properties %v", len(run.Tool.Driver.Rules), run.Properties)
	}
	found := false
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		if r.RuleID == "mixed-script" && r.Properties["text"] == "酝酿" && loc.ArtifactLocation.URI == "corpus/samples/001_b2d8e521503d7cce.txt" {
			found = true
			if r.Level != "error" || loc.Region.StartLine != 1 || loc.Region.StartColumn != 6 || loc.Region.EndColumn != 8 {
				t.Errorf("酝酿: level %s region %+v, want error at 1:6-1:8", r.Level, loc.Region)
			}
		}
	}
	if !found {
		t.Error("no mixed-script result on 酝酿")
	}
}

// TestSamplesJUnit: the JUnit report of the demo corpus parses with
// encoding/xml into test suites with failures.
func TestSamplesJUnit(t *testing.T) {
	chdirRoot(t)
	out := samplesReports(t)
	var suites reports.JUnitSuites
	if err := xml.Unmarshal([]byte(out.junit), &suites); err != nil {
		t.Fatalf("encoding/xml: %v", err)
	}
	jr, err := reports.ReadJSON(strings.NewReader(out.json))
	if err != nil {
		t.Fatal(err)
	}
	if len(suites.Suites) != len(jr.Documents) || suites.Failures != len(jr.Findings) || suites.Failures == 0 {
		t.Errorf("%d suites with %d failures; the JSON report has %d documents and %d findings",
			len(suites.Suites), suites.Failures, len(jr.Documents), len(jr.Findings))
	}
	for _, s := range suites.Suites {
		if s.Properties == nil {
			t.Errorf("suite %s has no properties", s.Name)
		}
	}
}

var githubCommand = regexp.MustCompile(`^::(error|warning|notice) file=[^,]+,line=[1-9]\d*,col=[1-9]\d*,endLine=\d+,endColumn=\d+,title=[^,]+::.`)

// TestSamplesGitHub: every annotation of the demo corpus carries file,
// line and column.
func TestSamplesGitHub(t *testing.T) {
	chdirRoot(t)
	out := samplesReports(t).github
	n := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "::") {
			continue
		}
		n++
		if !githubCommand.MatchString(line) {
			t.Errorf("annotation without file, line and column: %s", line)
		}
	}
	if n == 0 {
		t.Fatalf("no annotations:\n%s", out)
	}
}

func TestStepSummary(t *testing.T) {
	dir := t.TempDir()
	leak := filepath.Join(dir, "leak.txt")
	mustWrite(t, leak, "The alliance met in 布鲁塞尔 today.\n")
	summary := filepath.Join(dir, "summary.md")
	mustWrite(t, summary, "earlier step\n")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)

	code, out, stderr := tqa(t, "check", "--format", "github", leak)
	if code != exitFindings || !strings.HasPrefix(out, "::error file=") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	data, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "earlier step\n### tqa: 1 finding in 1 file") || !strings.Contains(string(data), "mixed-script") {
		t.Errorf("step summary:\n%s", data)
	}
	// Not for other formats.
	before := len(data)
	tqa(t, "check", "--format", "json", leak)
	if data, _ := os.ReadFile(summary); len(data) != before {
		t.Error("the json format wrote to the step summary")
	}
	// Once, when --report asks for github too.
	tqa(t, "check", "--format", "github", "--report", "github="+filepath.Join(dir, "gh.txt"), leak)
	data, _ = os.ReadFile(summary)
	if n := strings.Count(string(data), "### tqa"); n != 2 {
		t.Errorf("%d summaries after two github runs, want 2", n)
	}
	// A summary file that cannot be opened is an error naming it.
	t.Setenv("GITHUB_STEP_SUMMARY", filepath.Join(dir, "no", "such", "dir", "s.md"))
	if code, _, stderr := tqa(t, "check", "--format", "github", leak); code != exitError || !strings.Contains(stderr, "GITHUB_STEP_SUMMARY") {
		t.Errorf("unopenable summary: exit %d, stderr %q", code, stderr)
	}
}

func TestReportFiles(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	dir := t.TempDir()
	leak := filepath.Join(dir, "leak.txt")
	mustWrite(t, leak, "The alliance met in 布鲁塞尔 today.\n")
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	sarifFile, junitFile, jsonFile, mdFile := filepath.Join(out, "r.sarif"), filepath.Join(out, "r.xml"), filepath.Join(out, "r.json"), filepath.Join(out, "r.md")
	// An old report is replaced.
	mustWrite(t, jsonFile, "old")

	code, stdout, stderr := tqa(t, "check", "--report", "sarif="+sarifFile, "--report", "junit="+junitFile,
		"--report", "json="+jsonFile, "--report", "markdown="+mdFile, leak)
	if code != exitFindings {
		t.Fatalf("exit %d; stderr %s", code, stderr)
	}
	if !strings.Contains(stdout, "leak.txt:1:") || strings.Contains(stdout, "\x1b[") {
		t.Errorf("stdout is not the text report:\n%s", stdout)
	}
	var js reports.JSONReport
	var log struct{ Version string }
	var suites reports.JUnitSuites
	for file, decode := range map[string]func([]byte) error{
		jsonFile:  func(b []byte) error { return json.Unmarshal(b, &js) },
		sarifFile: func(b []byte) error { return json.Unmarshal(b, &log) },
		junitFile: func(b []byte) error { return xml.Unmarshal(b, &suites) },
		mdFile: func(b []byte) error {
			if !bytes.HasPrefix(b, []byte("### tqa: 1 finding")) {
				t.Errorf("%s:\n%s", mdFile, b)
			}
			return nil
		},
	} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := decode(data); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
	if len(js.Findings) != 1 || log.Version != "2.1.0" || suites.Failures != 1 {
		t.Errorf("json %d findings, sarif version %q, junit %d failures", len(js.Findings), log.Version, suites.Failures)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 4 {
		t.Errorf("%d files in the output directory, want 4 (no temporary files left)", len(entries))
	}
}

func TestReportAndScoreFlags(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.txt")
	leak := filepath.Join(dir, "leak.txt")
	mustWrite(t, clean, "The alliance met in Brussels.\n")
	// One major finding (5) over 9 words (each Han character is a word):
	// 555.56 per 1,000 words.
	mustWrite(t, leak, "The alliance met in 布鲁塞尔 today.\n")
	missingDir := filepath.Join(dir, "no-such-dir", "r.sarif")
	runCases(t, []cliCase{
		{"report without =", []string{"check", "--report", "sarif", clean}, 2, "", "--report \"sarif\": want FORMAT=FILE", ""},
		{"report empty file", []string{"check", "--report", "sarif=", clean}, 2, "", "want FORMAT=FILE", ""},
		{"report unknown format", []string{"check", "--report", "xml=r.xml", clean}, 2, "", `unknown format "xml"`, ""},
		{"report twice to one file", []string{"check", "--report", "json=" + filepath.Join(dir, "a"), "--report", "sarif=" + filepath.Join(dir, "a"), clean}, 2, "", "already the file", ""},
		{"report into a missing directory names the file", []string{"check", "--report", "sarif=" + missingDir, clean}, 2, "", "--report sarif=" + missingDir, ""},
		{"max-score not a number", []string{"check", "--max-score", "ten", clean}, 2, "", "--max-score", ""},
		{"max-score negative", []string{"check", "--max-score", "-1", clean}, 2, "", "--max-score", ""},
		{"max-score clean", []string{"check", "--max-score", "0", clean}, 0, "no findings", "", ""},
		{"max-score below the run's score", []string{"check", "--fail-on", "never", "--max-score", "555.55", leak}, 1, "mixed-script", "above --max-score: 555.56 per 1,000 words", ""},
		{"max-score at the run's score", []string{"check", "--fail-on", "never", "--max-score", "555.56", leak}, 0, "mixed-script", "", ""},
		{"fail-on still gates", []string{"check", "--max-score", "100000", leak}, 1, "mixed-script", "", ""},
		{"no report files with jsonl", []string{"check", "--format", "jsonl", "--report", "sarif=" + filepath.Join(dir, "s.sarif"), clean}, 2, "", "--report: not with --format jsonl", ""},
		{"no max-score with jsonl", []string{"check", "--format", "jsonl", "--max-score", "5", clean}, 2, "", "--max-score: not with --format jsonl", ""},
	})
	if _, err := os.Stat(filepath.Dir(missingDir)); !os.IsNotExist(err) {
		t.Errorf("the missing directory was created: %v", err)
	}
}

func TestWriteFileAtomicKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	mustWrite(t, path, "old")
	err := writeFileAtomic(path, func(w io.Writer) error {
		w.Write([]byte("half"))
		return os.ErrClosed
	})
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("error %v does not name %s", err, path)
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("old file became %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left, want 1", len(entries))
	}
}
