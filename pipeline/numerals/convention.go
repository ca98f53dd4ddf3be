package numerals

import (
	"strings"

	"golang.org/x/text/language"
)

// convention is how a language writes the digits of a number: its decimal
// point and the marks it groups thousands with.
type convention struct {
	point  rune
	groups string // group separators
}

// Group separators: no-break space, narrow no-break space, thin space.
const thinSpaces = "\u00a0\u202f\u2009"

// commaPoint lists the languages that write a decimal comma ("3,5"), per
// the CLDR number symbols; spaceGroups those of them that group thousands
// with a space ("1 000") rather than a dot ("1.000").
var (
	commaPoint = map[string]bool{
		"af": true, "az": true, "be": true, "bg": true, "bs": true, "ca": true, "cs": true,
		"da": true, "de": true, "el": true, "es": true, "et": true, "eu": true, "fi": true,
		"fr": true, "gl": true, "hr": true, "hu": true, "hy": true, "id": true, "is": true,
		"it": true, "ka": true, "kk": true, "lt": true, "lv": true, "mk": true, "nb": true,
		"nl": true, "nn": true, "no": true, "pl": true, "pt": true, "ro": true, "ru": true,
		"sk": true, "sl": true, "sq": true, "sr": true, "sv": true, "tr": true, "uk": true,
		"uz": true, "vi": true,
	}
	spaceGroups = map[string]bool{
		"af": true, "be": true, "bg": true, "cs": true, "et": true, "fi": true, "fr": true, "hu": true,
		"hy": true, "ka": true, "kk": true, "lt": true, "lv": true, "nb": true, "nn": true,
		"no": true, "pl": true, "ru": true, "sk": true, "sq": true, "sv": true, "uk": true,
		"uz": true, "pt": true,
	}
)

// conventionFor returns how lang writes numbers. Languages not listed
// write a decimal point and group with commas, as English and Chinese do.
func conventionFor(lang language.Tag) convention {
	base, _ := lang.Base()
	region, _ := lang.Region()
	b := base.String()
	switch {
	case region.String() == "CH" && (b == "de" || b == "it" || b == "fr"):
		// Switzerland: "1’000.50".
		return convention{point: '.', groups: "’'" + thinSpaces}
	case commaPoint[b] && spaceGroups[b]:
		g := " " + thinSpaces
		if b == "fr" || b == "pt" {
			g += "."
		}
		return convention{point: ',', groups: g}
	case commaPoint[b]:
		return convention{point: ',', groups: "." + thinSpaces}
	}
	return convention{point: '.', groups: "," + thinSpaces}
}

// isGroup reports whether r groups thousands. A plain space does in every
// language ("100 000"): the SI and ISO 80000 write numbers so.
func (c convention) isGroup(r rune) bool { return r == ' ' || strings.ContainsRune(c.groups, r) }

// scaleWord is a word for a power of ten written after digits: "1.5
// million", "3 Milliarden".
type scaleWord struct {
	word string
	exp  int
}

var scaleWords = map[string][]scaleWord{
	"en": {{"hundred", 2}, {"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12}, {"bn", 9}},
	"fr": {{"mille", 3}, {"millions", 6}, {"million", 6}, {"milliards", 9}, {"milliard", 9}, {"billions", 12}, {"billion", 12}},
	"de": {{"Tausend", 3}, {"Millionen", 6}, {"Million", 6}, {"Mio.", 6}, {"Milliarden", 9}, {"Milliarde", 9}, {"Mrd.", 9}, {"Billionen", 12}, {"Billion", 12}},
	"es": {{"mil millones", 9}, {"mil", 3}, {"millones", 6}, {"millón", 6}, {"billones", 12}, {"billón", 12}},
	"it": {{"mila", 3}, {"milioni", 6}, {"milione", 6}, {"miliardi", 9}, {"miliardo", 9}},
	"pt": {{"mil", 3}, {"milhões", 6}, {"milhão", 6}, {"bilhões", 9}, {"bilhão", 9}},
	"nl": {{"duizend", 3}, {"miljoen", 6}, {"miljard", 9}},
}

// percentWords are the words for "percent" written after a number.
var percentWords = map[string][]string{
	"en": {"percent", "per cent", "pct"},
	"fr": {"pour cent", "pourcent"},
	"de": {"Prozent"},
	"es": {"por ciento"},
	"it": {"per cento"},
	"pt": {"por cento"},
	"nl": {"procent"},
}

// ordinalSuffixes are the letters written after digits for an ordinal:
// "1st", "2e".
var ordinalSuffixes = map[string][]string{
	"en": {"st", "nd", "rd", "th"},
	"fr": {"er", "re", "ère", "e", "ème", "eme"},
}

// units are the unit symbols that may follow digits with no space ("5km",
// "10kg", "3pm"); the digits stay a number. Lower case.
var units = map[string]bool{
	"km": true, "m": true, "cm": true, "mm": true, "nm": true, "kg": true, "g": true,
	"mg": true, "t": true, "l": true, "ml": true, "cl": true, "s": true, "ms": true,
	"h": true, "hr": true, "hrs": true, "min": true, "mins": true, "sec": true, "secs": true,
	"kph": true, "mph": true, "kmh": true, "hz": true, "khz": true, "mhz": true, "ghz": true,
	"kb": true, "mb": true, "gb": true, "tb": true, "kw": true, "mw": true, "w": true,
	"v": true, "kv": true, "mah": true, "wh": true, "kwh": true, "x": true, "ft": true,
	"in": true, "yd": true, "mi": true, "lb": true, "lbs": true, "oz": true, "gal": true,
	"pcs": true, "yr": true, "yrs": true, "c": true, "f": true,
}

// unitScales are the suffixes that scale a number ("10k", "$5bn").
var unitScales = map[string]int{"k": 3, "bn": 9, "tn": 12}
