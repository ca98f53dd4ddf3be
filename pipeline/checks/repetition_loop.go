package checks

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// RepetitionLoop finds text that a machine translation engine wrote over
// and over: a phrase repeated until the length limit, or a clause written
// twice.
var RepetitionLoop = &pipeline.Check{
	Name: "repetition-loop",
	Doc: `repetition-loop finds a phrase that the target repeats far beyond natural use where the source does not repeat it: the loops of machine translation engines and language models ("the bank's financial products, the bank's financial products, ..." until the length limit), a clause written twice in a row ("he should relaxby saying that he should relax"), and a long passage written twice.

The target is read as a stream of its letters and digits, case- and width-folded, with spaces, punctuation and inline codes left out, so that a loop is found however its copies are separated or glued; each Chinese, Japanese or Korean character weighs 3.27 letters, as in length-ratio. Reported are:
  - a loop: a stretch written at least three times in a row whose copies after the first hold 16 letters or more, or twice in a row with 24 letters or more (about five words) in the second copy; that is more than one word, or repeated at least 6 times (a single word repeated for emphasis, "never, never, never, never", stays below that); and that has a letter (tables of numbers such as "0 0 0 0 0 0" are not loops);
  - a double: a passage of 40 letters or more (about eight words) written twice with at most twice its length between the copies.
In a bilingual segment the target's repetition must not be the source's: when the source repeats a stretch at least 0.4 times as long as the target's repetition ("祝你生日快乐，祝你生日快乐" for "happy birthday to you, happy birthday to you"), nothing is reported. Without a source, only loops of three copies or more are reported. Legitimate repetition stays below these limits: "step by step", "again and again", "very very", lists, short titles ("New York, New York").

Two copies with no white space between them ("the “comprehensive law enforcement examination daycomprehensive law enforcement examination day” activity") are reported as neutral, for a reader to confirm: text glued to its own copy is as often a slip of editing or of processing as the engine's (the WMT20 MQM data has such doubles in 170 targets, 19 of them professional human translations), and the fix removes the second copy.

The finding spans the repeated run after its first occurrence; for a loop, the fix removes it (with the partial copy at the end of an output cut off at its length limit). A double has no automatic fix: which copy to keep depends on what lies between them. Category accuracy/addition, severity major; when the repetition makes half the target or more, the output is not a translation: category accuracy/non-translation, one step more severe (critical by default). One finding per segment, for the longest repetition.`,
	Category: pipeline.CategoryNonTranslation,
	Severity: pipeline.Major,
	Run:      runRepetitionLoop,
}

// The limits of repetition-loop, in letter units (see the check's Doc).
// They were set on realistic loops written for its scenarios and checked
// on human translations (TestMTFailureEval, bench/README.md): they report
// none of the 29,153 Tatoeba pairs and 1 of the 3,997 WMT20 MQM human rows
// (a phrase really written twice there). doubleRowMinUnits was raised from
// loopMinUnits to 24 after reading the MQM findings: the shorter doubles
// there were six outputs rendering 惠民利民 as "benefit the people and
// benefit the people", a fair translation of a source that repeats a
// pattern, and the human "promote the UN to invest promote the UN to
// invest".
const (
	loopMinUnits      = 16  // the copies after the first, at least
	loopWordCopies    = 6   // copies of a single word, at least
	doubleRowMinUnits = 24  // the second copy of a stretch written twice in a row, at least
	doubleMinUnits    = 40  // the length of a passage written twice, at least
	doubleMaxGap      = 2   // the gap between its copies, at most this times its length
	loopSourceShare   = 0.4 // a source repetition this long relative to the target's excuses it
	loopDominates     = 0.5 // share of the target that makes the output a non-translation
	loopMonoMinCopies = 3   // copies needed without a source
	loopMaxLetters    = 4000
)

// letterStream is the letters and digits of a text, folded, with the byte
// span of each and its weight in letter units.
type letterStream struct {
	r          []rune
	start, end []int     // byte span of each letter in the text
	cum        []float64 // cum[i] is the weight of r[:i]
	maxWeight  float64   // the largest weight of one letter
}

func newLetterStream(text string) letterStream {
	var s letterStream
	s.fill(text)
	return s
}

// letterStreams holds streams for reuse: the check reads one a segment.
var letterStreams = sync.Pool{New: func() any { return new(letterStream) }}

// fill makes s the stream of text, reusing its slices.
func (s *letterStream) fill(text string) {
	// A text has at most one letter a byte: size the slices once and
	// write them by index.
	if cap(s.r) < len(text) || cap(s.start) < len(text) || cap(s.end) < len(text) || cap(s.cum) < len(text)+1 {
		s.r = make([]rune, 0, len(text))
		s.start = make([]int, 0, len(text))
		s.end = make([]int, 0, len(text))
		s.cum = make([]float64, 0, len(text)+1)
	}
	rs, start, end, cum := s.r[:len(text)], s.start[:len(text)], s.end[:len(text)], s.cum[:len(text)+1]
	cum[0] = 0
	s.maxWeight = 1
	n := 0 // letters so far
	for i := 0; i < len(text); {
		if b := text[i]; b < utf8.RuneSelf {
			// ASCII: a letter or digit weighs 1 and folds to its lower
			// case; no ASCII character has a width to fold.
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			if 'a' <= b && b <= 'z' || '0' <= b && b <= '9' {
				rs[n], start[n], end[n] = rune(b), i, i+1
				cum[n+1] = cum[n] + 1
				n++
			}
			i++
			continue
		}
		c, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			w := 1.0
			if isCJKScript(langid.Of(c)) {
				w = cjkWeight
				s.maxWeight = cjkWeight
			}
			f := unicode.ToLower(c)
			if k := width.LookupRune(c).Kind(); k == width.EastAsianFullwidth || k == width.EastAsianHalfwidth {
				if r, _ := utf8.DecodeRuneInString(width.Fold.String(string(c))); r != utf8.RuneError {
					f = unicode.ToLower(r)
				}
			}
			rs[n], start[n], end[n] = f, i, i+size
			cum[n+1] = cum[n] + w
			n++
		}
		i += size
	}
	s.r, s.start, s.end, s.cum = rs[:n], start[:n], end[:n], cum[:n+1]
}

// units returns the weight of letters [a, b).
func (s *letterStream) units(a, b int) float64 { return s.cum[b] - s.cum[a] }

// repetition is one repeated stretch of a letter stream: the letters
// [a, a+period) repeat at a+period for length letters (a loop when length
// >= period: its copies follow each other; a double otherwise: the second
// copy lies period letters after the first).
type repetition struct {
	a, period, length int
}

func (r repetition) loop() bool { return r.length >= r.period }

// copies returns the number of whole copies of a loop, the first included.
func (r repetition) copies() int { return 1 + r.length/r.period }

// repeated returns the letters [from, to) repeated after the first
// occurrence: for a loop, its whole copies after the first, and the
// partial copy after them when it runs to the end of the stream; for a
// double, its second copy.
func (r repetition) repeated(n int) (from, to int) {
	from = r.a + r.period
	if !r.loop() {
		return from, from + r.length
	}
	to = from + (r.copies()-1)*r.period
	if from+r.length == n {
		to = n
	}
	return from, to
}

// findRepetitions calls fn for every maximal repetition of s: for each
// shift d, each maximal run of letters equal to the letter d further on.
func findRepetitions(s *letterStream, fn func(repetition)) {
	n := len(s.r)
	if n > loopMaxLetters {
		n = loopMaxLetters
	}
	for d := 1; d < n; d++ {
		run := 0
		for i := 0; i+d < n; i++ {
			if s.r[i] == s.r[i+d] {
				run++
				continue
			}
			if run > 0 {
				fn(repetition{a: i - run, period: d, length: run})
			}
			run = 0
		}
		if run > 0 {
			fn(repetition{a: n - d - run, period: d, length: run})
		}
	}
}

// findRepetitionsMin is findRepetitions for the runs of minRun letters or
// more, in the letters r of a stream, until fn returns false. A run that
// long holds one of every minRun-th letters of its diagonal, so only those
// are compared first: a long minRun skips most of the quadratic work.
func findRepetitionsMin[L rune | byte](r []L, minRun int, fn func(repetition) bool) {
	n := len(r)
	if n > loopMaxLetters {
		n = loopMaxLetters
	}
	minRun = max(minRun, 1)
	for d := 1; d+minRun <= n; d++ {
		last := n - d // the diagonal ends here
		for i := minRun - 1; i < last; {
			if r[i] != r[i+d] {
				i += minRun
				continue
			}
			a := i
			for a > 0 && r[a-1] == r[a-1+d] {
				a--
			}
			e := i + 1
			for e < last && r[e] == r[e+d] {
				e++
			}
			if e-a >= minRun && !fn(repetition{a: a, period: d, length: e - a}) {
				return
			}
			i = e + minRun
		}
	}
}

// asciiRepeatMax is the longest text that noRepetitionASCII reads.
const asciiRepeatMax = 512

// noRepetitionASCII reports that worstRepetition finds nothing in text,
// without building its letter stream, for a text in ASCII of at most
// asciiRepeatMax bytes: most sentences of English. It is false for other
// texts, and for those whose letters hold a repetition that
// worstRepetition must judge.
//
// In ASCII, the stream is the letters and digits of the text in lower
// case, each weighing 1: worstRepetition searches it for runs of
// loopMinUnits letters or more, which a stream of fewer letters cannot
// have, and noRepetitionASCII searches it the same way for any such run
// (FuzzNoRepetitionASCII).
func noRepetitionASCII(text string) bool {
	if len(text) > asciiRepeatMax {
		return false
	}
	letters := 0
	i := 0
	for ; i+8 <= len(text); i += 8 {
		x := load8(text, i)
		if x&highBits8 != 0 {
			return false
		}
		l, d := asciiCounts8(x)
		letters += l + d
	}
	for ; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf {
			return false
		}
		letters += int(asciiLetterKeep[c])
	}
	if letters <= loopMinUnits {
		return true // a run of loopMinUnits letters needs one more to repeat at
	}
	// The stream, without a branch a byte: each byte is written, and
	// kept when it is a letter or digit.
	var buf [asciiRepeatMax]byte
	n := 0
	for i := 0; i < len(text); i++ {
		c := text[i] & 0x7f
		buf[n] = asciiLetterFold[c]
		n += int(asciiLetterKeep[c])
	}
	found := false
	findRepetitionsMin(buf[:n], loopMinUnits, func(repetition) bool {
		found = true
		return false
	})
	return !found
}

// asciiLetterFold maps the ASCII letters to lower case, and
// asciiLetterKeep is 1 for the ASCII letters and digits: what letterStream
// makes of ASCII.
var asciiLetterFold, asciiLetterKeep = func() (fold, keep [utf8.RuneSelf]byte) {
	for c := range fold {
		fold[c] = byte(c)
		switch {
		case 'A' <= c && c <= 'Z':
			fold[c] = byte(c + 'a' - 'A')
			keep[c] = 1
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			keep[c] = 1
		}
	}
	return fold, keep
}()

// wordsIn reports whether text holds more than one word: a space or
// punctuation between letters, or two Chinese, Japanese or Korean
// characters (which are not separated by spaces).
func wordsIn(text string) bool {
	cjk := 0
	seenLetter, gap := false, false
	for _, c := range text {
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			if isCJKScript(langid.Of(c)) {
				cjk++
			}
			if seenLetter && gap {
				return true
			}
			seenLetter, gap = true, false
		default:
			gap = seenLetter
		}
	}
	return cjk >= 2
}

// loopFinding is what repetition-loop found in one text.
type loopFinding struct {
	rep      repetition
	from, to int     // the repeated letters
	units    float64 // their weight
	copies   int
}

// worstRepetition returns the longest reportable repetition of text, with
// the limits for a text with or without a source.
func worstRepetition(text string, bilingual bool) (loopFinding, bool) {
	if noRepetitionASCII(text) {
		return loopFinding{}, false
	}
	return worstRepetitionStream(text, bilingual)
}

// worstRepetitionStream is worstRepetition on the letter stream of text.
func worstRepetitionStream(text string, bilingual bool) (loopFinding, bool) {
	s := letterStreams.Get().(*letterStream)
	s.fill(text)
	defer func() {
		if cap(s.r) <= 1<<16 { // keep no huge buffers
			letterStreams.Put(s)
		}
	}()
	var best loopFinding
	found := false
	// A run of letters weighs at most its length times the heaviest
	// letter: shorter runs than this cannot make loopMinUnits.
	minRun := int(loopMinUnits / s.maxWeight)
	findRepetitionsMin(s.r, minRun, func(r repetition) bool {
		from, to := r.repeated(len(s.r))
		u := s.units(from, to)
		if u < loopMinUnits || found && u <= best.units {
			return true
		}
		if !slices.ContainsFunc(s.r[r.a:r.a+min(r.period, r.length)], unicode.IsLetter) {
			return true // numbers only: a table, a list of figures
		}
		if r.loop() {
			copies := r.copies()
			if !bilingual && copies < loopMonoMinCopies || copies == 2 && u < doubleRowMinUnits {
				return true
			}
			if copies < loopWordCopies && !wordsIn(text[s.start[r.a]:s.end[r.a+r.period-1]]) {
				return true
			}
			best, found = loopFinding{r, from, to, u, copies}, true
			return true
		}
		if !bilingual || u < doubleMinUnits || s.units(r.a+r.length, r.a+r.period) > doubleMaxGap*u {
			return true
		}
		best, found = loopFinding{r, from, to, u, 2}, true
		return true
	})
	return best, found
}

// longestRepeat returns the weight of the longest stretch that text
// repeats: the copies after the first of a loop, or the second copy of a
// double, in letter units.
func longestRepeat(text string) float64 {
	s := newLetterStream(text)
	best := 0.0
	findRepetitions(&s, func(r repetition) {
		from, to := r.repeated(len(s.r))
		best = max(best, s.units(from, to))
	})
	return best
}

func runRepetitionLoop(p *pipeline.Pass) error {
	for d, doc := range p.Docs {
		for i := range doc.Segments {
			seg := &doc.Segments[i]
			if blankTarget(seg.Target) {
				continue
			}
			bilingual := seg.Bilingual()
			lf, ok := worstRepetition(seg.Target, bilingual)
			if !ok {
				continue
			}
			if bilingual && longestRepeat(seg.Source) >= loopSourceShare*lf.units {
				continue // the source repeats too
			}
			p.Report(d, i, loopReport(p, seg, lf))
		}
	}
	return nil
}

// loopReport builds the finding for lf in seg's target.
func loopReport(p *pipeline.Pass, seg *pipeline.Segment, lf loopFinding) pipeline.Finding {
	s := newLetterStream(seg.Target)
	r := lf.rep
	first := seg.Target[s.start[r.a]:s.end[r.a+min(r.period, r.length)-1]]
	total := s.units(0, len(s.r))
	sev := p.Severity()
	f := pipeline.Finding{Side: pipeline.Target, Category: pipeline.CategoryAddition}
	if lf.units >= loopDominates*total {
		f.Category = pipeline.CategoryNonTranslation
		if sev >= pipeline.Minor && sev < pipeline.Critical {
			sev++
		}
	}
	f.Severity = sev
	share := int(100*lf.units/total + 0.5)
	if r.loop() {
		f.Span = pipeline.Span{Start: s.end[r.a+r.period-1], End: s.end[lf.to-1]}
		if between := seg.Target[s.end[r.a+r.period-1]:s.start[r.a+r.period]]; lf.copies == 2 && strings.IndexFunc(between, unicode.IsSpace) < 0 {
			// Glued: "examination dayexamination day", "“Fox Hunt”Fox Hunt”".
			f.Severity, f.Category = pipeline.Neutral, pipeline.CategoryAddition
			f.Message = fmt.Sprintf("“%s” written twice with no space between the copies: text duplicated by editing or processing, or by the engine; check and remove one copy", quoteShort(first, 60))
			f.Fixes = []pipeline.Fix{pipeline.ReplaceFix("Remove the second copy", f.Span, "")}
			return f
		}
		f.Message = fmt.Sprintf("“%s” written %s in a row (%d%% of the target), where the source does not repeat it: a translation loop", quoteShort(first, 60), btTimes(lf.copies), share)
		if !seg.Bilingual() {
			f.Message = fmt.Sprintf("“%s” written %s in a row (%d%% of the text): a translation loop", quoteShort(first, 60), btTimes(lf.copies), share)
		}
		f.Fixes = []pipeline.Fix{pipeline.ReplaceFix("Remove the repeated copies", f.Span, "")}
		return f
	}
	f.Span = pipeline.Span{Start: s.start[lf.from], End: s.end[lf.to-1]}
	f.Message = fmt.Sprintf("“%s” written twice (%d%% of the target), where the source has it once: one copy is not a translation", quoteShort(first, 60), share)
	return f
}
