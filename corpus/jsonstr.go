package corpus

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// jsonString decodes the JSON string literal whose opening quote is at
// line[i], as encoding/json does (a lone surrogate becomes U+FFFD), and
// returns the index just past its closing quote. The literal must be well
// formed: the line has been validated already.
//
// pos is the file position of line[i+1], the first character inside the
// quotes. The Locator has an anchor there and one after every escape
// sequence, so that offsets into the decoded string map back to the
// characters of the literal: walking it from an anchor only ever crosses
// text copied verbatim.
func jsonString(line string, i int, pos pipeline.Position) (string, pipeline.Locator, int) {
	loc := pipeline.At(pos)
	var out []byte
	j := i + 1
	for j < len(line) && line[j] != '"' {
		c := line[j]
		if c != '\\' {
			_, n := utf8.DecodeRuneInString(line[j:])
			out = append(out, line[j:j+n]...)
			j += n
			pos.Offset += n
			pos.Column++
			continue
		}
		n := 2 // the length of the escape sequence
		switch e := line[j+1]; e {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			n = 6
			r := rune(hex4(line[j+2 : j+6]))
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if j+12 <= len(line) && line[j+6] == '\\' && line[j+7] == 'u' && isHex4(line[j+8:j+12]) {
					r2 = rune(hex4(line[j+8 : j+12]))
				}
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					r, n = d, 12
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
		default: // " \ /
			out = append(out, e)
		}
		j += n
		pos.Offset += n
		pos.Column += n
		loc.Anchors = append(loc.Anchors, pipeline.Anchor{Off: len(out), Pos: pos})
	}
	return string(out), loc, j + 1
}

func isHex4(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if hexVal(s[i]) < 0 {
			return false
		}
	}
	return true
}

func hex4(s string) int {
	v := 0
	for i := 0; i < 4; i++ {
		v = v<<4 | hexVal(s[i])
	}
	return v
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
