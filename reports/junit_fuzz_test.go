package reports

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// FuzzJUnit: whatever the text, the report is well-formed XML with one
// failure.
func FuzzJUnit(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, path, target, message, fix string, a, b uint16) {
		var out bytes.Buffer
		if err := WriteJUnit(&out, fuzzReport(path, target, message, fix, a, b)); err != nil {
			t.Fatal(err)
		}
		var got JUnitSuites
		if err := xml.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
		dec := xml.NewDecoder(bytes.NewReader(out.Bytes()))
		for {
			if _, err := dec.Token(); err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("%v\n%s", err, out.String())
				}
				break
			}
		}
		if got.Failures != 1 || len(got.Suites) != 1 || len(got.Suites[0].Cases) != 1 || len(got.Suites[0].Cases[0].Failures) != 1 {
			t.Errorf("parsed %+v", got)
		}
	})
}
