package corpus

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []seg
	}{
		{"empty", "", nil},
		{"pair", `{"id": "t1", "source": "美国酝酿退出北约", "target": "US is酝酿 Leaving NATO"}` + "\n", []seg{
			{P, "美国酝酿退出北约 => US is酝酿 Leaving NATO", at(1, 47, 62), nil},
		}},
		{"blank lines and other fields", "\n" + `{"target": "A", "note": {"x": [1, "}"]}, "score": 0.5}` + "\n\n" + `{"target":"B"}`, []seg{
			{P, "A", at(2, 13, 13), nil},
			{P, "B", at(4, 12, 68), nil},
		}},
		{"escapes", `{"target": "a\"b\\c\u00e9\ud83d\ude00\n\t/\/"}`, []seg{
			{P, "a\"b\\cé😀\n\t//", at(1, 13, 12), nil},
		}},
		{"lone surrogate", `{"target": "x\ud800y"}`, []seg{
			{P, "x\uFFFDy", at(1, 13, 12), nil},
		}},
		{"null fields", `{"id": 7, "source": null, "target": "T", "target_lang": null}`, []seg{
			{P, "T", at(1, 38, 37), nil},
		}},
		{"crlf and bom", "\uFEFF" + `{"target": "one"}` + "\r\n" + `{"target": "two"}` + "\r\n", []seg{
			{P, "one", at(1, 13, 15), nil},
			{P, "two", at(2, 13, 34), nil},
		}},
		{"links are skipped", `{"target": "see https://nato.int and a@b.org"}`, []seg{
			{P, "see https://nato.int and a@b.org", at(1, 13, 12), []string{"https://nato.int", "a@b.org"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			readAndCheck(t, "t.jsonl", "jsonl", tt.data, tt.want)
		})
	}
}

func TestJSONLFields(t *testing.T) {
	data := strings.Join([]string{
		`{"id": "t1", "source": "美国酝酿退出北约", "target": "US is\u915d酿 Leaving NATO", "source_lang": "zh-Hans", "target_lang": "en-GB"}`,
		`{"id": 12, "target": "no source"}`,
		``,
		`{"target": "no id", "target_lang": ""}`,
		`{"id": -1.5e3, "source": "only a source"}`,
	}, "\n")
	doc, err := Read("t.jsonl", []byte(data), "jsonl", Options{TargetLang: language.English})
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, []byte(data), doc)
	type want struct {
		id, source, target string
		sl, tl             language.Tag
	}
	wants := []want{
		{"t1", "美国酝酿退出北约", "US is酝酿 Leaving NATO", language.MustParse("zh-Hans"), language.BritishEnglish},
		{"12", "", "no source", language.Und, language.Und},
		{"4", "", "no id", language.Und, language.Und},
		{"-1.5e3", "only a source", "", language.Und, language.Und},
	}
	if len(doc.Segments) != len(wants) {
		t.Fatalf("%d segments, want %d", len(doc.Segments), len(wants))
	}
	for i, w := range wants {
		s := doc.Segments[i]
		got := want{s.ID, s.Source, s.Target, s.SourceLang, s.TargetLang}
		if got != w {
			t.Errorf("segment %d = %+v, want %+v", i, got, w)
		}
	}
	if doc.TargetLang != language.English || doc.Format != "jsonl" || doc.Path != "t.jsonl" {
		t.Errorf("document = %s %s %v", doc.Path, doc.Format, doc.TargetLang)
	}
	// "酝" is written \u915d (6 columns), so "酿" is at column 58.
	s := &doc.Segments[0]
	for _, tt := range []struct {
		find string
		want pipeline.Position
	}{
		{"酝", at(1, 52, 67)},
		{"酿", at(1, 58, 73)},
		{"Leaving", at(1, 60, 77)},
	} {
		off := strings.Index(s.Target, tt.find)
		if got := s.Locate(pipeline.Target, off); off < 0 || got != tt.want {
			t.Errorf("%q at %+v, want %+v", tt.find, got, tt.want)
		}
	}
}
