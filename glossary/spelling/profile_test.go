package spelling

import (
	"strings"
	"testing"
)

func TestParseProfile(t *testing.T) {
	tests := []struct {
		in      string
		want    Profile
		wantErr bool
	}{
		{"nato", NATO, false},
		{"NATO", NATO, false},
		{" en-US ", EnUS, false},
		{"en-us", EnUS, false},
		{"EN-GB", EnGB, false},
		{"off", Off, false},
		{"Off", Off, false},
		{"en_US", Off, true},
		{"en", Off, true},
		{"", Off, true},
		{"british", Off, true},
	}
	for _, tt := range tests {
		got, err := ParseProfile(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseProfile(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), "nato, en-US, en-GB or off") {
			t.Errorf("ParseProfile(%q) error %q does not list the profiles", tt.in, err)
		}
	}
}

func TestProfileString(t *testing.T) {
	for p, want := range map[Profile]string{Off: "off", NATO: "nato", EnUS: "en-US", EnGB: "en-GB", 9: "Profile(9)"} {
		if got := p.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", p, got, want)
		}
	}
}

func TestProfileText(t *testing.T) {
	for _, p := range []Profile{Off, NATO, EnUS, EnGB} {
		b, err := p.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var q Profile
		if err := q.UnmarshalText(b); err != nil || q != p {
			t.Errorf("round trip of %v: got %v, %v", p, q, err)
		}
	}
	if _, err := Profile(7).MarshalText(); err == nil {
		t.Error("MarshalText of an invalid profile: no error")
	}
	var q Profile = NATO
	if err := q.UnmarshalText([]byte("american")); err == nil || q != NATO {
		t.Errorf("UnmarshalText(american) = %v, profile %v; want an error and no change", err, q)
	}
}

// FuzzParseProfile checks that a parsed name round-trips through String
// and that names are matched whole, ignoring case and surrounding space.
func FuzzParseProfile(f *testing.F) {
	for _, s := range []string{"nato", "en-US", "en-gb", " off ", "en", "natoo", "\u212a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseProfile(s)
		if err != nil {
			if p != Off {
				t.Errorf("ParseProfile(%q) failed but returned %v", s, p)
			}
			return
		}
		if !strings.EqualFold(strings.TrimSpace(s), p.String()) {
			t.Errorf("ParseProfile(%q) = %v, whose name differs", s, p)
		}
		if q, err := ParseProfile(p.String()); err != nil || q != p {
			t.Errorf("ParseProfile(%q) = %v, %v; want %v", p.String(), q, err, p)
		}
	})
}
