package numerals

// Kind says what a Number counts or names.
type Kind uint8

const (
	// Cardinal is a count or a quantity: "200", "两百", "1.5万", "two hundred".
	Cardinal Kind = iota
	// Ordinal is a rank: "1st", "第一", "third".
	Ordinal
	// Percent is a percentage, Value in percent: "50%", "百分之五十",
	// "50 per cent"; a per mille "5‰" or "千分之五" is the Percent 0.5.
	Percent
	// Fraction is a fraction: "三分之一", "two thirds"; Value is exact ("1/3").
	Fraction
	// Range joins two numbers: "5-10", "5至10"; Value is the low end, High
	// the high end, Parts the two numbers.
	Range
	// Approximate is a number given as a range of likely values: "十几"
	// (Value 11, High 19), "两三" (2 to 3), "三十多" (30 to 40), "the 1990s".
	// It is always Weak.
	Approximate
	// Year is a year alone: "2025年", "二〇二五年". A bare "2025" is a Cardinal.
	Year
	// Date is a calendar date or part of one: "2025年12月" (Year 2025, Month
	// 12), "December 2025", "12月1日", "2025-12-01". Parts hold its fields.
	Date
	// Time is a time of day: "7:45", "七点四十五分", "3点半", "7 p.m.",
	// "quarter to eight". Parts hold the hour and the minutes.
	Time
	// Label is a number that is part of a name or code: "G7", "F-35",
	// "MP3", "COVID-19", "4G". It is always Weak.
	Label

	// The kinds of the Parts of dates and times.

	// YearPart is the year of a Date.
	YearPart
	// MonthPart is the month of a Date, 1 to 12.
	MonthPart
	// DayPart is the day of the month of a Date.
	DayPart
	// HourPart is the hour of a Time, as written (7 for "7 p.m.").
	HourPart
	// MinutePart is the minutes of a Time.
	MinutePart
)

var kindNames = [...]string{
	"cardinal", "ordinal", "percent", "fraction", "range", "approximate",
	"year", "date", "time", "label",
	"year-part", "month-part", "day-part", "hour-part", "minute-part",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Form says how a number is written.
type Form uint8

const (
	// Digits are ASCII digits, with or without separators: "1,000", "3.5".
	Digits Form = iota
	// FullWidth digits: "１０００".
	FullWidth
	// Words are spelled-out English words: "two hundred", "third".
	Words
	// Han are Chinese numerals: "两百", "三千五百", "壹佰".
	Han
	// Mixed joins digits and a scale word or character: "1.5万", "300 million".
	Mixed
	// Roman numerals: "II", "XIV".
	Roman
	// Named: a month name ("December"), or a word that implies a count
	// ("twice", "both", "noon").
	Named
)

var formNames = [...]string{"digits", "full-width", "words", "han", "mixed", "roman", "named"}

func (f Form) String() string {
	if int(f) < len(formNames) {
		return formNames[f]
	}
	return "unknown"
}

// Number is one number found in a text.
type Number struct {
	// Start and End are the byte span of the number in the text,
	// including what makes it one number: a percent sign, a scale word
	// ("million", "万"), a date's "年" and "月", a range's dash.
	Start, End int

	Kind Kind
	Form Form

	// Value is the number, exact: a count, a rank, a percentage, a year,
	// a range's low end. It is "" for dates and times, whose fields say
	// what they are.
	Value Value
	// High is the high end of a Range or an Approximate number.
	High Value

	// Year, Month and Day are a Date's or a Year's fields, 0 when absent.
	Year, Month, Day int
	// Hour and Minute are a Time's fields (Hour as written: 7 for "7
	// p.m.", 19 for "19:00"); Minute is 0 when absent.
	Hour, Minute int

	// Unit is the unit of measurement written after a count, by its
	// English name ("kilometre", "jin", "square metre"; see UnitSize), or
	// "" when none is known.
	Unit string

	// Parts are the numbers a Date, a Time or a Range is made of, in text
	// order, each with its own span and kind (YearPart, MonthPart, DayPart,
	// HourPart, MinutePart; a Range's ends are Cardinals, Percents, ...).
	Parts []Number

	// Weak marks a number that is often not meant as one: a lone "one"
	// or "first", a Chinese numeral with no measure word after it ("五和三"),
	// a word that implies a count ("twice", "both", "a pair"), an
	// approximation, a label. A weak number may stand for a number on the
	// other side of a translation, but its absence says little.
	Weak bool
}
