package glossary

import "testing"

func TestTrieLongest(t *testing.T) {
	patterns := []string{"nato", "north atlantic", "north atlantic council", "no", "北约", "北大西洋", "é"}
	tr := newTrie(patterns)
	tests := []struct {
		key  string
		want int32 // index into patterns, -1: none
	}{
		{"nato's", 0},
		{"nat", -1},
		{"north atlantic council met", 2},
		{"north atlantic counci", 1},
		{"north", 3},
		{"nox", 3},
		{"北约成员", 4},
		{"北大西洋公约", 5},
		{"北大", -1},
		{"éa", 6},
		{"e", -1},
	}
	for _, tt := range tests {
		key := []byte(tt.key)
		got := int32(-1)
		if tr.root[key[0]] != 0 {
			got = tr.longest(key)
		}
		if got != tt.want {
			t.Errorf("longest(%q) = %d, want %d", tt.key, got, tt.want)
		}
	}
}
