package checks

import (
	"slices"
	"strings"
	"testing"
)

// TestSortedLines checks search and contains on small lists: with and
// without a header, a final newline, or lines.
func TestSortedLines(t *testing.T) {
	tests := []struct {
		list string
		in   []string
		out  []string
	}{
		{"", nil, []string{"", "a"}},
		{"# header\n", nil, []string{"", "a", "# header"}},
		{"# header\n# more\nbao\nfen\n", []string{"bao", "fen"}, []string{"", "ba", "baoa", "c", "fe", "fenx", "# more"}},
		{"a\nb\nc", []string{"a", "b", "c"}, []string{"", "aa", "bb", "d"}},
		{"ab\nabc\nabd\nb", []string{"ab", "abc", "abd", "b"}, []string{"a", "abca", "abe", "ac"}},
	}
	for _, tt := range tests {
		s := sortedLines(tt.list)
		for _, w := range tt.in {
			if !s.contains(w) {
				t.Errorf("%q: contains(%q) = false", tt.list, w)
			}
		}
		for _, w := range tt.out {
			if s.contains(w) {
				t.Errorf("%q: contains(%q) = true", tt.list, w)
			}
		}
	}
}

// FuzzSortedLines checks search, contains and withFirstWord against a
// plain scan, on lists made of the sorted distinct non-empty lines of the
// input without control characters, after a header, looked up with each
// line, each first word and the probe.
func FuzzSortedLines(f *testing.F) {
	f.Add("bao\nfen\nfen a\nfen b c\nfena", "fen")
	f.Add("a cappella\na priori\nab initio\n", "a")
	f.Add("x", "")
	f.Add("fen \nfen\x10", "0") // a control character sorts before the space
	f.Fuzz(func(t *testing.T, data, probe string) {
		lines := slices.DeleteFunc(strings.Split(data, "\n"), func(l string) bool {
			return l == "" || l[0] == '#' || strings.ContainsFunc(l, func(r rune) bool { return r < ' ' })
		})
		slices.Sort(lines)
		lines = slices.Compact(lines)
		s := sortedLines("# a header\n#\n" + strings.Join(lines, "\n"))
		keys := []string{probe}
		for _, l := range lines {
			first, _, _ := strings.Cut(l, " ")
			keys = append(keys, l, first)
		}
		for _, key := range keys {
			if got, want := s.contains(key), slices.Contains(lines, key); got != want {
				t.Fatalf("%q: contains(%q) = %v, want %v", s, key, got, want)
			}
			if strings.Contains(key, " ") {
				continue // not a word
			}
			var want []string
			for _, l := range lines {
				if first, _, _ := strings.Cut(l, " "); first == key {
					want = append(want, l)
				}
			}
			if got := slices.Collect(s.withFirstWord(key)); !slices.Equal(got, want) {
				t.Fatalf("%q: withFirstWord(%q) = %q, want %q", s, key, got, want)
			}
		}
	})
}
