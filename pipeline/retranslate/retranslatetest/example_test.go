package retranslatetest_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"

	"github.com/tqa-project/tqa/pipeline/retranslate/retranslatetest"
)

func ExampleNewServer() {
	srv := retranslatetest.NewServer(func(n int, req *retranslatetest.Request) retranslatetest.Reply {
		if n == 0 {
			return retranslatetest.Reply{Status: http.StatusTooManyRequests, RetryAfter: "1"}
		}
		return retranslatetest.Reply{Content: retranslatetest.Translation("US Is Considering Leaving NATO", "")}
	})
	defer srv.Close()
	for range 2 {
		resp, err := http.Post(srv.URL()+"/chat/completions", "application/json", bytes.NewReader([]byte(`{"model": "m"}`)))
		if err != nil {
			fmt.Println(err)
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		fmt.Printf("%d %q\n", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	fmt.Println(len(srv.Requests()), "requests")
	// Output:
	// 429 "1"
	// 200 ""
	// 2 requests
}
