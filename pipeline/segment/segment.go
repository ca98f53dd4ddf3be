package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// Sentences returns the sentences of text as byte spans, in order. The
// spans do not overlap, never start or end with white space, and together
// cover every non-space byte of text. Text that holds only white space has
// no sentence.
func Sentences(text string) []pipeline.Span {
	var spans []pipeline.Span
	start := -1 // first byte of the current sentence; -1 between sentences
	end := 0    // end of the last non-space rune of the current sentence
	flush := func() {
		if start >= 0 {
			spans = append(spans, pipeline.Span{Start: start, End: end})
			start = -1
		}
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			j, breaks := skipSpace(text, i)
			if breaks >= 2 {
				flush() // a blank line ends a sentence
			}
			i = j
			continue
		}
		if start < 0 {
			start = i
		}
		if !isTerminal(r) {
			i += n
			end = i
			continue
		}
		after, split := terminal(text, start, i)
		i, end = after, after
		if split {
			flush()
		}
	}
	flush()
	return spans
}

// skipSpace returns the end of the run of white space at i and how many
// line breaks it holds.
func skipSpace(text string, i int) (int, int) {
	breaks := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		if r == '\n' {
			breaks++
		}
		i += n
	}
	return i, breaks
}

// terminal reads the run of terminal punctuation at i and the closing
// quotes and brackets after it, in the sentence that starts at start. It
// returns the end of what it read and whether the sentence ends there.
func terminal(text string, start, i int) (int, bool) {
	runStart := i
	cjk := false // the run holds a CJK terminal
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isTerminal(r) {
			break
		}
		cjk = cjk || isCJKTerminal(r)
		i += n
	}
	runEnd := i
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isCloser(r) {
			break
		}
		i += n
	}
	end := i
	if end == len(text) {
		return end, true
	}
	next, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(next) {
		switch {
		case cjk:
			// "３．５": a full-width full stop between digits is a decimal point.
			return end, !(text[runStart:runEnd] == "．" && unicode.IsDigit(next))
		case isCJK(next):
			// "真的吗?是的": ASCII punctuation inside CJK text.
			prev, _ := utf8.DecodeLastRuneInString(text[:runStart])
			return end, isCJK(prev)
		}
		return end, false
	}
	word := nextWord(text, end)
	if first, _ := utf8.DecodeRuneInString(word); unicode.IsLower(first) {
		return end, false
	}
	if cjk || text[runStart:runEnd] != "." || end != runEnd {
		return end, true
	}
	return end, periodEnds(text[start:runStart], word)
}

// periodEnds decides whether a single full stop after before (the
// sentence so far) ends the sentence, given the word that follows it.
func periodEnds(before, next string) bool {
	w := lastToken(before)
	switch {
	case w == "":
		return true
	case prefixAbbreviations[w]:
		return false
	case allDigits(w) && w == before:
		return false // "1. The first point": a list number
	case isInitialism(w) || closingAbbreviations[w]:
		return sentenceStarters[next]
	}
	return true
}

// lastToken returns the run of ASCII letters and full stops at the end of
// s ("U.S" in "the U.S", "Mr" in "(Mr"), or the run of digits there.
func lastToken(s string) string {
	i := len(s)
	for i > 0 && (isASCIILetter(s[i-1]) || s[i-1] == '.') {
		i--
	}
	if i == len(s) {
		for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			i--
		}
	}
	return s[i:]
}

// isInitialism reports whether w is a single capital letter ("J") or
// single letters separated by full stops ("U.S", "a.m", "D.C").
func isInitialism(w string) bool {
	if len(w) == 1 {
		return w[0] >= 'A' && w[0] <= 'Z'
	}
	if len(w)%2 == 0 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (i%2 == 0) != isASCIILetter(w[i]) {
			return false
		}
	}
	return true
}

// nextWord returns the word that starts after the white space at i,
// looking past opening quotes and brackets: the run of letters and digits
// there.
func nextWord(text string, i int) string {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) && !isOpener(r) {
			break
		}
		i += n
	}
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += n
	}
	return text[i:j]
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return isCJKTerminal(r)
}

// isCJKTerminal reports the full-width terminals of Chinese and Japanese.
func isCJKTerminal(r rune) bool {
	switch r {
	case '。', '！', '？', '｡', '．':
		return true
	}
	return false
}

// isCloser reports closing quotes and brackets, which stay with the
// sentence they close.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '’', '”', '»', '›', '）', '］', '｝', '」', '』', '】', '〕', '〗', '〙', '〉', '》', '＂', '＇':
		return true
	}
	return false
}

// isOpener reports opening quotes and brackets.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '‘', '“', '«', '‹', '（', '［', '｛', '「', '『', '【', '〔', '〖', '〘', '〈', '《':
		return true
	}
	return false
}

// isCJK reports Han ideographs and Japanese kana, which are written without
// spaces between sentences.
func isCJK(r rune) bool {
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
