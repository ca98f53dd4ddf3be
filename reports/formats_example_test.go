package reports_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/tqa-project/tqa/reports"
)

func ExampleWriteSARIF() {
	var b bytes.Buffer
	if err := reports.WriteSARIF(&b, exampleReport()); err != nil {
		log.Fatal(err)
	}
	var sarif struct {
		Version string
		Runs    []struct {
			ColumnKind string
			Results    []struct {
				RuleID    string
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &sarif); err != nil {
		log.Fatal(err)
	}
	run := sarif.Runs[0]
	res := run.Results[0]
	loc := res.Locations[0].PhysicalLocation
	fmt.Println(sarif.Version, run.ColumnKind)
	fmt.Printf("%s %s %s %d:%d-%d:%d\n", res.RuleID, res.Level, loc.ArtifactLocation.URI,
		loc.Region.StartLine, loc.Region.StartColumn, loc.Region.EndLine, loc.Region.EndColumn)
	// Output:
	// 2.1.0 unicodeCodePoints
	// untranslated error zh/summit.txt 4:6-4:14
}

func ExampleWriteJUnit() {
	var b bytes.Buffer
	if err := reports.WriteJUnit(&b, exampleReport()); err != nil {
		log.Fatal(err)
	}
	var suites reports.JUnitSuites
	if err := xml.Unmarshal(b.Bytes(), &suites); err != nil {
		log.Fatal(err)
	}
	for _, s := range suites.Suites {
		for _, c := range s.Cases {
			for _, f := range c.Failures {
				fmt.Printf("%s / %s: %s: %s\n", s.Name, c.Name, f.Type, f.Message)
			}
		}
	}
	// Output:
	// zh/summit.txt / untranslated: major: English word in a Chinese target
}

func ExampleNewJUnit() {
	suites, err := reports.NewJUnit(exampleReport())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(suites.Tests, suites.Failures, suites.Errors)
	for _, p := range suites.Suites[0].Properties.List {
		if strings.HasPrefix(p.Name, "mqm.") {
			fmt.Println(p.Name, p.Value)
		}
	}
	// Output:
	// 1 1 0
	// mqm.penalty 5.00
	// mqm.per_1000_words 625.00
}

func ExampleWriteGitHub() {
	var summary bytes.Buffer
	opt := reports.Options{StepSummary: &summary}
	if err := reports.WriteGitHub(os.Stdout, exampleReport(), opt); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.SplitN(summary.String(), "\n", 2)[0])
	// Output:
	// ::error file=zh/summit.txt,line=4,col=6,endLine=4,endColumn=14,title=untranslated (major)::English word in a Chinese target%0A“Brussels”%0AFix: Replace with “布鲁塞尔”
	// tqa 1.0.0: 1 finding (0 critical, 1 major, 0 minor, 0 neutral) in 1 file, 1 segment, 8 words; MQM penalty 5.00, 625.00 per 1,000 words
	//   zh/summit.txt: 1 finding, 8 words; MQM penalty 5.00, 625.00 per 1,000 words
	// ### tqa: 1 finding in 1 file
}

func ExampleWriteMarkdown() {
	if err := reports.WriteMarkdown(os.Stdout, exampleReport()); err != nil {
		log.Fatal(err)
	}
	// Output:
	// ### tqa: 1 finding in 1 file
	//
	// | File | Critical | Major | Minor | Neutral | Words | MQM penalty | per 1,000 words |
	// |---|---:|---:|---:|---:|---:|---:|---:|
	// | **All files** | 0 | 1 | 0 | 0 | 8 | 5.00 | 625.00 |
	// | `zh/summit.txt` | 0 | 1 | 0 | 0 | 8 | 5.00 | 625.00 |
	//
	// MQM weights: minor 1 (minor punctuation 0.1), major 5, critical 25, neutral 0.
	//
	// #### `zh/summit.txt`: 1 finding, MQM 625.00 per 1,000 words
	//
	// | Line | Severity | Check | Message | Text | Fix |
	// |---|---|---|---|---|---|
	// | 4:6 | major | `untranslated` | English word in a Chinese target | `Brussels` | Replace with “布鲁塞尔” |
}
