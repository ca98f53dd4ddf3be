package checks

import (
	"fmt"
	"slices"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// WrongLanguage finds targets written in another language than the
// target language, such as a French sentence in an English translation.
var WrongLanguage = &pipeline.Check{
	Name: "wrong-language",
	Doc: `wrong-language finds a target segment (a paragraph of a monolingual document) that is not in the target language: an English translation that is a French sentence, a German paragraph left in an English document.

Languages are told apart by lingua-go (pipeline/langid) among the run's candidate languages (configuration Languages; by default each segment's source and target languages, French, German, Spanish, Italian, Portuguese and Dutch). A target is reported when lingua's most likely language is another candidate, with confidence of at least 0.7 among all candidates and odds of at least 0.95 against the target language alone; the message gives lingua's confidence.

Short targets are never reported: a target needs at least five prose words, that is Latin-script words other than names (capitalised words that the English word list does not know), acronyms, numbers and words with digits, outside non-prose spans (URLs, code). In an English target lingua is only asked when fewer than half of those words are common English words of the embedded SCOWL word list (glossary/spelling) and at least a quarter are not English words of it (an unknown word counts one, a word of SCOWL's large dictionary only half), so that clean English costs no language identification and an English sentence with a foreign phrase is left to foreign-fragment.

A target that untranslated-segment reports (a copy of the source, or mostly in the source's script) is left to it; a target reported here is not reported again piece by piece by foreign-fragment. The finding spans the whole target, category accuracy/untranslated, severity major, one step more in a heading (up to critical).`,
	Category: pipeline.CategoryUntranslated,
	Severity: pipeline.Major,
	Run:      runWrongLanguage,
}

// Thresholds of wrong-language; see its Doc.
const (
	wrongLangMinWords      = 5
	wrongLangMinConfidence = 0.7
	wrongLangMinOdds       = 0.95
	wrongLangForeignShare  = 0.25
)

// langVerdict is wrong-language's judgement of one target.
type langVerdict struct {
	targetLang
	found *langFound // when wrong
}

// targetLang is what a langVerdict says of every target; a document holds
// one a target (four bytes, no pointer for the garbage collector to
// follow), so what is said of the few wrong ones is kept apart.
type targetLang struct {
	wrong bool
	// split is true when the target was split into Latin words
	// (langid.ScanWords), unknown then whether one of them is
	// UnknownWord, and foreignFW whether one is a function word of
	// another language that is no common English word
	// (langid.ForeignFunctionWord): foreign-fragment skips a target with
	// neither, and so need not split it again.
	split, unknown, foreignFW bool
}

// docLangVerdicts is wrong-language's judgement of the targets of a
// document: targets by segment index, and what lingua found in the
// wrong ones.
type docLangVerdicts struct {
	targets []targetLang
	found   map[int]*langFound
}

// langFound is what lingua found in a target in another language.
type langFound struct {
	lang       language.Tag // the language lingua found
	confidence float64      // lingua's confidence in lang
	target     float64      // lingua's confidence in the target language
}

type wrongLanguageKey struct{}

// wrongLanguageTargets returns wrong-language's verdict on every target of
// document d; foreign-fragment uses it to stay silent on those targets.
func wrongLanguageTargets(p *pipeline.Pass, d int) *docLangVerdicts {
	return p.Memo(d, wrongLanguageKey{}, func() any {
		segs := p.Docs[d].Segments
		whole := untranslatedTargets(p, d)
		out := &docLangVerdicts{targets: make([]targetLang, len(segs))}
		var bases targetBases
		for i := range segs {
			if whole[i].why != translated {
				continue
			}
			v := judgeLanguage(p.Config, &segs[i], bases.of(&segs[i]))
			out.targets[i] = v.targetLang
			if v.found != nil {
				if out.found == nil {
					out.found = map[int]*langFound{}
				}
				out.found[i] = v.found
			}
		}
		return out
	}).(*docLangVerdicts)
}

// candidateLanguages returns the languages that language identification
// chooses among for seg: the configured ones, or seg's source and target
// languages and langid.DefaultLanguages; the target language is always
// among them (an undetermined one counts as English).
func candidateLanguages(cfg *pipeline.Config, seg *pipeline.Segment) []language.Tag {
	target := seg.TargetLang
	if undetermined(target) {
		target = language.English
	}
	langs := []language.Tag{target}
	if len(cfg.Languages) > 0 {
		return append(langs, cfg.Languages...)
	}
	if !undetermined(seg.SourceLang) {
		langs = append(langs, seg.SourceLang)
	}
	return append(langs, langid.DefaultLanguages...)
}

// detectorFor returns the shared language detector for seg's candidates.
func detectorFor(cfg *pipeline.Config, seg *pipeline.Segment) *langid.Detector {
	return langid.DetectorFor(candidateLanguages(cfg, seg))
}

// targetBase returns the base language of seg's target as a tag, English
// when undetermined.
func targetBase(seg *pipeline.Segment) language.Tag {
	b, conf := langid.BaseOf(seg.TargetLang)
	if conf <= language.Low { // undetermined
		return language.English
	}
	return b
}

// targetBases remembers the base language of the last target language
// asked (targetBase): the segments of a document share one or a few, and
// langid.BaseOf hashes the tag each time it is asked.
type targetBases struct {
	tag, base language.Tag
	known     bool
}

// of returns targetBase(seg).
func (b *targetBases) of(seg *pipeline.Segment) language.Tag {
	if !b.known || seg.TargetLang != b.tag {
		b.tag, b.base, b.known = seg.TargetLang, targetBase(seg), true
	}
	return b.base
}

// judgeLanguage judges the target of seg, whose base language is target
// (targetBase).
func judgeLanguage(cfg *pipeline.Config, seg *pipeline.Segment, target language.Tag) langVerdict {
	if blankTarget(seg.Target) {
		return langVerdict{}
	}
	english := target == language.English
	// The words are counted as they are found (langid.ScanWords), without
	// building a slice of them. The scan stops early once a word is
	// UnknownWord (what foreign-fragment needs to know) and lingua cannot
	// be asked whatever the rest of the target holds: a further word
	// takes at least two bytes, its letter and the character before it.
	var v langVerdict
	v.split = true
	prose, englishWords, foreign := 0, 0, 0.0
	langid.ScanWords(seg.Target, func(w langid.Word) bool {
		if w.Class == langid.UnknownWord {
			v.unknown = true
		} else if !v.unknown && !v.foreignFW && langid.ForeignFunctionWord(seg.Target, w) {
			v.foreignFW = true
		}
		if w.Class != langid.NeutralWord && !inSkipSpans(seg.TargetSkip, w.Start) {
			prose++
			switch w.Class {
			case langid.EnglishWord:
				englishWords++
			case langid.UnknownWord:
				foreign++
			case langid.RareWord:
				foreign += 0.5
			}
		}
		if v.unknown {
			most := prose + (len(seg.Target)-w.End)/2 // prose words at most
			if most < wrongLangMinWords || english && 2*englishWords >= most {
				return false
			}
		}
		return true
	})
	if prose < wrongLangMinWords {
		return v
	}
	if english && (foreign < wrongLangForeignShare*float64(prose) || 2*englishWords >= prose) {
		return v // clean English: lingua is not asked
	}
	det := detectorFor(cfg, seg)
	if !det.Has(target) {
		return v
	}
	g := det.Confidences(seg.Target)
	best := g[0]
	tc := 0.0
	if i := slices.IndexFunc(g, func(x langid.Guess) bool { return x.Lang == target }); i >= 0 {
		tc = g[i].Confidence
	}
	if best.Lang == target || best.Confidence < wrongLangMinConfidence || best.Confidence/(best.Confidence+tc) < wrongLangMinOdds {
		return v
	}
	v.wrong, v.found = true, &langFound{lang: best.Lang, confidence: best.Confidence, target: tc}
	return v
}

func runWrongLanguage(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		verdicts := wrongLanguageTargets(p, d)
		for i, v := range verdicts.targets {
			if !v.wrong {
				continue
			}
			f := verdicts.found[i]
			seg := &doc.Segments[i]
			note := ""
			if !undetermined(seg.SourceLang) && sameLanguage(seg.SourceLang, f.lang) {
				note = ", the language of the source"
			}
			p.Report(d, i, pipeline.Finding{
				Severity: raiseInHeading(p.Severity(), seg.Kind),
				Side:     pipeline.Target,
				Span:     segTrimmedSpan(seg.Target),
				Message: fmt.Sprintf("target is in %s%s, not %s (lingua's confidence: %s %.2f, %s %.2f)",
					languageName(f.lang), note, languageName(seg.TargetLang),
					languageName(f.lang), f.confidence, languageName(seg.TargetLang), f.target),
			})
		}
	}
	return nil
}
