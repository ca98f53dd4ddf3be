package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// writeJSONReflect is WriteJSON as encoding/json writes it: the reference
// that the hand-written writer of json_write.go must equal byte for byte.
func writeJSONReflect(w io.Writer, r *Report) error {
	jr, err := jsonEnvelope(r)
	if err != nil {
		return err
	}
	return encodeStreamingArray(w, jr, "findings", "  ", len(r.Findings), func(i int) any {
		return jsonFinding(r, &r.Findings[i])
	})
}

// encodeReport writes jr whole, findings included, with writeJSONReport.
func encodeReport(jr *JSONReport) ([]byte, error) {
	var b bytes.Buffer
	env := *jr
	if env.Findings != nil {
		env.Findings = []JSONFinding{}
	}
	err := writeJSONReport(&b, &env, len(jr.Findings), func(i int) JSONFinding { return jr.Findings[i] })
	return b.Bytes(), err
}

// encodeReportReflect writes jr whole with encoding/json.
func encodeReportReflect(jr *JSONReport) ([]byte, error) {
	var b bytes.Buffer
	err := encodeIndented(&b, jr, "")
	return b.Bytes(), err
}

// TestJSONWriterGolden compares WriteJSON with encoding/json on the
// reports of the golden files.
func TestJSONWriterGolden(t *testing.T) {
	for _, c := range goldenCases {
		var got, want bytes.Buffer
		if err := WriteJSON(&got, c.report()); err != nil {
			t.Fatal(err)
		}
		if err := writeJSONReflect(&want, c.report()); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: WriteJSON differs from encoding/json:\n%s\nwant:\n%s", c.name, got.Bytes(), want.Bytes())
		}
	}
	r, _ := benchReport(50)
	var got, want bytes.Buffer
	if err := WriteJSON(&got, r); err != nil {
		t.Fatal(err)
	}
	if err := writeJSONReflect(&want, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("bench report: WriteJSON differs from encoding/json")
	}
}

// jsonTestStrings are strings that need each kind of escape.
var jsonTestStrings = []string{
	"", "plain", `"quoted" \back\slash`, "tab\tnew\nline\rcr\bbs\fff", "\x00\x01\x1f\x7f",
	"<html> & 'apos'", "北约峰会在Brussels举行", "line\u2028par\u2029", "bad \xff\xfe utf-8 \xe4\xb8", "€ 😀 \u00ad",
}

// fill sets every field of v (a pointer) to a value drawn from rng: a
// string of jsonTestStrings, a number, a slice of zero to two elements (or
// nil, sometimes), a map of zero to two keys (or nil).
func fill(rng *rand.Rand, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		fill(rng, v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			fill(rng, v.Field(i))
		}
	case reflect.String:
		v.SetString(jsonTestStrings[rng.IntN(len(jsonTestStrings))])
	case reflect.Int:
		v.SetInt(int64(rng.IntN(2000) - 100))
	case reflect.Float64:
		floats := []float64{0, 1, -1, 0.1, 12.34, 1e-7, 123456789.5, 1e21, 2.5e-300, -3e22, math.SmallestNonzeroFloat64}
		v.SetFloat(floats[rng.IntN(len(floats))])
	case reflect.Slice:
		n := rng.IntN(4) - 1
		if n < 0 {
			v.SetZero() // nil: null
			return
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fill(rng, s.Index(i))
		}
		v.Set(s)
	case reflect.Map:
		n := rng.IntN(4) - 1
		if n < 0 {
			v.SetZero()
			return
		}
		m := reflect.MakeMap(v.Type())
		for range n {
			k := reflect.New(v.Type().Key()).Elem()
			fill(rng, k)
			e := reflect.New(v.Type().Elem()).Elem()
			fill(rng, e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		panic(fmt.Sprintf("fill: no values for %s", v.Type()))
	}
}

// TestJSONWriterMatchesEncoding compares the hand-written writer with
// encoding/json on reports whose every field is set (or nil), so that a
// field added to a JSON type that the writer does not write fails here.
func TestJSONWriterMatchesEncoding(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		var jr JSONReport
		fill(rng, reflect.ValueOf(&jr))
		got, err := encodeReport(&jr)
		if err != nil {
			t.Fatal(err)
		}
		want, err := encodeReportReflect(&jr)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("report %d: writer differs from encoding/json:\n%s\nwant:\n%s", i, got, want)
		}
	}
}

// TestJSONWriterUnsupported checks that a score that is not a number
// fails WriteJSON as it fails encoding/json, before anything is written.
func TestJSONWriterUnsupported(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		jr := &JSONReport{Summary: JSONSummary{MQM: JSONScore{Penalty: f}}}
		_, err := encodeReport(jr)
		_, want := encodeReportReflect(jr)
		var u *json.UnsupportedValueError
		if !errors.As(err, &u) || want == nil || err.Error() != want.Error() {
			t.Errorf("%v: error %v, want %v", f, err, want)
		}
	}
}

// FuzzJSONWriter compares the writer with encoding/json on a report with
// fuzzed strings and numbers.
func FuzzJSONWriter(f *testing.F) {
	for _, s := range jsonTestStrings {
		f.Add(s, s, 1, 0.5)
	}
	f.Add("a", "\u2028\xff", -5, 1e-7)
	f.Add("", "", 0, 1e21)
	f.Fuzz(func(t *testing.T, text, message string, n int, x float64) {
		jr := &JSONReport{
			Schema: text, Documents: []JSONDocument{{Path: message, Segments: n, MQM: JSONScore{Penalty: x}, SHA256: text}},
			Findings:  []JSONFinding{{Text: text, Message: message, Line: n, Suggestions: []JSONSuggestion{{Result: text, Edits: []JSONEdit{{Text: message}}}}}},
			Proposals: []JSONProposal{{Reasons: []string{text, message}, Fixes: []JSONProposalFinding{{Text: text}}}},
			Summary:   JSONSummary{ByCheck: map[string]int{text: n, message: 1}, MQM: JSONScore{PerThousandWords: x}},
		}
		got, err := encodeReport(jr)
		want, werr := encodeReportReflect(jr)
		if (err == nil) != (werr == nil) {
			t.Fatalf("writer error %v, encoding/json error %v", err, werr)
		}
		if err == nil && !bytes.Equal(got, want) {
			t.Fatalf("writer differs from encoding/json:\n%s\nwant:\n%s", got, want)
		}
	})
}

// BenchmarkWriteJSONReflect is BenchmarkWriteJSON with encoding/json, the
// writer WriteJSON replaced.
func BenchmarkWriteJSONReflect(b *testing.B) {
	r, size := benchReport(10000)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if err := writeJSONReflect(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

// TestJSONStringEscapes checks appendJSONString on every byte value and
// on the characters it escapes.
func TestJSONStringEscapes(t *testing.T) {
	var sb strings.Builder
	for c := range 256 {
		sb.WriteByte(byte(c))
	}
	for _, s := range append(jsonTestStrings, sb.String()) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		want = bytes.ReplaceAll(bytes.ReplaceAll(bytes.ReplaceAll(want, []byte(`\u003c`), []byte("<")), []byte(`\u003e`), []byte(">")), []byte(`\u0026`), []byte("&"))
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: %s, want %s", s, got, want)
		}
	}
}
