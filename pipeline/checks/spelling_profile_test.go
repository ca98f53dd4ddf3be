package checks

import (
	"context"
	"testing"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/pipeline"
)

func TestInCapitalisedName(t *testing.T) {
	tests := []struct {
		text, word string // the word is the first occurrence of word in text
		want       bool
	}{
		{"Defense spending rose.", "Defense", false},
		{"Defense Secretary Hegseth spoke.", "Defense", true},
		{"the U.S. Department of Defense said", "Defense", true},
		{"Department of Defense officials", "Defense", true},
		{"Department of the Defense officials", "Defense", true},
		{"Defense of the Realm Act", "Defense", true},
		{"Defense of the Realm", "Defense", true},
		{"Defense of the whole Realm", "Defense", false},
		{"the Center for Strategic Studies", "Center", true},
		{"Pearl Harbor was attacked.", "Harbor", true},
		{"The Defense budget grew.", "Defense", false},
		{"“The Defense budget grew.”", "Defense", false},
		{"It grew. The Defense budget grew.", "Defense", false},
		{"in NATO. Defense ministers met", "Defense", false},
		{"in NATO! Defense ministers met", "Defense", false},
		{"the U.S. Defense budget", "Defense", true},
		{"the U.S.. Defense budget", "Defense", false},
		{"the NATO Defense budget", "Defense", true},
		{"the Defense-Industrial base", "Defense", true},
		{"the Defense--Industrial base", "Defense", false},
		{"the Defense, Industrial base", "Defense", false},
		{"the “Defense” budget", "Defense", false},
		{"a Labor government", "Labor", false},
		{"the Allies' Defense budget", "Defense", false},
		{"Defense", "Defense", false},
		{"Défense Defense", "Defense", true},
		{"Överste Defense plans", "Defense", true},
	}
	for _, tt := range tests {
		a := indexWord(tt.text, tt.word)
		if a < 0 {
			t.Fatalf("%q not in %q", tt.word, tt.text)
		}
		if got := inCapitalisedName(tt.text, a, a+len(tt.word)); got != tt.want {
			t.Errorf("inCapitalisedName(%q, %q) = %v, want %v", tt.text, tt.word, got, tt.want)
		}
	}
}

// indexWord returns the start of the first whole word w of text, or -1.
func indexWord(text, w string) int {
	for a, b := range spelling.Words(text) {
		if text[a:b] == w {
			return a
		}
	}
	return -1
}

func TestSentenceStart(t *testing.T) {
	tests := []struct {
		text, word string
		want       bool
	}{
		{"Defense spending", "Defense", true},
		{"  (Defense spending", "Defense", true},
		{"It rose. Defense spending", "Defense", true},
		{"It rose? “Defense spending", "Defense", true},
		{"Note: Defense spending", "Defense", true},
		{"the U.S. Defense budget", "Defense", false},
		{"the US. Defense budget", "Defense", true},
		{"the Defense budget", "Defense", false},
		{"e.g. Defense budgets", "Defense", true},
	}
	for _, tt := range tests {
		a := indexWord(tt.text, tt.word)
		if got := sentenceStart(tt.text, a); got != tt.want {
			t.Errorf("sentenceStart(%q, %q) = %v, want %v", tt.text, tt.word, got, tt.want)
		}
	}
}

// FuzzSpellingProfile runs the check on arbitrary targets: spans must be
// valid (the run fails otherwise), the flagged text must be a word the
// profile flags, and the fix must put in a spelling it accepts.
func FuzzSpellingProfile(f *testing.F) {
	for _, s := range []string{
		"Defense spending rose. The U.S. Department of Defense said so.",
		"the defense’s budget, DEFENSE and \"unfavorable timing\"",
		"organisation\xff\x99defense centre",
		"Pearl Harbor. Labor. colour, centre.",
	} {
		f.Add(s, uint8(spelling.NATO))
	}
	f.Fuzz(func(t *testing.T, text string, pb uint8) {
		prof := spelling.Profile(pb % 4)
		doc := &pipeline.Document{Path: "f.txt", Segments: []pipeline.Segment{{ID: "1", Target: text}}}
		cfg := &pipeline.Config{TargetLang: language.English, Spelling: prof}
		fs, err := pipeline.Run(context.Background(), []*pipeline.Document{doc}, []*pipeline.Check{SpellingProfile}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if f.Text != text[f.Span.Start:f.Span.End] {
				t.Fatalf("%q: finding text %q at %v", text, f.Text, f.Span)
			}
			want, ok := prof.Suggest(f.Text)
			if !ok || len(f.Fixes) != 1 || f.Fixes[0].Edits[0].NewText != want {
				t.Fatalf("%q: finding %q with fixes %+v; profile suggests %q, %v", text, f.Text, f.Fixes, want, ok)
			}
			if _, again := prof.Suggest(want); again {
				t.Fatalf("%q: fix %q is flagged in turn", text, want)
			}
		}
		if prof == spelling.Off && len(fs) > 0 {
			t.Fatalf("%q: profile off reported %d findings", text, len(fs))
		}
	})
}
