package reports

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/tqa-project/tqa/pipeline"
)

// JUnitSuites is the JUnit XML report: the root element <testsuites>. Its
// shape is the one Jenkins, GitLab and most test dashboards read.
type JUnitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []JUnitSuite `xml:"testsuite"`
}

// JUnitSuite is one document, or one input that could not be read.
type JUnitSuite struct {
	// Name is the document's path.
	Name     string `xml:"name,attr"`
	Tests    int    `xml:"tests,attr"`
	Failures int    `xml:"failures,attr"`
	Errors   int    `xml:"errors,attr"`
	Skipped  int    `xml:"skipped,attr"`
	// Properties hold what was read and the document's MQM score
	// ("mqm.penalty", "mqm.per_1000_words"), as decimal strings.
	Properties *JUnitProperties `xml:"properties"`
	Cases      []JUnitCase      `xml:"testcase"`
}

// JUnitProperties are the properties of a suite.
type JUnitProperties struct {
	List []JUnitProperty `xml:"property"`
}

// JUnitProperty is one name and value of a suite.
type JUnitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// JUnitCase is one check run over one document: it passes when the check
// found nothing there, and has a failure for each finding otherwise.
type JUnitCase struct {
	// Name is the check's name; Classname and File the document's path.
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	File      string         `xml:"file,attr,omitempty"`
	Failures  []JUnitFailure `xml:"failure"`
	Error     *JUnitFailure  `xml:"error"`
}

// JUnitFailure is one finding (as <failure>), or why an input could not
// be read (as <error>).
type JUnitFailure struct {
	// Message is the finding's message, Type its severity.
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	// Text says where the finding is, what it flags and how to fix it,
	// one line each.
	Text string `xml:",cdata"`
}

// WriteJUnit writes r as JUnit XML for test dashboards (Jenkins, GitLab
// merge request test reports): one <testsuite> per document, one
// <testcase> per check in it (named after the check, sorted by name), and
// one <failure> per finding, whose type is the finding's severity. The
// checks are those of r.Checks, and any other check with findings; a check
// that found nothing in a document is a passing test case. An input that
// could not be read is a suite with one test case in error. The suites'
// properties hold each document's word count and MQM score; a comment at
// the top gives the score of the run. Nothing depends on the clock: the
// report has no timestamps or durations.
//
// Several <failure> elements in one test case are valid JUnit (the schema
// of Jenkins' JUnit plugin allows any number), but some dashboards, Jenkins
// among them, display only the first: the first finding of each check in a
// file, with counts that include all of them.
func WriteJUnit(w io.Writer, r *Report) error {
	doc, err := NewJUnit(r)
	if err != nil {
		return err
	}
	t := r.tally()
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	fmt.Fprintf(bw, "<!-- %s -->\n", xmlComment(runSummary(r, t)))
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// NewJUnit returns the JUnit report that WriteJUnit writes.
func NewJUnit(r *Report) (*JUnitSuites, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	t := r.tally()
	var ran []string
	for _, c := range r.Checks {
		if c != nil && !slices.Contains(ran, c.Name) {
			ran = append(ran, c.Name)
		}
	}
	doc := &JUnitSuites{Name: r.Tool}
	for i, d := range r.Documents {
		byCheck := map[string][]*pipeline.Finding{}
		names := slices.Clone(ran)
		fs := t.docFindings[i]
		for j := range fs {
			f := &fs[j]
			if !slices.Contains(names, f.Check) {
				names = append(names, f.Check)
			}
			byCheck[f.Check] = append(byCheck[f.Check], f)
		}
		slices.Sort(names)
		score := pipeline.ScoreOf(fs, t.docWords[i])
		s := JUnitSuite{
			Name: d.Path,
			Properties: &JUnitProperties{List: []JUnitProperty{
				{"format", d.Format},
				{"source_lang", d.SourceLang.String()},
				{"target_lang", d.TargetLang.String()},
				{"segments", strconv.Itoa(len(d.Segments))},
				{"words", strconv.Itoa(t.docWords[i])},
				{"findings", strconv.Itoa(len(fs))},
				{"mqm.penalty", formatScore(score.Penalty)},
				{"mqm.per_1000_words", formatScore(score.PerThousand)},
			}},
		}
		for _, name := range names {
			c := JUnitCase{Name: name, Classname: d.Path, File: d.Path}
			for _, f := range byCheck[name] {
				c.Failures = append(c.Failures, junitFailure(r, f))
			}
			s.Cases = append(s.Cases, c)
			s.Tests++
			s.Failures += len(c.Failures)
		}
		doc.Suites = append(doc.Suites, s)
	}
	for _, e := range r.Errors {
		doc.Suites = append(doc.Suites, JUnitSuite{
			Name: e.Path, Tests: 1, Errors: 1,
			Cases: []JUnitCase{{Name: "read", Classname: e.Path, File: e.Path,
				Error: &JUnitFailure{Message: e.message(), Type: "error", Text: sanitize(e.Error()) + "\n"}}},
		})
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
	}
	return doc, nil
}

func junitFailure(r *Report, f *pipeline.Finding) JUnitFailure {
	d, seg := r.segment(f)
	pos := seg.Locate(f.Side, f.Span.Start)
	var b strings.Builder
	b.WriteString(sanitize(d.Path))
	if pos.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", pos.Line, pos.Column)
	}
	fmt.Fprintf(&b, ": %s: %s: %s\n", f.Severity, f.Check, sanitize(f.Message))
	fmt.Fprintf(&b, "segment %s (%s), MQM %s: “%s”\n", seg.ID, f.Side, f.Category, sanitize(f.Text))
	for _, fix := range f.Fixes {
		b.WriteString("fix: " + sanitize(fix.Message) + "\n")
	}
	return JUnitFailure{Message: f.Message, Type: f.Severity.String(), Text: b.String()}
}

// runSummary is the one-line summary of a run that the JUnit and GitHub
// formats print: findings by severity, what was read and the MQM score.
func runSummary(r *Report, t tally) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s (", strings.TrimSpace(r.Tool+" "+r.Version), plural(len(r.Findings), "finding", "findings"))
	for i, sev := range []pipeline.Severity{pipeline.Critical, pipeline.Major, pipeline.Minor, pipeline.Neutral} {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d %s", t.bySeverity[sev], sev)
	}
	fmt.Fprintf(&b, ") in %s, %s, %s; MQM penalty %s, %s per 1,000 words",
		plural(len(r.Documents), "file", "files"),
		plural(t.segments, "segment", "segments"),
		plural(t.words, "word", "words"),
		formatScore(t.score.Penalty), formatScore(t.score.PerThousand))
	if n := len(r.Errors); n > 0 {
		b.WriteString("; " + plural(n, "file", "files") + " could not be read")
	}
	return b.String()
}

// xmlComment makes s safe inside an XML comment, which may not hold "--".
func xmlComment(s string) string {
	s = sanitize(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	return strings.TrimSuffix(s, "-")
}
