package corpus

import (
	"slices"

	"github.com/tqa-project/tqa/internal/links"
	"github.com/tqa-project/tqa/pipeline"
)

// linkSpans returns the spans of the bare URLs and e-mail addresses in
// text (see package links).
func linkSpans(text string) []pipeline.Span { return links.Find(text) }

// mergeSpans sorts spans and joins those that overlap.
func mergeSpans(spans []pipeline.Span) []pipeline.Span {
	if len(spans) < 2 {
		return spans
	}
	slices.SortFunc(spans, func(a, b pipeline.Span) int { return a.Start - b.Start })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start < last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
