package corpus

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// addSeeds adds the test documents of this package to a fuzz corpus,
// cut to keep the fuzzer fast.
func addSeeds(f *testing.F, files []string, extra ...string) {
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[:min(len(data), 1500)])
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// checkMonolingual checks what every text and Markdown document must
// hold: it reads unless the input is neither UTF-8 nor in an encoding
// that detection finds, its segments map back to the decoded file byte
// for byte, their ids are their ordinals, and the file writes back as it
// was, or with a new first target that reads back.
func checkMonolingual(t *testing.T, data []byte, format string) {
	f, err := Parse("f", data, format, Options{})
	if err != nil {
		if utf8.Valid(data) {
			t.Fatalf("valid UTF-8 rejected: %v", err)
		}
		if !strings.Contains(err.Error(), "invalid ") {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	doc := f.Doc
	checkDocument(t, f.text, doc)
	for i, s := range doc.Segments {
		if s.ID != strconv.Itoa(i+1) || s.Target == "" || s.Source != "" {
			t.Fatalf("segment %d: id %q, target %q, source %q", i, s.ID, s.Target, s.Source)
		}
	}
	checkWriteBack(t, f, data, Options{}, "Replaced.")
}

// checkWriteBack checks that f writes back as data, and that a new first
// target reads back, every other segment unchanged. A simple target
// ("Replaced.") must be taken; others may be refused.
func checkWriteBack(t *testing.T, f *File, data []byte, opt Options, target string) {
	t.Helper()
	if same, err := f.Bytes(nil); err != nil || !bytes.Equal(same, data) {
		t.Fatalf("Bytes(nil) = %q, %v; want the input", same, err)
	}
	if len(f.Doc.Segments) == 0 {
		return
	}
	out, err := f.Bytes(map[int]string{0: target})
	if err != nil {
		if target == "Replaced." {
			t.Fatalf("Bytes refuses %q: %v", target, err)
		}
		return // the format refuses the text here
	}
	opt.Encoding = f.Encoding.Name
	g, err := Parse("f", out, f.Doc.Format, opt)
	if err != nil {
		t.Fatalf("reading the written file: %v\n%q", err, out)
	}
	if len(g.Doc.Segments) != len(f.Doc.Segments) {
		t.Fatalf("%d segments after writing %q, want %d\n%q", len(g.Doc.Segments), target, len(f.Doc.Segments), g.text)
	}
	want := strings.ReplaceAll(target, "\r\n", "\n")
	for i := range f.Doc.Segments {
		a, b := &f.Doc.Segments[i], &g.Doc.Segments[i]
		if i > 0 {
			want = a.Target
		}
		if b.Target != want || b.Source != a.Source {
			t.Fatalf("segment %d after writing: %q %q, want %q %q\n%q", i, b.Source, b.Target, a.Source, want, g.text)
		}
	}
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, []string{"samples/000_0c19f8692f25b57c.txt", "samples/001_b2d8e521503d7cce.txt"},
		"Title\r\nA longer body line.\r\n- item\r\n  wrapped\r\n",
		"\uFEFF1. one\n\n• two http://x.org/(a) a@b.co",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkMonolingual(t, data, "text")
	})
}

func FuzzReadMarkdown(f *testing.F) {
	addSeeds(f, []string{"testdata/nato.md"},
		"# h\r\n\r\n> q\r\nlazy\r\n\r\n|a|b|\r\n|-|-|\r\n|c|d|\r\n",
		"---\nx: 1\n---\n-\tone\n\n\ttwo\n\n* a\n\n  ```\n  code\n  ```\n",
		"<!-- tqa-disable a,b -->\npara\n\n> <!--\n> tqa-enable\n> -->\n- x <!-- tqa-disable -->\n",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkMonolingual(t, data, "markdown")
	})
}

func FuzzReadJSONL(f *testing.F) {
	addSeeds(f, []string{"samples/tatoeba.zh-en.jsonl"},
		`{"id": 1, "source": "a\u00e9\ud83d\ude00\ud800\n", "target": "x\"y\\z\/", "x": [{"}": "{"}]}`+"\r\n\r\n"+`{"target": "b", "target_lang": "en-GB"}`,
		"\uFEFF{\"id\":\"a\",\"target\":\"t\"}\n{\"id\":\"a\",\"target\":\"t\"}",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		f, err := Parse("f", data, "jsonl", Options{})
		if err != nil {
			return
		}
		doc := f.Doc
		checkDocument(t, f.text, doc)
		checkAgainstEncodingJSON(t, f.text, doc)
		checkWriteBack(t, f, data, Options{}, "new \"t\"\n\u2028<&>")

		// Round trip: write the segments back as JSON Lines and read them.
		var out bytes.Buffer
		for _, s := range doc.Segments {
			line, err := json.Marshal(jsonlLine{
				ID: s.ID, Source: s.Source, Target: s.Target,
				SourceLang: langString(s.SourceLang), TargetLang: langString(s.TargetLang),
			})
			if err != nil {
				t.Fatal(err)
			}
			out.Write(line)
			out.WriteByte('\n')
		}
		again, err := Read("g", out.Bytes(), "jsonl", Options{})
		if err != nil {
			t.Fatalf("reading written segments: %v\n%s", err, out.Bytes())
		}
		if len(again.Segments) != len(doc.Segments) {
			t.Fatalf("%d segments after the round trip, want %d", len(again.Segments), len(doc.Segments))
		}
		for i := range doc.Segments {
			a, b := &doc.Segments[i], &again.Segments[i]
			if a.ID != b.ID || a.Source != b.Source || a.Target != b.Target || a.SourceLang != b.SourceLang || a.TargetLang != b.TargetLang {
				t.Fatalf("segment %d changed in the round trip:\n%+v\n%+v", i, a, b)
			}
		}
		checkDocument(t, out.Bytes(), again)
	})
}

type jsonlLine struct {
	ID         string `json:"id"`
	Source     string `json:"source"`
	Target     string `json:"target"`
	SourceLang string `json:"source_lang,omitempty"`
	TargetLang string `json:"target_lang,omitempty"`
}

func langString(t language.Tag) string {
	if t == language.Und {
		return ""
	}
	return t.String()
}

// checkAgainstEncodingJSON decodes every non-blank line with
// encoding/json and compares its "source" and "target" with the segments.
func checkAgainstEncodingJSON(t *testing.T, data []byte, doc *pipeline.Document) {
	k := 0
	for _, line := range strings.Split(strings.TrimPrefix(string(data), "\uFEFF"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %q read by tqa, rejected by encoding/json: %v", line, err)
		}
		s := doc.Segments[k]
		k++
		for key, got := range map[string]string{"source": s.Source, "target": s.Target} {
			want, _ := m[key].(string)
			if got != want {
				t.Fatalf("%s of %q = %q, encoding/json says %q", key, line, got, want)
			}
		}
	}
	if k != len(doc.Segments) {
		t.Fatalf("%d objects, %d segments", k, len(doc.Segments))
	}
}
