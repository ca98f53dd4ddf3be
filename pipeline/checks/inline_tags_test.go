package checks

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/pipeline"
)

// codeNotation matches the tags of the test notation: "<g:1>" opens a
// <g> with id 1, "</g:1>" closes it, "<x:2/>" stands alone; without ":id"
// the code has no id ("<b>", "</b>", "<br/>").
var codeNotation = regexp.MustCompile(`<(/?)([a-z]+)(?::([0-9a-z]+))?(/?)>`)

// withCodes turns the notation into a text with one CodeRune a code, and
// the codes.
func withCodes(s string) (string, []pipeline.Code) {
	var b strings.Builder
	var codes []pipeline.Code
	last := 0
	for _, m := range codeNotation.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		kind := pipeline.Open
		switch {
		case m[3] > m[2]:
			kind = pipeline.Close
		case m[9] > m[8]:
			kind = pipeline.Standalone
		}
		id := ""
		if m[6] >= 0 {
			id = s[m[6]:m[7]]
		}
		start := b.Len()
		b.WriteRune(pipeline.CodeRune)
		codes = append(codes, pipeline.Code{
			Span: pipeline.Span{Start: start, End: b.Len()},
			Kind: kind, Type: s[m[4]:m[5]], ID: id, Data: s[m[0]:m[1]],
		})
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String(), codes
}

func TestInlineTags(t *testing.T) {
	tests := []struct {
		name, source, target string
		want                 []string // side [start,end) severity: message
	}{
		{"same", "Click <g:1>here</g:1> now<x:2/>", "Cliquez <g:1>ici</g:1><x:2/>", nil},
		{"moved", "<g:1>a</g:1> b <g:2>c</g:2>", "<g:2>c</g:2> b <g:1>a</g:1>", nil},
		{"nested moved", "<g:1>a <g:2>b</g:2></g:1>", "<g:1><g:2>b</g:2> a</g:1>", nil},
		{"missing", "Line<x:1/>break and <ph:2/>", "Ligne<x:1/>coupée et",
			[]string{"source [17,20) major: inline code “<ph:2/>” of the source is missing from the target"}},
		{"added", "Plain text", "Texte <x:3/>simple",
			[]string{"target [6,9) major: inline code “<x:3/>” is not in the source"}},
		{"element changed", "<g:1>bold</g:1>", "<bpt:1>gras</ept:1>",
			[]string{
				"target [0,3) minor: inline code “<bpt:1>” is an open <bpt> where the source has an open <g>",
				"target [7,10) minor: inline code “</ept:1>” is a close <ept> where the source has a close <g>",
			}},
		{"kind changed", "a<x:1/>b", "a<g:1>b</g:1>",
			[]string{
				"target [1,4) minor: inline code “<g:1>” is an open <g> where the source has a standalone <x>",
				"target [5,8) major: inline code “</g:1>” is not in the source",
			}},
		{"close before open", "<g:1>a</g:1> b", "</g:1>a<g:1> b",
			[]string{"target [0,3) major: closing code “</g:1>” comes before the code it closes, “<g:1>”"}},
		{"crossing", "<g:1>a <g:2>b</g:2></g:1>", "<g:1>a <g:2>b</g:1></g:2>",
			[]string{"target [9,12) major: closing code “</g:1>” ends “<g:1>” while “<g:2>”, opened inside it, is still open: the pairs cross"}},
		{"crossing in the source too", "<sc:1>a <sc:2>b</sc:1></sc:2>", "<sc:1>x <sc:2>y</sc:1></sc:2>", nil},
		{"without ids", "<b>a</b> and <i>c</i>", "<i>c</i> et <b>a</b>", nil},
		{"without ids, close first", "<b>a</b> b", "</b>a<b> b",
			[]string{"target [0,3) major: closing code “</b>” closes nothing: its opening code comes after it"}},
		{"isolated close in both", "a</g:1> b", "b a</g:1>", nil},
		{"empty target", "a<x:1/>", "", nil},
		{"no source", "", "a<x:1/>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, sc := withCodes(tt.source)
			tgt, tc := withCodes(tt.target)
			doc := &pipeline.Document{Path: "t.xlf", Segments: []pipeline.Segment{{
				ID: "1", Source: src, Target: tgt, SourceCodes: sc, TargetCodes: tc,
			}}}
			fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{InlineTags}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				got = append(got, fmt.Sprintf("%s %v %s: %s", f.Side, f.Span, f.Severity, f.Message))
				for _, fix := range f.Fixes {
					if out := fix.Apply(tgt); strings.Count(out, string(pipeline.CodeRune)) != len(tc)-1 {
						t.Errorf("fix %q leaves %q", fix.Message, out)
					}
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}
