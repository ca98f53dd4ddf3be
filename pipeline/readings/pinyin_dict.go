package readings

import (
	_ "embed"
	"strings"
	"sync"
)

// pinyinDict is the character dictionary of github.com/mozillazg/go-pinyin
// v0.21.0 (PinyinDict, MIT licence, itself from the pinyin-data project):
// the readings of 41,923 Han characters with tone marks, most common
// first ("zhōng,zhòng" for 中). Importing go-pinyin built its map of them
// in every process at start-up (about 7 ms); the same data, generated
// ahead (go generate runs TestPinyinTables with -update, which fails while
// the file is stale), is read here where it lies in the binary.
//
// The file is "tqa-pinyin-dict1", then little-endian uint32s: the number
// of characters n, n code points in increasing order, and n+1 offsets of
// their readings in the text that follows (the readings of all
// characters, as go-pinyin writes them, one after the other).
//
//go:generate go test -run ^TestPinyinTables$ -update .
//go:embed pinyin_dict.bin
var pinyinDict string

const pinyinDictMagic = "tqa-pinyin-dict1"

// pinyinSyllableList is the table of syllables (see syllables), one a
// line, generated with pinyinDict.
//
//go:embed pinyin_syllables.txt
var pinyinSyllableList string

// dictTable is pinyinDict's layout.
type dictTable struct {
	n       int
	points  string // n little-endian uint32 code points
	offsets string // n+1 little-endian uint32 offsets into text
	text    string
}

// le32 reads the little-endian uint32 at s[i:].
func le32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

// decodeDict checks data's layout and returns it.
func decodeDict(data string) (dictTable, bool) {
	h := len(pinyinDictMagic)
	if len(data) < h+4 || data[:h] != pinyinDictMagic {
		return dictTable{}, false
	}
	n := int(le32(data, h))
	body := data[h+4:]
	if len(body) < 4 || n > (len(body)-4)/8 {
		return dictTable{}, false
	}
	t := dictTable{n: n, points: body[:4*n], offsets: body[4*n : 8*n+4], text: body[8*n+4:]}
	if int(le32(t.offsets, 4*n)) != len(t.text) {
		return dictTable{}, false
	}
	for i := 0; i < n; i++ {
		if le32(t.offsets, 4*i) > le32(t.offsets, 4*i+4) {
			return dictTable{}, false
		}
	}
	return t, true
}

var dictOf = sync.OnceValue(func() dictTable {
	t, ok := decodeDict(pinyinDict)
	if !ok {
		// TestPinyinTables guards this: the embedded file decodes.
		panic("readings: pinyin_dict.bin is damaged")
	}
	return t
})

// dictReadings returns go-pinyin's readings of c ("zhōng,zhòng"), and
// whether it has any.
func dictReadings(c rune) (string, bool) { return dictOf().readings(c) }

// readings returns the readings of c in t, and whether it has any.
func (t dictTable) readings(c rune) (string, bool) {
	lo, hi := 0, t.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		p := rune(le32(t.points, 4*m))
		switch {
		case p < c:
			lo = m + 1
		case p > c:
			hi = m
		default:
			return t.text[le32(t.offsets, 4*m):le32(t.offsets, 4*m+4)], true
		}
	}
	return "", false
}

// syllableSet reads a list of syllables, one a line.
func syllableSet(list string) map[string]bool {
	m := make(map[string]bool, strings.Count(list, "\n"))
	for line := range strings.SplitSeq(list, "\n") {
		if line != "" {
			m[line] = true
		}
	}
	return m
}
