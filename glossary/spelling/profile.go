package spelling

import (
	"fmt"
	"strings"
)

// Profile is a spelling convention for English. The zero value is Off.
type Profile uint8

const (
	// Off checks no spelling.
	Off Profile = iota
	// NATO is British spelling with -ize (Oxford spelling): defence,
	// centre, programme, organization, analyse.
	NATO
	// EnUS is American spelling: defense, center, program, organization,
	// analyze.
	EnUS
	// EnGB is British spelling, with either -ise or -ize: defence, centre,
	// programme, organisation or organization, analyse.
	EnGB
)

var profileNames = [...]string{Off: "off", NATO: "nato", EnUS: "en-US", EnGB: "en-GB"}

// String returns the profile's name: "off", "nato", "en-US" or "en-GB".
func (p Profile) String() string {
	if int(p) < len(profileNames) {
		return profileNames[p]
	}
	return fmt.Sprintf("Profile(%d)", p)
}

// ParseProfile parses a profile name: "nato", "en-US", "en-GB" or "off",
// in any case, with surrounding spaces ignored.
func ParseProfile(s string) (Profile, error) {
	k := strings.TrimSpace(s)
	for p, name := range profileNames {
		if strings.EqualFold(k, name) {
			return Profile(p), nil
		}
	}
	return Off, fmt.Errorf("unknown spelling profile %q (want nato, en-US, en-GB or off)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (p Profile) MarshalText() ([]byte, error) {
	if int(p) >= len(profileNames) {
		return nil, fmt.Errorf("invalid spelling profile %d", p)
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Profile) UnmarshalText(b []byte) error {
	v, err := ParseProfile(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
