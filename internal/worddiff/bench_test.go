package worddiff

import (
	"strings"
	"testing"
)

// BenchmarkDiffParagraph diffs an English paragraph of about 90 words
// against a revision with four words changed.
func BenchmarkDiffParagraph(b *testing.B) {
	a := strings.Repeat("U.S. critics emphasize that the collective defense obligation under NATO Article V actually deprives Washington of strategic flexibility. ", 4)
	c := strings.Replace(strings.Replace(a, "defense", "defence", 2), "Article V", "Article 5", 2)
	b.SetBytes(int64(len(a) + len(c)))
	for b.Loop() {
		Diff(a, c)
	}
}

// BenchmarkDiffChinese diffs a Chinese paragraph, character by character,
// against a revision with two changes.
func BenchmarkDiffChinese(b *testing.B) {
	a := strings.Repeat("北大西洋公约组织成立于一九四九年，其宗旨是通过政治和军事手段保障成员国的自由与安全。", 4)
	c := strings.Replace(strings.Replace(a, "一九四九", "1949", 1), "保障", "维护", 1)
	b.SetBytes(int64(len(a) + len(c)))
	for b.Loop() {
		Diff(a, c)
	}
}

// BenchmarkDiffMaxTokens diffs two unrelated texts just under MaxTokens,
// the worst case the Myers algorithm is run on.
func BenchmarkDiffMaxTokens(b *testing.B) {
	var x, y strings.Builder
	for i := range MaxTokens / 4 {
		x.WriteString("a" + strings.Repeat("x", i%5) + " ")
		y.WriteString("b" + strings.Repeat("y", i%7) + " ")
	}
	b.SetBytes(int64(x.Len() + y.Len()))
	for b.Loop() {
		Diff(x.String(), y.String())
	}
}
