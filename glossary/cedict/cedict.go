package cedict

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Entry is one line of a dictionary: a word in traditional and simplified
// characters, its pinyin and its English senses.
type Entry struct {
	Traditional string
	Simplified  string
	// Pinyin is as the file writes it: syllables with tone numbers,
	// separated by spaces ("yun4 niang4"; "Bei3 jing1" for a name).
	Pinyin string
	// Glosses are the senses between the slashes, each trimmed of
	// surrounding spaces and never empty.
	Glosses []string
	Line    int // line number in the file, from 1
}

// String returns the entry as a dictionary line (without a newline).
func (e *Entry) String() string {
	return e.Traditional + " " + e.Simplified + " [" + e.Pinyin + "] /" + strings.Join(e.Glosses, "/") + "/"
}

// IsName reports whether the entry is a proper noun: CC-CEDICT capitalises
// the pinyin of names ("Bei3 jing1").
func (e *Entry) IsName() bool {
	r, _ := utf8.DecodeRuneInString(e.Pinyin)
	return unicode.IsUpper(r)
}

// Dict is a parsed dictionary. It is safe for concurrent use once parsed.
type Dict struct {
	Name    string  // the file name given to Parse
	Entries []Entry // in file order

	words   map[string]int32   // simplified and traditional forms -> first entry
	more    map[string][]int32 // the same -> further entries (polyphones, homographs)
	maxLen  int                // the longest word, in runes
	pinyinO sync.Once
	pinyin  map[string][]int32 // toneless pinyin key -> entries
}

// Lookup returns the entries whose simplified or traditional form is word,
// in file order.
func (d *Dict) Lookup(word string) []*Entry {
	first, ok := d.words[word]
	if !ok {
		return nil
	}
	more := d.more[word]
	out := make([]*Entry, 0, 1+len(more))
	out = append(out, &d.Entries[first])
	for _, i := range more {
		out = append(out, &d.Entries[i])
	}
	return out
}

// index records that entry i is spelled word.
func (d *Dict) index(word string, i int32) {
	if _, ok := d.words[word]; !ok {
		d.words[word] = i
		return
	}
	d.more[word] = append(d.more[word], i)
}

// MaxWordLen returns the length in runes of the longest word of the
// dictionary: longest-match segmentation need look no further.
func (d *Dict) MaxWordLen() int { return d.maxLen }

// LookupPinyin returns the entries whose pinyin, lower-cased, without
// tone numbers and spaces and with "u:" as "ü", is key ("yunniang" finds
// 酝酿), in file order. The index is built on the first call.
func (d *Dict) LookupPinyin(key string) []*Entry {
	d.pinyinO.Do(func() {
		d.pinyin = make(map[string][]int32)
		for i := range d.Entries {
			k := PinyinKey(d.Entries[i].Pinyin)
			d.pinyin[k] = append(d.pinyin[k], int32(i))
		}
	})
	idx := d.pinyin[key]
	out := make([]*Entry, len(idx))
	for k, i := range idx {
		out[k] = &d.Entries[i]
	}
	return out
}

// PinyinKey returns numbered pinyin ("Lu:4 yue1") lower-cased, without
// tone numbers and spaces, and with "u:" and "v" written "ü" ("lüyue").
func PinyinKey(pinyin string) string {
	var b strings.Builder
	b.Grow(len(pinyin))
	for i := 0; i < len(pinyin); i++ {
		c := pinyin[i]
		switch {
		case c >= '0' && c <= '9', c == ' ':
		case c == 'u' && i+1 < len(pinyin) && pinyin[i+1] == ':':
			b.WriteString("ü")
			i++
		case c == 'v' || c == 'V':
			b.WriteString("ü")
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// LoadFile parses the dictionary file at path.
func LoadFile(path string) (*Dict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cedict: %w", err)
	}
	defer f.Close()
	hint := 0
	if fi, err := f.Stat(); err == nil {
		hint = int(fi.Size() / bytesPerEntry)
	}
	return parse(path, f, hint)
}

// bytesPerEntry is about the length of a CC-CEDICT line (9.5 MB for
// 120,000 entries): LoadFile sizes its tables from the file's size.
const bytesPerEntry = 80

// maxLine is the longest line Parse accepts (CC-CEDICT's longest lines
// are a few kilobytes).
const maxLine = 1 << 20

// Parse reads a dictionary in the CC-CEDICT format from r; name is used in
// errors and kept in Dict.Name. The first malformed line stops it with an
// error that names the file and the line.
func Parse(name string, r io.Reader) (*Dict, error) { return parse(name, r, 0) }

// parse is Parse with room made for about hint entries.
func parse(name string, r io.Reader, hint int) (*Dict, error) {
	hint = min(hint, 1<<22)
	d := &Dict{
		Name:    name,
		Entries: make([]Entry, 0, hint),
		words:   make(map[string]int32, 2*hint),
		more:    make(map[string][]int32),
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		line = strings.TrimRight(line, " \t\r")
		if line == "" || line[0] == '#' {
			continue
		}
		e, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("cedict: %s: line %d: %w", name, n, err)
		}
		e.Line = n
		i := int32(len(d.Entries))
		d.Entries = append(d.Entries, e)
		d.index(e.Simplified, i)
		if e.Traditional != e.Simplified {
			d.index(e.Traditional, i)
		}
		d.maxLen = max(d.maxLen, utf8.RuneCountInString(e.Simplified), utf8.RuneCountInString(e.Traditional))
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("cedict: %s: line %d: longer than %d bytes", name, n+1, maxLine)
		}
		return nil, fmt.Errorf("cedict: %s: %w", name, err)
	}
	return d, nil
}

// parseLine parses one entry line, without its line number.
func parseLine(line string) (Entry, error) {
	var e Entry
	if !utf8.ValidString(line) {
		return e, errors.New("not valid UTF-8")
	}
	trad, rest, ok := strings.Cut(line, " ")
	if !ok || trad == "" {
		return e, errors.New(`want "Traditional Simplified [pin1 yin1] /gloss/"`)
	}
	simp, rest, ok := strings.Cut(strings.TrimLeft(rest, " "), " ")
	if !ok || simp == "" {
		return e, errors.New("no simplified form after the traditional one")
	}
	if strings.ContainsAny(trad+simp, "[]/\uFEFF") {
		return e, fmt.Errorf("word %q %q holds [, ], / or a byte order mark", trad, simp)
	}
	rest = strings.TrimLeft(rest, " ")
	if !strings.HasPrefix(rest, "[") {
		return e, errors.New("no [pinyin] after the simplified form")
	}
	pin, rest, ok := strings.Cut(rest[1:], "]")
	if !ok {
		return e, errors.New("pinyin has no closing ]")
	}
	pin = strings.TrimSpace(pin)
	if pin == "" || strings.ContainsAny(pin, "[/") {
		return e, fmt.Errorf("bad pinyin %q", pin)
	}
	rest = strings.TrimLeft(rest, " ")
	if len(rest) < 2 || rest[0] != '/' || rest[len(rest)-1] != '/' {
		return e, errors.New("glosses must be written /gloss/gloss/")
	}
	inner := rest[1 : len(rest)-1]
	e.Glosses = make([]string, 0, strings.Count(inner, "/")+1)
	for g := range strings.SplitSeq(inner, "/") {
		if g = strings.TrimSpace(g); g != "" {
			e.Glosses = append(e.Glosses, g)
		}
	}
	if len(e.Glosses) == 0 {
		return e, errors.New("no gloss between the slashes")
	}
	if strings.Contains(pin, "  ") || strings.ContainsAny(pin, "\t\r\n\v\f") {
		pin = strings.Join(strings.Fields(pin), " ")
	}
	e.Traditional, e.Simplified, e.Pinyin = trad, simp, pin
	return e, nil
}
