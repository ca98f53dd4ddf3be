package corpus

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

const streamInput = "\uFEFF" + `{"id": "title", "source": "美国酝酿退出北约", "target": "US is酝酿 Leaving NATO"}
{"source": "美国计划削减约200个驻北约人员职位。", "target": "The U.S. plans to cut about 300\npersonnel positions."}

{"id": 7, "target": "Collective defence \"first\"."}` + "\r\n" + `{"target": "no line feed at the end"}`

// TestStreamJSONLMatchesFile: streamed in parts of any size, a JSONL input
// gives the segments, ids and positions that reading it whole gives.
func TestStreamJSONLMatchesFile(t *testing.T) {
	f, err := Parse("s.jsonl", []byte(streamInput), "jsonl", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{1, 2, 3, 1000} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			var got []pipeline.Segment
			err := StreamJSONL(strings.NewReader(streamInput), "s.jsonl", Options{}, StreamOptions{Segments: size}, func(d *pipeline.Document) error {
				if d.Path != "s.jsonl" || d.Format != "jsonl" {
					t.Errorf("document %s %s", d.Path, d.Format)
				}
				got = append(got, d.Segments...)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, f.Doc.Segments) {
				t.Errorf("streamed segments differ from the file's:\n got %+v\nwant %+v", got, f.Doc.Segments)
			}
		})
	}
}

func TestStreamJSONLErrors(t *testing.T) {
	tests := []struct {
		in, want string
		parts    int // parts handed to fn before the error
	}{
		{"{\"target\": \"a\"}\n{\"target\": \"b\"}\n{\"target\": \n", "corpus: read in: line 3, column 13: invalid JSON", 2},
		{"{\"target\": \"a\"}\n{\"target\": \"\xff\"}\n", "corpus: read in: line 2, column 13: invalid UTF-8 (byte 0xFF)", 1},
		{"{\"target\": \"a\"}\n{\"target\": \"" + strings.Repeat("x", 100) + "\"}\n", "corpus: read in: line 2: longer than 64 bytes", 1},
	}
	for _, tt := range tests {
		parts := 0
		err := StreamJSONL(strings.NewReader(tt.in), "in", Options{}, StreamOptions{Segments: 1, MaxLine: 64}, func(*pipeline.Document) error {
			parts++
			return nil
		})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %s", tt.in, err, tt.want)
		}
		if parts != tt.parts {
			t.Errorf("%q: %d parts before the error, want %d", tt.in, parts, tt.parts)
		}
	}
	stop := errors.New("stop")
	if err := StreamJSONL(strings.NewReader(streamInput), "in", Options{}, StreamOptions{Segments: 1}, func(*pipeline.Document) error { return stop }); err != stop {
		t.Errorf("fn's error: got %v", err)
	}
}

func FuzzStreamJSONL(f *testing.F) {
	f.Add(streamInput, 2)
	f.Add("{\"target\": \"a\"}\n\n{\"id\": 1, \"target\": \"b\"}", 1)
	f.Fuzz(func(t *testing.T, in string, size int) {
		size = 1 + abs(size)%5
		whole, werr := Parse("in", []byte(in), "jsonl", Options{})
		if werr == nil && whole.Encoding.Name != "utf-8" {
			return // read whole, it was decoded from UTF-16 or a legacy encoding; a stream is UTF-8
		}
		var got []pipeline.Segment
		serr := StreamJSONL(strings.NewReader(in), "in", Options{}, StreamOptions{Segments: size}, func(d *pipeline.Document) error {
			got = append(got, d.Segments...)
			return nil
		})
		if werr == nil && serr == nil && !reflect.DeepEqual(got, whole.Doc.Segments) {
			t.Fatalf("streamed segments differ from the whole file's")
		}
		if werr == nil && serr != nil {
			t.Fatalf("file reads, stream fails: %v", serr)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
