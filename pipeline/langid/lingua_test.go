package langid

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pemistahl/lingua-go"
	"golang.org/x/text/language"
)

func TestLinguaWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"hello, world", []string{"hello", "world"}},
		{"l'histoire d'une", []string{"l", "histoire", "d", "une"}},
		{"北约峰会", []string{"北", "约", "峰", "会"}},
		{"nato峰会 2023", []string{"nato峰会"}}, // a run of letters goes on into Han
		{"峰会nato", []string{"峰", "会", "nato"}},
		{"ひらがなカタカナ한국어", []string{"ひ", "ら", "が", "な", "カ", "タ", "カ", "ナ", "한", "국", "어"}},
		{"naïve café", []string{"naïve", "café"}},
		{"x1y", []string{"x", "y"}},
	}
	for _, tt := range tests {
		if got := linguaWords(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("linguaWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSoftmaxAsLingua(t *testing.T) {
	tests := []struct {
		sums []float64
		want []float64
	}{
		{nil, []float64{}},
		{[]float64{-10}, []float64{1}},
		{[]float64{-10, -10}, []float64{0.5, 0.5}},
		{[]float64{-10, -10 - math.Ln2}, []float64{2.0 / 3, 1.0 / 3}},
		// subnormal and underflowing exponents: lingua's decimals
		{[]float64{-740, -740}, []float64{0.5, 0.5}},
		// exp(-740) and exp(-741) are the subnormal float64s whose
		// shortest decimals are 4.2e-322 and 1.53e-322, which lingua
		// divides (the exact softmax is 0.7311 and 0.2689)
		{[]float64{-740, -741}, []float64{4.2 / 5.73, 1.53 / 5.73}},
		{[]float64{-2000, -2000 - math.Ln2}, []float64{2.0 / 3, 1.0 / 3}},
		{[]float64{-700, -2000}, []float64{1, 0}},
		// exp(sum/1000) rounds to 0 at 25 places: the largest sum wins
		{[]float64{-70001, -70000}, []float64{0, 1}},
	}
	for _, tt := range tests {
		got := softmaxAsLingua(tt.sums)
		if len(got) != len(tt.want) {
			t.Errorf("softmaxAsLingua(%v) = %v, want %v", tt.sums, got, tt.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-12 {
				t.Errorf("softmaxAsLingua(%v) = %v, want %v", tt.sums, got, tt.want)
				break
			}
		}
	}
}

// linguaTexts are texts for TestConfidencesMatchLingua that need no data
// beside the repository: lingua's rules (unique letters, scripts of one
// language, Chinese and Japanese) and short and mixed texts.
var linguaTexts = []string{
	"", "!!", "a", "ab", "abc", "The Alliance met in Vilnius.",
	"Die Straße ist groß und die Stadt ist schön.", "¿Dónde está la estación?",
	"La défense collective reste la tâche principale de l'Alliance.",
	"北约峰会在维尔纽斯举行。", "北约 summit in Vilnius", "東京でコーヒーを飲みました。",
	"Привет, мир! Это тест.", "Ελληνικά κείμενα", "한국어 텍스트", "नमस्ते दुनिया",
	"The word Zeitenwende came up, with défense collective and Straße.",
	"Tom and Mary went to 北京 and 上海 with 小明.", "naïve façade ŁŃ Ěř",
	"x y z w", "Straße", "Straße groß", "Grüße aus Köln", "Łódź", "Ñandú", "漢字かな", "ひらがな",
	"Das ist gut. That is good. C'est bon. Eso es bueno.",
}

// sharedTexts reads texts from the shared data beside the repository: the
// foreign sentences, the English and Chinese sides of the Tatoeba pairs
// and the MQM targets (every step-th line of each), and long texts made of
// runs of them; nil when the data is absent.
func sharedTexts(t *testing.T, step int) []string {
	dir := "../../../shared/data"
	if _, err := os.Stat(dir); err != nil {
		return nil
	}
	var texts []string
	lines := func(path string, column int) []string {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var out []string
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for n := 0; sc.Scan(); n++ {
			if n%step != 0 {
				continue
			}
			fields := strings.Split(sc.Text(), "\t")
			if column < len(fields) {
				out = append(out, fields[column])
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	files, _ := filepath.Glob(filepath.Join(dir, "foreign_sentences", "*.txt"))
	for _, f := range files {
		sentences := lines(f, 0)
		texts = append(texts, sentences...)
		// long texts: lingua's arithmetic for sums of log probabilities
		// whose exponents are subnormal or underflow
		for n := 8; n <= 64; n *= 2 {
			for i := 0; i+n <= len(sentences) && i < 6*n; i += n {
				texts = append(texts, strings.Join(sentences[i:i+n], " "))
			}
		}
	}
	tatoeba := filepath.Join(dir, "tatoeba_cmn_eng.tsv")
	texts = append(texts, lines(tatoeba, 0)...)
	texts = append(texts, lines(tatoeba, 1)...)
	texts = append(texts, lines(filepath.Join(dir, "mqm_zhen_newstest2020.tsv"), 2)...)
	return texts
}

// TestConfidencesMatchLingua checks Detector.Confidences, which computes
// lingua's low-accuracy confidences itself, against lingua's own detector
// of the same languages in that mode.
func TestConfidencesMatchLingua(t *testing.T) {
	if testing.Short() || underRace {
		t.Skip("builds lingua's detectors (seconds)")
	}
	sets := []struct {
		langs []language.Tag
		texts []string
	}{
		{
			// a Chinese-English run
			append([]language.Tag{language.English, language.Chinese}, DefaultLanguages...),
			append(slices.Clone(linguaTexts), sharedTexts(t, 10)...),
		},
		{[]language.Tag{language.English, language.French}, append(slices.Clone(linguaTexts), sharedTexts(t, 50)...)},
		{
			[]language.Tag{language.English, language.Russian, language.Ukrainian, language.Japanese,
				language.Chinese, language.Korean, language.German, language.Spanish, language.Polish},
			linguaTexts,
		},
	}
	for _, set := range sets {
		d := DetectorFor(set.langs)
		det := lingua.NewLanguageDetectorBuilder().FromLanguages(d.codes...).WithLowAccuracyMode().Build()
		bad := 0
		for _, text := range set.texts {
			want := map[language.Tag]float64{}
			for _, cv := range det.ComputeLanguageConfidenceValues(text) {
				want[d.langs[slices.Index(d.codes, cv.Language())]] = cv.Value()
			}
			got := d.Confidences(text)
			for _, g := range got {
				if math.Abs(g.Confidence-want[g.Lang]) > 1e-9 {
					t.Errorf("%v: %q: %v %.12f, lingua %.12f", d.langs, text, g.Lang, g.Confidence, want[g.Lang])
					bad++
					break
				}
			}
			if bad > 10 {
				t.Fatal("too many differences")
			}
		}
		t.Logf("%v: %d texts", d.langs, len(set.texts))
	}
}

// BenchmarkConfidences judges short texts among the candidates of a
// Chinese-English run (tables loaded before timing).
func BenchmarkConfidences(b *testing.B) {
	d := DetectorFor(append([]language.Tag{language.English, language.Chinese}, DefaultLanguages...))
	d.Confidences("warm up the tables")
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range linguaTexts {
			d.Confidences(text)
		}
	}
}
