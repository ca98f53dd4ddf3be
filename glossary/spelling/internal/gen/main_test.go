package main

import (
	"os"
	"os/exec"
	"slices"
	"testing"
)

func TestVariantsRules(t *testing.T) {
	tests := []struct {
		word    string
		want    []string // among the variants
		notWant []string // not among them: the rule contexts forbid them
	}{
		{"color", []string{"colour"}, nil},
		{"center", []string{"centre"}, nil},
		{"centered", []string{"centred"}, nil},
		{"centering", []string{"centring"}, []string{"centreing"}},
		{"fiberglass", []string{"fibreglass"}, nil},
		{"fere", nil, []string{"free"}},         // er/re needs a consonant before
		{"aerology", nil, []string{"areology"}}, // and a stem end after
		{"performative", nil, []string{"preformative"}},
		{"defense", []string{"defence"}, nil},
		{"catalog", []string{"catalogue"}, nil},
		{"cataloged", []string{"catalogued"}, nil},
		{"program", []string{"programme"}, nil},
		{"programmer", nil, []string{"programmeer"}},
		{"traveled", []string{"travelled"}, nil},
		{"fulfill", []string{"fulfil"}, nil},
		{"organization", []string{"organisation"}, nil},
		{"analyze", []string{"analyse"}, nil},
		{"pediatric", []string{"paediatric"}, nil},
		{"macule", nil, []string{"maculae"}}, // no word-final -ae
		{"fetus", []string{"foetus"}, nil},
		{"vetoer", nil, []string{"veter"}}, // no -oer
		{"maneuvered", []string{"manoeuvred"}, nil},
		{"judgment", []string{"judgement"}, nil},
		{"mold", []string{"mould"}, nil},
		{"skeptic", []string{"sceptic"}, nil},
		{"borg", nil, []string{"bourg"}}, // or/our needs a vowel before
		{"colorization", []string{"colourisation"}, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range variants(tt.word) {
			got = append(got, c.word)
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("variants(%q) lacks %q", tt.word, w)
			}
		}
		for _, w := range tt.notWant {
			if slices.Contains(got, w) {
				t.Errorf("variants(%q) has %q", tt.word, w)
			}
		}
	}
}

func set(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	return m
}

// TestDerive runs the derivation on small lists shaped like SCOWL's.
func TestDerive(t *testing.T) {
	l := &lists{
		english:   set("program", "meter", "alliance"),
		american:  set("defense", "organization", "organize", "color", "analyze", "traveled", "virtualization", "bel"),
		british:   set("defence", "organisation", "organise", "colour", "analyse", "travelled", "programme", "metre", "virtualisation"),
		britishZ:  set("defence", "organization", "organize", "colour", "analyse", "travelled", "programme", "metre", "bael"),
		variantUS: set("catalogue"),
		variantGB: set("judgment"),
	}
	dv := derive(l)
	got := map[string][3]string{}
	for _, r := range dv.rows {
		got[r.word] = r.want
	}
	want := map[string][3]string{
		"defense":      {"", "defence", "defence"},
		"defence":      {"defense", "", ""},
		"organisation": {"organization", "", "organization"},
		"organise":     {"organize", "", "organize"},
		"color":        {"", "colour", "colour"},
		"colour":       {"color", "", ""},
		"analyze":      {"", "analyse", "analyse"},
		"analyse":      {"analyze", "", ""},
		"traveled":     {"", "travelled", "travelled"},
		"travelled":    {"traveled", "", ""},
		"programme":    {"program", "", ""},
		"metre":        {"meter", "", ""},
		// virtualization: British profiles accept -ize, so it is not
		// turned into virtualisation; virtualisation is -ise under nato
		// with no -ize form in british_z, so nato has nothing to suggest.
		"virtualisation": {"virtualization", "", ""},
		// bel and bael are an excluded pair; bael is an excluded word.
	}
	for w, wt := range want {
		if got[w] != wt {
			t.Errorf("%s: got %q, want %q", w, got[w], wt)
		}
	}
	for w := range got {
		if _, ok := want[w]; !ok {
			t.Errorf("unexpected row %s: %q", w, got[w])
		}
	}
	if !dv.usedPairs["bel bael"] && !dv.usedPairs["bael bel"] {
		t.Errorf("the excluded pair bael/bel was not used: %v", dv.usedPairs)
	}
	if len(dv.ties) != 0 {
		t.Errorf("ties: %q", dv.ties)
	}
}

// TestCommittedTable checks that variants.tsv is what the generator makes
// from the installed lists. It needs Debian's scowl package and is skipped
// without it.
func TestCommittedTable(t *testing.T) {
	const dir = "/usr/share/dict/scowl"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("SCOWL lists not installed (apt-get install -y scowl)")
	}
	if _, err := exec.LookPath("dpkg-query"); err != nil {
		t.Skip("no dpkg-query")
	}
	version, err := packageVersion()
	if err != nil {
		t.Skip(err)
	}
	text, _, err := generate(dir, 70, version, false)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../variants.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if text != string(committed) {
		t.Errorf("glossary/spelling/variants.tsv differs from the generator's output: run go run ./glossary/spelling/internal/gen")
	}
}
