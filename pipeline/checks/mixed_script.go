package checks

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
	"github.com/tqa-project/tqa/pipeline/readings"
)

// MixedScript finds fragments of a foreign script in a target, such as the
// Chinese "酝酿" left in the English title "US is酝酿 Leaving NATO".
var MixedScript = &pipeline.Check{
	Name: "mixed-script",
	Doc: `mixed-script finds text in a script that the target language is not written in: Chinese, Japanese or Korean characters, Cyrillic, Greek, Arabic, Hebrew, Thai, Devanagari and every other script left in a translation.

The target language's scripts come from its tag (golang.org/x/text/language); an undetermined language counts as English. Latin is never foreign, since names and acronyms keep their Latin spelling in every language. A fragment is a run of foreign letters, with the spaces and punctuation between them ("北约，欧盟" is one fragment) but without those around them: the finding's span is exactly the foreign text. The message names the script and notes a missing space where the fragment is glued to a Latin word ("is酝酿").

A Chinese, Japanese or Korean fragment comes with what it reads and means (package readings): the pinyin of a Chinese fragment (“酝酿” (yùnniàng)), the romanization of a Japanese fragment in kana only (ノート nōto, modified Hepburn) or of a Korean one in Hangul (북대서양 bukdaeseoyang, Revised Romanization), the target-language term of a glossary concept whose term is the whole fragment (北约: “NATO”), and the English senses of a CC-CEDICT dictionary when one is configured (tqa check --dict): “酝酿” (yùnniàng: to brew; to mull over). When that meaning is unambiguous (a glossary term, or a dictionary entry with a single plain sense), a fix replaces the fragment with it, adding the spaces a glued fragment lacks; otherwise there is no automatic fix.

In a bilingual segment, a fragment that also appears verbatim in the segment's source was copied rather than translated: source-copied-fragment reports it, and mixed-script does not. Nor does mixed-script report anything in a target that untranslated-segment reports as untranslated as a whole (a copy of the source, or mostly in the source's script).

Single Greek letters are symbols, not text: a Greek run whose words have at most two letters (α, β, ΔT, μm, TNFα, γδ T cells) is not reported.

In a Latin-script target, a Cyrillic or Greek letter inside a Latin word that looks exactly like a Latin letter (the Cyrillic А in "NАTO") is reported as a look-alike, category fluency/spelling, with a fix that puts the Latin letter back. The look-alike letters are those that Unicode's confusables.txt (UTS #39) maps straight to one ASCII letter; the Greek small letters alpha, iota, nu, upsilon, gamma, rho and sigma are left out because they are common symbols glued to Latin words (TNFα, IFNγ).

Severity: fragments are major by default; look-alikes minor, unless the check's severity is configured, which then applies to both. In a heading (segment kind heading) either is one step more severe, up to critical: a title is the first thing a reader sees. A configured severity of neutral is never raised.`,
	Category: pipeline.CategoryUntranslated,
	Severity: pipeline.Major,
	Run:      runMixedScript,
}

// scriptRunsKey is the Pass.Memo key of the script runs of every target
// of a document; cjk-punctuation uses them too.
type scriptRunsKey struct{}

// targetScriptRuns returns the script runs of the targets of document d
// (langid.Scan). Callers must not modify them.
func targetScriptRuns(p *pipeline.Pass, d int) *scriptRuns {
	return p.Memo(d, scriptRunsKey{}, func() any {
		return scanTargets(p.Docs[d].Segments)
	}).(*scriptRuns)
}

// scanTargets returns the script runs of the targets of segs, but for the
// targets in ASCII only (see scriptRuns.of).
func scanTargets(segs []pipeline.Segment) *scriptRuns {
	sr := &scriptRuns{blocks: make([]*refsBlock, (len(segs)+refsBlockLen-1)/refsBlockLen)}
	// The runs of the targets are kept in chunks of runsChunk: a few
	// allocations a document, not one a segment.
	var scratch, chunk []langid.Run
	collect := func(r langid.Run) bool {
		scratch = append(scratch, r)
		return true
	}
	for i := range segs {
		if asciiText(segs[i].Target) {
			continue // Latin and Common runs only: see scriptRuns.of
		}
		scratch = scratch[:0]
		langid.Scan(segs[i].Target, collect)
		if len(scratch) == 0 {
			continue
		}
		if len(scratch) > cap(chunk)-len(chunk) {
			// Chunks grow from runsChunkFirst to runsChunk: a document
			// of few targets with runs takes little room.
			chunk = make([]langid.Run, 0, max(min(runsChunk, 2*cap(chunk)), runsChunkFirst, len(scratch)))
			sr.chunks = append(sr.chunks, nil)
		}
		start := len(chunk)
		chunk = append(chunk, scratch...)
		sr.chunks[len(sr.chunks)-1] = chunk
		b := &sr.blocks[i/refsBlockLen]
		if *b == nil {
			*b = new(refsBlock)
		}
		(*b)[i%refsBlockLen] = runsRef{chunk: int32(len(sr.chunks) - 1), start: int32(start), end: int32(len(chunk))}
	}
	return sr
}

// runsChunk is the number of script runs scanTargets allocates at once,
// at most, and runsChunkFirst at first.
const runsChunk, runsChunkFirst = 4096, 64

// scriptRuns holds the script runs of the targets of a document, in
// chunks, and where each target's are: 12 bytes a segment without a
// pointer, where a slice header would take 24 and be one more pointer for
// the collector to visit. Those are kept in blocks of refsBlockLen
// segments, a block only for segments of which a target has runs: a
// document of ASCII targets needs none (see of).
type scriptRuns struct {
	chunks [][]langid.Run
	blocks []*refsBlock
}

// refsBlockLen is the number of segments of a refsBlock.
const refsBlockLen = 1024

// refsBlock says where the runs of the targets of refsBlockLen segments
// are.
type refsBlock [refsBlockLen]runsRef

// runsRef says where the runs of a target are: chunks[chunk][start:end].
// 32 bits hold any position: a chunk of 2^31 runs would take 48 GiB.
type runsRef struct{ chunk, start, end int32 }

// of returns the script runs of segment i's target, nil for a target
// without any and for a target in ASCII only.
//
// The runs of an ASCII text are all Latin or Common (langid: ASCII letters
// are Latin, every other ASCII character Common), and the users of the
// runs need none such: mixed-script and source-copied-fragment look for
// runs of other scripts (classifyRuns finds Latin and Common native to
// every language), untranslated-segment's judgeUntranslated takes no runs
// as it takes all-native ones, and cjk-punctuation looks at the runs only
// in a target with a character from U+3000 on. Most targets of English
// translations are ASCII: they are neither scanned nor stored
// (TestScriptRunsASCII).
func (sr *scriptRuns) of(i int) []langid.Run {
	b := sr.blocks[i/refsBlockLen]
	if b == nil {
		return nil
	}
	r := b[i%refsBlockLen]
	if r.start == r.end {
		return nil
	}
	return sr.chunks[r.chunk][r.start:r.end:r.end]
}

// latinTarget reports whether tag's language is written in Latin script
// (an undetermined language counts as English).
func latinTarget(tag language.Tag) bool { return scriptsFor(tag).Has(langid.Latin) }

// languageName returns the English name of tag's language, for messages:
// "English" for an undetermined one.
func languageName(tag language.Tag) string {
	if name, ok := languageNames.Load(tag); ok {
		return name.(string)
	}
	name := languageNameOf(tag)
	languageNames.Store(tag, name)
	return name
}

// languageNames caches languageName by tag: the display tables parse a
// tag each call, and checks name the target language once a segment.
var languageNames sync.Map // language.Tag -> string

func languageNameOf(tag language.Tag) string {
	base, _ := tag.Base()
	if base.String() == "und" {
		return "English"
	}
	if name := langid.EnglishName(language.Make(base.String())); name != "" {
		return name
	}
	return base.String()
}

// withArticle puts "a" or "an" before a language name.
func withArticle(name string) string {
	if name != "" && strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

// raiseInHeading returns sev one step more severe for a heading, up to
// critical. Neutral stays neutral: it was configured not to count.
func raiseInHeading(sev pipeline.Severity, kind pipeline.Kind) pipeline.Severity {
	if kind == pipeline.Heading && sev >= pipeline.Minor && sev < pipeline.Critical {
		return sev + 1
	}
	return sev
}

// runKind is what mixed-script makes of one script run.
type runKind uint8

const (
	runNative    runKind = iota // Latin, a script of the target language, or Common
	runForeign                  // part of a foreign fragment
	runSymbol                   // Greek letters used as symbols
	runLookalike                // Cyrillic or Greek look-alikes inside a Latin word
)

func runMixedScript(p *pipeline.Pass) error {
	_, configured := p.Config.Severity[p.Check.Name]
	for d, doc := range p.Docs {
		all := targetScriptRuns(p, d)
		whole := untranslatedTargets(p, d)
		var kinds []runKind
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if whole[i].why != translated {
				continue // untranslated-segment reports the whole target
			}
			native := scriptsFor(seg.TargetLang)
			if native.IsEmpty() {
				continue // a script tqa does not know: nothing is foreign for sure
			}
			latin := native.Has(langid.Latin)
			runs := all.of(i)
			kinds = classifyRuns(seg.Target, runs, native, latin, kinds[:0])
			fragSev := raiseInHeading(p.Severity(), seg.Kind)
			lookSev := pipeline.Minor
			if configured {
				lookSev = p.Severity()
			}
			lookSev = raiseInHeading(lookSev, seg.Kind)
			for k := 0; k < len(runs); k++ {
				switch kinds[k] {
				case runLookalike:
					reportLookalike(p, d, i, seg.Target, runs, k, lookSev)
				case runForeign:
					last := fragmentEnd(runs, kinds, k)
					if _, copied := copiedFrom(seg.Source, seg.Target[runs[k].Start:runs[last].End]); !copied {
						reportFragment(p, d, i, seg, runs, k, last, latin, fragSev)
					}
					k = last
				}
			}
		}
	}
	return nil
}

// classifyRuns decides, for each run of text, whether it is native, part
// of a foreign fragment, a symbol, or a look-alike.
func classifyRuns(text string, runs []langid.Run, native langid.Set, latin bool, kinds []runKind) []runKind {
	for k, r := range runs {
		s := r.Script
		kind := runNative
		switch {
		case s == langid.Common || s == langid.Latin || native.Has(s):
		case latin && (s == langid.Cyrillic || s == langid.Greek) && gluedToLatin(runs, k) && allLookalikes(text[r.Start:r.End]):
			kind = runLookalike
		case s == langid.Greek && greekSymbols(text[r.Start:r.End]):
			kind = runSymbol
		default:
			kind = runForeign
		}
		kinds = append(kinds, kind)
	}
	return kinds
}

// fragmentEnd returns the last run of the foreign fragment that starts at
// run k: the fragment extends over Common runs to the last foreign run
// that follows with only Common runs between.
func fragmentEnd(runs []langid.Run, kinds []runKind, k int) int {
	last := k
	for j := k + 1; j < len(runs); j++ {
		if kinds[j] == runForeign {
			last = j
		} else if runs[j].Script != langid.Common {
			break
		}
	}
	return last
}

// copiedFrom returns where frag occurs in source, and whether it does:
// a foreign fragment found verbatim in the segment's source was copied
// from it (source-copied-fragment reports those).
func copiedFrom(source, frag string) (int, bool) {
	if source == "" || frag == "" {
		return 0, false
	}
	i := strings.Index(source, frag)
	return i, i >= 0
}

// gluedToLatin reports whether run k touches a Latin letter: it is part
// of a word that also has Latin letters.
func gluedToLatin(runs []langid.Run, k int) bool {
	return k > 0 && runs[k-1].Script == langid.Latin || k+1 < len(runs) && runs[k+1].Script == langid.Latin
}

// greekSymbols reports whether every word of a Greek run has at most two
// letters: single letters and pairs are symbols (α, ΔT, μm, γδ).
func greekSymbols(run string) bool {
	n := 0
	for _, c := range run {
		switch {
		case langid.Of(c) == langid.Greek:
			n++
			if n > 2 {
				return false
			}
		case unicode.IsMark(c):
		default:
			n = 0
		}
	}
	return true
}

func allLookalikes(run string) bool {
	for _, c := range run {
		if _, ok := lookalikes[c]; !ok {
			return false
		}
	}
	return true
}

// wordBefore returns the word that ends at byte i of text (letters, digits
// and marks), and wordAfter the one that starts there.
func wordBefore(text string, i int) string {
	j := i
	for j > 0 {
		c, n := utf8.DecodeLastRuneInString(text[:j])
		if !isWordRune(c) {
			break
		}
		j -= n
	}
	return text[j:i]
}

func wordAfter(text string, i int) string {
	j := i
	for j < len(text) {
		c, n := utf8.DecodeRuneInString(text[j:])
		if !isWordRune(c) {
			break
		}
		j += n
	}
	return text[i:j]
}

// isWordRune reports whether c is a letter, a digit or a mark; ASCII is
// answered from a table (no ASCII character is a mark).
func isWordRune(c rune) bool {
	if 0 <= c && c < utf8.RuneSelf {
		return asciiWordByte[c]
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c)
}

// asciiWordByte holds the ASCII letters and digits.
var asciiWordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// reportFragment reports the foreign fragment made of runs first..last,
// with its reading and meaning when it is Chinese, Japanese or Korean
// (package readings), and a fix when the meaning is unambiguous.
func reportFragment(p *pipeline.Pass, d, i int, seg *pipeline.Segment, runs []langid.Run, first, last int, latin bool, sev pipeline.Severity) {
	span := pipeline.Span{Start: runs[first].Start, End: runs[last].End}
	frag := seg.Target[span.Start:span.End]
	note, fixes := fragmentReading(p, seg, runs, first, last, span)
	p.Report(d, i, pipeline.Finding{
		Severity: sev,
		Side:     pipeline.Target,
		Span:     span,
		Message: fmt.Sprintf("%s text “%s”%s in %s target%s", fragmentScripts(runs, first, last),
			frag, note, withArticle(languageName(seg.TargetLang)), gluedNote(seg.Target, runs, first, last, latin)),
		Fixes: fixes,
	})
}

// fragmentReading returns the reading of a Han, Kana or Hangul fragment
// for the message (" (yùnniàng: to brew; to mull over)"), and a fix that
// puts in the English text when the glossary or the dictionary makes it
// unambiguous, with the spaces that a fragment glued to Latin words lacks.
func fragmentReading(p *pipeline.Pass, seg *pipeline.Segment, runs []langid.Run, first, last int, span pipeline.Span) (string, []pipeline.Fix) {
	frag := seg.Target[span.Start:span.End]
	lang, ok := readings.Language(frag)
	if !ok {
		return "", nil
	}
	rd := readings.Reader{Matcher: p.Config.Matcher, Dict: p.Config.Dict, Target: seg.TargetLang}
	r := rd.Read(frag, lang)
	note := r.Note()
	if note == "" {
		return "", nil
	}
	note = " (" + note + ")"
	text, ok := r.Replacement()
	if !ok {
		return note, nil
	}
	repl := text
	if first > 0 && runs[first-1].Script == langid.Latin {
		repl = " " + repl
	}
	if last+1 < len(runs) && runs[last+1].Script == langid.Latin {
		repl += " "
	}
	return note, []pipeline.Fix{pipeline.ReplaceFix(fmt.Sprintf("Replace with “%s”", text), span, repl)}
}

// fragmentScripts names the scripts of the fragment made of runs
// first..last (see scriptsLabel).
func fragmentScripts(runs []langid.Run, first, last int) string {
	var scripts []langid.Script
	for k := first; k <= last; k++ {
		if s := runs[k].Script; s != langid.Common && !containsScript(scripts, s) {
			scripts = append(scripts, s)
		}
	}
	return scriptsLabel(scripts)
}

// gluedNote returns the part of a message that says a fragment made of
// runs first..last of text is glued to a Latin word ("; no space between
// “is” and it"), or "" when it is not or the target is not in Latin script.
func gluedNote(text string, runs []langid.Run, first, last int, latin bool) string {
	if !latin {
		return ""
	}
	before, after := "", ""
	if first > 0 && runs[first-1].Script == langid.Latin {
		before = wordBefore(text, runs[first].Start)
	}
	if last+1 < len(runs) && runs[last+1].Script == langid.Latin {
		after = wordAfter(text, runs[last].End)
	}
	switch {
	case before != "" && after != "":
		return fmt.Sprintf("; no space between “%s” and it, nor between it and “%s”", before, after)
	case before != "":
		return fmt.Sprintf("; no space between “%s” and it", before)
	case after != "":
		return fmt.Sprintf("; no space between it and “%s”", after)
	}
	return ""
}

func containsScript(list []langid.Script, s langid.Script) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// scriptsLabel names the scripts of a fragment: "Chinese (Han)";
// "Japanese (Han, Hiragana)" for kana with or without kanji; "Korean
// (Hangul, Han)"; otherwise the labels joined with "and".
func scriptsLabel(scripts []langid.Script) string {
	if len(scripts) == 1 {
		return scripts[0].Label()
	}
	names := make([]string, len(scripts))
	japanese, korean := true, true
	kana, hangul := false, false
	for k, s := range scripts {
		names[k] = s.String()
		switch s {
		case langid.Hiragana, langid.Katakana:
			kana = true
			korean = false
		case langid.Hangul:
			hangul = true
			japanese = false
		case langid.Han:
		default:
			japanese, korean = false, false
		}
	}
	switch {
	case japanese && kana:
		return "Japanese (" + strings.Join(names, ", ") + ")"
	case korean && hangul:
		return "Korean (" + strings.Join(names, ", ") + ")"
	}
	labels := make([]string, len(scripts))
	for k, s := range scripts {
		labels[k] = s.Label()
	}
	return strings.Join(labels, " and ")
}

// reportLookalike reports run k, Cyrillic or Greek letters that look like
// the Latin letters around them, with a fix.
func reportLookalike(p *pipeline.Pass, d, i int, text string, runs []langid.Run, k int, sev pipeline.Severity) {
	r := runs[k]
	run := text[r.Start:r.End]
	var latin strings.Builder
	var codes []string
	for _, c := range run {
		latin.WriteRune(lookalikes[c])
		codes = append(codes, fmt.Sprintf("U+%04X", c))
	}
	word := wordBefore(text, r.Start) + run + wordAfter(text, r.End)
	letters := "letter"
	if len(codes) > 1 {
		letters = "letters"
	}
	p.Report(d, i, pipeline.Finding{
		Category: pipeline.CategorySpelling,
		Severity: sev,
		Side:     pipeline.Target,
		Span:     pipeline.Span{Start: r.Start, End: r.End},
		Message:  fmt.Sprintf("“%s” in “%s” looks Latin but is %s (%s)", run, word, r.Script, strings.Join(codes, " ")),
		Fixes: []pipeline.Fix{pipeline.ReplaceFix(
			fmt.Sprintf("Replace with the Latin %s “%s”", letters, latin.String()),
			pipeline.Span{Start: r.Start, End: r.End}, latin.String())},
	})
}

// lookalikes maps Cyrillic and Greek letters to the ASCII letter they look
// like. Source: Unicode Technical Standard #39, confusables.txt (version
// 17.0.0), the lines that map a Cyrillic or Greek letter directly (with no
// intermediate prototype) to a single ASCII letter. Greek capital iota and
// the Cyrillic I and palochka map there to "l", the prototype that Latin
// "I" maps to as well; the fix uses "I". Left out: the Greek small letters
// alpha, iota, nu, upsilon, gamma, rho and sigma (mapped to a, i, v, u, y,
// p, o), which English uses as symbols right next to Latin letters.
var lookalikes = map[rune]rune{
	// Greek
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K',
	'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	'ο': 'o', 'Ϲ': 'C', 'ϲ': 'c', 'Ϳ': 'J', 'ϳ': 'j', 'Ϝ': 'F', 'Ϻ': 'M',
	'ϒ': 'Y',
	// Cyrillic
	'А': 'A', 'а': 'a', 'В': 'B', 'С': 'C', 'с': 'c', 'ԁ': 'd', 'Е': 'E',
	'е': 'e', 'ҽ': 'e', 'Ԍ': 'G', 'Н': 'H', 'һ': 'h', 'І': 'I', 'Ӏ': 'I',
	'і': 'i', 'Ј': 'J', 'ј': 'j', 'К': 'K', 'М': 'M', 'О': 'O', 'о': 'o',
	'Р': 'P', 'р': 'p', 'ԛ': 'q', 'г': 'r', 'Ѕ': 'S', 'ѕ': 's', 'Т': 'T',
	'Ѵ': 'V', 'ѵ': 'v', 'Ԝ': 'W', 'ԝ': 'w', 'ѡ': 'w', 'ш': 'w', 'Х': 'X',
	'х': 'x', 'У': 'Y', 'Ү': 'Y', 'у': 'y',
}
