package doccache_test

import (
	"context"
	"fmt"
	"os"

	"github.com/tqa-project/tqa/internal/doccache"
	"github.com/tqa-project/tqa/pipeline"
)

// A cache in a run's configuration: the second run takes the document's
// findings from the cache instead of checking it.
func Example() {
	dir, _ := os.MkdirTemp("", "doccache")
	defer os.RemoveAll(dir)
	c, err := doccache.Open(dir)
	if err != nil {
		panic(err)
	}
	checked := 0
	find := &pipeline.Check{Name: "find-x", Category: "fluency/spelling", Severity: pipeline.Minor, Run: func(p *pipeline.Pass) error {
		checked++
		p.Report(0, 0, pipeline.Finding{Span: pipeline.Span{Start: 0, End: 1}, Message: "an x"})
		return nil
	}}
	for range 2 {
		d := &pipeline.Document{Path: "a.txt", Segments: []pipeline.Segment{{ID: "1", Target: "x marks"}}}
		c.Add(d, doccache.Key([]byte("version and configuration"), []byte(d.Segments[0].Target)))
		fs, err := pipeline.Run(context.Background(), []*pipeline.Document{d}, []*pipeline.Check{find}, &pipeline.Config{Cache: c})
		if err != nil {
			panic(err)
		}
		fmt.Println(fs[0].Path, fs[0].Text, fs[0].Message)
	}
	fmt.Println("checked", checked, "time(s); stats:", c.Stats().Loaded, "loaded,", c.Stats().Stored, "stored")
	// Output:
	// a.txt x an x
	// a.txt x an x
	// checked 1 time(s); stats: 1 loaded, 1 stored
}
