package reports

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzSARIF: whatever the text, the log is valid SARIF 2.1.0 with one
// result.
func FuzzSARIF(f *testing.F) {
	addFuzzSeeds(f)
	sch := compileSARIFSchema(f)
	f.Fuzz(func(t *testing.T, path, target, message, fix string, a, b uint16) {
		var out bytes.Buffer
		if err := WriteSARIF(&out, fuzzReport(path, target, message, fix, a, b)); err != nil {
			t.Fatal(err)
		}
		if err := validate(sch, out.Bytes()); err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
		var log struct {
			Runs []struct{ Results []json.RawMessage }
		}
		if err := json.Unmarshal(out.Bytes(), &log); err != nil || len(log.Runs[0].Results) != 1 {
			t.Errorf("%v: %d results", err, len(log.Runs[0].Results))
		}
	})
}
