package langid

import (
	"iter"
	"unicode/utf8"
)

// Run is a byte range [Start, End) of a text, all in one script (see the
// package documentation for how Common characters are assigned).
type Run struct {
	Start, End int
	Script     Script
}

// Scan calls yield for each run of text, in order, until yield returns
// false. It allocates nothing.
func Scan(text string, yield func(Run) bool) {
	if text == "" {
		return
	}
	t := tables()
	// The run being built is [start, i) of script cur; cur is Common only
	// while no letter has been seen. pend >= 0 marks where a stretch of
	// Common characters began inside a letter run: it stays in that run if
	// the next letter has the same script, and becomes a run of its own
	// otherwise.
	start, pend, cur := 0, -1, Common
	for i := 0; i < len(text); {
		at := i
		var s Script
		if b := text[i]; b < utf8.RuneSelf {
			s = asciiScript[b]
			i++
			if cur == Latin {
				// Fast path: most of an English text is here.
				if s == Latin {
					pend = -1
				} else if pend < 0 {
					pend = at
				}
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			s = t.lookup(r) // utf8.RuneError is Common
			i += n
		}
		switch {
		case s == Inherited:
			// joins whatever precedes it
		case s == Common:
			if cur != Common && pend < 0 {
				pend = at
			}
		case s == cur:
			pend = -1
		case cur == Common:
			if at > start && !yield(Run{start, at, Common}) {
				return
			}
			start, cur = at, s
		default:
			end := at
			if pend >= 0 {
				end = pend
			}
			if !yield(Run{start, end, cur}) {
				return
			}
			if pend >= 0 && !yield(Run{pend, at, Common}) {
				return
			}
			start, cur, pend = at, s, -1
		}
	}
	if cur == Common || pend < 0 {
		yield(Run{start, len(text), cur})
		return
	}
	if yield(Run{start, pend, cur}) {
		yield(Run{pend, len(text), Common})
	}
}

// All returns the runs of text as an iterator:
//
//	for r := range langid.All(text) { ... }
func All(text string) iter.Seq[Run] {
	return func(yield func(Run) bool) { Scan(text, yield) }
}

// Runs returns the runs of text in order; nil for an empty text.
func Runs(text string) []Run {
	var runs []Run
	Scan(text, func(r Run) bool {
		runs = append(runs, r)
		return true
	})
	return runs
}

// Dominant returns the script with the most letters in text (combining
// marks, digits and punctuation do not count), or Common when text has no
// letter. Of two scripts with as many letters, the one that reached that
// count first wins.
func Dominant(text string) Script {
	var counts [256]int
	best, bestN := Common, 0
	t := tables()
	for i := 0; i < len(text); {
		var s Script
		if b := text[i]; b < utf8.RuneSelf {
			s = asciiScript[b]
			i++
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			s = t.lookup(r)
			i += n
		}
		if !s.IsLetter() {
			continue
		}
		counts[s]++
		if counts[s] > bestN {
			best, bestN = s, counts[s]
		}
	}
	return best
}
