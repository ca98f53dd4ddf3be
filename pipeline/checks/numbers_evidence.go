package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline/numerals"
)

// a translator may write "this year" for "2019年" or "September 27" for
// "今天".
var (
	relativeYears = []string{"今年", "去年", "明年", "前年", "后年", "後年", "同年", "当年", "當年", "本年",
		"this year", "last year", "next year", "that year", "same year", "previous year", "following year"}
	relativeDays = []string{"今天", "今日", "昨天", "昨日", "明天", "明日", "前天", "后天", "後天", "大后天", "当天",
		"當天", "当日", "當日", "同日", "次日", "本月", "上月", "下月", "上个月", "上個月", "下个月",
		"下個月", "本周", "本週", "上周", "上週", "下周", "下週", "近日", "日前",
		"today", "yesterday", "tomorrow", "this month", "last month", "next month", "that day",
		"same day", "next day", "day before", "this week", "last week", "next week", "recently"}
)

func containsAny(text string, words []string) bool {
	lower := strings.ToLower(text)
	for _, w := range words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// explained reports whether a leftover atom a of one side (text) may
// stand for something of the other side that is not a number for sure,
// or is not a count the other side needs:
//   - a part of a date or time whose other parts match: translators
//     complete and trim dates ("27日" and "September 27, 2019");
//   - a year given on the other side as "this year" or "今年", or left
//     out of a date there ("6月" and "June 2019");
//   - a date given on the other side as "today", "上月" or a weekday;
//   - a two written in words, which languages add and drop freely ("两国"
//     and "bilateral", "the two sides" and "双方");
//   - the count of a list that the other side spells out ("中、英、法等8个
//     语种", "中老缅泰四国");
//   - a number in parentheses (a gloss: a conversion, a date) or after a
//     capitalised word (part of a name: "Expo 2020");
//   - when the other side has a weak number or a numeral word that is
//     left over (an idiom, a word such as "twice" or "八成").
func explained(a *numAtom, side []*numAtom, text, otherText string, other []*numAtom, otherUnread bool) bool {
	if len(a.whole.Parts) > 0 && a.whole.Kind != numerals.Range {
		for _, b := range side {
			if b.whole.Start == a.whole.Start && b.matched {
				return true
			}
		}
	}
	if yearLike(a.n) {
		if containsAny(otherText, relativeYears) {
			return true
		}
		for _, o := range other {
			if o.whole.Kind == numerals.Date && o.whole.Year == 0 && o.whole.Month > 0 {
				return true
			}
		}
	}
	if a.whole.Kind == numerals.Date && (containsAny(otherText, relativeDays) || hasWeekday(otherText)) {
		return true
	}
	// "in two days" for "后天".
	if d, _, ok := numerals.UnitSize(a.n.Unit); ok && d == "time" && (containsAny(otherText, relativeDays) || containsAny(otherText, relativeYears)) {
		return true
	}
	if looseTwo(text, a.n) {
		return true
	}
	if listCount(text, a.n) || listMarker(text, a.whole) || inParentheses(text, a.whole.Start, a.whole.End) || afterCapitalised(text, a.whole.Start) {
		return true
	}
	// "on the 27th" for "当日".
	if v, ok := a.n.Value.Int(); ok && a.n.Kind == numerals.Ordinal && v <= 31 && containsAny(otherText, relativeDays) {
		return true
	}
	if otherUnread {
		return true
	}
	for _, o := range other {
		if !o.matched && (o.weak || o.n.Kind == numerals.Approximate) && o.n.Value != "" && o.n.Value.Abs().Cmp("2") >= 0 {
			return true
		}
	}
	return false
}

// looseTwo reports whether n is a two that translations add and drop
// freely: "两国" (English "bilateral", or the two names), "两人" ("they",
// "the couple"), "two" in English ("the two sides", "the two have made
// progress"). A Chinese two before a classifier or a unit of time or
// measure ("两个孩子", "两辆车", "两天") is a plain count.
func looseTwo(text string, n numerals.Number) bool {
	if n.Value.Abs() != "2" {
		return false
	}
	switch n.Form {
	case numerals.Han:
		next := text[n.End:]
		for _, c := range plainClassifiers {
			if strings.HasPrefix(next, c) {
				return false
			}
		}
		return true
	case numerals.Words:
		return true
	}
	return false
}

// plainClassifiers are the classifiers and units after which a Chinese
// two is a count that a translation keeps.
var plainClassifiers = []string{"个", "個", "只", "隻", "辆", "輛", "本", "件", "张", "張", "杯", "瓶",
	"碗", "次", "遍", "天", "年", "岁", "歲", "周", "週", "星期", "小时", "小時", "分钟", "分鐘", "秒",
	"元", "块", "塊", "米", "公里", "斤", "公斤", "条", "條", "座", "所", "台", "架", "艘", "封", "篇",
	"首", "枚", "把", "支", "双", "雙", "份", "倍"}

var weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// hasWeekday reports whether text names a day of the week.
func hasWeekday(text string) bool {
	if containsAny(text, weekdays) {
		return true
	}
	for _, p := range []string{"星期", "礼拜", "禮拜", "周", "週"} {
		for k := 0; ; {
			j := strings.Index(text[k:], p)
			if j < 0 {
				break
			}
			k += j + len(p)
			if r, _ := utf8.DecodeRuneInString(text[k:]); strings.ContainsRune("一二三四五六日天", r) {
				return true
			}
		}
	}
	return false
}

// listCount reports whether n counts a list written just before it: the
// clause holds an enumeration comma "、" or ends with "等" ("中、英、法等8个
// 语种"), or two or more Chinese names run into it ("中老缅泰四国").
func listCount(text string, n numerals.Number) bool {
	clause := text[:n.Start]
	if k := strings.LastIndexAny(clause, "，。；：！？,.;:!?"); k >= 0 {
		_, size := utf8.DecodeRuneInString(clause[k:])
		clause = clause[k+size:]
	}
	if strings.Contains(clause, "、") || afterEtc(text, n.Start) || containsAny(clause[max(0, len(clause)-len("以上")):], []string{"这", "這", "那", "以上", "上述"}) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[n.End:])
	if strings.ContainsRune("国國方省队隊", next) {
		han := 0
		for _, r := range []rune(clause) {
			if unicode.Is(unicode.Han, r) && !numerals.IsHanNumeral(r) {
				han++
			} else {
				han = 0
			}
		}
		return han >= 2
	}
	return false
}

// afterEtc reports whether "等" ("and others") comes right before i: "张欢
// 等4位医生" counts Zhang Huan and three others.
func afterEtc(text string, i int) bool { return strings.HasSuffix(text[:i], "等") }

// listMarker reports whether n numbers an item of a list: "1)", "(2)",
// "3." at the start of the text or after a colon or semicolon.
func listMarker(text string, n numerals.Number) bool {
	if n.Kind != numerals.Cardinal || n.Form != numerals.Digits {
		return false
	}
	v, ok := n.Value.Int()
	if !ok || v > 20 {
		return false
	}
	after := text[n.End:]
	before := strings.TrimRight(text[:n.Start], " (")
	start := before == "" || strings.HasSuffix(before, ":") || strings.HasSuffix(before, ";") || strings.HasSuffix(before, "\n")
	return start && (strings.HasPrefix(after, ")") || strings.HasPrefix(after, ". "))
}

// inParentheses reports whether [start, end) of text lies inside
// parentheses.
func inParentheses(text string, start, end int) bool {
	open := strings.LastIndexAny(text[:start], "(（")
	if open < 0 || strings.LastIndexAny(text[:start], ")）") > open {
		return false
	}
	return strings.IndexAny(text[end:], ")）") >= 0
}

// afterCapitalised reports whether the word before i is capitalised and
// does not start the sentence: the number is then part of a name ("Expo
// 2020", "Windows 10").
func afterCapitalised(text string, i int) bool {
	if i < 2 || text[i-1] != ' ' {
		return false
	}
	st := i - 1
	for st > 0 && (text[st-1] >= 'a' && text[st-1] <= 'z' || text[st-1] >= 'A' && text[st-1] <= 'Z') {
		st--
	}
	if st == i-1 || text[st] < 'A' || text[st] > 'Z' {
		return false
	}
	before := strings.TrimRight(text[:st], " \"“‘'(")
	if before == "" || strings.ContainsAny(before[len(before)-1:], ".!?:") {
		return false // the start of a sentence
	}
	w := text[st : i-1]
	if _, month := monthNames[strings.ToLower(w)]; month {
		return false
	}
	return w != "No" && w != "Article" && w != "Chapter" && w != "Section" && w != "Part" && w != "Title"
}

var monthNames = map[string]bool{"january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

// yearLike reports whether n is or may be a year.
func yearLike(n numerals.Number) bool {
	if n.Kind == numerals.Year || n.Kind == numerals.YearPart {
		return true
	}
	v, ok := n.Value.Int()
	return ok && n.Kind == numerals.Cardinal && v >= 1900 && v <= 2100
}

// unreadNumerals reports whether text has Chinese numerals (other than
// 一 and 零, which make many words, and 几 "a few") outside the numbers
// read from it: an idiom or a name that may have been translated with a
// number.
func unreadNumerals(text string, ns []numerals.Number) bool {
	k := 0
	for i, r := range text {
		for k < len(ns) && ns[k].End <= i {
			k++
		}
		if k < len(ns) && ns[k].Start <= i {
			continue
		}
		if numerals.IsHanNumeral(r) && !strings.ContainsRune("一壹零〇几幾", r) {
			return true
		}
	}
	return false
}
