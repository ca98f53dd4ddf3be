package checks

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/pipeline"
)

func TestNameSimilarity(t *testing.T) {
	tests := []struct {
		cand, name string
		min, max   float64
		edgeCut    bool
	}{
		{"Supreme Allied Commander of Europe", "Supreme Allied Commander Europe", 0.95, 0.97, false},
		{"Untrustworthy Organization Act", "Not A Trusted Organization Act", 0.85, 0.95, false},
		{"NATO Intelligence Center", "NATO Intelligence Fusion Centre", 0.85, 0.86, false},
		{"Atlantic Council", "North Atlantic Council", 0.79, 0.81, true},
		{"Allied Command", "Allied Command Operations", 0.79, 0.81, true},
		{"NATO Act", "Not A Trusted Organization Act", 0.9, 0.95, false},
		{"General Secretary", "Secretary General", 0.74, 0.76, false},
		{"National Defense Strategy", "National Security Strategy", 0.66, 0.67, false},
		{"Centre of Excellence", "Center of Excellence", 1, 1, false},
		{"Main Battle Tanks", "Main Battle Tank", 0.9, 0.97, false},
	}
	for _, tt := range tests {
		got, edge, _ := nameSimilarity(nameTokens(tt.cand), nameTokens(tt.name))
		if got < tt.min-1e-9 || got > tt.max+1e-9 || edge != tt.edgeCut {
			t.Errorf("nameSimilarity(%q, %q) = %.3f, edge cut %v; want %.2f to %.2f, %v", tt.cand, tt.name, got, edge, tt.min, tt.max, tt.edgeCut)
		}
	}
}

func TestNameRuns(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{`the "Untrustworthy Organization Act," which`, []string{"Untrustworthy Organization Act"}},
		{"Chair of the Military Committee met", []string{"Chair of the Military Committee"}},
		{"NATO-Russia Council and of the", []string{"NATO-Russia Council"}},
		{"Article 5, the core", []string{}},
		{"Article 5 of the Washington Treaty", []string{"Article 5 of the Washington Treaty"}},
		{"the Alliance's Strategic Concept", []string{"Strategic Concept"}},
		{"NATO's Strategic Concept", []string{"Strategic Concept"}},
		{"the U.S. Department of Defense", []string{"Department of Defense"}},
		{"Reuters and the Financial Times reported", []string{"Reuters and the Financial Times"}},
	}
	// one runner for the whole table, as official-name uses it for every
	// segment: its reused buffers must not change the runs
	var runner nameRunner
	for _, tt := range tests {
		for _, find := range []func(string) [][]nameToken{nameRuns, runner.nameRuns} {
			var got []string
			for _, run := range find(tt.text) {
				got = append(got, tt.text[run[0].start:run[len(run)-1].stemEnd])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("nameRuns(%q) = %q, want %q", tt.text, got, tt.want)
			}
		}
	}
}

func TestHeadOf(t *testing.T) {
	for _, tt := range []struct{ name, head string }{
		{"Chair of the Military Committee", "Chair"},
		{"Supreme Allied Commander Europe", "Commander"},
		{"Not A Trusted Organization Act", "Act"},
		{"National Defense Authorization Act for Fiscal Year 2026", "Act"},
		{"NATO Status of Forces Agreement", "Agreement"},
		{"Operation Unified Protector", "Protector"},
	} {
		toks := nameTokens(tt.name)
		if got := toks[headOf(toks)].text; got != tt.head {
			t.Errorf("headOf(%q) = %q, want %q", tt.name, got, tt.head)
		}
	}
}

// TestOfficialNameThreshold: the threshold trades recall for precision,
// and a threshold out of range is an error.
func TestOfficialNameThreshold(t *testing.T) {
	doc := func() *pipeline.Document {
		return &pipeline.Document{Path: "t.txt", Segments: []pipeline.Segment{
			{ID: "1", Target: "The NATO Intelligence Center and the Supreme Allied Commander of Europe."},
		}}
	}
	for _, tt := range []struct {
		threshold float64
		want      int
		err       bool
	}{
		{0, 2, false},    // default 0.8: both
		{0.9, 1, false},  // only the post (0.96)
		{0.99, 0, false}, // neither
		{-1, 0, true},
		{1.5, 0, true},
	} {
		cfg := &pipeline.Config{TargetLang: language.English, Glossaries: []*glossary.Glossary{glossary.NATO()}, OfficialNameThreshold: tt.threshold}
		got, err := pipeline.Run(context.Background(), []*pipeline.Document{doc()}, []*pipeline.Check{OfficialName}, cfg)
		if (err != nil) != tt.err || len(got) != tt.want {
			t.Errorf("threshold %g: %d findings, error %v; want %d, error %v", tt.threshold, len(got), err, tt.want, tt.err)
		}
	}
}

// TestOfficialNameIndexOnce: the index of official names is built once per
// run and shared by the documents of the run.
func TestOfficialNameIndexOnce(t *testing.T) {
	cfg := &pipeline.Config{TargetLang: language.English, Glossaries: []*glossary.Glossary{glossary.NATO()}}
	var docs []*pipeline.Document
	for _, id := range []string{"a", "b", "c"} {
		docs = append(docs, &pipeline.Document{Path: id, Segments: []pipeline.Segment{{ID: id, Target: "The NATO Intelligence Center met."}}})
	}
	if _, err := pipeline.Run(context.Background(), docs, []*pipeline.Check{OfficialName}, cfg); err != nil {
		t.Fatal(err)
	}
	built := 0
	base, _ := language.English.Base()
	idx := cfg.Memo(officialNamesKey{base}, func() any { built++; return (*nameIndex)(nil) }).(*nameIndex)
	if built != 0 || idx == nil || len(idx.byHead) == 0 {
		t.Errorf("the run did not leave its index in Config.Memo (built again: %d)", built)
	}
	// Every official English name of the NATO glossary is indexed under its head.
	n := 0
	for _, forms := range idx.byHead {
		n += len(forms)
	}
	if n < 100 {
		t.Errorf("%d name forms indexed, want at least 100", n)
	}
}
