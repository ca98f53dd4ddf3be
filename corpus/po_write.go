package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// poWriter encodes new targets for the msgstr slots of a PO file.
type poWriter struct {
	nl map[string]string // segment id -> the line break of its msgstr line, where not "\n"
	// segment ids whose msgstr literals share their last line with more
	// text (a file written without line breaks between its keywords)
	inline map[string]bool
}

// encode returns the string literals for a new target (an unchanged one
// keeps its literals: codec.edits leaves it out): one literal, or, when the
// text has a line feed before its end, "" and then one literal per line,
// each ending with its \n, as msgmerge writes them. Lines are never
// wrapped at a width. Where more text follows the old literals on their
// line, the new target is one literal, so that the text stays on a line of
// the same entry.
func (w poWriter) encode(seg *pipeline.Segment, target string) (string, error) {
	codes, err := codesFor(seg, target)
	if err != nil {
		return "", err
	}
	nl := w.nl[seg.ID]
	if nl == "" {
		nl = "\n"
	}
	var b strings.Builder
	k := 0
	lines := strings.SplitAfter(target, "\n")
	if len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if w.inline[seg.ID] {
		lines = []string{target}
	}
	if len(lines) > 1 {
		b.WriteString(`""`)
		b.WriteString(nl)
	}
	for i, line := range lines {
		if i > 0 {
			b.WriteString(nl)
		}
		b.WriteByte('"')
		for j, r := range line {
			switch {
			case r == pipeline.CodeRune:
				b.WriteString(codes[k].Data)
				k++
			case r == utf8.RuneError && !strings.HasPrefix(line[j:], "\uFFFD"):
				return "", fmt.Errorf("new target is not UTF-8")
			case r == 0x04:
				return "", fmt.Errorf("new target has U+0004, which gettext keeps to join msgctxt and msgid")
			default:
				writePORune(&b, r)
			}
		}
		b.WriteByte('"')
	}
	return b.String(), nil
}

func writePORune(b *strings.Builder, r rune) {
	switch r {
	case '\\':
		b.WriteString(`\\`)
	case '"':
		b.WriteString(`\"`)
	case '\n':
		b.WriteString(`\n`)
	case '\t':
		b.WriteString(`\t`)
	case '\r':
		b.WriteString(`\r`)
	case '\a':
		b.WriteString(`\a`)
	case '\b':
		b.WriteString(`\b`)
	case '\f':
		b.WriteString(`\f`)
	case '\v':
		b.WriteString(`\v`)
	default:
		if r < 0x20 || r == 0x7F {
			fmt.Fprintf(b, `\%03o`, r)
			return
		}
		b.WriteRune(r)
	}
}
