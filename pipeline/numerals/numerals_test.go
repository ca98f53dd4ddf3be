package numerals

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// render writes the numbers of text one after another: the text of each,
// its kind and value, and what else it has.
func render(text string, ns []Number) string {
	var parts []string
	for _, n := range ns {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s", text[n.Start:n.End], n.Kind)
		if n.Value != "" {
			fmt.Fprintf(&b, " %s", n.Value)
		}
		if n.High != "" {
			fmt.Fprintf(&b, "..%s", n.High)
		}
		if n.Kind == Date {
			fmt.Fprintf(&b, " %d-%d-%d", n.Year, n.Month, n.Day)
		}
		if n.Kind == Time {
			fmt.Fprintf(&b, " %d:%02d", n.Hour, n.Minute)
		}
		if n.Unit != "" {
			fmt.Fprintf(&b, " [%s]", n.Unit)
		}
		if n.Weak {
			b.WriteString(" weak")
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, " | ")
}

func TestExtract(t *testing.T) {
	zh, en, de, fr := language.Chinese, language.English, language.German, language.French
	tests := []struct {
		text string
		lang language.Tag
		want string
	}{
		// Chinese numerals and their composition.
		{"两百", zh, "两百 cardinal 200"},
		{"三千五百", zh, "三千五百 cardinal 3500"},
		{"一万二千", zh, "一万二千 cardinal 12000"},
		{"一万二", zh, "一万二 cardinal 12000"},
		{"三百五", zh, "三百五 cardinal 350"},
		{"一百零五", zh, "一百零五 cardinal 105"},
		{"十五", zh, "十五 cardinal 15"},
		{"三十", zh, "三十 cardinal 30"},
		{"一亿二千万", zh, "一亿二千万 cardinal 120000000"},
		{"壹佰元", zh, "壹佰 cardinal 100"},
		{"兩百元", zh, "兩百 cardinal 200"},
		{"二〇二五年", zh, "二〇二五年 year 2025"},
		{"三点五米", zh, "三点五 cardinal 3.5 [metre]"},
		{"三分之一", zh, "三分之一 fraction 1/3"},
		{"四分之三", zh, "四分之三 fraction 0.75"},
		{"1.5万", zh, "1.5万 cardinal 15000"},
		{"3亿", zh, "3亿 cardinal 300000000"},
		{"2.3万亿", zh, "2.3万亿 cardinal 2300000000000"},
		{"11万7015辆", zh, "11万7015 cardinal 117015"},
		{"7万8千人", zh, "7万8千 cardinal 78000"},
		{"百分之五十", zh, "百分之五十 percent 50"},
		{"百分之三点五", zh, "百分之三点五 percent 3.5"},
		{"千分之五", zh, "千分之五 percent 0.5"},
		{"50％", zh, "50％ percent 50"},
		{"第一", zh, "第一 ordinal 1"},
		{"第3名", zh, "第3 ordinal 3"},
		{"第二天", zh, "第二 ordinal 2 weak"},
		{"五成", zh, "五成 percent 50"},
		// Dates and times.
		{"2025年12月", zh, "2025年12月 date 2025-12-0"},
		{"12月1日", zh, "12月1日 date 0-12-1"},
		{"2025年12月1日", zh, "2025年12月1日 date 2025-12-1"},
		{"1990年代", zh, "1990年代 approximate 1990..1999 weak"},
		{"三点半", zh, "三点半 time 3:30"},
		{"七点四十五分", zh, "七点四十五分 time 7:45"},
		{"7点45分", zh, "7点45分 time 7:45"},
		{"下午一点", zh, "一点 time 1:00"},
		{"上午10时", zh, "10时 time 10:00"},
		{"我在2：30起床", zh, "2：30 time 2:30"},
		// Ranges and approximations.
		{"5至10", zh, "5至10 range 5..10"},
		{"五到十个", zh, "五到十 range 5..10"},
		{"600至850亿", zh, "600至850亿 range 60000000000..85000000000"},
		{"十几个", zh, "十几 approximate 11..19 weak"},
		{"两三天", zh, "两三 approximate 2..3 [day] weak"},
		{"三十多岁", zh, "三十多 approximate 30..39 weak"},
		{"100余人", zh, "100余 approximate 100..199 weak"},
		{"数十人", zh, "十 approximate 20..90 weak"},
		{"3000多万", zh, "3000多万 approximate 30000000..40000000 weak"},
		// Measure words make a lone numeral a count; without one it is weak.
		{"三本书", zh, "三 cardinal 3"},
		{"五和三", zh, "五 cardinal 5 weak | 三 cardinal 3 weak"},
		{"他英文得到了九十分", zh, "九十 cardinal 90"},
		{"等十分钟", zh, "十 cardinal 10 [minute]"},
		{"一个半小时", zh, "一个半 cardinal 1.5 [hour]"},
		{"三年半", zh, "三年半 cardinal 3.5"},
		{"两个半球", zh, "两 cardinal 2"},
		{"半年", zh, "半 fraction 0.5 [year] weak"},
		{"80斤", zh, "80 cardinal 80 [jin]"},
		{"五千米", zh, "五 cardinal 5 [kilometre]"},
		{"1100千伏", zh, "1100 cardinal 1100"},
		{"我们俩", zh, "俩 cardinal 2 weak"},
		{"双方", zh, "双 cardinal 2 weak"},
		{"“十一”", zh, "十一 cardinal 11 weak"},
		// Words with numerals that are not numbers.
		{"一起去", zh, ""},
		{"一些人", zh, ""},
		{"统一", zh, ""},
		{"一样", zh, ""},
		{"万一", zh, ""},
		{"一直", zh, ""},
		{"千万别去", zh, ""},
		{"三明治", zh, ""},
		{"乱七八糟", zh, ""},
		{"星期一", zh, ""},
		{"一点点", zh, ""},
		{"队伍", zh, ""},
		{"收拾", zh, ""},
		{"零钱", zh, ""},
		{"我十分高兴", zh, "十 cardinal 10 weak"},
		{"每周一次", zh, "一 cardinal 1"},
		// Digits and separators by language.
		{"1,000", en, "1,000 cardinal 1000"},
		{"1 000", en, "1 000 cardinal 1000"},
		{"1\u00a0000,5", fr, "1\u00a0000,5 cardinal 1000.5"},
		{"1.000", en, "1.000 cardinal 1"},
		{"1.000", de, "1.000 cardinal 1000"},
		{"1,5", de, "1,5 cardinal 1.5"},
		{"1,5", en, "1 cardinal 1 | 5 cardinal 5"},
		{"１０００", en, "１０００ cardinal 1000"},
		{"-3 degrees", en, "-3 cardinal -3"},
		{"$10.00", en, "10.00 cardinal 10"},
		{"USD3.40 million", en, "3.40 million cardinal 3400000"},
		{"1.5 billion", en, "1.5 billion cardinal 1500000000"},
		{"300 million", en, "300 million cardinal 300000000"},
		{"15 thousand", en, "15 thousand cardinal 15000"},
		{"100 Billion", en, "100 Billion cardinal 100000000000"},
		{"50 percent", en, "50 percent percent 50"},
		{"50 per cent", en, "50 per cent percent 50"},
		{"2/3 of", en, "2/3 fraction 2/3"},
		{"5-10", en, "5-10 range 5..10"},
		{"5–10%", en, "5–10% range 5..10"},
		{"5~10", en, "5~10 range 5..10"},
		{"60 to 85 billion", en, "60 to 85 billion range 60000000000..85000000000"},
		{"555-123-4567", en, "555-123-4567 label 555 weak"},
		{"version 1.2.3", en, "1 label 1 weak"},
		{"G7, F-35, MP3, COVID-19", en, "7 label 7 weak | 35 label 35 weak | 3 label 3 weak | 19 label 19 weak"},
		{"3rd", en, "3rd ordinal 3"},
		{"the 1990s", en, "1990s approximate 1990..1999 weak"},
		{"5 km", en, "5 cardinal 5 [kilometre]"},
		{"40 kilograms", en, "40 cardinal 40 [kilogram]"},
		// English dates and times.
		{"December 2025", en, "December 2025 date 2025-12-0"},
		{"Dec. 2025", en, "Dec. 2025 date 2025-12-0"},
		{"12 December 2025", en, "12 December 2025 date 2025-12-12"},
		{"December 1, 2025", en, "December 1, 2025 date 2025-12-1"},
		{"2025-12-01", en, "2025-12-01 date 2025-12-1"},
		{"12/01/2025", en, "12/01/2025 date 2025-0-0"},
		{"in May 2025", en, "May 2025 date 2025-5-0"},
		{"May I come in?", en, "May date 0-5-0 weak"},
		{"the Long March", en, "March date 0-3-0 weak"},
		{"7:45", en, "7:45 time 7:45"},
		{"8:30 a.m.", en, "8:30 a.m. time 8:30"},
		{"9 p.m.", en, "9 p.m. time 9:00"},
		{"seven o'clock", en, "seven o'clock time 7:00"},
		{"quarter to eight", en, "quarter to eight time 7:45"},
		{"half past seven", en, "half past seven time 7:30"},
		{"eleven-thirty", en, "eleven-thirty time 11:30"},
		{"noon", en, "noon time 12:00 weak"},
		// English words.
		{"two hundred and five", en, "two hundred and five cardinal 205"},
		{"twenty-one", en, "twenty-one cardinal 21"},
		{"one hundred thousand", en, "one hundred thousand cardinal 100000"},
		{"A thousand yen", en, "A thousand cardinal 1000"},
		{"twenty-first", en, "twenty-first ordinal 21"},
		{"nineteen ninety-seven", en, "nineteen ninety-seven cardinal 1997"},
		{"three and a half years", en, "three and a half cardinal 3.5 [year]"},
		{"two thirds of", en, "two thirds fraction 2/3"},
		{"a quarter of them", en, "a quarter fraction 0.25"},
		{"a dozen eggs", en, "a dozen cardinal 12 weak"},
		{"two dozen", en, "two dozen cardinal 24"},
		{"seven decades", en, "seven decades cardinal 70 weak"},
		{"several thousand", en, "thousand approximate 2000..9000 weak"},
		{"in his thirties", en, "thirties approximate 30..39 weak"},
		{"no one", en, "one cardinal 1 weak"},
		{"wait a second", en, "second ordinal 2 weak"},
		{"twice", en, "twice cardinal 2 weak"},
		{"three-dimensional", en, "three cardinal 3 weak"},
		{"fifty-fifty", en, "fifty cardinal 50 weak | fifty cardinal 50 weak"},
		{"World War II", en, "II cardinal 2 weak"},
		{"Article V", en, "V cardinal 5 weak"},
		{"half an hour", en, "half fraction 0.5 [hour] weak"},
		// English words are read in English only.
		{"deux cent", fr, ""},
		{"two", de, ""},
	}
	for _, tt := range tests {
		got := render(tt.text, Extract(tt.text, tt.lang))
		if got != tt.want {
			t.Errorf("Extract(%q, %s):\n got %s\nwant %s", tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestParts(t *testing.T) {
	tests := []struct {
		text string
		lang language.Tag
		want string
	}{
		{"2025年12月1日", language.Chinese, "2025 year-part 2025 | 12 month-part 12 | 1 day-part 1"},
		{"December 1, 2025", language.English, "December month-part 12 | 1 day-part 1 | 2025 year-part 2025"},
		{"七点四十五分", language.Chinese, "七 hour-part 7 | 四十五 minute-part 45"},
		{"7:00", language.English, "7 hour-part 7 | 00 minute-part 0 weak"},
		{"5至10", language.Chinese, "5 cardinal 5 | 10 cardinal 10"},
	}
	for _, tt := range tests {
		ns := Extract(tt.text, tt.lang)
		if len(ns) != 1 {
			t.Errorf("Extract(%q): %d numbers, want 1", tt.text, len(ns))
			continue
		}
		if got := render(tt.text, ns[0].Parts); got != tt.want {
			t.Errorf("Extract(%q) parts:\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		v     Value
		lang  language.Tag
		group bool
		want  string
	}{
		{"15000", language.English, true, "15,000"},
		{"15000", language.English, false, "15000"},
		{"15000", language.German, true, "15.000"},
		{"15000.5", language.French, true, "15\u202f000,5"},
		{"1000.25", language.German, true, "1.000,25"},
		{"-1234567", language.English, true, "-1,234,567"},
		{"999", language.English, true, "999"},
		{"1/3", language.English, true, "1/3"},
		{"1000", language.Make("de-CH"), true, "1’000"},
	}
	for _, tt := range tests {
		if got := Format(tt.v, tt.lang, tt.group); got != tt.want {
			t.Errorf("Format(%s, %s, %v) = %q, want %q", tt.v, tt.lang, tt.group, got, tt.want)
		}
		// What Format writes reads back as the same value.
		if ns := Extract(Format(tt.v, tt.lang, tt.group), tt.lang); tt.v != "1/3" && (len(ns) != 1 || ns[0].Value != tt.v) {
			t.Errorf("Extract(Format(%s, %s)) = %s", tt.v, tt.lang, render(Format(tt.v, tt.lang, tt.group), ns))
		}
	}
}

func TestEnglishWords(t *testing.T) {
	tests := []struct {
		v       Value
		ordinal bool
		want    string
		ok      bool
	}{
		{"0", false, "zero", true},
		{"5", false, "five", true},
		{"21", false, "twenty-one", true},
		{"200", false, "two hundred", true},
		{"205", false, "two hundred five", true},
		{"15000", false, "fifteen thousand", true},
		{"999999", false, "nine hundred ninety-nine thousand nine hundred ninety-nine", true},
		{"1", true, "first", true},
		{"12", true, "twelfth", true},
		{"20", true, "twentieth", true},
		{"23", true, "twenty-third", true},
		{"1000000", false, "", false},
		{"1.5", false, "", false},
	}
	for _, tt := range tests {
		got, ok := EnglishWords(tt.v, tt.ordinal)
		if got != tt.want || ok != tt.ok {
			t.Errorf("EnglishWords(%s, %v) = %q, %v; want %q, %v", tt.v, tt.ordinal, got, ok, tt.want, tt.ok)
		}
		// Spelled-out numbers read back as the same value.
		if ok {
			ns := Extract(got, language.English)
			if len(ns) != 1 || ns[0].Value != tt.v {
				t.Errorf("Extract(%q) = %s, want %s", got, render(got, ns), tt.v)
			}
		}
	}
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 102: "102nd"} {
		if got := EnglishOrdinalSuffix(n); got != want {
			t.Errorf("EnglishOrdinalSuffix(%d) = %q, want %q", n, got, want)
		}
	}
	if got := EnglishMonth(9, true); got != "Sep" {
		t.Errorf("EnglishMonth(9, true) = %q", got)
	}
	if got, ok := RomanNumeral(14); got != "XIV" || !ok {
		t.Errorf("RomanNumeral(14) = %q, %v", got, ok)
	}
}

func TestValue(t *testing.T) {
	tests := []struct {
		lit  string
		want Value
	}{
		{"1.50", "1.5"}, {"007", "7"}, {"-0.5", "-0.5"}, {"1000.000", "1000"}, {"2/6", "1/3"}, {"3/4", "0.75"},
	}
	for _, tt := range tests {
		if got, ok := decimalValue(tt.lit); !ok || got != tt.want {
			t.Errorf("decimalValue(%q) = %q, %v; want %q", tt.lit, got, ok, tt.want)
		}
	}
	if Value("15000").Float64() != 15000 || !Value("3").IsInt() || Value("0.5").IsInt() || Value("-3").Abs() != "3" {
		t.Error("Value methods")
	}
	if Value("9").Cmp("10") >= 0 || Value("1/3").Cmp("0.3") <= 0 {
		t.Error("Value.Cmp compares as numbers")
	}
}

func TestUnitSize(t *testing.T) {
	d, kg, ok := UnitSize("jin")
	if !ok || d != "mass" || kg != 0.5 {
		t.Errorf("UnitSize(jin) = %s, %v, %v", d, kg, ok)
	}
	if _, _, ok := UnitSize("parsec"); ok {
		t.Error("UnitSize(parsec) is known")
	}
	for _, name := range unitNames {
		if _, _, ok := UnitSize(name); !ok {
			t.Errorf("unit %q has no size", name)
		}
	}
}

// TestMaybeKeyword checks the quick test of word against englishKeywords:
// it must let every keyword through, in any case.
func TestMaybeKeyword(t *testing.T) {
	for k := range englishKeywords {
		for _, w := range []string{k, strings.ToUpper(k), strings.ToUpper(k[:1]) + k[1:]} {
			if !maybeKeyword(w) {
				t.Errorf("maybeKeyword(%q) = false, want true", w)
			}
		}
	}
	for _, w := range []string{"the", "to", "Hello", "tenfold", "TWOFOLD"} {
		want := strings.HasSuffix(strings.ToLower(w), "fold")
		if got := maybeKeyword(w); got != want {
			t.Errorf("maybeKeyword(%q) = %v, want %v", w, got, want)
		}
	}
}

// readsAlikeTags are languages of each reading: English words, none, a
// decimal comma, Swiss groups.
var readsAlikeTags = []language.Tag{
	language.English, language.Chinese, language.Und, language.German, language.French,
	language.Japanese, language.MustParse("de-CH"), language.MustParse("zh-Hant"),
}

func TestReadsAlike(t *testing.T) {
	tests := []struct {
		text string
		a, b language.Tag
		want bool
	}{
		{"两百人花了1.5万元。", language.Chinese, language.Und, true},
		{"两百人花了1.5万元。", language.Chinese, language.Japanese, true},
		{"两百 people", language.Chinese, language.Und, false},
		{"two hundred", language.English, language.Und, true}, // both read English words
		{"two hundred", language.English, language.Chinese, false},
		{"1.000", language.German, language.English, false},
		{"1.000", language.German, language.German, true},
		{"3 Millionen", language.German, language.MustParse("de-AT"), true},
		{"1’000", language.MustParse("de-CH"), language.German, false},
		{"", language.French, language.English, false},
	}
	for _, tt := range tests {
		if got := ReadsAlike(tt.text, tt.a, tt.b); got != tt.want {
			t.Errorf("ReadsAlike(%q, %v, %v) = %v, want %v", tt.text, tt.a, tt.b, got, tt.want)
		}
	}
}

// TestReadsAlikeHolds checks ReadsAlike against Extract on the test
// texts and the Tatoeba sentences (when ../shared is there): where it
// says two languages read a text alike, Extract agrees.
func TestReadsAlikeHolds(t *testing.T) {
	texts := []string{
		"两百", "1.5万", "2025年12月1日", "七点四十五分", "百分之五十", "1.000,5", "1 000,5", "1’000.50",
		"In December 2025, two hundred people spent 15,000 yuan.", "3 Millionen Euro", "第一", "5–10%",
		"两百 people", "5 pour cent", "1er", "七点 o'clock", "十几个", "555-123-4567",
	}
	if !testing.Short() {
		if data, err := os.ReadFile("../../../shared/data/tatoeba_cmn_eng.tsv"); err == nil {
			for i, l := range strings.Split(string(data), "\n") {
				if i%29 == 0 { // a sample keeps the test fast
					texts = append(texts, strings.Split(l, "\t")...)
				}
			}
		}
	}
	alike := 0
	for _, text := range texts {
		for _, a := range readsAlikeTags {
			for _, b := range readsAlikeTags {
				if !ReadsAlike(text, a, b) {
					continue
				}
				alike++
				if x, y := Extract(text, a), Extract(text, b); !reflect.DeepEqual(x, y) {
					t.Errorf("ReadsAlike(%q, %v, %v), but Extract gives %+v and %+v", text, a, b, x, y)
				}
			}
		}
	}
	if alike == 0 {
		t.Fatal("no text read alike")
	}
}
