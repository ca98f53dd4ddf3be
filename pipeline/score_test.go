package pipeline

import "testing"

func TestCountWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"US is酝酿 Leaving NATO", 6},
		{"the alliance’s core clause", 4},
		{"burden-sharing isn't new", 3},
		{"北大西洋公约组织", 8},
		{"Article 5, 1949.", 3},
		{"Türkiye and North Macedonia", 4},
	}
	for _, tt := range tests {
		if got := CountWords(tt.text); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestScoreOf(t *testing.T) {
	fs := []Finding{
		{Severity: Minor, Category: CategoryPunctuation},
		{Severity: Minor, Category: CategorySpelling},
		{Severity: Major},
		{Severity: Critical},
		{Severity: Neutral},
	}
	s := ScoreOf(fs, 500)
	if s.Penalty != 31.1 {
		t.Errorf("penalty = %v, want 31.1", s.Penalty)
	}
	if s.PerThousand != 62.2 {
		t.Errorf("per thousand = %v, want 62.2", s.PerThousand)
	}
	if z := ScoreOf(nil, 0); z.PerThousand != 0 {
		t.Errorf("empty score = %+v", z)
	}
}
