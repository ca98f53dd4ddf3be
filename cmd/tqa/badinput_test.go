package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMalformedFiles: every malformed file is named on stderr with the
// line and column of its first error, the exit status is 2, and the good
// file of the same run is still checked and reported.
func TestMalformedFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"good.txt":  "US is酝酿 Leaving NATO\n",
		"bad.xlf":   "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file source-language=\"zh\" target-language=\"en\"><body>\n<trans-unit id=\"1\"><source>a</source><target>b</tar>\n</body></file></xliff>\n",
		"bad2.xlf":  "<xliff version=\"2.0\" srcLang=\"zh\" trgLang=\"en\"><file id=\"f\"><unit id=\"u\"><segment><source>a</source>\n<target>b",
		"bad.tmx":   "<tmx version=\"1.4\"><header srclang=\"zh\"/><body><tu><tuv xml:lang=\"zh\"><seg>a</seg></tuv>\n<tuv xml:lang=\"en\"><seg>b</tuv></tu></body></tmx>\n",
		"bad.po":    "msgid \"a\"\nmsgstr \"b\n",
		"bad.jsonl": "{\"id\": \"1\", \"source\": \"a\", \"target\": \n",
		"bad.tsv":   "id\tsource\ttarget\n1\ta\n",
		"bad.csv":   "id,source,target\n1,\"a,b\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := tqa(t, "check", "--format", "json", dir)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	for _, want := range []string{
		"bad.xlf: line 3, column 47:",
		"bad2.xlf: line 2, column ",
		"bad.tmx: line 2, column 26:",
		"bad.po: line 2, column 8:",
		"bad.jsonl: line 1, column 38:",
		"bad.tsv: line 2, column 4:",
		"bad.csv: line 3, column 1:",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(out, `"path": "`+filepath.ToSlash(filepath.Join(dir, "good.txt"))) || !strings.Contains(out, `"text": "酝酿"`) {
		t.Errorf("the good file was not reported:\n%s", out)
	}
}
