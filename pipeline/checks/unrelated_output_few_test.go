package checks

import (
	"context"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/numerals"
)

// fewAnchorsTexts are sources for TestFewAnchors: numbers strong and weak,
// Latin words, links and NATO terms, a few of each around the limit of
// three, in Chinese, English and other scripts.
var fewAnchorsTexts = []string{
	"我有两个孩子。", "一起去吧。", "他三点到。", "2019年9月28日，45辆车。", "2019年9月28日，45辆车，投资8亿元。",
	"百度Apollo与一汽红旗", "百度Apollo与一汽红旗的45辆Robotaxi", "Apollo", "见www.nato.int", "见www.nato.int和北约",
	"写信到a@b.cn", "写信到info@nato.int，3天内", "北约", "北大西洋理事会和北约", "北大西洋理事会和北约2019年开会",
	"北大西洋理事会、北约和欧盟", "I have two children and 3 dogs.", "I saw 5 cats, 6 dogs and 7 birds.", "F-35和G7",
	"第一、第二和第三", "Café Müller在北京开业", "Café和2个", "三十多人", "1.5万人和两百人", "五和三", "AB", "A",
	"https://nato.int/x", "十一黄金周", "Привет 3 мир 4", "かな3カナ4", "", "1 2 3", "x1 y2", "三点十分，两百米，五公斤",
}

// fewAnchorsLangs are the source languages TestFewAnchors tries: an
// undetermined one, whose numbers sourceAnchors reads in the language of
// the letters, and languages that write numbers in other ways.
var fewAnchorsLangs = []language.Tag{language.Und, language.Chinese, language.English, language.German, language.MustParse("und-CH")}

// checkFewAnchors runs fewAnchors on every segment of docs that
// unrelated-output judges, and fails when it says a source has few anchors
// that sourceAnchors finds three or more of. It returns how many sources
// fewAnchors said yes and no for.
func checkFewAnchors(t testing.TB, docs []*pipeline.Document, cfg *pipeline.Config) (few, more int) {
	check := &pipeline.Check{
		Name: "few-anchors",
		Run: func(p *pipeline.Pass) error {
			for d, doc := range p.Docs {
				src, tgt := sourceTerms(p, d), targetTerms(p, d)
				var buf []numerals.Number
				for i := range doc.Segments {
					seg := &doc.Segments[i]
					if !seg.Bilingual() || blankTarget(seg.Target) {
						continue
					}
					if !fewAnchors(seg, src[i], &buf) {
						more++
						continue
					}
					few++
					if got := sourceAnchors(nil, p, d, i, src[i], tgt[i]); len(got) >= unrelatedMinAnchors {
						t.Errorf("fewAnchors(%q, %v) = true, but the source has %d anchors: %+v", seg.Source, seg.SourceLang, len(got), got)
					}
				}
			}
			return nil
		},
	}
	if _, err := pipeline.Run(context.Background(), docs, []*pipeline.Check{check}, cfg); err != nil {
		t.Fatal(err)
	}
	return few, more
}

// TestFewAnchors checks fewAnchors against sourceAnchors: every source it
// says has fewer than three anchors has fewer.
func TestFewAnchors(t *testing.T) {
	cfg := &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}, TargetLang: language.English}
	// Languages one after another and in turn.
	doc := &pipeline.Document{Path: "few.jsonl", Format: "jsonl"}
	for _, lang := range fewAnchorsLangs {
		for _, text := range fewAnchorsTexts {
			doc.Segments = append(doc.Segments, pipeline.Segment{ID: "s", Source: text, SourceLang: lang, Target: "The target."})
		}
	}
	for _, text := range fewAnchorsTexts {
		for _, lang := range fewAnchorsLangs {
			doc.Segments = append(doc.Segments, pipeline.Segment{ID: "s", Source: text, SourceLang: lang, Target: "The target."})
		}
	}
	few, more := checkFewAnchors(t, []*pipeline.Document{doc}, cfg)
	if few == 0 || more == 0 {
		t.Fatalf("fewAnchors said yes %d times and no %d times: the texts do not try both", few, more)
	}
}

// TestFewAnchorsTatoeba checks fewAnchors on the Tatoeba pairs of
// ../shared, with the NATO glossary.
func TestFewAnchorsTatoeba(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the Tatoeba pairs")
	}
	doc := &pipeline.Document{Path: "tatoeba.po", Format: "po", TargetLang: language.English}
	eachZhEnLine(t, filepath.Join(zhEnDataDir, "tatoeba_cmn_eng.tsv"), func(_ int, f []string) {
		if len(f) >= 2 {
			doc.Segments = append(doc.Segments, pipeline.Segment{ID: "s", Source: f[1], Target: f[0]})
		}
	})
	cfg := &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}}
	few, more := checkFewAnchors(t, []*pipeline.Document{doc}, cfg)
	t.Logf("%d sources with few anchors, %d with more", few, more)
}

// FuzzFewAnchors checks fewAnchors against sourceAnchors on any source, in
// each of fewAnchorsLangs.
func FuzzFewAnchors(f *testing.F) {
	for _, s := range fewAnchorsTexts {
		f.Add(s)
	}
	cfg := &pipeline.Config{Glossaries: []*glossary.Glossary{glossary.NATO()}, TargetLang: language.English}
	f.Fuzz(func(t *testing.T, source string) {
		doc := &pipeline.Document{Path: "few.jsonl", Format: "jsonl"}
		for _, lang := range fewAnchorsLangs {
			doc.Segments = append(doc.Segments, pipeline.Segment{ID: "s", Source: source, SourceLang: lang, Target: "The target."})
		}
		checkFewAnchors(t, []*pipeline.Document{doc}, cfg)
	})
}
