package readings

import (
	"strings"
	"testing"
)

func TestSyllableTable(t *testing.T) {
	if n := len(Syllables()); n < 400 || n > 430 {
		t.Errorf("%d syllables, want about 420", n)
	}
	for _, s := range strings.Fields("a e o ai er zhuang chuang shuang lü lüe nü nüe yi wu yu yue yuan jiong xiong zi ci si ri zhi chi shi biang") {
		if !IsSyllable(s) {
			t.Errorf("%q is not in the table", s)
		}
	}
	for _, s := range strings.Fields("m n ng hm hng v lv ju: jü zhv bv fi ti'a sh st") {
		if IsSyllable(s) {
			t.Errorf("%q is in the table", s)
		}
	}
}

func TestParseWord(t *testing.T) {
	tests := []struct {
		word string
		ok   bool
		syls string // syllables with tones, space-separated
		form Form
	}{
		{"guanxi", true, "guan xi", Toneless},
		{"tianxia", true, "tian xia", Toneless},
		{"zhongguo", true, "zhong guo", Toneless},
		{"Zhongnanhai", true, "zhong nan hai", Toneless},
		{"yùnniàng", true, "yun4 niang4", Marked},
		{"Yùnniàng", true, "yun4 niang4", Marked},
		{"yu\u0300nnia\u0300ng", true, "yun4 niang4", Marked}, // combining grave accents
		{"guānxi", true, "guan1 xi", Marked},
		{"yun4niang4", true, "yun4 niang4", Numbered},
		{"Xi1'an1", true, "xi1 an1", Numbered},
		{"xi'an", true, "xi an", Toneless},
		{"Xī’ān", true, "xi1 an1", Marked},
		{"xian", true, "xian", Toneless},
		{"fangan", true, "fan gan", Toneless}, // fang'an would need the apostrophe
		{"nǚ'ér", true, "nü3 er2", Marked},
		{"lüe", true, "lüe", Toneless},
		{"liù", true, "liu4", Marked},
		{"guǐ", true, "gui3", Marked},
		{"gǒu", true, "gou3", Marked},
		// not pinyin
		{"líu", false, "", Marked},         // the mark goes on u in iu
		{"gúi", false, "", Marked},         // and on i in ui
		{"xiān'", false, "", Marked},       // trailing apostrophe
		{"guan'xi", false, "", Toneless},   // apostrophe before a consonant
		{"xiae", false, "", Toneless},      // e after a syllable needs an apostrophe
		{"yùnniàńg", false, "", Marked},    // two marks in a syllable
		{"marié", false, "", Marked},       // ri'e
		{"café", false, "", Marked},        // fe
		{"strength", false, "", Toneless},  //
		{"lv", false, "", Toneless},        // v for ü is not taken
		{"yun4niang", false, "", Numbered}, // a syllable without its number
		{"yun6", false, "", Numbered},      // no tone 6
		{"4yun", false, "", Numbered},      //
		{"mp3", false, "", Numbered},       //
		{"façade", false, "", Toneless},    //
		{"hm", false, "", Toneless},        // interjections without vowels are left out
		{"", false, "", Toneless},          //
		{"'", false, "", Toneless},         //
	}
	for _, tt := range tests {
		w, ok := ParseWord(tt.word)
		if ok != tt.ok {
			t.Errorf("ParseWord(%q) ok = %v, want %v (%v)", tt.word, ok, tt.ok, w.Syllables)
			continue
		}
		if !ok {
			continue
		}
		var got []string
		for k, s := range w.Syllables {
			if w.Tones[k] != 0 {
				s += string(rune('0' + w.Tones[k]))
			}
			got = append(got, s)
		}
		if strings.Join(got, " ") != tt.syls || w.Form != tt.form {
			t.Errorf("ParseWord(%q) = %q form %d, want %q form %d", tt.word, got, w.Form, tt.syls, tt.form)
		}
	}
}

func TestMarked(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"yun4niang4", "yùnniàng"},
		{"Xi1'an1", "xī'ān"},
		{"guanxi", "guanxi"},
		{"lu:4", "lǜ"},
	} {
		w, ok := ParseWord(tt.in)
		if tt.in == "lu:4" {
			w, ok = Word{Syllables: []string{"lü"}, Tones: []int{4}}, true
		}
		if !ok || w.Marked() != tt.want {
			t.Errorf("%q: Marked() = %q (%v), want %q", tt.in, w.Marked(), ok, tt.want)
		}
	}
}

func TestMarkNumbered(t *testing.T) {
	tests := []struct{ in, want string }{
		{"yun4 niang4", "yùnniàng"},
		{"Bei3 jing1", "Běijīng"},
		{"Xi1 an1", "Xī'ān"},
		{"nu:3 er2", "nǚ'ér"},
		{"lv4", "lǜ"},
		{"ma5", "ma"},
		{"liu4 shui3", "liùshuǐ"},
		{"A A zhi4", "A A zhì"},
		{"san1 , si4", "sān , sì"},
	}
	for _, tt := range tests {
		if got := MarkNumbered(tt.in); got != tt.want {
			t.Errorf("MarkNumbered(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPinyin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"酝酿", "yùnniàng"},
		{"北约", "běiyuē"},
		{"西安", "xī'ān"},
		{"北约，欧盟", "běiyuē，ōuméng"},
		{"日本語です", "rìběnyǔです"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Pinyin(tt.in); got != tt.want {
			t.Errorf("Pinyin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeyAndCharSyllables(t *testing.T) {
	if got := Key("北约，欧盟"); got != "beiyueoumeng" {
		t.Errorf("Key = %q", got)
	}
	if got := strings.Join(CharSyllables('行'), ","); !strings.Contains(got, "hang") || !strings.Contains(got, "xing") {
		t.Errorf("CharSyllables(行) = %q, want hang and xing", got)
	}
	if CharSyllables('a') != nil {
		t.Error("CharSyllables(a) is not nil")
	}
}
