package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestLocate(t *testing.T) {
	text := "US is酝酿 Leaving\nNATO now"
	loc := At(Position{Offset: 100, Line: 3, Column: 5})
	tests := []struct {
		off  int
		want Position
	}{
		{0, Position{100, 3, 5}},
		{5, Position{105, 3, 10}},  // 酝
		{8, Position{108, 3, 11}},  // 酿
		{11, Position{111, 3, 12}}, // the space after 酿
		{strings.Index(text, "NATO"), Position{120, 4, 1}},
		{len(text), Position{128, 4, 9}},
		{len(text) + 5, Position{128, 4, 9}}, // clamped
	}
	for _, tt := range tests {
		if got := loc.Locate(text, tt.off); got != tt.want {
			t.Errorf("Locate(%d) = %+v, want %+v", tt.off, got, tt.want)
		}
	}
}

// TestLocateAnchors covers decoded text whose escapes differ from the file:
// the JSON string "a\u00e9b\nc" decodes to "aéb\nc".
func TestLocateAnchors(t *testing.T) {
	text := "aéb\nc"
	// In the file (line 7), the literal starts at column 10, offset 60:
	// a=60, \u00e9=61..66, b=67, \n=68..69, c=70.
	loc := Locator{Anchors: []Anchor{
		{0, Position{60, 7, 10}},
		{3, Position{67, 7, 17}}, // after the \u00e9 escape: b
		{5, Position{70, 7, 20}}, // after the \n escape: c
	}}
	tests := []struct {
		off  int
		want Position
	}{
		{0, Position{60, 7, 10}},
		{1, Position{61, 7, 11}}, // é starts the escape
		{3, Position{67, 7, 17}},
		{4, Position{68, 7, 18}}, // the decoded newline is the escape's start, same line
		{5, Position{70, 7, 20}},
	}
	for _, tt := range tests {
		if got := loc.Locate(text, tt.off); got != tt.want {
			t.Errorf("Locate(%d) = %+v, want %+v", tt.off, got, tt.want)
		}
	}
}

func TestSpanValid(t *testing.T) {
	text := "is酝酿"
	tests := []struct {
		s    Span
		want bool
	}{
		{Span{2, 8}, true},
		{Span{2, 5}, true},
		{Span{2, 4}, false}, // splits 酝
		{Span{3, 5}, false},
		{Span{0, 9}, false},
		{Span{-1, 2}, false},
		{Span{5, 2}, false},
		{Span{2, 2}, true},
	}
	for _, tt := range tests {
		if got := tt.s.Valid(text); got != tt.want {
			t.Errorf("%v.Valid = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestFixApply(t *testing.T) {
	text := "capabilities ~ strategic lift ~ that"
	fix := Fix{Edits: []Edit{{Span{30, 31}, "—"}, {Span{13, 14}, "—"}}}
	if got, want := fix.Apply(text), "capabilities — strategic lift — that"; got != want {
		t.Errorf("Apply = %q, want %q", got, want)
	}
	overlap := Fix{Edits: []Edit{{Span{0, 5}, "X"}, {Span{3, 8}, "Y"}}}
	if got, want := overlap.Apply("abcdefghij"), "Xfghij"; got != want {
		t.Errorf("overlapping edits: Apply = %q, want %q (the later edit is dropped)", got, want)
	}
}

func TestParseSeverity(t *testing.T) {
	for _, s := range []string{"neutral", "minor", "major", "critical"} {
		v, err := ParseSeverity(strings.ToUpper(s))
		if err != nil || v.String() != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s, v, err)
		}
	}
	for _, s := range []string{"", "severe", "0"} {
		if _, err := ParseSeverity(s); err == nil {
			t.Errorf("ParseSeverity(%q) succeeded", s)
		}
	}
}

// wordCheck reports every occurrence of word in targets.
func wordCheck(name, word string, sev Severity) *Check {
	return &Check{Name: name, Category: CategorySpelling, Severity: sev, Run: func(p *Pass) error {
		for d, doc := range p.Docs {
			for i, s := range doc.Segments {
				for off := 0; ; {
					j := strings.Index(s.Target[off:], word)
					if j < 0 {
						break
					}
					p.Report(d, i, Finding{Span: Span{off + j, off + j + len(word)}, Message: "found " + word})
					off += j + len(word)
				}
			}
		}
		return nil
	}}
}

func doc(path string, targets ...string) *Document {
	d := &Document{Path: path}
	for i, t := range targets {
		d.Segments = append(d.Segments, Segment{ID: string(rune('a' + i)), Target: t, TargetLoc: At(Position{Line: i + 1, Column: 1})})
	}
	return d
}

func TestRun(t *testing.T) {
	d1 := doc("b.txt", "x y x", "y")
	d2 := doc("a.txt", "see http://x.example/x here x")
	d2.Segments[0].TargetSkip = []Span{{4, 22}}
	cfg := &Config{TargetLang: language.BritishEnglish, Severity: map[string]Severity{"find-y": Critical}}
	fs, err := Run(context.Background(), []*Document{d1, d2}, []*Check{wordCheck("find-y", "y", Minor), wordCheck("find-x", "x", Minor)}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Path+":"+f.ID+":"+f.Span.String()+":"+f.Check+":"+f.Severity.String()+":"+f.Text)
	}
	want := []string{
		"b.txt:a:[0,1):find-x:minor:x",
		"b.txt:a:[2,3):find-y:critical:y",
		"b.txt:a:[4,5):find-x:minor:x",
		"b.txt:b:[0,1):find-y:critical:y",
		"a.txt:a:[28,29):find-x:minor:x", // the x inside the URL is skipped
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	links := wordCheck("links", "x", Minor)
	links.NonProse = true
	fs, err = Run(context.Background(), []*Document{d2}, []*Check{links}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 4 { // x.example, example, /x, and the last x
		t.Errorf("a NonProse check's findings inside skip spans were dropped: %d findings, want 4", len(fs))
	}
	if d1.Segments[0].TargetLang != language.BritishEnglish {
		t.Errorf("segment language not filled from the configuration: %v", d1.Segments[0].TargetLang)
	}
}

func TestRunErrors(t *testing.T) {
	d := doc("a.txt", "text")
	tests := []struct {
		name  string
		check *Check
		want  string
	}{
		{"panic", &Check{Name: "boom", Run: func(*Pass) error { panic("oops") }}, "check boom: a.txt: line 1, column 1: segment a: panic: oops"},
		{"error", &Check{Name: "fail", Run: func(*Pass) error { return errors.New("bad data") }}, "check fail: a.txt: bad data"},
		{"bad span", &Check{Name: "span", Run: func(p *Pass) error {
			p.Report(0, 0, Finding{Span: Span{2, 10}})
			return nil
		}}, "check span: a.txt segment a: invalid target span [2,10)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), []*Document{d}, []*Check{tt.check}, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestMemoShared(t *testing.T) {
	calls := 0
	type key struct{}
	use := func(name string) *Check {
		return &Check{Name: name, Run: func(p *Pass) error {
			if v := p.Memo(0, key{}, func() any { calls++; return 42 }).(int); v != 42 {
				t.Errorf("memo = %d", v)
			}
			return nil
		}}
	}
	if _, err := Run(context.Background(), []*Document{doc("a", "x")}, []*Check{use("one"), use("two")}, nil); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("computed %d times, want 1", calls)
	}
}

func TestRunScopeSeesAllDocuments(t *testing.T) {
	var seen int
	c := &Check{Name: "all", Scope: RunScope, Run: func(p *Pass) error {
		seen = len(p.Docs)
		p.Report(1, 0, Finding{Span: Span{0, 1}})
		return nil
	}}
	fs, err := Run(context.Background(), []*Document{doc("a", "x"), doc("b", "y")}, []*Check{c}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if seen != 2 || len(fs) != 1 || fs[0].Path != "b" || fs[0].Doc != 1 {
		t.Errorf("seen %d docs, findings %+v", seen, fs)
	}
}
