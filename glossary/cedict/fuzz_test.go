package cedict

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics and that what it accepts is
// well formed: every field is non-empty valid UTF-8, and each entry written
// back as a line parses to the same entry.
func FuzzParse(f *testing.F) {
	sample, err := os.ReadFile("testdata/sample.u8")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(sample))
	f.Add("醞釀 酝酿 [yun4 niang4] /to brew/to mull over/\n")
	f.Add("# only a comment\n\n")
	f.Add("a b [c] //x//\n")
	f.Add("a b [c]/x/")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := Parse("f.u8", strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "cedict: f.u8: ") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for i := range d.Entries {
			e := &d.Entries[i]
			for _, s := range append([]string{e.Traditional, e.Simplified, e.Pinyin}, e.Glosses...) {
				if s == "" || !utf8.ValidString(s) {
					t.Fatalf("entry %d: empty or invalid field in %q", i, e.String())
				}
			}
			if len(d.Lookup(e.Simplified)) == 0 || len(d.Lookup(e.Traditional)) == 0 {
				t.Fatalf("entry %q: Lookup does not find it", e.String())
			}
			again, err := Parse("g.u8", strings.NewReader(e.String()))
			if err != nil {
				t.Fatalf("entry %q does not parse again: %v", e.String(), err)
			}
			if len(again.Entries) != 1 || again.Entries[0].String() != e.String() {
				t.Fatalf("entry %q parses again as %v", e.String(), again.Entries)
			}
		}
	})
}
