package glossary

import (
	"slices"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestNFCStable checks nfcStable against the normalisation tables: each
// rune it names is in NFC, has canonical combining class 0 and a
// normalisation boundary before it (it never combines with the character
// before it).
func TestNFCStable(t *testing.T) {
	n := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !nfcStable(r) {
			continue
		}
		n++
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("nfcStable(%U) = true, but NFC normal %v, combining class %d, boundary before %v",
				r, norm.NFC.IsNormalString(s), p.CCC(), p.BoundaryBefore())
		}
	}
	if n < 20000 {
		t.Errorf("only %d stable runes", n)
	}
}

// FuzzKeyBuild checks that build, with its fast paths, makes the same key
// and offsets as buildPlain, the version that checks the whole text
// after its first non-ASCII character.
func FuzzKeyBuild(f *testing.F) {
	for _, s := range []string{"北大西洋公约组织，简称北约。", "e\u0301 北约", "北\u0301约", "。\u0301", "“NATO’s” — 北约…",
		"ＮＡＴＯ，北约", "\u212b北", "北 \u0300", "a\xff北", "\u3099北", "北\u302a约", "Ça va"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, fold bool) {
		var got, want keyBuf
		got.build(text, fold)
		want.buildPlain(text, fold)
		if !slices.Equal(got.key, want.key) || !slices.Equal(got.start, want.start) || got.slow != want.slow ||
			(got.slow && !slices.Equal(got.end, want.end)) {
			t.Fatalf("build(%q, %v): key %q start %v slow %v; buildPlain: key %q start %v slow %v",
				text, fold, got.key, got.start, got.slow, want.key, want.start, want.slow)
		}
		for k := range got.key {
			if got.endOf(k) != want.endOf(k) {
				t.Fatalf("build(%q, %v): endOf(%d) = %d, buildPlain: %d", text, fold, k, got.endOf(k), want.endOf(k))
			}
		}
	})
}

// buildPlain is build as it was before its fast path for stable runes:
// the reference of FuzzKeyBuild.
func (kb *keyBuf) buildPlain(text string, fold bool) {
	kb.reset(text, fold, false)
	table := &asciiFold
	if !fold {
		table = &asciiExact
	}
	checked := false // whether the text is known to be in NFC
	for i := 0; i < len(text); {
		// ASCII runs: the common case, written by index into local
		// slices with room for one key byte per text byte.
		key, start := kb.key, kb.start
		j := len(key)
		if room := j + len(text) - i; cap(key) < room || cap(start) < room {
			key = slices.Grow(key, room-j)
			start = slices.Grow(start, room-j)
		}
		key, start = key[:cap(key)], start[:cap(start)]
		pending, pendingStart := kb.pending, kb.pendingStart
		for ; i < len(text); i++ {
			c := text[i]
			if c >= utf8.RuneSelf {
				break
			}
			k := table[c]
			if k == 0 {
				if !pending {
					pending, pendingStart = true, int32(i)
					kb.pendingHyphen = false
				}
				if c == '-' {
					kb.pendingHyphen = true
				}
				kb.pendingEnd = int32(i + 1)
				continue
			}
			if pending {
				pending = false
				if j > 0 {
					key[j], start[j] = ' ', pendingStart
					j++
				}
			}
			key[j], start[j] = k, int32(i)
			j++
		}
		kb.pending, kb.pendingStart = pending, pendingStart
		key, start = key[:j], start[:j]
		kb.key, kb.start = key, start
		if n := len(key); n > 0 && key[n-1] < utf8.RuneSelf {
			kb.last = rune(key[n-1])
		}
		if i == len(text) {
			break
		}
		if !checked {
			// The text before i is ASCII and text[i-1], if any, is a
			// starter, so the whole text is in NFC if text[i-1:] is.
			checked = true
			// QuickSpanString answers most texts without the
			// allocation IsNormalString costs; IsNormalString settles
			// the rest (a quick-check "maybe").
			if rest := text[max(i-1, 0):]; norm.NFC.QuickSpanString(rest) != len(rest) && !norm.NFC.IsNormalString(rest) {
				kb.buildSlow(text)
				return
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		kb.rune(r, int32(i), int32(i+size))
		i += size
	}
}
