package corpus

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// benchPO returns a PO file of n messages, with comments, a context, a
// continuation line and escapes, as msgmerge writes them.
func benchPO(n int) []byte {
	var b strings.Builder
	b.WriteString("msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n")
	for i := range n {
		fmt.Fprintf(&b, `#. Headline %d of the article.
#: news/headline.txt:%d
#, c-format
msgctxt "headline %d"
msgid ""
"北约成立于%%d年，总部设在布鲁塞尔。\n"
"美国酝酿退出北约。"
msgstr ""
"NATO was founded in %%d and has its \"headquarters\" in Brussels.\n"
"US is酝酿 Leaving NATO."

`, i, i, i)
	}
	return []byte(b.String())
}

func BenchmarkReadPO(b *testing.B) {
	data := benchPO(2000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("bench.po", data, "po", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadPOFile reads the PO file named by $TQA_BENCH_FILE (for
// instance the one bench/mkpo writes); it is skipped when the variable is
// unset or names another format.
func BenchmarkReadPOFile(b *testing.B) {
	path := os.Getenv("TQA_BENCH_FILE")
	if path == "" || !strings.HasSuffix(path, ".po") {
		b.Skip("TQA_BENCH_FILE does not name a .po file")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(path, data, "po", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenPOFile opens the PO file named by $TQA_BENCH_FILE as tqa
// check does, reading it from disk: its texts share the bytes read (see
// source.shared), where BenchmarkReadPOFile's are copies.
func BenchmarkOpenPOFile(b *testing.B) {
	path := os.Getenv("TQA_BENCH_FILE")
	if path == "" || !strings.HasSuffix(path, ".po") {
		b.Skip("TQA_BENCH_FILE does not name a .po file")
	}
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Open(path, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
