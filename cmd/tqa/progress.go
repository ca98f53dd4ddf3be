package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// progressEvery is how often the progress line is redrawn at most.
const progressEvery = 100 * time.Millisecond

// ciVars are environment variables that CI services set: no progress
// display when one of them is set.
var ciVars = []string{"CI", "GITHUB_ACTIONS", "GITLAB_CI"}

// progressWanted reports whether tqa check shows its progress on stderr:
// when stderr is a terminal, --quiet is not given and no CI variable is
// set.
func progressWanted(quiet bool, stderr io.Writer, getenv func(string) string) bool {
	if quiet {
		return false
	}
	for _, v := range ciVars {
		if getenv(v) != "" {
			return false
		}
	}
	f, ok := stderr.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress is the one-line display of a run on a terminal: the files read,
// then the files and segments checked, the rate and the time left. It is
// redrawn in place at most every progressEvery, as events arrive; a nil
// *progress shows nothing. It is safe for concurrent use.
type progress struct {
	w   io.Writer
	now func() time.Time

	mu        sync.Mutex
	files     int // files to read
	read      int // files read (or failed)
	docs      int // documents to check; 0 while reading
	checked   int // documents checked
	segments  int // segments of the documents read
	segsDone  int // segments of the documents checked
	started   time.Time
	drawn     time.Time
	shown     bool
	lastWidth int
}

func newProgress(w io.Writer, now func() time.Time) *progress {
	return &progress{w: w, now: now}
}

// reading starts the display of reading n files.
func (p *progress) reading(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.files = n
	p.draw(true)
}

// fileRead counts a file read, with its segments (0 when it failed).
func (p *progress) fileRead(segments int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.read++
	p.segments += segments
	p.draw(false)
}

// checking starts the display of checking n documents.
func (p *progress) checking(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.docs = n
	p.started = p.now()
	p.draw(true)
}

// docChecked counts a document checked, with its segments.
func (p *progress) docChecked(segments int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.checked++
	p.segsDone += segments
	p.draw(false)
}

// done clears the line, for the report and messages that follow.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.lastWidth))
		p.shown = false
	}
}

// draw writes the line unless it was written less than progressEvery
// ago; force draws anyway (a change of phase). p.mu is held.
func (p *progress) draw(force bool) {
	now := p.now()
	if !force && p.shown && now.Sub(p.drawn) < progressEvery {
		return
	}
	line := p.line(now)
	pad := ""
	if n := p.lastWidth - len(line); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	fmt.Fprintf(p.w, "\r%s%s", line, pad)
	p.drawn, p.shown, p.lastWidth = now, true, len(line)
}

// line is the text of the display at now.
func (p *progress) line(now time.Time) string {
	if p.started.IsZero() {
		return fmt.Sprintf("tqa: reading %d/%d files, %s segments", p.read, p.files, commas(p.segments))
	}
	s := fmt.Sprintf("tqa: checked %d/%d files, %s/%s segments", p.checked, p.docs, commas(p.segsDone), commas(p.segments))
	elapsed := now.Sub(p.started)
	if elapsed <= 0 || p.segsDone == 0 {
		return s
	}
	rate := float64(p.segsDone) / elapsed.Seconds()
	s += fmt.Sprintf(", %s segments/s", commas(int(rate+0.5)))
	if left := p.segments - p.segsDone; left > 0 {
		eta := time.Duration(float64(left) / rate * float64(time.Second))
		s += ", ETA " + eta.Round(time.Second).String()
	}
	return s
}

// commas writes n with thousands separators: 12,345.
func commas(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
