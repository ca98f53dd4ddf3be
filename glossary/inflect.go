package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A form is one pattern that a term is searched by, and the endings that
// may follow it. A term has its own key as a form; an English term has
// more forms for its inflections.
type form struct {
	key string // folded key searched for
	// own is how many leading bytes of key come from the term's own key
	// (all of it, or the term's key less a final e or y); a case-sensitive
	// term must match exactly there.
	own int
	// exact is the unfolded key of those own bytes (case-sensitive terms).
	exact string
	// suffixes are the endings allowed right after key; "" allows none.
	suffixes []string
	stem     bool // key is not the term's whole key (a final e or y dropped)
}

// Endings of English nouns and verbs, in key form (the apostrophe is '
// for both ' and ’).
var (
	nounSuffixes     = []string{"", "s", "'s", "s'"}
	sibilantSuffixes = []string{"", "es", "'s", "es'"} // bus, box, buzz, church, ship
	sSuffixes        = []string{"", "es", "'s", "es'", "'"}
	oSuffixes        = []string{"", "s", "es", "'s", "s'"}
	ySuffixes        = []string{"", "'s"} // ally: the plural comes from the stem alli-
	iesSuffixes      = []string{"es", "es'"}
	digitSuffixes    = []string{"", "'s"} // Article 5's
)

// forms returns the forms of a term whose folded and exact keys are given.
//
// English terms whose last word ends in a Latin letter also match these
// inflections of that last word (only the last: "Heads of State" matches
// "Heads of States", not "Head of State"):
//
//   - plural and possessive: -s, -'s, -s' (NATO → NATOs, NATO's);
//     after s, x, z, ch, sh: -es, -'s, -es' and after s also -' (bus →
//     buses, Gates'); after o: -s and -es (veto → vetoes);
//     consonant + y: -'s, and -ies, -ies' (ally → allies, allies');
//   - verbs (PartOfSpeech "verb"): also -ed and -ing (deploy → deployed,
//     deploying); final e: -d and e → -ing unless the e follows e, o or y
//     (declare → declared, declaring; agree → agreeing); consonant + y:
//     -ies, -ied, -ying (ratify → ratified, ratifying). Doubled final
//     consonants (deter → deterred) and irregular forms (lead → led) are not
//     generated: give them as terms of their own.
//
// An English term ending in a digit takes the possessive -'s (Article 5's).
// An inflection never crosses a word boundary: the ending must be followed
// by a non-word character, so "Article 5" does not match "Article 50" and
// "SHAPE" does not match "SHAPED" unless SHAPE is a verb.
func forms(folded, exact string, english, verb bool) []form {
	own := form{key: folded, own: len(folded), exact: exact, suffixes: []string{""}}
	last, _ := utf8.DecodeLastRuneInString(folded)
	if english && '0' <= last && last <= '9' {
		own.suffixes = digitSuffixes
	}
	if !english || !unicode.Is(unicode.Latin, last) {
		return []form{own}
	}
	w := folded[strings.LastIndexByte(folded, ' ')+1:]
	end := func(s string) bool { return strings.HasSuffix(w, s) }
	consonantY := end("y") && len(w) >= 2 && isConsonant(w[len(w)-2])
	switch {
	case consonantY:
		own.suffixes = ySuffixes
	case end("s"):
		own.suffixes = sSuffixes
	case end("x"), end("z"), end("ch"), end("sh"):
		own.suffixes = sibilantSuffixes
	case end("o"):
		own.suffixes = oSuffixes
	default:
		own.suffixes = nounSuffixes
	}
	out := []form{own}
	// stem returns the form for the term's key less its final byte (e or y),
	// followed by extra letters and then one of the suffixes.
	stem := func(extra string, suffixes ...string) form {
		n := len(folded) - 1
		return form{key: folded[:n] + extra, own: n, exact: exact[:len(exact)-1], suffixes: suffixes, stem: true}
	}
	if consonantY {
		out = append(out, stem("i", iesSuffixes...))
	}
	if !verb {
		return out
	}
	switch {
	case consonantY:
		out[0].suffixes = append(clone(out[0].suffixes), "ing")
		out[1].suffixes = append(clone(out[1].suffixes), "ed")
	case end("e"):
		out[0].suffixes = append(clone(out[0].suffixes), "d")
		if len(w) >= 3 && strings.IndexByte("eoy", w[len(w)-2]) < 0 {
			out = append(out, stem("", "ing"))
		} else {
			out[0].suffixes = append(out[0].suffixes, "ing")
		}
	default:
		out[0].suffixes = append(clone(out[0].suffixes), "ed", "ing")
	}
	return out
}

func clone(s []string) []string { return append([]string(nil), s...) }

// isConsonant reports whether the ASCII letter c is a consonant (y counts
// as a vowel here: "day" → "days").
func isConsonant(c byte) bool {
	return 'a' <= c && c <= 'z' && strings.IndexByte("aeiouy", c) < 0
}

// isVerb reports whether a part-of-speech value names a verb.
func isVerb(pos string) bool {
	p := strings.ToLower(strings.TrimSpace(pos))
	return p == "verb" || p == "v" || strings.HasPrefix(p, "verb ")
}
