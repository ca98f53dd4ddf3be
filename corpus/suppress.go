package corpus

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/tqa-project/tqa/pipeline"
)

// The suppression comments of Markdown, PO and XLIFF (see the package
// documentation). The readers do not know the checks: a name that is no
// check's suppresses nothing, and tqa check warns about it.

// htmlDirective reads an HTML comment, "<!-- tqa-disable a,b -->": ok is
// false for any other text. disable tells tqa-disable from tqa-enable;
// names is nil for all checks.
func htmlDirective(block string) (disable bool, names []string, ok bool) {
	s := strings.TrimSpace(block)
	inner, found := strings.CutPrefix(s, "<!--")
	if !found {
		return false, nil, false
	}
	if inner, found = strings.CutSuffix(inner, "-->"); !found || strings.Contains(inner, "-->") {
		return false, nil, false
	}
	verb, rest, _ := strings.Cut(strings.TrimSpace(inner), " ")
	switch verb {
	case "tqa-disable":
		disable = true
	case "tqa-enable":
	default:
		return false, nil, false
	}
	return disable, directiveNames(rest), true
}

// ignoreDirectives returns the checks that "tqa-ignore: CHECK,..." lines
// among comments name, pipeline.SuppressAll for a tqa-ignore with no
// names, or nil when no line is one.
func ignoreDirectives(comments []string) []string {
	var out []string
	for _, c := range comments {
		for line := range strings.Lines(c) {
			rest, ok := strings.CutPrefix(strings.TrimSpace(line), "tqa-ignore")
			if !ok || (rest != "" && rest[0] != ':' && rest[0] != ' ') {
				continue
			}
			names := directiveNames(strings.TrimPrefix(rest, ":"))
			if names == nil {
				names = []string{pipeline.SuppressAll}
			}
			out = append(out, names...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// directiveNames splits a list of check names at commas and spaces; nil
// when there is none.
func directiveNames(s string) []string {
	names := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(names) == 0 {
		return nil
	}
	return names
}

// suppression is the state of the tqa-disable comments read so far in a
// Markdown file.
type suppression struct {
	all   bool     // a tqa-disable with no names is in force
	names []string // checks disabled by name
}

// apply updates the state with one HTML block of the file; a block that
// is no directive changes nothing.
func (s *suppression) apply(block string) {
	disable, names, ok := htmlDirective(block)
	switch {
	case !ok:
	case disable && names == nil:
		s.all = true
	case disable:
		for _, n := range names {
			if !slices.Contains(s.names, n) {
				s.names = append(s.names, n)
			}
		}
	case names == nil:
		*s = suppression{}
	default:
		s.names = slices.DeleteFunc(s.names, func(n string) bool { return slices.Contains(names, n) })
	}
}

// list returns what a segment read now suppresses, in a new slice.
func (s *suppression) list() []string {
	if s.all {
		return []string{pipeline.SuppressAll}
	}
	if len(s.names) == 0 {
		return nil
	}
	out := slices.Clone(s.names)
	slices.Sort(out)
	return out
}

// htmlBlockText returns the source of a Markdown HTML block: its lines
// and its closing line.
func htmlBlockText(source []byte, n *ast.HTMLBlock) string {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		line := lines.At(i)
		b.Write(line.Value(source))
	}
	if n.HasClosure() {
		closure := n.ClosureLine
		b.Write(closure.Value(source))
	}
	return b.String()
}
