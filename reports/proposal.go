package reports

import (
	"fmt"

	"github.com/tqa-project/tqa/pipeline"
)

// ProposalStatus says whether tqa's checks accepted a proposed
// retranslation.
type ProposalStatus string

// Proposal statuses.
const (
	// Accepted: the findings the proposal was meant to fix are gone and it
	// adds none at minor or above.
	Accepted ProposalStatus = "accepted"
	// Rejected: the proposal keeps a finding it was meant to fix, adds a
	// new one, or could not be obtained; Reasons say which.
	Rejected ProposalStatus = "rejected"
)

// Proposal is a replacement text proposed for one side of one segment (the
// target of a bilingual segment, the text of a monolingual one) and the
// verdict of tqa's checks on it.
type Proposal struct {
	Doc     int    // index of the document in Report.Documents
	Path    string // the document's path
	Segment int    // index of the segment in its document
	ID      string // the segment's ID

	Original string // the text that was checked
	Proposed string // the text proposed in its place

	Status  ProposalStatus
	Reasons []string // why it was rejected (empty when accepted)
	Notes   string   // what the proposer said about its change, if anything
	Model   string   // the model that proposed it

	// Fixes are the findings on Original the proposal was meant to fix.
	Fixes []pipeline.Finding
	// Added are the findings the checks raised on Proposed.
	Added []pipeline.Finding
}

// checkProposals verifies what the writers rely on: every proposal points
// at a segment of the report and has a known status; the findings it was
// meant to fix are valid findings of that segment, and the findings added
// on the proposed text have valid spans into it (or into the segment's
// source, for source-side findings).
func (r *Report) checkProposals() error {
	for i := range r.Proposals {
		p := &r.Proposals[i]
		if err := r.checkProposal(p); err != nil {
			return fmt.Errorf("reports: proposal %d (%s segment %s): %w", i, p.Path, p.ID, err)
		}
	}
	if len(r.Digests) != 0 && len(r.Digests) != len(r.Documents) {
		return fmt.Errorf("reports: %d digests for %d documents", len(r.Digests), len(r.Documents))
	}
	return nil
}

func (r *Report) checkProposal(p *Proposal) error {
	if p.Doc < 0 || p.Doc >= len(r.Documents) {
		return fmt.Errorf("document index %d out of range (%d documents)", p.Doc, len(r.Documents))
	}
	d := r.Documents[p.Doc]
	if p.Segment < 0 || p.Segment >= len(d.Segments) {
		return fmt.Errorf("segment index %d out of range (%d segments)", p.Segment, len(d.Segments))
	}
	if p.Status != Accepted && p.Status != Rejected {
		return fmt.Errorf("unknown status %q", p.Status)
	}
	for j := range p.Fixes {
		if err := r.checkFinding(&p.Fixes[j]); err != nil {
			return fmt.Errorf("finding to fix %d: %w", j, err)
		}
	}
	seg := &d.Segments[p.Segment]
	for j, f := range p.Added {
		text := p.Proposed
		if f.Side == pipeline.Source {
			text = seg.Source
		}
		if f.Severity < pipeline.Neutral || f.Severity > pipeline.Critical {
			return fmt.Errorf("added finding %d: invalid severity %v", j, f.Severity)
		}
		if !f.Span.Valid(text) {
			return fmt.Errorf("added finding %d: invalid %s span %v (text of %d bytes)", j, f.Side, f.Span, len(text))
		}
	}
	return nil
}
