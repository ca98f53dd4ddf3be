package corpus

import "testing"

func TestReadMarkdown(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []seg
	}{
		{"empty", "", nil},
		{"atx headings", "# US is酝酿 Leaving NATO\n\n## Core Anti-NATO Arguments ##\n", []seg{
			{H, "US is酝酿 Leaving NATO", at(1, 3, 2), nil},
			{H, "Core Anti-NATO Arguments", at(3, 4, 31), nil},
		}},
		{"setext heading", "From Verbal Attacks\n===================\n\nBody.\n", []seg{
			{H, "From Verbal Attacks", at(1, 1, 0), nil},
			{P, "Body.", at(4, 1, 41), nil},
		}},
		{"wrapped paragraph", "NATO was built in 1949\non a simple premise.\n\nNext one.\n", []seg{
			{P, "NATO was built in 1949\non a simple premise.", at(1, 1, 0), nil},
			{P, "Next one.", at(4, 1, 45), nil},
		}},
		{"list items", "- NATO has lost its original function\n- nested:\n  1. first\n  2. second\n", []seg{
			{L, "NATO has lost its original function", at(1, 3, 2), nil},
			{L, "nested:", at(2, 3, 40), nil},
			{L, "first", at(3, 6, 53), nil},
			{L, "second", at(4, 6, 64), nil},
		}},
		{"loose list item with two paragraphs", "* one\n\n  more of one\n", []seg{
			{L, "one", at(1, 3, 2), nil},
			{L, "more of one", at(3, 3, 9), nil},
		}},
		{"block quote", "> Article 5 is the core\n> of the alliance.\n", []seg{
			{P, "Article 5 is the core\nof the alliance.", at(1, 3, 2), nil},
		}},
		{"lazy continuation", "> quoted\nlazy line\n", []seg{
			{P, "quoted\nlazy line", at(1, 3, 2), nil},
		}},
		{"table", "| term | note |\n|------|------|\n| Article 5 | collective defence |\n", []seg{
			{C, "term", at(1, 3, 2), nil},
			{C, "note", at(1, 10, 9), nil},
			{C, "Article 5", at(3, 3, 34), nil},
			{C, "collective defence", at(3, 15, 46), nil},
		}},
		{"code blocks give nothing", "```go\nfmt.Println(\"NATO\")\n```\n\n    indented code\n\nText.\n", []seg{
			{P, "Text.", at(7, 1, 50), nil},
		}},
		{"html comment and block", "<!-- a comment -->\n\n<div>\nhidden\n</div>\n\nShown.\n", []seg{
			{P, "Shown.", at(7, 1, 41), nil},
		}},
		{"front matter", "---\ntitle: NATO\n---\n# Title\n", []seg{
			{H, "Title", at(4, 3, 22), nil},
		}},
		{"thematic break is not front matter", "---\nText.\n", []seg{
			{P, "Text.", at(2, 1, 4), nil},
		}},
		{"link reference definition", "[nato]: https://nato.int\n\nSee [NATO][nato].\n", []seg{
			{P, "See [NATO][nato].", at(3, 1, 26), []string{"[", "][nato]"}},
		}},
		{"inline skips", "Run `go test` on [the site](https://nato.int \"NATO\") or <https://x.org>, <br/> &amp; \\* ![logo](l.png) see www.nato.int.\n", []seg{
			{P, "Run `go test` on [the site](https://nato.int \"NATO\") or <https://x.org>, <br/> &amp; \\* ![logo](l.png) see www.nato.int.", at(1, 1, 0),
				[]string{"`go test`", "[", "](https://nato.int \"NATO\")", "<https://x.org>", "<br/>", "&amp;", "\\", "![", "](l.png)", "www.nato.int"}},
		}},
		{"inline html comment", "Before <!-- note --> after.\n", []seg{
			{P, "Before <!-- note --> after.", at(1, 1, 0), []string{"<!-- note -->"}},
		}},
		{"unclosed code span is prose", "a ` tick and [bracket\n", []seg{
			{P, "a ` tick and [bracket", at(1, 1, 0), nil},
		}},
		{"crlf", "# Title\r\n\r\nline one\r\nline two\r\n", []seg{
			{H, "Title", at(1, 3, 2), nil},
			{P, "line one\nline two", at(3, 1, 11), nil},
		}},
		{"bom", "\uFEFF# Title\n", []seg{
			{H, "Title", at(1, 3, 5), nil},
		}},
		{"hard line break spaces trimmed", "first  \nsecond\n", []seg{
			{P, "first\nsecond", at(1, 1, 0), nil},
		}},
		{"tab indented list content", "-\tone\n\n\ttwo\n", []seg{
			{L, "one", at(1, 3, 2), nil},
			{L, "two", at(3, 2, 8), nil},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			readAndCheck(t, "t.md", "markdown", tt.data, tt.want)
		})
	}
}
