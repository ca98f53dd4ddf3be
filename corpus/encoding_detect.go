package corpus

import (
	"bytes"
	"regexp"
	"sync"
	"unicode/utf8"
)

// utf16Order returns "utf-16le" or "utf-16be" when data looks like UTF-16
// by its byte order mark, or, without one, by its NUL bytes: data has an
// even length, at least a quarter of its first 2,048 code units have a NUL
// high byte (ASCII and Latin-1 text), and NUL low bytes are at most an
// eighth as many. It returns "" otherwise. UTF-8 text has no NUL bytes.
func utf16Order(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return "utf-16le"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "utf-16be"
	case len(data) < 2 || len(data)%2 != 0:
		return ""
	}
	n := min(len(data), 4096)
	var even, odd int // NUL bytes at even and at odd offsets
	for i := range n {
		if data[i] == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	units := n / 2
	switch {
	case odd*4 >= units && even*8 <= odd:
		return "utf-16le"
	case even*4 >= units && odd*8 <= even:
		return "utf-16be"
	}
	return ""
}

// xmlEncodingDecl matches the encoding declaration of an XML declaration
// at the start of a file (after a byte order mark, if any).
var xmlEncodingDecl = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:\xEF\xBB\xBF)?<\?xml[ \t\r\n][^>]*?\bencoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z0-9._-]+)["']`)
})

// poCharsetIn returns where the charset label lies in stretch, a line of
// a PO file from a "Content-Type:" up to the next quote or line feed
// (exclusive), as the pattern
//
//	Content-Type:[^"\n]*charset=([A-Za-z0-9._-]+)
//
// would find it (poCharset in the tests): the greedy [^"\n]* takes the
// last "charset=" that a label character follows, and the label runs as
// far as label characters do. It returns ok false when there is none.
func poCharsetIn(stretch []byte) (lo, hi int, ok bool) {
	const prefix, key = len("Content-Type:"), "charset="
	rest := stretch[prefix:] // cut at its end as it is searched
	for {
		i := bytes.LastIndex(rest, []byte(key))
		if i < 0 {
			return 0, 0, false
		}
		lo = prefix + i + len(key)
		hi = lo
		for hi < len(stretch) && isCharsetLabelByte(stretch[hi]) {
			hi++
		}
		if hi > lo {
			return lo, hi, true
		}
		rest = rest[:i]
	}
}

// isCharsetLabelByte reports whether c is in [A-Za-z0-9._-].
func isCharsetLabelByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-'
}

// declaredEncoding returns the encoding that an ASCII-compatible file
// declares: the encoding of an XML declaration, or the charset of a PO
// header ("CHARSET", the placeholder of templates, declares none), and
// where it was declared, and the byte offset of the label in data.
//
// The XML pattern runs on the few bytes where its match can lie, not on
// the whole head: the regexp engine clears state in proportion to its
// input, which made the matches cost more than the rest of reading a small
// file. The PO charset is found without a regexp (poCharsetIn), on the
// line of each "Content-Type:", so that reading a PO file compiles and
// runs no pattern.
func declaredEncoding(data []byte, format string) (label, where string, off int) {
	head := data[:min(len(data), 8192)]
	// An XML declaration's match has no '>': it ends before the first one.
	decl := head
	if i := bytes.IndexByte(decl, '>'); i >= 0 {
		decl = decl[:i]
	}
	if bytes.HasPrefix(bytes.TrimPrefix(decl, []byte("\xEF\xBB\xBF")), []byte("<?xml")) {
		if m := xmlEncodingDecl().FindSubmatchIndex(decl); m != nil {
			return string(head[m[2]:m[3]]), "the XML declaration", m[2]
		}
	}
	if format == "po" {
		// A match starts at a "Content-Type:" and ends before the next
		// quote or line feed; the first such stretch that matches holds
		// the leftmost match.
		for at := 0; ; {
			i := bytes.Index(head[at:], []byte("Content-Type:"))
			if i < 0 {
				break
			}
			start := at + i
			end := len(head)
			if j := bytes.IndexAny(head[start:], "\"\n"); j >= 0 {
				end = start + j
			}
			if lo, hi, ok := poCharsetIn(head[start:end]); ok {
				if l := string(head[start+lo : start+hi]); l != "CHARSET" {
					return l, "the PO header", start + lo
				}
				break
			}
			at = start + 1
		}
	}
	return "", "", 0
}

// legacyMinScore is the share of non-ASCII characters that must be among
// the frequent Chinese characters (frequentChinese) for a decoding to be
// taken for Chinese text. Measured on the 2,000 distinct Chinese sources
// of mqm_zhen_newstest2020.tsv (news) encoded in GB18030, each line a
// file: 3 lines score below 0.25 (whole articles score far higher); read
// as Big5, 1,110 of them decode without an invalid sequence, and score
// 0.2 at most (TestDetectLegacyNews).
const legacyMinScore = 0.25

// detectSampleLen is how much of a file detectLegacy weighs: the
// decodings are judged on it, and the chosen one decodes the whole file.
const detectSampleLen = 64 << 10

// legacyCandidates are the encodings detectLegacy weighs, in the order
// that breaks ties.
var legacyCandidates = []string{"gb18030", "big5", "utf-16le", "utf-16be"}

// detectLegacy picks the encoding of data, which is not UTF-8: among
// GB18030, Big5 and UTF-16 (both byte orders), the decoding without
// invalid sequences whose non-ASCII characters are most often among the
// frequent Chinese characters, if that share reaches legacyMinScore. When
// every decoding has an invalid sequence, it returns the GB18030 or Big5
// decoding that reaches the score before its first invalid sequence, if
// it goes further than UTF-8 does, so that the error names the encoding
// the file is most likely in. It returns nil when no decoding is
// plausible: the caller reports invalid UTF-8. The decodings are judged
// on the first detectSampleLen bytes of data.
func detectLegacy(data []byte) *charset {
	var best, bestBroken *charset
	bestScore, brokenAt := 0.0, -1
	sample := data[:min(len(data), detectSampleLen)]
	for _, name := range legacyCandidates {
		cs := charsets[name]
		text, bad := decodeWith(cs, sample)
		if bad >= 0 && len(sample) < len(data) && bad >= len(sample)-4 {
			bad = -1 // a character cut by the end of the sample
		}
		score := chineseScore(text)
		if score < legacyMinScore {
			continue
		}
		if bad < 0 {
			if best == nil || score > bestScore {
				best, bestScore = cs, score
			}
		} else if (name == "gb18030" || name == "big5") && bad > brokenAt {
			bestBroken, brokenAt = cs, bad
		}
	}
	if best != nil {
		return best
	}
	if bestBroken != nil && brokenAt > firstInvalidUTF8(data) {
		return bestBroken
	}
	return nil
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// chineseScore returns the share of the non-ASCII characters of text
// (U+FEFF aside) that are among frequentChinese; 0 when there are none.
func chineseScore(text []byte) float64 {
	set := frequentSet()
	var all, frequent int
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		i += n
		if r == '\uFEFF' {
			continue
		}
		all++
		if set[r] {
			frequent++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(frequent) / float64(all)
}

var frequentSet = sync.OnceValue(func() map[rune]bool {
	set := make(map[rune]bool, utf8.RuneCountInString(frequentChinese))
	for _, r := range frequentChinese {
		if r != '\n' {
			set[r] = true
		}
	}
	return set
})
