package reports

import "github.com/tqa-project/tqa/pipeline"

// JSONProposal is a new target proposed for one segment, and the verdict
// of tqa's checks on it.
type JSONProposal struct {
	// Path and Segment name the segment, as in JSONFinding.
	Path    string `json:"path"`
	Segment string `json:"segment"`
	// Original is the segment's target as it was checked.
	Original string `json:"original"`
	// Proposal is the new target proposed in its place; empty when no
	// usable proposal was obtained (the reasons say why).
	Proposal string `json:"proposal"`
	// Status is "accepted" (the findings it was meant to fix are gone and
	// the checks find nothing new at minor or above) or "rejected".
	Status string `json:"status"`
	// Reasons say why a proposal was rejected; empty when accepted.
	Reasons []string `json:"reasons"`
	// Model is the model that proposed it.
	Model string `json:"model"`
	// Notes is what the model said about its change, if anything.
	Notes string `json:"notes"`
	// Fixes are the findings on the original that the proposal was meant
	// to fix; Start and End index the original's side.
	Fixes []JSONProposalFinding `json:"fixes"`
	// Added are the findings the checks raised on the proposal that the
	// original did not have; on the target side, Start and End index the
	// proposal.
	Added []JSONProposalFinding `json:"added"`
}

// JSONProposalFinding is a finding of a proposal: on the original it was
// meant to fix, or on the proposed text.
type JSONProposalFinding struct {
	Check    string `json:"check"`
	Severity string `json:"severity"`
	Side     string `json:"side"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Message  string `json:"message"`
}

func jsonProposals(r *Report) []JSONProposal {
	out := make([]JSONProposal, len(r.Proposals))
	for i := range r.Proposals {
		p := &r.Proposals[i]
		jp := JSONProposal{
			Path:     r.Documents[p.Doc].Path,
			Segment:  r.Documents[p.Doc].Segments[p.Segment].ID,
			Original: p.Original,
			Proposal: p.Proposed,
			Status:   string(p.Status),
			Reasons:  append([]string{}, p.Reasons...),
			Model:    p.Model,
			Notes:    p.Notes,
			Fixes:    jsonProposalFindings(p.Fixes),
			Added:    jsonProposalFindings(p.Added),
		}
		out[i] = jp
	}
	return out
}

func jsonProposalFindings(fs []pipeline.Finding) []JSONProposalFinding {
	out := make([]JSONProposalFinding, len(fs))
	for i, f := range fs {
		out[i] = JSONProposalFinding{
			Check: f.Check, Severity: f.Severity.String(), Side: f.Side.String(),
			Start: f.Span.Start, End: f.Span.End, Text: f.Text, Message: f.Message,
		}
	}
	return out
}
