package langid

import (
	"math"
	"testing"

	"github.com/pemistahl/lingua-go"
)

// TestWordOddsMatchLingua checks pairConfidence, which scores a word from
// lingua's model files with tables of its own, against lingua's detector
// of the same two languages, in both modes.
func TestWordOddsMatchLingua(t *testing.T) {
	if testing.Short() || underRace {
		t.Skip("loads lingua's high-accuracy models twice (seconds)")
	}
	words := map[lingua.Language][]string{
		lingua.French: {"défense", "collective", "la", "des", "l'histoire", "s'explique", "vision", "pénétrait",
			"torches", "électriques", "quinze", "Président", "a", "et", "ou", "the", "pushback", "x", "Zeitenwende", "naïve"},
		lingua.German: {"Zeitenwende", "die", "und", "größer", "Straße", "schon", "tot", "ich", "in", "Hochschule", "gut", "the", "of"},
	}
	for lang, list := range words {
		for _, high := range []bool{false, true} {
			b := lingua.NewLanguageDetectorBuilder().FromLanguages(lingua.English, lang)
			if !high {
				b = b.WithLowAccuracyMode()
			}
			det := b.Build()
			for _, w := range list {
				var wantF, wantE float64
				for _, cv := range det.ComputeLanguageConfidenceValues(w) {
					switch cv.Language() {
					case lang:
						wantF = cv.Value()
					case lingua.English:
						wantE = cv.Value()
					}
				}
				gotF, gotE := pairConfidence(w, lang, high)
				if math.Abs(gotF-wantF) > 1e-4 || math.Abs(gotE-wantE) > 1e-4 {
					t.Errorf("%v high=%v %q: got %.6f/%.6f, lingua %.6f/%.6f", lang, high, w, gotF, gotE, wantF, wantE)
				}
			}
		}
	}
}
