package readings

import "testing"

func TestRomanize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"북대서양 조약", "bukdaeseoyang joyak"},
		{"한국어", "hangugeo"},
		{"서울", "seoul"},
		{"부산", "busan"},
		{"김치", "gimchi"},
		{"읽어", "ilgeo"},
		{"좋아", "joa"},
		{"싫어", "sireo"},
		{"많아", "mana"},
		{"없어", "eopseo"},
		{"있어", "isseo"},
		{"밖에", "bakke"},
		{"안녕하세요", "annyeonghaseyo"},
		{"영어", "yeongeo"},
		{"북대서양조약기구", "bukdaeseoyangjoyakgigu"},
	}
	for _, tt := range tests {
		got, ok := Romanize(tt.in)
		if !ok || got != tt.want {
			t.Errorf("Romanize(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, in := range []string{"", "ㄱ", "한국語", "abc"} {
		if got, ok := Romanize(in); ok {
			t.Errorf("Romanize(%q) = %q, want not ok", in, got)
		}
	}
}
