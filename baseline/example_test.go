package baseline_test

import (
	"fmt"
	"os"

	"github.com/tqa-project/tqa/baseline"
	"github.com/tqa-project/tqa/pipeline"
)

func Example() {
	today := []pipeline.Finding{
		{Check: "mixed-script", Path: "a.txt", ID: "1", Text: "酝酿", Span: pipeline.Span{Start: 5, End: 11}},
	}
	b := baseline.New(today, ".")
	if err := b.Write(os.Stdout); err != nil {
		fmt.Println(err)
	}

	tomorrow := append(today, pipeline.Finding{Check: "mixed-script", Path: "a.txt", ID: "3", Text: "北约", Span: pipeline.Span{Start: 0, End: 6}})
	kept, suppressed := b.Filter(tomorrow, ".")
	fmt.Println(len(kept), "new:", kept[0].Text, "suppressed:", suppressed)
	// Output:
	// {
	//   "schema": "tqa.baseline/v1",
	//   "findings": [
	//     {
	//       "fingerprint": "2aab3ab568c8c6657b1f1ded34b28edf",
	//       "check": "mixed-script",
	//       "path": "a.txt",
	//       "segment": "1",
	//       "side": "target",
	//       "text": "酝酿"
	//     }
	//   ]
	// }
	// 1 new: 北约 suppressed: 1
}

func ExampleRead() {
	_, err := baseline.Read("b.json", []byte(`{"schema": "tqa.baseline/v1", "findings": [
  {"fingerprint": "0", "check": "mixed-script", "path": "a.txt", "segment": "1", "side": "target", "text": "酝酿"}
]}`))
	fmt.Println(err)
	// Output:
	// baseline: b.json: finding 1 (mixed-script, a.txt segment 1): fingerprint "0" does not match its fields (want "2aab3ab568c8c6657b1f1ded34b28edf"); write the baseline again with tqa baseline update
}

// A Sieve filters findings that arrive in parts, as a streaming run
// writes them: the baseline's one entry accepts one of the two identical
// findings, whichever part it comes in.
func ExampleFile_Sieve() {
	accepted := []pipeline.Finding{
		{Check: "dash-substitute", Path: "a.jsonl", ID: "7", Text: "~", Span: pipeline.Span{Start: 3, End: 4}},
	}
	s := baseline.New(accepted, ".").Sieve(".")
	part1 := []pipeline.Finding{
		{Check: "dash-substitute", Path: "a.jsonl", ID: "7", Text: "~", Span: pipeline.Span{Start: 3, End: 4}},
	}
	part2 := []pipeline.Finding{
		{Check: "dash-substitute", Path: "a.jsonl", ID: "7", Text: "~", Span: pipeline.Span{Start: 9, End: 10}},
		{Check: "mixed-script", Path: "a.jsonl", ID: "8", Text: "北约", Span: pipeline.Span{Start: 0, End: 6}},
	}
	for i, part := range [][]pipeline.Finding{part1, part2} {
		for _, f := range s.Filter(part) {
			fmt.Printf("part %d: %s %q at %d\n", i+1, f.Check, f.Text, f.Span.Start)
		}
	}
	fmt.Println("suppressed:", s.Suppressed())
	// Output:
	// part 2: dash-substitute "~" at 9
	// part 2: mixed-script "北约" at 0
	// suppressed: 1
}
