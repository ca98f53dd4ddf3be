package corpus

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"reflect"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

// The PO reader takes shortcuts that skip work of the plain way (see
// poReader.plain). These tests read every input both ways and require the
// same document, the same slots and the same error.

// poReadResult is what one way of reading a PO file gives.
type poReadResult struct {
	doc  *pipeline.Document
	c    *codec
	part poPart
	err  error
}

// readPOWay reads data as readPOPart does (plain: without its shortcuts),
// from a source of its own that is frozen or not and whose first line is
// line lineBase+1 of the file, as for a part of a streamed file.
func readPOWay(data []byte, frozen bool, lineBase int, plain bool) (poReadResult, bool) {
	src, err := newSource("f.po", bytes.Clone(data))
	if err != nil {
		return poReadResult{}, false // not UTF-8: the reader never sees it
	}
	src.frozen, src.lineBase = frozen, lineBase
	r := poReadResult{doc: &pipeline.Document{Path: "f.po", Format: "po"}, part: poPart{header: true}}
	r.c, r.err = readPOPartWith(src, r.doc, &r.part, plain)
	return r, true
}

// checkPOWays fails t unless data reads the same with the shortcuts and
// without, from frozen and copied sources, at the start of a file and
// further down.
func checkPOWays(t *testing.T, data []byte) {
	t.Helper()
	for _, frozen := range []bool{false, true} {
		for _, lineBase := range []int{0, 41} {
			fast, ok := readPOWay(data, frozen, lineBase, false)
			if !ok {
				return
			}
			plain, _ := readPOWay(data, frozen, lineBase, true)
			if (fast.err == nil) != (plain.err == nil) || fast.err != nil && fast.err.Error() != plain.err.Error() {
				t.Fatalf("frozen %v, line %d: error %v, the plain way %v", frozen, lineBase, fast.err, plain.err)
			}
			if fast.err != nil {
				continue
			}
			if !reflect.DeepEqual(fast.doc, plain.doc) {
				t.Fatalf("frozen %v, line %d: the documents differ:\n%+v\nthe plain way:\n%+v", frozen, lineBase, fast.doc.Segments, plain.doc.Segments)
			}
			if !reflect.DeepEqual(fast.c.spans, plain.c.spans) || fast.part != plain.part {
				t.Fatalf("frozen %v, line %d: slots %v, part %+v; the plain way %v, %+v", frozen, lineBase, fast.c.spans, fast.part, plain.c.spans, plain.part)
			}
		}
	}
}

// poWaysInputs are PO files whose strings take every way through the
// reader: empty, one literal with and without escapes, several on a line
// and on lines of their own, plain ones around escaped ones, a byte order
// mark, CRLF line breaks, obsolete messages, columns after wide
// characters, and errors at each place.
var poWaysInputs = []string{
	"msgid \"a\"\nmsgstr \"b\"\n",
	"msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\nmsgid \"x\"\nmsgstr \"\"\n",
	"\uFEFFmsgid \"北约\"\nmsgstr \"NATO\"\n",
	"\uFEFF  msgid \"北约\" \"总部\"\r\nmsgstr \"\" \"NATO\"\r\n\r\nmsgid \"b\"\r\nmsgstr \"c\"\r\n",
	"msgid \"\"\n\"a\\n\"\n\"b\"\nmsgstr \"\"\n\"x\" \"\\ty\"\n\"z\"\n",
	"msgid \"a\\\"b\"\nmsgstr \"c\" \"d\\x41\" \"e\" \"\"\n",
	"msgid \"a\uFFFCb\"\nmsgstr \"\uFFFC\" \"c\"\n",
	"msgctxt \"ctx\"\nmsgid \"北约成立于\"\nmsgid_plural \"多\"\nmsgstr[0] \"one\"\nmsgstr [ 1 ] \"two\" \"more\"\n",
	"#~ msgid \"o\"\n#~ msgstr \"p\"\n\nmsgid \"q\"\n\t\t msgstr    \"北r\"\n",
	"#. note\n# tqa-disable spelling\n#, fuzzy\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n",
	"msgid \"a\"\nmsgstr \"b\"\nmsgid \"c\"\nmsgstr \"\\q\"\n",
	"msgid \"a\" \"\\q\"\nmsgstr \"b\"\n",
	"msgid \"a\"\nmsgstr \"b\" \"c\n",
	"msgid \"a\"\nmsgstr \"b\" x\n",
	"msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n",
	"domain \"d\"\nmsgid \"a\"\nmsgstr \"b\"",
}

func TestPOWays(t *testing.T) {
	for _, in := range poWaysInputs {
		checkPOWays(t, []byte(in))
	}
	for _, name := range poFiles {
		checkPOWays(t, biReadFile(t, name))
	}
}

// FuzzPOWays reads arbitrary input as PO with the reader's shortcuts and
// without them: both must read the same.
func FuzzPOWays(f *testing.F) {
	for _, in := range poWaysInputs {
		f.Add([]byte(in))
	}
	for _, name := range poFiles {
		f.Add(biReadFile(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkPOWays(t, data)
	})
}

// duplicatePlain is poKeys.duplicate the plain way: every key in a map.
func duplicatePlain(k *poKeys, src *source, segs []pipeline.Segment) error {
	first := map[string]int{}
	for _, key := range k.keys {
		ks := key.key(segs)
		if off, dup := first[ks]; dup {
			return fmt.Errorf("corpus: read %s: line %d: duplicate message (first on line %d)", src.path, src.lineBase+lineOf(src, key.off), src.lineBase+lineOf(src, off))
		}
		first[ks] = key.off
	}
	return nil
}

// poKeysFrom makes message keys from data: its first two bytes give the
// hashes of the nine keys there are (four short texts, with and without
// a context, and the header's empty key), from few values, so that bits
// and whole hashes are shared by different keys; then each byte makes a
// message, the first maybe the header.
func poKeysFrom(data []byte) (*poKeys, *source, []pipeline.Segment) {
	var bits [2]byte
	copy(bits[:], data)
	data = data[min(len(data), 2):]
	hashOf := func(q uint) uint32 { return uint32(bits[0]>>(q%8)&1) | uint32(bits[1]>>(q%8)&3)<<20 | uint32(q/8)<<11 }
	src := &source{path: "f.po", data: bytes.Repeat([]byte("x\n"), len(data)+1)}
	var segs []pipeline.Segment
	k := &poKeys{}
	for i, c := range data {
		text := string("ab"[c&1]) + string("cd"[c>>1&1])
		ctx := c&4 != 0
		q := uint(c & 7) // the key
		seg := len(segs)
		if i == 0 && c&8 != 0 {
			seg, q = -1, 8 // the header
		} else {
			s := pipeline.Segment{Source: text}
			if ctx {
				s.Context = "c"
			}
			segs = append(segs, s)
		}
		h := hashOf(q)
		k.add([sha256.Size]byte{byte(h), byte(h >> 8), byte(h >> 16), byte(h >> 24)}, seg, ctx, 2*i)
	}
	return k, src, segs
}

func checkDuplicateWays(t *testing.T, data []byte) {
	t.Helper()
	k, src, segs := poKeysFrom(data)
	got, want := k.duplicate(src, segs), duplicatePlain(k, src, segs)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("duplicate = %v, the plain way %v", got, want)
	}
}

func TestPODuplicateWays(t *testing.T) {
	for _, in := range []string{"", "\x00\x00\x00", "\x00\x00\x00\x00", "\x00\x00\x00\x01", "\xff\x00\x00\x01\x00",
		"\x00\x00\x08\x00", "\x0f\x00\x04\x01\x05\x04", "\x01\x02\x03\x01\x02\x07\x01\x02\x03", "\x55\xaa\x00\x01\x02\x03\x04\x05\x06\x07\x06"} {
		checkDuplicateWays(t, []byte(in))
	}
}

// FuzzPODuplicateWays compares poKeys.duplicate with a map of every key.
func FuzzPODuplicateWays(f *testing.F) {
	f.Add([]byte("\x00\x00\x08\x00\x01\x02\x03\x04\x05\x06\x07\x00"))
	f.Add([]byte("\x33\x0f\x01\x02\x03\x05\x06\x07\x04\x03"))
	f.Fuzz(checkDuplicateWays)
}
