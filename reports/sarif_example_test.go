package reports_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"

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
