package worddiff

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"US is酝酿 Leaving NATO", []string{"US", " ", "is", "酝", "酿", " ", "Leaving", " ", "NATO"}},
		{"the Alliance’s 32 members,  today.", []string{"the", " ", "Alliance", "’", "s", " ", "32", " ", "members", ",", "  ", "today", "."}},
		{"NATO-led", []string{"NATO", "-", "led"}},
		{"北约峰会在Brussels举行。", []string{"北", "约", "峰", "会", "在", "Brussels", "举", "行", "。"}},
		{"サミットは東京", []string{"サ", "ミ", "ッ", "ト", "は", "東", "京"}},
		{"정상회담 개최", []string{"정", "상", "회", "담", " ", "개", "최"}},
		{"Café crème", []string{"Café", " ", "crème"}},                         // precomposed
		{"Cafe\u0301 cre\u0300me", []string{"Cafe\u0301", " ", "cre\u0300me"}}, // combining marks stay in the word
		{"Москва и Париж", []string{"Москва", " ", "и", " ", "Париж"}},
		{"a\u00a0b\u3000c", []string{"a", "\u00a0", "b", "\u3000", "c"}},
		{"x\uFFFCy", []string{"x", "\uFFFC", "y"}},
		{"ok\xffno", []string{"ok", "\xff", "no"}},
		{"ไทย", []string{"ไ", "ท", "ย"}},
		{"\r\n\r\n", []string{"\r\n\r\n"}},
	}
	for _, tt := range tests {
		got := Tokens(tt.in)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       []Chunk
	}{
		{"both empty", "", "", nil},
		{"equal", "NATO", "NATO", []Chunk{{Equal, "NATO"}}},
		{"insert all", "", "NATO", []Chunk{{Insert, "NATO"}}},
		{"delete all", "NATO", "", []Chunk{{Delete, "NATO"}}},
		{
			"headline", "US is酝酿 Leaving NATO", "US is mulling leaving NATO",
			[]Chunk{{Equal, "US is"}, {Delete, "酝酿 Leaving"}, {Insert, " mulling leaving"}, {Equal, " NATO"}},
		},
		{
			"whole words, not letters", "collective defense", "collective defence",
			[]Chunk{{Equal, "collective "}, {Delete, "defense"}, {Insert, "defence"}},
		},
		{
			"one punctuation mark", "capabilities ~ strategic lift", "capabilities — strategic lift",
			[]Chunk{{Equal, "capabilities "}, {Delete, "~"}, {Insert, "—"}, {Equal, " strategic lift"}},
		},
		{
			"Chinese by character", "北约成立于一九四九年。", "北约成立于1949年。",
			[]Chunk{{Equal, "北约成立于"}, {Delete, "一九四九"}, {Insert, "1949"}, {Equal, "年。"}},
		},
		{
			"separate changes", "the big red dog", "the small red cat",
			[]Chunk{{Equal, "the "}, {Delete, "big"}, {Insert, "small"}, {Equal, " red "}, {Delete, "dog"}, {Insert, "cat"}},
		},
		{
			"a phrase rewritten", "a b c", "x y z",
			[]Chunk{{Delete, "a b c"}, {Insert, "x y z"}},
		},
		{
			"words moved", "Article V of the Treaty", "the Treaty's Article 5",
			nil, // checked by the invariants only: several shortest scripts exist
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(tt.a, tt.b)
			checkDiff(t, tt.a, tt.b, got)
			if tt.want != nil || tt.a == tt.b && tt.a == "" {
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("Diff(%q, %q) =\n  %v\nwant\n  %v", tt.a, tt.b, got, tt.want)
				}
			}
		})
	}
}

// checkDiff checks what the diff of a and b must hold (see checkChunks),
// that no white space alone is kept between two changes, and that the
// shortest script under it keeps as many tokens as the longest common
// subsequence of the two token sequences has.
func checkDiff(t *testing.T, a, b string, cs []Chunk) {
	t.Helper()
	checkChunks(t, a, b, cs)
	for i := 1; i+1 < len(cs); i++ {
		if cs[i].Op == Equal && strings.TrimSpace(cs[i].Text) == "" {
			t.Fatalf("Diff(%q, %q): chunk %d keeps only white space %q between two changes", a, b, i, cs[i].Text)
		}
	}
	raw := shortest(a, b)
	checkChunks(t, a, b, raw)
	ta, tb := Tokens(a), Tokens(b)
	if len(ta)*len(tb) <= 1<<16 {
		kept := 0
		for _, c := range raw {
			if c.Op == Equal {
				kept += len(Tokens(c.Text))
			}
		}
		if want := lcs(ta, tb); kept != want {
			t.Fatalf("shortest(%q, %q) keeps %d tokens, the longest common subsequence has %d", a, b, kept, want)
		}
	}
}

// checkChunks checks what every list of chunks from a to b must hold: it
// gives both texts back, it has no empty chunk and no two neighbours of one
// operation, each run of changes is a deletion then an insertion, and
// chunks hold whole tokens.
func checkChunks(t *testing.T, a, b string, cs []Chunk) {
	t.Helper()
	if ga, gb := Texts(cs); ga != a || gb != b {
		t.Fatalf("Diff(%q, %q) = %v gives back %q and %q", a, b, cs, ga, gb)
	}
	for i, c := range cs {
		if c.Text == "" {
			t.Fatalf("Diff(%q, %q): chunk %d is empty", a, b, i)
		}
		if i > 0 {
			prev := cs[i-1].Op
			if prev == c.Op {
				t.Fatalf("Diff(%q, %q): chunks %d and %d are both %v", a, b, i-1, i, c.Op)
			}
			if prev == Insert && c.Op == Delete {
				t.Fatalf("Diff(%q, %q): an insertion before a deletion at chunk %d", a, b, i)
			}
		}
	}
	// Whole tokens: every chunk boundary is a token boundary of its text.
	ta, tb := Tokens(a), Tokens(b)
	bounds := func(toks []string) map[int]bool {
		m, off := map[int]bool{0: true}, 0
		for _, tok := range toks {
			off += len(tok)
			m[off] = true
		}
		return m
	}
	ba, bb := bounds(ta), bounds(tb)
	offA, offB := 0, 0
	for i, c := range cs {
		if c.Op != Insert {
			offA += len(c.Text)
			if !ba[offA] {
				t.Fatalf("Diff(%q, %q): chunk %d ends inside a token of the first text (byte %d)", a, b, i, offA)
			}
		}
		if c.Op != Delete {
			offB += len(c.Text)
			if !bb[offB] {
				t.Fatalf("Diff(%q, %q): chunk %d ends inside a token of the second text (byte %d)", a, b, i, offB)
			}
		}
	}
}

// lcs is the length of the longest common subsequence of two token
// sequences, by dynamic programming.
func lcs(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestDiffMaxTokens(t *testing.T) {
	words := func(n int, changed map[int]string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			if w, ok := changed[i]; ok {
				b.WriteString(w)
				continue
			}
			fmt.Fprintf(&b, "w%d", i)
		}
		return b.String()
	}
	// Just under the bound: an exact diff, two separate changes.
	n := MaxTokens / 4 // n words and n-1 spaces on each side
	a, b := words(n, nil), words(n, map[int]string{10: "x", n - 10: "y"})
	got := Diff(a, b)
	checkChunks(t, a, b, got)
	if len(got) != 7 {
		t.Errorf("Diff of %d tokens: %d chunks, want 7 (two replacements)", 2*(2*n-1), len(got))
	}
	// Over it: the middle is replaced whole.
	n = MaxTokens/4 + 1
	a, b = words(n, nil), words(n, map[int]string{10: "x", n - 10: "y"})
	got = Diff(a, b)
	checkChunks(t, a, b, got)
	want := []Chunk{
		{Equal, words(10, nil) + " "},
		{Delete, a[len(words(10, nil))+1 : len(a)-len(strings.Join(Tokens(a)[2*(n-10)+1:], ""))]},
	}
	if len(got) != 4 || got[0] != want[0] || got[1] != want[1] || got[2].Op != Insert || got[3].Op != Equal {
		t.Errorf("Diff of %d tokens = %d chunks starting %.60q, want the common beginning and end kept and the middle replaced", 2*(2*n-1), len(got), got)
	}
}

func TestOpString(t *testing.T) {
	for op, want := range map[Op]string{Equal: "equal", Delete: "delete", Insert: "insert", 7: "Op(7)"} {
		if got := op.String(); got != want {
			t.Errorf("Op(%d).String() = %q, want %q", op, got, want)
		}
	}
}

func FuzzDiff(f *testing.F) {
	seeds := [][2]string{
		{"US is酝酿 Leaving NATO", "US is mulling leaving NATO"},
		{"collective defense", "collective defence"},
		{"北约成立于一九四九年。", "北约成立于1949年。"},
		{"a b a b a", "b a b"},
		{"Cafe\u0301", "Café"},
		{"ok\xffno", "ok\xfeno"},
		{"", "x"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if strings.Join(Tokens(a), "") != a {
			t.Fatalf("Tokens(%q) does not join back to it", a)
		}
		checkDiff(t, a, b, Diff(a, b))
	})
}
