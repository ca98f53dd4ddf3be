package checks_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tqa-project/tqa/internal/golden"

	"golang.org/x/text/language"
	"golang.org/x/tools/txtar"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/cedict"
	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
)

// TestScenarios runs every testdata/<check>/*.txtar scenario.
//
// A scenario holds:
//
//	config          "key: value" lines: target-lang, source-lang, spelling
//	                (off by default), glossary (builtin or none, the default),
//	                checks (names, comma-separated; default: the directory's),
//	                dict (a CC-CEDICT file, relative to the package directory),
//	                pinyin-names (true: report capitalised pinyin names)
//	NAME.txt        a monolingual document: one segment a line; a line that
//	                starts with "# " is a heading
//	NAME.jsonl      a bilingual document: {"id","source","target"} a line
//	                (several documents make one run, in archive order)
//	glossary.csv    glossaries added to the run, in the order given
//	glossary.tbx
//	want            the findings, one a line, each followed by its fixes
//	                and the text that the fix gives
//
// The test fails on any finding that want does not list and on any line
// of want that no finding produced; -update rewrites want.
func TestScenarios(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range checks.All() {
		names[c.Name] = true
	}
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		check := filepath.Base(dir)
		if !names[check] {
			t.Errorf("%s: no check called %q in checks.All()", dir, check)
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.txtar"))
		if len(files) == 0 {
			t.Errorf("%s: no scenarios", dir)
		}
		for _, file := range files {
			t.Run(check+"/"+strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
				runScenario(t, check, file)
			})
		}
	}
	for name := range names {
		if _, err := os.Stat(filepath.Join("testdata", name)); err != nil {
			t.Errorf("check %s has no scenarios under testdata/%s", name, name)
		}
	}
}

func runScenario(t *testing.T, check, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &pipeline.Config{TargetLang: language.English}
	selected := []string{check}
	var docs []*pipeline.Document
	useBuiltin := false
	wantIdx := -1
	for i, f := range ar.Files {
		switch f.Name {
		case "config":
			for n, line := range strings.Split(string(f.Data), "\n") {
				line = strings.TrimSpace(line)
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				k, v, ok := strings.Cut(line, ":")
				if !ok {
					t.Fatalf("%s: config line %d: want key: value", file, n+1)
				}
				k, v = strings.TrimSpace(k), strings.TrimSpace(v)
				switch k {
				case "target-lang":
					cfg.TargetLang = language.MustParse(v)
				case "source-lang":
					cfg.SourceLang = language.MustParse(v)
				case "spelling":
					p, err := spelling.ParseProfile(v)
					if err != nil {
						t.Fatalf("%s: config line %d: %v", file, n+1, err)
					}
					cfg.Spelling = p
				case "glossary":
					useBuiltin = v == "builtin"
				case "checks":
					selected = strings.Split(v, ",")
				case "dict":
					d, err := cedict.LoadFile(v)
					if err != nil {
						t.Fatalf("%s: config line %d: %v", file, n+1, err)
					}
					cfg.Dict = d
				case "pinyin-names":
					cfg.PinyinNames = v == "true"
				default:
					t.Fatalf("%s: config line %d: unknown key %q", file, n+1, k)
				}
			}
		case "glossary.csv", "glossary.tbx":
			g, err := glossary.Load(f.Name, bytes.NewReader(f.Data))
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			cfg.Glossaries = append(cfg.Glossaries, g)
		case "want":
			wantIdx = i
		default:
			if strings.HasSuffix(f.Name, ".txt") {
				docs = append(docs, textDoc(f.Name, string(f.Data)))
				continue
			}
			if strings.HasSuffix(f.Name, ".jsonl") {
				docs = append(docs, jsonlDoc(t, f.Name, f.Data))
				continue
			}
			t.Fatalf("%s: unknown section %q", file, f.Name)
		}
	}
	if useBuiltin {
		cfg.Glossaries = append(cfg.Glossaries, glossary.NATO())
	}
	var list []*pipeline.Check
	for _, name := range selected {
		c, ok := checks.ByName(strings.TrimSpace(name))
		if !ok {
			t.Fatalf("%s: unknown check %q", file, name)
		}
		list = append(list, c)
	}
	findings, err := pipeline.Run(context.Background(), docs, list, cfg)
	if err != nil {
		t.Fatal(err)
	}
	got := render(docs, findings)
	if golden.Update() {
		if wantIdx < 0 {
			ar.Files = append(ar.Files, txtar.File{Name: "want"})
			wantIdx = len(ar.Files) - 1
		}
		ar.Files[wantIdx].Data = []byte(got)
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := ""
	if wantIdx >= 0 {
		want = string(ar.Files[wantIdx].Data)
	}
	if got != want {
		t.Errorf("%s: findings differ (-want +got):\n%s", file, lineDiff(want, got))
	}
}

// textDoc makes a monolingual document of one segment a line.
func textDoc(name, data string) *pipeline.Document {
	d := &pipeline.Document{Path: name, Format: "text"}
	off := 0
	for n, line := range strings.SplitAfter(data, "\n") {
		text := strings.TrimSuffix(line, "\n")
		pos := pipeline.Position{Offset: off, Line: n + 1, Column: 1}
		off += len(line)
		if text == "" {
			continue
		}
		kind := pipeline.Paragraph
		if rest, ok := strings.CutPrefix(text, "# "); ok {
			kind, text = pipeline.Heading, rest
			pos.Offset += 2
			pos.Column += 2
		}
		d.Segments = append(d.Segments, pipeline.Segment{
			ID: strconv.Itoa(n + 1), Kind: kind, Target: text, TargetLoc: pipeline.At(pos),
		})
	}
	return d
}

func jsonlDoc(t *testing.T, name string, data []byte) *pipeline.Document {
	d := &pipeline.Document{Path: name, Format: "jsonl"}
	for n, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var rec struct{ ID, Source, Target string }
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatalf("%s line %d: %v", name, n+1, err)
		}
		d.Segments = append(d.Segments, pipeline.Segment{
			ID: rec.ID, Source: rec.Source, Target: rec.Target,
			SourceLoc: pipeline.At(pipeline.Position{Line: n + 1, Column: 1}),
			TargetLoc: pipeline.At(pipeline.Position{Line: n + 1, Column: 1}),
		})
	}
	return d
}

// render writes findings one a line: segment, side, span, check,
// severity, category, the flagged text and the message; then each fix
// with the text it produces.
func render(docs []*pipeline.Document, fs []pipeline.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s %v %s %s %s %q: %s\n", f.ID, f.Side, f.Span, f.Check, f.Severity, f.Category, f.Text, f.Message)
		seg := docs[f.Doc].Segments[f.Segment]
		for _, fix := range f.Fixes {
			fmt.Fprintf(&b, "\tfix: %s => %q\n", fix.Message, fix.Apply(seg.Text(f.Side)))
		}
	}
	return b.String()
}

func lineDiff(want, got string) string {
	w := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	g := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	inW := map[string]int{}
	for _, l := range w {
		inW[l]++
	}
	inG := map[string]int{}
	for _, l := range g {
		inG[l]++
	}
	var b strings.Builder
	for _, l := range w {
		if l != "" && inG[l] == 0 {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range g {
		if l != "" && inW[l] == 0 {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	return b.String()
}
