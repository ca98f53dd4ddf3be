package reports_test

import (
	"log"
	"os"

	"github.com/tqa-project/tqa/reports"
)

func ExampleWriteMarkdown() {
	if err := reports.WriteMarkdown(os.Stdout, exampleReport()); err != nil {
		log.Fatal(err)
	}
	// Output:
	// ### tqa: 1 finding in 1 file
	//
	// | File | Critical | Major | Minor | Neutral | Words | MQM penalty | per 1,000 words |
	// |---|---:|---:|---:|---:|---:|---:|---:|
	// | **All files** | 0 | 1 | 0 | 0 | 8 | 5.00 | 625.00 |
	// | `zh/summit.txt` | 0 | 1 | 0 | 0 | 8 | 5.00 | 625.00 |
	//
	// MQM weights: minor 1 (minor punctuation 0.1), major 5, critical 25, neutral 0.
	//
	// #### `zh/summit.txt`: 1 finding, MQM 625.00 per 1,000 words
	//
	// | Line | Severity | Check | Message | Text | Fix |
	// |---|---|---|---|---|---|
	// | 4:6 | major | `untranslated` | English word in a Chinese target | `Brussels` | Replace with “布鲁塞尔” |
}
