package pipeline

import (
	"fmt"
	"strings"
)

// Severity is the MQM severity of a finding.
type Severity uint8

const (
	// Neutral findings are information; they never fail a run on their own.
	// (The zero Severity means "not set": a finding reported without one
	// takes its check's configured severity.)
	Neutral Severity = iota + 1
	// Minor errors do not hinder understanding.
	Minor
	// Major errors change or obscure the meaning.
	Major
	// Critical errors make the text unusable or misleading, e.g. in a headline.
	Critical
)

var severityNames = [...]string{"", "neutral", "minor", "major", "critical"}

func (s Severity) String() string {
	if s != 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity parses "neutral", "minor", "major" or "critical".
func ParseSeverity(s string) (Severity, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for i, n := range severityNames {
		if k == n && i > 0 {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want neutral, minor, major or critical)", s)
}

// MQM error categories used by tqa's checks. A category is a path: the MQM
// dimension, a slash, and the error type.
const (
	CategoryUntranslated    = "accuracy/untranslated"
	CategoryMistranslation  = "accuracy/mistranslation"
	CategoryOmission        = "accuracy/omission"
	CategoryAddition        = "accuracy/addition"
	CategoryNonTranslation  = "accuracy/non-translation"
	CategoryTermWrong       = "terminology/inappropriate"
	CategoryTermInconsist   = "terminology/inconsistent"
	CategoryPunctuation     = "fluency/punctuation"
	CategorySpelling        = "fluency/spelling"
	CategoryGrammar         = "fluency/grammar"
	CategoryWhitespace      = "fluency/whitespace"
	CategoryNumberFormat    = "locale/number-format"
	CategoryMarkup          = "markup/tags"
	CategoryCharacterEncode = "fluency/character-encoding"
)
