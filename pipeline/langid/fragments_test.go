package langid_test

import (
	"fmt"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline/langid"
)

// testLanguages keeps lingua's models small in tests.
var testLanguages = []language.Tag{language.English, language.French, language.German, language.Spanish}

func TestLatinWords(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"La défense collective", "La:rare défense:unknown collective:english"},
		{"NATO's KFOR summit in 2024", "NATO's:english KFOR:neutral summit:english in:english"},
		{"Stoltenberg met vis-à-vis", "Stoltenberg:neutral met:english vis-à-vis:unknown"},
		{"US is酝酿 Leaving", "US:neutral is:english Leaving:english"},
	}
	names := map[langid.WordClass]string{langid.EnglishWord: "english", langid.RareWord: "rare", langid.NeutralWord: "neutral", langid.UnknownWord: "unknown"}
	for _, tt := range tests {
		got := ""
		for i, w := range langid.LatinWords(tt.text) {
			if i > 0 {
				got += " "
			}
			got += tt.text[w.Start:w.End] + ":" + names[w.Class]
		}
		if got != tt.want {
			t.Errorf("LatinWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestEnglishFragments(t *testing.T) {
	d := langid.DetectorFor(testLanguages)
	tests := []struct {
		text string
		want string // fragments as text:lang, space-separated
	}{
		{"The minister said que la situación es muy grave and left the room.", "que la situación es muy:es"},
		{"Germany faces a new era, eine neue Zeitenwende, says the chancellor.", "eine neue Zeitenwende:de"},
		{"Collective defence remains the Alliance's core task.", ""},
		{"President Pedro Sánchez met Recep Tayyip Erdoğan in Brussels.", ""},
		{"The guanxi between them was strong.", ""},
		// Function words seed and widen a fragment: "Por" and "los" are
		// Spanish, "no", "es" and "me" common English words as well.
		{"The Taiwan Business Por los alrededores de los antiguos Innovation Operation Model Forum was held in Taipei.", "Por los alrededores de los antiguos:es"},
		{"Second, we must resolve no es lo que me gusta disputes through negotiation.", "no es lo que me gusta:es"},
		{"The report was written und die Regierung hat nichts gesagt about the plan.", "und die Regierung hat nichts gesagt:de"},
		{"The delegates met in Los Angeles and Las Vegas last week.", ""},
		// function words and English words alone: "vie" and "pays" are
		// English words, and the neighbours place "la" and "le"
		{"In the first half of the year, la vie et que it realized operating income.", "la vie et que:fr"},
		{"Friends were all posting the le pays de Canaan bright moon.", "le pays de:fr"},
		// names are no fragments
		{"The talks with Intissar Amer al-Sisi and Da (Li) Rui (Li) went on.", ""},
	}
	for _, tt := range tests {
		got := ""
		for i, f := range d.EnglishFragments(tt.text) {
			if i > 0 {
				got += " "
			}
			got += tt.text[f.Start:f.End] + ":" + f.Lang.String()
		}
		if got != tt.want {
			t.Errorf("EnglishFragments(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestDetectorForShares(t *testing.T) {
	a := langid.DetectorFor([]language.Tag{language.German, language.English, language.BritishEnglish})
	b := langid.DetectorFor([]language.Tag{language.English, language.German})
	if a != b {
		t.Error("DetectorFor gave two detectors for one language set")
	}
	if got := len(a.Languages()); got != 2 {
		t.Errorf("Languages() has %d languages, want 2", got)
	}
	if c := langid.DetectorFor([]language.Tag{language.English}).Confidences("hello world"); c[0].Confidence != 0 {
		t.Errorf("one-language detector gave confidence %v, want 0", c[0].Confidence)
	}
}

func ExampleDetector_EnglishFragments() {
	d := langid.DetectorFor([]language.Tag{language.English, language.French, language.German})
	text := "Germany faces a new era, eine neue Zeitenwende, says the chancellor."
	for _, f := range d.EnglishFragments(text) {
		fmt.Printf("%q in %s\n", text[f.Start:f.End], f.Lang)
	}
	// Output: "eine neue Zeitenwende" in de
}

func ExampleDetectorFor() {
	d := langid.DetectorFor([]language.Tag{language.English, language.French, language.German})
	g := d.Confidences("Deutschland erhöht seine Verteidigungsausgaben in diesem Jahr deutlich.")
	fmt.Printf("%s %.2f\n", g[0].Lang, g[0].Confidence)
	// Output: de 1.00
}

func ExampleLatinWords() {
	text := "La défense collective remains the core task."
	for _, w := range langid.LatinWords(text) {
		if w.Class == langid.UnknownWord {
			fmt.Println(text[w.Start:w.End])
		}
	}
	// Output: défense
}

func TestIsFunctionWord(t *testing.T) {
	tests := []struct {
		lang language.Tag
		word string
		want bool
	}{
		{language.French, "la", true},
		{language.French, "La", true},
		{language.Spanish, "los", true},
		{language.Spanish, "aunque", false}, // a conjunction, but not in the Snowball list
		{language.German, "über", true},
		{language.German, "Zeitenwende", false},
		{language.Italian, "della", true},
		{language.Portuguese, "não", true},
		{language.Dutch, "niet", true},
		{language.English, "the", false}, // no list for English
		{language.Chinese, "de", false},
	}
	for _, tt := range tests {
		if got := langid.IsFunctionWord(tt.lang, tt.word); got != tt.want {
			t.Errorf("IsFunctionWord(%v, %q) = %v, want %v", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestMayHaveFragments(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Collective defence remains the Alliance's core task.", false},
		{"The pushback was strong.", true},    // an unknown word
		{"They met la vie et que it.", true},  // "que": a French function word
		{"The die was cast in a day.", false}, // "die" and "a" are common English words
	}
	for _, tt := range tests {
		if got := langid.MayHaveFragments(tt.text, langid.LatinWords(tt.text)); got != tt.want {
			t.Errorf("MayHaveFragments(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func ExampleMayHaveFragments() {
	for _, text := range []string{"The alliance met in Brussels.", "The alliance met à Bruxelles."} {
		fmt.Println(langid.MayHaveFragments(text, langid.LatinWords(text)))
	}
	// Output:
	// false
	// true
}
