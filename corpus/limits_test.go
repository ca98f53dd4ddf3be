package corpus

import (
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

func TestMaxSegmentBytes(t *testing.T) {
	long := strings.Repeat("a", MaxSegmentBytes)
	tests := []struct {
		name, format, data, err string
	}{
		{"text at the limit", "text", "intro\n\n" + long + "\n", ""},
		{"text over the limit", "text", "intro\n\n" + long + "b\n", "corpus: read f: line 3, column 1: segment 2: the target has 1048577 bytes, more than the 1048576 a segment may have"},
		{"PO at the limit", "po", "msgid \"a\"\nmsgstr \"" + long + "\"\n", ""},
		{"PO target over the limit", "po", "msgid \"a\"\nmsgstr \"" + long + "b\"\n", "corpus: read f: line 2, column 9: segment po:"},
		{"PO plural source over the limit", "po", "msgid \"a\"\nmsgid_plural \"" + long + "b\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n", "corpus: read f: line 2, column 15: segment po:"},
		{"JSONL source over the limit", "jsonl", `{"id":"x","source":"` + long + `b","target":"t"}` + "\n", "corpus: read f: line 1, column 21: segment x: the source has 1048577 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f", []byte(tt.data), tt.format, Options{})
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("error %v", err)
			case tt.err != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.err)):
				t.Errorf("error %v, want %q", err, tt.err)
			}
		})
	}
	n := 0
	err := StreamJSONL(strings.NewReader(`{"id":"1","target":"`+long+"b\"}\n"), "s", Options{}, StreamOptions{}, func(*pipeline.Document) error { n++; return nil })
	if want := "corpus: read s: line 1, column 21: segment 1: the target has"; err == nil || !strings.HasPrefix(err.Error(), want) || n != 0 {
		t.Errorf("stream: error %v, %d parts checked; want %q and none", err, n, want)
	}
}
