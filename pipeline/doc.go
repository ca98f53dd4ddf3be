// Package pipeline holds tqa's core types and runs checks over documents.
//
// A Document is a list of Segments; each Segment has a target text and,
// for bilingual documents, a source text. A Check inspects documents
// through a Pass and reports Findings. Every finding points at a half-open
// byte range (a Span) of one side of one segment; line and column are
// computed from the segment's Locator only when a report is printed, so a
// finding never has to be found again by searching the text.
//
// Run applies a list of checks to a list of documents and returns the
// findings sorted in a stable order, so that the same input always gives
// the same report.
//
// A Config can make a run resumable and robust: its Cache gives the
// findings of documents checked in an earlier run (only run-scoped checks
// then see them again), and with DocumentFailed set, a check that fails or
// panics on one document fails that document, named with the check and
// the segment, while the others are still checked.
package pipeline
