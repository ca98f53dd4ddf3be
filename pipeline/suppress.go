package pipeline

import "slices"

// SuppressAll in a Segment's Suppress list drops the findings of every
// check on the segment.
const SuppressAll = "all"

// Suppresses reports whether the segment's suppression comments drop the
// findings of the named check. Pass.Report drops them, before they reach
// any report, baseline or score; the check still runs and sees the
// segment, so that checks across segments (consistency) are unchanged.
//
// The readers of package corpus fill Suppress from comments in the
// files: <!-- tqa-disable CHECK,... --> and <!-- tqa-enable --> in
// Markdown, "# tqa-ignore: CHECK,..." translator comments in PO, and
// <note>tqa-ignore: CHECK,...</note> in XLIFF.
func (s *Segment) Suppresses(check string) bool {
	return slices.Contains(s.Suppress, check) || slices.Contains(s.Suppress, SuppressAll)
}
