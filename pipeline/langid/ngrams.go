package langid

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	_ "unsafe" // for go:linkname

	"github.com/pemistahl/lingua-go"
	"google.golang.org/protobuf/encoding/protowire"
)

// linguaModelFiles is lingua-go's own embedded copy of its language models
// (language-models/<iso 639-1>/<order>s.pb.bin.zip: a zip holding one
// protocol buffer of n-grams and their probabilities). lingua-go does not
// export it; the link name reads the very files that lingua loads, so tqa
// neither copies 2 MB of models a language into its repository nor embeds
// them twice in its binary (only the small models of the common languages
// are embedded a second time, ready to use: ngram_tables.go). It is tied
// to lingua-go v1.4.0 (go.mod pins it): should a later version rename the
// variable, the build fails at link time, and TestWordOddsMatchLingua and
// TestConfidencesMatchLingua check that the scores still agree with
// lingua's own.
//
//go:linkname linguaModelFiles github.com/pemistahl/lingua-go.languageModels
var linguaModelFiles embed.FS

// ngramOrders are the orders of lingua's models: unigrams to fivegrams.
const ngramOrders = 5

var orderNames = [ngramOrders]string{"unigram", "bigram", "trigram", "quadrigram", "fivegram"}

// ngramTable is one of lingua's models in compact form: the natural log of
// each n-gram's probability, keyed by a 64-bit FNV-1a hash of the n-gram's
// UTF-8 bytes, in an open-addressing hash table (linear probing, at most
// four fifths full). Lingua's model files group the n-grams by probability
// (a trigram model holds 18,000 trigrams with 12,000 distinct
// probabilities), and so does the table: each slot is one uint64, the
// hash's top 44 bits and below them, in 20 bits, the index of the n-gram's
// log probability in logps. The probabilities are lingua's own to the last
// bit. At about 10 bytes an n-gram the 370,000 n-grams of one language's
// five models take under 4 MB, where lingua's own maps of strings to
// float64 take about 50 bytes an n-gram. Two n-grams of one model sharing
// the 44 bits (odds of about 10^-3 per model of 300,000 n-grams, and then
// for one n-gram) would
// share a probability, as would a missing n-gram that shares them with a
// known one (odds of 2^-44 a look-up).
// Both slices are little-endian bytes: the tables of the common languages
// are embedded ready-made (ngram_tables.go) and read where they lie in the
// binary, without a copy.
type ngramTable struct {
	slots []byte // little-endian uint64 slots; 0: empty
	logps []byte // little-endian float64 log probabilities
	n     int    // number of slots
}

const (
	indexBits = 20
	indexMask = 1<<indexBits - 1
)

// key returns the hash bits that a slot keeps, never 0.
func ngramKey(h uint64) uint64 {
	k := h &^ indexMask
	if k == 0 {
		k = 1 << indexBits
	}
	return k
}

// slotOf maps a key to its first slot in a table of n slots: the key
// mixed by a multiplication (FNV-1a's top bits, which the key keeps, vary
// little between n-grams of a few bytes, and alone would pile the n-grams
// into runs of hundreds of slots), then scaled by the high bits of a
// 128-bit product (no power-of-two size needed).
func slotOf(k uint64, n int) int {
	x := k * 0x9e3779b97f4a7c15
	x ^= x >> 29
	hi, _ := bits.Mul64(x, uint64(n))
	return int(hi)
}

// get returns the log probability of the n-gram whose hash is h.
func (t *ngramTable) get(h uint64) (float64, bool) {
	if t == nil || t.n == 0 {
		return 0, false
	}
	k := ngramKey(h)
	for i := slotOf(k, t.n); ; i++ {
		if i == t.n {
			i = 0
		}
		s := binary.LittleEndian.Uint64(t.slots[8*i:])
		switch s &^ indexMask {
		case 0:
			return 0, false
		case k:
			return math.Float64frombits(binary.LittleEndian.Uint64(t.logps[8*(s&indexMask):])), true
		}
	}
}

// ngramTableBuilder builds an ngramTable: put the log probabilities with
// add, then the n-grams with put.
type ngramTableBuilder struct {
	slots      []uint64
	logps      []float64
	n          int // n-grams put
	collisions int // n-grams put whose key was already taken
}

func newNgramTableBuilder(size int) *ngramTableBuilder {
	return &ngramTableBuilder{slots: make([]uint64, max(8, size+size/4+1))}
}

// add appends a log probability and returns its index.
func (b *ngramTableBuilder) add(logp float64) (int, error) {
	if len(b.logps) > indexMask {
		return 0, fmt.Errorf("more than %d distinct probabilities", indexMask+1)
	}
	b.logps = append(b.logps, logp)
	return len(b.logps) - 1, nil
}

// put gives the n-gram whose hash is h the log probability of index i. A
// key already taken takes the new index (and counts as a collision).
func (b *ngramTableBuilder) put(h uint64, i int) {
	if 5*(b.n+1) > 4*len(b.slots) {
		b.grow()
	}
	k := ngramKey(h)
	for s := slotOf(k, len(b.slots)); ; s++ {
		if s == len(b.slots) {
			s = 0
		}
		switch b.slots[s] &^ indexMask {
		case 0:
			b.slots[s] = k | uint64(i)
			b.n++
			return
		case k:
			b.slots[s] = k | uint64(i)
			b.collisions++
			return
		}
	}
}

func (b *ngramTableBuilder) grow() {
	old := b.slots
	b.slots = make([]uint64, 2*len(old))
	b.n = 0
	for _, s := range old {
		if s != 0 {
			b.put(s, int(s&indexMask))
		}
	}
}

// table encodes the table built.
func (b *ngramTableBuilder) table() *ngramTable {
	t := &ngramTable{slots: make([]byte, 8*len(b.slots)), logps: make([]byte, 8*len(b.logps)), n: len(b.slots)}
	for i, s := range b.slots {
		binary.LittleEndian.PutUint64(t.slots[8*i:], s)
	}
	for i, p := range b.logps {
		binary.LittleEndian.PutUint64(t.logps[8*i:], math.Float64bits(p))
	}
	return t
}

// ngramModels holds the tables of one language, each loaded on first use.
type ngramModels struct {
	lang  lingua.Language
	once  [ngramOrders]sync.Once
	table [ngramOrders]*ngramTable
}

var allNgramModels sync.Map // lingua.Language -> *ngramModels

func modelsOf(lang lingua.Language) *ngramModels {
	if v, ok := allNgramModels.Load(lang); ok {
		return v.(*ngramModels)
	}
	v, _ := allNgramModels.LoadOrStore(lang, &ngramModels{lang: lang})
	return v.(*ngramModels)
}

// order returns the table of n-grams of n letters (1 to 5): an embedded
// one (ngram_tables.go) or else one read from lingua's model file on first
// use. A
// language that lingua models by unigrams alone (Chinese, Japanese, Greek
// and the other languages of a script of their own) has empty tables of
// longer n-grams, as in lingua. A model file that is missing or cannot be
// read otherwise means that the lingua-go linked in is not the version
// this code reads (see linguaModelFiles), a broken build: it panics.
func (m *ngramModels) order(n int) *ngramTable {
	i := n - 1
	m.once[i].Do(func() {
		if t := embeddedNgramTable(m.lang, n); t != nil {
			m.table[i] = t
			return
		}
		t, err := loadNgramTable(m.lang, n)
		if err != nil {
			panic(err)
		}
		m.table[i] = t
	})
	return m.table[i]
}

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func fnv64Bytes(s []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range s {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// modelFileName is the name of lingua's model of n-grams of n letters for
// lang in linguaModelFiles.
func modelFileName(lang lingua.Language, n int) string {
	iso := strings.ToLower(lang.IsoCode639_1().String())
	return fmt.Sprintf("language-models/%s/%ss.pb.bin.zip", iso, orderNames[n-1])
}

// loadNgramTable reads lingua's model of n-grams of n letters for lang: an
// empty table when lingua has no such model but a unigram model of lang.
func loadNgramTable(lang lingua.Language, n int) (*ngramTable, error) {
	b, err := buildNgramTable(lang, n)
	if err != nil {
		return nil, err
	}
	return b.table(), nil
}

// buildNgramTable reads lingua's model of n-grams of n letters for lang
// into a builder (see loadNgramTable).
func buildNgramTable(lang lingua.Language, n int) (*ngramTableBuilder, error) {
	name := modelFileName(lang, n)
	zipped, err := linguaModelFiles.ReadFile(name)
	if err != nil {
		if n > 1 {
			if _, uerr := linguaModelFiles.ReadFile(modelFileName(lang, 1)); uerr == nil {
				return newNgramTableBuilder(0), nil
			}
		}
		return nil, fmt.Errorf("langid: lingua model %s: %w", name, err)
	}
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil || len(zr.File) != 1 {
		return nil, fmt.Errorf("langid: lingua model %s: not a zip of one file: %v", name, err)
	}
	f, err := zr.File[0].Open()
	if err != nil {
		return nil, fmt.Errorf("langid: lingua model %s: %w", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("langid: lingua model %s: %w", name, err)
	}
	b, err := parseNgramModel(data)
	if err != nil {
		return nil, fmt.Errorf("langid: lingua model %s: %w", name, err)
	}
	return b, nil
}

// parseNgramModel decodes lingua's SerializableLanguageModel protocol
// buffer (lingua-go's serialization/model.proto: field 3 the number of
// n-grams, field 4 the sets of n-grams, each with its probability in
// field 1 and its n-grams in field 2) straight into a table builder.
func parseNgramModel(b []byte) (*ngramTableBuilder, error) {
	var t *ngramTableBuilder
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return nil, protowire.ParseError(n)
		}
		b = b[n:]
		switch {
		case num == 3 && typ == protowire.VarintType:
			total, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return nil, protowire.ParseError(n)
			}
			b = b[n:]
			if t == nil {
				t = newNgramTableBuilder(int(min(total, 1<<22)))
			}
		case num == 4 && typ == protowire.BytesType:
			set, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return nil, protowire.ParseError(n)
			}
			b = b[n:]
			if t == nil {
				t = newNgramTableBuilder(0)
			}
			if err := parseNgramSet(set, t); err != nil {
				return nil, err
			}
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return nil, protowire.ParseError(n)
			}
			b = b[n:]
		}
	}
	if t == nil {
		t = newNgramTableBuilder(0)
	}
	return t, nil
}

// parseNgramSet adds one SerializableNgramSet to t.
func parseNgramSet(set []byte, t *ngramTableBuilder) error {
	logp := math.Inf(-1)
	var grams [][]byte
	for b := set; len(b) > 0; {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return protowire.ParseError(n)
		}
		b = b[n:]
		switch {
		case num == 1 && typ == protowire.Fixed64Type:
			v, n := protowire.ConsumeFixed64(b)
			if n < 0 {
				return protowire.ParseError(n)
			}
			b = b[n:]
			logp = math.Log(math.Float64frombits(v))
		case num == 2 && typ == protowire.BytesType:
			g, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return protowire.ParseError(n)
			}
			b = b[n:]
			grams = append(grams, g)
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return protowire.ParseError(n)
			}
			b = b[n:]
		}
	}
	if len(grams) == 0 || math.IsInf(logp, -1) {
		return nil // lingua backs off from an n-gram of probability 0
	}
	i, err := t.add(logp)
	if err != nil {
		return err
	}
	for _, g := range grams {
		t.put(fnv64Bytes(g), i)
	}
	return nil
}

// ruleLetters are, for the languages of function_words.txt, the letters
// that lingua-go v1.4.0's rules tie to a language and never to English
// (its charsToLanguagesMapping in constant.go, and the unique character ß
// of German in language.go; Spanish's unique ¿ and ¡ are no letters). A
// word whose letters lingua's rules give to the other language is that
// language's with certainty, before any model is asked.
var ruleLetters = map[lingua.Language]string{
	lingua.French:     "îûëèùêôàâçé",
	lingua.German:     "äüöß",
	lingua.Spanish:    "ñüóáíúé",
	lingua.Italian:    "ìèùòàé",
	lingua.Portuguese: "ãêõôàâçóáíúé",
	lingua.Dutch:      "ë",
}

// pairConfidence returns the confidences, adding up to 1, that word is in
// lang and in English with those two as the only candidates, computed as
// lingua-go v1.4.0 computes them from its models (ComputeLanguageConfidenceValues
// of a detector of the two languages): high selects its high-accuracy mode
// (n-grams of one to five letters, each backing off to its shorter
// prefixes, summed log probabilities divided by the number of known
// letters), otherwise its low-accuracy mode (trigrams alone; 0 and 0 for
// words under three letters). Both are 0 when neither model knows any
// n-gram of the word.
func pairConfidence(word string, lang lingua.Language, high bool) (foreign, english float64) {
	words := letterRuns(strings.ToLower(word))
	if len(words) == 0 {
		return 0, 0
	}
	// lingua's rules: letters that only lang of the two uses
	if letters := ruleLetters[lang]; letters != "" {
		count := 0
		for _, w := range words {
			for _, r := range letters {
				if strings.ContainsRune(w, r) {
					count++
				}
			}
		}
		if float64(count) >= 0.5*float64(len(words)) && count > 0 {
			return 1, 0
		}
	}
	chars := 0
	for _, w := range words {
		chars += utf8.RuneCountInString(w)
	}
	if !high && chars < 3 {
		return 0, 0
	}
	lo, hi := 3, 3
	if high && chars < 120 {
		lo, hi = 1, ngramOrders
	}
	langs := [2]*ngramModels{modelsOf(lang), modelsOf(lingua.English)}
	var sum [2]float64
	var seen [2]bool // some order gave the language a probability
	var unigramSeen [2]bool
	grams := map[string]struct{}{}
	for n := lo; n <= hi; n++ {
		clear(grams)
		for _, w := range words {
			for i := 0; ; {
				j, k := i, 0
				for k < n && j < len(w) {
					_, size := utf8.DecodeRuneInString(w[j:])
					j += size
					k++
				}
				if k < n {
					break
				}
				grams[w[i:j]] = struct{}{}
				_, size := utf8.DecodeRuneInString(w[i:])
				i += size
			}
		}
		for li, m := range langs {
			s := 0.0
			for g := range grams {
				s += m.backoff(g, n)
			}
			if s < 0 {
				sum[li] += s
				seen[li] = true
				if n == 1 {
					unigramSeen[li] = true
				}
			}
		}
	}
	if lo == 1 {
		// lingua divides each sum by the number of the text's distinct
		// letters that the language's unigram model knows (counted for the
		// languages that have a unigram probability, or for all when none
		// has one).
		clear(grams)
		for _, w := range words {
			for i, r := range w {
				grams[w[i:i+utf8.RuneLen(r)]] = struct{}{}
			}
		}
		anyUnigram := unigramSeen[0] || unigramSeen[1]
		for li, m := range langs {
			if anyUnigram && !unigramSeen[li] {
				continue
			}
			count := 0
			uni := m.order(1)
			for g := range grams {
				if _, ok := uni.get(fnv64(g)); ok {
					count++
				}
			}
			if count > 0 {
				sum[li] /= float64(count)
			}
		}
	}
	switch {
	case !seen[0] && !seen[1]:
		return 0, 0
	case !seen[1]:
		return 1, 0
	case !seen[0]:
		return 0, 1
	}
	// softmax of the two, in a form that cannot overflow
	foreign = 1 / (1 + math.Exp(sum[1]-sum[0]))
	return foreign, 1 - foreign
}

// letterRuns splits text into runs of letters, as lingua does before it
// looks at a text (its pattern \p{L}+).
func letterRuns(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

// backoff returns the log probability of the n-gram g (n letters) as
// lingua scores it: that of g if the model of n letters knows it, else
// that of its longest known prefix, backing off one letter at a time; 0
// when not even its first letter is known.
func (m *ngramModels) backoff(g string, n int) float64 {
	for k, end := n, len(g); k >= 1; k-- {
		if p, ok := m.order(k).get(fnv64(g[:end])); ok {
			return p
		}
		_, size := utf8.DecodeLastRuneInString(g[:end])
		end -= size
	}
	return 0
}
