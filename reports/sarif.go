package reports

import (
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/tqa-project/tqa/pipeline"
)

// SARIFSchemaURI is the "$schema" of the SARIF report: the OASIS SARIF
// 2.1.0 schema with errata 01, the file testdata/sarif-schema-2.1.0.json
// of this package.
const SARIFSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// SARIFFingerprintKey names the partialFingerprints entry of each result:
// Fingerprint of the finding, a colon, and the finding's occurrence (1, 2,
// ...) among the findings of the report with the same fingerprint, so that
// identical findings in one segment stay apart.
const SARIFFingerprintKey = "tqaFinding/v1"

// sarifColumnKind is the unit of SARIF columns: tqa counts Unicode code
// points (SARIF 2.1.0 §3.14.27 requires the property when a run has
// results).
const sarifColumnKind = "unicodeCodePoints"

// sarifLevel maps an MQM severity to a SARIF result level: critical and
// major are errors, minor a warning, neutral a note.
func sarifLevel(s pipeline.Severity) string {
	switch s {
	case pipeline.Critical, pipeline.Major:
		return "error"
	case pipeline.Minor:
		return "warning"
	}
	return "note"
}

// WriteSARIF writes r as a SARIF 2.1.0 log with one run, for code-scanning
// services (GitHub code scanning, IDE viewers):
//
//   - each check is a rule (reportingDescriptor) whose id is the check's
//     name, with its documentation as description and help, its MQM
//     category in the properties, and its default severity as the default
//     level (critical and major: error, minor: warning, neutral: note);
//   - each document is an artifact whose properties hold its word count
//     and MQM score; the run's properties hold the score of the run;
//   - each finding is a result with the level of its severity, a region
//     with start and end line and column (columns count Unicode code
//     points: run.columnKind is "unicodeCodePoints"; the end column is
//     the one after the flagged text), partialFingerprints that do not
//     depend on the position (see SARIFFingerprintKey), and its fixes as
//     SARIF fixes;
//   - inputs that could not be read are error notifications of the
//     invocation, whose executionSuccessful is then false.
//
// A fix becomes a SARIF fix only when its replacement text can be written
// into the file as it is: in formats that escape characters (XML, JSON,
// PO, CSV), a fix whose text holds one of the characters they escape is
// left out, since a consumer would insert it unescaped. Findings on a
// segment whose reader recorded no position have no region and no fixes.
func WriteSARIF(w io.Writer, r *Report) error {
	log, err := newSARIF(r)
	if err != nil {
		return err
	}
	rules := map[string]uint{}
	for i, rule := range log.Runs[0].Tool.Driver.Rules {
		rules[rule.ID] = uint(i)
	}
	seen := map[string]int{}
	return encodeStreamingArray(w, log, "results", "      ", len(r.Findings), func(i int) any {
		f := &r.Findings[i]
		fp := Fingerprint(f)
		seen[fp]++
		return sarifResult(r, f, rules[f.Check], fp, seen[fp])
	})
}

// newSARIF returns the SARIF log that WriteSARIF writes, without its
// results: WriteSARIF writes them one at a time (sarifResult).
func newSARIF(r *Report) (*sarif.Report, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	t := r.tally()
	rules := sarifRules(r)
	driver := &sarif.ToolComponent{Name: r.Tool, Rules: rules}
	if r.Version != "" {
		driver.Version = &r.Version
	}
	run := sarif.NewRun(sarif.Tool{Driver: driver})
	run.ColumnKind = sarifColumnKind
	run.Properties = sarif.Properties{
		"documents": len(r.Documents),
		"segments":  t.segments,
		"words":     t.words,
		"findings":  len(r.Findings),
		"mqm":       jsonScore(t.score),
	}

	run.Artifacts = make([]*sarif.Artifact, len(r.Documents))
	for i, d := range r.Documents {
		run.Artifacts[i] = &sarif.Artifact{
			Location: sarifArtifactLocation(d.Path, i),
			Length:   -1, // unknown: SARIF's default
			PropertyBag: sarif.PropertyBag{Properties: sarif.Properties{
				"format":      d.Format,
				"source_lang": d.SourceLang.String(),
				"target_lang": d.TargetLang.String(),
				"segments":    len(d.Segments),
				"words":       t.docWords[i],
				"findings":    len(t.docFindings[i]),
				"mqm":         jsonScore(pipeline.ScoreOf(t.docFindings[i], t.docWords[i])),
			}},
		}
	}

	ok := len(r.Errors) == 0
	inv := &sarif.Invocation{ExecutionSuccessful: &ok}
	for _, e := range r.Errors {
		msg := e.message()
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, &sarif.Notification{
			Level:   "error",
			Message: &sarif.Message{Text: &msg},
			Locations: []*sarif.Location{{PhysicalLocation: &sarif.PhysicalLocation{
				ArtifactLocation: &sarif.ArtifactLocation{URI: sarifURI(e.Path)},
			}}},
		})
	}
	run.Invocations = []*sarif.Invocation{inv}

	return &sarif.Report{Version: "2.1.0", Schema: SARIFSchemaURI, Runs: []*sarif.Run{run}}, nil
}

// sarifRules returns the rules of the run, sorted by check name: the
// checks of the report, and a bare rule for each check that has findings
// but is not listed.
func sarifRules(r *Report) []*sarif.ReportingDescriptor {
	byName := map[string]*pipeline.Check{}
	for _, c := range r.Checks {
		if c != nil {
			byName[c.Name] = c
		}
	}
	for i := range r.Findings {
		if _, ok := byName[r.Findings[i].Check]; !ok {
			byName[r.Findings[i].Check] = nil
		}
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	slices.Sort(names)
	rules := make([]*sarif.ReportingDescriptor, len(names))
	for i, n := range names {
		rules[i] = sarifRule(n, byName[n])
	}
	return rules
}

func sarifRule(name string, c *pipeline.Check) *sarif.ReportingDescriptor {
	rule := &sarif.ReportingDescriptor{ID: name}
	if c == nil {
		rule.ShortDescription = sarif.NewMultiformatMessageString(name)
		return rule
	}
	summary, _, _ := strings.Cut(strings.TrimSpace(c.Doc), "\n")
	if summary == "" {
		summary = name
	}
	rule.ShortDescription = sarif.NewMultiformatMessageString(summary)
	if doc := strings.TrimSpace(c.Doc); doc != "" {
		rule.FullDescription = sarif.NewMultiformatMessageString(doc)
		help := doc + "\n\nMQM category: " + c.Category + "; default severity: " + c.Severity.String() + "."
		rule.Help = sarif.NewMultiformatMessageString(help)
	}
	rule.DefaultConfiguration = &sarif.ReportingConfiguration{Level: sarifLevel(c.Severity)}
	tags := []string{"translation"}
	if c.Category != "" {
		tags = append(tags, c.Category)
	}
	rule.Properties = sarif.Properties{
		"tags":         tags,
		"mqm_category": c.Category,
		"mqm_severity": c.Severity.String(),
	}
	return rule
}

func sarifResult(r *Report, f *pipeline.Finding, ruleIndex uint, fp string, occurrence int) *sarif.Result {
	d, seg := r.segment(f)
	text := seg.Text(f.Side)
	level := sarifLevel(f.Severity)
	msg := f.Message
	if msg == "" {
		msg = f.Check
	}
	res := &sarif.Result{
		RuleID:    &f.Check,
		RuleIndex: &ruleIndex,
		Level:     &level,
		Message:   sarif.Message{Text: &msg},
		PartialFingerprints: map[string]interface{}{
			SARIFFingerprintKey: fp + ":" + strconv.Itoa(occurrence),
		},
	}
	res.Properties = sarif.Properties{
		"mqm_category": f.Category,
		"mqm_severity": f.Severity.String(),
		"segment":      seg.ID,
		"side":         f.Side.String(),
		"text":         text[f.Span.Start:f.Span.End],
	}
	loc := &sarif.PhysicalLocation{ArtifactLocation: sarifArtifactLocation(d.Path, f.Doc)}
	region := sarifRegion(seg, f.Side, f.Span)
	loc.Region = region
	res.Locations = []*sarif.Location{{PhysicalLocation: loc}}
	if region == nil {
		return res
	}
	for _, fix := range f.Fixes {
		if sf := sarifFix(d, seg, f, fix); sf != nil {
			res.Fixes = append(res.Fixes, sf)
		}
	}
	return res
}

// sarifRegion returns the text region of span on one side of seg, or nil
// when the reader recorded no position.
func sarifRegion(seg *pipeline.Segment, side pipeline.Side, span pipeline.Span) *sarif.Region {
	start := seg.Locate(side, span.Start)
	end := seg.Locate(side, span.End)
	if start.Line <= 0 || end.Line <= 0 {
		return nil
	}
	return &sarif.Region{
		StartLine: &start.Line, StartColumn: &start.Column,
		EndLine: &end.Line, EndColumn: &end.Column,
	}
}

func sarifFix(d *pipeline.Document, seg *pipeline.Segment, f *pipeline.Finding, fix pipeline.Fix) *sarif.Fix {
	edits := slices.Clone(fix.Edits)
	slices.SortStableFunc(edits, func(a, b pipeline.Edit) int { return a.Span.Start - b.Span.Start })
	change := &sarif.ArtifactChange{ArtifactLocation: *sarifArtifactLocation(d.Path, f.Doc)}
	for _, e := range edits {
		if !insertable(d.Format, e.NewText) {
			return nil
		}
		region := sarifRegion(seg, f.Side, e.Span)
		if region == nil {
			return nil
		}
		rep := &sarif.Replacement{DeletedRegion: *region}
		if e.NewText != "" {
			text := e.NewText
			rep.InsertedContent = &sarif.ArtifactContent{Text: &text}
		}
		change.Replacements = append(change.Replacements, rep)
	}
	if len(change.Replacements) == 0 {
		return nil
	}
	msg := fix.Message
	return &sarif.Fix{
		Description:     &sarif.Message{Text: &msg},
		ArtifactChanges: []*sarif.ArtifactChange{change},
	}
}

// insertable reports whether text can be inserted into a file of the given
// input format without escaping: always in plain text and Markdown; in the
// other formats only text without the characters that XML, JSON, PO or CSV
// escape, and without control characters.
func insertable(format, text string) bool {
	switch format {
	case "text", "markdown":
		return true
	}
	for _, r := range text {
		if strings.ContainsRune("&<>\"'\\,", r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

func sarifArtifactLocation(path string, index int) *sarif.ArtifactLocation {
	i := uint(index)
	return &sarif.ArtifactLocation{URI: sarifURI(path), Index: &i}
}

// sarifURI turns a slash-separated path into a relative URI reference:
// spaces, "%", "#", "?" and non-ASCII characters are percent-encoded, and
// a colon in the first segment is kept from reading as a URI scheme.
func sarifURI(path string) *string {
	u := (&url.URL{Path: path}).String()
	return &u
}
