package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// xlfEncodeTarget returns the markup of a new target text of seg: the
// text escaped for XML content, each pipeline.CodeRune replaced by the
// markup of the code of the same rank (File.Bytes turns its line feeds
// into CRLF where the file has them). XLIFF 2 writes characters that XML
// cannot hold as <cp hex="..."/>; XLIFF 1 cannot hold them at all.
func xlfEncodeTarget(seg *pipeline.Segment, target string, v2 bool) (string, error) {
	var codes []pipeline.Code
	if len(seg.TargetCodes) > 0 || strings.ContainsRune(target, pipeline.CodeRune) {
		var err error
		if codes, err = codesFor(seg, target); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	b.Grow(len(target) + len(target)/8)
	k := 0
	for i, r := range target {
		switch {
		case r == pipeline.CodeRune:
			b.WriteString(codes[k].Data)
			k++
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#13;") // a literal one would be read as a line break
		case r == utf8.RuneError && !strings.HasPrefix(target[i:], "\uFFFD"):
			return "", fmt.Errorf("new target is not UTF-8 at byte %d", i)
		case !xlfChar(r):
			if !v2 {
				return "", fmt.Errorf("new target has %U at byte %d, which XLIFF 1.x cannot hold", r, i)
			}
			fmt.Fprintf(&b, `<cp hex="%04X"/>`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), nil
}

// xlfEscape escapes s for XML content, or for an attribute value quoted
// with '"' when attr is set.
func xlfEscape(s string, attr bool) string {
	if !strings.ContainsAny(s, `&<>"`) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && attr:
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
