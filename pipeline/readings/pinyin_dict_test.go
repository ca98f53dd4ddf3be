package readings

import (
	"encoding/binary"
	"maps"
	"slices"
	"strings"
	"testing"

	gopinyin "github.com/mozillazg/go-pinyin"

	"github.com/tqa-project/tqa/internal/golden"
)

// encodeDict writes a dictionary of go-pinyin's form (code point to
// readings) in the form of pinyinDict.
func encodeDict(dict map[int]string) []byte {
	points := slices.Sorted(maps.Keys(dict))
	out := []byte(pinyinDictMagic)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(points)))
	for _, p := range points {
		out = binary.LittleEndian.AppendUint32(out, uint32(p))
	}
	off := 0
	for _, p := range points {
		out = binary.LittleEndian.AppendUint32(out, uint32(off))
		off += len(dict[p])
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(off))
	for _, p := range points {
		out = append(out, dict[p]...)
	}
	return out
}

// dictSyllables derives the table of syllables from a dictionary of
// go-pinyin's form: every reading, tone marks removed, that has a vowel;
// sorted, one a line.
func dictSyllables(dict map[int]string) []byte {
	set := map[string]bool{}
	for _, v := range dict {
		for p := range strings.SplitSeq(v, ",") {
			base, _, ok := untone(p)
			if ok && strings.ContainsAny(base, "aeiouü") {
				set[base] = true
			}
		}
	}
	return []byte(strings.Join(slices.Sorted(maps.Keys(set)), "\n") + "\n")
}

// TestPinyinTables checks that pinyin_dict.bin and pinyin_syllables.txt
// hold go-pinyin's dictionary and the syllables of its readings, and with
// -update (or go generate) rewrites them.
func TestPinyinTables(t *testing.T) {
	dict := encodeDict(gopinyin.PinyinDict)
	syls := dictSyllables(gopinyin.PinyinDict)
	golden.Check(t, "pinyin_dict.bin", dict)
	golden.Check(t, "pinyin_syllables.txt", syls)
	if golden.Update() {
		return
	}
	if string(dict) != pinyinDict || string(syls) != pinyinSyllableList {
		t.Fatal("the embedded tables differ from go-pinyin's dictionary: go generate ./pipeline/readings")
	}
	for c, want := range gopinyin.PinyinDict {
		if got, ok := dictReadings(rune(c)); !ok || got != want {
			t.Fatalf("dictReadings(%U) = %q, %v; want %q", c, got, ok, want)
		}
	}
	for _, c := range []rune{0, 'a', 0x3006, 0x10FFFF} {
		if got, ok := dictReadings(c); ok != (gopinyin.PinyinDict[int(c)] != "") {
			t.Errorf("dictReadings(%U) = %q, %v", c, got, ok)
		}
	}
	if n := len(syllables()); n < 400 || n > 450 {
		t.Errorf("%d syllables", n)
	}
	for _, bad := range []string{"", pinyinDictMagic, pinyinDictMagic + "\x01\x00\x00\x00", pinyinDict[:len(pinyinDict)-1]} {
		if _, ok := decodeDict(bad); ok {
			t.Errorf("decodeDict accepted %d damaged bytes", len(bad))
		}
	}
}

// BenchmarkSyllables is what the first IsSyllable of a run pays.
func BenchmarkSyllables(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		syllableSet(pinyinSyllableList)
	}
}

// BenchmarkDictReadings looks up the readings of the characters of a
// Chinese sentence.
func BenchmarkDictReadings(b *testing.B) {
	text := []rune("北约峰会在维尔纽斯举行，讨论了集体防御和乌克兰问题。")
	dictOf()
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range text {
			dictReadings(c)
		}
	}
}

// FuzzDecodeDict checks that decodeDict never panics, and that a table it
// accepts answers every look-up with a part of its text.
func FuzzDecodeDict(f *testing.F) {
	f.Add(pinyinDict[:len(pinyinDictMagic)+4])
	f.Add(string(encodeDict(map[int]string{0x4E2D: "zhōng,zhòng", 0x5317: "běi"})))
	f.Add(string(encodeDict(map[int]string{})))
	f.Fuzz(func(t *testing.T, data string) {
		d, ok := decodeDict(data)
		if !ok {
			return
		}
		for _, c := range []rune{0, 0x4E2D, 0x5317, 0x10FFFF} {
			if r, found := d.readings(c); found && !strings.Contains(d.text, r) {
				t.Fatalf("readings(%U) = %q, not in the text", c, r)
			}
		}
	})
}
