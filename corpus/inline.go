package corpus

import (
	"strings"

	"github.com/tqa-project/tqa/pipeline"
)

// markdownInlineSpans returns the spans of the inline Markdown in text that
// is not prose:
//
//   - code spans, with their backticks: `go test`
//   - autolinks and raw HTML: <https://nato.int>, <a@b.org>, <br/>, <!-- x -->
//   - the link syntax around link text: "[" and "](url "title")" of
//     [text](url "title"), "![" and "](src)" of images, "[" and "][ref]" of
//     reference links; the link text itself is prose
//   - entity and character references: &amp; &#8212; &#x2014;
//   - the backslash of a backslash escape: \*
//
// Emphasis markers (* and _) are left in the prose.
func markdownInlineSpans(text string) []pipeline.Span {
	var spans []pipeline.Span
	var opens []int       // offsets of "[" (or "![") not yet closed
	commentClosed := true // false once an HTML comment was found never to close
	for i := 0; i < len(text); {
		switch c := text[i]; c {
		case '\\':
			if i+1 < len(text) && isASCIIPunct(text[i+1]) {
				spans = append(spans, pipeline.Span{Start: i, End: i + 1})
				i += 2
				continue
			}
		case '`':
			n := runLen(text, i, '`')
			if end := closingBackticks(text, i+n, n); end > 0 {
				spans = append(spans, pipeline.Span{Start: i, End: end})
				i = end
				continue
			}
			i += n
			continue
		case '<':
			if strings.HasPrefix(text[i:], "<!--") && !commentClosed {
				break
			}
			end := angleEnd(text, i)
			if end > 0 {
				spans = append(spans, pipeline.Span{Start: i, End: end})
				i = end
				continue
			}
			if end < 0 {
				commentClosed = false
			}
		case '&':
			if end := entityEnd(text, i); end > 0 {
				spans = append(spans, pipeline.Span{Start: i, End: end})
				i = end
				continue
			}
		case '[':
			if i > 0 && text[i-1] == '!' {
				opens = append(opens, i-1)
			} else {
				opens = append(opens, i)
			}
		case ']':
			if len(opens) == 0 {
				break
			}
			open := opens[len(opens)-1]
			opens = opens[:len(opens)-1]
			end := 0
			if i+1 < len(text) && text[i+1] == '(' {
				end = linkTailEnd(text, i+2)
			} else if i+1 < len(text) && text[i+1] == '[' {
				if k := strings.IndexAny(text[i+2:], "[]"); k >= 0 && text[i+2+k] == ']' {
					end = i + 2 + k + 1
				}
			}
			if end > 0 {
				openLen := 1
				if text[open] == '!' {
					openLen = 2
				}
				spans = append(spans, pipeline.Span{Start: open, End: open + openLen}, pipeline.Span{Start: i, End: end})
				i = end
				continue
			}
		}
		i++
	}
	return spans
}

// closingBackticks returns the end of the first run of exactly n backticks
// at or after i, or 0.
func closingBackticks(text string, i, n int) int {
	for i < len(text) {
		k := strings.IndexByte(text[i:], '`')
		if k < 0 {
			return 0
		}
		i += k
		m := runLen(text, i, '`')
		if m == n {
			return i + m
		}
		i += m
	}
	return 0
}

func runLen(text string, i int, c byte) int {
	n := 0
	for i+n < len(text) && text[i+n] == c {
		n++
	}
	return n
}

// angleEnd returns the end of the autolink, HTML comment, HTML tag or
// other markup declaration that starts with the "<" at i, 0 if there is
// none, or -1 for an HTML comment that is never closed.
func angleEnd(text string, i int) int {
	rest := text[i:]
	if strings.HasPrefix(rest, "<!--") {
		if k := strings.Index(rest[4:], "-->"); k >= 0 {
			return i + 4 + k + 3
		}
		return -1 // and no comment after it closes either
	}
	if len(rest) < 3 {
		return 0
	}
	c := rest[1]
	if !(isASCIILetter(c) || c == '/' || c == '!' || c == '?') {
		return 0
	}
	k := strings.IndexAny(rest[1:], "<>")
	if k < 0 || rest[1+k] != '>' {
		return 0
	}
	inner := rest[1 : 1+k]
	if inner == "" || inner == "/" {
		return 0
	}
	if c == '/' && !isASCIILetter(inner[1]) {
		return 0
	}
	if strings.ContainsAny(inner, " \t\n") {
		// A tag with attributes: "<a href=...>". An autolink holds no space.
		name := strings.TrimPrefix(inner, "/")
		if sp := strings.IndexAny(name, " \t\n"); sp <= 0 || !isTagName(name[:sp]) {
			return 0
		}
	}
	return i + 1 + k + 1
}

func isTagName(s string) bool {
	for j := 0; j < len(s); j++ {
		if !(isASCIILetter(s[j]) || j > 0 && (isDigit(s[j]) || s[j] == '-')) {
			return false
		}
	}
	return s != ""
}

// entityEnd returns the end of the entity or character reference that
// starts with the "&" at i, or 0.
func entityEnd(text string, i int) int {
	j := i + 1
	switch {
	case j+1 < len(text) && text[j] == '#' && (text[j+1] == 'x' || text[j+1] == 'X'):
		j += 2
		s := j
		for j < len(text) && j-s < 6 && (isDigit(text[j]) || strings.IndexByte("abcdefABCDEF", text[j]) >= 0) {
			j++
		}
		if j == s {
			return 0
		}
	case j < len(text) && text[j] == '#':
		j++
		s := j
		for j < len(text) && j-s < 7 && isDigit(text[j]) {
			j++
		}
		if j == s {
			return 0
		}
	default:
		s := j
		for j < len(text) && j-s < 32 && (isASCIILetter(text[j]) || j > s && isDigit(text[j])) {
			j++
		}
		if j-s < 2 {
			return 0
		}
	}
	if j < len(text) && text[j] == ';' {
		return j + 1
	}
	return 0
}

// maxLinkTail bounds how far a link destination and title are looked for,
// so that text full of "](" with no ")" is read in linear time.
const maxLinkTail = 2048

// linkTailEnd returns the end of the link destination and title that start
// at i, just after "](", including the closing ")", or 0 if there is none
// within maxLinkTail bytes.
func linkTailEnd(text string, i int) int {
	depth := 0
	var quote byte
	for j := i; j < len(text) && j < i+maxLinkTail; j++ {
		c := text[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\\':
			j++
		case c == '<' && j == i:
			k := strings.IndexAny(text[j+1:], "<>\n")
			if k < 0 || text[j+1+k] != '>' {
				return 0
			}
			j += 1 + k
		case c == '"' || c == '\'':
			if j > i && (text[j-1] == ' ' || text[j-1] == '\t' || text[j-1] == '\n') {
				quote = c
			}
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				return j + 1
			}
			depth--
		}
	}
	return 0
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
