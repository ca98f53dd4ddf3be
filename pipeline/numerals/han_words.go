package numerals

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// measureWords are the Chinese classifiers (measure words) and units after
// which a Chinese numeral is a count: "三本书", "两百米", "五次".
//
// The classifiers are a subset of those in Wikipedia's "List of Chinese
// classifiers" (https://en.wikipedia.org/wiki/List_of_Chinese_classifiers:
// classifiers proper, measure words, measurement units and verbal
// classifiers), simplified and traditional forms, less the ones that make
// common words with "一" far more often than counts (些 in 一些 "some",
// 下 in 一下 "a little", 起 in 一起 "together", 点 in 一点 "a little",
// 样 in 一样 "the same": see hanNotNumbers). The units are the metric and
// Chinese units of length, weight, area and volume, currencies, and units
// of time.
var measureWords = wordSet(
	// Classifiers proper.
	"个", "個", "把", "本", "部", "册", "冊", "层", "層", "场", "場", "处", "處",
	"出", "次", "道", "顶", "頂", "栋", "棟", "堵", "顿", "頓", "朵", "份", "封",
	"幅", "副", "杆", "桿", "根", "家", "架", "间", "間", "件", "节", "節", "句",
	"棵", "颗", "顆", "口", "块", "塊", "粒", "辆", "輛", "门", "門", "面", "名",
	"匹", "篇", "片", "扇", "首", "所", "台", "臺", "條", "条", "头", "頭", "尾",
	"位", "项", "項", "张", "張", "只", "隻", "支", "枝", "座", "艘", "盏", "盞",
	"株", "幢", "届", "屆", "轮", "輪", "则", "則", "枚", "具", "员", "員", "户",
	"戶", "章", "课", "課", "题", "題", "届", "集", "号", "號", "楼", "樓", "岁",
	"歲",
	// Nouns that take a numeral with no classifier ("三人", "七国").
	"人", "国", "國", "省", "州", "城", "县", "縣", "届", "代",
	// Measure words (massifiers).
	"帮", "幫", "包", "杯", "堆", "对", "對", "队", "隊", "群", "双", "雙", "套",
	"箱", "袋", "瓶", "碗", "盘", "盤", "盒", "桶", "壶", "壺", "串", "束", "滴",
	"种", "種", "类", "類", "排", "捆", "罐", "碟", "勺", "锅", "鍋", "桌", "段",
	"笔", "筆", "级", "級", "批", "倍", "届", "份", "打", "页", "頁", "行", "步",
	"口", "身", "组", "組", "声", "聲", "拨", "撥",
	// Verbal classifiers.
	"回", "遍", "趟", "番", "阵", "陣", "眼", "拳", "刀", "枪", "槍",
	// Units of time.
	"年", "天", "日", "周", "週", "星期", "礼拜", "禮拜", "小时", "小時", "钟头",
	"鐘頭", "分钟", "分鐘", "秒", "秒钟", "秒鐘", "世纪", "世紀", "季度", "刻",
	// Units of length, weight, area, volume, temperature; currencies.
	"米", "公里", "公尺", "厘米", "公分", "毫米", "英里", "英尺", "英寸", "里",
	"尺", "寸", "丈", "亩", "畝", "公顷", "公頃", "平方", "立方", "斤", "公斤",
	"千克", "千米", "千伏", "克", "吨", "噸", "磅", "盎司", "升", "毫升", "加仑", "加侖", "度",
	"元", "圆", "圓", "角", "毛", "分", "美元", "美金", "欧元", "歐元", "日元",
	"日圓", "英镑", "英鎊", "港元", "港币", "港幣", "人民币", "人民幣", "卢布",
	"盧布", "镑", "鎊", "瓦", "千瓦", "伏", "卡", "码", "碼", "帧",
)

// hanTimeOfDay are the words for parts of the day that make "一点" one
// o'clock rather than "a little": "下午一点".
var hanTimeOfDay = []string{
	"上午", "下午", "中午", "晚上", "早上", "凌晨", "夜里", "夜裡", "半夜", "清晨",
	"傍晚", "午夜", "深夜", "早晨", "今晚", "明早", "早", "晚",
}

// hanNotNumbers are common words and idioms in which a Chinese numeral is
// not a count: a numeral inside one of them is not a number ("一起"
// together, "统一" unify, "万一" in case, "三明治" sandwich, "乱七八糟" in a
// mess).
//
// Each was found in the Chinese of the Tatoeba Mandarin–English pairs
// (tatoeba.org, CC BY 2.0 FR) or of the WMT20 news test set (newstest2020
// zh–en), among the sequences holding a numeral whose English
// translations rarely had the number, and kept when it is a word, an
// idiom or a name; each comes with its traditional or simplified form.
// It is not a list of every such word.
var hanNotNumbers = wordSet(
	"一起", "一些", "一直", "一定", "一切", "一般", "一会", "一會", "一边", "一邊", "一旦", "一致", "一共", "一再",
	"一同", "一路", "一体", "一體", "一流", "一律", "一模一样", "一模一樣", "一样", "一樣", "一辈子", "一輩子", "一下",
	"一下子", "一点儿", "一點兒", "一点点", "一點點", "一口气", "一口氣", "一番", "一眼", "一阵", "一陣", "一方面", "一心",
	"一开始", "一開始", "一则", "一則", "一来", "一來", "一如既往", "一目了然", "一帆风顺", "一帆風順", "一路平安", "一路顺风",
	"一路順風", "一见钟情", "一見鍾情", "一家人", "统一", "統一", "唯一", "同一", "不一", "万一", "萬一", "之一", "划一",
	"劃一", "一一", "一道", "一经", "一經", "一阵子", "一陣子", "万分", "萬分", "千万", "千萬", "三明治", "四处", "四處",
	"乱七八糟", "亂七八糟", "独一无二", "獨一無二", "一心一意", "百货", "百貨", "百姓", "万物", "萬物", "万事", "萬事", "二手",
	"十字", "零钱", "零錢", "零食", "零售", "一天到晚", "三思", "四分卫", "四分衛", "冰冻三尺", "冰凍三尺", "一点一点",
	"一點一點", "成千上万", "成千上萬", "百闻不如一见", "百聞不如一見",
	// Names: the National Day holiday, the Pentagon, Roppongi.
	"十一黄金周", "五角大楼", "五角大樓", "六本木",
)

// hanWeakWords are words in which a numeral may be a count or not: "十分"
// is "very" or "ten minutes", "八成" "probably" or "80%", "四周" "all
// around" or "four weeks", "一时" "for a moment" or "one o'clock". A
// numeral in one of them is a weak number. Found as hanNotNumbers were.
var hanWeakWords = wordSet(
	"十分", "八成", "四周", "一时", "一時", "一刻", "一度", "一面", "第二天", "三角", "千里", "一生", "一手", "每两天",
	"每兩天", "第二产业", "百分之百", "这两天", "這兩天", "二级市场", "四轮溜冰", "四輪溜冰",
)

// words is a set of words, indexed by their first two characters, longest
// first.
type words struct {
	// byPrefix holds the words of two characters or more under the key
	// pairKey of their first two characters, and the words of one
	// character under pairKey(r, 0).
	byPrefix map[uint64][]string
	longest  int // in bytes
	// firsts has the bit r%firstBits set for the first character r of
	// each word: a quick test that rejects most characters before the
	// map look-ups. pairs has the bit pairBit(a, b) set for the first two
	// characters of each word of two or more, singles the bit r%firstBits
	// for each word of one character r: they tell which look-up may find
	// a word.
	firsts, pairs, singles *[firstBits / 64]uint64
	// chars has the bit r%firstBits set for every character r of every
	// word: covering stops looking back at a character that no word
	// holds.
	chars *[firstBits / 64]uint64
}

// pairBit is the bit of words.pairs for words that start with a and b.
func pairBit(a, b rune) uint32 { return (uint32(a)*0x9e3779b1 ^ uint32(b)) % firstBits }

func hasBit(bits *[firstBits / 64]uint64, b uint32) bool { return bits[b/64]&(1<<(b%64)) != 0 }

// firstBits is the size of words.firsts.
const firstBits = 1 << 12

// pairKey is the key in words.byPrefix of words that start with a and b.
func pairKey(a, b rune) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// mayStartWord reports whether r may be the first character of a word of
// s.
func (s words) mayStartWord(r rune) bool {
	b := uint32(r) % firstBits
	return s.firsts[b/64]&(1<<(b%64)) != 0
}

// wordSet makes a set of words.
func wordSet(ws ...string) words {
	s := words{byPrefix: map[uint64][]string{},
		firsts: new([firstBits / 64]uint64), pairs: new([firstBits / 64]uint64), singles: new([firstBits / 64]uint64),
		chars: new([firstBits / 64]uint64)}
	for _, w := range ws {
		for _, r := range w {
			b := uint32(r) % firstBits
			s.chars[b/64] |= 1 << (b % 64)
		}
		r, n := utf8.DecodeRuneInString(w)
		var r2 rune
		if n < len(w) {
			r2, _ = utf8.DecodeRuneInString(w[n:])
		}
		k := pairKey(r, r2)
		s.byPrefix[k] = append(s.byPrefix[k], w)
		s.longest = max(s.longest, len(w))
		b := uint32(r) % firstBits
		s.firsts[b/64] |= 1 << (b % 64)
		if n < len(w) {
			p := pairBit(r, r2)
			s.pairs[p/64] |= 1 << (p % 64)
		} else {
			s.singles[b/64] |= 1 << (b % 64)
		}
	}
	for _, list := range s.byPrefix {
		sort.Slice(list, func(a, b int) bool { return len(list[a]) > len(list[b]) })
	}
	return s
}

// prefixAt returns the end of the longest word of s that text[i:] starts
// with.
func (s words) prefixAt(text string, i int) (end int, ok bool) {
	if i >= len(text) {
		return 0, false
	}
	r, n := decodeRune(text, i)
	if !s.mayStartWord(r) {
		return 0, false
	}
	// A word of two characters or more is longer than one of one.
	if i+n < len(text) {
		if r2, _ := decodeRune(text, i+n); hasBit(s.pairs, pairBit(r, r2)) {
			for _, w := range s.byPrefix[pairKey(r, r2)] {
				if strings.HasPrefix(text[i:], w) {
					return i + len(w), true
				}
			}
		}
	}
	if !hasBit(s.singles, uint32(r)%firstBits) {
		return 0, false
	}
	for _, w := range s.byPrefix[pairKey(r, 0)] {
		if strings.HasPrefix(text[i:], w) {
			return i + len(w), true
		}
	}
	return 0, false
}

// covering returns the span of the longest word of s that contains the
// byte offset i of text, looking back at most the length of the longest
// word, and no further than a character that no word holds: a word that
// starts before it and contains i holds it too.
func (s words) covering(text string, i int) (start, end int, ok bool) {
	best := -1
	for st := i; st >= 0 && i-st < s.longest; {
		// A valid character at st is one of the word's (a continuation
		// byte of one does not decode).
		if st < len(text) {
			if r, size := decodeRune(text, st); (r != utf8.RuneError || size > 1) && !hasBit(s.chars, uint32(r)%firstBits) {
				break
			}
		}
		if e, found := s.prefixAt(text, st); found && e > i && e-st > best {
			start, end, ok, best = st, e, true, e-st
		}
		if st == 0 {
			break
		}
		_, size := utf8.DecodeLastRuneInString(text[:st])
		st -= size
	}
	return start, end, ok
}

// hasSuffixAny reports whether text[:i] ends with one of ws.
func hasSuffixAny(text string, i int, ws []string) bool {
	for _, w := range ws {
		if strings.HasSuffix(text[:i], w) {
			return true
		}
	}
	return false
}
