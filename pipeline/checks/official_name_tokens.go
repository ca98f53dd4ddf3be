package checks

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tqa-project/tqa/glossary/spelling"
)

// nameToken is one word of a name or of a candidate name.
type nameToken struct {
	start, end int    // byte span of the word in its text, with a possessive ending
	stemEnd    int    // end without a possessive ending ('s, ’s)
	text       string // the word as written, without a possessive ending
	key        string // lower case, no accents, US spelling: the comparison key
	capital    bool   // starts with a capital letter
	number     bool   // starts with a digit
	function   bool   // a function word (of, the, a, not, ...)
	keyed      bool   // key and function are set (see setKey)
}

// weight is the share of a word in a name's similarity: function words
// count less than content words.
func (t *nameToken) weight() float64 {
	if t.function {
		return 0.3
	}
	return 1
}

// acronym reports whether the token is written in capitals (two letters or
// more): NATO, SHAPE.
func (t *nameToken) acronym() bool {
	letters := 0
	for _, r := range t.text {
		if !unicode.IsUpper(r) {
			return false
		}
		letters++
	}
	return letters >= 2
}

// nameFunctionWords are the words that join the words of a name ("Chair
// of the Military Committee") and weigh less in comparisons. "not" is one
// of them, as in "Not A Trusted Organization Act".
var nameFunctionWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "for": true, "and": true, "on": true,
	"in": true, "to": true, "at": true, "by": true, "with": true, "between": true, "not": true,
	"de": true, "du": true, "des": true, "la": true, "le": true, "les": true,
}

// nameConnectors may stand, in lower case, between the capitalised words
// of a name: at most two of them in a row.
var nameConnectors = map[string]bool{
	"of": true, "the": true, "for": true, "and": true, "on": true, "in": true, "to": true,
	"at": true, "de": true, "du": true, "des": true, "la": true, "le": true, "a": true, "an": true,
}

// nameHeads are the head nouns of official names (keys: lower case, US
// spelling): the word a name is compared on.
var nameHeads = map[string]bool{
	"academy": true, "accelerator": true, "act": true, "agency": true, "agreement": true,
	"alliance": true, "article": true, "assembly": true, "authority": true, "board": true,
	"bureau": true, "center": true, "chair": true, "chairman": true, "charter": true, "chief": true, "chiefs": true,
	"college": true, "command": true, "commander": true, "commission": true, "committee": true,
	"communique": true, "concept": true, "conference": true, "congress": true, "convention": true,
	"corps": true, "council": true, "court": true, "declaration": true, "department": true,
	"director": true, "directorate": true, "doctrine": true, "force": true, "forces": true,
	"fund": true, "group": true, "headquarters": true, "initiative": true, "institute": true,
	"law": true, "ministry": true, "mission": true, "office": true, "organization": true,
	"pact": true, "parliament": true, "partnership": true, "plan": true, "policy": true,
	"process": true, "program": true, "protocol": true, "report": true, "representative": true,
	"resolution": true, "school": true, "secretariat": true, "secretary": true, "service": true,
	"staff": true, "statement": true, "strategy": true, "treaty": true,
}

// nameHeadStops end the part of a name where its head noun is looked for:
// the head of "Chair of the Military Committee" is Chair.
var nameHeadStops = map[string]bool{"of": true, "on": true, "for": true, "between": true}

// headOf returns the index of the head noun of a name: the last head noun
// before the first of, on, for or between; else the last head noun; else
// the last word.
func headOf(toks []nameToken) int {
	last := -1
	for i := range toks {
		if i > 0 && nameHeadStops[toks[i].key] && last >= 0 {
			return last
		}
		if nameHeads[toks[i].key] {
			last = i
		}
	}
	if last >= 0 {
		return last
	}
	return len(toks) - 1
}

// nameTokens splits text into words: letters, digits and marks, with an
// apostrophe inside a word (People's, l'Atlantique) kept in it.
func nameTokens(text string) []nameToken {
	return slices.Collect(nameTokenSeq(text))
}

// nameTokenSeq yields the words of text one by one (see nameTokens).
func nameTokenSeq(text string) iter.Seq[nameToken] {
	return func(yield func(nameToken) bool) {
		for start, end := range nameWords(text) {
			if !yield(makeNameToken(text, start, end, nil)) {
				return
			}
		}
	}
}

// nameWords yields the spans of the words of text (see nameTokens).
func nameWords(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < len(text); {
			if b := text[i]; b < utf8.RuneSelf && !asciiWordByte[b] {
				i++ // isWordRune, without decoding
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				i += n
				continue
			}
			start := i
			for i < len(text) {
				if b := text[i]; b < utf8.RuneSelf && asciiWordByte[b] {
					i++ // isWordRune, without decoding
					continue
				}
				r, n := utf8.DecodeRuneInString(text[i:])
				if isWordRune(r) {
					i += n
					continue
				}
				if r == '\'' || r == '’' {
					next, _ := utf8.DecodeRuneInString(text[i+n:])
					if unicode.IsLetter(next) {
						i += n
						continue
					}
				}
				break
			}
			if !yield(start, i) {
				return
			}
		}
	}
}

// makeNameToken builds the token of text[start:end]. keys, if not nil,
// caches nameKey by word.
func makeNameToken(text string, start, end int, keys map[string]string) nameToken {
	t := nameTokenShape(text, start, end)
	t.setKey(keys)
	return t
}

// nameTokenShape builds the token of text[start:end] without its key:
// nameRuns keys only the tokens of the runs it keeps.
func nameTokenShape(text string, start, end int) nameToken {
	t := nameToken{start: start, end: end, stemEnd: end}
	if last := text[end-1]; last == 's' || last == 'S' {
		for _, suf := range [...]string{"'s", "’s", "'S", "’S"} {
			if strings.HasSuffix(text[start:end], suf) && end-len(suf) > start {
				t.stemEnd = end - len(suf)
				break
			}
		}
	}
	t.text = text[start:t.stemEnd]
	if first := t.text[0]; first < utf8.RuneSelf {
		t.capital = 'A' <= first && first <= 'Z'
		t.number = '0' <= first && first <= '9'
	} else {
		first, _ := utf8.DecodeRuneInString(t.text)
		t.capital = unicode.IsUpper(first)
		t.number = unicode.IsDigit(first)
	}
	return t
}

// setKey sets the token's key and function; keys, if not nil, caches
// nameKey by word.
func (t *nameToken) setKey(keys map[string]string) {
	if k, ok := keys[t.text]; ok {
		t.key = k
	} else {
		t.key = nameKey(t.text)
		if keys != nil && len(keys) < maxNameKeys {
			keys[t.text] = t.key
		}
	}
	t.function = nameFunctionWords[t.key]
	t.keyed = true
}

// nameKey is the comparison key of a word: lower case, accents removed,
// British spelling made American (centre and center are one key).
func nameKey(word string) string {
	k := strings.ToLower(word)
	if strings.IndexFunc(k, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
		var b strings.Builder
		for _, r := range norm.NFD.String(k) {
			if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(r)
			}
		}
		k = b.String()
	}
	if s, ok := spelling.EnUS.Lookup(k); ok {
		k = s.Want
	}
	return k
}

// nameRuns returns the runs of capitalised words of text that may hold a
// name of two words or more: capitalised words and numbers joined by
// spaces or a hyphen, and up to two lower-case connectors between
// capitalised words ("Chair of the Military Committee").
func nameRuns(text string) [][]nameToken {
	var r nameRunner
	return r.nameRuns(text)
}

// nameRunner finds name runs (nameRuns) in one buffer of tokens reused
// from text to text: official-name asks once a segment, and most segments
// start with a capitalised word, which would cost an allocation each.
type nameRunner struct {
	toks   []nameToken   // the tokens of the runs kept, then of the current run
	bounds []int         // start and end in toks of each run kept
	runs   [][]nameToken // the runs returned
	// keys caches nameKey by word: a text's capitalised words recur
	// from segment to segment, and nameKey allocates for each.
	keys map[string]string
}

// maxNameKeys bounds nameRunner.keys; further words' keys are worked out
// each time.
const maxNameKeys = 1 << 14

// nameRuns is the package's nameRuns; the runs it returns are valid until
// the next call.
func (r *nameRunner) nameRuns(text string) [][]nameToken {
	r.toks, r.bounds, r.runs = r.toks[:0], r.bounds[:0], r.runs[:0]
	if fewCapitals(text) || !nameRunPossible(text) {
		return nil // a run needs two capitalised words, which most sentences lack
	}
	start := 0 // the current run is r.toks[start:]
	connectors := 0
	flush := func() {
		// Drop trailing connectors; keep runs of two capitalised words or more.
		for n := len(r.toks); n > start && !r.toks[n-1].capital && !r.toks[n-1].number; n-- {
			r.toks = r.toks[:n-1]
		}
		caps := 0
		for _, t := range r.toks[start:] {
			if t.capital {
				caps++
			}
		}
		if caps >= 2 {
			if r.keys == nil {
				r.keys = make(map[string]string)
			}
			for k := range r.toks[start:] {
				if t := &r.toks[start+k]; !t.keyed {
					t.setKey(r.keys)
				}
			}
			r.bounds = append(r.bounds, start, len(r.toks))
			start = len(r.toks)
		}
		r.toks, connectors = r.toks[:start], 0
	}
	for ws, we := range nameWords(text) {
		if len(r.toks) == start {
			// Only a capitalised word starts a run: skip the others
			// without building their tokens (and keys).
			if !startsUpper(text[ws:we]) {
				connectors = 0
				continue
			}
		}
		t := nameTokenShape(text, ws, we)
		if len(r.toks) > start {
			prev := &r.toks[len(r.toks)-1]
			if !nameGap(text[prev.end:t.start]) || prev.stemEnd != prev.end {
				flush() // punctuation between the words, or a possessive ends a name
			}
		}
		inRun := len(r.toks) > start
		switch {
		case t.capital:
			r.toks = append(r.toks, t)
			connectors = 0
		case t.number && inRun:
			r.toks = append(r.toks, t)
			connectors = 0
		case inRun && connectors < 2 && nameConnectors[r.key(&t)]:
			r.toks = append(r.toks, t)
			connectors++
		default:
			flush()
		}
	}
	flush()
	if len(r.bounds) == 0 {
		return nil
	}
	for k := 0; k < len(r.bounds); k += 2 {
		r.runs = append(r.runs, r.toks[r.bounds[k]:r.bounds[k+1]:r.bounds[k+1]])
	}
	return r.runs
}

// nameRunPossible reports whether nameRuns may find a run in text: false
// only when it finds none. It decides an ASCII text exactly, by running
// nameRuns' steps on its words without building their tokens and keys:
// most sentences with two capitals ("Tom told Mary.") hold no run. For
// any other text it says yes.
//
// An ASCII word's key is a connector only when the word, lower-cased
// and without a possessive ending, is one: nameKey lower-cases it, and
// the spelling table that it looks the word up in holds no connector
// (TestNameRunPossibleConnectors).
func nameRunPossible(text string) bool {
	inRun := false // a run is open: it holds a capitalised word
	caps := 0      // capitalised words of the open run
	connectors := 0
	prevEnd, prevPossessive := 0, false // the run's last word
	for i := 0; i < len(text); {
		if !inRun {
			// Only a capitalised word opens a run: go to the next
			// capital letter, and on if it is inside a word.
			for i < len(text) && (text[i] < 'A' || text[i] > 'Z') && text[i] < utf8.RuneSelf {
				i++
			}
			if i == len(text) {
				return false
			}
			if text[i] >= utf8.RuneSelf {
				return true
			}
			if i > 0 && (asciiWordByte[text[i-1]] || text[i-1] == '\'' && i >= 2 && asciiWordByte[text[i-2]]) {
				end, ok := asciiWordEnd(text, i)
				if !ok {
					return true
				}
				i = end
				continue
			}
		} else if b := text[i]; b >= utf8.RuneSelf {
			return true
		} else if !asciiWordByte[b] {
			i++
			continue
		}
		start := i
		end, ok := asciiWordEnd(text, i)
		if !ok {
			return true
		}
		i = end
		first := text[start]
		capital := 'A' <= first && first <= 'Z'
		stemEnd := i
		if n := i - start; n > 2 && text[i-2] == '\'' && text[i-1]|0x20 == 's' {
			stemEnd = i - 2
		}
		if inRun {
			if gap := text[prevEnd:start]; (gap != " " && gap != "  " && gap != "-") || prevPossessive {
				// The run ends: nameRuns keeps it if it has two
				// capitalised words.
				if caps >= 2 {
					return true
				}
				inRun, caps, connectors = false, 0, 0
			}
		}
		switch {
		case capital:
			inRun, caps, connectors = true, caps+1, 0
		case '0' <= first && first <= '9' && inRun:
			connectors = 0
		case inRun && connectors < 2 && asciiConnector(text[start:stemEnd]):
			connectors++
		default:
			if caps >= 2 {
				return true
			}
			inRun, caps, connectors = false, 0, 0
			continue
		}
		prevEnd, prevPossessive = i, stemEnd != i
	}
	return caps >= 2
}

// asciiWordEnd returns the end of the word of text that goes on at byte
// i, as nameWords finds it: ASCII letters and digits, and an apostrophe
// followed by a letter. ok is false at a byte outside ASCII.
func asciiWordEnd(text string, i int) (end int, ok bool) {
	for i < len(text) {
		c := text[i]
		if c >= utf8.RuneSelf {
			return i, false
		}
		if asciiWordByte[c] {
			i++
			continue
		}
		if c == '\'' && i+1 < len(text) {
			if next := text[i+1]; next >= utf8.RuneSelf {
				return i, false
			} else if 'a' <= next|0x20 && next|0x20 <= 'z' {
				i++ // an apostrophe inside a word (People's)
				continue
			}
		}
		break
	}
	return i, true
}

// asciiConnector reports whether the ASCII word w, lower-cased, is one of
// nameConnectors.
func asciiConnector(w string) bool {
	if len(w) > 3 {
		return false
	}
	var b [3]byte
	for k := range len(w) {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	return nameConnectors[string(b[:len(w)])]
}

// fewCapitals reports whether text is ASCII with fewer than two capital
// letters, so that it holds no two capitalised words: most sentences
// start with their only capital.
func fewCapitals(text string) bool {
	capitals := 0
	for i := 0; i < len(text); i++ {
		switch b := text[i]; {
		case b >= utf8.RuneSelf:
			return false
		case 'A' <= b && b <= 'Z':
			if capitals++; capitals == 2 {
				return false
			}
		}
	}
	return true
}

// key sets t's key (see setKey) and returns it.
func (r *nameRunner) key(t *nameToken) string {
	if r.keys == nil {
		r.keys = make(map[string]string)
	}
	t.setKey(r.keys)
	return t.key
}

// startsUpper reports whether word starts with an upper-case letter.
func startsUpper(word string) bool {
	if c := word[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	first, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(first)
}

// nameGap reports whether the text between two words keeps them in one
// name: one or two spaces, or one hyphen.
func nameGap(gap string) bool {
	switch gap {
	case " ", "  ", "\u00a0", "-", "‑":
		return true
	}
	return false
}
