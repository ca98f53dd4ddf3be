package hugepage

import "testing"

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
