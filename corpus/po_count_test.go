package corpus

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

// checkSegmentBound fails t unless data, when it reads as PO, has no more
// segments than poSegmentBound says, and poSegmentRoom makes room for
// them all when its lines start with msgstr.
func checkSegmentBound(t *testing.T, data []byte) {
	t.Helper()
	src, err := newSource("f.po", data)
	if err != nil {
		return
	}
	doc := &pipeline.Document{Path: "f.po", Format: "po"}
	if _, err := readPO(src, doc); err != nil {
		return
	}
	n := len(doc.Segments)
	if bound := poSegmentBound(data); bound < n {
		t.Fatalf("%d segments, bound %d", n, bound)
	}
	if room, lines := poSegmentRoom(data), poMsgstrLines(data); room < min(n, lines) {
		t.Fatalf("%d segments, %d msgstr lines, room for %d", n, lines, room)
	}
}

// poLayouts writes a PO file of n messages in each of the layouts that
// poSegmentRoom tells apart: one literal a keyword (Tatoeba's), several
// (msgmerge's wrapped ones), and plural messages.
func poLayouts(n int) map[string][]byte {
	var one, wrapped, plural strings.Builder
	for _, b := range []*strings.Builder{&one, &wrapped, &plural} {
		b.WriteString("msgid \"\"\nmsgstr \"Language: en\\n\"\n\n")
	}
	for i := range n {
		if i%10 == 0 {
			fmt.Fprintf(&one, "msgid \"北约 %d。\"\nmsgstr \"NATO \\\"%d\\\".\"\n\n", i, i)
		} else {
			fmt.Fprintf(&one, "msgid \"北约 %d。\"\nmsgstr \"NATO %d.\"\n\n", i, i)
		}
		fmt.Fprintf(&wrapped, "msgid \"\"\n\"北约\"\n\"%d。\"\nmsgstr \"\"\n\"NATO\"\n\"%d.\"\n\n", i, i)
		fmt.Fprintf(&plural, "msgid \"%d file\"\nmsgid_plural \"%d files\"\nmsgstr[0] \"a\"\nmsgstr[1] \"b\"\nmsgstr[2] \"c\"\n\n", i, i)
	}
	return map[string][]byte{"one": []byte(one.String()), "wrapped": []byte(wrapped.String()), "plural": []byte(plural.String())}
}

func TestPOSegmentRoom(t *testing.T) {
	for name, data := range poLayouts(5000) {
		src, err := newSource("f.po", data)
		if err != nil {
			t.Fatal(err)
		}
		doc := &pipeline.Document{Path: "f.po", Format: "po"}
		if _, err := readPO(src, doc); err != nil {
			t.Fatal(err)
		}
		n := len(doc.Segments)
		room := poSegmentRoom(data)
		// The room is enough, and no more than an eighth more.
		if room < n || room > n+n/8+16 {
			t.Errorf("%s: %d segments, room for %d", name, n, room)
		}
		checkSegmentBound(t, data)
	}
	for _, in := range poWaysInputs {
		checkSegmentBound(t, []byte(in))
	}
}

// FuzzPOSegmentBound: a PO file that reads has no more segments than
// poSegmentBound says.
func FuzzPOSegmentBound(f *testing.F) {
	for _, in := range poWaysInputs {
		f.Add([]byte(in))
	}
	for _, name := range poFiles {
		f.Add(biReadFile(f, name))
	}
	f.Fuzz(checkSegmentBound)
}

// BenchmarkPOSegmentRoom counts the room for the segments of the PO file
// named by $TQA_BENCH_FILE, or of one in each layout, as the reader does
// (room) and by the lines that start with msgstr (lines).
func BenchmarkPOSegmentRoom(b *testing.B) {
	files := poLayouts(30000)
	if path := os.Getenv("TQA_BENCH_FILE"); strings.HasSuffix(path, ".po") {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		files = map[string][]byte{"file": data}
	}
	for name, data := range files {
		for _, way := range []struct {
			name  string
			count func([]byte) int
		}{{"room", poSegmentRoom}, {"lines", poMsgstrLines}} {
			b.Run(name+"/"+way.name, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					way.count(data)
				}
			})
		}
	}
}
