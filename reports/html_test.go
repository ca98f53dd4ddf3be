package reports

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tqa-project/tqa/pipeline"
)

// htmlGoldenCases are the reports written to testdata/<name>.html.
var htmlGoldenCases = []struct {
	name   string
	report func(testing.TB) *Report
}{
	{"empty", func(testing.TB) *Report { return emptyReport() }},
	{"proposals", func(testing.TB) *Report { return htmlProposalsReport() }},
	{"samples", samplesReport},
	{"multiline", func(testing.TB) *Report { return multilineReport() }},
	{"jsonl", func(testing.TB) *Report { return jsonlReport() }},
	{"fixes", func(testing.TB) *Report { return fixesReport() }},
	{"errors", func(testing.TB) *Report { return errorsReport() }},
}

// writeHTML returns the HTML report of r.
func writeHTML(t testing.TB, r *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// goldenHTML is the page as its golden file holds it: the style sheet, the
// script and the Content-Security-Policy (which hashes them) stand for
// themselves, since they are the same in every report and are files of
// this package; TestHTMLSelfContained checks them.
func goldenHTML(t *testing.T, page []byte) []byte {
	t.Helper()
	for _, r := range []struct{ old, new string }{
		{"<style>" + htmlCSS + "</style>", "<style>/* html/report.css */</style>"},
		{"<script>" + htmlJS + "</script>", "<script>/* html/report.js */</script>"},
		{`content="` + attrEscaped(htmlCSP()) + `"`, `content="(htmlCSP)"`},
	} {
		if bytes.Count(page, []byte(r.old)) != 1 {
			t.Fatalf("the page does not hold %.60q… exactly once", r.old)
		}
		page = bytes.Replace(page, []byte(r.old), []byte(r.new), 1)
	}
	return page
}

// attrEscaped escapes s as html/template does in a quoted attribute.
func attrEscaped(s string) string {
	var b strings.Builder
	if err := template.Must(template.New("").Parse(`<p title="{{.}}">`)).Execute(&b, s); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), `<p title="`), `">`)
}

func TestHTMLGolden(t *testing.T) {
	for _, c := range htmlGoldenCases {
		t.Run(c.name, func(t *testing.T) {
			r := c.report(t)
			first, second := writeHTML(t, r), writeHTML(t, c.report(t))
			if !bytes.Equal(first, second) {
				t.Errorf("two writes of the same report differ")
			}
			checkGolden(t, c.name+".html", goldenHTML(t, first))
		})
	}
}

// TestHTMLSelfContained checks that a page refers to nothing outside
// itself, and that its Content-Security-Policy allows exactly its own
// style sheet and script.
func TestHTMLSelfContained(t *testing.T) {
	page := string(writeHTML(t, htmlProposalsReport()))
	for _, re := range []string{
		`(?i)\bsrc\s*=`, `(?i)\bhref\s*=\s*"[^#]`, `(?i)url\(`, `(?i)@import`, `(?i)<link\b`, `(?i)<iframe\b`, `(?i)\bfetch\(`, `(?i)XMLHttpRequest`,
	} {
		if loc := regexp.MustCompile(re).FindStringIndex(page); loc != nil {
			t.Errorf("the page matches %s: %q", re, page[max(loc[0]-40, 0):min(loc[1]+40, len(page))])
		}
	}
	style := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindAllStringSubmatch(page, -1)
	script := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(page, -1)
	if len(style) != 1 || len(script) != 1 {
		t.Fatalf("%d style and %d script elements, want one of each", len(style), len(script))
	}
	csp := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
	if csp == nil {
		t.Fatal("no Content-Security-Policy")
	}
	policy := strings.ReplaceAll(strings.ReplaceAll(csp[1], "&#39;", "'"), "&#43;", "+")
	for _, want := range []string{
		"default-src 'none'",
		"style-src '" + cspHash(style[0][1]) + "'",
		"script-src '" + cspHash(script[0][1]) + "'",
	} {
		if !strings.Contains(policy, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", policy, want)
		}
	}
}

// TestHTMLEscaping feeds the writer text that would break the page if it
// were not escaped.
func TestHTMLEscaping(t *testing.T) {
	const tgt = "Use <script>alert(1)</script> & \"quotes\" </mark>\x00\x1b[31m here.\r\nNext"
	b := newBuilder()
	d := b.doc(&pipeline.Document{
		Path: `dir/<img src=x onerror=alert(1)>.txt`, Format: "text", TargetLang: en,
		Segments: []pipeline.Segment{{ID: `"><u>1`, Target: tgt, TargetLang: en, TargetLoc: at(1, 1, 0)}},
	})
	b.add(d, 0, finding{
		check: "x<y", category: pipeline.CategoryMarkup, severity: pipeline.Major,
		sub: "<script>alert(1)</script>", message: "<u>bold</u> & </li>",
		fixes: []pipeline.Fix{replace(`Replace with "</ins>"`, tgt, "<script>alert(1)</script>", 0, "</ins><script>")},
	})
	r := b.report()
	r.Proposals = []Proposal{{
		Doc: 0, Segment: 0, Original: tgt, Proposed: "<svg onload=alert(1)>", Status: Rejected,
		Reasons: []string{"<i>bad</i>"}, Notes: "</p><script>", Model: "<m>",
	}}
	page := string(writeHTML(t, r))
	for _, bad := range []string{"<script>alert", "<img src", "<u>", "<svg onload", "<i>bad", "</ins><script>", "<m>", "\x00", "\x1b", `"><u>1`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"\u2400",        // NUL shown as its control picture
		"\u241b",        // ESC
		"here.\r\nNext", // HTML reads CR LF as one line break
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Count(page, "<script>") != 1 {
		t.Errorf("the page has %d <script> elements, want 1 (its own)", strings.Count(page, "<script>"))
	}
}

func TestHTMLRejectsBadProposals(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Proposal)
		want   string
	}{
		{"document", func(p *Proposal) { p.Doc = 5 }, "document index 5 out of range"},
		{"segment", func(p *Proposal) { p.Segment = -1 }, "segment index -1 out of range"},
		{"status", func(p *Proposal) { p.Status = "maybe" }, `unknown status "maybe"`},
		{"fixed span", func(p *Proposal) { p.Fixes[0].Span.End = 99 }, "finding to fix 0: "},
		{"added span", func(p *Proposal) {
			p.Added = []pipeline.Finding{{Check: "c", Severity: pipeline.Minor, Span: pipeline.Span{Start: 3, End: 1}}}
		}, "added finding 0: invalid target span"},
		{"severity", func(p *Proposal) { p.Fixes[0].Severity = 0 }, "invalid severity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := htmlProposalsReport()
			tt.change(&r.Proposals[0])
			err := WriteHTML(&bytes.Buffer{}, r)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("WriteHTML: %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// pieces renders pieces compactly: [tag.class:text].
func pieces(ps []htmlPiece) string {
	var b strings.Builder
	for _, p := range ps {
		if p.Tag == "" {
			b.WriteString(p.Text)
			continue
		}
		b.WriteString("[" + p.Tag)
		if p.Class != "" {
			b.WriteString("." + p.Class)
		}
		b.WriteString(":" + p.Text + "]")
	}
	return b.String()
}

func TestRichText(t *testing.T) {
	sp := func(s, e int) pipeline.Span { return pipeline.Span{Start: s, End: e} }
	code := "a\uFFFCb\uFFFCc"
	tests := []struct {
		name   string
		text   string
		annots []annotation
		codes  []pipeline.Code
		want   string
	}{
		{"plain", "abc", nil, nil, "abc"},
		{"flag", headline, []annotation{{span: sp(5, 11), tag: "mark", class: "sev-critical"}}, nil, "US is[mark.sev-critical:酝酿] Leaving NATO"},
		{"position", "a,b", []annotation{{span: sp(2, 2), tag: "mark", class: "sev-minor"}}, nil, "a,[at.sev-minor:]b"},
		{
			"the most severe of overlapping flags",
			"abcdef",
			[]annotation{{span: sp(1, 4), tag: "mark", class: "sev-minor"}, {span: sp(2, 3), tag: "mark", class: "sev-major"}},
			nil,
			"a[mark.sev-minor:b][mark.sev-major:c][mark.sev-minor:d]ef",
		},
		{
			"diff over a flag",
			headline,
			[]annotation{{span: sp(5, 11), tag: "mark", class: "fixed sev-critical"}, {span: sp(5, 19), tag: "del"}},
			nil,
			"US is[del.flag fixed sev-critical:酝酿][del: Leaving] NATO",
		},
		{
			"inline codes",
			code,
			nil,
			[]pipeline.Code{
				{Span: sp(1, 4), Kind: pipeline.Open, Type: "g", Data: `<g id="1">`},
				{Span: sp(5, 8), Kind: pipeline.Close, Type: "g", Data: `</g>`},
			},
			"a[code.code:<g>]b[code.code:</g>]c",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pieces(richText(tt.text, span{0, len(tt.text)}, tt.annots, tt.codes))
			if got != tt.want {
				t.Errorf("richText(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestWindow(t *testing.T) {
	long := strings.Repeat("word ", 200) + "FLAG" + strings.Repeat(" word", 200)
	flag := strings.Index(long, "FLAG")
	tests := []struct {
		name       string
		text       string
		sp         pipeline.Span
		start, end int // -1: anywhere in the text but not its start or end
	}{
		{"short: all", headline, pipeline.Span{Start: 5, End: 11}, 0, len(headline)},
		{"long: around the span", long, pipeline.Span{Start: flag, End: flag + 4}, -1, -1},
		{"long, no span: the start", long, pipeline.Span{}, 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := window(tt.text, tt.sp, findingWindow)
			if tt.start >= 0 && w.start != tt.start || tt.start < 0 && w.start == 0 {
				t.Errorf("window starts at %d, want %d", w.start, tt.start)
			}
			if tt.end >= 0 && w.end != tt.end || tt.end < 0 && w.end == len(tt.text) {
				t.Errorf("window ends at %d, want %d", w.end, tt.end)
			}
			if w.start > tt.sp.Start || w.end < tt.sp.End {
				t.Errorf("window [%d, %d) does not hold the span %v", w.start, w.end, tt.sp)
			}
			if w.start > 0 && tt.text[w.start-1] != ' ' || w.end < len(tt.text) && tt.text[w.end] != ' ' {
				t.Errorf("window [%d, %d) cuts a word: %q", w.start, w.end, tt.text[w.start:w.end])
			}
		})
	}
}

func TestFixPreview(t *testing.T) {
	const text = `Il a dit "non".`
	fix := pipeline.Fix{Message: "Use guillemets", Edits: []pipeline.Edit{
		{Span: locate(text, `"`, 1), NewText: "\u00a0»"},
		{Span: locate(text, `"`, 0), NewText: "«\u00a0"},
	}}
	if got, want := pieces(fixPreview(text, fix)), "Il a dit [del:\"][ins:«\u00a0]non[del:\"][ins:\u00a0»]."; got != want {
		t.Errorf("fixPreview = %q, want %q", got, want)
	}
	insert := pipeline.Fix{Edits: []pipeline.Edit{{Span: pipeline.Span{Start: 5, End: 5}, NewText: " "}}}
	if got, want := pieces(fixPreview(headline, insert)), "US is[ins: ]酝酿 Leaving NATO"; got != want {
		t.Errorf("fixPreview = %q, want %q", got, want)
	}
}

// FuzzRichText checks that the pieces of any text with any flagged span
// show exactly the text of their window, in order, with the span marked.
func FuzzRichText(f *testing.F) {
	f.Add(headline, 5, 11, 0)
	f.Add(strings.Repeat("word ", 150)+"酝酿"+strings.Repeat(" word", 150), 750, 756, 3)
	f.Add("a\uFFFCb", 1, 4, 1)
	f.Add("x\x00\r\ny", 0, 0, 2)
	f.Fuzz(func(t *testing.T, text string, start, end, diff int) {
		if !utf8.ValidString(text) || start < 0 || end < start || end > len(text) ||
			!utf8.RuneStart(text[min(start, len(text)-1)]) && start < len(text) || end < len(text) && !utf8.RuneStart(text[end]) {
			return
		}
		sp := pipeline.Span{Start: start, End: end}
		annots := []annotation{{span: sp, tag: "mark", class: "sev-major"}}
		if diff > 0 && diff <= len(text) && utf8.RuneStart(text[len(text)-diff]) {
			annots = append(annots, annotation{span: pipeline.Span{Start: len(text) - diff, End: len(text)}, tag: "del"})
		}
		win := window(text, sp, findingWindow)
		if win.start > sp.Start || win.end < sp.End || !utf8.RuneStart(text[min(win.start, len(text)-1)]) && len(text) > 0 {
			t.Fatalf("window %v of %q does not hold %v on a character boundary", win, text, sp)
		}
		var shown, marked strings.Builder
		for _, p := range richText(text, win, annots, nil) {
			switch p.Tag {
			case "gap", "at":
				continue
			case "mark":
				marked.WriteString(p.Text)
			case "del":
				if strings.Contains(p.Class, "sev-major") {
					marked.WriteString(p.Text)
				}
			}
			shown.WriteString(p.Text)
		}
		if want := visibleHTML(text[win.start:win.end]); shown.String() != want {
			t.Fatalf("pieces show %q, want %q", shown.String(), want)
		}
		if want := visibleHTML(text[sp.Start:sp.End]); marked.String() != want {
			t.Fatalf("pieces mark %q, want %q", marked.String(), want)
		}
	})
}
