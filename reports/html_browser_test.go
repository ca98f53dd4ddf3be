package reports

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/tqa-project/tqa/pipeline"
)

// The browser test loads HTML reports in headless Chromium and uses them
// as a reviewer would: it must find a Chromium binary, from
// $TQA_CHROMIUM or the PATH. Without one it skips, unless
// TQA_BROWSER_TESTS=1 (as in CI), where a missing browser is a failure.
// Screenshots go to $TQA_SCREENSHOT_DIR, or to a temporary directory; the
// test logs where.

var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"}

func chromiumPath(t *testing.T) string {
	t.Helper()
	required := os.Getenv("TQA_BROWSER_TESTS") == "1"
	if p := os.Getenv("TQA_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("TQA_CHROMIUM: %v", err)
		}
		return p
	}
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium binary found (looked for $TQA_CHROMIUM and " + strings.Join(chromiumNames, ", ") +
		" on the PATH); on Debian: apt-get install chromium"
	if required {
		t.Fatal(msg + "; TQA_BROWSER_TESTS=1 requires the browser test to run")
	}
	t.Skip(msg + "; set TQA_BROWSER_TESTS=1 to make this a failure")
	return ""
}

// browser is one headless Chromium tab, with what the page logged and
// requested.
type browser struct {
	ctx context.Context

	mu       sync.Mutex
	requests []string // URLs the page asked for
	problems []string // console errors, exceptions, policy violations
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	bin := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox, // Chromium refuses to run as root with its sandbox; the pages are our own
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("lang", "en-US"),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)

	b := &browser{}
	// The listener sees every event of the tab from its start; it runs in
	// the loop that reads the tab's messages, so it only records.
	listen := func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, e.Request.URL)
		case *runtime.EventExceptionThrown:
			msg := e.ExceptionDetails.Text
			if ex := e.ExceptionDetails.Exception; ex != nil {
				msg += " " + ex.Description
			}
			b.problems = append(b.problems, "exception: "+msg)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				b.problems = append(b.problems, "console "+string(e.Type))
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Level == cdplog.EntryLevelWarning {
				b.problems = append(b.problems, "log: "+e.Entry.Text)
			}
		}
	}
	ctx, cancelTab := chromedp.NewContext(ctx, chromedp.WithListener(listen))
	t.Cleanup(cancelTab)
	b.ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium (%s): %v", bin, err)
	}
	return b
}

// open loads a page from a file and checks that it asked for nothing else
// and reported no problem.
func (b *browser) open(t *testing.T, path string) {
	t.Helper()
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
	b.mu.Lock()
	b.requests, b.problems = nil, nil
	b.mu.Unlock()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(u), chromedp.WaitReady(chromedp.ID("findings"))); err != nil {
		t.Fatalf("load %s: %v", u, err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, r := range b.requests {
		if r != u {
			t.Errorf("the page requested %s", r)
		}
	}
	for _, p := range b.problems {
		t.Errorf("the page reported a problem: %s", p)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// shown returns the ids of the findings the page renders (not hidden by
// a filter), in page order.
func (b *browser) shown(t *testing.T) []string {
	t.Helper()
	return eval[[]string](t, b, `Array.from(document.querySelectorAll(".finding")).filter(el => el.offsetParent !== null).map(el => el.id)`)
}

// selected returns the id of the selected finding, or "".
func (b *browser) selected(t *testing.T) string {
	t.Helper()
	return eval[string](t, b, `(document.querySelector(".finding.selected") || {id: ""}).id`)
}

// choose picks a value in a select element as a user would: the value
// changes, and the element says so.
func (b *browser) choose(t *testing.T, id, value string) {
	t.Helper()
	if err := chromedp.Do(b.ctx,
		chromedp.SetValue(chromedp.ID(id), value),
		chromedp.Evaluate[chromedp.Void](`document.getElementById(`+strconv.Quote(id)+`).dispatchEvent(new Event("change"))`),
	); err != nil {
		t.Fatalf("choose %q in #%s: %v", value, id, err)
	}
}

func (b *browser) click(t *testing.T, sel string) {
	t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
}

// key presses a key with the focus on the page, not on a form control.
func (b *browser) key(t *testing.T, key string) {
	t.Helper()
	if err := chromedp.Do(b.ctx,
		chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`),
		chromedp.KeyEvent(key),
	); err != nil {
		t.Fatalf("press %q: %v", key, err)
	}
}

// screenshot writes a PNG of the whole page, or of the part in view, and
// logs where.
func (b *browser) screenshot(t *testing.T, dir, name string, whole bool) {
	t.Helper()
	shot := chromedp.CaptureScreenshot()
	if whole {
		shot = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(b.ctx, shot)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// findingIDs returns the element ids the page gives to the findings of r
// that pass keep, in report order.
func findingIDs(r *Report, keep func(*pipeline.Finding) bool) []string {
	var ids []string
	for i := range r.Findings {
		if keep(&r.Findings[i]) {
			ids = append(ids, "f"+strconv.Itoa(i+1))
		}
	}
	return ids
}

func TestHTMLInBrowser(t *testing.T) {
	b := newBrowser(t)
	dir := os.Getenv("TQA_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := t.TempDir()

	samples := samplesReport(t)
	samplesPage := filepath.Join(pages, "samples.html")
	if err := os.WriteFile(samplesPage, writeHTML(t, samples), 0o644); err != nil {
		t.Fatal(err)
	}
	all := findingIDs(samples, func(*pipeline.Finding) bool { return true })
	if len(all) == 0 {
		t.Fatal("the demo corpus gave no findings")
	}

	t.Run("samples", func(t *testing.T) {
		b.open(t, samplesPage)
		if got := b.shown(t); !slices.Equal(got, all) {
			t.Fatalf("the page shows findings %v, want %v", got, all)
		}

		// The headline's 酝酿 is rendered, highlighted as critical.
		type leakInfo struct {
			Found              bool
			Severity, Check    string
			Width, Height      float64
			Context, Highlight string
		}
		leak := eval[leakInfo](t, b, `(() => {
			for (const m of document.querySelectorAll(".finding mark")) {
				if (m.textContent !== "酝酿") continue;
				const f = m.closest(".finding"), r = m.getBoundingClientRect();
				return {Found: true, Severity: f.dataset.severity, Check: f.dataset.check,
					Width: r.width, Height: r.height, Context: m.parentElement.textContent,
					Highlight: getComputedStyle(m).backgroundColor};
			}
			return {Found: false};
		})()`)
		if !leak.Found {
			t.Fatal("the page does not render the 酝酿 finding")
		}
		if leak.Severity != "critical" || leak.Check != "mixed-script" || leak.Context != "US is酝酿 Leaving NATO" {
			t.Errorf("酝酿 is flagged by %s (%s) in %q, want mixed-script (critical) in the headline", leak.Check, leak.Severity, leak.Context)
		}
		if leak.Width <= 0 || leak.Height <= 0 || leak.Highlight == "rgba(0, 0, 0, 0)" {
			t.Errorf("酝酿 is not visibly highlighted: %.0fx%.0f px, background %s", leak.Width, leak.Height, leak.Highlight)
		}
		b.screenshot(t, dir, "samples.png", true)

		// Severity: minor off and on again.
		notMinor := findingIDs(samples, func(f *pipeline.Finding) bool { return f.Severity != pipeline.Minor })
		b.click(t, "label.toggle.sev-minor span")
		if got := b.shown(t); !slices.Equal(got, notMinor) {
			t.Errorf("with minor findings filtered out the page shows %v, want %v", got, notMinor)
		}
		b.click(t, "label.toggle.sev-minor span")
		if got := b.shown(t); !slices.Equal(got, all) {
			t.Errorf("with minor findings filtered in again the page shows %v, want %v", got, all)
		}

		// Check: only mixed-script, then all.
		mixed := findingIDs(samples, func(f *pipeline.Finding) bool { return f.Check == "mixed-script" })
		b.choose(t, "filter-check", "mixed-script")
		if got := b.shown(t); !slices.Equal(got, mixed) {
			t.Errorf("filtered to mixed-script the page shows %v, want %v", got, mixed)
		}
		groups := eval[int](t, b, `Array.from(document.querySelectorAll(".doc-findings")).filter(g => g.offsetParent !== null).length`)
		if groups != 1 {
			t.Errorf("filtered to mixed-script the page shows %d files' findings, want 1", groups)
		}
		b.choose(t, "filter-check", "")

		// File: the last document only, then Reset.
		last := len(samples.Documents) - 1
		inLast := findingIDs(samples, func(f *pipeline.Finding) bool { return f.Doc == last })
		b.choose(t, "filter-file", strconv.Itoa(last))
		if got := b.shown(t); len(inLast) == 0 || !slices.Equal(got, inLast) {
			t.Errorf("filtered to %s the page shows %v, want %v", samples.Documents[last].Path, got, inLast)
		}
		count := eval[string](t, b, `document.getElementById("shown-count").textContent`)
		if count != strconv.Itoa(len(inLast)) {
			t.Errorf("the page counts %s findings shown, want %d", count, len(inLast))
		}
		b.click(t, "#filter-reset")
		if got := b.shown(t); !slices.Equal(got, all) {
			t.Errorf("after Reset the page shows %v, want %v", got, all)
		}

		// Keyboard: j and k, the arrows, and the filters' effect on them.
		if len(all) < 3 {
			t.Fatalf("%d findings: too few to navigate", len(all))
		}
		steps := []struct {
			key, want string
		}{
			{"j", all[0]}, {"j", all[1]}, {"j", all[2]}, {"k", all[1]},
			{kb.ArrowDown, all[2]}, {kb.ArrowUp, all[1]}, {kb.Escape, ""},
		}
		for _, s := range steps {
			b.key(t, s.key)
			if got := b.selected(t); got != s.want {
				t.Errorf("after %q the selected finding is %q, want %q", s.key, got, s.want)
			}
		}
		spelling := findingIDs(samples, func(f *pipeline.Finding) bool { return f.Check == "spelling-profile" })
		if len(spelling) >= 2 {
			b.choose(t, "filter-check", "spelling-profile")
			b.key(t, "j")
			b.key(t, "j")
			if got := b.selected(t); got != spelling[1] {
				t.Errorf("filtered to spelling-profile, j j selects %q, want %q (the filters' second finding)", got, spelling[1])
			}
			inView := eval[bool](t, b, `(() => { const r = document.querySelector(".finding.selected").getBoundingClientRect();
				return r.top >= 0 && r.top < window.innerHeight; })()`)
			if !inView {
				t.Error("the selected finding is not scrolled into view")
			}
			b.screenshot(t, dir, "samples-selected.png", false)
			b.click(t, "#filter-reset")
		}
	})

	t.Run("proposals", func(t *testing.T) {
		r := htmlProposalsReport()
		page := filepath.Join(pages, "proposals.html")
		if err := os.WriteFile(page, writeHTML(t, r), 0o644); err != nil {
			t.Fatal(err)
		}
		b.open(t, page)
		type diffInfo struct{ Status, Deleted, Inserted, Source string }
		diff := eval[diffInfo](t, b, `(() => {
			const p = document.getElementById("p1");
			return {Status: p.querySelector(".status").textContent,
				Deleted: Array.from(p.querySelectorAll(".original del")).map(e => e.textContent).join(""),
				Inserted: Array.from(p.querySelectorAll(".proposed ins")).map(e => e.textContent).join(""),
				Source: String(p.querySelectorAll(".compare .side").length)};
		})()`)
		if diff.Status != "accepted" || diff.Deleted != "酝酿 Leaving" || diff.Inserted != " mulling leaving" || diff.Source != "2" {
			t.Errorf("the headline's proposal shows %+v, want accepted, 酝酿 Leaving deleted, \" mulling leaving\" inserted, two columns", diff)
		}
		sides := eval[int](t, b, `document.querySelectorAll("#p3 .compare .side").length`)
		if sides != 3 {
			t.Errorf("the bilingual proposal has %d columns, want 3 (source, original, proposal)", sides)
		}
		// The file filter hides the proposals of other files.
		b.choose(t, "filter-file", "1")
		visible := eval[[]string](t, b, `Array.from(document.querySelectorAll(".proposal")).filter(p => p.offsetParent !== null).map(p => p.id)`)
		if want := []string{"p3"}; !slices.Equal(visible, want) {
			t.Errorf("filtered to %s the page shows proposals %v, want %v", r.Documents[1].Path, visible, want)
		}
		b.click(t, "#filter-reset")
		b.screenshot(t, dir, "proposals.png", true)
	})

	t.Run("empty", func(t *testing.T) {
		page := filepath.Join(pages, "empty.html")
		if err := os.WriteFile(page, writeHTML(t, emptyReport()), 0o644); err != nil {
			t.Fatal(err)
		}
		b.open(t, page)
		text := eval[string](t, b, `document.getElementById("findings").innerText`)
		if !strings.Contains(text, "No findings.") {
			t.Errorf("the empty report's findings section says %q, want it to say No findings.", text)
		}
		b.key(t, "j") // nothing to select, and no error
		if got := b.selected(t); got != "" {
			t.Errorf("j selected %q in an empty report", got)
		}
	})
}
