package cedict

import (
	"slices"
	"strings"
	"testing"
)

func TestParseSample(t *testing.T) {
	d, err := LoadFile("testdata/sample.u8")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entries) != 13 {
		t.Fatalf("%d entries, want 13", len(d.Entries))
	}
	tests := []struct {
		word    string
		pinyin  []string
		glosses string
	}{
		{"酝酿", []string{"yun4 niang4"}, "to brew|to mull over"},
		{"醞釀", []string{"yun4 niang4"}, "to brew|to mull over"},
		{"北约", []string{"Bei3 yue1"}, "NATO"},
		{"行", []string{"hang2", "xing2"}, "row|line|to walk|to go"},
		{"女儿", []string{"nu:3 er2"}, "daughter"},
		{"没有", nil, ""},
	}
	for _, tt := range tests {
		es := d.Lookup(tt.word)
		var pins, glosses []string
		for _, e := range es {
			pins = append(pins, e.Pinyin)
			glosses = append(glosses, e.Glosses...)
		}
		if !slices.Equal(pins, tt.pinyin) || strings.Join(glosses, "|") != tt.glosses {
			t.Errorf("Lookup(%q) = %q %q, want %q %q", tt.word, pins, glosses, tt.pinyin, tt.glosses)
		}
	}
	if got := d.MaxWordLen(); got != 4 {
		t.Errorf("MaxWordLen = %d, want 4", got)
	}
	if e := d.Lookup("酝酿")[0]; e.Line != 4 || e.IsName() {
		t.Errorf("酝酿: line %d, name %v; want line 4, not a name", e.Line, e.IsName())
	}
	if !d.Lookup("北约")[0].IsName() {
		t.Error("北约 is not a name")
	}
}

func TestLookupPinyin(t *testing.T) {
	d, err := LoadFile("testdata/sample.u8")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ key, want string }{
		{"yunniang", "酝酿"},
		{"guanxi", "关系"},
		{"nüer", "女儿"},
		{"xian", "西安"},
		{"zhongguo", "中国"},
		{"xing", "行"},
		{"nothing", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range d.LookupPinyin(tt.key) {
			got = append(got, e.Simplified)
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("LookupPinyin(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestPinyinKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"yun4 niang4", "yunniang"},
		{"Bei3 jing1", "beijing"},
		{"nu:3 er2", "nüer"},
		{"lv4", "lü"},
		{"ma5", "ma"},
	}
	for _, tt := range tests {
		if got := PinyinKey(tt.in); got != tt.want {
			t.Errorf("PinyinKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no simplified", "# c\n醞釀\n", "cedict: t.u8: line 2: want "},
		{"no pinyin", "醞釀 酝酿 /to brew/\n", "line 1: no [pinyin] after the simplified form"},
		{"unclosed pinyin", "醞釀 酝酿 [yun4 niang4 /to brew/\n", "line 1: pinyin has no closing ]"},
		{"empty pinyin", "醞釀 酝酿 [] /to brew/\n", `line 1: bad pinyin ""`},
		{"no slashes", "醞釀 酝酿 [yun4 niang4] to brew\n", "line 1: glosses must be written /gloss/gloss/"},
		{"no gloss", "\n\n醞釀 酝酿 [yun4 niang4] // /\n", "line 3: no gloss between the slashes"},
		{"slash in word", "a/b 酝酿 [yun4] /x/\n", `line 1: word "a/b" "酝酿" holds [, ], / or a byte order mark`},
		{"bad utf-8", "醞釀 \xff [yun4] /x/\n", "line 1: not valid UTF-8"},
		{"too long", "x y [a] /" + strings.Repeat("b", maxLine) + "/\n", "line 1: longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.u8", strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseTolerates(t *testing.T) {
	in := "\uFEFF# header\r\n\r\n醞釀  酝酿 [yun4  niang4]  /to brew/ to mull over /\r\n"
	d, err := Parse("t.u8", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entries) != 1 {
		t.Fatalf("%d entries", len(d.Entries))
	}
	e := d.Entries[0]
	if e.String() != "醞釀 酝酿 [yun4 niang4] /to brew/to mull over/" || e.Line != 3 {
		t.Errorf("entry %q at line %d", e.String(), e.Line)
	}
}

func TestLoadFileMissing(t *testing.T) {
	_, err := LoadFile("testdata/none.u8")
	if err == nil || !strings.Contains(err.Error(), "testdata/none.u8") {
		t.Errorf("error %v, want one naming the file", err)
	}
}
