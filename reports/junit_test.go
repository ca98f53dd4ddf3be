package reports

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

func TestGoldenJUnit(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			var first, second bytes.Buffer
			if err := WriteJUnit(&first, withChecks(c.report())); err != nil {
				t.Fatal(err)
			}
			if err := WriteJUnit(&second, withChecks(c.report())); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Error("two writes of the same report differ")
			}
			checkGolden(t, c.name+".junit.xml", first.Bytes())
		})
	}
}

// TestJUnitParses reads every golden report back with encoding/xml, as a
// dashboard would, and checks the counts against the report.
func TestJUnitParses(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			r := withChecks(c.report())
			var b bytes.Buffer
			if err := WriteJUnit(&b, r); err != nil {
				t.Fatal(err)
			}
			var got JUnitSuites
			if err := xml.Unmarshal(b.Bytes(), &got); err != nil {
				t.Fatalf("encoding/xml: %v", err)
			}
			if len(got.Suites) != len(r.Documents)+len(r.Errors) {
				t.Errorf("%d suites, want %d", len(got.Suites), len(r.Documents)+len(r.Errors))
			}
			failures, tests, errs := 0, 0, 0
			for _, s := range got.Suites {
				n := 0
				for _, tc := range s.Cases {
					n += len(tc.Failures)
					if tc.Error != nil {
						errs++
					}
				}
				if n != s.Failures || len(s.Cases) != s.Tests {
					t.Errorf("suite %s: %d failures and %d cases, attributes say %d and %d", s.Name, n, len(s.Cases), s.Failures, s.Tests)
				}
				failures += n
				tests += len(s.Cases)
			}
			if failures != len(r.Findings) || got.Failures != failures || got.Tests != tests || got.Errors != errs || errs != len(r.Errors) {
				t.Errorf("testsuites: %d failures %d tests %d errors; counted %d, %d, %d; report has %d findings, %d errors",
					got.Failures, got.Tests, got.Errors, failures, tests, errs, len(r.Findings), len(r.Errors))
			}
		})
	}
}

func TestJUnitContent(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJUnit(&b, withChecks(severitiesReport())); err != nil {
		t.Fatal(err)
	}
	var got JUnitSuites
	if err := xml.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	s := got.Suites[0]
	if s.Name != "nato/summit.xlf" {
		t.Fatalf("first suite %s", s.Name)
	}
	props := map[string]string{}
	for _, p := range s.Properties.List {
		props[p.Name] = p.Value
	}
	// numbers (major 5) + untranslated (critical 25) + two minor: 5 + 25 + 1 + 0.1.
	if props["mqm.penalty"] != "31.10" || props["words"] == "" {
		t.Errorf("properties %v", props)
	}
	cases := map[string]JUnitCase{}
	for _, c := range s.Cases {
		cases[c.Name] = c
	}
	if c := cases["empty-target"]; len(c.Failures) != 0 {
		t.Errorf("empty-target found nothing but has failures %v", c.Failures)
	}
	f := cases["untranslated"].Failures
	if len(f) != 1 || f[0].Type != "critical" || !strings.HasPrefix(f[0].Text, "nato/summit.xlf:10:15: critical: untranslated:") {
		t.Errorf("untranslated failures %+v", f)
	}
	if !strings.Contains(b.String(), "<!-- tqa 1.2.3: 6 findings (1 critical, 1 major, 3 minor, 1 neutral) in 2 files") {
		t.Errorf("no run summary comment:\n%s", b.String()[:300])
	}
}

// TestJUnitHostileText: control characters and "--" in messages keep the
// XML well-formed.
func TestJUnitHostileText(t *testing.T) {
	b := newBuilder()
	const tgt = "a\x01b -- c"
	d := b.doc(&pipeline.Document{Path: "x--y.txt", Format: "text", TargetLang: en,
		Segments: []pipeline.Segment{{ID: "1", Target: tgt, TargetLoc: at(1, 1, 0)}}})
	b.add(d, 0, finding{check: "c", category: pipeline.CategoryWhitespace, severity: pipeline.Minor,
		sub: "\x01", message: "bad \x01 <char> & \"--\""})
	r := b.report()
	r.Tool, r.Version = "tqa", "1--"
	var out bytes.Buffer
	if err := WriteJUnit(&out, r); err != nil {
		t.Fatal(err)
	}
	var got JUnitSuites
	if err := xml.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if got.Failures != 1 || !strings.Contains(got.Suites[0].Cases[0].Failures[0].Message, "<char> & \"--\"") {
		t.Errorf("parsed %+v", got)
	}
}

func BenchmarkWriteJUnit(b *testing.B) {
	r, size := benchReport(10000)
	b.SetBytes(int64(size))
	for b.Loop() {
		if err := WriteJUnit(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
