package reports_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/reports"
)

// exampleReport is a run over one Chinese text file with one finding.
func exampleReport() *reports.Report {
	const target = "北约峰会在Brussels举行。"
	doc := &pipeline.Document{
		Path: "zh/summit.txt", Format: "text", TargetLang: language.Chinese,
		Segments: []pipeline.Segment{{
			ID:        "1",
			Target:    target,
			TargetLoc: pipeline.At(pipeline.Position{Line: 4, Column: 1}),
		}},
	}
	span := pipeline.Span{Start: strings.Index(target, "Brussels")}
	span.End = span.Start + len("Brussels")
	return &reports.Report{
		Tool: "tqa", Version: "1.0.0",
		Documents: []*pipeline.Document{doc},
		Findings: []pipeline.Finding{{
			Check: "untranslated", Category: pipeline.CategoryUntranslated, Severity: pipeline.Major,
			Doc: 0, Path: doc.Path, Segment: 0, ID: "1",
			Side: pipeline.Target, Span: span, Text: target[span.Start:span.End],
			Message: "English word in a Chinese target",
			Fixes:   []pipeline.Fix{pipeline.ReplaceFix("Replace with “布鲁塞尔”", span, "布鲁塞尔")},
		}},
	}
}

func ExampleWriteText() {
	if err := reports.WriteText(os.Stdout, exampleReport(), reports.TextOptions{Color: false}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// zh/summit.txt:4:6: major: untranslated: English word in a Chinese target
	//     北约峰会在Brussels举行。
	//               ^~~~~~~~
	//   fix: Replace with “布鲁塞尔”
	// 1 finding (0 critical, 1 major, 0 minor, 0 neutral) in 1 file, 1 segment, 8 words; MQM penalty 5.00, 625.00 per 1,000 words
}

func ExampleWriteJSON() {
	r := &reports.Report{Tool: "tqa", Version: "1.0.0",
		Errors: []reports.FileError{{Path: "missing.xlf", Err: os.ErrNotExist}}}
	if err := reports.WriteJSON(os.Stdout, r); err != nil {
		log.Fatal(err)
	}
	// Output:
	// {
	//   "schema": "tqa.report/v1",
	//   "tool": "tqa",
	//   "version": "1.0.0",
	//   "documents": [],
	//   "findings": [],
	//   "proposals": [],
	//   "errors": [
	//     {
	//       "path": "missing.xlf",
	//       "message": "file does not exist"
	//     }
	//   ],
	//   "summary": {
	//     "documents": 0,
	//     "segments": 0,
	//     "words": 0,
	//     "findings": 0,
	//     "by_severity": {
	//       "critical": 0,
	//       "major": 0,
	//       "minor": 0,
	//       "neutral": 0
	//     },
	//     "by_category": {},
	//     "by_check": {},
	//     "mqm": {
	//       "penalty": 0,
	//       "per_1000_words": 0
	//     }
	//   }
	// }
}

func ExampleNewJSONReport() {
	jr, err := reports.NewJSONReport(exampleReport())
	if err != nil {
		log.Fatal(err)
	}
	f := jr.Findings[0]
	fmt.Printf("%s:%d:%d-%d:%d %s %q (bytes %d-%d)\n", f.Path, f.Line, f.Column, f.EndLine, f.EndColumn, f.Check, f.Text, f.Start, f.End)
	fmt.Println(f.Suggestions[0].Result)
	fmt.Println(jr.Summary.MQM.PerThousandWords)
	// Output:
	// zh/summit.txt:4:6-4:14 untranslated "Brussels" (bytes 15-23)
	// 北约峰会在布鲁塞尔举行。
	// 625
}

func ExampleReadJSON() {
	var b strings.Builder
	if err := reports.WriteJSON(&b, exampleReport()); err != nil {
		log.Fatal(err)
	}
	jr, err := reports.ReadJSON(strings.NewReader(b.String()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range jr.Findings {
		fmt.Println(f.Severity, f.Check, f.Segment, f.Text)
	}
	// Output:
	// major untranslated 1 Brussels
}

func ExampleLookupFormat() {
	f, ok := reports.LookupFormat("text")
	if !ok {
		log.Fatal("no text format")
	}
	r := &reports.Report{Tool: "tqa", Version: "1.0.0"}
	if err := f.Write(os.Stdout, r, reports.Options{}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// no findings in 0 files, 0 segments, 0 words
}

func ExampleFormatNames() {
	for _, f := range reports.Formats {
		fmt.Printf("%-8s %s\n", f.Name, f.Doc)
	}
	fmt.Println(strings.Join(reports.FormatNames(), "|"))
	// Output:
	// text     compiler-style lines with excerpts and fixes, for people
	// json     one JSON object, schema tqa.report/v1, for programs
	// jsonl    one JSON object a finding, a line each, for streams and pipelines
	// sarif    SARIF 2.1.0 log, for code scanning (GitHub, IDEs)
	// junit    JUnit XML, a test suite per file, for CI test reports
	// github   GitHub Actions annotations, most severe first; job summary in Markdown
	// markdown Markdown tables per file, for pull request comments
	// patch    unified diff of the files with the accepted proposals (--retranslate), for git apply
	// html     one self-contained HTML page with filters and diffs of retranslations, for review in a browser
	// text|json|jsonl|sarif|junit|github|markdown|patch|html
}
