package links

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// Find returns the spans of the bare URLs and e-mail addresses in
// text, in order. A URL is one of:
//
//   - scheme://rest ("https://nato.int/x", "ftp://host")
//   - www.host... ("www.nato.int", "www.nato.int/news")
//   - host.tld/path, where tld is 2 to 24 lower-case ASCII letters and a
//     slash follows at once ("toutiao.com/article/7600286426932199955/");
//     a bare "host.tld" with no path is left alone, so that prose such as
//     "U.S./EU" or "Mr.Trump/Biden" is not taken for a link
//
// and an e-mail address is local@host.tld. A link ends at white space, at
// a character that URLs do not hold unescaped (< > " \ ^ ` { | }), or at
// CJK text or punctuation; trailing punctuation (. , ; : ! ? ' " * _) and
// unbalanced closing brackets are left out of it.
func Find(text string) []pipeline.Span {
	if !mayHoldLink(text) {
		return nil
	}
	return scan(text)
}

// scan is Find without the quick test for link marks.
func scan(text string) []pipeline.Span {
	var spans []pipeline.Span
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isURLRune(r) {
			i += n
			continue
		}
		j := i
		marked := false // every link has a '.', ':' or '@'
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if !urlASCII[c] {
					break
				}
				marked = marked || c == '.' || c == ':' || c == '@'
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if !isURLRune(r) {
				break
			}
			j += n
		}
		if marked {
			spans = append(spans, linksInToken(text, i, j)...)
		}
		i = j
	}
	return spans
}

// mayHoldLink reports whether text has what every link found by
// linksInToken needs: a '/' (a scheme's "://", a host and a path), an '@'
// (an e-mail address) or "www." in any case. Most sentences have none, and
// the byte searches are much cheaper than the token scan.
func mayHoldLink(text string) bool {
	if strings.IndexByte(text, '/') >= 0 || strings.IndexByte(text, '@') >= 0 {
		return true
	}
	for i := 0; ; {
		k := strings.IndexByte(text[i:], '.')
		if k < 0 {
			return false
		}
		i += k
		if i >= 3 && hasPrefixFold(text[i-3:], "www.") {
			return true
		}
		i++
	}
}

// linksInToken finds links in text[a:b], a run of characters that URLs may
// hold.
func linksInToken(text string, a, b int) []pipeline.Span {
	tok := text[a:b]
	if k := strings.Index(tok, "://"); k > 0 {
		s := k
		for s > 0 && isSchemeByte(tok[s-1]) {
			s--
		}
		for s < k && !isASCIILetter(tok[s]) {
			s++ // a scheme starts with a letter
		}
		if k-s >= 2 && k+3 < len(tok) {
			if end := trimLinkEnd(tok, s, len(tok)); end > k+3 {
				return []pipeline.Span{{Start: a + s, End: a + end}}
			}
		}
		return nil
	}
	s := 0
	for s < len(tok) && strings.IndexByte("([{'*_", tok[s]) >= 0 {
		s++
	}
	if hasPrefixFold(tok[s:], "www.") {
		if e := hostEnd(tok, s+4); e > s+4 {
			return []pipeline.Span{{Start: a + s, End: a + trimLinkEnd(tok, s, len(tok))}}
		}
		return nil
	}
	if e := hostEnd(tok, s); e > s && e < len(tok) && tok[e] == '/' && hasTLD(tok[s:e]) {
		return []pipeline.Span{{Start: a + s, End: a + trimLinkEnd(tok, s, len(tok))}}
	}
	if at := strings.IndexByte(tok, '@'); at > 0 {
		if sp, ok := email(tok, at); ok {
			return []pipeline.Span{{Start: a + sp.Start, End: a + sp.End}}
		}
	}
	return nil
}

// email finds the address around the @ at index at of tok.
func email(tok string, at int) (pipeline.Span, bool) {
	s := at
	for s > 0 && isLocalByte(tok[s-1]) {
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
	e := hostEnd(tok, at+1)
	host := strings.TrimRight(tok[at+1:e], ".-")
	if !hasTLD(host) {
		return pipeline.Span{}, false
	}
	return pipeline.Span{Start: s, End: at + 1 + len(host)}, true
}

// hostEnd returns the end of the run of host-name bytes (letters, digits,
// hyphens and dots) at i.
func hostEnd(tok string, i int) int {
	for i < len(tok) && (isASCIILetter(tok[i]) || isDigit(tok[i]) || tok[i] == '-' || tok[i] == '.') {
		i++
	}
	return i
}

// hasTLD reports whether host has a dot and ends with a top-level domain
// of 2 to 24 lower-case letters.
func hasTLD(host string) bool {
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

// trimLinkEnd returns the end of the link that starts at s in tok[:e],
// without trailing punctuation and unbalanced closing brackets.
func trimLinkEnd(tok string, s, e int) int {
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

// isURLRune reports whether r may be part of a link as written in prose:
// printable ASCII other than < > " \ ^ ` { | }, and letters, digits and
// marks of scripts that separate words with spaces.
func isURLRune(r rune) bool {
	if r < utf8.RuneSelf {
		return urlASCII[r]
	}
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

var urlASCII = func() (t [utf8.RuneSelf]bool) {
	for c := '!'; c < 0x7F; c++ {
		t[c] = !strings.ContainsRune("<>\"\\^`{|}", c)
	}
	return t
}()

func isSchemeByte(c byte) bool {
	return isASCIILetter(c) || isDigit(c) || c == '+' || c == '-' || c == '.'
}

func isLocalByte(c byte) bool {
	return isASCIILetter(c) || isDigit(c) || strings.IndexByte("._%+-", c) >= 0
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
