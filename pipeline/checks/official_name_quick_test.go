package checks

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tqa-project/tqa/internal/cputime"
)

// nameRunTexts exercise nameRunPossible: connectors in and out of runs,
// gaps, possessives, numbers, apostrophes, text ends.
var nameRunTexts = []string{
	"Tom told Mary.", "Tom and Mary", "Chair of the Military Committee", "Chair of the of Military Committee",
	"Chair OF THE Military", "Chair oF the Military", "North  Atlantic", "North   Atlantic", "North-Atlantic",
	"North - Atlantic", "North's Atlantic", "People's Liberation Army", "NATO's SHAPE", "Article 5 Treaty",
	"Article 5", "5 Article Treaty", "Bob an Ann", "Bob a's Ann", "Bob the's Ann", "Bob's", "A B", "A  B", "A\tB",
	"I think Tom", "Tom isn't Mary", "Tom ain't", "Tom'", "Tom' Mary", "Tom'S Mary", "x'S", "'s Tom Mary",
	"A0 B0", "0A B", "the Hague Summit Declaration", "Tom, Mary", "Tom\u00a0Mary", "Tom Mary’s", "Tom é Mary",
	"Tom and and Mary", "Tom of the and Mary", "Tom of the Mary", "",
}

// TestNameRunPossible compares nameRunPossible with nameRuns: on ASCII
// texts it says yes exactly when nameRuns finds a run, on others always.
func TestNameRunPossible(t *testing.T) {
	texts := append([]string(nil), nameRunTexts...)
	texts = append(texts, tatoebaEnglish(t)...)
	for _, text := range texts {
		checkNameRunPossible(t, text)
	}
}

func checkNameRunPossible(t *testing.T, text string) {
	t.Helper()
	got := nameRunPossible(text)
	found := len(nameRuns(text)) > 0
	if found && !got {
		t.Fatalf("%q: nameRunPossible false, nameRuns %d runs", text, len(nameRuns(text)))
	}
	ascii := true
	for i := 0; i < len(text); i++ {
		ascii = ascii && text[i] < utf8.RuneSelf
	}
	if want := found || !ascii; got != want {
		t.Fatalf("%q: nameRunPossible %v, want %v", text, got, want)
	}
}

// FuzzNameRunPossible compares nameRunPossible with nameRuns on any text.
func FuzzNameRunPossible(f *testing.F) {
	for _, s := range nameRunTexts {
		f.Add(s)
	}
	f.Fuzz(checkNameRunPossible)
}

// TestNameRunPossibleConnectors checks what nameRunPossible assumes: the
// key of a connector is itself, and the spelling table holds none of
// them, so that no other word has a connector as its key.
func TestNameRunPossibleConnectors(t *testing.T) {
	for c := range nameConnectors {
		if k := nameKey(c); k != c {
			t.Errorf("key of connector %q is %q", c, k)
		}
	}
	f, err := os.Open("../../glossary/spelling/variants.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		for _, w := range strings.Fields(sc.Text()) {
			if nameConnectors[w] {
				t.Errorf("variants.tsv holds the connector %q: %s", w, sc.Text())
			}
			if k := nameKey(w); nameConnectors[k] {
				t.Errorf("key of %q is the connector %q", w, k)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// tatoebaEnglish returns the English sentences of the Tatoeba pairs in
// ../../../shared/data (see ../shared/README.md), or none when they are
// absent or under -short.
func tatoebaEnglish(tb testing.TB) []string {
	if testing.Short() {
		return nil
	}
	data, err := os.ReadFile("../../../shared/data/tatoeba_cmn_eng.tsv")
	if err != nil {
		return nil
	}
	var en []string
	for line := range strings.SplitSeq(string(data), "\n") {
		if f := strings.Split(line, "\t"); len(f) >= 3 {
			en = append(en, f[0])
		}
	}
	return en
}

// BenchmarkNameRuns finds the name runs of the English sentences of the
// Tatoeba pairs, one at a time with one nameRunner, as official-name does
// for the targets of a zh→en file.
func BenchmarkNameRuns(b *testing.B) {
	en := tatoebaEnglish(b)
	if len(en) == 0 {
		b.Skip("no Tatoeba pairs in ../../../shared/data")
	}
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		var r nameRunner
		for _, s := range en {
			r.nameRuns(s)
		}
	}
	b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
}
