package langid

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

func TestRuns(t *testing.T) {
	L, H, C, Cy := Latin, Han, Common, Cyrillic
	tests := []struct {
		name string
		text string
		want []Run
	}{
		{"empty", "", nil},
		{"seed title", "US is酝酿 Leaving NATO", []Run{{0, 5, L}, {5, 11, H}, {11, 12, C}, {12, 24, L}}},
		{"punctuation inside Latin", "hello, world", []Run{{0, 12, L}}},
		{"edges are Common", "  hello.  ", []Run{{0, 2, C}, {2, 7, L}, {7, 10, C}}},
		{"CJK punctuation inside Han", "北约，欧盟", []Run{{0, 15, H}}},
		{"trailing CJK stop", "酝酿。", []Run{{0, 6, H}, {6, 9, C}}},
		{"digits only", "1949", []Run{{0, 4, C}}},
		{"digits inside Latin", "Article 5 of 1949 treaty", []Run{{0, 24, L}}},
		{"Cyrillic then Latin", "Москва and Paris", []Run{{0, 12, Cy}, {12, 13, C}, {13, 22, L}}},
		{"glued confusable", "NАTO", []Run{{0, 1, L}, {1, 3, Cy}, {3, 5, L}}},
		{"Greek symbol glued", "5 μm", []Run{{0, 2, C}, {2, 4, Greek}, {4, 5, L}}},
		{"decomposed accent stays Latin", "caf" + "e\u0301" + " au lait", []Run{{0, 14, L}}},
		{"mark with no base", "\u0301abc", []Run{{0, 2, C}, {2, 5, L}}},
		{"mark on Han", "酝\u0301酿", []Run{{0, 8, H}}},
		{"invalid byte inside Latin", "ab\xffcd", []Run{{0, 5, L}}},
		{"invalid bytes only", "\xff\xfe", []Run{{0, 2, C}}},
		{"invalid byte after Han", "酝\xff", []Run{{0, 3, H}, {3, 4, C}}},
		{"truncated UTF-8", "ab\xe9\x85", []Run{{0, 2, L}, {2, 4, C}}},
		{"prolonged sound mark", "コーヒー", []Run{{0, 12, Katakana}}},
		{"prolonged sound mark before Latin", "コーヒー is", []Run{{0, 12, Katakana}, {12, 13, C}, {13, 15, L}}},
		{"Japanese mixes scripts", "日本語です", []Run{{0, 9, H}, {9, 15, Hiragana}}},
		{"Korean", "북대서양 조약", []Run{{0, 19, Hangul}}},
		{"supplementary Han", "𠀀字", []Run{{0, 7, H}}},
		{"emoji is Common", "😀 ok", []Run{{0, 5, C}, {5, 7, L}}},
		{"Arabic", "حلف الناتو", []Run{{0, 19, Arabic}}},
		{"Latin around Han with spaces", "the 北约 summit", []Run{{0, 3, L}, {3, 4, C}, {4, 10, H}, {10, 11, C}, {11, 17, L}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Runs(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Runs(%q)\n got  %s\n want %s", tt.text, show(tt.text, got), show(tt.text, tt.want))
			}
			checkRuns(t, tt.text, got)
		})
	}
}

func show(text string, runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		if r.Start >= 0 && r.End <= len(text) && r.Start <= r.End {
			fmt.Fprintf(&b, "%v%v=%q ", r.Script, pipelineSpan(r), text[r.Start:r.End])
		}
	}
	return b.String()
}

func pipelineSpan(r Run) string { return fmt.Sprintf("[%d,%d)", r.Start, r.End) }

func TestScanStops(t *testing.T) {
	text := "US is酝酿 Leaving NATO"
	for stop := 1; stop <= 4; stop++ {
		n := 0
		Scan(text, func(Run) bool {
			n++
			return n < stop
		})
		if n != stop {
			t.Errorf("yield returning false after %d runs: called %d times", stop, n)
		}
	}
}

func TestAllMatchesRuns(t *testing.T) {
	text := "The 北约 summit in Москва, 2025 — コーヒー"
	var got []Run
	for r := range All(text) {
		got = append(got, r)
	}
	if want := Runs(text); !slices.Equal(got, want) {
		t.Errorf("All = %v, Runs = %v", got, want)
	}
}

func TestScanAllocates(t *testing.T) {
	text := "When US President Donald Trump again raises the possibility 酝酿 of withdrawing"
	n := 0
	allocs := testing.AllocsPerRun(20, func() {
		Scan(text, func(Run) bool { n++; return true })
	})
	if allocs != 0 {
		t.Errorf("Scan allocates %v times per call, want 0", allocs)
	}
}

func TestOfMatchesUnicodeTables(t *testing.T) {
	for name, rt := range unicode.Scripts {
		want := strings.ReplaceAll(name, "_", " ")
		check := func(c rune) {
			got := Of(c)
			if c == 0x30FC || c == 0xFF70 {
				if got != Inherited {
					t.Errorf("Of(%U) = %v, want Inherited (prolonged sound mark)", c, got)
				}
				return
			}
			if got.String() != want {
				t.Errorf("Of(%U) = %v, want %s", c, got, want)
			}
		}
		for _, r := range rt.R16 {
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				check(c)
			}
		}
		for _, r := range rt.R32 {
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				check(c)
			}
		}
	}
	for _, r := range []rune{-1, utf8.RuneError, 0x10FFFF + 1, 0xE000 /* private use */, 0x10FFFF} {
		if got := Of(r); got != Common {
			t.Errorf("Of(%U) = %v, want Common", r, got)
		}
	}
}

func TestScriptNames(t *testing.T) {
	tests := []struct {
		s            Script
		name, label  string
		letterScript bool
	}{
		{Common, "Common", "Common", false},
		{Inherited, "Inherited", "Inherited", false},
		{Latin, "Latin", "Latin", true},
		{Han, "Han", "Chinese (Han)", true},
		{Hiragana, "Hiragana", "Japanese (Hiragana)", true},
		{Katakana, "Katakana", "Japanese (Katakana)", true},
		{Hangul, "Hangul", "Korean (Hangul)", true},
		{Cyrillic, "Cyrillic", "Cyrillic", true},
		{Of('ᚠ'), "Runic", "Runic", true},
		{Of(0x10300), "Old Italic", "Old Italic", true},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.name {
			t.Errorf("String() = %q, want %q", got, tt.name)
		}
		if got := tt.s.Label(); got != tt.label {
			t.Errorf("%v.Label() = %q, want %q", tt.s, got, tt.label)
		}
		if got := tt.s.IsLetter(); got != tt.letterScript {
			t.Errorf("%v.IsLetter() = %v", tt.s, got)
		}
	}
	if got := Script(255).String(); got != "Script(255)" {
		t.Errorf("Script(255).String() = %q", got)
	}
	if Of('ᚠ') == Of('ᚁ') {
		t.Error("Runic and Ogham share a Script value")
	}
}

func TestScriptsFor(t *testing.T) {
	tests := []struct {
		tag  string
		want Set
	}{
		{"en", SetOf(Latin)},
		{"und", SetOf(Latin)},
		{"fr-CA", SetOf(Latin)},
		{"sr-Latn", SetOf(Latin)},
		{"sr", SetOf(Cyrillic)},
		{"ru", SetOf(Cyrillic)},
		{"el", SetOf(Greek)},
		{"zh", SetOf(Han)},
		{"zh-TW", SetOf(Han)},
		{"ja", SetOf(Han, Hiragana, Katakana)},
		{"ko", SetOf(Hangul, Han)},
		{"ar", SetOf(Arabic)},
		{"hi", SetOf(Devanagari)},
		{"und-Cyrl", SetOf(Cyrillic)},
	}
	for _, tt := range tests {
		if got := ScriptsFor(language.MustParse(tt.tag)); got != tt.want {
			t.Errorf("ScriptsFor(%s) = %v, want %v", tt.tag, got, tt.want)
		}
	}
	s := SetOf(Han, Yi, Of(0x10300))
	for _, x := range []Script{Han, Yi, Of(0x10300)} {
		if !s.Has(x) {
			t.Errorf("set lacks %v", x)
		}
	}
	if s.Has(Latin) || s.IsEmpty() || !(Set{}).IsEmpty() {
		t.Error("Set.Has or IsEmpty wrong")
	}
}

func TestDominant(t *testing.T) {
	tests := []struct {
		text string
		want Script
	}{
		{"", Common},
		{"1949, 2025.", Common},
		{"US is酝酿 Leaving NATO", Latin},
		{"北约是一个军事联盟", Han},
		{"北约是NATO", Latin},             // 3 Han letters, 4 Latin
		{"中文abc中", Latin},              // 3 to 3: Latin got there first
		{"e\u0301\u0301\u0301", Latin}, // marks are no letters
		{"Москва, Moscow, Москва", Cyrillic},
	}
	for _, tt := range tests {
		if got := Dominant(tt.text); got != tt.want {
			t.Errorf("Dominant(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// checkRuns asserts the invariants every result of Runs must hold.
func checkRuns(t *testing.T, text string, runs []Run) {
	t.Helper()
	if text == "" {
		if len(runs) != 0 {
			t.Fatalf("runs of empty text: %v", runs)
		}
		return
	}
	// Positions where a rune (or an invalid byte) starts.
	starts := map[int]bool{len(text): true}
	for i := 0; i < len(text); {
		starts[i] = true
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	pos := 0
	for k, r := range runs {
		if r.Start != pos {
			t.Fatalf("run %d %v starts at %d, want %d (runs %v)", k, r, r.Start, pos, runs)
		}
		if r.End <= r.Start || r.End > len(text) {
			t.Fatalf("run %d %v is empty or out of range (len %d)", k, r, len(text))
		}
		if !starts[r.Start] || !starts[r.End] {
			t.Fatalf("run %d %v does not fall on rune boundaries", k, r)
		}
		if r.Script == Inherited {
			t.Fatalf("run %d %v has script Inherited", k, r)
		}
		if k > 0 && runs[k-1].Script == r.Script {
			t.Fatalf("runs %d and %d have the same script %v", k-1, k, r.Script)
		}
		// Every letter of a run has the run's script; a letter run starts
		// with one of its letters and ends with one, or with a mark on one.
		var first, last Script = Common, Common
		for i := r.Start; i < r.End; {
			c, n := utf8.DecodeRuneInString(text[i:])
			s := Of(c)
			if n == 1 && c == utf8.RuneError {
				s = Common
			}
			if s.IsLetter() {
				if s != r.Script {
					t.Fatalf("run %d %v holds %q of script %v", k, r, c, s)
				}
				if i == r.Start {
					first = s
				}
			}
			if s != Inherited {
				last = s
			}
			i += n
		}
		if r.Script != Common && (first != r.Script || last != r.Script) {
			t.Fatalf("run %d %v of %q does not start and end with a %v letter", k, r, text[r.Start:r.End], r.Script)
		}
		pos = r.End
	}
	if pos != len(text) {
		t.Fatalf("runs end at %d, text has %d bytes", pos, len(text))
	}
}

func FuzzRuns(f *testing.F) {
	for _, s := range []string{
		"", "US is酝酿 Leaving NATO", "北约，欧盟", "NАTO", "5 μm", "\u0301abc", "ab\xffcd",
		"コーヒー is", "日本語です", "😀 ok", "حلف الناتو", "\xe9\x85", "  . ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		runs := Runs(text)
		checkRuns(t, text, runs)
		var again []Run
		for r := range All(text) {
			again = append(again, r)
		}
		if !slices.Equal(runs, again) {
			t.Fatalf("All and Runs differ: %v, %v", again, runs)
		}
		d := Dominant(text)
		if d != Common && !slices.ContainsFunc(runs, func(r Run) bool { return r.Script == d }) {
			t.Fatalf("Dominant = %v, which no run has (%v)", d, runs)
		}
	})
}
