package checks

import "golang.org/x/text/language"

// lastTag remembers what a check works out from a segment's language tag
// (whether it is English, which punctuation rules apply) for the last tag
// it was asked about: the segments of a document mostly share one tag,
// and comparing two tags costs less than factsOf's search of the tags it
// keeps, which checks would otherwise pay once a segment, several times
// for some.
type lastTag[T any] struct {
	of  func(language.Tag) T // a function of the tag alone
	tag language.Tag
	val T
	set bool
}

// get returns l.of(tag), worked out again only when tag differs from the
// last one.
func (l *lastTag[T]) get(tag language.Tag) T {
	if !l.set || l.tag != tag {
		l.tag, l.val, l.set = tag, l.of(tag), true
	}
	return l.val
}
