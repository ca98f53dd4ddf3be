package reports

import (
	"bufio"
	"encoding/json"
	"io"
)

// WriteJSONL writes the findings of r as JSON Lines: one JSONFinding (the
// objects of the JSON report's "findings") a line, in report order, and
// nothing else. It suits streaming: a program that checks its input part
// by part calls it once per part, and each line stands alone, so the
// output of many runs can be concatenated, sorted or merged. Inputs that
// could not be read are not written here; tqa reports them on stderr.
func WriteJSONL(w io.Writer, r *Report) error {
	if err := r.check(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range r.Findings {
		if err := enc.Encode(jsonFinding(r, &r.Findings[i])); err != nil {
			return err
		}
	}
	return bw.Flush()
}
