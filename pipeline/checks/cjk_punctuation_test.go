package checks

import "testing"

// FuzzHasFromU3000 checks hasFromU3000, which answers ASCII texts without
// decoding them, against a look at every character.
func FuzzHasFromU3000(f *testing.F) {
	for _, s := range []string{"", "Hello, world.", "Hello\u3000world", "北约", "That’s it", "a\xffb", "\u2fff", "12345678abcdefgh\u3000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := false
		for _, c := range text {
			if c >= 0x3000 {
				want = true
			}
		}
		if got := hasFromU3000(text); got != want {
			t.Fatalf("hasFromU3000(%q) = %v, want %v", text, got, want)
		}
	})
}
