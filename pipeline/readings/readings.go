package readings

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/cedict"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// Reader reads fragments of Chinese, Japanese and Korean text. The zero
// value gives pinyin only. It is safe for concurrent use when its matcher
// function is.
type Reader struct {
	// Matcher returns the glossary matcher for a language (for example
	// pipeline.Config.Matcher); nil for no glossary.
	Matcher func(language.Tag) *glossary.Matcher
	// Dict is a Chinese–English dictionary; nil for none.
	Dict *cedict.Dict
	// Target is the language of the terms to give (English when
	// undetermined).
	Target language.Tag
}

// Sense is what a dictionary says about one word.
type Sense struct {
	Word    string   // as written in the fragment
	Pinyin  string   // with tone marks, as the dictionary gives it
	Glosses []string // the senses of its entries, in file order
}

// Reading is what a Reader knows about one fragment.
type Reading struct {
	// Pinyin is the fragment's reading with tone marks; empty when it is
	// not Chinese.
	Pinyin string
	// Romanization is the reading of a Japanese fragment written in kana
	// only (modified Hepburn, Romaji) or of a Korean one in Hangul only
	// (Revised Romanization, Romanize); empty otherwise.
	Romanization string
	// Term is the target-language term of the glossary concept whose
	// term is the whole fragment, or nil.
	Term *glossary.Term
	// Senses are the dictionary entries of the whole fragment (Whole),
	// one a reading, or else of the dictionary words found in it, in order.
	Senses []Sense
	Whole  bool
}

// Language returns the language a fragment is most likely in, by its
// scripts: Japanese when it has kana, Korean when it has Hangul, Chinese
// when it has Han characters only; ok is false for other scripts.
func Language(frag string) (language.Tag, bool) {
	han := false
	for r := range langid.All(frag) {
		switch r.Script {
		case langid.Hiragana, langid.Katakana:
			return language.Japanese, true
		case langid.Hangul:
			return language.Korean, true
		case langid.Han:
			han = true
		}
	}
	return language.Chinese, han
}

// Read returns what is known about frag, a fragment in lang.
func (rd *Reader) Read(frag string, lang language.Tag) Reading {
	var r Reading
	base, _ := lang.Base()
	chinese := base.String() == "zh"
	if rd.Matcher != nil {
		if m := rd.Matcher(lang); m != nil {
			if ms := m.Find(frag); len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(frag) {
				target := rd.Target
				if target == language.Und {
					target = language.English
				}
				r.Term = termFor(ms[0].Concept, ms[0].Term, target)
			}
		}
	}
	switch base.String() {
	case "ja":
		if isKana(frag) {
			r.Romanization, _ = Romaji(frag)
		}
	case "ko":
		r.Romanization, _ = Romanize(frag)
	}
	if !chinese {
		return r
	}
	if rd.Dict != nil {
		if es := rd.Dict.Lookup(frag); len(es) > 0 {
			r.Whole = true
			r.Senses = groupSenses(frag, es)
		} else {
			r.Senses = rd.words(frag)
		}
	}
	r.Pinyin = r.pinyin(frag)
	return r
}

// termFor returns the concept's target-language term for a fragment that
// is its term src: a short one (acronym, abbreviation or short form) for a
// short src when the glossary allows one, since 北约 is "NATO" where
// 北大西洋公约组织 is "North Atlantic Treaty Organization"; otherwise the
// preferred term. Nil when the concept has no allowed term in target.
func termFor(c *glossary.Concept, src *glossary.Term, target language.Tag) *glossary.Term {
	if src != nil && src.Type.Abbreviated() {
		var short *glossary.Term
		for _, t := range c.TermsIn(target) {
			if t.Status.Allowed() && t.Type.Abbreviated() && (short == nil || t.Status < short.Status) {
				short = t
			}
		}
		if short != nil {
			return short
		}
	}
	t, _ := c.Preferred(target)
	return t
}

// groupSenses makes one Sense a distinct pinyin of the entries es of word.
func groupSenses(word string, es []*cedict.Entry) []Sense {
	var out []Sense
	for _, e := range es {
		p := MarkNumbered(e.Pinyin)
		k := slices.IndexFunc(out, func(s Sense) bool { return s.Pinyin == p })
		if k < 0 {
			out = append(out, Sense{Word: word, Pinyin: p})
			k = len(out) - 1
		}
		out[k].Glosses = append(out[k].Glosses, e.Glosses...)
	}
	return out
}

// words finds the dictionary words of frag by forward longest match: one
// Sense a word, its readings joined with "/" when it has several.
func (rd *Reader) words(frag string) []Sense {
	var out []Sense
	maxLen := rd.Dict.MaxWordLen()
	for i := 0; i < len(frag); {
		end, n, found := i, 0, -1
		var es []*cedict.Entry
		for end < len(frag) && n < maxLen {
			_, size := utf8.DecodeRuneInString(frag[end:])
			end += size
			n++
			if e := rd.Dict.Lookup(frag[i:end]); len(e) > 0 {
				found, es = end, e
			}
		}
		if found < 0 {
			_, size := utf8.DecodeRuneInString(frag[i:])
			i += size
			continue
		}
		w := Sense{Word: frag[i:found]}
		var pins []string
		for _, g := range groupSenses(w.Word, es) {
			pins = append(pins, g.Pinyin)
			w.Glosses = append(w.Glosses, g.Glosses...)
		}
		w.Pinyin = strings.Join(pins, "/")
		out = append(out, w)
		i = found
	}
	return out
}

// pinyin returns the reading of frag: the dictionary's where it gives one
// reading for the whole fragment or for a word, go-pinyin's for the rest.
// Dictionary words are separated by spaces.
func (r *Reading) pinyin(frag string) string {
	if r.Whole {
		if len(r.Senses) == 1 {
			return r.Senses[0].Pinyin
		}
		return Pinyin(frag)
	}
	var parts []string
	i := 0
	for _, s := range r.Senses {
		j := i + strings.Index(frag[i:], s.Word)
		if gap := strings.TrimSpace(frag[i:j]); gap != "" {
			parts = append(parts, Pinyin(gap))
		}
		p := s.Pinyin
		if strings.Contains(p, "/") {
			p = Pinyin(s.Word)
		}
		parts = append(parts, p)
		i = j + len(s.Word)
	}
	if rest := strings.TrimSpace(frag[i:]); rest != "" {
		parts = append(parts, Pinyin(rest))
	}
	var b strings.Builder
	for k, p := range parts {
		if c, _ := utf8.DecodeRuneInString(p); k > 0 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// Note returns the reading for a message: "yùnniàng: to brew; to mull
// over"; "nōto" for ノート; "běiyuē, glossary term “NATO”"; "háng: row; line | xíng: to walk";
// "běiyuē dōngkuò: 北约 NATO; 东扩 eastward expansion"; "" when nothing is
// known.
func (r Reading) Note() string {
	var b strings.Builder
	b.WriteString(r.Pinyin)
	b.WriteString(r.Romanization)
	switch {
	case r.Term != nil:
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString("glossary term “" + r.Term.Text + "”")
	case r.Whole && len(r.Senses) == 1:
		b.WriteString(": " + strings.Join(r.Senses[0].Glosses, "; "))
	case r.Whole:
		b.Reset()
		for k, s := range r.Senses {
			if k > 0 {
				b.WriteString(" | ")
			}
			b.WriteString(s.Pinyin + ": " + strings.Join(s.Glosses, "; "))
		}
	case len(r.Senses) > 0:
		b.WriteString(":")
		for k, s := range r.Senses {
			if k > 0 {
				b.WriteByte(';')
			}
			b.WriteString(" " + s.Word + " " + strings.Join(s.Glosses, ", "))
		}
	}
	return b.String()
}

// Replacement returns the English text that replaces the fragment when it
// is unambiguous: the glossary's term, or the only sense of the only
// dictionary entry when that sense is a plain gloss (not "variant of ...",
// "see ...", "CL:...", nor one with parenthesised remarks).
func (r Reading) Replacement() (string, bool) {
	if r.Term != nil {
		return r.Term.Text, true
	}
	if r.Whole && len(r.Senses) == 1 && len(r.Senses[0].Glosses) == 1 {
		g := r.Senses[0].Glosses[0]
		if plainGloss(g) {
			return g, true
		}
	}
	return "", false
}

func plainGloss(g string) bool {
	if strings.ContainsAny(g, "()[]|;:,") {
		return false
	}
	lower := strings.ToLower(g)
	for _, p := range []string{"see ", "variant of", "old variant", "abbr.", "abbr ", "used in", "surname ", "cl:", "also written", "also pr."} {
		if strings.HasPrefix(lower, p) {
			return false
		}
	}
	return true
}
