package checks

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/internal/cputime"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// judgeLanguagePlain is judgeLanguage as it was before wrongLanguageTargets
// remembered the base of the last target language (targetBases): the
// reference of FuzzJudgeLanguage and TestJudgeLanguageCorpora.
func judgeLanguagePlain(cfg *pipeline.Config, seg *pipeline.Segment) langVerdict {
	if blankTarget(seg.Target) {
		return langVerdict{}
	}
	target := targetBase(seg)
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

// sameVerdict reports whether two verdicts say the same.
func sameVerdict(a, b langVerdict) bool {
	if a.wrong != b.wrong || a.split != b.split || a.unknown != b.unknown || a.foreignFW != b.foreignFW || (a.found == nil) != (b.found == nil) {
		return false
	}
	return a.found == nil || *a.found == *b.found
}

// judgeTargets judges each text as the target of a segment in target
// language lang (a Chinese source), with targetBases shared from text to
// text as wrongLanguageTargets shares it, and checks the verdicts against
// judgeLanguagePlain's.
func judgeTargets(t testing.TB, lang language.Tag, texts []string) {
	cfg := &pipeline.Config{}
	var bases targetBases
	for _, text := range texts {
		seg := &pipeline.Segment{Target: text, TargetLang: lang, SourceLang: language.Chinese}
		got := judgeLanguage(cfg, seg, bases.of(seg))
		if want := judgeLanguagePlain(cfg, seg); !sameVerdict(got, want) {
			t.Fatalf("judgeLanguage(%s %q) = %+v, judgeLanguagePlain says %+v", lang, text, got, want)
		}
	}
}

// FuzzJudgeLanguage checks judgeLanguage against judgeLanguagePlain, the
// target language changing from one text to the next (English, British
// English, French, undetermined).
func FuzzJudgeLanguage(f *testing.F) {
	for _, text := range []string{
		"", "Hi.", "I'm Tom.", "Tom doesn't know what Mary wants to do.",
		"La défense collective remains the Alliance's core task.",
		"Das ist eine neue Zeitenwende für die Sicherheit in Europa.",
		"Je ne sais pas ce que tu veux dire par là, mon ami.",
		"The ministers discussed la défense européenne und die NATO in Brussels.",
		"see www.nato.int or e.g. U.S. snake_case clerkThe iPhone",
	} {
		f.Add(text)
	}
	langs := []language.Tag{language.English, language.BritishEnglish, language.French, language.Und}
	f.Fuzz(func(t *testing.T, text string) {
		for _, lang := range langs {
			judgeTargets(t, lang, []string{text, text})
		}
	})
}

// TestJudgeLanguageCorpora checks judgeLanguage against
// judgeLanguagePlain on every line of the English samples and, when the
// shared data is beside the repository and the tests are not short, on
// the Tatoeba pairs' English sentences and the foreign sentences.
func TestJudgeLanguageCorpora(t *testing.T) {
	files, err := filepath.Glob("../../corpus/samples/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no English samples under corpus/samples: %v", err)
	}
	if !testing.Short() && !underRace {
		shared, _ := filepath.Glob("../../../shared/data/foreign_sentences/*.txt")
		files = append(files, shared...)
		files = append(files, "../../../shared/data/tatoeba_cmn_eng.tsv")
	}
	for _, name := range files {
		texts, err := readLines(name)
		if err != nil {
			if strings.Contains(name, "shared") {
				t.Logf("shared data not available: %v", err)
				continue
			}
			t.Fatal(err)
		}
		judgeTargets(t, language.English, texts)
	}
}

// readLines returns the lines of a file, the first column of a TSV file.
func readLines(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasSuffix(name, ".tsv") {
			line, _, _ = strings.Cut(line, "\t")
		}
		lines = append(lines, line)
	}
	return lines, sc.Err()
}

// BenchmarkJudgeLanguageTatoeba judges the 29,000 English sentences of the
// shared Tatoeba pairs as English targets of Chinese sources, as
// wrong-language does on the reference file of bench/README.md.
func BenchmarkJudgeLanguageTatoeba(b *testing.B) {
	texts, err := readLines("../../../shared/data/tatoeba_cmn_eng.tsv")
	if err != nil {
		b.Skipf("shared data not available: %v", err)
	}
	segs := make([]pipeline.Segment, len(texts))
	for i, text := range texts {
		segs[i] = pipeline.Segment{Target: text, TargetLang: language.English, SourceLang: language.Chinese}
	}
	cfg := &pipeline.Config{}
	b.ReportAllocs()
	unknown := 0
	cpu := cputime.Process()
	for b.Loop() {
		var bases targetBases
		for i := range segs {
			if judgeLanguage(cfg, &segs[i], bases.of(&segs[i])).unknown {
				unknown++
			}
		}
	}
	// CPU time beside wall time, which on a shared machine counts the
	// time other programs held the processor
	b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
	if unknown == 0 {
		b.Fatal("no target with an unknown word")
	}
}
