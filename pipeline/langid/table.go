package langid

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// asciiScript classifies the ASCII bytes: letters are Latin, the rest
// (digits, punctuation, controls, space) Common.
var asciiScript = func() (t [utf8.RuneSelf]Script) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = Latin
		t[c+'a'-'A'] = Latin
	}
	return t
}()

// scriptTables holds the lookup tables built from unicode.Scripts.
type scriptTables struct {
	bmp    [0x10000]Script // every code point of the Basic Multilingual Plane
	astral []scriptRange   // supplementary planes, sorted, non-overlapping
	names  []string        // Script value -> name
}

type scriptRange struct {
	lo, hi rune
	s      Script
}

// tables returns the lookup tables, building them on first use (about
// 110 KiB in all; a fifth of a millisecond on the benchmark machine).
var tables = sync.OnceValue(buildTables)

func buildTables() *scriptTables {
	t := &scriptTables{names: make([]string, numNamed)}
	byName := make(map[string]Script, numNamed)
	for s := Script(0); s < numNamed; s++ {
		byName[namedScripts[s].name] = s
		t.names[s] = namedScripts[s].name
	}
	var others []string
	for name := range unicode.Scripts {
		if _, ok := byName[name]; !ok {
			others = append(others, name)
		}
	}
	slices.Sort(others)
	for _, name := range others {
		byName[name] = Script(len(t.names))
		t.names = append(t.names, strings.ReplaceAll(name, "_", " "))
	}
	for name, rt := range unicode.Scripts {
		s := byName[name]
		if s == Common {
			continue // the zero value already
		}
		for _, r := range rt.R16 {
			for c := int(r.Lo); c <= int(r.Hi); c += int(r.Stride) {
				t.bmp[c] = s
			}
		}
		for _, r := range rt.R32 {
			if r.Stride == 1 {
				t.astral = append(t.astral, scriptRange{rune(r.Lo), rune(r.Hi), s})
				continue
			}
			for c := r.Lo; c <= r.Hi; c += r.Stride {
				t.astral = append(t.astral, scriptRange{rune(c), rune(c), s})
			}
		}
	}
	// The prolonged sound mark lengthens the kana before it: it joins that
	// kana's run like a combining mark (see the package documentation).
	t.bmp[0x30FC] = Inherited
	t.bmp[0xFF70] = Inherited
	slices.SortFunc(t.astral, func(a, b scriptRange) int { return int(a.lo - b.lo) })
	return t
}

// lookup returns the script of a non-ASCII rune.
func (t *scriptTables) lookup(r rune) Script {
	if r < 0x10000 {
		return t.bmp[r]
	}
	a := t.astral
	lo, hi := 0, len(a)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < a[m].lo:
			hi = m
		case r > a[m].hi:
			lo = m + 1
		default:
			return a[m].s
		}
	}
	return Common
}

// Of returns the script of one rune: Common for runes of no script
// (including utf8.RuneError and unassigned code points), Inherited for
// combining marks and for the prolonged sound mark ー (see the package
// documentation).
func Of(r rune) Script {
	if r < utf8.RuneSelf {
		if r < 0 {
			return Common
		}
		return asciiScript[r]
	}
	if r > unicode.MaxRune {
		return Common
	}
	return tables().lookup(r)
}
