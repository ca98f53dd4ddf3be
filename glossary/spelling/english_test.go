package spelling

import "testing"

func TestEnglishSize(t *testing.T) {
	tests := []struct {
		word string
		ok   bool
		max  int // the size class is at most this
	}{
		{"the", true, 10},
		{"The", true, 10},
		{"THE", true, 10},
		{"defence", true, 35},
		{"defense", true, 35},
		{"NATO", true, 70},
		{"Beijing", true, 70},
		{"BEIJING", true, 70},
		{"realpolitik", true, 70},
		{"beijing", false, 0},
		{"guanxi", false, 0},
		{"Zeitenwende", false, 0},
		{"yùnniàng", false, 0},
		{"", false, 0},
		{"É", false, 0},
	}
	for _, tt := range tests {
		size, ok := EnglishSize(tt.word)
		if ok != tt.ok || (ok && size > tt.max) {
			t.Errorf("EnglishSize(%q) = %d, %v; want ok=%v, size <= %d", tt.word, size, ok, tt.ok, tt.max)
		}
	}
}

func BenchmarkEnglishSize(b *testing.B) {
	words := []string{"the", "Defence", "NATO", "guanxi", "collective", "Zeitenwende"}
	EnglishSize("warm")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		EnglishSize(words[i%len(words)])
	}
}
