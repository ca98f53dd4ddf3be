package reports_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/tqa-project/tqa/reports"
)

func ExampleWriteGitHub() {
	var summary bytes.Buffer
	opt := reports.Options{StepSummary: &summary}
	if err := reports.WriteGitHub(os.Stdout, exampleReport(), opt); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.SplitN(summary.String(), "\n", 2)[0])
	// Output:
	// ::error file=zh/summit.txt,line=4,col=6,endLine=4,endColumn=14,title=untranslated (major)::English word in a Chinese target%0A“Brussels”%0AFix: Replace with “布鲁塞尔”
	// tqa 1.0.0: 1 finding (0 critical, 1 major, 0 minor, 0 neutral) in 1 file, 1 segment, 8 words; MQM penalty 5.00, 625.00 per 1,000 words
	//   zh/summit.txt: 1 finding, 8 words; MQM penalty 5.00, 625.00 per 1,000 words
	// ### tqa: 1 finding in 1 file
}
