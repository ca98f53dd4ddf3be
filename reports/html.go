package reports

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tqa-project/tqa/internal/worddiff"
	"github.com/tqa-project/tqa/pipeline"
)

// The page, its style sheet and its script: files of html/ in this
// package, embedded so that the report is one file with no external
// assets.
var (
	//go:embed html/report.html.tmpl
	htmlPageText string
	//go:embed html/report.css
	htmlCSS string
	//go:embed html/report.js
	htmlJS string
)

// htmlPage is the page's template, parsed when first needed rather than
// when the program starts (about a millisecond): most runs write no HTML.
var htmlPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Parse(htmlPageText))
})

// htmlCSP returns the Content-Security-Policy of the page: nothing may be
// loaded from anywhere, and only the page's own style sheet and script,
// named by their SHA-256 hashes, may run. Should text from a report ever
// get past the escaping, the browser would still refuse to run it.
var htmlCSP = sync.OnceValue(func() string {
	return "default-src 'none'; style-src '" + cspHash(htmlCSS) + "'; script-src '" + cspHash(htmlJS) +
		"'; img-src data:; base-uri 'none'; form-action 'none'"
})

func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// How much of a segment the HTML report shows: all of a segment up to
// clip characters long; of a longer one, context characters on each side
// of the finding (or of a suggestion's edits), with "…" where text is left
// out.
var (
	findingWindow = windowSize{context: 160, clip: 480}
	fixWindow     = windowSize{context: 60, clip: 200}
)

type windowSize struct{ context, clip int }

// WriteHTML writes r as one self-contained HTML page for people: a
// summary of the run with the MQM score of each document and of the run,
// the findings grouped by document, each with its segment and the flagged
// text highlighted in context (the source beside it for bilingual
// segments) and its suggestions shown as edits, and the proposed
// retranslations with source, original and proposal side by side and a
// word-level diff (see internal/worddiff). The page filters the findings by
// severity, check and file, and moves between them with the keyboard (j
// and k, or the arrow keys); all of this is plain inline JavaScript.
//
// The page loads nothing: its style sheet and script are inline, and its
// Content-Security-Policy forbids any other resource. All text is escaped
// by html/template. The same report always gives the same bytes.
func WriteHTML(w io.Writer, r *Report) error {
	if err := r.check(); err != nil {
		return err
	}
	page := newHTMLPage(r)
	bw := bufio.NewWriter(w)
	if err := htmlPage().Execute(bw, page); err != nil {
		return fmt.Errorf("reports: write HTML report: %w", err)
	}
	return bw.Flush()
}

// The values the page template is executed with.
type (
	htmlPageData struct {
		Title         string
		Tool, Version string
		CSP           string
		CSS           template.CSS
		JS            template.JS

		Documents, Segments, Words, Findings int
		Severities                           []htmlSeverityCount // critical first
		SeverityBar                          []htmlBarPart
		Penalty, PerThousand                 string
		Accepted, Rejected                   int

		Docs      []htmlDoc
		Errors    []FileError
		Checks    []htmlCount
		Groups    []htmlGroup
		Proposals []htmlProposal
	}

	htmlSeverityCount struct {
		Name  string
		Count int
	}

	// htmlBarPart is one severity's part of the bar of the summary, in a
	// 0-1000 wide SVG.
	htmlBarPart struct {
		Name     string
		Count    int
		X, Width int
	}

	htmlCount struct {
		Name  string
		Count int
	}

	htmlDoc struct {
		Index                int
		Path, Format, Langs  string
		Segments, Words      int
		Findings             int
		Severities           []htmlSeverityCount // only those with findings, critical first
		Penalty, PerThousand string
	}

	htmlGroup struct {
		Doc      htmlDoc
		Findings []htmlFinding
	}

	htmlFinding struct {
		ID                  string // the element id, "f1"
		Severity, Check     string
		Category, Message   string
		Doc                 int
		Location            string // "line 3, column 7", or "" where unknown
		Segment             string // the segment's ID
		Side                string
		Target, Source      []htmlPiece // Source is nil for monolingual segments
		TargetLabel         string      // "Target" or "Text"
		Fixes               []htmlFix
		Proposal            string // the element id of the proposal for its segment, if any
		ProposalStatus      string
		Kind                string // the segment's kind when not a paragraph: "heading", ...
		SourceLang, TgtLang string
	}

	htmlFix struct {
		Message string
		Preview []htmlPiece
	}

	htmlProposal struct {
		ID                   string
		Doc                  int
		Path, Segment        string
		Location             string
		Status, Model, Notes string
		Reasons              []string
		Source               []htmlPiece // nil for monolingual segments
		Original, Proposed   []htmlPiece
		Fixes, Added         []htmlFindingLine
		Deleted, Inserted    int // words deleted and inserted, counted as MQM scoring counts them
	}

	htmlFindingLine struct {
		Severity, Check, Message string
	}

	// htmlPiece is a run of text and how the page shows it: Tag "" is
	// plain text, "mark" flagged text, "del" and "ins" deleted and inserted
	// text, "at" an empty span (a position, such as a missing space),
	// "code" an inline code of the file format, "gap" text left out.
	htmlPiece struct {
		Tag, Class, Title, Text string
	}
)

var severitiesDesc = []pipeline.Severity{pipeline.Critical, pipeline.Major, pipeline.Minor, pipeline.Neutral}

func newHTMLPage(r *Report) *htmlPageData {
	t := r.tally()
	p := &htmlPageData{
		Tool: r.Tool, Version: r.Version,
		CSP: htmlCSP(), CSS: template.CSS(htmlCSS), JS: template.JS(htmlJS),
		Documents: len(r.Documents), Segments: t.segments, Words: t.words, Findings: len(r.Findings),
		Penalty: formatScore(t.score.Penalty), PerThousand: formatScore(t.score.PerThousand),
		Errors: r.Errors,
	}
	p.Title = p.Tool + " report"
	if p.Tool == "" {
		p.Title = "Translation QA report"
	}
	p.Title += ": " + plural(len(r.Findings), "finding", "findings") + " in " + plural(len(r.Documents), "file", "files")

	x := 0
	for _, sev := range severitiesDesc {
		n := t.bySeverity[sev]
		p.Severities = append(p.Severities, htmlSeverityCount{sev.String(), n})
		if n > 0 {
			w := n * 1000 / len(r.Findings)
			p.SeverityBar = append(p.SeverityBar, htmlBarPart{Name: sev.String(), Count: n, X: x, Width: w})
			x += w
		}
	}
	if n := len(p.SeverityBar); n > 0 { // rounding: the last part fills the bar
		p.SeverityBar[n-1].Width = 1000 - p.SeverityBar[n-1].X
	}

	byCheck := map[string]int{}
	for i := range r.Findings {
		byCheck[r.Findings[i].Check]++
	}
	for name, n := range byCheck {
		p.Checks = append(p.Checks, htmlCount{name, n})
	}
	slices.SortFunc(p.Checks, func(a, b htmlCount) int { return cmp.Compare(a.Name, b.Name) })

	for i, d := range r.Documents {
		hd := htmlDoc{
			Index: i, Path: d.Path, Format: d.Format, Langs: langs(d),
			Segments: len(d.Segments), Words: t.docWords[i], Findings: len(t.docFindings[i]),
		}
		var bySev [pipeline.Critical + 1]int
		for _, f := range t.docFindings[i] {
			bySev[f.Severity]++
		}
		for _, sev := range severitiesDesc {
			if bySev[sev] > 0 {
				hd.Severities = append(hd.Severities, htmlSeverityCount{sev.String(), bySev[sev]})
			}
		}
		s := pipeline.ScoreOf(t.docFindings[i], t.docWords[i])
		hd.Penalty, hd.PerThousand = formatScore(s.Penalty), formatScore(s.PerThousand)
		p.Docs = append(p.Docs, hd)
	}

	// Proposals first, so that findings can link to them.
	type segKey struct{ doc, seg int }
	proposalOf := map[segKey]int{}
	for i := range r.Proposals {
		pr := &r.Proposals[i]
		hp := newHTMLProposal(r, pr, i)
		if hp.Status == string(Accepted) {
			p.Accepted++
		} else {
			p.Rejected++
		}
		k := segKey{pr.Doc, pr.Segment}
		if _, ok := proposalOf[k]; !ok {
			proposalOf[k] = i
		}
		p.Proposals = append(p.Proposals, hp)
	}

	n := 0
	for i := range r.Documents {
		if len(t.docFindings[i]) == 0 {
			continue
		}
		g := htmlGroup{Doc: p.Docs[i]}
		for j := range t.docFindings[i] {
			f := &t.docFindings[i][j]
			n++
			hf := newHTMLFinding(r, f, n)
			if k, ok := proposalOf[segKey{f.Doc, f.Segment}]; ok {
				hf.Proposal = p.Proposals[k].ID
				hf.ProposalStatus = p.Proposals[k].Status
			}
			g.Findings = append(g.Findings, hf)
		}
		p.Groups = append(p.Groups, g)
	}
	return p
}

// langs names a document's languages: "zh → en", or "en" when it has
// only targets.
func langs(d *pipeline.Document) string {
	tgt := d.TargetLang.String()
	if src := d.SourceLang.String(); src != "und" {
		return src + " → " + tgt
	}
	return tgt
}

func location(seg *pipeline.Segment, side pipeline.Side, off int) string {
	pos := seg.Locate(side, off)
	if pos.Line == 0 {
		return ""
	}
	return "line " + strconv.Itoa(pos.Line) + ", column " + strconv.Itoa(pos.Column)
}

func newHTMLFinding(r *Report, f *pipeline.Finding, n int) htmlFinding {
	_, seg := r.segment(f)
	hf := htmlFinding{
		ID:       "f" + strconv.Itoa(n),
		Severity: f.Severity.String(), Check: f.Check, Category: f.Category, Message: f.Message,
		Doc: f.Doc, Location: location(seg, f.Side, f.Span.Start), Segment: seg.ID, Side: f.Side.String(),
		TargetLabel: "Text",
	}
	if seg.Kind != pipeline.Paragraph {
		hf.Kind = seg.Kind.String()
	}
	flag := []annotation{{span: f.Span, tag: "mark", class: "sev-" + hf.Severity}}
	if seg.Bilingual() {
		hf.TargetLabel = "Target"
		hf.SourceLang, hf.TgtLang = seg.SourceLang.String(), seg.TargetLang.String()
		if f.Side == pipeline.Source {
			hf.Source = richText(seg.Source, window(seg.Source, f.Span, findingWindow), flag, seg.SourceCodes)
			hf.Target = richText(seg.Target, window(seg.Target, pipeline.Span{}, findingWindow), nil, seg.TargetCodes)
		} else {
			hf.Source = richText(seg.Source, window(seg.Source, pipeline.Span{}, findingWindow), nil, seg.SourceCodes)
			hf.Target = richText(seg.Target, window(seg.Target, f.Span, findingWindow), flag, seg.TargetCodes)
		}
	} else {
		hf.Target = richText(seg.Target, window(seg.Target, f.Span, findingWindow), flag, seg.TargetCodes)
	}
	text := seg.Text(f.Side)
	for _, fix := range f.Fixes {
		hf.Fixes = append(hf.Fixes, htmlFix{Message: fix.Message, Preview: fixPreview(text, fix)})
	}
	return hf
}

func newHTMLProposal(r *Report, pr *Proposal, i int) htmlProposal {
	d := r.Documents[pr.Doc]
	seg := &d.Segments[pr.Segment]
	hp := htmlProposal{
		ID: "p" + strconv.Itoa(i+1), Doc: pr.Doc, Path: pr.Path, Segment: pr.ID,
		Location: location(seg, pipeline.Target, 0),
		Status:   string(pr.Status), Model: pr.Model, Notes: pr.Notes, Reasons: pr.Reasons,
	}
	if hp.Path == "" {
		hp.Path = d.Path
	}
	if hp.Segment == "" {
		hp.Segment = seg.ID
	}
	var srcMarks, origMarks, propMarks []annotation
	flags := func(fs []pipeline.Finding, class string, target *[]annotation, lines *[]htmlFindingLine) {
		for _, f := range fs {
			a := annotation{span: f.Span, tag: "mark", class: class + " sev-" + f.Severity.String()}
			if f.Side == pipeline.Source {
				srcMarks = append(srcMarks, a)
			} else {
				*target = append(*target, a)
			}
			*lines = append(*lines, htmlFindingLine{Severity: f.Severity.String(), Check: f.Check, Message: f.Message})
		}
	}
	flags(pr.Fixes, "fixed", &origMarks, &hp.Fixes)
	flags(pr.Added, "added", &propMarks, &hp.Added)

	offA, offB := 0, 0
	for _, c := range worddiff.Diff(pr.Original, pr.Proposed) {
		switch c.Op {
		case worddiff.Equal:
			offA += len(c.Text)
			offB += len(c.Text)
		case worddiff.Delete:
			origMarks = append(origMarks, annotation{span: pipeline.Span{Start: offA, End: offA + len(c.Text)}, tag: "del"})
			offA += len(c.Text)
			hp.Deleted += pipeline.CountWords(c.Text)
		case worddiff.Insert:
			propMarks = append(propMarks, annotation{span: pipeline.Span{Start: offB, End: offB + len(c.Text)}, tag: "ins"})
			offB += len(c.Text)
			hp.Inserted += pipeline.CountWords(c.Text)
		}
	}
	whole := func(s string) span { return span{0, len(s)} }
	if seg.Bilingual() {
		hp.Source = richText(seg.Source, whole(seg.Source), srcMarks, seg.SourceCodes)
	}
	var codes []pipeline.Code // the inline codes of the original, when it is the segment's target
	if pr.Original == seg.Target {
		codes = seg.TargetCodes
	}
	hp.Original = richText(pr.Original, whole(pr.Original), origMarks, codes)
	hp.Proposed = richText(pr.Proposed, whole(pr.Proposed), propMarks, nil)
	return hp
}

// span is a half-open byte range of a text shown in the page.
type span struct{ start, end int }

// window returns the part of text the page shows around sp: all of it
// when it is at most size.clip characters long, else size.context
// characters on each side of the span (size.clip from the start when sp is
// empty at 0), cut at white space where there is some close by.
func window(text string, sp pipeline.Span, size windowSize) span {
	if utf8.RuneCountInString(text) <= size.clip {
		return span{0, len(text)}
	}
	start := sp.Start
	for n := 0; start > 0 && n < size.context; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	if start > 0 { // begin at a word: after the next space, if one is near
		if i := strings.IndexAny(text[start:sp.Start], " \n\t"); i >= 0 && i < 24 {
			start += i + 1
		}
	}
	end := sp.End
	reach := size.context
	if sp.Start == 0 && sp.End == 0 {
		reach = size.clip
	}
	for n := 0; end < len(text) && n < reach; n++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	if end < len(text) { // end at a word: before the last space, if one is near
		if i := strings.LastIndexAny(text[sp.End:end], " \n\t"); i >= 0 && end-(sp.End+i) < 24 {
			end = sp.End + i
		}
	}
	return span{start, end}
}

// annotation marks a span of a text for richText.
type annotation struct {
	span  pipeline.Span
	tag   string // "mark", "del" or "ins"
	class string
}

// richText returns the pieces that show text[win.start:win.end] with its
// annotations: where a diff and a finding overlap, the diff's tag carries
// the finding's class; an empty finding span is a position marker; each
// inline code is a labelled chip; "…" gaps mark text left out.
func richText(text string, win span, annots []annotation, codes []pipeline.Code) []htmlPiece {
	cuts := []int{win.start, win.end}
	for _, a := range annots {
		cuts = append(cuts, a.span.Start, a.span.End)
	}
	for _, c := range codes {
		cuts = append(cuts, c.Span.Start, c.Span.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	var out []htmlPiece
	if win.start > 0 {
		out = append(out, htmlPiece{Tag: "gap", Text: "…"})
	}
	codeAt := map[int]*pipeline.Code{}
	for i := range codes {
		codeAt[codes[i].Span.Start] = &codes[i]
	}
	for i, c := range cuts {
		if c < win.start || c > win.end {
			continue
		}
		// Position markers at c.
		for _, a := range annots {
			if a.span.Start == c && a.span.End == c && a.tag == "mark" {
				out = append(out, htmlPiece{Tag: "at", Class: a.class, Title: "here"})
			}
		}
		if i+1 >= len(cuts) || c >= win.end {
			continue
		}
		end := min(cuts[i+1], win.end)
		piece := htmlPiece{Text: visibleHTML(text[c:end])}
		var flag, diff string
		for _, a := range annots {
			if a.span.Start <= c && end <= a.span.End && a.span.Start < a.span.End {
				switch a.tag {
				case "mark":
					if flag == "" || severityRank(a.class) > severityRank(flag) {
						flag = a.class
					}
				default:
					diff = a.tag
				}
			}
		}
		switch {
		case diff != "":
			piece.Tag, piece.Class = diff, strings.TrimSpace("flag "+flag)
			if flag == "" {
				piece.Class = ""
			}
		case flag != "":
			piece.Tag, piece.Class = "mark", flag
		}
		if code := codeAt[c]; code != nil && code.Span.End == end {
			piece.Title = code.Data
			piece.Text = codeLabel(code)
			piece.Class = strings.TrimSpace("code " + piece.Class)
			if piece.Tag == "" {
				piece.Tag = "code"
			}
		}
		out = appendPiece(out, piece)
	}
	if win.end < len(text) {
		out = append(out, htmlPiece{Tag: "gap", Text: "…"})
	}
	return out
}

// appendPiece appends p, merging it into the last piece when both are
// plain text.
func appendPiece(ps []htmlPiece, p htmlPiece) []htmlPiece {
	if n := len(ps); n > 0 && p.Tag == "" && ps[n-1].Tag == "" && p.Title == "" && ps[n-1].Title == "" {
		ps[n-1].Text += p.Text
		return ps
	}
	return append(ps, p)
}

// severityRank orders the classes of flags: a span flagged by several
// findings takes the colour of the most severe.
func severityRank(class string) int {
	for i, sev := range severitiesDesc {
		if strings.Contains(class, "sev-"+sev.String()) {
			return len(severitiesDesc) - i
		}
	}
	return 0
}

// codeLabel is how the page shows an inline code: its element, marked as
// opening, closing or standalone.
func codeLabel(c *pipeline.Code) string {
	name := c.Type
	if name == "" {
		name = "code"
	}
	switch c.Kind {
	case pipeline.Open:
		return "<" + name + ">"
	case pipeline.Close:
		return "</" + name + ">"
	}
	return "<" + name + "/>"
}

// fixPreview shows a fix as edits of the text around them: the text each
// edit removes struck through, the text it inserts underlined.
func fixPreview(text string, fix pipeline.Fix) []htmlPiece {
	edits := slices.Clone(fix.Edits)
	slices.SortStableFunc(edits, func(a, b pipeline.Edit) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	if len(edits) == 0 {
		return nil
	}
	win := window(text, pipeline.Span{Start: edits[0].Span.Start, End: edits[len(edits)-1].Span.End}, fixWindow)
	var out []htmlPiece
	if win.start > 0 {
		out = append(out, htmlPiece{Tag: "gap", Text: "…"})
	}
	last := win.start
	for _, e := range edits {
		if e.Span.Start > last {
			out = appendPiece(out, htmlPiece{Text: visibleHTML(text[last:e.Span.Start])})
		}
		if e.Span.End > e.Span.Start {
			out = append(out, htmlPiece{Tag: "del", Text: visibleHTML(text[e.Span.Start:e.Span.End])})
		}
		if e.NewText != "" {
			out = append(out, htmlPiece{Tag: "ins", Text: visibleHTML(e.NewText)})
		}
		last = max(last, e.Span.End)
	}
	if win.end > last {
		out = appendPiece(out, htmlPiece{Text: visibleHTML(text[last:win.end])})
	}
	if win.end < len(text) {
		out = append(out, htmlPiece{Tag: "gap", Text: "…"})
	}
	return out
}

// visibleHTML makes text safe to show as the content of an element whose
// white space is kept: control characters other than tab, line feed and
// carriage return (which HTML reads as a line break) become their Unicode
// control pictures, and bytes that are not UTF-8 become U+FFFD.
// html/template escapes the rest.
func visibleHTML(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\n', '\t', '\r':
			b.WriteRune(r)
		default:
			show, _ := visible(r)
			b.WriteRune(show)
		}
	}
	return b.String()
}
