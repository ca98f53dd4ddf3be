package checks

import (
	"context"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
)

// TestBatteryFixesResolve applies each fix that the battery offers and
// checks that the segment then has fewer findings of that check: a fix
// must remove what it was offered for without adding anything.
func TestBatteryFixesResolve(t *testing.T) {
	tests := []struct {
		check          *pipeline.Check
		lang           string
		source, target string
	}{
		{Placeholders, "fr", "Copied %d files to %s.", "%s fichiers copiés vers %s."},
		{Placeholders, "fr", "Saved %s.", "Enregistré %s %d."},
		{Placeholders, "de", "Welcome, {name}!", "Willkommen, {Name}!"},
		{Placeholders, "fr", "Battery %d%% charged", "Batterie chargée à %d %"},
		{Placeholders, "zh", "{count, plural, one {# item} other {# items}}", "{num, plural, other {# 个项目}}"},
		{URLsEmails, "en", "联系 info@example.org", "Contact infos@example.org"},
		{URLsEmails, "en", "原文：toutiao.com/article/76/", "Original: toutiao.com/article/7/"},
		{BracketsQuotes, "en", "他说：“我们会来的。”", "He said: “We will come.\""},
		{BracketsQuotes, "en", "他说：“我们会来的。”", "He said: \"We will come.”"},
		{Whitespace, "de", "Save\n", "Speichern"},
		{Whitespace, "de", "Save", " Speichern "},
		{Whitespace, "en", "", "The alliance  was founded in 1949 ."},
		{Whitespace, "en", "", "Apples,oranges and pears.Really?Yes."},
		{Whitespace, "fr", "", "Attention : le sommet ; la réunion !"},
		{Whitespace, "fr", "", "Bonjour!"},
		{Whitespace, "en", "", "Save the file ,then close it"},
		{RepeatedWord, "en", "", "This is the the end of of the story."},
		{RepeatedWord, "en", "", "The the summit."},
	}
	run := func(c *pipeline.Check, lang, source, target string) []pipeline.Finding {
		doc := &pipeline.Document{Path: "t", Segments: []pipeline.Segment{{ID: "1", Source: source, Target: target}}}
		cfg := &pipeline.Config{TargetLang: language.MustParse(lang), SourceLang: language.Und}
		fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{c}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		return fs
	}
	for _, tt := range tests {
		before := run(tt.check, tt.lang, tt.source, tt.target)
		fixes := 0
		for _, f := range before {
			for _, fix := range f.Fixes {
				fixes++
				src, tgt := tt.source, tt.target
				if f.Side == pipeline.Source {
					src = fix.Apply(src)
				} else {
					tgt = fix.Apply(tgt)
				}
				if after := run(tt.check, tt.lang, src, tgt); len(after) >= len(before) {
					t.Errorf("%s on %q: fix %q gives %q with %d findings, had %d", tt.check.Name, tt.target, fix.Message, tgt, len(after), len(before))
				}
			}
		}
		if fixes == 0 {
			t.Errorf("%s on %q: no fix offered (%d findings)", tt.check.Name, tt.target, len(before))
		}
	}
}
