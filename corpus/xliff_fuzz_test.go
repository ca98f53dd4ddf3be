package corpus

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// FuzzReadXLIFF reads arbitrary input as XLIFF. Errors must name a
// position; documents must keep the reader's invariants (checkXLIFF);
// writing no target, or every target unchanged, must give the input back;
// and writing every target anew must give a document that reads back with
// the new targets and nothing else changed.
func FuzzReadXLIFF(f *testing.F) {
	for _, name := range []string{"testdata/xliff/v12.xlf", "testdata/xliff/v20.xlf", "testdata/xliff/crlf.xlf"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		`<xliff version="1.2"><file><body><trans-unit id="1"><source>a<g id="1">b</g>&#xFFFC;￼</source><target/></trans-unit></body></file></xliff>`,
		"<xliff version=\"1.2\"><file><body><trans-unit id=\"u\"><source>a b</source><seg-source><mrk mtype=\"seg\" mid=\"1\">a</mrk> <mrk mtype=\"seg\" mid=\"2\">b</mrk>\r</seg-source><target><mrk mtype=\"seg\" mid=\"2\"/></target></trans-unit></body></file></xliff>",
		`<xliff version="2.0" srcLang="en"><file id="f"><unit id="u"><segment><source><pc id="1">x</pc><cp hex="1"/></source></segment><ignorable><source> </source></ignorable><segment id="2"><source>y</source><target><![CDATA[z]]>&lt;</target></segment></unit></file></xliff>`,
		`<p:xliff xmlns:p="urn:oasis:names:tc:xliff:document:2.0" version="2.1"><p:file id="f"><p:unit id="u"><p:segment><p:source xmlns:q="urn:q">a<q:b/></p:source></p:segment></p:unit></p:file></p:xliff>`,
	} {
		f.Add([]byte(s))
	}
	for _, c := range xlfCases {
		f.Add([]byte(c.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, c, err := readXLIFFData("f", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "corpus: read f: line ") {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		checkXLIFFWrite(t, data, doc, c)
	})
}

// checkXLIFFWrite checks the invariants of a document read from data
// (checkXLIFF), then writes its targets: writing none, or each unchanged,
// must give data back; writing new ones must give a file that reads back
// with the new targets and nothing else changed.
func checkXLIFFWrite(t *testing.T, data []byte, doc *pipeline.Document, c *codec) {
	t.Helper()
	checkXLIFF(t, data, doc, c)
	same := map[int]string{}
	renew := map[int]string{}
	for i, s := range doc.Segments {
		if c.slots[i].Missing {
			renew[i] = "new & <x>"
			continue
		}
		same[i] = s.Target
		renew[i] = s.Target + " +&<>]]>\r\n"
	}
	for _, targets := range []map[int]string{nil, same} {
		out, err := c.splice("f", string(data), doc, targets)
		if err != nil || out != string(data) {
			t.Fatalf("writing %d unchanged targets: %v\n%q", len(targets), err, out)
		}
	}
	out, err := c.splice("f", string(data), doc, renew)
	if err != nil {
		t.Fatalf("writing new targets: %v", err)
	}
	if !utf8.ValidString(out) {
		t.Fatalf("written file is not UTF-8")
	}
	doc2, c2, err := readXLIFFData("f", []byte(out))
	if err != nil {
		t.Fatalf("reading the written file: %v\n%s", err, out)
	}
	checkXLIFF(t, []byte(out), doc2, c2)
	if len(doc2.Segments) != len(doc.Segments) {
		t.Fatalf("%d segments after writing, want %d\n%s", len(doc2.Segments), len(doc.Segments), out)
	}
	for i := range doc.Segments {
		a, b := doc.Segments[i], doc2.Segments[i]
		if b.Target != renew[i] || c2.slots[i].Missing {
			t.Fatalf("segment %s: target %q after writing %q", a.ID, b.Target, renew[i])
		}
		a.Target = b.Target
		a.TargetCodes = xlfCodesWithSpans(a.TargetCodes, b.TargetCodes)
		if !sameXLIFFSegment(&a, &b) {
			t.Fatalf("segment %d after writing:\n got %#v\nwant %#v", i, b, a)
		}
	}
}

// xlfCodesWithSpans returns codes with the spans of like, which must be as
// many.
func xlfCodesWithSpans(codes, like []pipeline.Code) []pipeline.Code {
	if len(codes) != len(like) {
		return codes
	}
	out := make([]pipeline.Code, len(codes))
	for i := range codes {
		out[i] = codes[i]
		out[i].Span = like[i].Span
	}
	return out
}
