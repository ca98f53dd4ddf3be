package checks

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// ForeignFragment finds phrases of another Latin-script language left in
// an English target, such as the French "La défense collective" in "La
// défense collective remains the Alliance's core task."
var ForeignFragment = &pipeline.Check{
	Name: "foreign-fragment",
	Doc: `foreign-fragment finds a span of two or more words inside an English target that is confidently in another language written in Latin script: the French "La défense collective" in "La défense collective remains the Alliance's core task.", the German "eine neue Zeitenwende".

Only words near a word that the embedded English word list (SCOWL, glossary/spelling) does not know, or near a function word of another language that is no common English word ("los", "und"), reach the language models (lingua-go's n-gram models of the run's candidate languages, see wrong-language), which label each word English or foreign by its letters, the word list and its neighbours; pipeline/langid's EnglishFragments explains how the words of a fragment are chosen. The finding's span is exactly the fragment's words; the message names the language with lingua's confidence.

Not reported: established phrases that English borrowed (the multi-word entries of Princeton WordNet 3.0 with a word outside the English list, such as "de facto", "ad hoc" and "coup d'état", in foreign_fragment_allow.tsv); terms of a glossary in the target language (a term that a glossary keeps untranslated); quotations and quoted titles (a fragment inside quotation marks, unless the quotation has English words on both sides of it: "My Se calcula que se country and I" is a leak); fragments copied into a target that wrong-language or untranslated-segment report as a whole; fragments whose unknown words all read as pinyin (the pinyin check reports them). Chinese, Cyrillic and other scripts are mixed-script's. Targets in languages other than English are not checked (there is no word list to tell which words need lingua).

When the fragment holds a glossary term of its language whose concept has a term in the target language (the NATO glossary's French "défense collective" for "collective defence"), the message names it and the fix replaces the fragment with it.

Category accuracy/untranslated, severity major, one step more in a heading (up to critical).`,
	Category: pipeline.CategoryUntranslated,
	Severity: pipeline.Major,
	Run:      runForeignFragment,
}

// notLatinWordRune reports whether r ends a word as langid.LatinWords
// splits them: letters, marks, digits, apostrophes and hyphens make words.
func notLatinWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
}

// wordKey folds a word for the allow list: small letters, no diacritics,
// typographic apostrophes as ASCII ones.
func wordKey(w string) string {
	w = strings.ReplaceAll(strings.ToLower(w), "’", "'")
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func runForeignFragment(p *pipeline.Pass) error {
	// own holds a target's words when an allow list or a glossary makes
	// some of them English: the shared words stay as they are
	var own []langid.Word
	for d, doc := range p.Docs {
		whole := wrongLanguageTargets(p, d).targets
		untrans := untranslatedTargets(p, d)
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if whole[i].wrong || untrans[i].why != translated {
				continue
			}
			if whole[i].split && !whole[i].unknown && !whole[i].foreignFW {
				// wrong-language found neither a word that the English
				// list does not know nor a foreign function word: no
				// word may seed a fragment (langid.MayHaveFragments).
				// Most targets end here, before their language is
				// looked up.
				continue
			}
			if targetBase(seg) != language.English {
				continue
			}
			words := targetLatinWords(p, d, i)
			if !langid.MayHaveFragments(seg.Target, words) {
				continue // nothing for the models to look at
			}
			det := detectorFor(p.Config, seg)
			allowed := allowedWords(seg.Target, words)
			terms := p.Config.Matcher(seg.TargetLang).Find(seg.Target)
			copied := false
			for k := range words {
				if words[k].Class == langid.UnknownWord && (allowed[k] || inTerms(terms, words[k])) {
					if !copied {
						own = append(own[:0], words...)
						words, copied = own, true
					}
					words[k].Class = langid.EnglishWord
				}
			}
			frags := det.EnglishFragmentsOf(seg.Target, words)
			for _, f := range frags {
				if g := snapToTerm(p.Config, seg.Target, f, words); g != f {
					f = g
					f.Confidence = det.Confidence(seg.Target[f.Start:f.End], f.Lang)
				}
				if fragmentExcused(seg.Target, f, words, allowed, terms) || pinyinFragment(seg.Target, f, words) {
					continue
				}
				reportForeign(p, d, i, seg, f)
			}
		}
	}
	return nil
}

// allowedWords marks the words of text that lie in an occurrence of an
// allow-listed phrase.
func allowedWords(text string, words []langid.Word) []bool {
	keys := make([]string, len(words))
	for k, w := range words {
		keys[k] = wordKey(text[w.Start:w.End])
	}
	out := make([]bool, len(words))
	for k := range words {
		for ph := range allowPhrases.withFirstWord(keys[k]) {
			for j := range phraseAt(ph, keys, k) {
				out[k+j] = true
			}
		}
	}
	return out
}

// fragmentExcused reports whether fragment f is allowed: it is quoted, or
// some of its words lie in an allow-listed phrase or a target-language
// glossary term and every other word is an English word of the list.
func fragmentExcused(text string, f langid.Fragment, words []langid.Word, allowed []bool, terms []glossary.Match) bool {
	if quoted(text, f.Start, f.End, words) {
		return true
	}
	excused := false
	for k, w := range words {
		if w.Start < f.Start || w.End > f.End {
			continue
		}
		ok := allowed[k] || inTerms(terms, w)
		if !ok && w.Class != langid.EnglishWord {
			return false
		}
		excused = excused || ok
	}
	return excused
}

// pinyinFragment reports whether fragment f reads as pinyin: it has
// unknown words other than function words of its language ("le", "que")
// and every unknown word, function words too, and every capitalised word
// that the English list does not know reads as pinyin. The pinyin check
// reports those ("neng gou zuo dao zhe jian shi"), which lingua would
// take for a European language; a fragment with one word that is no
// pinyin ("jedem der beiden", "dimanche de Septembre") is not one.
func pinyinFragment(text string, f langid.Fragment, words []langid.Word) bool {
	py := pinyinWords(text[f.Start:f.End], true)
	unknown := false
	for _, w := range words {
		if w.Start < f.Start || w.End > f.End {
			continue
		}
		word := text[w.Start:w.End]
		name := w.Class == langid.NeutralWord && w.Capital && !strings.ContainsAny(word, "0123456789")
		if w.Class != langid.UnknownWord && !name {
			continue
		}
		if !slices.ContainsFunc(py, func(x pinyinWord) bool {
			return f.Start+x.span.Start <= w.Start && w.End <= f.Start+x.span.End
		}) {
			return false
		}
		unknown = unknown || w.Class == langid.UnknownWord && !langid.IsFunctionWord(f.Lang, word)
	}
	return unknown
}

// inTerms reports whether word w lies in one of the glossary matches.
func inTerms(terms []glossary.Match, w langid.Word) bool {
	for _, m := range terms {
		if m.Start <= w.Start && w.End <= m.End {
			return true
		}
	}
	return false
}

// quoted reports whether text[start:end] is most of a short quotation:
// inside quotation marks that hold at most ten words, at most twice as
// many as the fragment (a quoted title or phrase, "À la recherche du
// temps perdu"), with no closing mark between the opening one and it,
// and without English words of the list (words) on both sides of it
// inside the marks: "My Se calcula que se country and I" is an English
// quotation with a leak in it.
func quoted(text string, start, end int, words []langid.Word) bool {
	pairs := map[rune]rune{'“': '”', '«': '»', '„': '“', '"': '"', '‘': '’', '‹': '›'}
	closers := "”»›"
	for j := start; j > 0; {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		j -= n
		if r == '\n' || strings.ContainsRune(closers, r) {
			return false
		}
		closing, ok := pairs[r]
		if !ok {
			continue
		}
		if r == '"' && strings.Count(text[:j], `"`)%2 == 1 {
			return false // the closing mark of an earlier quotation
		}
		k := strings.IndexRune(text[end:], closing)
		if k < 0 || strings.Contains(text[end:end+k], "\n") {
			return false
		}
		inside := len(strings.Fields(text[j+n : end+k]))
		if inside > 10 || inside > 2*len(strings.Fields(text[start:end])) {
			return false
		}
		// English words of the quotation on both sides of the fragment
		// make it a quoted English phrase with a leak inside, no title
		before, after := false, false
		for _, w := range words {
			if w.Class != langid.EnglishWord {
				continue
			}
			before = before || w.Start >= j+n && w.End <= start
			after = after || w.Start >= end && w.End <= end+k
		}
		return !(before && after)
	}
	return false
}

func reportForeign(p *pipeline.Pass, d, i int, seg *pipeline.Segment, f langid.Fragment) {
	span := pipeline.Span{Start: f.Start, End: f.End}
	frag := seg.Target[f.Start:f.End]
	name := languageName(f.Lang)
	copied := ""
	if seg.Bilingual() && strings.Contains(seg.Source, frag) {
		copied = ", copied from the source"
	}
	msg := fmt.Sprintf("%s text “%s” in an English target%s (lingua's confidence in %s: %.2f)", name, frag, copied, name, f.Confidence)
	var fixes []pipeline.Fix
	if m, term, ok := glossaryRendering(p.Config, frag, f.Lang, seg.TargetLang); ok {
		msg += fmt.Sprintf("; the %s glossary has “%s” for %s “%s”", m.Glossary.Name, term.Text, name, frag[m.Start:m.End])
		repl := term.Text
		if sentenceStart(seg.Target, f.Start) {
			repl = capitalise(repl)
		}
		fixes = append(fixes, pipeline.ReplaceFix(fmt.Sprintf("Replace with “%s”", repl), span, repl))
	}
	p.Report(d, i, pipeline.Finding{
		Severity: raiseInHeading(p.Severity(), seg.Kind),
		Side:     pipeline.Target,
		Span:     span,
		Message:  msg,
		Fixes:    fixes,
	})
}

// glossaryRendering looks for a glossary term of language lang in frag
// that covers all of frag but for short words at its edges (articles:
// "La" of "La défense collective") and returns its concept's term in the
// target language.
func glossaryRendering(cfg *pipeline.Config, frag string, lang, target language.Tag) (glossary.Match, *glossary.Term, bool) {
	for _, m := range cfg.Matcher(lang).Find(frag) {
		if !shortWords(frag[:m.Start]) || !shortWords(frag[m.End:]) {
			continue
		}
		if t, ok := m.Concept.Preferred(target); ok {
			return m, t, true
		}
	}
	return glossary.Match{}, nil, false
}

// snapToTerm fits fragment f to a glossary term of its language that
// overlaps it, within three words around it: the fragment grows to take
// in the whole term ("La défense" becomes "La défense collective" where
// "défense collective" is a French term), and loses the common English
// words that follow the term in it ("défense collective remains").
func snapToTerm(cfg *pipeline.Config, text string, f langid.Fragment, words []langid.Word) langid.Fragment {
	first := slices.IndexFunc(words, func(w langid.Word) bool { return w.End > f.Start })
	last := first
	for last+1 < len(words) && words[last+1].Start < f.End {
		last++
	}
	if first < 0 {
		return f
	}
	ws, we := words[max(0, first-3)].Start, words[min(len(words)-1, last+3)].End
	for _, m := range cfg.Matcher(f.Lang).Find(text[ws:we]) {
		ms, me := ws+m.Start, ws+m.End
		if me <= f.Start || ms >= f.End {
			continue
		}
		start, end := min(f.Start, ms), max(f.End, me)
		if end > me {
			english := true
			for _, w := range words {
				if w.Start >= me && w.End <= end && w.Class != langid.EnglishWord {
					english = false
				}
			}
			if english {
				end = me
			}
		}
		n := 0
		for _, w := range words {
			if w.Start >= start && w.End <= end {
				n++
			}
		}
		if n >= 2 {
			f.Start, f.End, f.Words = start, end, n
			return f
		}
	}
	return f
}

// shortWords reports whether s holds at most one word, of at most three
// letters.
func shortWords(s string) bool {
	f := strings.Fields(s)
	return len(f) == 0 || len(f) == 1 && utf8.RuneCountInString(strings.TrimFunc(f[0], func(r rune) bool { return !unicode.IsLetter(r) })) <= 3
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
