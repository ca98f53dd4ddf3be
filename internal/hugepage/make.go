package hugepage

import (
	"reflect"
	"unsafe"
)

// MinMake is the size from which Make aligns an array to a huge page: a
// smaller one is made as make makes it.
const MinMake = 1 << 20

// Make returns a new slice of length and capacity n whose array starts at
// a huge page boundary and is marked for huge pages (see Advise), for an
// array of MinMake bytes or more of an element type that holds no
// pointers; otherwise it returns make([]E, n).
//
// To start the array at a boundary, Make allocates up to Size bytes more
// and leaves those in front of the array unused. They cost no memory: the
// kernel maps a page only when it is first touched, and the collector
// does not read an array without pointers. (It would read them in an
// array with pointers, which is why those are made as make makes them;
// Advise still marks the huge pages inside them.) Go counts them in the
// heap's size, which only delays the next collection a little.
//
// Unlike Advise, Make marks the last huge page even where the array ends
// inside it: an array of 1.5 MB takes one huge page of 2 MB, one page
// fault instead of 384.
func Make[E any](n int) []E {
	var e E
	size := unsafe.Sizeof(e)
	if size == 0 || uintptr(n) < MinMake/size || hasPointers(reflect.TypeFor[E]()) {
		return make([]E, n)
	}
	pad := int((Size + size - 1) / size)
	all := make([]E, n+pad)
	base := uintptr(unsafe.Pointer(unsafe.SliceData(all)))
	lo := (base + Size - 1) &^ (Size - 1)
	skip := int((lo - base + size - 1) / size) // whole elements before the boundary
	s := all[skip : skip+n : skip+n]
	end := base + uintptr(skip+n)*size
	hi := (end + Size - 1) &^ (Size - 1)
	if allEnd := base + uintptr(len(all))*size; hi > allEnd {
		hi = end &^ (Size - 1) // the last huge page would reach past the allocation
	}
	if hi > lo {
		advise(unsafe.Add(unsafe.Pointer(unsafe.SliceData(all)), lo-base), hi-lo)
	}
	return s
}

// hasPointers reports whether values of type t hold pointers that the
// collector follows.
func hasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	}
	return true
}
