// Package numerals finds the numbers of a text and reads their values, so
// that a translation's numbers can be compared with its source's.
//
// Extract returns each number with its byte span, what it is (Kind: a
// count, a rank, a percentage, a fraction, a range, a date, a time, a
// label such as "G7") and its exact value. Values are canonical decimal
// strings (Value: "15000", "0.5", "1/3"), so that numbers written in
// different ways compare equal as strings:
//
//	"1,000", "1000", "1 000", "一千", "one thousand"   → 1000
//	"1.5万", "15,000", "15 thousand", "一万五千"          → 15000
//	"3亿", "300 million", "三亿"                          → 300000000
//	"百分之五十", "50%", "50 per cent"                    → Percent 50
//	"第一", "1st", "first"                                → Ordinal 1
//	"2025年12月", "December 2025", "Dec. 2025"            → Date: Year 2025, Month 12
//	"七点四十五分", "7:45", "quarter to eight"             → Time: Hour 7, Minute 45
//	"5~10", "5–10", "5至10", "五到十"                      → Range 5 to 10
//
// Digits are read with the conventions of the text's language: "1.000"
// is one thousand in German and one in English, "1,5" one and a half in
// French. Full-width digits ("１０００") read as ASCII ones.
//
// Chinese numerals are read in every language: the ordinary and financial
// digits (一二三, 壹贰叁), units and scales (十百千万亿 and their
// traditional forms), abbreviations ("一万二" is 12000, "三百五" 350),
// digit-by-digit years ("二〇二五年"), decimals ("三点五"), fractions
// ("三分之一"), approximations ("十几" 11 to 19, "两三天" two or three
// days, "三十多" thirty-odd, "数百" some hundreds), and mixes with digits
// ("1.5万", "11万7015"). A Chinese numeral is a number for sure when a
// measure word or unit follows it ("三本书", "五公里"), when it has a unit
// or scale in it ("三十", "两百"), after 第, or in a date or time; a lone
// numeral with nothing of the kind after it ("五和三") is returned as Weak,
// and one inside a common word or idiom ("一起" together, "统一" unify,
// "万一" in case, "三明治" sandwich) is not returned at all. Those words
// are listed in this package with where the list comes from.
//
// English number words are read when the language is English (or
// undetermined): "two hundred and five", "twenty-first", "a dozen",
// "nineteen ninety-seven", "three and a half", "two thirds". Words that
// are often not counts ("one", "first", "second", "twice", "both") are
// Weak; so are Roman numerals ("World War II"), labels ("F-35"),
// approximations and words inside idioms ("a stitch in time saves nine").
//
// A count's unit of measurement, when one follows it ("80斤", "40
// kilograms", "5 km", "半年"), is set in Unit, and UnitSize gives its size,
// so that "80斤" and "40 kg" can be found equal.
//
// Format, EnglishWords, EnglishOrdinalSuffix, EnglishMonth and
// RomanNumeral write values back, for the fixes of a checker.
//
// Extract never panics; the spans it returns are in range, on rune
// boundaries, sorted and do not overlap. AppendExtract appends them to a
// slice, for a caller that keeps the numbers of many texts in one array.
// Both skip, without further work, the characters and the words that
// start no number, which are most of a text.
package numerals
