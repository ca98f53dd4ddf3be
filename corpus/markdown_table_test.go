package corpus

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownTableCases are Markdown texts with tables, well-formed or not.
var markdownTableCases = []string{
	"| term | note |\n|------|------|\n| Article 5 | collective defence |\n",
	"term | note\n--- | ---\nArticle 5 | defence\n",
	"Intro line\nsecond line\n| a | b |\n|:--|--:|\n| 1 | 2 |\n",
	"| a | b | c |\n|:-:|---|:--|\n| 1 |\n| 1 | 2 | 3 | 4 |\n",
	"| a | b |\n|---|\n| 1 | 2 |\n",                           // header wider than the delimiter row
	"| a |\n|---|---|\n",                                      // delimiter row wider than the header
	"| a \\| b | `c \\| d` |\n| --- | --- |\n| e\\|f | g |\n", // escaped pipes
	"|a|\n|-|\n",
	"a\n-\n",          // a setext heading, not a table
	"a\n|\n",          // a lone pipe has no columns
	"| a |\n| :: |\n", // no dash
	"| a |\n| -:- |\n",
	"| a |\n    |---|\n", // indented four columns
	"| a |\n\t|---|\n",
	"| a |\r\n|---|\r\n| b |\r\n",
	"> | a | b |\n> |---|---|\n> | 1 | 2 |\n",
	"- | a | b |\n  |---|---|\n  | 1 | 2 |\n",
	"- item\n\n\t| a | b |\n\t|---|---|\n\t| 1 | 2 |\n",
	"| a |\n|---|\n| b |\n|---|\n| c |\n",
	"x\n| a |\n| b |\n|---|\n",
	"| a | b |\n| --- | --- |\n|  |  |\n| | x |\n",
	"||\n|-|\n",
	"| é | 北约 |\n|---|---|\n| défense | 集体防御 |\n",
	"| a |\n|---|\nno pipe here\n",
	"| a |\n| - - |\n",
	"|a|b|\n|-:|:-\n|1|2\n",
}

// tableTree renders the blocks of a Markdown text as parsed with the given
// table transformer: each node's kind and, for cells and paragraphs, its
// lines and position.
func tableTree(src []byte, tables parser.ParagraphTransformer) string {
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
			util.Prioritized(tables, 200))...),
	)
	root := p.Parse(gtext.NewReader(src))
	var b strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "%s pos=%d", n.Kind(), n.Pos())
		switch n := n.(type) {
		case *east.Table:
			fmt.Fprintf(&b, " %v", n.Alignments)
		case *east.TableCell:
			fmt.Fprintf(&b, " %v", n.Alignment)
		}
		if n.Type() == ast.TypeBlock {
			for i := range n.Lines().Len() {
				l := n.Lines().At(i)
				fmt.Fprintf(&b, " [%d,%d)+%d", l.Start, l.Stop, l.Padding)
			}
		}
		b.WriteByte('\n')
		return ast.WalkContinue, nil
	})
	return b.String()
}

// TestMarkdownTablesAsExtension checks that markdownTables builds the
// same blocks as goldmark's table extension.
func TestMarkdownTablesAsExtension(t *testing.T) {
	for _, md := range markdownTableCases {
		got := tableTree([]byte(md), markdownTables{})
		want := tableTree([]byte(md), extension.NewTableParagraphTransformer())
		if got != want {
			t.Errorf("%q:\ngot\n%s\nthe extension gives\n%s", md, got, want)
		}
	}
}

// TestMarkdownTablesFind checks that the cases hold tables at all.
func TestMarkdownTablesFind(t *testing.T) {
	tables := 0
	for _, md := range markdownTableCases {
		tables += strings.Count(tableTree([]byte(md), markdownTables{}), "Table pos")
	}
	if tables < len(markdownTableCases)/2 {
		t.Errorf("%d tables in %d cases", tables, len(markdownTableCases))
	}
}

func FuzzMarkdownTables(f *testing.F) {
	for _, md := range markdownTableCases {
		f.Add(md)
	}
	f.Fuzz(func(t *testing.T, md string) {
		got := tableTree([]byte(md), markdownTables{})
		if want := tableTree([]byte(md), extension.NewTableParagraphTransformer()); got != want {
			t.Errorf("%q:\ngot\n%s\nthe extension gives\n%s", md, got, want)
		}
	})
}
