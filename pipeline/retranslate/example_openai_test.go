package retranslate_test

import (
	"context"
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/checks"
	"github.com/tqa-project/tqa/pipeline/retranslate"
	"github.com/tqa-project/tqa/pipeline/retranslate/retranslatetest"
)

func ExampleNewOpenAI() {
	// A stand-in for an OpenAI-compatible server (Ollama, vLLM, ...).
	srv := retranslatetest.NewServer(func(int, *retranslatetest.Request) retranslatetest.Reply {
		return retranslatetest.Reply{Content: retranslatetest.Translation("US Is Considering Leaving NATO", "translated 酝酿")}
	})
	defer srv.Close()

	model := retranslate.NewOpenAI(retranslate.OpenAIConfig{BaseURL: srv.URL(), APIKey: os.Getenv("TQA_LLM_API_KEY")})
	resp, err := model.Complete(context.Background(), retranslate.Request{
		Model:    "qwen2.5:7b",
		Messages: []retranslate.Message{{Role: "user", Content: `{"target": "US is酝酿 Leaving NATO"}`}},
		Format:   retranslate.JSONSchema,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	reply, _ := retranslate.ParseReply(resp.Content)
	fmt.Println(reply.Translation)
	fmt.Println(srv.Requests()[0].ResponseFormat.Type)
	// Output:
	// US Is Considering Leaving NATO
	// json_schema
}

func ExampleOpenCache() {
	dir, _ := os.MkdirTemp("", "tqa-cache")
	defer os.RemoveAll(dir)
	cache, err := retranslate.OpenCache(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := &pipeline.Document{Path: "news.txt", Format: "text", TargetLang: language.English,
		Segments: []pipeline.Segment{{ID: "1", Kind: pipeline.Heading, Target: "US is酝酿 Leaving NATO"}}}
	list := checks.All()
	cfg := &pipeline.Config{}
	findings, _ := pipeline.Run(context.Background(), []*pipeline.Document{doc}, list, cfg)
	opt := retranslate.Options{Model: fixedModel("US Is Considering Leaving NATO"), ModelName: "m", Checks: list, Config: cfg, Cache: cache}
	for range 2 {
		_, stats, err := retranslate.Run(context.Background(), []*pipeline.Document{doc}, findings, opt)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(stats.Requests, "requests,", stats.CacheHits, "from the cache")
	}
	// Output:
	// 1 requests, 0 from the cache
	// 0 requests, 1 from the cache
}
