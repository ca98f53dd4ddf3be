package langid

import (
	"os"
	"testing"

	"github.com/tqa-project/tqa/internal/golden"
)

// TestBMPScriptTable checks the embedded table of the Basic Multilingual
// Plane against unicode.Scripts of the Go release that runs the test;
// with -update it writes the table anew.
func TestBMPScriptTable(t *testing.T) {
	got := buildBMP()
	if golden.Update() {
		if err := os.WriteFile("script_bmp.bin", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if len(bmpScripts) != len(got) {
		t.Fatalf("embedded table has %d entries, want %d (go test -update writes it)", len(bmpScripts), len(got))
	}
	for r := range got {
		if bmpScripts[r] != got[r] {
			t.Fatalf("embedded table gives U+%04X %v, unicode.Scripts %v: stale (go test -run BMPScriptTable -update writes it)",
				r, Script(bmpScripts[r]), Script(got[r]))
		}
	}
}
