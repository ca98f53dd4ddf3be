package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// findLinks returns the spans of the bare URLs and e-mail addresses in
// text, in order. It follows the same rules as the readers of package
// corpus, which mark links as non-prose; a link is one of:
//
//   - scheme://rest ("https://nato.int/x", "ftp://host")
//   - www.host... ("www.nato.int", "www.nato.int/news")
//   - host.tld/path, where tld is 2 to 24 lower-case ASCII letters and a
//     slash follows at once ("toutiao.com/article/76/"); a bare "host.tld"
//     with no path is left alone, so that prose such as "U.S./EU" is not
//     taken for a link
//
// and an e-mail address is local@host.tld, with an optional "mailto:". A
// link ends at white space, at a character that URLs do not hold
// unescaped (< > " \ ^ ` { | }), or at CJK text or punctuation; trailing
// punctuation (. , ; : ! ? ' " * _) and unbalanced closing brackets are
// left out of it.
func findLinks(text string) []pipeline.Span {
	var spans []pipeline.Span
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !linkRune(r) {
			i += n
			continue
		}
		j := i
		marked := false // every link has a '.', ':' or '@'
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if !linkASCII[c] {
					break
				}
				marked = marked || c == '.' || c == ':' || c == '@'
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if !linkRune(r) {
				break
			}
			j += n
		}
		if marked {
			if sp, ok := linkInToken(text[i:j]); ok {
				spans = append(spans, pipeline.Span{Start: i + sp.Start, End: i + sp.End})
			}
		}
		i = j
	}
	return spans
}

// linkInToken finds the link in tok, a run of characters that links may
// hold.
func linkInToken(tok string) (pipeline.Span, bool) {
	if k := strings.Index(tok, "://"); k > 0 {
		s := k
		for s > 0 && linkSchemeByte(tok[s-1]) {
			s--
		}
		for s < k && !btAlpha(tok[s]) {
			s++ // a scheme starts with a letter
		}
		if k-s >= 2 && k+3 < len(tok) {
			if end := linkTrimEnd(tok, s, len(tok)); end > k+3 {
				return pipeline.Span{Start: s, End: end}, true
			}
		}
		return pipeline.Span{}, false
	}
	s := 0
	for s < len(tok) && strings.IndexByte("([{'*_", tok[s]) >= 0 {
		s++
	}
	if len(tok)-s >= 4 && strings.EqualFold(tok[s:s+4], "www.") {
		if e := hostNameEnd(tok, s+4); e > s+4 {
			return pipeline.Span{Start: s, End: linkTrimEnd(tok, s, len(tok))}, true
		}
		return pipeline.Span{}, false
	}
	if e := hostNameEnd(tok, s); e > s && e < len(tok) && tok[e] == '/' && hasTopLevelDomain(tok[s:e]) {
		return pipeline.Span{Start: s, End: linkTrimEnd(tok, s, len(tok))}, true
	}
	if at := strings.IndexByte(tok, '@'); at > 0 {
		return emailAround(tok, at)
	}
	return pipeline.Span{}, false
}

// emailAround finds the address around the @ at index at of tok.
func emailAround(tok string, at int) (pipeline.Span, bool) {
	s := at
	for s > 0 && linkLocalPartByte(tok[s-1]) {
		s--
	}
	for s < at && tok[s] == '.' {
		s++
	}
	if s == at {
		return pipeline.Span{}, false
	}
	if strings.HasSuffix(tok[:s], "mailto:") {
		s -= len("mailto:")
	}
	e := hostNameEnd(tok, at+1)
	host := strings.TrimRight(tok[at+1:e], ".-")
	if !hasTopLevelDomain(host) {
		return pipeline.Span{}, false
	}
	return pipeline.Span{Start: s, End: at + 1 + len(host)}, true
}

// hostNameEnd returns the end of the run of host-name bytes (letters,
// digits, hyphens and dots) at i.
func hostNameEnd(tok string, i int) int {
	for i < len(tok) && (btAlpha(tok[i]) || btDigit(tok[i]) || tok[i] == '-' || tok[i] == '.') {
		i++
	}
	return i
}

// hasTopLevelDomain reports whether host has a dot and ends with a
// top-level domain of 2 to 24 lower-case letters.
func hasTopLevelDomain(host string) bool {
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || host[dot-1] == '.' {
		return false
	}
	tld := host[dot+1:]
	if len(tld) < 2 || len(tld) > 24 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		if tld[i] < 'a' || tld[i] > 'z' {
			return false
		}
	}
	return true
}

// linkTrimEnd returns the end of the link that starts at s in tok[:e],
// without trailing punctuation and unbalanced closing brackets.
func linkTrimEnd(tok string, s, e int) int {
	const closers, openers = ")]", "(["
	var opens, closes [2]int
	for i := s; i < e; i++ {
		if k := strings.IndexByte(openers, tok[i]); k >= 0 {
			opens[k]++
		} else if k := strings.IndexByte(closers, tok[i]); k >= 0 {
			closes[k]++
		}
	}
	for e > s {
		c := tok[e-1]
		if strings.IndexByte(".,;:!?'\"*_", c) >= 0 {
			e--
			continue
		}
		if k := strings.IndexByte(closers, c); k >= 0 && closes[k] > opens[k] {
			closes[k]--
			e--
			continue
		}
		break
	}
	return e
}

// linkRune reports whether r may be part of a link as written in prose:
// printable ASCII other than < > " \ ^ ` { | }, and letters, digits and
// marks of scripts that separate words with spaces.
func linkRune(r rune) bool {
	if r < utf8.RuneSelf {
		return linkASCII[r]
	}
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

var linkASCII = func() (t [utf8.RuneSelf]bool) {
	for c := '!'; c < 0x7F; c++ {
		t[c] = !strings.ContainsRune("<>\"\\^`{|}", c)
	}
	return t
}()

func linkSchemeByte(c byte) bool {
	return btAlpha(c) || btDigit(c) || c == '+' || c == '-' || c == '.'
}

func linkLocalPartByte(c byte) bool {
	return btAlpha(c) || btDigit(c) || strings.IndexByte("._%+-", c) >= 0
}
