package langid

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/tqa-project/tqa/internal/golden"
)

// buildEnglishNames renders englishNames from golang.org/x/text/language/display:
// every language tag of display.Values with an English name (and every
// tag of a language with a script or region, named or not), script and
// region.
func buildEnglishNames() string {
	var lines []string
	for _, t := range display.Values.Tags() {
		name := display.English.Languages().Name(t)
		if b, s, r := t.Raw(); s != (language.Script{}) || r != (language.Region{}) {
			// the name of the pair itself, not of its base language
			if name == display.English.Languages().Name(language.Make(b.String())) {
				name = ""
			}
		} else if name == "" {
			continue
		}
		lines = append(lines, "L\t"+t.String()+"\t"+name)
	}
	for _, s := range display.Values.Scripts() {
		if name := display.English.Scripts().Name(s); name != "" {
			lines = append(lines, "S\t"+s.String()+"\t"+name)
		}
	}
	for _, r := range display.Values.Regions() {
		if name := display.English.Regions().Name(r); name != "" {
			lines = append(lines, "R\t"+r.String()+"\t"+name)
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n") + "\n"
}

// TestEnglishNamesTable checks the embedded names against the display
// package; with -update it writes them anew.
func TestEnglishNamesTable(t *testing.T) {
	golden.Check(t, "english_names.tsv", []byte(buildEnglishNames()))
}

// nameTestTags returns tags to compare EnglishName with the display
// package on: every two- and three-letter base language, the named tags,
// and combinations with scripts and regions.
func nameTestTags() []language.Tag {
	var tags []language.Tag
	letters := "abcdefghijklmnopqrstuvwxyz"
	for _, a := range letters {
		for _, b := range letters {
			codes := []string{string(a) + string(b)}
			for _, c := range letters {
				codes = append(codes, string(a)+string(b)+string(c))
			}
			for _, code := range codes {
				if base, err := language.ParseBase(code); err == nil {
					tags = append(tags, language.Make(base.String()))
				}
			}
		}
	}
	tags = append(tags, display.Values.Tags()...)
	extras := []string{"und", "en-GB", "en-US", "en-Latn-GB", "zh-Hans-CN", "zh-Hant-HK", "zh-TW", "zh-Latn",
		"sr-Latn-RS", "sr-Cyrl", "sr-Zzzz", "es-419", "es-ZZ", "pt-BR", "pt-AO", "nl-BE", "nds-NL",
		"de-CH-1901", "en-x-private", "und-Hans", "und-DE", "cmn", "zh-cmn-Hans", "iw", "in-ID", "ja-Jpan-JP",
		"ar-001", "az-Arab-IR", "fr-CA", "ro-MD", "sw-CD", "fa-AF", "xx-YY", "en-Qaaa", "tlh", "sgn-BE-FR"}
	for _, e := range extras {
		tags = append(tags, language.Make(e))
	}
	for _, base := range []string{"en", "zh", "sr", "fr", "de", "az", "nds", "und"} {
		for _, s := range display.Values.Scripts() {
			tags = append(tags, language.Make(base+"-"+s.String()))
		}
		for _, r := range display.Values.Regions() {
			tags = append(tags, language.Make(base+"-"+r.String()), language.Make(base+"-Hant-"+r.String()))
		}
	}
	return tags
}

// TestEnglishNameAsDisplay checks that EnglishName names every tag as
// display.English.Tags().Name does, and a base language as
// display.English.Languages().Name does.
func TestEnglishNameAsDisplay(t *testing.T) {
	if testing.Short() && underRace {
		t.Skip("slow under the race detector")
	}
	fails := 0
	for _, tag := range nameTestTags() {
		want := display.English.Tags().Name(tag)
		if b, s, r := tag.Raw(); s == (language.Script{}) && r == (language.Region{}) && tag == language.Make(b.String()) {
			if w := display.English.Languages().Name(tag); w != want {
				t.Errorf("the display package names base %v %q as a language, %q as a tag", tag, w, want)
			}
		}
		if got := EnglishName(tag); got != want {
			t.Errorf("EnglishName(%v) = %q, want %q", tag, got, want)
			if fails++; fails > 20 {
				t.Fatal("too many differences")
			}
		}
	}
}

func ExampleEnglishName() {
	for _, tag := range []string{"zh", "zh-Hans", "en-GB", "es-MX", "sr-Cyrl", "zh-Hant-HK", "und"} {
		fmt.Printf("%s: %q\n", tag, EnglishName(language.Make(tag)))
	}
	// Output:
	// zh: "Chinese"
	// zh-Hans: "Simplified Chinese"
	// en-GB: "British English"
	// es-MX: "Mexican Spanish"
	// sr-Cyrl: "Serbian (Cyrillic)"
	// zh-Hant-HK: "Traditional Chinese (Hong Kong SAR China)"
	// und: "Unknown language"
}
