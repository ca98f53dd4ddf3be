package reports

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tqa-project/tqa/pipeline"
)

// fixtureChecks describes the checks that the golden reports' findings
// name, as a run would list them in Report.Checks. The golden files show
// how check documentation becomes rule metadata; the texts are written
// for these fixtures.
var fixtureChecks = []*pipeline.Check{
	{Name: "untranslated", Category: pipeline.CategoryUntranslated, Severity: pipeline.Major,
		Doc: "untranslated finds source-language words left in a target.\n\nA word counts when it is in the source too."},
	{Name: "space-before-punctuation", Category: pipeline.CategoryWhitespace, Severity: pipeline.Minor,
		Doc: "space-before-punctuation finds a space before a closing punctuation mark."},
	{Name: "numbers", Category: pipeline.CategoryOmission, Severity: pipeline.Major,
		Doc: "numbers finds numbers of the source missing from the target."},
	{Name: "length-ratio", Category: pipeline.CategoryAddition, Severity: pipeline.Neutral,
		Doc: "length-ratio finds targets much longer or shorter than their source."},
	{Name: "quotes", Category: pipeline.CategoryPunctuation, Severity: pipeline.Minor,
		Doc: "quotes finds quotation marks that the target language does not use."},
	// A check that ran and found nothing still is a rule.
	{Name: "empty-target", Category: pipeline.CategoryUntranslated, Severity: pipeline.Critical,
		Doc: "empty-target finds segments whose target is empty."},
}

// withChecks returns the report of a golden case with fixtureChecks as the
// checks that ran.
func withChecks(r *Report) *Report {
	r.Checks = fixtureChecks
	return r
}

func compileSARIFSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	const path = "testdata/sarif/sarif-schema-2.1.0.json"
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
	if err := c.AddResource(SARIFSchemaURI, doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	sch, err := c.Compile(SARIFSchemaURI)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return sch
}

func TestGoldenSARIF(t *testing.T) {
	sch := compileSARIFSchema(t)
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			var first, second bytes.Buffer
			if err := WriteSARIF(&first, withChecks(c.report())); err != nil {
				t.Fatal(err)
			}
			if err := WriteSARIF(&second, withChecks(c.report())); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Error("two writes of the same report differ")
			}
			if err := validate(sch, first.Bytes()); err != nil {
				t.Errorf("not valid SARIF 2.1.0: %v", err)
			}
			checkGolden(t, c.name+".sarif", first.Bytes())
		})
	}
}

// TestSARIFSchemaRejects makes sure the validator does reject a log that
// breaks the schema, so that the golden test can fail.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := compileSARIFSchema(t)
	var b bytes.Buffer
	if err := WriteSARIF(&b, withChecks(severitiesReport())); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, old, new string }{
		{"version", `"version": "2.1.0"`, `"version": "2.2.0"`},
		{"level", `"level": "warning"`, `"level": "minor"`},
		{"column kind", `"columnKind": "unicodeCodePoints"`, `"columnKind": "characters"`},
		{"start line", `"startLine": 6`, `"startLine": 0`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := strings.Replace(b.String(), tt.old, tt.new, 1)
			if bad == b.String() {
				t.Fatalf("report has no %s", tt.old)
			}
			if err := validate(sch, []byte(bad)); err == nil {
				t.Errorf("schema accepts %s", tt.new)
			}
		})
	}
}

// sarifLog is the part of a SARIF log the tests read back.
type sarifLog struct {
	Runs []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Rules []struct {
					ID                   string
					DefaultConfiguration struct{ Level string }
					Properties           map[string]any
				}
			}
		}
		Artifacts []struct {
			Location   struct{ URI string }
			Properties map[string]any
		}
		Results []struct {
			RuleID              string
			RuleIndex           int
			Level               string
			PartialFingerprints map[string]string
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
					Region           *struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			Fixes []struct {
				Description     struct{ Text string }
				ArtifactChanges []struct {
					Replacements []struct {
						DeletedRegion   struct{ StartLine, StartColumn, EndLine, EndColumn int }
						InsertedContent *struct{ Text string }
					}
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			}
		}
		Properties map[string]any
	}
}

func readSARIF(t *testing.T, r *Report) sarifLog {
	t.Helper()
	var b bytes.Buffer
	if err := WriteSARIF(&b, r); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log
}

func TestSARIFContent(t *testing.T) {
	log := readSARIF(t, withChecks(cjkReport()))
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	rules := map[string]int{}
	for i, r := range run.Tool.Driver.Rules {
		rules[r.ID] = i
	}
	// Rules: the checks that ran, and those the findings name.
	for _, name := range []string{"untranslated", "empty-target", "cjk-punctuation", "year-format", "term-consistency"} {
		if _, ok := rules[name]; !ok {
			t.Errorf("no rule %s", name)
		}
	}
	if r := run.Tool.Driver.Rules[rules["empty-target"]]; r.DefaultConfiguration.Level != "error" || r.Properties["mqm_category"] != pipeline.CategoryUntranslated {
		t.Errorf("empty-target rule: %+v", r)
	}
	first := run.Results[0]
	if first.RuleID != "untranslated" || first.RuleIndex != rules["untranslated"] || first.Level != "error" {
		t.Errorf("first result: %s index %d level %s", first.RuleID, first.RuleIndex, first.Level)
	}
	// "北约峰会在Brussels举行": Brussels is characters 6 to 13 of line 1.
	reg := first.Locations[0].PhysicalLocation.Region
	if reg == nil || reg.StartLine != 1 || reg.StartColumn != 6 || reg.EndLine != 1 || reg.EndColumn != 14 {
		t.Errorf("region %+v, want 1:6-1:14", reg)
	}
	if len(first.Fixes) != 1 || first.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != "布鲁塞尔" {
		t.Errorf("fixes %+v", first.Fixes)
	}
	levels := map[string]string{}
	for _, r := range run.Results {
		levels[r.RuleID] = r.Level
	}
	if levels["cjk-punctuation"] != "warning" || levels["year-format"] != "note" {
		t.Errorf("levels %v", levels)
	}
	a := run.Artifacts[0]
	if a.Location.URI != "zh/article.txt" || a.Properties["words"] == nil || a.Properties["mqm"] == nil {
		t.Errorf("artifact %+v", a)
	}
	if run.Properties["mqm"] == nil || run.Properties["words"] == nil {
		t.Errorf("run properties %v", run.Properties)
	}
}

// TestSARIFFingerprints: identical findings get the same fingerprint with
// different occurrence numbers, and moving a segment keeps them.
func TestSARIFFingerprints(t *testing.T) {
	build := func(line int) *Report {
		b := newBuilder()
		const tgt = "Il a dit non  et  non."
		d := b.doc(&pipeline.Document{Path: "a.txt", Format: "text", TargetLang: fr,
			Segments: []pipeline.Segment{{ID: "1", Target: tgt, TargetLoc: at(line, 1, 0)}}})
		for nth := range 2 {
			b.add(d, 0, finding{check: "double-space", category: pipeline.CategoryWhitespace, severity: pipeline.Minor,
				sub: "  ", nth: nth, message: "Two spaces between words"})
		}
		return b.report()
	}
	fps := func(r *Report) []string {
		var out []string
		for _, res := range readSARIF(t, r).Runs[0].Results {
			out = append(out, res.PartialFingerprints[SARIFFingerprintKey])
		}
		return out
	}
	here, moved := fps(build(3)), fps(build(40))
	if len(here) != 2 || here[0] == here[1] {
		t.Fatalf("fingerprints %q: want two distinct", here)
	}
	h0, n0, _ := strings.Cut(here[0], ":")
	h1, n1, _ := strings.Cut(here[1], ":")
	if h0 != h1 || n0 != "1" || n1 != "2" {
		t.Errorf("fingerprints %q: want one hash with occurrences 1 and 2", here)
	}
	if strings.Join(here, " ") != strings.Join(moved, " ") {
		t.Errorf("moving the segment changed the fingerprints: %q, %q", here, moved)
	}
}

func TestSARIFFixesLeftOut(t *testing.T) {
	const tgt = "Tom & Jerry ,"
	for _, tt := range []struct {
		format, insert string
		fixes          int
	}{
		{"text", " &", 1},
		{"markdown", "<b>", 1},
		{"xliff", ",", 0},     // CSV-unsafe characters are left out everywhere but text and Markdown
		{"xliff", "&amp;", 0}, // would need escaping in XML
		{"jsonl", `"`, 0},
		{"po", "“", 1},
	} {
		b := newBuilder()
		d := b.doc(&pipeline.Document{Path: "f", Format: tt.format, TargetLang: en,
			Segments: []pipeline.Segment{{ID: "1", Target: tgt, TargetLoc: at(1, 1, 0)}}})
		b.add(d, 0, finding{check: "c", category: pipeline.CategoryWhitespace, severity: pipeline.Minor, sub: " ,",
			message: "m", fixes: []pipeline.Fix{replace("Fix", tgt, " ,", 0, tt.insert)}})
		if got := len(readSARIF(t, b.report()).Runs[0].Results[0].Fixes); got != tt.fixes {
			t.Errorf("%s %q: %d fixes, want %d", tt.format, tt.insert, got, tt.fixes)
		}
	}
	// No position, no region and no fix.
	b := newBuilder()
	d := b.doc(&pipeline.Document{Path: "f.txt", Format: "text", TargetLang: en,
		Segments: []pipeline.Segment{{ID: "1", Target: tgt}}})
	b.add(d, 0, finding{check: "c", category: pipeline.CategoryWhitespace, severity: pipeline.Minor, sub: " ,",
		message: "m", fixes: []pipeline.Fix{replace("Fix", tgt, " ,", 0, ",")}})
	res := readSARIF(t, b.report()).Runs[0].Results[0]
	if res.Locations[0].PhysicalLocation.Region != nil || len(res.Fixes) != 0 {
		t.Errorf("no position: region %+v, %d fixes", res.Locations[0].PhysicalLocation.Region, len(res.Fixes))
	}
}

func TestSARIFErrorsAndURIs(t *testing.T) {
	r := errorsReport()
	r.Documents[0].Path = "docs/Notes de réunion #1.txt"
	for i := range r.Findings {
		r.Findings[i].Path = r.Documents[0].Path
	}
	log := readSARIF(t, r)
	run := log.Runs[0]
	if got := run.Artifacts[0].Location.URI; got != "docs/Notes%20de%20r%C3%A9union%20%231.txt" {
		t.Errorf("uri %q", got)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 2 || inv.ToolExecutionNotifications[0].Level != "error" {
		t.Errorf("invocation %+v", inv)
	}
	var b bytes.Buffer
	if err := WriteSARIF(&b, r); err != nil {
		t.Fatal(err)
	}
	if err := validate(compileSARIFSchema(t), b.Bytes()); err != nil {
		t.Error(err)
	}
}

func BenchmarkWriteSARIF(b *testing.B) {
	r, size := benchReport(10000)
	b.SetBytes(int64(size))
	for b.Loop() {
		if err := WriteSARIF(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
