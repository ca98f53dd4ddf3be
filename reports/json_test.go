package reports

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tqa-project/tqa/pipeline"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(JSONSchema))
	if err != nil {
		t.Fatalf("schema/tqa.report.v1.json: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	const url = "https://raw.githubusercontent.com/tqa-project/tqa/main/reports/schema/tqa.report.v1.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile schema/tqa.report.v1.json: %v", err)
	}
	return sch
}

func validate(sch *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// TestGoldenJSONValidates validates every golden JSON report against the
// published schema.
func TestGoldenJSONValidates(t *testing.T) {
	sch := compileSchema(t)
	files, err := filepath.Glob("testdata/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < len(goldenCases) {
		t.Fatalf("found %d golden JSON files, want %d", len(files), len(goldenCases))
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(sch, data); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
}

// TestSchemaRejects makes sure the schema is strict enough to catch drift
// between the writer and the contract.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	data, err := os.ReadFile("testdata/severities.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		mutate func(m map[string]any)
	}{
		{"other schema", func(m map[string]any) { m["schema"] = "tqa.report/v2" }},
		{"no summary", func(m map[string]any) { delete(m, "summary") }},
		{"unknown field", func(m map[string]any) { m["generated_at"] = "2025-01-01" }},
		{"null findings", func(m map[string]any) { m["findings"] = nil }},
		{"bad severity", func(m map[string]any) { firstFinding(m)["severity"] = "fatal" }},
		{"bad side", func(m map[string]any) { firstFinding(m)["side"] = "both" }},
		{"null suggestions", func(m map[string]any) { firstFinding(m)["suggestions"] = nil }},
		{"negative column", func(m map[string]any) { firstFinding(m)["column"] = -1 }},
		{"string line", func(m map[string]any) { firstFinding(m)["line"] = "6" }},
		{"missing end_column", func(m map[string]any) { delete(firstFinding(m), "end_column") }},
		{"missing severity key", func(m map[string]any) {
			delete(m["summary"].(map[string]any)["by_severity"].(map[string]any), "neutral")
		}},
		{"zero count by check", func(m map[string]any) {
			m["summary"].(map[string]any)["by_check"].(map[string]any)["numbers"] = 0
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatal(err)
			}
			tt.mutate(m)
			bad, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			if validate(sch, bad) == nil {
				t.Errorf("the schema accepts a report with %s", tt.name)
			}
		})
	}
}

func firstFinding(m map[string]any) map[string]any {
	return m["findings"].([]any)[0].(map[string]any)
}

// TestSchemaMatchesTypes checks that the JSON Schema and the Go types name
// the same fields, so that neither can change without the other.
func TestSchemaMatchesTypes(t *testing.T) {
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal([]byte(JSONSchema), &schema); err != nil {
		t.Fatal(err)
	}
	props := func(def string) []string {
		d, ok := schema.Defs[def]
		if !ok {
			t.Fatalf("schema has no $defs/%s", def)
		}
		return slices.Sorted(maps.Keys(d.Properties))
	}
	tests := []struct {
		name   string
		schema []string
		typ    any
	}{
		{"report", slices.Sorted(maps.Keys(schema.Properties)), JSONReport{}},
		{"document", props("document"), JSONDocument{}},
		{"score", props("score"), JSONScore{}},
		{"finding", props("finding"), JSONFinding{}},
		{"suggestion", props("suggestion"), JSONSuggestion{}},
		{"edit", props("edit"), JSONEdit{}},
		{"error", props("error"), JSONError{}},
		{"summary", props("summary"), JSONSummary{}},
		{"by_severity", slices.Sorted(maps.Keys(schema.Defs["summary"].Properties["by_severity"].Properties)), JSONSeverityCounts{}},
	}
	for _, tt := range tests {
		if got := jsonFields(tt.typ); !slices.Equal(got, tt.schema) {
			t.Errorf("%s: Go type %T has fields %v, schema %v", tt.name, tt.typ, got, tt.schema)
		}
	}
}

func jsonFields(v any) []string {
	var names []string
	typ := reflect.TypeOf(v)
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// TestJSONRoundTrip decodes every golden JSON report with ReadJSON and
// encodes it again: the types hold every field, in order.
func TestJSONRoundTrip(t *testing.T) {
	for _, c := range goldenCases {
		data, err := os.ReadFile(filepath.Join("testdata", c.name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		jr, err := ReadJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(jr); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), data) {
			t.Errorf("%s: decoding and encoding again changed the report:\n%s", c.name, b.String())
		}
	}
}

// TestJSONFindings checks each JSON finding against the report it came
// from: the text is the span of the segment, positions come from the
// Locator, and applying the edits from the last to the first gives the
// result.
func TestJSONFindings(t *testing.T) {
	for _, c := range goldenCases {
		r := c.report()
		jr, err := NewJSONReport(r)
		if err != nil {
			t.Fatal(err)
		}
		for i, jf := range jr.Findings {
			f := r.Findings[i]
			seg := &r.Documents[f.Doc].Segments[f.Segment]
			text := seg.Text(f.Side)
			if jf.Text != text[jf.Start:jf.End] || jf.Text != f.Text {
				t.Errorf("%s finding %d: text %q, span %q, finding %q", c.name, i, jf.Text, text[jf.Start:jf.End], f.Text)
			}
			start, end := seg.Locate(f.Side, f.Span.Start), seg.Locate(f.Side, f.Span.End)
			if jf.Line != start.Line || jf.Column != start.Column || jf.EndLine != end.Line || jf.EndColumn != end.Column {
				t.Errorf("%s finding %d: %d:%d-%d:%d, want %v-%v", c.name, i, jf.Line, jf.Column, jf.EndLine, jf.EndColumn, start, end)
			}
			if jf.Side != f.Side.String() || jf.Segment != seg.ID {
				t.Errorf("%s finding %d: side %s segment %s", c.name, i, jf.Side, jf.Segment)
			}
			for _, s := range jf.Suggestions {
				got := text
				for k := len(s.Edits) - 1; k >= 0; k-- {
					e := s.Edits[k]
					if k > 0 && s.Edits[k-1].Start > e.Start {
						t.Errorf("%s finding %d: edits not sorted: %+v", c.name, i, s.Edits)
					}
					got = got[:e.Start] + e.Text + got[e.End:]
				}
				if got != s.Result {
					t.Errorf("%s finding %d: %q: edits give %q, result %q", c.name, i, s.Message, got, s.Result)
				}
			}
		}
	}
}

func TestJSONCounts(t *testing.T) {
	r := severitiesReport()
	jr, err := NewJSONReport(r)
	if err != nil {
		t.Fatal(err)
	}
	s := jr.Summary
	if s.Findings != len(r.Findings) || s.Documents != 2 || s.Segments != 4 {
		t.Errorf("summary %+v", s)
	}
	if want := (JSONSeverityCounts{Critical: 1, Major: 1, Minor: 3, Neutral: 1}); s.BySeverity != want {
		t.Errorf("by severity %+v, want %+v", s.BySeverity, want)
	}
	wantCat := map[string]int{
		pipeline.CategoryOmission: 1, pipeline.CategoryWhitespace: 1, pipeline.CategoryUntranslated: 1,
		pipeline.CategoryPunctuation: 1, pipeline.CategoryAddition: 1, pipeline.CategorySpelling: 1,
	}
	if !maps.Equal(s.ByCategory, wantCat) {
		t.Errorf("by category %v, want %v", s.ByCategory, wantCat)
	}
	if s.MQM.Penalty != 32.1 {
		t.Errorf("penalty %v, want 32.1 (25 + 5 + 1 + 1 + 0.1)", s.MQM.Penalty)
	}
	sum := 0
	for _, d := range jr.Documents {
		sum += d.Findings
	}
	if sum != s.Findings || jr.Documents[0].MQM.Penalty != 31.1 || jr.Documents[1].MQM.Penalty != 1 {
		t.Errorf("documents %+v", jr.Documents)
	}
}

func TestReadJSONErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"other schema", `{"schema":"tqa.report/v2"}`, `schema "tqa.report/v2", want "tqa.report/v1"`},
		{"syntax", "{\n  \"schema\": \"tqa.report/v1\",\n  \"tool\": ,\n}", "line 3, column 11"},
		{"type", "{\n  \"schema\": \"tqa.report/v1\",\n  \"findings\": [{\"line\": \"7\"}]\n}", "line 3, column"},
		{"empty", "", "unexpected end of JSON input"},
	}
	for _, tt := range tests {
		_, err := ReadJSON(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}
