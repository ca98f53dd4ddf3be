package langid

import (
	"strconv"

	"golang.org/x/text/language"
)

// Script is a Unicode script. The named constants are the scripts tqa
// reasons about; every other script of the standard library's
// unicode.Scripts also has a Script value (above Yi, in the order of its
// name), so that two different rare scripts never share a run.
type Script uint8

// Scripts with names. Common and Inherited are the two non-letter scripts.
const (
	Common    Script = iota // digits, punctuation, spaces, symbols; also invalid bytes
	Inherited               // combining marks; they join the run of their base
	Latin
	Greek
	Cyrillic
	Armenian
	Hebrew
	Arabic
	Syriac
	Thaana
	Devanagari
	Bengali
	Gurmukhi
	Gujarati
	Oriya
	Tamil
	Telugu
	Kannada
	Malayalam
	Sinhala
	Thai
	Lao
	Tibetan
	Myanmar
	Georgian
	Hangul
	Ethiopic
	Khmer
	Mongolian
	Hiragana
	Katakana
	Bopomofo
	Han
	Yi
	numNamed
)

// namedScripts gives each named constant its name in unicode.Scripts and
// its ISO 15924 code.
var namedScripts = [numNamed]struct{ name, code string }{
	Common:     {"Common", "Zyyy"},
	Inherited:  {"Inherited", "Zinh"},
	Latin:      {"Latin", "Latn"},
	Greek:      {"Greek", "Grek"},
	Cyrillic:   {"Cyrillic", "Cyrl"},
	Armenian:   {"Armenian", "Armn"},
	Hebrew:     {"Hebrew", "Hebr"},
	Arabic:     {"Arabic", "Arab"},
	Syriac:     {"Syriac", "Syrc"},
	Thaana:     {"Thaana", "Thaa"},
	Devanagari: {"Devanagari", "Deva"},
	Bengali:    {"Bengali", "Beng"},
	Gurmukhi:   {"Gurmukhi", "Guru"},
	Gujarati:   {"Gujarati", "Gujr"},
	Oriya:      {"Oriya", "Orya"},
	Tamil:      {"Tamil", "Taml"},
	Telugu:     {"Telugu", "Telu"},
	Kannada:    {"Kannada", "Knda"},
	Malayalam:  {"Malayalam", "Mlym"},
	Sinhala:    {"Sinhala", "Sinh"},
	Thai:       {"Thai", "Thai"},
	Lao:        {"Lao", "Laoo"},
	Tibetan:    {"Tibetan", "Tibt"},
	Myanmar:    {"Myanmar", "Mymr"},
	Georgian:   {"Georgian", "Geor"},
	Hangul:     {"Hangul", "Hang"},
	Ethiopic:   {"Ethiopic", "Ethi"},
	Khmer:      {"Khmer", "Khmr"},
	Mongolian:  {"Mongolian", "Mong"},
	Hiragana:   {"Hiragana", "Hira"},
	Katakana:   {"Katakana", "Kana"},
	Bopomofo:   {"Bopomofo", "Bopo"},
	Han:        {"Han", "Hani"},
	Yi:         {"Yi", "Yiii"},
}

// String returns the script's Unicode name, with spaces for underscores:
// "Latin", "Han", "Old Italic". Values that are no script give
// "Script(n)".
func (s Script) String() string {
	names := tables().names
	if int(s) < len(names) {
		return names[s]
	}
	return "Script(" + strconv.Itoa(int(s)) + ")"
}

// Label returns the name to show a reader: the language a script is
// mostly seen in for the East Asian scripts ("Chinese (Han)", "Japanese
// (Hiragana)", "Korean (Hangul)"), the script's name otherwise.
func (s Script) Label() string {
	switch s {
	case Han:
		return "Chinese (Han)"
	case Bopomofo:
		return "Chinese (Bopomofo)"
	case Hiragana:
		return "Japanese (Hiragana)"
	case Katakana:
		return "Japanese (Katakana)"
	case Hangul:
		return "Korean (Hangul)"
	}
	return s.String()
}

// IsLetter reports whether s is a script of letters, that is neither
// Common nor Inherited.
func (s Script) IsLetter() bool { return s > Inherited }

// Set is a set of scripts. The zero value is empty.
type Set [4]uint64

// SetOf returns the set of the given scripts.
func SetOf(scripts ...Script) Set {
	var s Set
	for _, x := range scripts {
		s[x>>6] |= 1 << (x & 63)
	}
	return s
}

// Has reports whether x is in s.
func (s Set) Has(x Script) bool { return s[x>>6]&(1<<(x&63)) != 0 }

// IsEmpty reports whether s holds no script.
func (s Set) IsEmpty() bool { return s == Set{} }

// byCode maps ISO 15924 codes, as golang.org/x/text/language gives them
// for a language, to the scripts that writing system uses. Jpan and Kore
// are mixed systems; Hans and Hant are forms of Han.
var byCode = map[string]Set{
	"Hans": SetOf(Han),
	"Hant": SetOf(Han),
	"Hanb": SetOf(Han, Bopomofo),
	"Jpan": SetOf(Han, Hiragana, Katakana),
	"Kore": SetOf(Hangul, Han),
}

func init() {
	for s := Latin; s < numNamed; s++ {
		byCode[namedScripts[s].code] = SetOf(s)
	}
}

// ScriptsFor returns the scripts that tag's language is written in: its
// script as golang.org/x/text/language gives it ("en" Latin, "ru"
// Cyrillic, "zh" Han, "ja" Han, Hiragana and Katakana). An undetermined
// tag (language.Und) counts as English, so it gives Latin. A language
// written in a script without a named constant gives the empty set.
func ScriptsFor(tag language.Tag) Set {
	if base, _ := tag.Base(); base.String() == "und" {
		if sc, conf := tag.Script(); conf == language.Exact {
			return byCode[sc.String()]
		}
		return SetOf(Latin)
	}
	sc, _ := tag.Script()
	return byCode[sc.String()]
}
