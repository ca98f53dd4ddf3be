package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, format, data, want string
	}{
		{"text invalid byte", "text", "ab\ncd\xffe", "corpus: read x: line 2, column 3: invalid UTF-8 (byte 0xFF)" + notUTF8Hint},
		{"text after CJK", "text", "酝酿\xe9", "corpus: read x: line 1, column 3: invalid UTF-8 (byte 0xE9)" + notUTF8Hint},
		{"markdown after bom", "markdown", "\uFEFFx\xC3(", "corpus: read x: line 1, column 2: invalid UTF-8 (byte 0xC3)"},
		{"encoded surrogate", "text", "a\xed\xa0\x80", "corpus: read x: line 1, column 2: invalid UTF-8 (byte 0xED)" + notUTF8Hint},
		{"jsonl invalid byte", "jsonl", `{"target": "a` + "\xff" + `"}`, "corpus: read x: line 1, column 14: invalid UTF-8 (byte 0xFF)" + notUTF8Hint},
		{"bad value", "jsonl", `{"target": x}`, "corpus: read x: line 1, column 12: invalid JSON: invalid character 'x' looking for beginning of value"},
		{"bad value after CJK", "jsonl", `{"source": "北约", "target": x}`, "corpus: read x: line 1, column 28: invalid JSON: invalid character 'x' looking for beginning of value"},
		{"truncated", "jsonl", "{\"target\": \"ok\"}\n{\"target\": \"a\"", "corpus: read x: line 2, column 15: invalid JSON: unexpected end of JSON input"},
		{"trailing text", "jsonl", `{"target": "a"} x`, "corpus: read x: line 1, column 17: invalid JSON: invalid character 'x' after top-level value"},
		{"not an object", "jsonl", `  ["a"]`, "corpus: read x: line 1, column 3: want a JSON object"},
		{"target not a string", "jsonl", `{"target": 5}`, `corpus: read x: line 1, column 12: "target" is not a string`},
		{"lang not a string", "jsonl", `{"target": "a", "source_lang": ["zh"]}`, `corpus: read x: line 1, column 32: "source_lang" is not a string`},
		{"id not a string or number", "jsonl", `{"id": true, "target": "a"}`, `corpus: read x: line 1, column 8: "id" is not a string or a number`},
		{"invalid language", "jsonl", `{"target": "a", "target_lang": "en_!!"}`, `corpus: read x: line 1, column 32: invalid target_lang "en_!!": language: tag is not well-formed`},
		{"no text", "jsonl", `  {"id": 1}`, `corpus: read x: line 1, column 3: no "source" or "target"`},
		{"duplicate id", "jsonl", "{\"id\": \"a\", \"target\": \"1\"}\n\n{\"id\": \"a\", \"target\": \"2\"}", `corpus: read x: line 3: duplicate id "a" (first on line 1)`},
		{"line number id clashes", "jsonl", "{\"id\": 2, \"target\": \"1\"}\n{\"target\": \"2\"}", `corpus: read x: line 2: duplicate id "2" (first on line 1)`},
		{"unknown format", "pdf", "x", `corpus: read x: unknown format "pdf" (want text, markdown, jsonl, xliff, tmx, po, tsv, csv)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("x", []byte(tt.data), tt.format, Options{})
			if err == nil {
				t.Fatalf("no error; got %d segments", len(doc.Segments))
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestReadFileErrors(t *testing.T) {
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{"testdata/missing.txt", "corpus: open testdata/missing.txt: no such file or directory"},
		{pdf, "corpus: " + filepath.ToSlash(pdf) + ": unsupported format (want .txt, .md, .markdown, .jsonl, .xlf, .xliff, .tmx, .po, .pot, .tsv, .csv, or XLIFF, TMX or PO content)"},
	}
	for _, tt := range tests {
		if _, err := ReadFile(tt.path, Options{}); err == nil || err.Error() != tt.want {
			t.Errorf("ReadFile(%q) error = %v, want %s", tt.path, err, tt.want)
		}
	}
}
