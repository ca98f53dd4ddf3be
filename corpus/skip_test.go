package corpus

import (
	"slices"
	"testing"
)

func TestLinkSpans(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"Original: toutiao.com/article/7600286426932199955/", []string{"toutiao.com/article/7600286426932199955/"}},
		{"See https://www.nato.int/cps/en/natohq/topics_110496.htm.", []string{"https://www.nato.int/cps/en/natohq/topics_110496.htm"}},
		{"(http://example.org/a_(b)) and (https://x.org/y).", []string{"http://example.org/a_(b)", "https://x.org/y"}},
		{"Visit www.nato.int, or WWW.NATO.INT!", []string{"www.nato.int", "WWW.NATO.INT"}},
		{"Mail press@hq.nato.int; or mailto:a.b+c@x-y.org.", []string{"press@hq.nato.int", "mailto:a.b+c@x-y.org"}},
		{"详见https://nato.int。访问www.nato.int了解", []string{"https://nato.int", "www.nato.int"}},
		{"ftp://files.example.com/x and svn+ssh://host/repo", []string{"ftp://files.example.com/x", "svn+ssh://host/repo"}},
		{"\"https://nato.int\" and 'www.nato.int'", []string{"https://nato.int", "www.nato.int"}},
		// not links
		{"the U.S./EU split, Mr.Trump/Biden, and/or e.g./i.e.", nil},
		{"nato.int alone, 3.5/4, v1.2/x", nil},
		{"a @ b, @handle, x@y, name@host", nil},
		{"http:// and ://x and www. and www.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range linkSpans(tt.text) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("linkSpans(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

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
