package reports

import "github.com/tqa-project/tqa/pipeline"

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
