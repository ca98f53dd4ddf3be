// Package spelling: TEMPORARY API SHAPE, replaced by the real package.
package spelling

// Profile is a spelling convention for English.
type Profile uint8

const (
	Off Profile = iota
	NATO
	EnUS
	EnGB
)

// Suggest returns the spelling profile p expects for word and true when word breaks the profile.
func (p Profile) Suggest(word string) (string, bool) { return "", false }

// ParseProfile parses nato, en-US, en-GB or off.
func ParseProfile(s string) (Profile, error) { return Off, nil }
