package corpus

import (
	"slices"
	"testing"
)

func TestMarkdownInlineSpans(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"``code with ` inside`` and `x`", []string{"``code with ` inside``", "`x`"}},
		{"``unmatched` run", nil},
		{"[text](url) ![alt](<a b.png> 'title (x)')", []string{"[", "](url)", "![", "](<a b.png> 'title (x)')"}},
		{"[a [nested] link](x(y)z) after", []string{"[", "](x(y)z)"}},
		{"[ref][id] [collapsed][] [shortcut]", []string{"[", "][id]", "[", "][]"}},
		{"[no tail] and ](orphan)", nil},
		{"<https://nato.int> <a@b.org> </em> <img src=\"x\"> <!-- c -->", []string{"<https://nato.int>", "<a@b.org>", "</em>", "<img src=\"x\">", "<!-- c -->"}},
		{"a < b > c, 1 <2> 3, <a b<c>", []string{"<c>"}},
		{"&amp; &#8212; &#x2014; &nbsp; & x; &#; &a;", []string{"&amp;", "&#8212;", "&#x2014;", "&nbsp;"}},
		{`\* \a \\`, []string{`\`, `\`}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range mergeSpans(markdownInlineSpans(tt.text)) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("markdownInlineSpans(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
