package langid

import (
	_ "embed"
	"strings"

	"golang.org/x/text/language"
)

// englishNames holds the English names of languages (base languages and
// the tags with names of their own, such as "en-GB" British English),
// scripts and regions of CLDR as golang.org/x/text/language/display gives
// them, one "L", "S" or "R", a tag and a name a line, sorted. It is
// generated from that package by TestEnglishNamesTable, which fails when
// the file is stale (`go test ./pipeline/langid -run EnglishNamesTable
// -update` writes it anew): the display package builds its tables at
// every start of the program, which costs more than tqa's few lookups.
//
//go:embed english_names.tsv
var englishNames string

// englishName returns the name of kind ('L', 'S' or 'R') for code in
// englishNames, "" when there is none.
func englishName(kind byte, code string) string {
	key := "\n" + string(kind) + "\t" + code + "\t"
	i := strings.Index(englishNames, key)
	if i < 0 {
		if !strings.HasPrefix(englishNames, key[1:]) {
			return ""
		}
		i = -1 // the first line
	}
	name := englishNames[i+len(key):]
	if end := strings.IndexByte(name, '\n'); end >= 0 {
		name = name[:end]
	}
	return name
}

// EnglishName returns the English name of tag as
// display.English.Tags().Name(tag) of golang.org/x/text/language/display
// gives it, without that package: "Chinese" for "zh", "British English"
// for "en-GB", "Simplified Chinese" for "zh-Hans", "Mexican Spanish" for
// "es-MX", "Serbian (Cyrillic)" for "sr-Cyrl", "Unknown language" for
// "und"; "" for a language that CLDR gives no English name.
func EnglishName(tag language.Tag) string {
	const form = language.All &^ language.SuppressScript
	if c, err := form.Canonicalize(tag); err == nil {
		tag = c
	}
	t := tag
	_, rawScript, rawRegion := t.Raw()
	code, script, region := nameIndex(t.Raw())
	for {
		if name := englishName('L', code); name != "" {
			var s, r string
			if script != (language.Script{}) {
				s = englishName('S', script.String())
			}
			if region != (language.Region{}) {
				r = englishName('R', region.String())
			}
			switch {
			case s != "" && r != "":
				return name + " (" + s + ", " + r + ")"
			case s != "" || r != "":
				return name + " (" + s + r + ")"
			}
			return name
		}
		script, region = rawScript, rawRegion
		if t = t.Parent(); t == language.Und {
			return ""
		}
		code, _, _ = nameIndex(t.Raw())
	}
}

// nameIndex returns the code under which a tag's language has a name:
// the base language with its script or its region when that pair has a
// name of its own ("zh-Hans", "en-GB"), the base language otherwise; and
// the script and region that the name leaves unsaid.
func nameIndex(base language.Base, script language.Script, region language.Region) (string, language.Script, language.Region) {
	lang := base.String()
	if script == (language.Script{}) && region == (language.Region{}) {
		return lang, script, region
	}
	if script.String() == "Zzzz" {
		script = language.Script{}
	}
	if region.String() == "ZZ" {
		region = language.Region{}
	}
	// a tag with both names pairs its language with the one whose code
	// sorts first, as the display package searches its sorted list
	withScript, withRegion := lang+"-"+script.String(), lang+"-"+region.String()
	first, second := withScript, withRegion
	if second < first {
		first, second = second, first
	}
	for _, pair := range [2]string{first, second} {
		if !strings.Contains(englishNames, "\nL\t"+pair+"\t") {
			continue
		}
		if pair == withScript {
			return pair, language.Script{}, region
		}
		return pair, script, language.Region{}
	}
	return lang, script, region
}
