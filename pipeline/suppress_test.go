package pipeline

import (
	"context"
	"strings"
	"testing"
)

// TestSuppress: findings on a segment whose Suppress names their check,
// or SuppressAll, are dropped; other checks' and other segments' stay.
func TestSuppress(t *testing.T) {
	d := doc("a.txt", "x y", "x y", "x y", "x y")
	d.Segments[1].Suppress = []string{"find-x"}
	d.Segments[2].Suppress = []string{SuppressAll}
	d.Segments[3].Suppress = []string{"no-such-check"}
	fs, err := Run(context.Background(), []*Document{d}, []*Check{wordCheck("find-x", "x", Minor), wordCheck("find-y", "y", Minor)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.ID+":"+f.Check)
	}
	want := []string{"a:find-x", "a:find-y", "b:find-y", "d:find-x", "d:find-y"}
	if len(got) != len(want) {
		t.Fatalf("findings %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("findings %q, want %q", got, want)
			break
		}
	}
}

// TestAllowed: Config.Allowed drops the findings it accepts.
func TestAllowed(t *testing.T) {
	d := doc("a.txt", "x y", "x")
	cfg := &Config{Allowed: func(f *Finding) bool { return f.Check == "find-x" && f.ID == "a" }}
	fs, err := Run(context.Background(), []*Document{d}, []*Check{wordCheck("find-x", "x", Minor), wordCheck("find-y", "y", Minor)}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.ID+":"+f.Check)
	}
	if want := "a:find-y b:find-x"; strings.Join(got, " ") != want {
		t.Errorf("findings %q, want %s", got, want)
	}
}
