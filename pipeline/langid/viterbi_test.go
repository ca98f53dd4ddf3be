package langid

import (
	"math"
	"slices"
	"testing"

	"github.com/pemistahl/lingua-go"
)

func TestViterbi(t *testing.T) {
	tests := []struct {
		name  string
		score []float64
		pair  []float64
		fpair []float64
		runs  [][2]int
		gain  float64
	}{
		{"empty", nil, nil, nil, nil, 0},
		{"all English", []float64{-1, -2, -0.5}, nil, nil, nil, 0},
		{"one foreign run", []float64{-3, 4, 3, -3}, nil, nil, [][2]int{{1, 3}}, 7 - 2*switchCost},
		// a weak word between two foreign ones joins the run: leaving and
		// re-entering would cost two switches
		{"weak word inside", []float64{-3, 4, -1, 4, -3}, nil, nil, [][2]int{{1, 4}}, 7 - 2*switchCost},
		// a weak word at the edge stays out
		{"weak word at the edge", []float64{-3, 4, 4, -0.1}, nil, nil, [][2]int{{1, 3}}, 8 - 2*switchCost},
		// a run that does not pay for its switches is not taken
		{"too weak", []float64{-1, 1.5, 1.5, -1}, nil, nil, nil, 0},
		{"two runs", []float64{5, -6, -6, 5}, nil, nil, [][2]int{{0, 1}, {3, 4}}, 10 - 4*switchCost},
		// a shared word at the edge goes with the English neighbour it
		// fits ("on the"): its English pair outweighs its small score
		{"edge word kept English", []float64{4, 4, 0.5, -3}, []float64{0, 0, 0, 1}, nil, [][2]int{{0, 2}}, 8 - 2*switchCost},
		// and joins the run where English pairs it with nothing
		{"edge word taken in", []float64{4, 4, 0.5, -3}, []float64{0, 0, -0.5, 0}, nil, [][2]int{{0, 3}}, 8.5 - 2*switchCost + 0.5},
		// a shared word before the run that the foreign language pairs
		// with the run's first word joins it ("culture de masse"), though
		// English does not mind it either
		{"edge word taken in by its foreign pair", []float64{-3, -0.5, 4, 4, -3}, nil, []float64{0, 0, 1, 0, 0}, [][2]int{{1, 4}}, 7.5 - 2*switchCost + 1},
		// without that pair it stays out
		{"edge word left out without its foreign pair", []float64{-3, -0.5, 4, 4, -3}, nil, []float64{0, 0, 0, 0, 0}, [][2]int{{2, 4}}, 8 - 2*switchCost},
	}
	for _, tt := range tests {
		runs, gain := viterbi(tt.score, tt.pair, tt.fpair)
		if len(tt.runs) == 1 && math.Abs(runGain(tt.score, tt.pair, tt.fpair, tt.runs[0])-tt.gain) > 1e-9 {
			t.Errorf("%s: runGain(%v) = %v, want %v", tt.name, tt.runs[0], runGain(tt.score, tt.pair, tt.fpair, tt.runs[0]), tt.gain)
		}
		if !slices.Equal(runs, tt.runs) || math.Abs(gain-tt.gain) > 1e-9 {
			t.Errorf("%s: viterbi(%v) = %v, %v; want %v, %v", tt.name, tt.score, runs, gain, tt.runs, tt.gain)
		}
	}
}

// TestCharLLR checks the sign of the letters' log-likelihood ratio on
// words whose language is plain, and that it is 0 for a word without
// letters.
func TestCharLLR(t *testing.T) {
	if underRace {
		t.Skip("loads letter models (about a second)")
	}
	tests := []struct {
		word     string
		lang     lingua.Language
		positive bool
	}{
		{"défense", lingua.French, true},
		{"folgenden", lingua.German, true},
		{"Mädchen", lingua.German, true},
		{"the", lingua.French, false},
		{"development", lingua.Spanish, false},
		{"enough", lingua.German, false},
	}
	for _, tt := range tests {
		for _, order := range []int{3, 5} {
			if got := charLLR(tt.word, tt.lang, order); (got > 0) != tt.positive {
				t.Errorf("charLLR(%q, %v, %d) = %.2f, want positive %v", tt.word, tt.lang, order, got, tt.positive)
			}
		}
	}
	if got := charLLR("2024", lingua.French, 5); got != 0 {
		t.Errorf("charLLR(2024) = %v, want 0", got)
	}
}

func TestTitleCase(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Hochschule für Musik und Theater", true},
		{"Da Li Rui", true},
		{"Intissar Amer al-Sisi", true},
		{"de la Statistique et", false},
		{"Monsieur le Président de", false},
		{"eine neue Zeitenwende", false},
		{"Die Absenz in den folgenden Tagen", false},
	}
	for _, tt := range tests {
		if got := titleCase(tt.text, LatinWords(tt.text)); got != tt.want {
			t.Errorf("titleCase(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
