// Package retranslatetest provides a stand-in OpenAI-compatible chat
// completions server for tests of the retranslation stage: it records
// every request and answers as a test function says, with a reply, an
// error status (and Retry-After), a refusal, or no answer at all.
package retranslatetest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
)

// Request is one chat completion request as the server received it.
type Request struct {
	Model    string `json:"model"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	ResponseFormat *struct {
		Type       string `json:"type"`
		JSONSchema *struct {
			Name   string          `json:"name"`
			Strict bool            `json:"strict"`
			Schema json.RawMessage `json:"schema"`
		} `json:"json_schema"`
	} `json:"response_format"`
	Temperature *float64 `json:"temperature"`
	Seed        *int     `json:"seed"`

	// Body is the request body as sent; Authorization its header.
	Body          []byte `json:"-"`
	Authorization string `json:"-"`
}

// Segment is the user message of a request: the segment as the
// retranslation stage describes it.
type Segment struct {
	Task     string `json:"task"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	Findings []struct {
		Side, Text, Severity, Problem string
	} `json:"findings"`
	Glossary []struct {
		Found    string   `json:"found"`
		Use      []string `json:"use"`
		DoNotUse []string `json:"do_not_use"`
	} `json:"glossary"`
	Spelling string `json:"spelling"`
}

// Segment decodes the request's last user message.
func (r *Request) Segment() (Segment, error) {
	var s Segment
	for i := len(r.Messages) - 1; i >= 0; i-- {
		if r.Messages[i].Role == "user" {
			err := json.Unmarshal([]byte(r.Messages[i].Content), &s)
			return s, err
		}
	}
	return s, fmt.Errorf("no user message")
}

// Reply is what the server answers to one request.
type Reply struct {
	// Status, when not 0 or 200, is an error status, with Message in an
	// OpenAI error object and RetryAfter as the Retry-After header.
	Status     int
	RetryAfter string
	Message    string
	// Content, Refusal and FinishReason ("stop" when empty) make up a
	// successful answer.
	Content, Refusal, FinishReason string
	// Hang answers nothing until the client gives up.
	Hang bool
}

// Server is a stand-in chat completions server.
type Server struct {
	srv   *httptest.Server
	reply func(n int, req *Request) Reply

	mu       sync.Mutex
	requests []*Request
	inFlight int
	maxIn    int
}

// NewServer starts a server that answers the n-th request (from 0) with
// reply(n, req). Close it when done.
func NewServer(reply func(n int, req *Request) Reply) *Server {
	s := &Server{reply: reply}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// URL is the server's base URL, ending in /v1 as OpenAI's does.
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// Requests returns the requests received so far.
func (s *Server) Requests() []*Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Request(nil), s.requests...)
}

// MaxInFlight is the most requests the server was answering at once.
func (s *Server) MaxInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxIn
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		http.Error(w, `{"error":{"message":"not found","type":"invalid_request_error"}}`, http.StatusNotFound)
		return
	}
	body, _ := io.ReadAll(r.Body)
	req := &Request{Body: body, Authorization: r.Header.Get("Authorization")}
	if err := json.Unmarshal(body, req); err != nil {
		http.Error(w, `{"error":{"message":"bad JSON","type":"invalid_request_error"}}`, http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	n := len(s.requests)
	s.requests = append(s.requests, req)
	s.inFlight++
	s.maxIn = max(s.maxIn, s.inFlight)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()
	rep := s.reply(n, req)
	w.Header().Set("Content-Type", "application/json")
	switch {
	case rep.Hang:
		<-r.Context().Done()
		return
	case rep.Status != 0 && rep.Status != http.StatusOK:
		if rep.RetryAfter != "" {
			w.Header().Set("Retry-After", rep.RetryAfter)
		}
		w.WriteHeader(rep.Status)
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": rep.Message, "type": "server_error"}})
		return
	}
	finish := rep.FinishReason
	if finish == "" {
		finish = "stop"
	}
	msg := map[string]any{"role": "assistant", "content": rep.Content}
	if rep.Refusal != "" {
		msg["refusal"] = rep.Refusal
	}
	json.NewEncoder(w).Encode(map[string]any{
		"id": fmt.Sprintf("chatcmpl-%d", n), "object": "chat.completion", "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "message": msg, "finish_reason": finish}},
		"usage":   map[string]any{"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
	})
}

// Translation returns the content of a well-formed reply.
func Translation(text, notes string) string {
	b, _ := json.Marshal(map[string]string{"translation": text, "notes": notes})
	return string(b)
}
