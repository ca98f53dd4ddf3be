package readings

import (
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/cedict"
)

func sampleDict(t testing.TB) *cedict.Dict {
	d, err := cedict.LoadFile("../../glossary/cedict/testdata/sample.u8")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var natoMatchers sync.Map // language.Tag -> *glossary.Matcher

func natoMatcher(lang language.Tag) *glossary.Matcher {
	if m, ok := natoMatchers.Load(lang); ok {
		return m.(*glossary.Matcher)
	}
	m, _ := natoMatchers.LoadOrStore(lang, glossary.NewMatcher(lang, glossary.NATO()))
	return m.(*glossary.Matcher)
}

func TestRead(t *testing.T) {
	dict := sampleDict(t)
	tests := []struct {
		name   string
		reader Reader
		frag   string
		note   string
		fix    string
	}{
		{"pinyin only", Reader{}, "酝酿", "yùnniàng", ""},
		{"dictionary, two senses", Reader{Dict: dict}, "酝酿", "yùnniàng: to brew; to mull over", ""},
		{"traditional", Reader{Dict: dict}, "醞釀", "yùnniàng: to brew; to mull over", ""},
		{"dictionary, one sense", Reader{Dict: dict}, "能力", "nénglì: ability", "ability"},
		{"name reads capitalised", Reader{Dict: dict}, "中国", "Zhōngguó: China", "China"},
		{"sense with a remark", Reader{Dict: dict}, "西安", "Xī'ān: Xi'an, a city in China", ""},
		{"polyphone", Reader{Dict: dict}, "行", "háng: row; line | xíng: to walk; to go", ""},
		{"words", Reader{Dict: dict}, "北约东扩", "Běiyuē dōngkuò: 北约 NATO; 东扩 eastward expansion", ""},
		{"words and a gap", Reader{Dict: dict}, "北约，欧盟", "Běiyuē，ōuméng: 北约 NATO", ""},
		{"glossary term", Reader{Matcher: natoMatcher}, "北约", "běiyuē, glossary term “NATO”", "NATO"},
		{"glossary before dictionary", Reader{Matcher: natoMatcher, Dict: dict}, "北约", "Běiyuē, glossary term “NATO”", "NATO"},
		{"nothing in either", Reader{Matcher: natoMatcher, Dict: dict}, "没", "méi", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.reader.Read(tt.frag, language.Chinese)
			if got := r.Note(); got != tt.note {
				t.Errorf("Note() = %q, want %q", got, tt.note)
			}
			fix, ok := r.Replacement()
			if fix != tt.fix || ok != (tt.fix != "") {
				t.Errorf("Replacement() = %q, %v; want %q", fix, ok, tt.fix)
			}
		})
	}
}

func TestReadOtherLanguages(t *testing.T) {
	rd := Reader{Matcher: natoMatcher, Dict: sampleDict(t)}
	tests := []struct{ frag, want string }{
		{"日本語です", ""}, // kanji: no reading without a dictionary
		{"ノート", "nōto"},
		{"북대서양 조약", "bukdaeseoyang joyak"},
	}
	for _, tt := range tests {
		lang, ok := Language(tt.frag)
		if !ok {
			t.Fatalf("Language(%q) not ok", tt.frag)
		}
		if r := rd.Read(tt.frag, lang); r.Note() != tt.want {
			t.Errorf("Read(%q, %v) = %q, want %q (no pinyin, no Chinese dictionary)", tt.frag, lang, r.Note(), tt.want)
		}
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct{ frag, want string }{
		{"酝酿", "zh"}, {"日本語です", "ja"}, {"ノート", "ja"}, {"북대서양", "ko"}, {"Москва", ""},
	}
	for _, tt := range tests {
		lang, ok := Language(tt.frag)
		got := ""
		if ok {
			got = lang.String()
		}
		if got != tt.want {
			t.Errorf("Language(%q) = %q, want %q", tt.frag, got, tt.want)
		}
	}
}

func TestPlainGloss(t *testing.T) {
	for _, g := range []string{"NATO", "ability", "to brew"} {
		if !plainGloss(g) {
			t.Errorf("%q is not plain", g)
		}
	}
	for _, g := range []string{"variant of 能[neng2]", "see 北約|北约[Bei3 yue1]", "CL:個|个[ge4]", "ability (formal)", "surname Li"} {
		if plainGloss(g) || strings.TrimSpace(g) == "" {
			t.Errorf("%q is plain", g)
		}
	}
}
