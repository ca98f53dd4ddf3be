package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDictFlag checks --dict and TQA_DICT: the gloss of a dictionary entry
// appears in the message, the flag wins over the variable, and a bad file
// is a usage error naming the file and line.
func TestDictFlag(t *testing.T) {
	chdirRoot(t)
	sample := filepath.Join("glossary", "cedict", "testdata", "sample.u8")
	bad := filepath.Join(t.TempDir(), "bad.u8")
	if err := os.WriteFile(bad, []byte("# header\n醞釀 酝酿 /to brew/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(t.TempDir(), "t.txt")
	if err := os.WriteFile(doc, []byte("They lack 能力 in the air.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const gloss = "“能力” (nénglì: ability)"
	tests := []struct {
		name     string
		env      string
		args     []string
		code     int
		out, err string
	}{
		{"no dictionary", "", nil, exitFindings, "“能力” (nénglì) in an English target", ""},
		{"flag", "", []string{"--dict", sample}, exitFindings, gloss, ""},
		{"environment", sample, nil, exitFindings, gloss, ""},
		{"flag wins", bad, []string{"--dict", sample}, exitFindings, gloss, ""},
		{"bad file", "", []string{"--dict", bad}, exitError, "", "bad.u8: line 2: no [pinyin]"},
		{"bad environment", bad, nil, exitError, "", "bad.u8: line 2: no [pinyin]"},
		{"missing file", "", []string{"--dict", "no/such.u8"}, exitError, "", "no/such.u8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(dictEnv, tt.env)
			args := append(append([]string{"check", "--color", "never"}, tt.args...), doc)
			code, out, stderr := tqa(t, args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(stderr, tt.err) {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s\nwant %q and %q", code, tt.code, out, stderr, tt.out, tt.err)
			}
		})
	}
}
