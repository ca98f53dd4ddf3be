package reports

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tqa-project/tqa/pipeline"
)

// TextOptions are the settings of the text format.
type TextOptions struct {
	// Color marks severities and underlines with ANSI escape sequences.
	// The caller decides (a terminal, NO_COLOR); the writer never looks at
	// the environment.
	Color bool
}

// ANSI SGR sequences of the text format.
const (
	ansiReset     = "\x1b[0m"
	ansiBold      = "\x1b[1m"
	ansiUnderline = "\x1b[1;32m" // bold green, as compilers draw carets
	ansiError     = "\x1b[1;31m"
)

var severityColor = [...]string{
	pipeline.Neutral:  "\x1b[1;36m", // bold cyan
	pipeline.Minor:    "\x1b[1;33m", // bold yellow
	pipeline.Major:    "\x1b[1;31m", // bold red
	pipeline.Critical: "\x1b[1;35m", // bold magenta
}

// WriteText writes r for people, one finding after another in compiler
// style:
//
//	path:line:col: severity: check: message
//	    the line of the segment where the finding starts
//	        ^~~~~~~
//	  fix: what the first fix does
//
// A finding on the source side of a segment says "(source)" after the
// check name. Line and column are 1-based, the column counted in
// characters; the underline is measured in display columns. Inputs that
// could not be read come first, as "path: error: message"; a summary line
// ends the report: the findings by severity, what was checked, and the MQM
// penalty of the run per 1,000 words.
func WriteText(w io.Writer, r *Report, opt TextOptions) error {
	if err := r.check(); err != nil {
		return err
	}
	p := &textPrinter{w: bufio.NewWriter(w), color: opt.Color}
	for _, e := range r.Errors {
		p.fileError(e)
	}
	for i := range r.Findings {
		p.finding(r, &r.Findings[i])
	}
	p.summary(r)
	return p.w.Flush()
}

type textPrinter struct {
	w     *bufio.Writer
	color bool
	cells []cell // scratch for excerpts
}

// paint writes s in the colour of sgr when colour is on.
func (p *textPrinter) paint(sgr, s string) {
	if p.color {
		p.w.WriteString(sgr)
		p.w.WriteString(s)
		p.w.WriteString(ansiReset)
		return
	}
	p.w.WriteString(s)
}

func (p *textPrinter) fileError(e FileError) {
	p.paint(ansiBold, sanitize(e.Path)+":")
	p.w.WriteByte(' ')
	p.paint(ansiError, "error:")
	p.w.WriteString(" " + sanitize(e.message()) + "\n")
}

func (p *textPrinter) finding(r *Report, f *pipeline.Finding) {
	d, seg := r.segment(f)
	pos := seg.Locate(f.Side, f.Span.Start)
	where := sanitize(d.Path) + ":"
	if pos.Line > 0 {
		where += strconv.Itoa(pos.Line) + ":" + strconv.Itoa(pos.Column) + ":"
	}
	p.paint(ansiBold, where)
	p.w.WriteByte(' ')
	p.paint(severityColor[f.Severity], f.Severity.String()+":")
	p.w.WriteString(" " + sanitize(f.Check))
	if f.Side == pipeline.Source {
		p.w.WriteString(" (source)")
	}
	p.w.WriteString(": " + sanitize(f.Message) + "\n")

	var ex excerpt
	ex, p.cells = makeExcerptBuf(seg.Text(f.Side), seg.Codes(f.Side), f.Span.Start, f.Span.End, p.cells)
	p.w.WriteString("    " + ex.text + "\n")
	p.w.WriteString("    " + strings.Repeat(" ", ex.pad))
	p.paint(ansiUnderline, "^"+strings.Repeat("~", ex.underline-1))
	p.w.WriteByte('\n')

	for _, fix := range f.Fixes {
		p.w.WriteString("  fix: " + sanitize(fix.Message) + "\n")
	}
}

func (p *textPrinter) summary(r *Report) {
	t := r.tally()
	var b strings.Builder
	if len(r.Findings) == 0 {
		b.WriteString("no findings")
	} else {
		b.WriteString(plural(len(r.Findings), "finding", "findings") + " (")
		for i, sev := range []pipeline.Severity{pipeline.Critical, pipeline.Major, pipeline.Minor, pipeline.Neutral} {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%d %s", t.bySeverity[sev], sev)
		}
		b.WriteString(")")
	}
	fmt.Fprintf(&b, " in %s, %s, %s",
		plural(len(r.Documents), "file", "files"),
		plural(t.segments, "segment", "segments"),
		plural(t.words, "word", "words"))
	if len(r.Findings) > 0 {
		fmt.Fprintf(&b, "; MQM penalty %s, %s per 1,000 words", formatScore(t.score.Penalty), formatScore(t.score.PerThousand))
	}
	if n := len(r.Errors); n > 0 {
		b.WriteString("; " + plural(n, "file", "files") + " could not be read")
	}
	b.WriteByte('\n')
	// With findings in more than one file, each file's count and score
	// follow, so that the worst file stands out.
	withFindings := 0
	for i := range r.Documents {
		if len(t.docFindings[i]) > 0 {
			withFindings++
		}
	}
	if withFindings > 1 {
		for i, d := range r.Documents {
			if len(t.docFindings[i]) == 0 {
				continue
			}
			s := pipeline.ScoreOf(t.docFindings[i], t.docWords[i])
			fmt.Fprintf(&b, "  %s: %s, %s; MQM penalty %s, %s per 1,000 words\n", d.Path,
				plural(len(t.docFindings[i]), "finding", "findings"), plural(t.docWords[i], "word", "words"),
				formatScore(s.Penalty), formatScore(s.PerThousand))
		}
	}
	p.w.WriteString(b.String())
}

// formatScore prints an MQM number rounded as the JSON report rounds it.
func formatScore(x float64) string { return strconv.FormatFloat(round2(x), 'f', 2, 64) }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
