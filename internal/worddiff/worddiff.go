package worddiff

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op says what a chunk of a diff does.
type Op int8

// The operations of a diff.
const (
	// Equal text is in both versions.
	Equal Op = iota
	// Delete text is in the first version only.
	Delete
	// Insert text is in the second version only.
	Insert
)

func (o Op) String() string {
	switch o {
	case Equal:
		return "equal"
	case Delete:
		return "delete"
	case Insert:
		return "insert"
	}
	return "Op(" + strconv.Itoa(int(o)) + ")"
}

// Chunk is a run of whole tokens that a diff keeps, deletes or inserts.
type Chunk struct {
	Op   Op
	Text string
}

// Tokens splits s into the tokens Diff compares (see the package
// documentation). Their concatenation is s, byte for byte, even where s
// is not valid UTF-8.
func Tokens(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		n := tokenLen(s[i:])
		toks = append(toks, s[i:i+n])
		i += n
	}
	return toks
}

// tokenClass tells how a character joins its neighbours into tokens.
type tokenClass uint8

const (
	classOther  tokenClass = iota // a token on its own
	classWord                     // joins a run of word characters
	classSpace                    // joins a run of white space
	classSingle                   // a character of a script without spaces: a token with its marks
)

// unspaced are the scripts written without spaces between words, diffed
// character by character.
var unspaced = []*unicode.RangeTable{
	unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul,
	unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar,
}

func classOf(r rune) tokenClass {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return classWord
		case r == ' ', r == '\t', r == '\n', r == '\r', r == '\v', r == '\f':
			return classSpace
		}
		return classOther
	case r == utf8.RuneError:
		return classOther
	case unicode.IsSpace(r):
		return classSpace
	case unicode.In(r, unspaced...):
		return classSingle
	case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r):
		return classWord
	}
	return classOther
}

// tokenLen returns the length in bytes of the token that starts s
// (len(s) > 0).
func tokenLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	class := classOf(r)
	if class == classOther {
		return n
	}
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		next := classOf(r)
		switch {
		case class == classSpace && next == classSpace:
		case class == classWord && next == classWord:
		case class == classSingle && unicode.IsMark(r):
		default:
			return n
		}
		n += size
	}
	return n
}

// MaxTokens bounds the work of a diff: when the two texts have more
// tokens than this together, the Myers algorithm, quadratic at worst, is
// not run; their common beginning and end are kept and everything between
// is reported as one deletion and one insertion. Sentences and paragraphs
// are far below it.
const MaxTokens = 10000

// Diff compares a and b token by token and returns the chunks that turn a
// into b: a shortest edit script over tokens, in which white space alone
// between two changes counts as changed (so that "酝酿 Leaving" replaced by
// " mulling leaving" reads as one change of phrase, not as two changes
// around a kept space). Adjacent chunks of one operation are merged and,
// in each run of changes, the deletion comes before the insertion. Equal
// texts give one Equal chunk (none when both are empty).
func Diff(a, b string) []Chunk {
	cs := shortest(a, b)
	absorbed := false
	for i := 1; i+1 < len(cs); i++ {
		if cs[i].Op == Equal && strings.TrimSpace(cs[i].Text) == "" {
			absorbed = true
			break
		}
	}
	if !absorbed {
		return cs
	}
	out := make([]Chunk, 0, len(cs)+2)
	for i, c := range cs {
		if c.Op == Equal && i > 0 && i+1 < len(cs) && strings.TrimSpace(c.Text) == "" {
			out = append(out, Chunk{Delete, c.Text}, Chunk{Insert, c.Text})
			continue
		}
		out = append(out, c)
	}
	return normalize(out)
}

// shortest returns a shortest edit script over the tokens of a and b, in
// chunks as Diff returns them.
func shortest(a, b string) []Chunk {
	if a == b {
		if a == "" {
			return nil
		}
		return []Chunk{{Equal, a}}
	}
	ta, tb := Tokens(a), Tokens(b)
	if len(ta)+len(tb) > MaxTokens {
		return coarse(ta, tb)
	}

	// Each distinct token stands for one rune, so that the rune diff of
	// go-diff is a token diff. There are fewer than MaxTokens of them, so
	// the runes stay below the surrogates (U+D800), which are not runes.
	ids := make(map[string]rune, len(ta)+len(tb))
	var vocab []string
	encode := func(toks []string) []rune {
		rs := make([]rune, len(toks))
		for i, t := range toks {
			id, ok := ids[t]
			if !ok {
				id = rune(len(vocab))
				ids[t] = id
				vocab = append(vocab, t)
			}
			rs[i] = id
		}
		return rs
	}
	ra, rb := encode(ta), encode(tb)

	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: a shortest script, the same on every run
	diffs := dmp.DiffMainRunes(ra, rb, false)

	chunks := make([]Chunk, 0, len(diffs))
	var buf []byte
	for _, d := range diffs {
		if d.Text == "" {
			continue
		}
		buf = buf[:0]
		for _, id := range d.Text {
			buf = append(buf, vocab[id]...)
		}
		var op Op
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Delete
		case diffmatchpatch.DiffInsert:
			op = Insert
		default:
			op = Equal
		}
		chunks = appendChunk(chunks, op, string(buf))
	}
	return normalize(chunks)
}

// coarse returns the common beginning and end of two token sequences as
// kept, and everything between them as one deletion and one insertion.
func coarse(ta, tb []string) []Chunk {
	p := 0
	for p < len(ta) && p < len(tb) && ta[p] == tb[p] {
		p++
	}
	q := 0
	for q < len(ta)-p && q < len(tb)-p && ta[len(ta)-1-q] == tb[len(tb)-1-q] {
		q++
	}
	var cs []Chunk
	for _, c := range []Chunk{
		{Equal, strings.Join(ta[:p], "")},
		{Delete, strings.Join(ta[p:len(ta)-q], "")},
		{Insert, strings.Join(tb[p:len(tb)-q], "")},
		{Equal, strings.Join(ta[len(ta)-q:], "")},
	} {
		if c.Text != "" {
			cs = append(cs, c)
		}
	}
	return cs
}

// appendChunk appends a chunk, merging it with the last one of the same
// operation.
func appendChunk(cs []Chunk, op Op, text string) []Chunk {
	if n := len(cs); n > 0 && cs[n-1].Op == op {
		cs[n-1].Text += text
		return cs
	}
	return append(cs, Chunk{op, text})
}

// normalize puts each run of changes in the order deletion, insertion,
// with one chunk of each at most.
func normalize(cs []Chunk) []Chunk {
	out := cs[:0:0]
	for i := 0; i < len(cs); {
		if cs[i].Op == Equal {
			out = append(out, cs[i])
			i++
			continue
		}
		var del, ins string
		for ; i < len(cs) && cs[i].Op != Equal; i++ {
			if cs[i].Op == Delete {
				del += cs[i].Text
			} else {
				ins += cs[i].Text
			}
		}
		if del != "" {
			out = append(out, Chunk{Delete, del})
		}
		if ins != "" {
			out = append(out, Chunk{Insert, ins})
		}
	}
	return out
}

// Texts returns the two versions a diff compares: the first (kept and
// deleted chunks) and the second (kept and inserted chunks).
func Texts(cs []Chunk) (a, b string) {
	var ba, bb []byte
	for _, c := range cs {
		if c.Op != Insert {
			ba = append(ba, c.Text...)
		}
		if c.Op != Delete {
			bb = append(bb, c.Text...)
		}
	}
	return string(ba), string(bb)
}
