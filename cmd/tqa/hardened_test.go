package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/corpus"
)

// goodInput is the file every case of TestHardenedInput checks beside
// the bad one: its finding must be reported whatever the other file does.
const goodInput = "US is酝酿 Leaving NATO\n"

// laughs is the head of an XML "billion laughs": nine levels of entities
// that each repeat the one below ten times, a billion "lol"s expanded.
func laughs() string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n")
	for i := 1; i <= 9; i++ {
		prev := "&lol;"
		if i > 1 {
			prev = "&lol" + string(rune('0'+i-1)) + ";"
		}
		b.WriteString(" <!ENTITY lol" + string(rune('0'+i)) + " \"" + strings.Repeat(prev, 10) + "\">\n")
	}
	b.WriteString("]>\n")
	return b.String()
}

// randomBytes returns n bytes of a fixed pseudo-random sequence.
func randomBytes(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 1))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return string(b)
}

const (
	xliffHead = `<xliff version="1.2"><file source-language="zh" target-language="en"><body>`
	xliffTail = `</body></file></xliff>` + "\n"
	tmxHead   = `<tmx version="1.4"><header srclang="zh"/><body>`
	tmxTail   = `</body></tmx>` + "\n"
	deep      = 200000
)

// TestHardenedInput is the matrix of bad inputs: each one is checked with
// a good file in the same run; a bad file is an input error (exit 2) named
// with its position on stderr, never a panic, and the good file is still
// reported. Inputs that are odd but valid (BOMs, CRLF, empty text files)
// are read. maxAlloc bounds the bytes the run may allocate (0: no bound).
func TestHardenedInput(t *testing.T) {
	tests := []struct {
		name, file, data string
		args             []string
		code             int
		stderr           string // a regular expression stderr must match
		stdout           string // text stdout must hold besides the good file's finding
		maxAlloc         uint64
	}{
		{name: "invalid UTF-8 text", file: "bad.txt", data: "Fine line.\nBroken \xff byte.\n", code: 2, stderr: `bad\.txt: line 2, column 8: invalid UTF-8`},
		{name: "invalid UTF-8 XLIFF", file: "bad.xlf", data: xliffHead + "\n<trans-unit id=\"1\"><source>a</source><target>b\xff</target></trans-unit>" + xliffTail, code: 2, stderr: `bad\.xlf: line 2, column 47: invalid UTF-8`},
		{name: "invalid UTF-8 TMX", file: "bad.tmx", data: tmxHead + "\n<tu><tuv xml:lang=\"zh\"><seg>a</seg></tuv><tuv xml:lang=\"en\"><seg>\xffb</seg></tuv></tu>" + tmxTail, code: 2, stderr: `bad\.tmx: line 2, column 66: invalid UTF-8`},
		{name: "invalid UTF-8 PO", file: "bad.po", data: "msgid \"a\"\nmsgstr \"b\xff\"\n", code: 2, stderr: `bad\.po: line 2, column 10: invalid UTF-8`},
		{name: "invalid UTF-8 JSONL", file: "bad.jsonl", data: `{"id":"1","source":"a","target":"b` + "\xff\"}\n", code: 2, stderr: `bad\.jsonl: line 1, column 35: invalid UTF-8`},
		{name: "truncated XLIFF", file: "cut.xlf", data: xliffHead + `<trans-unit id="1"><source>a</source><tar`, code: 2, stderr: `cut\.xlf: line 1, column 117: tag <tar> is not closed`},
		{name: "truncated TMX", file: "cut.tmx", data: tmxHead + `<tu><tuv xml:lang="zh"><se`, code: 2, stderr: `cut\.tmx: line 1, column 71: tag <se is not closed`},
		{name: "billion laughs XLIFF", file: "lol.xlf", data: laughs() + xliffHead + `<trans-unit id="1"><source>a</source><target>&lol9;</target></trans-unit>` + xliffTail,
			code: 2, stderr: `lol\.xlf: line 3, column 2: entity declarations are not supported`, maxAlloc: 256 << 20},
		{name: "billion laughs TMX", file: "lol.tmx", data: laughs() + tmxHead + `<tu><tuv xml:lang="zh"><seg>a</seg></tuv><tuv xml:lang="en"><seg>&lol9;</seg></tuv></tu>` + tmxTail,
			code: 2, stderr: `lol\.tmx: line 3, column 2: entity declarations are not supported`, maxAlloc: 256 << 20},
		{name: "deep inline XLIFF", file: "deep.xlf", data: xliffHead + `<trans-unit id="1"><source>a</source><target>` + strings.Repeat(`<g id="1">`, deep) + "x" + strings.Repeat("</g>", deep) + "</target></trans-unit>" + xliffTail,
			code: 2, stderr: `deep\.xlf: line 1, column 1071: elements nested more than 100 deep`, maxAlloc: 256 << 20},
		{name: "deep groups XLIFF", file: "deep.xlf", data: xliffHead + strings.Repeat("<group>", deep) + strings.Repeat("</group>", deep) + xliffTail,
			code: 2, stderr: `deep\.xlf: line 1, column 755: elements nested more than 100 deep`, maxAlloc: 256 << 20},
		{name: "deep inline TMX", file: "deep.tmx", data: tmxHead + `<tu><tuv xml:lang="zh"><seg>a</seg></tuv><tuv xml:lang="en"><seg>` + strings.Repeat("<hi>", deep) + "x" + strings.Repeat("</hi>", deep) + "</seg></tuv></tu>" + tmxTail,
			code: 2, stderr: `deep\.tmx: line 1, column 493: elements nested deeper than 100`, maxAlloc: 256 << 20},
		{name: "deep elements TMX", file: "deep.tmx", data: tmxHead + strings.Repeat("<x>", deep) + strings.Repeat("</x>", deep) + tmxTail,
			code: 2, stderr: `deep\.tmx: line 1, column 342: elements nested deeper than 100`, maxAlloc: 256 << 20},
		{name: "empty XLIFF", file: "empty.xlf", code: 2, stderr: `empty\.xlf: line 1, column 1: no root element`},
		{name: "empty TMX", file: "empty.tmx", code: 2, stderr: `empty\.tmx: line 1, column 1: not a TMX file`},
		{name: "empty TSV", file: "empty.tsv", code: 2, stderr: `empty\.tsv: line 1, column 1: no header row`},
		{name: "empty CSV", file: "empty.csv", code: 2, stderr: `empty\.csv: line 1, column 1: no header row`},
		// An empty text, Markdown, PO or JSON Lines file is a document
		// without segments: valid, and nothing to report.
		{name: "empty text", file: "empty.txt", code: 1},
		{name: "empty Markdown", file: "empty.md", code: 1},
		{name: "empty PO", file: "empty.po", code: 1},
		{name: "empty JSONL", file: "empty.jsonl", code: 1},
		{name: "UTF-8 BOM", file: "bom.txt", data: "\uFEFF" + goodInput, code: 1, stdout: "bom.txt:1:6: major: mixed-script"},
		{name: "UTF-16LE BOM", file: "bom16.txt", data: utf16LE("\uFEFF" + goodInput), code: 1, stdout: "bom16.txt:1:6: major: mixed-script"},
		{name: "CRLF", file: "crlf.txt", data: "a\r\n" + strings.ReplaceAll(goodInput, "\n", "\r\n"), code: 1, stdout: "crlf.txt:2:6: major: mixed-script"},
		{name: "unknown encoding declared", file: "enc.xlf", data: `<?xml version="1.0" encoding="klingon"?>` + "\n" + xliffHead + "<trans-unit id=\"1\"><source>a</source><target>b\xff</target></trans-unit>" + xliffTail,
			code: 2, stderr: `enc\.xlf: line 1, column 31: unknown encoding "klingon" declared in the XML declaration`},
	}
	for i, ext := range []string{"txt", "md", "jsonl", "xlf", "tmx", "po", "tsv", "csv"} {
		tests = append(tests, struct {
			name, file, data string
			args             []string
			code             int
			stderr           string
			stdout           string
			maxAlloc         uint64
		}{name: "random bytes ." + ext, file: "random." + ext, data: randomBytes(uint64(i), 4096), code: 2, stderr: `random\.` + ext + `: line \d+, column \d+: `})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			good, bad := filepath.Join(dir, "good.txt"), filepath.Join(dir, tt.file)
			mustWrite(t, good, goodInput)
			mustWrite(t, bad, tt.data)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			code, out, stderr := tqa(t, append(append([]string{"check", "--format", "text"}, tt.args...), good, bad)...)
			runtime.ReadMemStats(&after)
			checkHardened(t, code, out, stderr, tt.code, tt.stderr, tt.stdout)
			if alloc := after.TotalAlloc - before.TotalAlloc; tt.maxAlloc > 0 && alloc > tt.maxAlloc {
				t.Errorf("the run allocated %d MB, want at most %d MB", alloc>>20, tt.maxAlloc>>20)
			}
		})
	}
}

// checkHardened checks one run of the bad-input matrix.
func checkHardened(t *testing.T, code int, out, stderr string, wantCode int, wantStderr, wantStdout string) {
	t.Helper()
	if code != wantCode {
		t.Errorf("exit %d, want %d\nstderr: %s", code, wantCode, stderr)
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine ") {
		t.Errorf("stderr shows a panic:\n%s", stderr)
	}
	if wantStderr != "" && !regexp.MustCompile(wantStderr).MatchString(stderr) {
		t.Errorf("stderr does not match %q:\n%s", wantStderr, stderr)
	}
	if wantStderr == "" && stderr != "" {
		t.Errorf("stderr: %s", stderr)
	}
	if !strings.Contains(out, "good.txt:1:6: major: mixed-script") {
		t.Errorf("the good file was not reported:\n%s", out)
	}
	if !strings.Contains(out, wantStdout) {
		t.Errorf("stdout lacks %q:\n%s", wantStdout, out)
	}
}

// utf16LE encodes s as UTF-16, little-endian.
func utf16LE(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			b.Write([]byte{byte(hi), byte(hi >> 8), byte(lo), byte(lo >> 8)})
			continue
		}
		b.Write([]byte{byte(r), byte(r >> 8)})
	}
	return b.String()
}

// TestUnknownEncodingFlag: an encoding tqa does not know fails every
// input, each named.
func TestUnknownEncodingFlag(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.po")
	mustWrite(t, a, goodInput)
	mustWrite(t, b, "msgid \"a\"\nmsgstr \"b\"\n")
	code, _, stderr := tqa(t, "check", "--encoding", "klingon", a, b)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	for _, want := range []string{`a.txt: unknown encoding "klingon"`, `b.po: unknown encoding "klingon"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestLongLine: a file that is one line of 100 MB is an input error named
// with its position (a segment longer than corpus.MaxSegmentBytes) rather
// than minutes of checks and gigabytes of memory; the good file is still
// reported. It writes 100 MB and reads it: skipped under -short and
// -race.
func TestLongLine(t *testing.T) {
	if testing.Short() || underRace {
		t.Skip("writes and reads a file of 100 MB")
	}
	dir := t.TempDir()
	good, long := filepath.Join(dir, "good.txt"), filepath.Join(dir, "long.txt")
	mustWrite(t, good, goodInput)
	f, err := os.Create(long)
	if err != nil {
		t.Fatal(err)
	}
	chunk := []byte(strings.Repeat("alliance members met in Brussels today and ", 1<<10))
	for n := 0; n < 100<<20; n += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := tqa(t, "check", "--format", "text", good, long)
	checkHardened(t, code, out, stderr, exitError, `long\.txt: line 1, column 1: segment 1: the target has \d+ bytes, more than the `+
		strconv.Itoa(corpus.MaxSegmentBytes)+` a segment may have`, "")
}
