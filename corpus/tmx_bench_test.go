package corpus

import (
	"fmt"
	"strings"
	"testing"
)

// benchTMX returns a TMX file of n translation units, each with inline
// codes and entities, like a translation memory exported from a CAT tool.
func benchTMX(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<tmx version=\"1.4\">\n<header srclang=\"zh-CN\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"none\" creationtool=\"bench\" creationtoolversion=\"1\"/>\n<body>\n")
	for i := range n {
		fmt.Fprintf(&b, `<tu tuid="%d">
  <prop type="x-domain">news</prop>
  <tuv xml:lang="zh-CN"><seg><bpt i="1">&lt;b&gt;</bpt>北约<ept i="1">&lt;/b&gt;</ept>成立于<ph x="2">{1949}</ph>年，总部设在布鲁塞尔。美国酝酿退出北约。</seg></tuv>
  <tuv xml:lang="en"><seg><bpt i="1">&lt;b&gt;</bpt>NATO<ept i="1">&lt;/b&gt;</ept> was founded in <ph x="2">{1949}</ph> &amp; has its headquarters in Brussels. US is酝酿 Leaving NATO.</seg></tuv>
</tu>
`, i)
	}
	b.WriteString("</body>\n</tmx>\n")
	return []byte(b.String())
}

func BenchmarkReadTMX(b *testing.B) {
	data := benchTMX(2000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("bench.tmx", data, "tmx", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadTMXOneLine(b *testing.B) {
	data := []byte(strings.ReplaceAll(string(benchTMX(2000)), "\n", " "))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("bench.tmx", data, "tmx", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
