package retranslate

import (
	"context"
	"fmt"
	"strings"

	"github.com/tqa-project/tqa/internal/links"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/reports"
)

// Verifier re-checks proposals with tqa's own checks.
type Verifier struct {
	// Checks and Config are those of the run that found the problems.
	Checks []*pipeline.Check
	Config *pipeline.Config
	// Reread, when set, returns segment seg of doc as its file would hold
	// it with target as its new target: written back and read again, so
	// that the checks see the new text with the format's own spans of
	// links and inline codes, and a text that cannot be written back is
	// rejected. When nil, the segment is copied with the new target, its
	// inline codes found again by their U+FFFC characters and its bare
	// URLs and e-mail addresses as the readers find them.
	Reread func(doc *pipeline.Document, seg int, target string) (pipeline.Segment, error)
}

// Verify checks proposed, a new target for segment seg of document doc
// (index docIndex in the run), which was meant to fix the findings fixes,
// and returns the proposal with its verdict. It is accepted when none of
// fixes is found again on the new text (a finding of the same check on
// the same text, on the same side) and the checks find nothing new at
// minor or above: nothing that they do not also find on the original
// segment checked alone. The segment is checked alone, in a copy of its
// document that holds only it, so context-free checks see it as in the
// run, and checks across segments cannot blame it for its neighbours.
func (v *Verifier) Verify(ctx context.Context, doc *pipeline.Document, docIndex, seg int, fixes []pipeline.Finding, proposed string) (reports.Proposal, error) {
	orig := &doc.Segments[seg]
	p := reports.Proposal{
		Doc: docIndex, Path: doc.Path, Segment: seg, ID: orig.ID,
		Original: orig.Target, Proposed: proposed,
		Fixes: fixes,
	}
	reject := func(reason string) (reports.Proposal, error) {
		p.Status = reports.Rejected
		p.Reasons = append(p.Reasons, reason)
		return p, nil
	}
	switch {
	case strings.TrimSpace(proposed) == "":
		return reject("the proposal is empty")
	case proposed == orig.Target:
		return reject("the proposal is the original text")
	}
	var next pipeline.Segment
	if v.Reread != nil {
		s, err := v.Reread(doc, seg, proposed)
		if err != nil {
			return reject("it cannot be written back: " + err.Error())
		}
		next = s
	} else {
		s, err := withTarget(orig, proposed)
		if err != nil {
			return reject(err.Error())
		}
		next = s
	}
	base, err := v.check(ctx, doc, *orig)
	if err != nil {
		return p, err
	}
	got, err := v.check(ctx, doc, next)
	if err != nil {
		return p, err
	}
	for _, f := range fixes {
		if i := indexOf(got, f); i >= 0 {
			p.Reasons = append(p.Reasons, fmt.Sprintf("keeps %s “%s” (%s): %s", f.Check, f.Text, f.Severity, got[i].Message))
		}
	}
	known := append([]pipeline.Finding{}, base...)
	for _, f := range fixes {
		if indexOf(base, f) < 0 {
			known = append(known, f)
		}
	}
	for _, f := range got {
		if f.Severity < pipeline.Minor {
			continue
		}
		if i := indexOf(known, f); i >= 0 {
			known = append(known[:i], known[i+1:]...) // each known finding excuses one
			continue
		}
		f.Doc, f.Path, f.Segment, f.ID = docIndex, doc.Path, seg, orig.ID
		p.Added = append(p.Added, f)
		p.Reasons = append(p.Reasons, fmt.Sprintf("adds %s “%s” (%s): %s", f.Check, f.Text, f.Severity, f.Message))
	}
	p.Status = reports.Accepted
	if len(p.Reasons) > 0 {
		p.Status = reports.Rejected
	}
	return p, nil
}

// check runs every check on s alone and returns its findings.
func (v *Verifier) check(ctx context.Context, doc *pipeline.Document, s pipeline.Segment) ([]pipeline.Finding, error) {
	alone := &pipeline.Document{
		Path: doc.Path, Format: doc.Format,
		SourceLang: doc.SourceLang, TargetLang: doc.TargetLang,
		Segments: []pipeline.Segment{s},
	}
	fs, err := pipeline.Run(ctx, []*pipeline.Document{alone}, v.Checks, v.Config)
	if err != nil {
		return nil, fmt.Errorf("retranslate: verify %s segment %s: %w", doc.Path, s.ID, err)
	}
	return fs, nil
}

// indexOf returns the index of the first finding of fs that is the same
// problem as f: the same check, side and flagged text.
func indexOf(fs []pipeline.Finding, f pipeline.Finding) int {
	for i := range fs {
		if fs[i].Check == f.Check && fs[i].Side == f.Side && fs[i].Text == f.Text {
			return i
		}
	}
	return -1
}

// withTarget returns a copy of s with target as its target: its inline
// codes are found again at their U+FFFC characters, which must be as many
// as before, and its links are found as the readers find them.
func withTarget(s *pipeline.Segment, target string) (pipeline.Segment, error) {
	n := s.Target
	out := *s
	out.Target = target
	out.TargetSkip = links.Find(target)
	var pos pipeline.Position
	if a := s.TargetLoc.Anchors; len(a) > 0 {
		pos = a[0].Pos
	}
	out.TargetLoc = pipeline.At(pos)
	if len(s.TargetCodes) == 0 && !strings.ContainsRune(target, pipeline.CodeRune) {
		return out, nil
	}
	var at []int
	for i, r := range target {
		if r == pipeline.CodeRune {
			at = append(at, i)
		}
	}
	if len(at) != len(s.TargetCodes) {
		return out, fmt.Errorf("the proposal has %d inline codes where the original has %d", len(at), strings.Count(n, string(pipeline.CodeRune)))
	}
	out.TargetCodes = make([]pipeline.Code, len(at))
	for i, off := range at {
		c := s.TargetCodes[i]
		c.Span = pipeline.Span{Start: off, End: off + len(string(pipeline.CodeRune))}
		out.TargetCodes[i] = c
	}
	return out, nil
}
