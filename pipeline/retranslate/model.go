package retranslate

import (
	"context"
	"fmt"
	"time"
)

// Model is what the retranslation stage needs from a language model: one
// chat completion. OpenAI implements it over any OpenAI-compatible server;
// tests and other clients stand in for it.
type Model interface {
	Complete(ctx context.Context, req Request) (*Response, error)
}

// Format is the response format a request asks for.
type Format uint8

const (
	// JSONSchema asks for a JSON object that follows ReplySchema
	// (response_format json_schema, strict).
	JSONSchema Format = iota
	// JSONObject asks for any JSON object (response_format json_object),
	// for servers without json_schema support.
	JSONObject
)

func (f Format) String() string {
	if f == JSONObject {
		return "json_object"
	}
	return "json_schema"
}

// Message is one chat message: its role ("system" or "user") and text.
type Message struct {
	Role, Content string
}

// Request is one chat completion request. Temperature is always 0: the
// stage wants the model's most likely answer, the same on every run.
type Request struct {
	Model    string
	Messages []Message
	Format   Format
	Seed     int
}

// Response is the model's answer.
type Response struct {
	Content      string // the text of the first choice
	Refusal      string // the model's refusal message, if it refused
	FinishReason string // "stop", "length", "content_filter", ...
	Usage        Usage
}

// Usage counts the tokens of one request, as the server reports them.
type Usage struct {
	PromptTokens, CompletionTokens int
}

// APIError is an error status from the model's server. Requests that fail
// with 429 or a 5xx status are retried; RetryAfter is the wait the server
// asked for in its Retry-After header (0 when it gave none).
type APIError struct {
	StatusCode int
	RetryAfter time.Duration
	Message    string
}

func (e *APIError) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("HTTP status %d", e.StatusCode)
	}
	return fmt.Sprintf("HTTP status %d: %s", e.StatusCode, e.Message)
}

// fatal reports whether e ends the run: the key is refused (401), access
// is denied (403) or the model or endpoint does not exist (404), which
// every other request would meet too.
func (e *APIError) fatal() bool {
	return e.StatusCode == 401 || e.StatusCode == 403 || e.StatusCode == 404
}

// retryable reports whether the request that failed with e may succeed
// when sent again: rate limits (429) and server errors (5xx).
func (e *APIError) retryable() bool {
	return e.StatusCode == 429 || e.StatusCode >= 500
}
