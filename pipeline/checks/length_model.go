package checks

import (
	"math"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// The length model predicts how long a translation should be from the
// length of its source, for one language pair, and says how unusual the
// lengths of a segment are. length-ratio reports the segments whose
// lengths the model finds extreme; other checks share the same numbers
// through segmentLengths.
//
// # Units
//
// Lengths are counted in letter units (countLength): every letter and
// digit is 1, every Chinese, Japanese or Korean character cjkWeight, the
// number of English letters that a Chinese character stands for. Spaces,
// punctuation and inline codes do not count.
//
// # Model
//
// For a segment whose source has n units and whose target t units, let
// r = ln(t/n). Within one document, r is modelled as normal with mean
//
//	μ(n) = ln(α + β/n) + δ
//
// (the target is about α times as long as the source plus β units: a
// short Chinese sentence leaves out the articles and pronouns that English
// needs) and standard deviation
//
//	σ(n) = sqrt(A + B/n)
//
// since short segments vary far more than long ones. δ is the document's
// own level: documents differ in genre and translator (Tatoeba's
// conversational sentences have English about 0.7 times as long as the
// Chinese in these units, newswire about 1.1 times), and δ is taken to be
// normal around 0 with standard deviation τ.
//
// segmentLengths estimates δ for each segment from the other segments of
// its document with the same language pair: the precision-weighted mean of
// their residuals r - ln(α0 + β/n), each clipped to 2.5 standard
// deviations so that outliers do not move it, shrunk towards 0 by the
// prior 1/τ². A document of one segment keeps δ = 0 and the full spread
// sqrt(σ² + τ²); a long one is measured against its own level. The
// z-score of a segment is (r - μ(n)) divided by the standard deviation
// that includes the uncertainty of δ.
//
// # Models
//
// The numbers are fitted on Chinese–English data by TestLengthModelFit
// (length_model_fit_test.go), which fits them again from the data and
// fails when they differ from the ones recorded here. Language pairs
// without a fitted model have none: the checks that use the model stay
// silent on them rather than judge with numbers no data support.
//
// # Use
//
// documentLengths(p, d) scores every segment of document d, once per run
// (Pass.Memo). For every segment, segmentLengths gives a lengthZ: whether
// the model applies (OK), Z, how many standard deviations the target's
// length lies from the expectation in this document (negative when
// shorter), Z0, the same distance measured against all documents (δ = 0,
// the spread τ of their levels included), and Outlier, whether Z0 lies
// beyond the model's outlier bounds, fitted on professional translations:
// length-outlier reports those segments that length-ratio does not. For a
// segment a check reports, lengthScores.score gives the full lengthScore:
// the counts and units of both sides, the target units Expected in this
// document and Expected0 at δ = 0; zAt converts a z-score back to target
// units. lengthModelFor, countLength and the model's expected and variance
// methods are there for checks that need the model itself.

// cjkWeight is the English letters per Chinese character: the geometric
// mean of the median letters-per-character ratio of two corpora, Tatoeba
// (2.80, conversational sentences) and the WMT20 newstest human
// translations (3.83, news), over the pairs whose Chinese has only CJK
// characters and whose English only letters. Fitted by TestLengthModelFit
// on ../shared/data/tatoeba_cmn_eng.tsv (29,153 pairs) and the Human-A.0
// and Human-B.0 rows of ../shared/data/mqm_zhen_newstest2020.tsv (3,997
// pairs), 2026-11-22.
const cjkWeight = 3.2733

// lengthModel is the length model of one language pair (see above).
type lengthModel struct {
	alpha0     float64 // typical target units per source unit
	beta       float64 // target units added to every segment
	tau        float64 // standard deviation of a document's level δ
	varA, varB float64 // σ²(n) = varA + varB/n within a document

	// outlierLow and outlierHigh bound the population z-score Z0 (see
	// lengthScore) of the targets that length-outlier reports: twice the
	// Z0 that only one professional translation in a thousand reaches
	// (its 0.1% and 99.9% quantiles on the WMT20 human translations).
	outlierLow, outlierHigh float64
}

// zhEnLengthModel and enZhLengthModel are fitted by TestLengthModelFit on
// the same pairs as cjkWeight, one direction each: Chinese source,
// English target, and the reverse. Method: the pairs of each corpus
// binned by source units (half-octave bins of at least 30 pairs); β and
// one α per corpus fitted by weighted least squares to the bins' median
// r; α0 the geometric mean of the two α; τ half the mean distance between
// the two corpora's median r in the bins where both have pairs (their
// levels at equal length: 0.21 from Chinese, but only 0.03 from English,
// where the two corpora barely differ at equal English length); A and B
// the weighted least-squares fit of the bins' squared robust standard
// deviations (1.4826 × MAD) of the residuals from each corpus's own curve.
// Fitted 2026-11-22.
//
// outlierLow and outlierHigh are fitted by TestLengthModelFit on the
// professional human translations alone (systems Human-A.0 and Human-B.0
// of ../shared/data/mqm_zhen_newstest2020.tsv, 3,997 pairs): the 0.1% and
// 99.9% quantiles of Z0 in each direction, doubled. Fitted 2026-12-05.
var (
	zhEnLengthModel = lengthModel{alpha0: 0.8806, beta: 4.70, tau: 0.2145, varA: 0.02313, varB: 0.9514,
		outlierLow: -4.244, outlierHigh: 6.706}
	enZhLengthModel = lengthModel{alpha0: 0.8351, beta: 6.75, tau: 0.0311, varA: 0.02951, varB: 0.4782,
		outlierLow: -9.337, outlierHigh: 6.561}
)

// lengthModelFor returns the model for translations from source into
// target, compared on base languages (segmentLengths first takes an
// undetermined language from the script of its text: lengthLanguage).
func lengthModelFor(source, target language.Tag) (*lengthModel, bool) {
	i := lengthModelIndex(source, target)
	return lengthModels[i], i != 0
}

// lengthModels are the length models by index, after a nil at 0 for none.
var lengthModels = [...]*lengthModel{nil, &zhEnLengthModel, &enZhLengthModel}

// lengthModelIndex returns the index in lengthModels of the model of
// lengthModelFor, 0 for none.
func lengthModelIndex(source, target language.Tag) uint8 {
	s, t := factsOf(source).base, factsOf(target).base
	switch {
	case s == "zh" && t == "en":
		return 1
	case s == "en" && t == "zh":
		return 2
	}
	return 0
}

// lengthLanguage returns tag, or for an undetermined tag the language its
// text's script suggests: Chinese for text of Han and Latin letters only
// where the Han outweighs the Latin (in letter units: "北约 NATO" is
// Chinese), English for text of Latin letters only (as elsewhere in tqa,
// an undetermined language written in Latin counts as English), und
// otherwise (kana, Hangul, Cyrillic...).
func lengthLanguage(tag language.Tag, text string) language.Tag {
	if !undetermined(tag) {
		return tag
	}
	return languageOfLetters(letterCounts(text))
}

// letterCounts returns how many letters of text are of Han script, of
// Latin script and of any other (letterScript).
func letterCounts(text string) (han, latin, other int) {
	for i := 0; i < len(text); {
		var r rune
		if b := text[i]; b < utf8.RuneSelf {
			i++
			if !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z') {
				continue // not a letter (letterScript)
			}
			r = rune(b)
		} else {
			var n int
			r, n = decodeRune3(text, i)
			i += n
			if punctuationCJK(r) {
				continue // not a letter (TestPunctuationCJK)
			}
		}
		if script, letter := letterScript(r); letter {
			tallyScript(script, &han, &latin, &other)
		}
	}
	return han, latin, other
}

// languageOfLetters returns the language lengthLanguage takes for an
// undetermined text with the letter counts of letterCounts.
func languageOfLetters(han, latin, other int) language.Tag {
	switch {
	case han > 0 && other == 0 && cjkWeight*float64(han) >= float64(latin):
		return language.Chinese
	case latin > 0 && han == 0 && other == 0:
		return language.English
	}
	return language.Und
}

// letterScript returns the script of r (langid.Of) and whether r is a
// letter, without the look-ups for ASCII and for the CJK Unified
// Ideographs (U+4E00 to U+9FFF), which are all letters of Han script
// (TestLetterScript): the characters of most text tqa reads.
func letterScript(r rune) (langid.Script, bool) {
	switch {
	case r < utf8.RuneSelf:
		return langid.Of(r), 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case cjkUnifiedFirst <= r && r <= cjkUnifiedLast:
		return langid.Han, true
	}
	return langid.Of(r), unicode.IsLetter(r)
}

// The block of CJK Unified Ideographs.
const cjkUnifiedFirst, cjkUnifiedLast = '\u4e00', '\u9fff'

// undetermined reports whether tag names no language: language.Und, whose
// Base only guesses English, with low confidence.
func undetermined(tag language.Tag) bool {
	return factsOf(tag).undetermined
}

// mean returns μ(n) without the document's level: the expected r.
func (m *lengthModel) mean(n float64) float64 { return math.Log(m.alpha0 + m.beta/n) }

// variance returns σ²(n), the variance of r within a document.
func (m *lengthModel) variance(n float64) float64 { return m.varA + m.varB/n }

// expected returns the expected target units of a source of n units in a
// document at level delta.
func (m *lengthModel) expected(n, delta float64) float64 {
	return n * math.Exp(m.mean(n)+delta)
}

// lengthScore is what the length model says about one segment, in full.
// The checks read the part of it they test on every segment from
// segmentLengths (lengthZ), and the rest, for the segments they report,
// from lengthScores.score.
type lengthScore struct {
	OK bool // a model applies and both sides have letters or digits
	// Outlier says whether Z0 lies beyond the model's outlier bounds
	// (length-outlier).
	Outlier bool
	// model is the index in lengthModels of the model that scored the
	// segment (0 when not OK).
	model          uint8
	Source, Target lengthCount // the counts of each side
	Expected       float64     // the target units expected in this document
	High           float64     // the target units at z = +1
	Z              float64     // ln(T/Expected) in standard deviations
	// Z0 is the z-score of the segment against the whole population of
	// documents (δ = 0, standard deviation sqrt(σ² + τ²)), whatever its
	// own document's level.
	Z0 float64
}

// Expected0 returns the target units expected at δ = 0 (0 when the score
// is not OK): worked out when asked, it needs no room in every score.
func (s *lengthScore) Expected0() float64 {
	if s.model == 0 {
		return 0
	}
	return lengthModels[s.model].expected(s.N(), 0)
}

// N returns the units of the source (lengthCount.units).
func (s *lengthScore) N() float64 { return s.Source.units() }

// T returns the units of the target (lengthCount.units).
func (s *lengthScore) T() float64 { return s.Target.units() }

// zAt returns the target units at z standard deviations from the
// expectation of score s.
func (s lengthScore) zAt(z float64) float64 {
	if s.High <= s.Expected || s.Expected <= 0 {
		return s.Expected
	}
	sd := math.Log(s.High / s.Expected)
	return s.Expected * math.Exp(z*sd)
}

// lengthZ is the part of a segment's lengthScore that checks test on
// every segment: whether the model applies, the z-scores and whether the
// segment is an outlier. A document holds one a segment, so it takes 24
// bytes where the full score takes 64.
type lengthZ struct {
	OK, Outlier bool  // as in lengthScore
	model       uint8 // as in lengthScore
	Z, Z0       float64
}

// lengthScores is what the length model says about the segments of one
// document: the lengthZ of each, and the sums over the document from which
// score works out the rest of a segment's lengthScore.
type lengthScores struct {
	segs  []pipeline.Segment
	z     []lengthZ
	total [len(lengthModels)]lengthSums // by model
}

// lengthSums are the sums over the segments of a document scored by one
// model from which the level of the document is estimated.
type lengthSums struct{ w, wc float64 } // Σ 1/σ², Σ clipped residual/σ²

// lengthScoresKey is the Pass.Memo key of documentLengths.
type lengthScoresKey struct{}

// documentLengths returns the length scores of the segments of document
// d, computed once per run and shared by the checks that judge lengths.
// Segments without a source, with a target that has no letter or digit,
// or of a language pair without a model, are not OK.
func documentLengths(p *pipeline.Pass, d int) *lengthScores {
	return p.Memo(d, lengthScoresKey{}, func() any {
		return scoreLengths(p.Docs[d].Segments)
	}).(*lengthScores)
}

// segmentLengths returns the lengthZ of each segment of document d
// (documentLengths).
func segmentLengths(p *pipeline.Pass, d int) []lengthZ { return documentLengths(p, d).z }

// scoreLengths scores segs (see the file's documentation for the method).
//
// The first pass keeps each segment's residual in its Z and its source
// units in its Z0, which the second pass reads and replaces: no slice
// beside the scores.
func scoreLengths(segs []pipeline.Segment) *lengthScores {
	ls := &lengthScores{segs: segs, z: make([]lengthZ, len(segs))}
	for i := range segs {
		mi, src, tgt := lengthCounts(&segs[i])
		if mi == 0 {
			continue
		}
		m := lengthModels[mi]
		n, t := src.units(), tgt.units()
		e := math.Log(t/n) - m.mean(n)
		ls.z[i] = lengthZ{OK: true, model: mi, Z: e, Z0: n}
		v := m.variance(n)
		limit := 2.5 * math.Sqrt(v+m.tau*m.tau)
		sm := &ls.total[mi]
		sm.w += 1 / v
		sm.wc += math.Max(-limit, math.Min(limit, e)) / v
	}
	for i := range ls.z {
		z := &ls.z[i]
		if z.model == 0 {
			continue
		}
		m := lengthModels[z.model]
		z.Z, z.Z0, _, _ = ls.judge(z.model, z.Z0, z.Z)
		z.Outlier = z.Z0 <= m.outlierLow || z.Z0 >= m.outlierHigh
	}
	return ls
}

// lengthCounts returns the index in lengthModels of the model that scores
// s, and the counts of its source and target; model 0 when s is not
// scored (lengthScore.OK).
func lengthCounts(s *pipeline.Segment) (mi uint8, src, tgt lengthCount) {
	if !s.Bilingual() || strings.TrimSpace(s.Target) == "" {
		return 0, src, tgt
	}
	// An undetermined source is counted once for its language and its
	// length.
	srcLang, counted := s.SourceLang, false
	if undetermined(srcLang) {
		var han, latin, other int
		src, han, latin, other = countLengthAndLetters(s.Source)
		srcLang, counted = languageOfLetters(han, latin, other), true
	}
	mi = lengthModelIndex(srcLang, lengthLanguage(s.TargetLang, s.Target))
	if mi == 0 {
		return 0, src, tgt
	}
	if !counted {
		src = countLength(s.Source)
	}
	tgt = countLength(s.Target)
	if src.units() == 0 || tgt.units() == 0 {
		return 0, src, tgt
	}
	return mi, src, tgt
}

// judge returns, for a segment of n source units and residual resid
// scored by model mi, its z-scores Z and Z0, and the level of its document
// estimated from the document's other segments with the standard
// deviation of r that includes the uncertainty of that level.
func (ls *lengthScores) judge(mi uint8, n, resid float64) (z, z0, delta, sd float64) {
	m := lengthModels[mi]
	v := m.variance(n)
	limit := 2.5 * math.Sqrt(v+m.tau*m.tau)
	own := math.Max(-limit, math.Min(limit, resid)) / v
	sm := &ls.total[mi]
	// The level of the document from its other segments, and its variance.
	prec := 1/(m.tau*m.tau) + sm.w - 1/v
	delta = (sm.wc - own) / prec
	sd = math.Sqrt(v + 1/prec)
	return (resid - delta) / sd, resid / math.Sqrt(v+m.tau*m.tau), delta, sd
}

// score returns the full lengthScore of segment i, counting its sides
// again: checks ask for it for the segments they report.
func (ls *lengthScores) score(i int) lengthScore {
	z := ls.z[i]
	if !z.OK {
		return lengthScore{}
	}
	mi, src, tgt := lengthCounts(&ls.segs[i])
	m := lengthModels[mi]
	n, t := src.units(), tgt.units()
	resid := math.Log(t/n) - m.mean(n)
	_, _, delta, sd := ls.judge(mi, n, resid)
	expected := m.expected(n, delta)
	return lengthScore{
		OK: true, Outlier: z.Outlier, model: mi, Source: src, Target: tgt,
		Expected: expected, High: expected * math.Exp(sd), Z: z.Z, Z0: z.Z0,
	}
}

// lengthCount is how much text one side of a segment holds, by kind of
// character: Chinese, Japanese and Korean characters (Han, kana, Bopomofo,
// Hangul), other letters, and digits. Spaces, punctuation, symbols and
// inline codes are not counted: their use differs between languages more
// than the text does.
//
// The counts are 32 bits wide, which keeps a lengthScore small; a side
// of 2^31 characters of one kind or more counts as 2^31 - 1.
type lengthCount struct {
	CJK, Letters, Digits int32
}

// countLength counts the characters of text by kind.
func countLength(text string) lengthCount {
	var c struct{ CJK, Letters, Digits int }
	for i := 0; i < len(text); {
		// Eight ASCII bytes at a time (FuzzCountLengthASCII8): most
		// targets are English.
		for i+8 <= len(text) {
			x := load8(text, i)
			if x&highBits8 != 0 {
				break
			}
			letters, digits := asciiCounts8(x)
			c.Letters += letters
			c.Digits += digits
			i += 8
		}
		if i >= len(text) {
			break
		}
		b := text[i]
		if b < utf8.RuneSelf {
			switch {
			case 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z':
				c.Letters++
			case '0' <= b && b <= '9':
				c.Digits++
			}
			i++
			continue
		}
		r, n := decodeRune3(text, i)
		i += n
		switch {
		case punctuationCJK(r):
			// Neither letter nor digit nor CJK (TestPunctuationCJK),
			// without the look-ups.
		case cjkUnifiedFirst <= r && r <= cjkUnifiedLast:
			c.CJK++ // Han (TestLetterScript), without the look-up
		case isCJKScript(langid.Of(r)) || r == 'ー' || r == 'ｰ':
			// The prolonged sound mark is Common, but lengthens the
			// kana before it (see package langid).
			c.CJK++
		case unicode.IsLetter(r):
			c.Letters++
		case unicode.IsDigit(r):
			c.Digits++
		}
	}
	return lengthCount{CJK: count32(c.CJK), Letters: count32(c.Letters), Digits: count32(c.Digits)}
}

// load8 returns the eight bytes of text from i as one word, the first in
// the low byte (the compiler makes it one load).
func load8(text string, i int) uint64 {
	t := text[i : i+8]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// highBits8 has the high bit of each of eight bytes set.
const highBits8 = 0x8080808080808080

// asciiWithout reports whether every byte of text is ASCII and none is a,
// b or c (ASCII bytes), eight bytes at a time (FuzzASCIIText): a cheap
// proof that text holds none of the marks a check looks for.
func asciiWithout(text string, a, b, c byte) bool {
	const ones = 0x0101010101010101
	// hasZero reports whether a word of ASCII bytes has a zero byte.
	hasZero := func(v uint64) bool { return (v-ones)&^v&highBits8 != 0 }
	i := 0
	for ; i+8 <= len(text); i += 8 {
		x := load8(text, i)
		if x&highBits8 != 0 || hasZero(x^uint64(a)*ones) || hasZero(x^uint64(b)*ones) || hasZero(x^uint64(c)*ones) {
			return false
		}
	}
	for ; i < len(text); i++ {
		if x := text[i]; x >= utf8.RuneSelf || x == a || x == b || x == c {
			return false
		}
	}
	return true
}

// withoutBytes reports whether text holds none of the ASCII bytes a, b, c
// and d, eight bytes at a time (FuzzASCIIText); bytes of other characters
// in UTF-8 are never ASCII.
func withoutBytes(text string, a, b, c, d byte) bool {
	const ones = 0x0101010101010101
	// hasZero reports whether a word has a zero byte: exactly, though
	// not which one.
	hasZero := func(v uint64) bool { return (v-ones)&^v&highBits8 != 0 }
	i := 0
	for ; i+8 <= len(text); i += 8 {
		x := load8(text, i)
		if hasZero(x^uint64(a)*ones) || hasZero(x^uint64(b)*ones) || hasZero(x^uint64(c)*ones) || hasZero(x^uint64(d)*ones) {
			return false
		}
	}
	for ; i < len(text); i++ {
		if x := text[i]; x == a || x == b || x == c || x == d {
			return false
		}
	}
	return true
}

// asciiText reports whether every byte of text is ASCII, eight bytes at a
// time (FuzzASCIIText).
func asciiText(text string) bool {
	i := 0
	for ; i+8 <= len(text); i += 8 {
		if load8(text, i)&highBits8 != 0 {
			return false
		}
	}
	for ; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiCounts8 returns how many of the eight ASCII bytes of x (no high
// bit set) are letters and how many digits, by testing all eight at once:
// adding 0x80-lo to a byte below 0x80 sets its high bit when it is lo or
// more, and taking it from 0x80+hi leaves the high bit set when it is hi
// or less, with no carry into the next byte.
func asciiCounts8(x uint64) (letters, digits int) {
	const ones = 0x0101010101010101
	lower := x | 0x20*ones // an ASCII letter in lower case; no other byte becomes one
	isLetter := (lower + (0x80-'a')*ones) & ((0x80+'z')*ones - lower) & highBits8
	isDigit := (x + (0x80-'0')*ones) & ((0x80+'9')*ones - x) & highBits8
	return bits.OnesCount64(isLetter), bits.OnesCount64(isDigit)
}

// countLengthAndLetters returns countLength(text) and letterCounts(text)
// from one walk through text (FuzzCountLengthAndLetters).
func countLengthAndLetters(text string) (c lengthCount, han, latin, other int) {
	var cjk, letters, digits int
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			switch {
			case 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z':
				letters++
				latin++ // letterScript: ASCII letters are Latin
			case '0' <= b && b <= '9':
				digits++
			}
			i++
			continue
		}
		r, n := decodeRune3(text, i)
		i += n
		if punctuationCJK(r) {
			continue // neither letter nor digit nor CJK (TestPunctuationCJK)
		}
		if cjkUnifiedFirst <= r && r <= cjkUnifiedLast {
			cjk++ // Han letters (TestLetterScript)
			han++
			continue
		}
		script := langid.Of(r)
		letter := unicode.IsLetter(r)
		switch {
		case isCJKScript(script) || r == 'ー' || r == 'ｰ':
			cjk++
		case letter:
			letters++
		case unicode.IsDigit(r):
			digits++
		}
		if letter {
			tallyScript(script, &han, &latin, &other)
		}
	}
	return lengthCount{CJK: count32(cjk), Letters: count32(letters), Digits: count32(digits)}, han, latin, other
}

// count32 returns n, at most math.MaxInt32.
func count32(n int) int32 { return int32(min(n, math.MaxInt32)) }

// punctuationCJK reports whether r is one of the punctuation marks of
// Chinese text: general punctuation U+2010 to U+2027 (dashes, curly
// quotes, the ellipsis), the CJK punctuation U+3000 to U+3004 and U+3008
// to U+3020 (、。《》「」【】) and the fullwidth punctuation of U+FF01 to
// U+FF65 (，！？：；（）), none of them a letter or a digit, nor of a CJK
// script (TestPunctuationCJK).
func punctuationCJK(r rune) bool {
	switch {
	case r < 0x2010:
		return false
	case r <= 0x2027:
		return true
	case r < 0x3000:
		return false
	case r <= 0x3004, 0x3008 <= r && r <= 0x3020:
		return true
	case r < 0xff01:
		return false
	case r <= 0xff0f, 0xff1a <= r && r <= 0xff20, 0xff3b <= r && r <= 0xff40, 0xff5b <= r && r <= 0xff65:
		return true
	}
	return false
}

// decodeRune3 is utf8.DecodeRuneInString(text[i:]) with the three-byte
// sequences of Chinese text decoded in line, for text[i] not ASCII.
func decodeRune3(text string, i int) (rune, int) {
	// E1 to EC and EE to EF lead three-byte sequences with no overlong
	// or surrogate forms to rule out (E0 and ED are left to package
	// utf8).
	if b0 := text[i]; b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && i+2 < len(text) {
		b1, b2 := text[i+1], text[i+2]
		if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// isCJKScript reports whether s is written without spaces between words,
// one character a syllable or a word: Han, kana, Bopomofo, Hangul.
func isCJKScript(s langid.Script) bool {
	switch s {
	case langid.Han, langid.Hiragana, langid.Katakana, langid.Bopomofo, langid.Hangul:
		return true
	}
	return false
}

// units returns the length in letter units: each letter and digit counts
// 1, each CJK character cjkWeight.
func (c lengthCount) units() float64 {
	return cjkWeight*float64(c.CJK) + float64(int(c.Letters)+int(c.Digits))
}

// tallyScript counts a letter of script among the Han, Latin or other
// letters of a text (letterCounts, countLengthAndLetters).
func tallyScript(script langid.Script, han, latin, other *int) {
	switch script {
	case langid.Han:
		*han++
	case langid.Latin:
		*latin++
	default:
		*other++
	}
}
