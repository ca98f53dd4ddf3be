package reports

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/tqa-project/tqa/internal/golden"
)

// checkGolden compares got with testdata/name, or rewrites the file with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
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
				checkGolden(t, o.file, first.Bytes())
			}
		})
	}
}
