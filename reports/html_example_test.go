package reports_test

import (
	"fmt"
	"log"
	"regexp"
	"strings"

	"github.com/tqa-project/tqa/reports"
)

func ExampleWriteHTML() {
	var page strings.Builder
	if err := reports.WriteHTML(&page, exampleReport()); err != nil {
		log.Fatal(err)
	}
	// The page is one file: its title, and the finding with its span
	// highlighted in the segment.
	fmt.Println(regexp.MustCompile(`<title>(.*)</title>`).FindStringSubmatch(page.String())[1])
	fmt.Println(regexp.MustCompile(`<div class="text">(.*?)</div>`).FindStringSubmatch(page.String())[1])
	// Output:
	// tqa report: 1 finding in 1 file
	// 北约峰会在<mark class="sev-major">Brussels</mark>举行。
}
