package reports

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
)

// The headline of corpus/samples/001_b2d8e521503d7cce.txt and the list item
// of its line 26, and what the checks report on them (the messages are
// those of tqa check corpus/samples).
const (
	headline         = "US is酝酿 Leaving NATO"
	headlineProposal = "US is mulling leaving NATO"
	critics          = "U.S. critics emphasize that the collective defense obligation under NATO Article V actually deprives Washington of strategic flexibility, forcing the U.S. to respond to crises that have no direct connection to its national security."
	criticsProposal  = "U.S. critics emphasize that the collective defence obligation under NATO Article V actually deprives Washington of strategic flexibility, forcing the U.S. to respond to crises with no direct connection to its national security."
	leakProposal     = "The US is 酝酿 leaving NATO"

	msgMixedScript   = "Chinese (Han) text “酝酿” in an English target; no space between “is” and it"
	msgCopied        = "Chinese (Han) text “酝酿” copied untranslated from the source (“美国酝酿退出北约”); no space between “is” and it"
	msgCollective    = "deprecated term “collective defense”: the NATO glossary has “collective defence” (US spelling; NATO English uses the British spelling defence)"
	msgArticle       = "deprecated term “Article V”: the NATO glossary has “Article 5” (Roman numerals are not used in the Treaty's official texts or by NATO, which write Article 5; the Roman form is common in press and student texts)"
	msgMixedScriptIn = "Chinese (Han) text “酝酿” in an English target"
)

// htmlProposalsReport is a run with proposed retranslations, built by hand as
// the retranslation stage fills them in: the headline of the 001 article
// fixed and accepted; the list item with one of its two deprecated terms
// left, rejected; and the bilingual demo pair, whose proposal keeps the
// Chinese, rejected.
func htmlProposalsReport() *Report {
	b := newBuilder()
	art := b.doc(&pipeline.Document{
		Path: "corpus/samples/001_b2d8e521503d7cce.txt", Format: "text", SourceLang: language.Und, TargetLang: en,
		Segments: []pipeline.Segment{
			{ID: "1", Kind: pipeline.Heading, Target: headline, TargetLang: en, TargetLoc: at(1, 1, 0)},
			{ID: "25", Kind: pipeline.ListItem, Target: critics, TargetLang: en, TargetLoc: at(26, 3, 5406)},
		},
	})
	zhHans := language.MustParse("zh-Hans")
	pair := b.doc(&pipeline.Document{
		Path: "corpus/samples/tatoeba.zh-en.jsonl", Format: "jsonl", SourceLang: zhHans, TargetLang: en,
		Segments: []pipeline.Segment{
			{ID: "demo-1", Source: "美国酝酿退出北约", Target: headline, SourceLang: zhHans, TargetLang: en,
				SourceLoc: at(8, 45, 1003), TargetLoc: at(8, 69, 1027)},
		},
	})
	b.add(art, 0, finding{
		check: "mixed-script", category: pipeline.CategoryUntranslated, severity: pipeline.Critical,
		sub: "酝酿", message: msgMixedScript,
	})
	b.add(art, 1, finding{
		check: "term-deprecated", category: pipeline.CategoryTermWrong, severity: pipeline.Major,
		sub: "collective defense", message: msgCollective,
		fixes: []pipeline.Fix{replace("Replace with “collective defence”", critics, "collective defense", 0, "collective defence")},
	})
	b.add(art, 1, finding{
		check: "term-deprecated", category: pipeline.CategoryTermWrong, severity: pipeline.Major,
		sub: "Article V", message: msgArticle,
		fixes: []pipeline.Fix{replace("Replace with “Article 5”", critics, "Article V", 0, "Article 5")},
	})
	b.add(pair, 0, finding{
		check: "source-copied-fragment", category: pipeline.CategoryUntranslated, severity: pipeline.Major,
		sub: "酝酿", message: msgCopied,
	})
	r := b.report()

	findingIn := func(doc, seg int) []pipeline.Finding {
		var fs []pipeline.Finding
		for _, f := range r.Findings {
			if f.Doc == doc && f.Segment == seg {
				fs = append(fs, f)
			}
		}
		return fs
	}
	// A finding the checks raise on a proposed text.
	added := func(doc, seg int, check, category string, sev pipeline.Severity, text, sub, msg string) pipeline.Finding {
		d := r.Documents[doc]
		sp := locate(text, sub, 0)
		return pipeline.Finding{
			Check: check, Category: category, Severity: sev,
			Doc: doc, Path: d.Path, Segment: seg, ID: d.Segments[seg].ID,
			Side: pipeline.Target, Span: sp, Text: sub, Message: msg,
		}
	}
	r.Proposals = []Proposal{
		{
			Doc: art, Path: r.Documents[art].Path, Segment: 0, ID: "1",
			Original: headline, Proposed: headlineProposal,
			Status: Accepted, Model: "example-model",
			Notes: "“酝酿” (to brew, to plan) is translated as “mulling”.",
			Fixes: findingIn(art, 0),
		},
		{
			Doc: art, Path: r.Documents[art].Path, Segment: 1, ID: "25",
			Original: critics, Proposed: criticsProposal,
			Status: Rejected, Model: "example-model",
			Reasons: []string{"term-deprecated “Article V” is still there"},
			Fixes:   findingIn(art, 1),
			Added: []pipeline.Finding{added(art, 1, "term-deprecated", pipeline.CategoryTermWrong, pipeline.Major,
				criticsProposal, "Article V", msgArticle)},
		},
		{
			Doc: pair, Path: r.Documents[pair].Path, Segment: 0, ID: "demo-1",
			Original: headline, Proposed: leakProposal,
			Status: Rejected, Model: "example-model",
			Reasons: []string{
				"source-copied-fragment “酝酿” is still there",
				"the proposal adds mixed-script (critical): " + msgMixedScriptIn,
			},
			Fixes: findingIn(pair, 0),
			Added: []pipeline.Finding{added(pair, 0, "mixed-script", pipeline.CategoryUntranslated, pipeline.Critical,
				leakProposal, "酝酿", msgMixedScriptIn)},
		},
	}
	return r
}

// samplesReport runs tqa's checks over corpus/samples as
// `tqa check corpus/samples` does (built-in NATO glossary, nato spelling
// profile, English targets), with the paths the command prints.
func samplesReport(t testing.TB) *Report {
	t.Helper()
	root := filepath.Join("..", "corpus", "samples")
	if _, err := os.Stat(root); err != nil {
		t.Fatalf("the demo corpus: %v", err)
	}
	files, err := corpus.Expand([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	cfg := &pipeline.Config{TargetLang: language.English, Glossaries: []*glossary.Glossary{glossary.NATO()}}
	if cfg.Spelling, err = spelling.ParseProfile("nato"); err != nil {
		t.Fatal(err)
	}
	opt := corpus.Options{TargetLang: cfg.TargetLang}
	rep := &Report{Tool: "tqa", Version: "1.2.3"}
	rel := func(p string) string { r, _ := filepath.Rel("..", p); return filepath.ToSlash(r) }
	pairs, rest := corpus.Pairs(files, cfg.SourceLang, cfg.TargetLang)
	for _, p := range pairs {
		f, err := corpus.OpenPair(p, opt)
		if err != nil {
			t.Fatal(err)
		}
		f.Doc.Path = rel(f.Doc.Path)
		rep.Documents = append(rep.Documents, f.Doc)
	}
	for _, path := range rest {
		f, err := corpus.Open(path, opt)
		if err != nil {
			t.Fatal(err)
		}
		f.Doc.Path = rel(f.Doc.Path)
		rep.Documents = append(rep.Documents, f.Doc)
	}
	if rep.Findings, err = pipeline.Run(context.Background(), rep.Documents, checks.All(), cfg); err != nil {
		t.Fatal(err)
	}
	return rep
}
