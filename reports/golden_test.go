package reports

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test ./reports -update after checking it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			outputs := []struct {
				file  string
				write func(*bytes.Buffer) error
			}{
				{c.name + ".txt", func(b *bytes.Buffer) error { return WriteText(b, c.report(), TextOptions{}) }},
				{c.name + ".json", func(b *bytes.Buffer) error { return WriteJSON(b, c.report()) }},
			}
			if c.color {
				outputs = append(outputs, struct {
					file  string
					write func(*bytes.Buffer) error
				}{c.name + ".color.txt", func(b *bytes.Buffer) error { return WriteText(b, c.report(), TextOptions{Color: true}) }})
			}
			for _, o := range outputs {
				var first, second bytes.Buffer
				if err := o.write(&first); err != nil {
					t.Fatalf("%s: %v", o.file, err)
				}
				if err := o.write(&second); err != nil {
					t.Fatalf("%s: %v", o.file, err)
				}
				if !bytes.Equal(first.Bytes(), second.Bytes()) {
					t.Errorf("%s: two writes of the same report differ", o.file)
				}
				golden(t, o.file, first.Bytes())
			}
		})
	}
}
