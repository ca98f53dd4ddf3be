package reports

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tqa-project/tqa/internal/worddiff"
	"github.com/tqa-project/tqa/pipeline"
)

// WriteMarkdown writes r as GitHub-flavoured Markdown, for a pull request
// comment or a CI job summary:
//
//   - a heading with the number of findings and files;
//   - a summary table: for the whole run and for each document, the
//     findings by severity, the words checked and the MQM score per 1,000
//     words;
//   - the inputs that could not be read;
//   - for each document with findings, a table of them: line and column,
//     severity, check, message, the flagged text and the first fix;
//   - the retranslations proposed for flagged segments (tqa check
//     --retranslate), each with its status, a word-level diff of the
//     original and the proposal (deleted words struck through, inserted
//     ones in bold) and, for a rejected one, the reasons.
//
// Text from the documents and the messages is escaped so that it shows
// as it is: Markdown and HTML in it are not interpreted, and it cannot
// break a table.
func WriteMarkdown(w io.Writer, r *Report) error {
	if err := r.check(); err != nil {
		return err
	}
	t := r.tally()
	bw := bufio.NewWriter(w)
	title := "no findings"
	if len(r.Findings) > 0 {
		title = plural(len(r.Findings), "finding", "findings")
	}
	fmt.Fprintf(bw, "### %s: %s in %s\n\n", mdText(r.Tool), title, plural(len(r.Documents), "file", "files"))

	bw.WriteString("| File | Critical | Major | Minor | Neutral | Words | MQM penalty | per 1,000 words |\n")
	bw.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|\n")
	mdSummaryRow(bw, "**All files**", t.bySeverity, t.words, t.score)
	for i, d := range r.Documents {
		var counts [pipeline.Critical + 1]int
		for _, f := range t.docFindings[i] {
			counts[f.Severity]++
		}
		mdSummaryRow(bw, mdCode(d.Path), counts, t.docWords[i], pipeline.ScoreOf(t.docFindings[i], t.docWords[i]))
	}
	bw.WriteString("\nMQM weights: minor 1 (minor punctuation 0.1), major 5, critical 25, neutral 0.\n")

	if len(r.Errors) > 0 {
		fmt.Fprintf(bw, "\n%s could not be read:\n\n", plural(len(r.Errors), "file", "files"))
		for _, e := range r.Errors {
			fmt.Fprintf(bw, "- %s: %s\n", mdCode(e.Path), mdText(e.message()))
		}
	}

	for i, d := range r.Documents {
		fs := t.docFindings[i]
		if len(fs) == 0 {
			continue
		}
		score := pipeline.ScoreOf(fs, t.docWords[i])
		fmt.Fprintf(bw, "\n#### %s: %s, MQM %s per 1,000 words\n\n", mdCode(d.Path),
			plural(len(fs), "finding", "findings"), formatScore(score.PerThousand))
		bw.WriteString("| Line | Severity | Check | Message | Text | Fix |\n")
		bw.WriteString("|---|---|---|---|---|---|\n")
		for j := range fs {
			mdFindingRow(bw, r, &fs[j])
		}
	}
	if len(r.Proposals) > 0 {
		mdProposals(bw, r.Proposals)
	}
	return bw.Flush()
}

// mdProposals writes the table of proposed retranslations.
func mdProposals(w *bufio.Writer, ps []Proposal) {
	accepted := 0
	for i := range ps {
		if ps[i].Status == Accepted {
			accepted++
		}
	}
	fmt.Fprintf(w, "\n#### Proposed retranslations: %d accepted, %d rejected\n\n", accepted, len(ps)-accepted)
	w.WriteString("| File | Segment | Status | Change | Reasons |\n")
	w.WriteString("|---|---|---|---|---|\n")
	for i := range ps {
		p := &ps[i]
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", mdCode(p.Path), mdCode(p.ID), p.Status,
			mdDiff(p.Original, p.Proposed), mdText(strings.Join(p.Reasons, "; ")))
	}
}

// mdDiff renders the word-level diff of a and b: kept words as they are,
// deleted ones struck through, inserted ones in bold.
func mdDiff(a, b string) string {
	var out strings.Builder
	for _, c := range worddiff.Diff(a, b) {
		text := mdText(c.Text)
		if strings.TrimSpace(c.Text) == "" {
			out.WriteString(text)
			continue
		}
		// Markup goes around the words, not the spaces at their ends,
		// which would stop it from rendering.
		lead := text[:len(text)-len(strings.TrimLeft(text, " "))]
		trail := text[len(strings.TrimRight(text, " ")):]
		core := strings.TrimSpace(text)
		switch c.Op {
		case worddiff.Delete:
			core = "~~" + core + "~~"
		case worddiff.Insert:
			core = "**" + core + "**"
		}
		out.WriteString(lead + core + trail)
	}
	return out.String()
}

func mdSummaryRow(w *bufio.Writer, name string, counts [pipeline.Critical + 1]int, words int, s pipeline.Score) {
	fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %d | %s | %s |\n", name,
		counts[pipeline.Critical], counts[pipeline.Major], counts[pipeline.Minor], counts[pipeline.Neutral],
		words, formatScore(s.Penalty), formatScore(s.PerThousand))
}

func mdFindingRow(w *bufio.Writer, r *Report, f *pipeline.Finding) {
	_, seg := r.segment(f)
	pos := seg.Locate(f.Side, f.Span.Start)
	where := ""
	if pos.Line > 0 {
		where = strconv.Itoa(pos.Line) + ":" + strconv.Itoa(pos.Column)
	}
	check := mdCode(f.Check)
	if f.Side == pipeline.Source {
		check += " (source)"
	}
	text := "—"
	if f.Text != "" {
		text = mdCode(f.Text)
	}
	fix := ""
	if len(f.Fixes) > 0 {
		fix = mdText(f.Fixes[0].Message)
	}
	fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", where, f.Severity, check, mdText(f.Message), text, fix)
}

// mdText escapes s for a Markdown table cell: control characters and line
// breaks become visible symbols, and the ASCII punctuation marks that
// Markdown or HTML could read as inline markup, or that would end the
// cell, are escaped with a backslash. (Block markup such as "#" or "-"
// means nothing inside a cell.)
func mdText(s string) string {
	s = sanitize(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>!|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCode writes s as an inline code span in a table cell, with a fence of
// backticks longer than any run of backticks in s. Pipes are escaped:
// GitHub splits table cells on them even inside code.
func mdCode(s string) string {
	s = strings.ReplaceAll(sanitize(s), "|", "\\|")
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") {
		s = " " + s + " "
	}
	return fence + s + fence
}
