package reports_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"log"
	"strings"

	"github.com/tqa-project/tqa/reports"
)

func ExampleWriteJUnit() {
	var b bytes.Buffer
	if err := reports.WriteJUnit(&b, exampleReport()); err != nil {
		log.Fatal(err)
	}
	var suites reports.JUnitSuites
	if err := xml.Unmarshal(b.Bytes(), &suites); err != nil {
		log.Fatal(err)
	}
	for _, s := range suites.Suites {
		for _, c := range s.Cases {
			for _, f := range c.Failures {
				fmt.Printf("%s / %s: %s: %s\n", s.Name, c.Name, f.Type, f.Message)
			}
		}
	}
	// Output:
	// zh/summit.txt / untranslated: major: English word in a Chinese target
}

func ExampleNewJUnit() {
	suites, err := reports.NewJUnit(exampleReport())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(suites.Tests, suites.Failures, suites.Errors)
	for _, p := range suites.Suites[0].Properties.List {
		if strings.HasPrefix(p.Name, "mqm.") {
			fmt.Println(p.Name, p.Value)
		}
	}
	// Output:
	// 1 1 0
	// mqm.penalty 5.00
	// mqm.per_1000_words 625.00
}
