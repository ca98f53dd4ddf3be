package reports

import (
	"io"
	"testing"
)

func BenchmarkWriteHTML(b *testing.B) {
	r, size := benchReport(10000)
	b.SetBytes(int64(size))
	for b.Loop() {
		if err := WriteHTML(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteHTMLProposals writes a report with 1,000 proposals, each
// diffed word by word.
func BenchmarkWriteHTMLProposals(b *testing.B) {
	base := htmlProposalsReport()
	r := *base
	r.Proposals = nil
	for range 1000 / len(base.Proposals) {
		r.Proposals = append(r.Proposals, base.Proposals...)
	}
	size := 0
	for _, p := range r.Proposals {
		size += len(p.Original) + len(p.Proposed)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		if err := WriteHTML(io.Discard, &r); err != nil {
			b.Fatal(err)
		}
	}
}
