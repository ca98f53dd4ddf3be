package checks

import (
	"cmp"
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// numbersReusePairs are segments for TestRunNumbersReuse: numbers
// changed, missing and added, dates, ranges and ones with more numbers than
// the next, so that the array runNumbers reuses holds the numbers of an
// earlier segment.
var numbersReusePairs = [][2]string{
	{"2019年9月28日，45辆车，投资8亿元，3至5人。", "On 28 September 2019, 46 cars, 800 million yuan, 3-5 people."},
	{"我有两个孩子。", "I have three children."},
	{"他三点到。", "He arrives."},
	{"一起去吧。", "Let's go together at 5."},
	{"五和三，1.5万，百分之五十", "five and three, 15,000, 50%"},
	{"", "no source"},
	{"没有目标", " "},
	{"第一，第二，第三", "first, second"},
}

// checkRunNumbersReuse runs numbers over doc and wants, for each segment,
// what numberFindings finds with numbers read afresh.
func checkRunNumbersReuse(t *testing.T, doc *pipeline.Document) {
	got, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{Numbers}, nil)
	if err != nil {
		t.Fatal(err)
	}
	bySegment := map[int][]pipeline.Finding{}
	for _, f := range got {
		bySegment[f.Segment] = append(bySegment[f.Segment], f)
	}
	reported := 0
	for i := range doc.Segments {
		seg := &doc.Segments[i]
		var want []pipeline.Finding
		if seg.Bilingual() && !blankTarget(seg.Target) {
			want = numberFindings(seg)
		}
		var have []pipeline.Finding
		for _, f := range bySegment[i] {
			f.Check, f.Doc, f.Path, f.Segment, f.ID, f.Text = "", 0, "", 0, "", ""
			f.Severity = pipeline.Finding{}.Severity
			if f.Category == Numbers.Category {
				f.Category = ""
			}
			have = append(have, f)
		}
		// Run sorts the findings of a segment.
		order := func(a, b pipeline.Finding) int {
			return cmp.Or(cmp.Compare(a.Side, b.Side), cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End), strings.Compare(a.Message, b.Message))
		}
		slices.SortFunc(want, order)
		slices.SortFunc(have, order)
		if len(want) != len(have) || len(want) > 0 && !reflect.DeepEqual(want, have) {
			t.Fatalf("segment %d (%q, %q): numbers reported %+v, numberFindings %+v", i, seg.Source, seg.Target, have, want)
		}
		reported += len(have)
	}
	if reported == 0 {
		t.Fatal("no finding: the segments try nothing")
	}
}

// TestRunNumbersReuse checks that the numbers runNumbers reads into one
// array, segment after segment, find what numbers read afresh find.
func TestRunNumbersReuse(t *testing.T) {
	doc := &pipeline.Document{Path: "reuse.jsonl", Format: "jsonl", SourceLang: language.Chinese, TargetLang: language.English}
	for k := 0; k < 3; k++ {
		for _, p := range numbersReusePairs {
			doc.Segments = append(doc.Segments, pipeline.Segment{ID: "s", Source: p[0], Target: p[1]})
		}
	}
	checkRunNumbersReuse(t, doc)
}

// TestRunNumbersReuseTatoeba does the same over the Tatoeba pairs of
// ../shared.
func TestRunNumbersReuseTatoeba(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the Tatoeba pairs")
	}
	doc := &pipeline.Document{Path: "tatoeba.po", Format: "po", TargetLang: language.English}
	eachZhEnLine(t, filepath.Join(zhEnDataDir, "tatoeba_cmn_eng.tsv"), func(_ int, f []string) {
		if len(f) >= 2 {
			doc.Segments = append(doc.Segments, pipeline.Segment{ID: "s", Source: f[1], Target: f[0]})
		}
	})
	checkRunNumbersReuse(t, doc)
}
