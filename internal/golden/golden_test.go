package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFirstDiff(t *testing.T) {
	tests := []struct{ want, got, has string }{
		{"a\nb\nc\n", "a\nx\nc\n", `line 2:`},
		{"a\n", "a\nb\n", `line 2:`},
		{"a\nb\n", "a\n", `line 2:`},
	}
	for _, tt := range tests {
		if d := FirstDiff(tt.want, tt.got); !strings.Contains(d, tt.has) {
			t.Errorf("FirstDiff(%q, %q) = %q, want it to contain %q", tt.want, tt.got, d, tt.has)
		}
	}
}

// fakeT records failures instead of failing the test.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Fatalf(string, ...any) { f.failed = true }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.golden")
	if err := os.WriteFile(path, []byte("same\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ok := &fakeT{TB: t}
	Check(ok, path, []byte("same\n"))
	if ok.failed {
		t.Error("equal output reported as different")
	}
	bad := &fakeT{TB: t}
	Check(bad, path, []byte("other\n"))
	if !bad.failed {
		t.Error("different output not reported")
	}
	missing := &fakeT{TB: t}
	Check(missing, path+".none", []byte("x"))
	if !missing.failed {
		t.Error("missing golden file not reported")
	}
}
