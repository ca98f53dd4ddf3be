package checks

import (
	"sort"
	"strings"

	"github.com/tqa-project/tqa/internal/links"
	"github.com/tqa-project/tqa/pipeline"
)

// phSyntax is one placeholder syntax of the formats that software
// messages use.
type phSyntax uint8

const (
	phPrintf phSyntax = iota // C, Python %, Objective-C: %s %1$d %.2f %(name)s %@
	phBrace                  // Python str.format, .NET, SLF4J, ICU MessageFormat: {} {0} {name} {name!r:>10} {n, number} {n, plural, ...}
	phDouble                 // Mustache, Handlebars, Jinja, Angular, i18next: {{name}} {{ user.name }} {{{raw}}}
	phDollar                 // JavaScript template literals, shell, Java EL: ${name}
	phColon                  // Laravel, Rails-style named parameters: :name
	numPHSyntaxes
)

var phSyntaxNames = [numPHSyntaxes]string{"printf", "brace", "double-brace", "dollar-brace", "colon"}

func (s phSyntax) String() string { return phSyntaxNames[s] }

// placeholder is one placeholder found in a text.
type placeholder struct {
	span   pipeline.Span
	syntax phSyntax
	// key is what placeholders are compared by: the text with the white
	// space that the syntax ignores taken out (for an ICU plural or select,
	// its head: "{count,plural}").
	key string
	// name is the argument name inside span, where the syntax has one;
	// head is, for an ICU plural or select, the text up to its type
	// ("{count, plural"), which findings about its branches point at.
	name, head pipeline.Span
	// depth counts the ICU plural or select branches around it.
	depth int
	// positional is set on printf placeholders that name their argument
	// (%1$s, %(name)s), which may be reordered freely.
	positional bool
	// choice is set on ICU plural, selectordinal and select heads.
	choice *icuChoice
}

// icuChoice is the body of an ICU plural, selectordinal or select
// argument.
type icuChoice struct {
	kind      string // "plural", "selectordinal" or "select"
	selectors []icuSelector
}

// icuSelector is one branch key of an ICU choice: a plural category
// ("one"), an explicit value ("=0") or a select keyword ("male").
type icuSelector struct {
	key  string
	span pipeline.Span
}

func (c *icuChoice) has(key string) bool {
	for _, s := range c.selectors {
		if s.key == key {
			return true
		}
	}
	return false
}

// placeholderScan is what scanPlaceholders finds in one text.
type placeholderScan struct {
	list    []placeholder   // in text order; ICU heads before what their branches hold
	escapes []pipeline.Span // %% (a literal percent sign in a printf format)
	lone    []pipeline.Span // a % that neither starts a placeholder nor an escape
}

// scanPlaceholders finds the placeholders of every syntax in text. It
// knows nothing of the text's format: the placeholders check compares only
// the syntaxes that the source uses, so that prose with "%" or "{" in a
// target is not taken for markup.
//
// The syntaxes:
//
//   - printf: "%" [argument "n$" or "(name)"] [flags -+#0'] [width n or *]
//     ["." precision] [length hh h ll l L q j z t I I32 I64] and a
//     conversion d i o u x X e E f F g G a A c s p n @. "%%" is an escape.
//     A space is not taken as a flag ("50% of" holds no placeholder), nor
//     is a "%" right after a digit with a letter after the conversion
//     ("50%off"); a "%" inside a URL is percent-encoding.
//   - brace: "{}", "{0}", "{name}", with Python's attribute, index,
//     conversion and format spec ("{user.name!r:>10}", "{0:N2}"), and ICU
//     MessageFormat arguments: "{n, number}", "{d, date, short}" and the
//     plural, selectordinal and select forms, whose branches are scanned
//     for placeholders in turn. Names are ASCII identifiers or digits.
//     ICU's apostrophe quoting is not interpreted: both sides of a
//     segment are read the same way.
//   - double-brace: "{{name}}", "{{ user.name }}", "{{#each items}}",
//     "{{{raw}}}", on one line; a "{{" that does not close is a Python
//     escape for a literal brace.
//   - dollar-brace: "${name}", "${user.name}".
//   - colon: ":name", at the start or after a space or an opening bracket
//     or quote, with at least two identifier characters and no ":" or "("
//     after them (":smile:" and ":P" are not placeholders).
func scanPlaceholders(text string) placeholderScan {
	var sc placeholderScan
	if withoutBytes(text, '%', '$', '{', ':') {
		return sc // no syntax starts here: most text
	}
	links := links.Find(text)
	sc.scan(text, 0, len(text), 0, links)
	return sc
}

func (sc *placeholderScan) scan(text string, from, to, depth int, links []pipeline.Span) {
	for i := from; i < to; {
		switch text[i] {
		case '%':
			if i+1 < to && text[i+1] == '%' {
				sc.escapes = append(sc.escapes, pipeline.Span{Start: i, End: i + 2})
				i += 2
				continue
			}
			if ph, ok := printfAt(text, i, to); ok && !btInSpans(links, i) {
				ph.depth = depth
				sc.list = append(sc.list, ph)
				i = ph.span.End
				continue
			}
			if !btInSpans(links, i) {
				sc.lone = append(sc.lone, pipeline.Span{Start: i, End: i + 1})
			}
		case '$':
			if ph, ok := dollarAt(text, i, to); ok {
				ph.depth = depth
				sc.list = append(sc.list, ph)
				i = ph.span.End
				continue
			}
		case '{':
			if i+1 < to && text[i+1] == '{' {
				if ph, ok := doubleAt(text, i, to); ok {
					ph.depth = depth
					sc.list = append(sc.list, ph)
					i = ph.span.End
					continue
				}
				i += 2 // a Python escape, "{{" for a literal brace
				continue
			}
			if end, ok := sc.braceAt(text, i, to, depth, links); ok {
				i = end
				continue
			}
		case ':':
			if ph, ok := colonAt(text, i, to); ok {
				ph.depth = depth
				sc.list = append(sc.list, ph)
				i = ph.span.End
				continue
			}
		}
		i++
	}
}

// btInSpans reports whether byte i lies in one of spans, which are sorted
// and do not overlap.
func btInSpans(spans []pipeline.Span, i int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].End > i })
	return k < len(spans) && spans[k].Start <= i
}

func btDigit(c byte) bool      { return c >= '0' && c <= '9' }
func btAlpha(c byte) bool      { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func btIdentStart(c byte) bool { return btAlpha(c) || c == '_' }
func btIdentByte(c byte) bool  { return btIdentStart(c) || btDigit(c) }
func btSpaceByte(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
func btSkipSpaces(text string, i, to int) int {
	for i < to && btSpaceByte(text[i]) {
		i++
	}
	return i
}

func btIdentEnd(text string, i, to int) int {
	for i < to && btIdentByte(text[i]) {
		i++
	}
	return i
}

// printfLengths are the length modifiers of C, Microsoft and BSD printf,
// longest first.
var printfLengths = []string{"I64", "I32", "hh", "ll", "h", "l", "L", "q", "j", "z", "t", "I"}

// printfAt reads a printf placeholder at text[i] == '%'.
func printfAt(text string, i, to int) (placeholder, bool) {
	j := i + 1
	ph := placeholder{syntax: phPrintf}
	if j < to && text[j] == '(' {
		k := btIdentEnd(text, j+1, to)
		if k == j+1 || k >= to || text[k] != ')' {
			return ph, false
		}
		ph.name = pipeline.Span{Start: j + 1, End: k}
		ph.positional = true
		j = k + 1
	} else {
		k := j
		for k < to && btDigit(text[k]) {
			k++
		}
		if k > j && k < to && text[k] == '$' {
			ph.name = pipeline.Span{Start: j, End: k}
			ph.positional = true
			j = k + 1
		}
	}
	for j < to && strings.IndexByte("-+#0'", text[j]) >= 0 {
		j++
	}
	if j < to && text[j] == '*' {
		j++
	} else {
		for j < to && btDigit(text[j]) {
			j++
		}
	}
	if j < to && text[j] == '.' {
		j++
		if j < to && text[j] == '*' {
			j++
		} else {
			for j < to && btDigit(text[j]) {
				j++
			}
		}
	}
	for _, l := range printfLengths {
		if strings.HasPrefix(text[j:to], l) {
			j += len(l)
			break
		}
	}
	if j >= to || strings.IndexByte("diouxXeEfFgGaAcspn@", text[j]) < 0 {
		return ph, false
	}
	conv := text[j]
	j++
	if i > 0 && btDigit(text[i-1]) && j < to && btAlpha(text[j]) {
		return ph, false // "50%off": a percent sign glued to a word
	}
	ph.span = pipeline.Span{Start: i, End: j}
	if conv == 'i' {
		conv = 'd' // the same conversion
	}
	ph.key = text[i:j-1] + string(conv)
	return ph, true
}

// dollarAt reads "${...}" at text[i] == '$'.
func dollarAt(text string, i, to int) (placeholder, bool) {
	if i+1 >= to || text[i+1] != '{' {
		return placeholder{}, false
	}
	end, ok := closeOnLine(text, i+2, to, "}", 100)
	if !ok {
		return placeholder{}, false
	}
	inner := strings.TrimSpace(text[i+2 : end])
	if inner == "" || strings.ContainsAny(inner, "{}") {
		return placeholder{}, false
	}
	return placeholder{
		span:   pipeline.Span{Start: i, End: end + 1},
		syntax: phDollar,
		key:    "${" + btCollapseSpaces(inner) + "}",
		name:   phInnerSpan(text, i+2, end),
	}, true
}

// doubleAt reads "{{...}}" or "{{{...}}}" at text[i:i+2] == "{{".
func doubleAt(text string, i, to int) (placeholder, bool) {
	open, closer := 2, "}}"
	if i+2 < to && text[i+2] == '{' {
		open, closer = 3, "}}}"
	}
	end, ok := closeOnLine(text, i+open, to, closer, 200)
	if !ok {
		return placeholder{}, false
	}
	inner := strings.TrimSpace(text[i+open : end])
	if inner == "" || strings.ContainsAny(inner, "{}") {
		return placeholder{}, false
	}
	return placeholder{
		span:   pipeline.Span{Start: i, End: end + len(closer)},
		syntax: phDouble,
		key:    text[i:i+open] + btCollapseSpaces(inner) + closer,
		name:   phInnerSpan(text, i+open, end),
	}, true
}

// closeOnLine returns the index of the first closer at or after i, if it
// comes within limit bytes and before a line break.
func closeOnLine(text string, i, to int, closer string, limit int) (int, bool) {
	for j := i; j < to && j-i <= limit; j++ {
		switch text[j] {
		case '\n', '\r':
			return 0, false
		case closer[0]:
			if strings.HasPrefix(text[j:to], closer) {
				return j, true
			}
		}
	}
	return 0, false
}

// btCollapseSpaces removes the white space around and inside s that
// template syntaxes ignore: "user . name" stays, runs become one space.
func btCollapseSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

// phInnerSpan returns [i, j) without the spaces at either end.
func phInnerSpan(text string, i, j int) pipeline.Span {
	for i < j && btSpaceByte(text[i]) {
		i++
	}
	for j > i && btSpaceByte(text[j-1]) {
		j--
	}
	return pipeline.Span{Start: i, End: j}
}

// colonAt reads ":name" at text[i] == ':'.
func colonAt(text string, i, to int) (placeholder, bool) {
	if i > 0 && !btSpaceByte(text[i-1]) && strings.IndexByte("(['\"", text[i-1]) < 0 {
		r := btRuneBefore(text, i)
		if r != '“' && r != '‘' && r != '«' && r != '（' {
			return placeholder{}, false
		}
	}
	if i+1 >= to || !btAlpha(text[i+1]) {
		return placeholder{}, false
	}
	end := btIdentEnd(text, i+1, to)
	if end-(i+1) < 2 {
		return placeholder{}, false
	}
	if end < to && (text[end] == ':' || text[end] == '(' || text[end] == '/' || text[end] >= 0x80 && !btPunctAt(text, end)) {
		return placeholder{}, false
	}
	return placeholder{
		span:   pipeline.Span{Start: i, End: end},
		syntax: phColon,
		key:    text[i:end],
		name:   pipeline.Span{Start: i + 1, End: end},
	}, true
}

// btPunctAt reports whether the rune at text[i] is punctuation or space,
// which may follow a colon placeholder ("：name，" in CJK text).
func btPunctAt(text string, i int) bool {
	r := btRuneAt(text, i)
	return r >= 0 && (btHSpace(r) || strings.ContainsRune("，。、；：！？）」』”’", r))
}

// icuSimpleTypes are the ICU MessageFormat argument types without
// branches (ICU4J MessageFormat; "choice" is the legacy ChoiceFormat).
var icuSimpleTypes = map[string]bool{
	"number": true, "date": true, "time": true, "spellout": true,
	"ordinal": true, "duration": true, "choice": true,
}

// braceAt reads a brace placeholder at text[i] == '{' (not "{{"): a simple
// one is appended; an ICU plural or select is appended with what its
// branches hold. It returns where scanning resumes.
func (sc *placeholderScan) braceAt(text string, i, to, depth int, links []pipeline.Span) (int, bool) {
	j := i + 1
	k := btSkipSpaces(text, j, to)
	lead := k > j
	if k >= to {
		return 0, false
	}
	if text[k] == '}' {
		if lead {
			return 0, false
		}
		sc.list = append(sc.list, placeholder{span: pipeline.Span{Start: i, End: k + 1}, syntax: phBrace, key: "{}", depth: depth})
		return k + 1, true
	}
	nameStart := k
	switch {
	case btDigit(text[k]):
		for k < to && btDigit(text[k]) {
			k++
		}
	case btIdentStart(text[k]):
		k = btIdentEnd(text, k, to)
	default:
		return 0, false
	}
	nameEnd := k
	name := pipeline.Span{Start: nameStart, End: nameEnd}
	// Python: attributes and indexes, a conversion, a format spec.
	python := false
	for k < to {
		if text[k] == '.' && k+1 < to && btIdentStart(text[k+1]) {
			k = btIdentEnd(text, k+1, to)
			python = true
			continue
		}
		if text[k] == '[' {
			e := strings.IndexAny(text[k:to], "]{}\n")
			if e <= 1 || text[k+e] != ']' {
				return 0, false
			}
			k += e + 1
			python = true
			continue
		}
		break
	}
	if k+1 < to && text[k] == '!' && strings.IndexByte("rsa", text[k+1]) >= 0 {
		k += 2
		python = true
	}
	if k < to && text[k] == ':' && !lead {
		e, ok := closeOnLine(text, k+1, to, "}", 60)
		if !ok || strings.IndexByte(text[k+1:e], '{') >= 0 {
			return 0, false
		}
		sc.list = append(sc.list, placeholder{span: pipeline.Span{Start: i, End: e + 1}, syntax: phBrace, key: text[i : e+1], name: name, depth: depth})
		return e + 1, true
	}
	if k < to && text[k] == '}' && !lead {
		sc.list = append(sc.list, placeholder{span: pipeline.Span{Start: i, End: k + 1}, syntax: phBrace, key: text[i : k+1], name: name, depth: depth})
		return k + 1, true
	}
	if python {
		return 0, false
	}
	// ICU MessageFormat: {name, type[, style]} or {name, plural|select, ...}.
	k = btSkipSpaces(text, k, to)
	if k >= to || text[k] != ',' {
		return 0, false
	}
	k = btSkipSpaces(text, k+1, to)
	typeStart := k
	k = btIdentEnd(text, k, to)
	typ := text[typeStart:k]
	switch typ {
	case "plural", "selectordinal", "select":
		return sc.icuChoiceAt(text, i, k, to, depth, name, typ, links)
	}
	if !icuSimpleTypes[typ] {
		return 0, false
	}
	end := matchingBrace(text, i, to)
	if end < 0 {
		return 0, false
	}
	key := "{" + text[nameStart:nameEnd] + "," + typ
	if k = btSkipSpaces(text, k, end); k < end {
		if text[k] != ',' {
			return 0, false
		}
		if style := strings.TrimSpace(text[k+1 : end]); style != "" {
			key += "," + style
		}
	}
	sc.list = append(sc.list, placeholder{span: pipeline.Span{Start: i, End: end + 1}, syntax: phBrace, key: key + "}", name: name, depth: depth})
	return end + 1, true
}

// icuChoiceAt reads the rest of an ICU plural, selectordinal or select
// argument whose type ends at k. It reads the structure first and scans
// the branches only when the whole argument is well formed, so that no
// text is scanned twice at the same depth.
func (sc *placeholderScan) icuChoiceAt(text string, i, k, to, depth int, name pipeline.Span, typ string, links []pipeline.Span) (int, bool) {
	head := pipeline.Span{Start: i, End: k}
	k = btSkipSpaces(text, k, to)
	if k >= to || text[k] != ',' {
		return 0, false
	}
	k = btSkipSpaces(text, k+1, to)
	if typ != "select" && strings.HasPrefix(text[k:to], "offset:") {
		k = btSkipSpaces(text, k+len("offset:"), to)
		s := k
		for k < to && btDigit(text[k]) {
			k++
		}
		if k == s {
			return 0, false
		}
	}
	choice := &icuChoice{kind: typ}
	var branches []pipeline.Span
	for {
		k = btSkipSpaces(text, k, to)
		if k >= to {
			return 0, false
		}
		if text[k] == '}' {
			break
		}
		s := k
		if text[k] == '=' {
			k++
			if k < to && text[k] == '-' {
				k++
			}
			d := k
			for k < to && (btDigit(text[k]) || text[k] == '.') {
				k++
			}
			if k == d {
				return 0, false
			}
		} else {
			for k < to && (btIdentByte(text[k]) || text[k] == '-') {
				k++
			}
			if k == s {
				return 0, false
			}
		}
		sel := icuSelector{key: text[s:k], span: pipeline.Span{Start: s, End: k}}
		k = btSkipSpaces(text, k, to)
		if k >= to || text[k] != '{' {
			return 0, false
		}
		end := matchingBrace(text, k, to)
		if end < 0 {
			return 0, false
		}
		choice.selectors = append(choice.selectors, sel)
		branches = append(branches, pipeline.Span{Start: k + 1, End: end})
		k = end + 1
	}
	if len(choice.selectors) == 0 {
		return 0, false
	}
	sc.list = append(sc.list, placeholder{
		span:   pipeline.Span{Start: i, End: k + 1},
		syntax: phBrace,
		key:    "{" + text[name.Start:name.End] + "," + typ + "}",
		name:   name, head: head, depth: depth, choice: choice,
	})
	for _, b := range branches {
		sc.scan(text, b.Start, b.End, depth+1, links)
	}
	return k + 1, true
}

// matchingBrace returns the index of the "}" that closes the "{" at
// text[open], or -1.
func matchingBrace(text string, open, to int) int {
	depth := 0
	for j := open; j < to; j++ {
		switch text[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}
