package readings

import "testing"

func TestRomaji(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ノート", "nōto"},
		{"すし", "sushi"},
		{"きょうと", "kyouto"}, // long vowels in two kana are kept
		{"しゃしん", "shashin"},
		{"ちゃ", "cha"},
		{"じゅう", "juu"},
		{"まっちゃ", "matcha"},
		{"がっこう", "gakkou"},
		{"きっぷ", "kippu"},
		{"しんよう", "shin'you"},
		{"ぐんま", "gunma"},
		{"ファイル", "fairu"},
		{"ティー", "tī"},
		{"ウィキ", "wiki"},
		{"ヴァイオリン", "vaiorin"},
		{"コンピューター", "konpyūtā"},
		{"シェア", "shea"},
		{"ふじ・さん", "fuji san"},
	}
	for _, tt := range tests {
		got, ok := Romaji(tt.in)
		if !ok || got != tt.want {
			t.Errorf("Romaji(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, in := range []string{"日本語です", "ー", "っ", "", "abc", "です。"} {
		if got, ok := Romaji(in); ok {
			t.Errorf("Romaji(%q) = %q, want not ok", in, got)
		}
	}
}
