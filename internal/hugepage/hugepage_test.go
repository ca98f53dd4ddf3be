package hugepage

import (
	"reflect"
	"testing"
	"unsafe"
)

// TestAdviseKeepsContents checks that Advise changes no element, whatever
// the size of the array (none, too small for a huge page, large) and
// whether it is full or has room left.
func TestAdviseKeepsContents(t *testing.T) {
	for _, tc := range []struct {
		name     string
		len, cap int
	}{
		{"nil", 0, 0},
		{"small", 100, 100},
		{"just under two pages", 2*Size/8 - 1, 2*Size/8 - 1},
		{"large", 5 * Size / 8, 5 * Size / 8},
		{"large with room", 3 * Size / 8, 5 * Size / 8},
		{"large capacity, empty", 0, 5 * Size / 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := make([]uint64, tc.len, tc.cap)
			for i := range s {
				s[i] = uint64(i) * 7
			}
			Advise(s)
			for i := range s {
				if s[i] != uint64(i)*7 {
					t.Fatalf("element %d = %d after Advise, want %d", i, s[i], i*7)
				}
			}
			s = s[:cap(s)]
			for i := range s {
				s[i] = 1 // the whole array stays writable
			}
		})
	}
}

// TestAlignedRange checks the range that Advise marks: the whole huge
// pages inside the array, none for an array that holds none.
func TestAlignedRange(t *testing.T) {
	for _, tc := range []struct {
		start, size uintptr
		lo, hi      uintptr // 0, 0: nothing
	}{
		{0, 2 * Size, 0, 2 * Size},
		{4096, 2 * Size, Size, 2 * Size},
		{4096, 3*Size - 4096, Size, 3 * Size},
		{4096, 2*Size - 4096, 0, 0}, // under 4 MB
		{Size + 1, 2 * Size, 2 * Size, 3 * Size},
	} {
		lo, hi, ok := alignedRange(tc.start, tc.size)
		if !ok {
			lo, hi = 0, 0
		}
		if lo != tc.lo || hi != tc.hi {
			t.Errorf("alignedRange(%#x, %#x) = [%#x, %#x), want [%#x, %#x)", tc.start, tc.size, lo, hi, tc.lo, tc.hi)
		}
	}
}

// TestMake checks the arrays that Make returns: their length, that they
// are writable and zeroed, and that large arrays of pointer-free elements
// start at a huge page boundary (others may, by chance).
func TestMake(t *testing.T) {
	type anchor struct{ off, offset, line, col int }
	type withString struct {
		s string
		n int
	}
	check := func(t *testing.T, n int, start uintptr, aligned bool, zero func(i int) bool) {
		t.Helper()
		for i := range n {
			if !zero(i) {
				t.Fatalf("element %d is not zero", i)
			}
		}
		if aligned && start%Size != 0 {
			t.Errorf("array at %#x does not start at a huge page boundary", start)
		}
	}
	t.Run("bytes", func(t *testing.T) {
		for _, n := range []int{0, 1, MinMake - 1, MinMake, 3*Size + 5} {
			s := Make[byte](n)
			if len(s) != n || cap(s) != n {
				t.Fatalf("Make(%d): len %d cap %d", n, len(s), cap(s))
			}
			var start uintptr
			if n > 0 {
				start = uintptr(unsafe.Pointer(&s[0]))
			}
			check(t, n, start, n >= MinMake, func(i int) bool { return s[i] == 0 })
			for i := range s {
				s[i] = byte(i)
			}
		}
	})
	t.Run("structs without pointers", func(t *testing.T) {
		n := MinMake/32 + 7
		s := Make[anchor](n)
		if len(s) != n {
			t.Fatalf("len %d, want %d", len(s), n)
		}
		check(t, n, uintptr(unsafe.Pointer(&s[0])), true, func(i int) bool { return s[i] == anchor{} })
		for i := range s {
			s[i] = anchor{i, i, i, i}
		}
	})
	t.Run("structs with pointers", func(t *testing.T) {
		n := MinMake/24 + 3
		s := Make[withString](n)
		if len(s) != n || cap(s) != n {
			t.Fatalf("len %d cap %d, want %d", len(s), cap(s), n)
		}
		check(t, n, uintptr(unsafe.Pointer(&s[0])), false, func(i int) bool { return s[i] == withString{} })
	})
}

func TestHasPointers(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want bool
	}{
		{0, false}, {byte(0), false}, {1.5, false},
		{struct{ a, b int }{}, false},
		{[4]struct{ a int32 }{}, false},
		{"", true}, {[]int(nil), true}, {(*int)(nil), true}, {map[int]int(nil), true},
		{struct {
			a int
			s string
		}{}, true},
		{[0]*int{}, false},
		{[2]*int{}, true},
	} {
		if got := hasPointers(reflect.TypeOf(tc.v)); got != tc.want {
			t.Errorf("hasPointers(%T) = %v, want %v", tc.v, got, tc.want)
		}
	}
}
