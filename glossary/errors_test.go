package glossary

import (
	"errors"
	"strings"
	"testing"
)

// tbxDoc wraps termEntry elements in a TBX v2 document whose first entry
// starts on line 3.
func tbxDoc(entries string) string {
	return "<?xml version=\"1.0\"?>\n<martif type=\"TBX\"><text><body>\n" + entries + "\n</body></text></martif>\n"
}

func TestParseTBXErrors(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"unknown status", tbxDoc(`<termEntry><langSet xml:lang="en"><tig><term>NATO</term>` + "\n" +
			`  <termNote type="administrativeStatus">preferedTerm</termNote></tig></langSet></termEntry>`),
			`line 4, column 3: unknown term status "preferedTerm" (want preferred, admitted, deprecated or superseded)`},
		{"unknown term type, column in characters", tbxDoc(`<termEntry><langSet xml:lang="zh"><tig><term>北约</term><termNote type="termType">acronymm</termNote></tig></langSet></termEntry>`),
			`line 3, column 55: unknown term type "acronymm"`},
		{"bad case sensitivity", tbxDoc(`<termEntry><langSet xml:lang="en"><tig><term>NATO</term>` + "\n" +
			`<termNote type="x-caseSensitive">maybe</termNote></tig></langSet></termEntry>`),
			`line 4, column 1: case sensitivity "maybe": want yes or no`},
		{"no xml:lang", tbxDoc(`<termEntry>` + "\n" + `  <langSet><tig><term>NATO</term></tig></langSet></termEntry>`),
			`line 4, column 3: <langSet> without xml:lang`},
		{"bad language", tbxDoc(`<termEntry><langSet xml:lang="english"><tig><term>NATO</term></tig></langSet></termEntry>`),
			`line 3, column 12: xml:lang "english": language: tag is not well-formed`},
		{"tig without term", tbxDoc(`<termEntry><langSet xml:lang="en"><tig><note>x</note></tig></langSet></termEntry>`),
			`line 3, column 35: <tig> without <term>`},
		{"empty term", tbxDoc(`<termEntry><langSet xml:lang="en"><tig>` + "\n" + `<term>  </term></tig></langSet></termEntry>`),
			`line 4, column 1: empty term`},
		{"blank term", tbxDoc(`<termEntry><langSet xml:lang="en"><tig><term>&#xA0;-</term></tig></langSet></termEntry>`),
			`line 3, column 40: empty term`},
		{"two terms", tbxDoc(`<termEntry><langSet xml:lang="en"><termSec><term>a</term><term>b</term></termSec></langSet></termEntry>`),
			`line 3, column 58: second <term> in one term entry`},
		{"not TBX", "<?xml version=\"1.0\"?>\n<html><body/></html>",
			`line 2, column 1: root element <html> is not TBX (want <martif> or <tbx>)`},
		{"empty file", "", `line 1, column 1: no root element`},
		{"mismatched tag", tbxDoc(`<termEntry><langSet xml:lang="en"><tig><term>NATO</tig></langSet></termEntry>`),
			`line 3, column 56: element <term> closed by </tig>`},
		{"undefined entity", tbxDoc(`<termEntry><langSet xml:lang="en"><tig><term>NATO&nbsp;summit</term></tig></langSet></termEntry>`),
			`line 3, column 56: invalid character entity &nbsp;`},
		{"entity declared in a DTD is not expanded",
			"<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>&b;</term></tig></langSet></termEntry></body></text></martif>",
			`line 3, column 69: invalid character entity &b;`},
		{"too deep", tbxDoc(strings.Repeat("<x>", 70) + strings.Repeat("</x>", 70)),
			`line 3, column 184: elements nested deeper than 64`},
		{"legacy encoding", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<martif/>",
			`line 1, column 44: encoding "ISO-8859-1": TBX must be UTF-8 or UTF-16`},
		{"truncated", "<martif><text><body><termEntry>", `line 1, column 32: unexpected EOF`},
		{"element after root", "<martif/>\n<martif/>", `line 2, column 1: element after the root element`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTBX("bad.tbx", strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "bad.tbx" {
				t.Errorf("error %v is not a *ParseError naming bad.tbx", err)
			}
			if got := strings.TrimPrefix(err.Error(), "glossary: parse bad.tbx: "); got != tt.want {
				t.Errorf("error\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

func TestParseCSVErrors(t *testing.T) {
	tests := []struct {
		name, file, input, want string
	}{
		{"empty", "a.csv", "", `line 1: no header row`},
		{"unknown column", "a.csv", "term,lang,stauts\n", `line 1, column 11: unknown column "stauts" (want term and lang, or one column a language such as en or zh-Hans)`},
		{"term without lang", "a.csv", "concept,term\n", `line 1, column 1: a term column needs a lang column`},
		{"term and language columns", "a.csv", "term,lang,fr\n", `line 1, column 11: language columns cannot be mixed with a term column`},
		{"no term column", "a.csv", "id,note\n", `line 1, column 1: no term column and no language column`},
		{"column twice", "a.csv", "id,en,concept\n", `line 1, column 7: column "concept" given twice`},
		{"term column in the concept layout", "a.csv", "en,fr,status\n", `line 1, column 7: column "status" needs the term and lang columns (one term a row)`},
		{"bad status column", "a.csv", "en,en:wrong\n", `line 1, column 4: column "en:wrong": want language:status, such as en:deprecated`},
		{"empty term", "a.csv", "lang,term\nen,NATO\nen,\n", `line 3, column 4: empty term`},
		{"blank term", "a.csv", "id,en,fr\nnato,NATO,OTAN\nx,\u00a0\u00ad,\n", `line 3, column 3: empty term`},
		{"bad language", "a.csv", "term,lang\nNATO,english\n", `line 2, column 6: language "english": language: tag is not well-formed`},
		{"bad status, column in characters", "a.csv", "term,lang,status\n北约,zh,preferred-ish\n", `line 2, column 7: unknown term status "preferred-ish" (want preferred, admitted, deprecated or superseded)`},
		{"bad type", "a.csv", "term,lang,type\nNATO,en,acronim\n", `line 2, column 9: unknown term type "acronim"`},
		{"bad case sensitivity", "a.csv", "term,lang,case_sensitive\nNATO,en,maybe\n", `line 2, column 9: case sensitivity "maybe": want yes or no`},
		{"bare quote", "a.csv", "term,lang\nNA\"TO,en\n", `line 2, column 3: bare " in non-quoted-field`},
		{"control character", "a.csv", "term,lang\nNA\x01TO,en\n", `line 2, column 1: control character U+0001`},
		{"invalid UTF-8", "a.csv", "term,lang\nNA\xffTO,en\n", `line 2, column 1: invalid UTF-8`},
		{"conflicting definition", "a.csv", "id,term,lang,definition\nnac,North Atlantic Council,en,NATO's council\nnac,NAC,en,Something else\n",
			`line 3, column 12: concept "nac": definition "Something else" differs from "NATO's council" given on line 2`},
		{"tsv", "a.tsv", "term\tlang\nNATO\txx-english-long\n", `line 2, column 6: language "xx-english-long": language: subtag "xx" is well-formed but unknown`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCSV(tt.file, strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != tt.file {
				t.Errorf("error %v is not a *ParseError naming %s", err, tt.file)
			}
			if got := strings.TrimPrefix(err.Error(), "glossary: parse "+tt.file+": "); got != tt.want {
				t.Errorf("error\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}
