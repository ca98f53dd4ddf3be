package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// tmxSeg is the content of a <seg>: its text, with pipeline.CodeRune for
// each inline code, and where it lies in the file.
type tmxSeg struct {
	text  string
	loc   pipeline.Locator
	codes []pipeline.Code

	start, end       int  // the content, between <seg> and </seg>
	tagStart, tagEnd int  // the whole element
	empty            bool // written <seg/>
}

// tmxCodeRune is pipeline.CodeRune in UTF-8.
var tmxCodeRune = []byte(string(pipeline.CodeRune))

// seg reads the <seg> element el.
func (r *tmxReader) seg(el tmxToken) (*tmxSeg, error) {
	s := &tmxSeg{tagStart: el.start, tagEnd: el.end, start: el.end, end: el.end, empty: el.empty}
	b := newAnchoredText(r.cur)
	if el.empty {
		s.text, s.loc = b.done(el.start) // an empty text is located at <seg/>
		return s, nil
	}
	end, err := r.inline(b, &s.codes, el)
	if err != nil {
		return nil, err
	}
	s.end, s.tagEnd = end.start, end.end
	s.text, s.loc = b.done(s.end)
	return s, nil
}

// inline reads the content of parent (a <seg> or <hi>) into b and codes,
// up to parent's end tag, which it returns.
//
// Each bpt, ept, it, ph and ut element becomes one code whose Data is the
// element as written, with its native code and any <sub> in it; <hi>
// becomes an open code for its start tag and a close code for its end tag
// around its content (a standalone code when written <hi/>). Comments and
// processing instructions are left out of the text.
func (r *tmxReader) inline(b *anchoredText, codes *[]pipeline.Code, parent tmxToken) (tmxToken, error) {
	for {
		t, err := r.sc.next()
		if err != nil {
			return t, err
		}
		switch t.kind {
		case tmxEnd:
			return t, nil
		case tmxText:
			if err := r.segChars(b, codes, t.start, t.end); err != nil {
				return t, err
			}
		case tmxCDATA:
			a, e := t.inner()
			if err := r.segChars(b, codes, a, e); err != nil {
				return t, err
			}
		case tmxDoctype:
			return t, r.src.errorf(t.start, "DOCTYPE inside <%s>", parent.name)
		case tmxStart:
			if err := r.inlineElement(b, codes, t, parent); err != nil {
				return t, err
			}
		}
	}
}

func (r *tmxReader) inlineElement(b *anchoredText, codes *[]pipeline.Code, t, parent tmxToken) error {
	code := pipeline.Code{Type: t.name}
	switch t.name {
	case "bpt", "ept":
		code.ID = tmxAttrValue(t, "i")
		code.Kind = pipeline.Open
		if t.name == "ept" {
			code.Kind = pipeline.Close
		}
	case "ph", "it", "ut":
		code.ID = tmxAttrValue(t, "x")
	case "hi":
		code.ID = tmxAttrValue(t, "x")
		if t.empty {
			break
		}
		code.Kind = pipeline.Open
		r.addCode(b, codes, code, t.start, t.end)
		end, err := r.inline(b, codes, t)
		if err != nil {
			return err
		}
		code.Kind = pipeline.Close
		r.addCode(b, codes, code, end.start, end.end)
		return nil
	default:
		return r.src.errorf(t.start, "<%s> is not allowed in <%s> (TMX has bpt, ept, it, ph, hi and ut)", t.name, parent.name)
	}
	end := t.end
	if !t.empty {
		// The native code inside is checked for well-formedness and kept
		// as written.
		var err error
		if end, err = r.skipCode(t); err != nil {
			return err
		}
	}
	r.addCode(b, codes, code, t.start, end)
	return nil
}

// skipCode reads past the code element el and returns the offset after
// its end tag.
func (r *tmxReader) skipCode(el tmxToken) (int, error) {
	for {
		t, err := r.sc.next()
		if err != nil {
			return 0, err
		}
		switch t.kind {
		case tmxEnd:
			if t.depth < el.depth {
				return t.end, nil
			}
		case tmxText:
			if err := r.sc.chars(t.start, t.end, false, func(a, b int) {}, func(string, int, int) {}); err != nil {
				return 0, err
			}
		case tmxDoctype:
			return 0, r.src.errorf(t.start, "DOCTYPE inside <%s>", el.name)
		}
	}
}

// addCode appends code, written in the file as data[start:end], to the
// text as one pipeline.CodeRune.
func (r *tmxReader) addCode(b *anchoredText, codes *[]pipeline.Code, code pipeline.Code, start, end int) {
	code.Data = string(r.src.data[start:end])
	at := len(b.text)
	b.decoded(string(pipeline.CodeRune), start, end)
	code.Span = pipeline.Span{Start: at, End: len(b.text)}
	*codes = append(*codes, code)
}

// segChars appends the character data data[start:end] of a <seg> to b,
// entity references decoded. A U+FFFC in the file (which the text keeps
// for inline codes) becomes a standalone code of no type whose Data is
// the character as written.
func (r *tmxReader) segChars(b *anchoredText, codes *[]pipeline.Code, start, end int) error {
	d := r.src.data
	verbatim := func(a, e int) {
		for {
			k := bytes.Index(d[a:e], tmxCodeRune)
			if k < 0 {
				b.verbatim(a, e)
				return
			}
			b.verbatim(a, a+k)
			r.addCode(b, codes, pipeline.Code{}, a+k, a+k+len(tmxCodeRune))
			a += k + len(tmxCodeRune)
		}
	}
	decoded := func(s string, a, e int) {
		if s == string(pipeline.CodeRune) {
			r.addCode(b, codes, pipeline.Code{}, a, e)
			return
		}
		b.decoded(s, a, e)
	}
	return r.sc.chars(start, end, false, verbatim, decoded)
}

// tmxEncode returns the content of a <seg> for a new target text: the
// text escaped for XML, each pipeline.CodeRune replaced by the markup of
// the next code.
func tmxEncode(seg *pipeline.Segment, target string) (string, error) {
	codes, err := codesFor(seg, target)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	k := 0
	for i, r := range target {
		switch {
		case r == pipeline.CodeRune:
			b.WriteString(codes[k].Data)
			k++
		case r == utf8.RuneError && !strings.HasPrefix(target[i:], "\uFFFD"):
			return "", fmt.Errorf("new target is not UTF-8 at byte %d", i)
		case !tmxIsChar(r):
			return "", fmt.Errorf("new target has U+%04X at byte %d, which XML cannot hold", r, i)
		default:
			tmxWriteRune(&b, r, false)
		}
	}
	return b.String(), nil
}

// tmxEscape escapes s for XML text, or for an attribute value in double
// quotes (attr).
func tmxEscape(s string, attr bool) string {
	var b strings.Builder
	for _, r := range s {
		tmxWriteRune(&b, r, attr)
	}
	return b.String()
}

func tmxWriteRune(b *strings.Builder, r rune, attr bool) {
	switch {
	case r == '&':
		b.WriteString("&amp;")
	case r == '<':
		b.WriteString("&lt;")
	case r == '>':
		b.WriteString("&gt;")
	case r == '\r':
		b.WriteString("&#xD;") // a raw CR would be read as a line break
	case attr && r == '"':
		b.WriteString("&quot;")
	case attr && (r == '\n' || r == '\t'):
		fmt.Fprintf(b, "&#x%X;", r)
	default:
		b.WriteRune(r)
	}
}
