package corpus

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// countMsgstrLinesPlain is countMsgstrLines the plain way: a search for
// each "\nmsgstr".
func countMsgstrLinesPlain(data []byte) int {
	n := 0
	if bytes.HasPrefix(data, []byte("msgstr")) {
		n++
	}
	for rest := data; ; {
		i := bytes.Index(rest, []byte("\nmsgstr"))
		if i < 0 {
			return n
		}
		n++
		rest = rest[i+1:]
	}
}

var countMsgstrCases = []string{
	"",
	"msgstr",
	"msgst",
	"\nmsgstr",
	"\nmsgst",
	"msgid \"a\"\nmsgstr \"b\"\n",
	"msgid \"a\"\r\nmsgstr \"b\"\r\n\r\nmsgid \"c\"\r\nmsgstr \"d\"",
	"msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"c\"\nmsgstr[1] \"d\"\n",
	"\n\n\n\n\n\n\n\nr\nr\nr\nmsgstrmsgstr\nmsgstr\n msgstr\n#msgstr\n",
	"\x00\x01\n\x80\xffmsgstr\nmsgstr\x00\x01rrrrrrrr\n\n\nmsgstr",
	"#~ msgstr \"x\"\n#| msgid \"y\"\nmsgstr\"z\"",
	strings.Repeat("\nmsgstr", 9),
	strings.Repeat("x", 9) + "\nmsgstr" + strings.Repeat("y", 9) + "\nmsgstr\nmsgstr",
	strings.Repeat("ab\nmsgstr \"\"\n", 5),
}

func TestCountMsgstrLines(t *testing.T) {
	for _, s := range countMsgstrCases {
		// Every cut at the start and the end, so that each place meets
		// each lane of a word and the tail.
		for lo := 0; lo <= min(len(s), 17); lo++ {
			for hi := max(lo, len(s)-17); hi <= len(s); hi++ {
				d := []byte(s[lo:hi])
				if got, want := countMsgstrLines(d), countMsgstrLinesPlain(d); got != want {
					t.Errorf("countMsgstrLines(%q) = %d, the plain way %d", d, got, want)
				}
			}
		}
	}
	for _, path := range []string{"testdata/po/zh-en.po", "testdata/po/nato.pot"} {
		d, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := countMsgstrLines(d), countMsgstrLinesPlain(d); got != want {
			t.Errorf("countMsgstrLines(%s) = %d, the plain way %d", path, got, want)
		}
	}
}

func FuzzCountMsgstrLines(f *testing.F) {
	for _, s := range countMsgstrCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, d []byte) {
		if got, want := countMsgstrLines(d), countMsgstrLinesPlain(d); got != want {
			t.Fatalf("countMsgstrLines(%q) = %d, the plain way %d", d, got, want)
		}
	})
}
