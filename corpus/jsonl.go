package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// readJSONL reads a JSON Lines document: one object a line with the string
// fields "source", "target", "source_lang", "target_lang" and an "id" that
// is a string or a number. Other fields are ignored, blank lines skipped.
// A segment's slot is its "target" string literal (or null), or, where the
// object has none, the place after its last member.
func readJSONL(src *source, doc *pipeline.Document) (*codec, error) {
	c := &codec{encode: func(_ *pipeline.Segment, target string) (string, error) { return jsonQuote(target), nil }}
	if err := readJSONLSegments(src, doc, c); err != nil {
		return nil, err
	}
	return c, nil
}

// readJSONLSegments appends the segments of src's lines to doc, and their
// slots to c when c is not nil. Ids must be unique within src.
func readJSONLSegments(src *source, doc *pipeline.Document, c *codec) error {
	seen := map[string]int{} // id -> line
	for l := range src.lineStarts() {
		line, off := src.line(l)
		if strings.TrimSpace(line) == "" {
			continue
		}
		seg, slot, hasID, err := jsonlSegment(src, line, off)
		if err != nil {
			return err
		}
		n := src.lineBase + l + 1 // the line number in the file
		if !hasID {
			seg.ID = strconv.Itoa(n)
		}
		if first, dup := seen[seg.ID]; dup {
			return fmt.Errorf("corpus: read %s: line %d: duplicate id %q (first on line %d)", src.path, n, seg.ID, first)
		}
		seen[seg.ID] = n
		doc.Segments = append(doc.Segments, seg)
		if c != nil {
			c.slots = append(c.slots, slot)
		}
	}
	return nil
}

// jsonQuote returns s as a JSON string literal, escaped as encoding/json
// escapes it except that <, > and & stay as they are; other non-ASCII
// characters stay UTF-8.
func jsonQuote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// jsonlSegment reads the object on one line, which starts at file offset
// off, and the slot of its target. It reports whether the object had an
// id.
func jsonlSegment(src *source, line string, off int) (seg pipeline.Segment, slot Slot, hasID bool, err error) {
	var raw json.RawMessage
	if err := json.Unmarshal([]byte(line), &raw); err != nil {
		var se *json.SyntaxError
		at := len(line)
		if errors.As(err, &se) && se.Offset > 0 && int(se.Offset) <= len(line) && err.Error() != "unexpected end of JSON input" {
			// Offset counts the bytes read, the bad one included.
			at = int(se.Offset) - 1
			for at > 0 && !utf8.RuneStart(line[at]) {
				at--
			}
		}
		return seg, slot, false, src.errorf(off+at, "invalid JSON: %v", err)
	}
	i := skipJSONSpace(line, 0)
	if line[i] != '{' {
		return seg, slot, false, src.errorf(off+i, "want a JSON object")
	}
	// posAt returns the file position of line[i]; i only grows from call
	// to call, so a line is walked once however many fields it has.
	lineStart := src.pos(off)
	walked, col := 0, lineStart.Column
	posAt := func(i int) pipeline.Position {
		col += utf8.RuneCountInString(line[walked:i])
		walked = i
		return pipeline.Position{Offset: src.offBase + off + i, Line: lineStart.Line, Column: col}
	}
	hasText, hasTarget := false, false
	lastEnd := 0 // the end of the last member's value
	for i = skipJSONSpace(line, i+1); line[i] != '}'; {
		key, _, end := jsonString(line, i, pipeline.Position{})
		i = skipJSONSpace(line, skipJSONSpace(line, end)+1) // past the colon
		at := off + i
		switch key {
		case "id":
			switch c := line[i]; {
			case c == '"':
				seg.ID, _, i = jsonString(line, i, pipeline.Position{})
			case c == '-' || isDigit(c):
				end := skipJSONValue(line, i)
				seg.ID, i = line[i:end], end
			default:
				return seg, slot, false, src.errorf(at, "\"id\" is not a string or a number")
			}
			hasID = true
		case "source", "target":
			var text string
			var loc pipeline.Locator
			start := i
			switch {
			case strings.HasPrefix(line[i:], "null"):
				i += len("null") // null is no text, as an absent field
			case line[i] == '"':
				text, loc, i = jsonString(line, i, posAt(i+1))
				hasText = true
			default:
				return seg, slot, false, src.errorf(at, "%q is not a string", key)
			}
			if key == "source" {
				seg.Source, seg.SourceLoc = text, loc
			} else {
				seg.Target, seg.TargetLoc = text, loc
				slot, hasTarget = Slot{Span: pipeline.Span{Start: off + start, End: off + i}}, true
			}
		case "source_lang", "target_lang":
			tag := language.Und
			if strings.HasPrefix(line[i:], "null") {
				i += len("null")
			} else if line[i] != '"' {
				return seg, slot, false, src.errorf(at, "%q is not a string", key)
			} else {
				var s string
				s, _, i = jsonString(line, i, pipeline.Position{})
				if s != "" {
					if tag, err = language.Parse(s); err != nil {
						return seg, slot, false, src.errorf(at, "invalid %s %q: %v", key, s, err)
					}
				}
			}
			if key == "source_lang" {
				seg.SourceLang = tag
			} else {
				seg.TargetLang = tag
			}
		default:
			i = skipJSONValue(line, i)
		}
		lastEnd = i
		i = skipJSONSpace(line, i)
		if line[i] == ',' {
			i = skipJSONSpace(line, i+1)
		}
	}
	if !hasText {
		return seg, slot, false, src.errorf(off+skipJSONSpace(line, 0), "no \"source\" or \"target\"")
	}
	if !hasTarget {
		slot = Slot{Span: pipeline.Span{Start: off + lastEnd, End: off + lastEnd}, Before: `, "target": `, Missing: true}
	}
	seg.SourceSkip = linkSpans(seg.Source)
	seg.TargetSkip = linkSpans(seg.Target)
	return seg, slot, hasID, nil
}

func skipJSONSpace(line string, i int) int {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n') {
		i++
	}
	return i
}

// skipJSONValue returns the index just past the well-formed JSON value
// that starts at line[i].
func skipJSONValue(line string, i int) int {
	depth := 0
	for i < len(line) {
		switch c := line[i]; c {
		case '"':
			i = skipJSONString(line, i)
			if depth == 0 {
				return i
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of the enclosing object
			}
			depth--
			if depth == 0 {
				return i + 1
			}
		case ',', ' ', '\t', '\r', '\n':
			if depth == 0 {
				return i
			}
		}
		i++
	}
	return i
}

// skipJSONString returns the index just past the string literal that
// starts at line[i].
func skipJSONString(line string, i int) int {
	for i++; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}
