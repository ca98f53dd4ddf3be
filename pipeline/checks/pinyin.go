package checks

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
	"github.com/tqa-project/tqa/pipeline/readings"
)

// Pinyin finds Chinese words left untranslated in pinyin in an English
// target: "the guanxi between them", "Xi's zhongguo meng", "yùnniàng".
var Pinyin = &pipeline.Check{
	Name: "pinyin",
	Doc: `pinyin finds Chinese words left in an English target in Hanyu Pinyin instead of being translated: "the guanxi between them", "a new 'tianxia' order", "Xi's zhongguo meng", "yùnniàng", "yun4niang4".

A word is pinyin when it splits entirely into syllables of a table of valid Hanyu Pinyin syllables (package readings: every reading of go-pinyin's character dictionary, without the vowelless interjections m, n, ng, hm, hng), with tone marks on the vowels the orthography puts them on, a tone number after every syllable, or no tones; an apostrophe may only stand before a syllable that starts with a, e or o (xi'an). Neighbouring pinyin words make one finding ("zhongguo meng").

Evidence required, since many English words are also pinyin: a word that is an English word (glossary/spelling.EnglishSize, SCOWL up to size 70: men, long, ban, hang, she, you; yin, yang, tofu, kowtow; and the rarer words of SCOWL's sizes 80 and 95 that read as pinyin, in pinyin_english.txt: renminbi, sashimi, qigong) is never pinyin, nor is one with accents whose bare letters are English (élite); a toneless word, or a run of neighbouring words, needs two syllables or more (guanxi; zhongguo meng); a word written with acute or grave accents only, as French and Spanish write theirs, needs two syllables and four letters or more (not "été"); a numbered word needs two syllables or more; a single syllable with a macron or caron and two letters or more is enough (rén is not, rěn is). A toneless word that is neither known vocabulary nor a spelling of the source's characters (below) needs five letters or more, must not be two common English words joined ("timetime") or an English prefix before an English word ("remobilize"), and, in a segment whose source has Chinese characters, is not reported at all: untranslated pinyin spells the source. Nor is pinyin before an English word for a place ("meixi lake", "xiong'an new area": a place name, whatever its case) or joined by a hyphen to an English word ("ruyi-scepters": a word kept on purpose, with its gloss). Words in URLs, hashtags and handles are left alone, and so are words inside a phrase of another European language that foreign-fragment finds ("renforce la sécurité": "sécurité" reads as sé-cu-ri-té; "Se calcula que se": "que se" reads as pinyin).

Capitalised words are names (Xi Jinping, Beijing, Zhongnanhai; a sentence that starts with pinyin is missed): allowed and not reported, unless pipeline.Config.PinyinNames is set, which reports them as neutral. So is a lower-case word that the configured dictionary lists only as a name.

Severity: major for pinyin with tones (marked or numbered) and for known vocabulary (a Chinese term of a glossary or a dictionary word with that pinyin; the message gives its English term or senses, and a glossary term or a single plain sense is offered as the fix); minor for other toneless words, including those that spell characters of the segment's source (the message names them), since English has borrowed some (renminbi) and writes some names that way. A configured severity replaces both.`,
	Category: pipeline.CategoryUntranslated,
	Severity: pipeline.Major,
	Run:      runPinyin,
}

// pinyinWord is one word of a target read as pinyin.
type pinyinWord struct {
	span pipeline.Span
	text string
	w    readings.Word
	name bool // capitalised
}

func runPinyin(p *pipeline.Pass) error {
	_, configured := p.Config.Severity[p.Check.Name]
	var vocab map[string]vocabEntry
	target := lastTag[bool]{of: pinyinTargetLanguage}
	for d, doc := range p.Docs {
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if !target.get(seg.TargetLang) {
				continue
			}
			words := pinyinWords(seg.Target, p.Config.PinyinNames)
			if len(words) == 0 {
				continue
			}
			if words = dropInForeignFragments(p.Config, seg, words); len(words) == 0 {
				continue
			}
			if vocab == nil {
				vocab = pinyinVocabulary(p.Config)
			}
			for k := 0; k < len(words); {
				w := words[k]
				if w.name {
					if p.Config.PinyinNames {
						reportPinyinName(p, d, i, w)
					}
					k++
					continue
				}
				// a run of neighbouring lower-case words, separated by spaces only
				last := k
				for last+1 < len(words) && !words[last+1].name && onlySpaces(seg.Target[words[last].span.End:words[last+1].span.Start]) {
					last++
				}
				reportPinyinRun(p, d, i, seg, words[k:last+1], vocab, configured)
				k = last + 1
			}
		}
	}
	return nil
}

// pinyinTargetLanguage reports whether the pinyin check reads a target
// in tag: English, or a tag whose base factsOf finds "und".
func pinyinTargetLanguage(tag language.Tag) bool {
	base := factsOf(tag).base
	return base == "en" || base == "und"
}

// dropInForeignFragments removes the words that lie in a phrase of
// another European language, one that foreign-fragment finds and whose
// unknown words do not all read as pinyin: "sécurité" and "lumière" parse
// as toned pinyin (sé-cu-ri-té), but in "renforce la sécurité" they are
// French; "que se" reads as pinyin, but in "Se calcula que se" it is
// Spanish, and foreign-fragment reports the phrase. The language
// detector is asked only when the target has a word outside the pinyin
// words that may seed a fragment (langid.MayHaveFragments): without one,
// every fragment would read as pinyin and be left to this check.
func dropInForeignFragments(cfg *pipeline.Config, seg *pipeline.Segment, words []pinyinWord) []pinyinWord {
	latin := langid.LatinWords(seg.Target)
	if !seedOutside(seg.Target, latin, words) {
		return words
	}
	var frags []langid.Fragment
	for _, f := range detectorFor(cfg, seg).EnglishFragmentsOf(seg.Target, latin) {
		if !pinyinFragment(seg.Target, f, latin) {
			frags = append(frags, f)
		}
	}
	if len(frags) == 0 {
		return words
	}
	var out []pinyinWord
	for _, w := range words {
		if slices.ContainsFunc(frags, func(f langid.Fragment) bool {
			return f.Start <= w.span.Start && w.span.End <= f.End
		}) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// seedOutside reports whether a word of latin, the Latin-script words of
// text, that is not part of one of the pinyin words may seed a fragment.
func seedOutside(text string, latin []langid.Word, words []pinyinWord) bool {
	for _, w := range latin {
		if slices.ContainsFunc(words, func(p pinyinWord) bool { return p.span.Start <= w.Start && w.End <= p.span.End }) {
			continue
		}
		if langid.MayHaveFragments(text, []langid.Word{w}) {
			return true
		}
	}
	return false
}

func onlySpaces(s string) bool { return s != "" && strings.TrimSpace(s) == "" }

// pinyinWords returns the words of text that read as pinyin and are not
// English words; capitalised ones only when names are wanted. The cheap
// tests come first: most words are English.
func pinyinWords(text string, names bool) []pinyinWord {
	var out []pinyinWord
	for i := 0; i < len(text); {
		if b := text[i]; b < utf8.RuneSelf {
			if !asciiLetter(b) {
				i++
				continue
			}
			// Most words are ASCII letters up to a space or a punctuation
			// mark: such a word is the whole word that the loop below would
			// find, with no possessive to take off; a capitalised one is
			// skipped, and so is one that does not split into syllables,
			// before the other tests.
			end := i + 1
			for end < len(text) && asciiLetter(text[end]) {
				end++
			}
			if end == len(text) || endsASCIIWord[text[end]] {
				if isUpperASCII(b) && !names || !asciiPinyin(text[i:end]) {
					i = end
					continue
				}
			}
		}
		c, n := utf8.DecodeRuneInString(text[i:])
		if !isPinyinLetter(c) {
			i += n
			continue
		}
		start := i
		end := i
		for end < len(text) {
			b := text[end]
			if b < utf8.RuneSelf && (asciiLetter(b) || b >= '0' && b <= '9') {
				end++
				continue
			}
			if b < utf8.RuneSelf && b != '\'' {
				break // ASCII that is not a letter, a digit or an apostrophe ends the word
			}
			c, n := utf8.DecodeRuneInString(text[end:])
			if isPinyinLetter(c) || c >= '0' && c <= '9' || unicode.Is(unicode.Mn, c) {
				end += n
				continue
			}
			if (c == '\'' || c == '’') && end+n < len(text) {
				if d, _ := utf8.DecodeRuneInString(text[end+n:]); isPinyinLetter(d) {
					end += n
					continue
				}
			}
			break
		}
		i = end
		word := text[start:end]
		// possessive 's: Xi's
		if word[len(word)-1] == 's' {
			for _, poss := range [...]string{"'s", "’s"} {
				if strings.HasSuffix(word, poss) {
					word = word[:len(word)-len(poss)]
				}
			}
		}
		first, _ := utf8.DecodeRuneInString(word)
		name := unicode.IsUpper(first)
		if name && !names || !mayBePinyin(word) || !standaloneWord(text, start, end) || englishWord(word) {
			continue
		}
		w, ok := readings.ParseWord(word)
		if !ok {
			continue
		}
		out = append(out, pinyinWord{
			span: pipeline.Span{Start: start, End: start + len(word)},
			text: word,
			w:    w,
			name: name,
		})
	}
	return out
}

// mayBePinyin is a quick test that rejects most English words without
// parsing them: in an ASCII word, every run of consonants must be what
// pinyin puts between two vowels, a coda (n, ng, or the r of er) then an
// initial (one consonant, or zh, ch, sh), with no coda at the start and no
// initial at the end; v is not pinyin. Words with other letters (tone
// marks) pass to the parser.
func mayBePinyin(word string) bool {
	start := 0
	for i := 0; i <= len(word); i++ {
		if i < len(word) {
			switch pinyinClass[word[i]] {
			case pinyinConsonant:
				continue
			case pinyinNotASCII:
				return true
			case pinyinV:
				return false
			}
		}
		if start < i && !consonantRun(word[start:i], start == 0, i == len(word)) {
			return false
		}
		start = i + 1
	}
	return true
}

// pinyinInitials are the initials of one letter: bpmfdtnlgkhjqxrzcsyw.
var pinyinInitials = func() (t [256]bool) {
	for _, c := range []byte("bpmfdtnlgkhjqxrzcsyw") {
		t[c] = true
	}
	return t
}()

// The classes of bytes for mayBePinyin.
const (
	pinyinConsonant = iota // any other ASCII byte
	pinyinVowel            // a, e, i, o, u in either case; apostrophes and tone numbers, which end syllables
	pinyinV                // v, not pinyin
	pinyinNotASCII         // a byte of a non-ASCII character (a tone mark)
)

var pinyinClass = func() (t [256]uint8) {
	for b := range 256 {
		c := byte(b) | 0x20 // lower-case ASCII letters
		switch {
		case b >= utf8.RuneSelf:
			t[b] = pinyinNotASCII
		case b == '\'' || b >= '0' && b <= '9' || c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u':
			t[b] = pinyinVowel
		case c == 'v':
			t[b] = pinyinV
		}
	}
	return t
}()

// consonantRun reports whether run (ASCII, in either case) may stand
// between two vowels of pinyin (atStart: before the first vowel; atEnd:
// after the last): a coda (n, ng, or the r of er; none at the start) then
// an initial (none at the end). It compares bytes in a buffer on the
// stack: mayBePinyin asks it of most words of an English text.
func consonantRun(run string, atStart, atEnd bool) bool {
	if len(run) > 4 { // the longest: a coda of two, an initial of two
		return false
	}
	var buf [4]byte
	lower := buf[:len(run)]
	for k := range lower {
		c := run[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[k] = c
	}
	if pinyinInitial(lower, atEnd) {
		return true
	}
	if atStart {
		return false
	}
	for _, coda := range [...]string{"n", "ng", "r"} {
		if len(lower) >= len(coda) && string(lower[:len(coda)]) == coda && pinyinInitial(lower[len(coda):], atEnd) {
			return true
		}
	}
	return false
}

// pinyinInitial reports whether init (lower case) may follow a coda in
// consonantRun: nothing, or at a syllable's start one consonant or zh, ch,
// sh.
func pinyinInitial(init []byte, atEnd bool) bool {
	switch {
	case len(init) == 0:
		return true
	case atEnd:
		return false
	case len(init) == 1:
		return pinyinInitials[init[0]]
	case len(init) == 2:
		return init[1] == 'h' && (init[0] == 'z' || init[0] == 'c' || init[0] == 's')
	}
	return false
}

// endsASCIIWord marks the ASCII bytes that end a word in pinyinWords:
// all but letters, digits and the apostrophe.
var endsASCIIWord = func() (t [256]bool) {
	for b := range utf8.RuneSelf {
		t[b] = !asciiLetter(byte(b)) && !(b >= '0' && b <= '9') && b != '\''
	}
	return t
}()

// asciiLetter reports whether b is an ASCII letter.
func asciiLetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// isPinyinLetter reports whether c is a letter a Latin word may hold.
func isPinyinLetter(c rune) bool {
	return c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') || c >= utf8.RuneSelf && unicode.IsLetter(c) && unicode.Is(unicode.Latin, c)
}

// standaloneWord reports whether text[start:end] is a word of prose, not
// part of an identifier, a hashtag, a handle, a path or a domain name, nor
// glued to letters of another script or to digits.
func standaloneWord(text string, start, end int) bool {
	if start > 0 {
		c, _ := utf8.DecodeLastRuneInString(text[:start])
		if c == utf8.RuneError || strings.ContainsRune("#@_/\\=.", c) || unicode.IsLetter(c) || unicode.IsDigit(c) {
			return false
		}
	}
	if end < len(text) {
		c, n := utf8.DecodeRuneInString(text[end:])
		if c == utf8.RuneError || strings.ContainsRune("_/\\@=", c) || unicode.IsLetter(c) || unicode.IsDigit(c) {
			return false
		}
		if c == '.' && end+n < len(text) { // a domain or a file name: example.com
			if d, _ := utf8.DecodeRuneInString(text[end+n:]); unicode.IsLetter(d) {
				return false
			}
		}
	}
	return true
}

// englishWord reports whether word, or word without its accents, is an
// English word of SCOWL's lists: up to size 70 (spelling.EnglishSize), or
// a rare one that reads as pinyin (pinyin_english.txt).
func englishWord(word string) bool {
	if _, ok := spelling.EnglishSize(word); ok {
		return true
	}
	if pinyinEnglish.contains(strings.ToLower(word)) {
		return true
	}
	bare := stripAccents(word)
	if bare == word {
		return false
	}
	_, ok := spelling.EnglishSize(bare)
	return ok
}

// stripAccents removes combining marks after canonical decomposition.
func stripAccents(s string) string {
	var b strings.Builder
	for _, c := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// vocabEntry is what a glossary or dictionary knows of a pinyin key.
type vocabEntry struct {
	han   string // the Chinese word
	read  readings.Reading
	names bool // the dictionary lists the key only as a name
}

// pinyinVocabulary returns the Chinese terms of the configured glossaries
// by the toneless pinyin of their characters ("beiyue" for 北约).
func pinyinVocabulary(cfg *pipeline.Config) map[string]vocabEntry {
	m := map[string]vocabEntry{}
	for _, g := range cfg.Glossaries {
		for ci := range g.Concepts {
			c := &g.Concepts[ci]
			for _, t := range c.TermsIn(language.Chinese) {
				key := readings.Key(t.Text)
				if _, seen := m[key]; seen || key == "" {
					continue
				}
				m[key] = vocabEntry{han: t.Text}
			}
		}
	}
	return m
}

// lookupVocabulary returns what the glossaries and the dictionary know of
// the pinyin key.
func lookupVocabulary(p *pipeline.Pass, vocab map[string]vocabEntry, key string, target language.Tag) (vocabEntry, bool) {
	rd := readings.Reader{Matcher: p.Config.Matcher, Dict: p.Config.Dict, Target: target}
	if v, ok := vocab[key]; ok {
		v.read = rd.Read(v.han, language.Chinese)
		if v.read.Term != nil {
			return v, true
		}
	}
	if p.Config.Dict == nil {
		return vocabEntry{}, false
	}
	es := p.Config.Dict.LookupPinyin(key)
	if len(es) == 0 {
		return vocabEntry{}, false
	}
	names := true
	for _, e := range es {
		if !e.IsName() {
			names = false
			break
		}
	}
	v := vocabEntry{han: es[0].Simplified, names: names}
	v.read = rd.Read(v.han, language.Chinese)
	return v, true
}

// reportPinyinRun reports a run of neighbouring pinyin words when the
// evidence is sufficient.
func reportPinyinRun(p *pipeline.Pass, d, i int, seg *pipeline.Segment, run []pinyinWord, vocab map[string]vocabEntry, configured bool) {
	syllables, letters, toned, strongMarks, numbered := 0, 0, false, false, false
	var key strings.Builder
	var all []string
	for _, w := range run {
		syllables += len(w.w.Syllables)
		letters += utf8.RuneCountInString(w.w.Key())
		key.WriteString(w.w.Key())
		all = append(all, w.w.Syllables...)
		switch w.w.Form {
		case readings.Numbered:
			toned = true
			numbered = true
		case readings.Marked:
			toned = true
			if hasStrongMark(w.text) {
				strongMarks = true
			}
		}
	}
	switch {
	case numbered: // tone numbers: shi4 alone may be a code
		if syllables < 2 {
			return
		}
	case strongMarks: // macrons or carons: pinyin and nothing else
		if syllables < 2 && letters < 2 {
			return
		}
	case toned: // acute and grave accents only, as in French "été"
		if syllables < 2 || letters < 4 {
			return
		}
	case syllables < 2:
		return
	}
	v, known := lookupVocabulary(p, vocab, key.String(), seg.TargetLang)
	if known && v.names {
		return // a name the dictionary knows, written in lower case
	}
	span := pipeline.Span{Start: run[0].span.Start, End: run[len(run)-1].span.End}
	if placeName(seg.Target, span.End) || hyphenedLoan(seg.Target, span.End) {
		return
	}
	fromSource := transliterates(seg.Source, all)
	if !toned && !known && fromSource == "" {
		// toneless and unknown: weaker evidence
		if letters < 5 || len(run) == 1 && englishCompound(strings.ToLower(run[0].text)) {
			return
		}
		if hasHan(seg.Source) {
			return // a Chinese source whose characters it does not spell
		}
	}
	sev := pipeline.Minor
	if toned || known {
		sev = pipeline.Major
	}
	if configured {
		sev = p.Severity()
	}
	text := seg.Target[span.Start:span.End]
	var detail []string
	if marked := markedRun(run); marked != text && toned {
		detail = append(detail, marked)
	}
	var fixes []pipeline.Fix
	switch {
	case known:
		detail = append(detail, v.han+" "+v.read.Note())
		if repl, ok := v.read.Replacement(); ok {
			fixes = append(fixes, pipeline.ReplaceFix(fmt.Sprintf("Replace with “%s”", repl), span, repl))
		}
	case fromSource != "":
		detail = append(detail, "the source's “"+fromSource+"”")
	}
	msg := fmt.Sprintf("pinyin “%s” left untranslated in %s target", text, withArticle(languageName(seg.TargetLang)))
	if len(detail) > 0 {
		msg = fmt.Sprintf("pinyin “%s” (%s) left untranslated in %s target", text, strings.Join(detail, "; "), withArticle(languageName(seg.TargetLang)))
	}
	p.Report(d, i, pipeline.Finding{Severity: sev, Side: pipeline.Target, Span: span, Message: msg, Fixes: fixes})
}

// placeNouns are English generic words for places that follow a place
// name written in pinyin ("Meixi Lake"): pinyin before one of them is a
// name, even in lower case.
var placeNouns = []string{"lake", "river", "mountain", "mountains", "hill", "island", "bay", "road", "street", "avenue", "lane", "bridge", "district", "county", "village", "town", "township", "city", "province", "prefecture", "temple", "park", "square", "station", "port", "airport", "valley", "gorge", "plain", "plateau", "desert", "sea", "gate", "palace", "tower", "garden", "new area", "zone"}

// placeName reports whether the word after byte end of text is one of
// placeNouns.
func placeName(text string, end int) bool {
	rest := strings.ToLower(strings.TrimLeft(text[end:], " "))
	if len(rest) == len(text)-end {
		return false // no space: not a separate word
	}
	for _, n := range placeNouns {
		if after, ok := strings.CutPrefix(rest, n); ok {
			if c, _ := utf8.DecodeRuneInString(after); after == "" || !unicode.IsLetter(c) {
				return true
			}
		}
	}
	return false
}

// hyphenedLoan reports whether a hyphen and an English word follow byte
// end of text: pinyin joined to an English gloss ("ruyi-scepters") is a
// word the writer kept on purpose.
func hyphenedLoan(text string, end int) bool {
	rest, ok := strings.CutPrefix(text[end:], "-")
	if !ok {
		return false
	}
	w := wordAfter(rest, 0)
	return w != "" && englishWord(strings.ToLower(w))
}

// englishPrefixes are English prefixes that make words SCOWL does not
// list ("remobilize").
var englishPrefixes = []string{"re", "de", "pre", "un", "non", "co", "anti"}

// englishCompound reports whether word (lower-case) is two common English
// words of three letters or more joined, an English word typed twice
// ("timetime", "reporepo"), or an English prefix before an English word of
// four letters or more.
func englishCompound(word string) bool {
	if h := len(word) / 2; len(word)%2 == 0 && word[:h] == word[h:] && englishWord(word[:h]) {
		return true
	}
	for _, pre := range englishPrefixes {
		if rest, ok := strings.CutPrefix(word, pre); ok && len(rest) >= 4 && englishWord(rest) {
			return true
		}
	}
	for i := 3; i <= len(word)-3; i++ {
		a, okA := spelling.EnglishSize(word[:i])
		b, okB := spelling.EnglishSize(word[i:])
		if okA && okB && a <= 35 && b <= 35 {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, c := range s {
		if unicode.Is(unicode.Han, c) {
			return true
		}
	}
	return false
}

// markedRun writes the words of run with tone marks, separated by spaces.
func markedRun(run []pinyinWord) string {
	parts := make([]string, len(run))
	for k, w := range run {
		parts[k] = w.w.Marked()
	}
	return strings.Join(parts, " ")
}

// hasStrongMark reports whether word has a macron or caron tone mark,
// which French, Spanish and the other languages English borrows from do
// not write (acute and grave accents they do).
func hasStrongMark(word string) bool {
	return strings.ContainsAny(strings.ToLower(word), "āēīōūǖǎěǐǒǔǚ")
}

// transliterates returns the Han characters of source whose readings
// (any of them, without tones) are the syllables syls in order, or "".
func transliterates(source string, syls []string) string {
	if source == "" || len(syls) == 0 {
		return ""
	}
	runes := []rune(source)
outer:
	for s := 0; s+len(syls) <= len(runes); s++ {
		for k, syl := range syls {
			found := false
			for _, r := range readings.CharSyllables(runes[s+k]) {
				if r == syl {
					found = true
					break
				}
			}
			if !found {
				continue outer
			}
		}
		return string(runes[s : s+len(syls)])
	}
	return ""
}

// reportPinyinName reports a capitalised pinyin word as neutral, when
// configured to.
func reportPinyinName(p *pipeline.Pass, d, i int, w pinyinWord) {
	p.Report(d, i, pipeline.Finding{
		Severity: pipeline.Neutral,
		Side:     pipeline.Target,
		Span:     w.span,
		Message:  fmt.Sprintf("pinyin name “%s” (%s): check that English uses this form", w.text, strings.Join(w.w.Syllables, "-")),
	})
}
