//go:build linux

package hugepage

import "testing"

func TestDisabledByGODEBUG(t *testing.T) {
	for _, tc := range []struct {
		godebug string
		want    bool
	}{
		{"", false},
		{"disablethp=1", true},
		{"disablethp=0", false},
		{"gctrace=1,disablethp=1", true},
		{"disablethp=1, gctrace=1", true},
		{"disablethp=1,disablethp=0", false},
		{"disablethp", false},
		{"xdisablethp=1", false},
	} {
		if got := disabledByGODEBUG(tc.godebug); got != tc.want {
			t.Errorf("disabledByGODEBUG(%q) = %v, want %v", tc.godebug, got, tc.want)
		}
	}
}

// TestDisabledAdvise checks that Advise marks nothing when huge pages are
// turned off.
func TestDisabledAdvise(t *testing.T) {
	defer func(was bool) { enabled = was }(enabled)
	enabled = false
	if Advise(make([]byte, 6*Size)) {
		t.Error("Advise marked memory with huge pages turned off")
	}
}
