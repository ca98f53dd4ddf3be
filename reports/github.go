package reports

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/tqa-project/tqa/pipeline"
)

// githubAnnotationLimit is how many annotations of each level GitHub shows
// for one step; the others are only in the log.
const githubAnnotationLimit = 10

// githubSummaryBudget is how many bytes the job summary may take: GitHub
// drops a step summary over 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted,
// supports content up to a size of 1024k"); the rest of the MiB is left
// to what other commands of the step write there.
const githubSummaryBudget = 1_000_000

// githubLevel maps an MQM severity to a GitHub workflow command: critical
// and major are errors, minor a warning, neutral a notice.
func githubLevel(s pipeline.Severity) string {
	switch s {
	case pipeline.Critical, pipeline.Major:
		return "error"
	case pipeline.Minor:
		return "warning"
	}
	return "notice"
}

// WriteGitHub writes r as GitHub Actions workflow commands, which GitHub
// turns into annotations on the files of a pull request:
//
//	::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=CHECK (SEVERITY)::MESSAGE
//
// Critical and major findings are errors, minor ones warnings, neutral
// ones notices; columns count characters and the end column is the one
// after the flagged text. GitHub shows only 10 annotations of each level
// per step, so the findings come most severe first (in report order
// within a severity), after the inputs that could not be read. Values are
// escaped as the GitHub Actions toolkit escapes them: "%", CR and LF in
// the message; those and ":" and "," in properties. Plain lines after the
// commands give the MQM score of the run and of each document.
//
// When opt.StepSummary is set (the caller opens $GITHUB_STEP_SUMMARY), the
// whole report also goes there as Markdown (WriteMarkdown), so that the
// findings beyond the shown annotations can be read on the run's page.
func WriteGitHub(w io.Writer, r *Report, opt Options) error {
	if err := r.check(); err != nil {
		return err
	}
	t := r.tally()
	bw := bufio.NewWriter(w)
	for _, e := range r.Errors {
		fmt.Fprintf(bw, "::error file=%s,title=%s::%s\n", ghProperty(e.Path), ghProperty("could not read"), ghData(e.message()))
	}
	order := make([]int, len(r.Findings))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(r.Findings[b].Severity, r.Findings[a].Severity)
	})
	shown := map[string]int{}
	for _, i := range order {
		f := &r.Findings[i]
		level := githubLevel(f.Severity)
		shown[level]++
		ghCommand(bw, r, f, level)
	}
	fmt.Fprintf(bw, "%s\n", runSummary(r, t))
	for i, d := range r.Documents {
		s := pipeline.ScoreOf(t.docFindings[i], t.docWords[i])
		fmt.Fprintf(bw, "  %s: %s, %s; MQM penalty %s, %s per 1,000 words\n", sanitize(d.Path),
			plural(len(t.docFindings[i]), "finding", "findings"), plural(t.docWords[i], "word", "words"),
			formatScore(s.Penalty), formatScore(s.PerThousand))
	}
	for _, level := range []string{"error", "warning", "notice"} {
		if n := shown[level]; n > githubAnnotationLimit {
			fmt.Fprintf(bw, "GitHub shows the first %d of %d %s annotations; the job summary lists all findings.\n", githubAnnotationLimit, n, level)
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if opt.StepSummary != nil {
		if err := writeStepSummary(opt.StepSummary, r, githubSummaryBudget); err != nil {
			return fmt.Errorf("reports: step summary: %w", err)
		}
	}
	return nil
}

// writeStepSummary writes the Markdown report, cut at the end of a line
// and followed by a note when it is longer than budget bytes.
func writeStepSummary(w io.Writer, r *Report, budget int) error {
	var md bytes.Buffer
	if err := WriteMarkdown(&md, r); err != nil {
		return err
	}
	out := md.Bytes()
	note := ""
	if len(out) > budget {
		note = "\n*The report is cut here: a GitHub job summary holds at most 1 MiB. The log and the other reports have every finding.*\n"
		out = out[:budget-len(note)]
		out = out[:bytes.LastIndexByte(out, '\n')+1]
	}
	if _, err := w.Write(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, note)
	return err
}

func ghCommand(w *bufio.Writer, r *Report, f *pipeline.Finding, level string) {
	d, seg := r.segment(f)
	start := seg.Locate(f.Side, f.Span.Start)
	end := seg.Locate(f.Side, f.Span.End)
	w.WriteString("::" + level + " file=" + ghProperty(d.Path))
	if start.Line > 0 {
		w.WriteString(",line=" + strconv.Itoa(start.Line) + ",col=" + strconv.Itoa(start.Column))
		if end.Line > 0 {
			w.WriteString(",endLine=" + strconv.Itoa(end.Line) + ",endColumn=" + strconv.Itoa(end.Column))
		}
	}
	title := f.Check + " (" + f.Severity.String()
	if f.Side == pipeline.Source {
		title += ", source"
	}
	title += ")"
	w.WriteString(",title=" + ghProperty(title) + "::")
	msg := f.Message
	if f.Text != "" {
		msg += "\n“" + f.Text + "”"
	}
	for _, fix := range f.Fixes {
		msg += "\nFix: " + fix.Message
	}
	w.WriteString(ghData(msg))
	w.WriteByte('\n')
}

var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghData escapes the message of a workflow command.
func ghData(s string) string { return ghDataEscaper.Replace(s) }

// ghProperty escapes a property value of a workflow command.
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
