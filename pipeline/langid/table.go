package langid

import (
	_ "embed"
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

// bmpScripts holds the Script of every code point of the Basic
// Multilingual Plane, one byte each (64 KiB). It is buildBMP's result,
// computed from the standard library's unicode.Scripts by
// TestBMPScriptTable and embedded, so that no program pays for building
// it: `go test ./pipeline/langid -run BMPScriptTable -update` writes it
// anew, and the test fails when it is stale (a Go release with a new
// version of Unicode).
//
//go:embed script_bmp.bin
var bmpScripts string

// scriptTables holds the lookup tables built from unicode.Scripts at first
// use: the names of the scripts and the ranges of the supplementary planes.
type scriptTables struct {
	astral []scriptRange // supplementary planes, sorted, non-overlapping
	names  []string      // Script value -> name
}

type scriptRange struct {
	lo, hi rune
	s      Script
}

// tables returns the lookup tables, building them on first use (a few
// hundred ranges and names).
var tables = sync.OnceValue(buildTables)

// scriptValues numbers the scripts of unicode.Scripts: the named
// constants first, then the others in the order of their names. It
// returns each Script's name and each unicode.Scripts name's Script.
func scriptValues() (names []string, byName map[string]Script) {
	names = make([]string, numNamed)
	byName = make(map[string]Script, len(unicode.Scripts))
	for s := Script(0); s < numNamed; s++ {
		byName[namedScripts[s].name] = s
		names[s] = namedScripts[s].name
	}
	var others []string
	for name := range unicode.Scripts {
		if _, ok := byName[name]; !ok {
			others = append(others, name)
		}
	}
	slices.Sort(others)
	for _, name := range others {
		byName[name] = Script(len(names))
		names = append(names, strings.ReplaceAll(name, "_", " "))
	}
	return names, byName
}

func buildTables() *scriptTables {
	t := &scriptTables{}
	var byName map[string]Script
	t.names, byName = scriptValues()
	for name, rt := range unicode.Scripts {
		s := byName[name]
		if s == Common {
			continue // the zero value already
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
	slices.SortFunc(t.astral, func(a, b scriptRange) int { return int(a.lo - b.lo) })
	return t
}

// buildBMP computes bmpScripts: the Script of every code point of the
// Basic Multilingual Plane by unicode.Scripts, Common where it names none.
func buildBMP() []byte {
	bmp := make([]byte, 0x10000)
	_, byName := scriptValues()
	for name, rt := range unicode.Scripts {
		s := byName[name]
		for _, r := range rt.R16 {
			for c := int(r.Lo); c <= int(r.Hi); c += int(r.Stride) {
				bmp[c] = byte(s)
			}
		}
	}
	// The prolonged sound mark lengthens the kana before it: it joins that
	// kana's run like a combining mark (see the package documentation).
	bmp[0x30FC] = byte(Inherited)
	bmp[0xFF70] = byte(Inherited)
	return bmp
}

// lookup returns the script of a non-ASCII rune.
func (t *scriptTables) lookup(r rune) Script {
	if r < 0x10000 {
		return Script(bmpScripts[r])
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
