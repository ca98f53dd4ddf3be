package reports

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// proposalsReport has an accepted proposal, one rejected for a finding it
// adds, and one rejected for want of a reply.
func proposalsReport() *Report {
	b := newBuilder()
	const head, body = "US is酝酿 Leaving NATO", "The obligation under NATO Article V binds Washington."
	d := b.doc(&pipeline.Document{
		Path: "news/001.txt", Format: "text", TargetLang: en,
		Segments: []pipeline.Segment{
			{ID: "1", Kind: pipeline.Heading, Target: head, TargetLoc: at(1, 1, 0)},
			{ID: "2", Target: body, TargetLoc: at(3, 1, 27)},
		},
	})
	j := b.doc(&pipeline.Document{
		Path: "pairs.jsonl", Format: "jsonl", SourceLang: language.Chinese, TargetLang: en,
		Segments: []pipeline.Segment{{ID: "demo-1", Source: "美国酝酿退出北约", Target: head, TargetLoc: at(1, 50, 49)}},
	})
	mixed := finding{check: "mixed-script", category: pipeline.CategoryUntranslated, severity: pipeline.Critical,
		sub: "酝酿", message: "Chinese (Han) text “酝酿” in an English target"}
	b.add(d, 0, mixed)
	b.add(d, 1, finding{check: "term-deprecated", category: pipeline.CategoryTermWrong, severity: pipeline.Major,
		sub: "Article V", message: "deprecated term “Article V”: the NATO glossary has “Article 5”",
		fixes: []pipeline.Fix{replace("Replace with “Article 5”", body, "Article V", 0, "Article 5")}})
	mixed.severity = pipeline.Major
	b.add(j, 0, mixed)
	r := b.report()
	fixesOf := func(doc, seg int) []pipeline.Finding {
		var out []pipeline.Finding
		for _, f := range r.Findings {
			if f.Doc == doc && f.Segment == seg {
				out = append(out, f)
			}
		}
		return out
	}
	const proposed = "The obligation under NATO’s Article V binds Washington, Article V says."
	added := pipeline.Finding{Check: "term-deprecated", Category: pipeline.CategoryTermWrong, Severity: pipeline.Major,
		Doc: d, Path: "news/001.txt", Segment: 1, ID: "2", Side: pipeline.Target,
		Span: locate(proposed, "Article V", 1), Text: "Article V", Message: "deprecated term “Article V”: the NATO glossary has “Article 5”"}
	r.Proposals = []Proposal{
		{Doc: d, Path: "news/001.txt", Segment: 0, ID: "1", Original: head, Proposed: "US Is Considering Leaving NATO",
			Status: Accepted, Notes: "translated 酝酿", Model: "m", Fixes: fixesOf(d, 0)},
		{Doc: d, Path: "news/001.txt", Segment: 1, ID: "2", Original: body, Proposed: proposed,
			Status: Rejected, Model: "m", Fixes: fixesOf(d, 1), Added: []pipeline.Finding{added},
			Reasons: []string{"keeps term-deprecated “Article V” (major)", "adds term-deprecated “Article V” (major)"}},
		{Doc: j, Path: "pairs.jsonl", Segment: 0, ID: "demo-1", Original: head,
			Status: Rejected, Model: "m", Fixes: fixesOf(j, 0), Reasons: []string{"no proposal: the request timed out after 1m0s"}},
	}
	r.Digests = []string{"sha256:" + strings.Repeat("ab", 32), ""}
	return r
}

func TestProposalsJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, proposalsReport()); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "proposals.json", buf.Bytes())
	if err := validate(compileSchema(t), buf.Bytes()); err != nil {
		t.Error(err)
	}
	jr, err := ReadJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(jr.Proposals) != 3 || jr.Proposals[1].Added[0].Start != strings.LastIndex(jr.Proposals[1].Proposal, "Article V") {
		t.Errorf("proposals read back: %+v", jr.Proposals)
	}
	var again bytes.Buffer
	enc := json.NewEncoder(&again)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(jr)
	if again.String() != buf.String() {
		t.Error("decoding and encoding again changed the report")
	}
}

func TestProposalSchema(t *testing.T) {
	sch := compileSchema(t)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, proposalsReport()); err != nil {
		t.Fatal(err)
	}
	for name, mutate := range map[string]func(p map[string]any){
		"accepted with reasons":  func(p map[string]any) { p["reasons"] = []any{"x"} },
		"unknown status":         func(p map[string]any) { p["status"] = "maybe" },
		"null reasons":           func(p map[string]any) { p["reasons"] = nil },
		"no model":               func(p map[string]any) { delete(p, "model") },
		"accepted without text":  func(p map[string]any) { p["proposal"] = "" },
		"bad severity in fixes":  func(p map[string]any) { p["fixes"].([]any)[0].(map[string]any)["severity"] = "fatal" },
		"extra field":            func(p map[string]any) { p["api_key"] = "sk" },
		"accepted with findings": func(p map[string]any) { p["added"] = p["fixes"] },
	} {
		var m map[string]any
		json.Unmarshal(buf.Bytes(), &m)
		mutate(m["proposals"].([]any)[0].(map[string]any))
		bad, _ := json.Marshal(m)
		if validate(sch, bad) == nil {
			t.Errorf("the schema accepts a proposal %s", name)
		}
	}
	var m map[string]any
	json.Unmarshal(buf.Bytes(), &m)
	m["proposals"].([]any)[2].(map[string]any)["reasons"] = []any{}
	if bad, _ := json.Marshal(m); validate(sch, bad) == nil {
		t.Error("the schema accepts a rejected proposal without reasons")
	}
	// The Go types and the schema name the same fields.
	var schema struct {
		Defs map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	json.Unmarshal([]byte(JSONSchema), &schema)
	for def, typ := range map[string]any{"proposal": JSONProposal{}, "proposal_finding": JSONProposalFinding{}, "document": JSONDocument{}} {
		if got, want := jsonFields(typ), slices.Sorted(maps.Keys(schema.Defs[def].Properties)); !slices.Equal(got, want) {
			t.Errorf("%s: Go fields %v, schema %v", def, got, want)
		}
	}
}

func TestProposalsCheck(t *testing.T) {
	for name, mutate := range map[string]func(r *Report){
		"document out of range": func(r *Report) { r.Proposals[0].Doc = 5 },
		"segment out of range":  func(r *Report) { r.Proposals[0].Segment = -1 },
		"unknown status":        func(r *Report) { r.Proposals[0].Status = "" },
		"added span outside":    func(r *Report) { r.Proposals[1].Added[0].Span.End = 500 },
		"fix span outside":      func(r *Report) { r.Proposals[1].Fixes[0].Span.End = 500 },
		"digests":               func(r *Report) { r.Digests = r.Digests[:1] },
	} {
		r := proposalsReport()
		mutate(r)
		if err := WriteJSON(&bytes.Buffer{}, r); err == nil || !strings.Contains(err.Error(), "reports:") {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

// patchChanges are two files: one whose changed line is the last, with no
// line break after it, and one changed in two places far apart.
func patchChanges() []FileChange {
	var long, longNew strings.Builder
	for i := 1; i <= 20; i++ {
		line := "Line " + strings.Repeat("x", i%3) + " of the article.\n"
		long.WriteString(line)
		switch i {
		case 2:
			line = "US Is Considering Leaving NATO\n"
		case 18:
			line = "The obligation under NATO Article 5 binds Washington.\n"
		}
		longNew.WriteString(line)
	}
	return []FileChange{
		{Path: "news/b.txt", Old: []byte(long.String()), New: []byte(longNew.String())},
		{Path: "news/a.txt", Old: []byte("Title\n\nUS is酝酿 Leaving NATO"), New: []byte("Title\n\nUS Is Considering Leaving NATO")},
		{Path: "news/same.txt", Old: []byte("x\n"), New: []byte("x\n")},
	}
}

func TestPatchGolden(t *testing.T) {
	r := &Report{Changes: patchChanges()}
	var buf bytes.Buffer
	if err := WritePatch(&buf, r); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "proposals.patch", buf.Bytes())
	var none bytes.Buffer
	if err := WritePatch(&none, &Report{}); err != nil || none.Len() != 0 {
		t.Errorf("a report without changes: %q, %v", none.String(), err)
	}
}

// TestPatchGitApply applies the patch with git apply, where git is
// installed, and compares the files with the changes' new content.
func TestPatchGitApply(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	changes := patchChanges()
	for _, c := range changes {
		p := filepath.Join(dir, filepath.FromSlash(c.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, c.Old, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := WritePatch(&buf, &Report{Changes: changes}); err != nil {
		t.Fatal(err)
	}
	patch := filepath.Join(dir, "fix.patch")
	os.WriteFile(patch, buf.Bytes(), 0o644)
	cmd := exec.Command(git, "apply", patch)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	for _, c := range changes {
		got, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(c.Path)))
		if !bytes.Equal(got, c.New) {
			t.Errorf("%s after git apply:\n%s", c.Path, got)
		}
	}
}
