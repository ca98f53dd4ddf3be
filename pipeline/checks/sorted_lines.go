package checks

import (
	"iter"
	"strings"
)

// sortedLines is an embedded list of non-empty lines in byte order (the
// order of strings.Compare and slices.Sort), searched in place by
// bisection. A list looked up only a few times a run costs nothing at
// start-up this way: building a Go map of its thousands of lines took
// milliseconds, which every run paid for a handful of look-ups.
type sortedLines string

// linesAfterHeader returns the lines of list after its leading comment
// lines (those that start with #), which are not in the lines' order.
func linesAfterHeader(list string) sortedLines {
	for strings.HasPrefix(list, "#") {
		_, rest, ok := strings.Cut(list, "\n")
		if !ok {
			return ""
		}
		list = rest
	}
	return sortedLines(list)
}

// search returns the offset of the first line of s that is not less than
// key, or len(s) when there is none.
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
	off := s.search(key)
	return off < len(s) && s.line(off) == key
}

// withFirstWord returns the lines of s whose first word (up to a space)
// is word (which holds no space), in order. Those lines are adjacent: word
// itself, then word and a space, which sorts before every other character
// of a line (lines hold no control characters).
func (s sortedLines) withFirstWord(word string) iter.Seq[string] {
	return func(yield func(string) bool) {
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
