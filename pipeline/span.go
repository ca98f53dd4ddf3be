package pipeline

import (
	"fmt"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into one side of a Segment.
type Span struct{ Start, End int }

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// Contains reports whether t lies inside s.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }

// Valid reports whether s is a non-empty range inside text whose ends fall
// on rune boundaries. An empty span is valid when it marks a position (for
// example "a space is missing here").
func (s Span) Valid(text string) bool {
	if s.Start < 0 || s.End < s.Start || s.End > len(text) {
		return false
	}
	return boundary(text, s.Start) && boundary(text, s.End)
}

func boundary(text string, i int) bool {
	return i == 0 || i == len(text) || utf8.RuneStart(text[i])
}

// Side names one side of a segment.
type Side uint8

const (
	// Target is the translation (or the only text of a monolingual document).
	Target Side = iota
	// Source is the text that was translated.
	Source
)

func (s Side) String() string {
	if s == Source {
		return "source"
	}
	return "target"
}

// MarshalText implements encoding.TextMarshaler.
func (s Side) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
