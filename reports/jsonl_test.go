package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// TestJSONL checks the JSON Lines output of every golden case against its
// golden file, and line by line against the findings of the JSON report.
func TestJSONL(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := WriteJSONL(&out, c.report()); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, c.name+".jsonl", out.Bytes())
			jr, err := NewJSONReport(c.report())
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(&out)
			n := 0
			for ; sc.Scan(); n++ {
				var f JSONFinding
				if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
					t.Fatalf("line %d: %v", n+1, err)
				}
				if n >= len(jr.Findings) || !reflect.DeepEqual(f, jr.Findings[n]) {
					t.Fatalf("line %d differs from the JSON report's finding %d", n+1, n)
				}
			}
			if n != len(jr.Findings) {
				t.Errorf("%d lines, %d findings", n, len(jr.Findings))
			}
		})
	}
}
