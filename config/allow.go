package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/tqa-project/tqa/pipeline"
)

// Allow lists flagged texts that are accepted: a finding whose flagged
// text (pipeline.Finding.Text, exactly the characters its span covers)
// matches the global list, or the list of its check under Checks, is
// dropped. Lists only ever drop findings, so there is no conflict between
// them to settle: the global list and the check's list are tried in turn,
// and one match is enough.
type Allow struct {
	AllowList `yaml:",inline"`
	// Checks holds the lists that apply to one check only, by check name.
	Checks map[string]AllowList `yaml:"checks"`
}

// AllowList is a list of accepted flagged texts.
type AllowList struct {
	// Words are literal words or phrases. One matches a finding when it
	// equals the flagged text exactly: same characters, same case, no
	// normalization, the whole text.
	Words []string `yaml:"words"`
	// Patterns are regular expressions (Go RE2 syntax). One matches a
	// finding when it matches the whole flagged text: each is anchored at
	// both ends. Write (?i) for a match in any case.
	Patterns []Pattern `yaml:"patterns"`
}

// Empty reports whether the list accepts nothing.
func (l AllowList) Empty() bool { return len(l.Words) == 0 && len(l.Patterns) == 0 }

// Match reports whether the list accepts text.
func (l AllowList) Match(text string) bool {
	if slices.Contains(l.Words, text) {
		return true
	}
	for _, p := range l.Patterns {
		if p.MatchString(text) {
			return true
		}
	}
	return false
}

// Allows reports whether f's flagged text is accepted, by the global list
// or by the list of f's check.
func (a *Allow) Allows(f *pipeline.Finding) bool {
	return a.AllowList.Match(f.Text) || a.Checks[f.Check].Match(f.Text)
}

// Empty reports whether no list accepts anything.
func (a *Allow) Empty() bool {
	if !a.AllowList.Empty() {
		return false
	}
	for _, l := range a.Checks {
		if !l.Empty() {
			return false
		}
	}
	return true
}

// Pattern is a regular expression that matches whole texts.
type Pattern struct {
	// Source is the expression as written.
	Source string
	re     *regexp.Regexp
}

// NewPattern compiles src, anchored at both ends.
func NewPattern(src string) (Pattern, error) {
	re, err := regexp.Compile(`^(?:` + src + `)$`)
	if err != nil {
		// The error of the anchored expression would show the anchors.
		if _, err2 := regexp.Compile(src); err2 != nil {
			err = err2
		}
		return Pattern{}, fmt.Errorf("invalid regular expression: %w", err)
	}
	return Pattern{Source: src, re: re}, nil
}

// MatchString reports whether the pattern matches all of s.
func (p Pattern) MatchString(s string) bool { return p.re != nil && p.re.MatchString(s) }

// UnmarshalText compiles the expression.
func (p *Pattern) UnmarshalText(b []byte) error {
	v, err := NewPattern(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// MarshalText returns the expression as written.
func (p Pattern) MarshalText() ([]byte, error) { return []byte(p.Source), nil }

// Glob is a path pattern: "*" matches within one path element, "**" any
// number of elements, "?" one character, "[abc]" and "{md,txt}" as in a
// shell (github.com/bmatcuk/doublestar).
type Glob string

// UnmarshalText checks the pattern's syntax.
func (g *Glob) UnmarshalText(b []byte) error {
	s := strings.TrimPrefix(string(b), "./")
	if s == "" {
		return fmt.Errorf("empty glob")
	}
	if !doublestar.ValidatePattern(s) {
		return fmt.Errorf("invalid glob %q", s)
	}
	*g = Glob(s)
	return nil
}

// Match reports whether the slash-separated path matches the pattern.
func (g Glob) Match(path string) bool {
	ok, _ := doublestar.Match(string(g), path)
	return ok
}
