package links

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"See https://www.nato.int/cps/en/natohq/index.htm.", []string{"https://www.nato.int/cps/en/natohq/index.htm"}},
		{"(see www.nato.int/news), then", []string{"www.nato.int/news"}},
		{"原文：toutiao.com/article/76/。", []string{"toutiao.com/article/76/"}},
		{"Write to press@hq.nato.int or mailto:info@nato.int.", []string{"press@hq.nato.int", "mailto:info@nato.int"}},
		{"https://en.wikipedia.org/wiki/NATO_(disambiguation)", []string{"https://en.wikipedia.org/wiki/NATO_(disambiguation)"}},
		{"U.S./EU relations and Mr.Trump/Biden, nato.int alone", nil},
		{"3.5 percent, e.g. this", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range Find(tt.text) {
			got = append(got, tt.text[sp.Start:sp.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// FuzzFindLinks checks that Find's quick test for link marks skips no
// link the full scan finds, and that links lie in the text on rune boundaries, in
// order without overlapping, hold no white space and do not end with
// punctuation that prose puts after them.
func FuzzFindLinks(f *testing.F) {
	for _, s := range []string{
		"See https://www.nato.int/a_(b)). Then",
		"mail@x.org, www.y.com/z?q=1&r=2#f",
		"原文：toutiao.com/a/。北约 http://例子.测试",
		"a@b.c @@ x@y.zz.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // readers decode their input to valid UTF-8
		}
		found := Find(text)
		if full := scan(text); !slices.Equal(found, full) {
			t.Fatalf("%q: Find gives %v, the full scan %v", text, found, full)
		}
		last := 0
		for _, sp := range found {
			if !sp.Valid(text) || sp.Len() == 0 || sp.Start < last {
				t.Fatalf("%q: bad span %v after %d", text, sp, last)
			}
			last = sp.End
			link := text[sp.Start:sp.End]
			if strings.ContainsAny(link, " \t\n<>\"{}|") {
				t.Fatalf("%q: link %q holds a character links do not", text, link)
			}
			if strings.IndexByte(".,;:!?'\"*_", link[len(link)-1]) >= 0 {
				t.Fatalf("%q: link %q ends with punctuation", text, link)
			}
		}
	})
}

func TestFindCases(t *testing.T) {
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
		for _, s := range Find(tt.text) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
