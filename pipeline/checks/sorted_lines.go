package checks

import (
	"iter"
	"strings"
)

// sortedLines is an embedded list of non-empty lines in byte order (the
// order of strings.Compare and slices.Sort), after a header of comment
// lines (lines that start with #, which are not in that order), searched in
// place by bisection. A list looked up only a few times a run costs nothing
// at start-up this way: building a Go map of its thousands of lines took
// milliseconds, which every run paid for a handful of look-ups. Even the
// header is skipped at each look-up rather than once at start-up, so that
// a run that looks nothing up does not touch the list's memory.
type sortedLines string

// body returns the lines of s after its header.
func (s sortedLines) body() sortedLines {
	for strings.HasPrefix(string(s), "#") {
		_, rest, ok := strings.Cut(string(s), "\n")
		if !ok {
			return ""
		}
		s = sortedLines(rest)
	}
	return s
}

// search returns the offset of the first line of s, a body, that is not
// less than key, or len(s) when there is none.
func (s sortedLines) search(key string) int {
	lo, hi := 0, len(s) // lo and hi are line starts, or len(s)
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(string(s[lo:mid]), '\n') + 1
		end := len(s)
		if i := strings.IndexByte(string(s[mid:]), '\n'); i >= 0 {
			end = mid + i
		}
		if string(s[start:end]) < key {
			lo = min(end+1, hi)
		} else {
			hi = start
		}
	}
	return lo
}

// line returns the line that starts at offset off.
func (s sortedLines) line(off int) string {
	rest := string(s[off:])
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		return rest[:i]
	}
	return rest
}

// contains reports whether key is a line of s.
func (s sortedLines) contains(key string) bool {
	s = s.body()
	off := s.search(key)
	return off < len(s) && s.line(off) == key
}

// withFirstWord returns the lines of s whose first word (up to a space)
// is word (which holds no space), in order. Those lines are adjacent: word
// itself, then word and a space, which sorts before every other character
// of a line (lines hold no control characters).
func (s sortedLines) withFirstWord(word string) iter.Seq[string] {
	return func(yield func(string) bool) {
		s := s.body()
		for off := s.search(word); off < len(s); {
			line := s.line(off)
			if !strings.HasPrefix(line, word) || len(line) > len(word) && line[len(word)] != ' ' {
				return
			}
			if !yield(line) {
				return
			}
			off += len(line) + 1
		}
	}
}
