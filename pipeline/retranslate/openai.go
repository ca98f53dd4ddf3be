package retranslate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// OpenAIConfig says where an OpenAI-compatible server is and how to reach
// it.
type OpenAIConfig struct {
	// BaseURL is the API root, with its version path: the default
	// "https://api.openai.com/v1", "http://localhost:11434/v1" for Ollama,
	// "http://localhost:8000/v1" for vLLM, "http://localhost:8080/v1" for a
	// llama.cpp server, "https://RESOURCE.openai.azure.com/openai/v1" for
	// Azure OpenAI's v1 API, a LiteLLM proxy's URL.
	BaseURL string
	// APIKey is sent as a bearer token. It is never written anywhere
	// else: not in errors, reports or the cache.
	APIKey string
	// HTTPClient sends the requests; nil means a new http.Client. Its own
	// timeout, if any, applies on top of the context's.
	HTTPClient *http.Client
}

// DefaultBaseURL is OpenAI's API root.
const DefaultBaseURL = "https://api.openai.com/v1"

// OpenAI is a Model on an OpenAI-compatible chat completions endpoint,
// through github.com/sashabaranov/go-openai.
type OpenAI struct {
	client *openai.Client
	key    string
}

// NewOpenAI returns a client for the server of cfg.
func NewOpenAI(cfg OpenAIConfig) *OpenAI {
	c := openai.DefaultConfig(cfg.APIKey)
	if cfg.BaseURL != "" {
		c.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/")
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	c.HTTPClient = headerRecorder{hc}
	return &OpenAI{client: openai.NewClientWithConfig(c), key: cfg.APIKey}
}

// replySchema is the JSON Schema of the reply: the translation and notes.
var replySchema = json.RawMessage(`{
  "type": "object",
  "properties": {
    "translation": {"type": "string", "description": "the complete new target text of the segment"},
    "notes": {"type": "string", "description": "what was changed and why, in one or two sentences"}
  },
  "required": ["translation", "notes"],
  "additionalProperties": false
}`)

// ReplySchema is the JSON Schema that replies follow when the server
// supports response_format json_schema.
func ReplySchema() json.RawMessage { return replySchema }

// zeroTemperature stands for temperature 0: go-openai leaves a zero
// Temperature out of the request (its field is omitempty), and servers then
// use their default, 1. The smallest positive float32 is sent instead,
// which is 0 for every sampler (see go-openai issue 9).
const zeroTemperature = math.SmallestNonzeroFloat32

// Complete sends one chat completion request.
func (o *OpenAI) Complete(ctx context.Context, req Request) (*Response, error) {
	seed := req.Seed
	creq := openai.ChatCompletionRequest{
		Model:       req.Model,
		Temperature: zeroTemperature,
		Seed:        &seed,
	}
	for _, m := range req.Messages {
		creq.Messages = append(creq.Messages, openai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	switch req.Format {
	case JSONSchema:
		creq.ResponseFormat = &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
				Name:   "retranslation",
				Schema: replySchema,
				Strict: true,
			},
		}
	case JSONObject:
		creq.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	}
	// Reasoning models fix their sampling: go-openai refuses a temperature
	// for them, so theirs is left to the server.
	if openai.NewReasoningValidator().Validate(creq) != nil {
		creq.Temperature = 0
	}
	rec := &recorded{}
	resp, err := o.client.CreateChatCompletion(context.WithValue(ctx, recordKey{}, rec), creq)
	if err != nil {
		return nil, redact(apiError(err, rec), o.key)
	}
	if len(resp.Choices) == 0 {
		return nil, errors.New("the reply has no choices")
	}
	ch := resp.Choices[0]
	return &Response{
		Content:      ch.Message.Content,
		Refusal:      ch.Message.Refusal,
		FinishReason: string(ch.FinishReason),
		Usage:        Usage{PromptTokens: resp.Usage.PromptTokens, CompletionTokens: resp.Usage.CompletionTokens},
	}, nil
}

// apiError turns go-openai's errors for HTTP error statuses into an
// *APIError with the Retry-After the server sent.
func apiError(err error, rec *recorded) error {
	var ae *openai.APIError
	var re *openai.RequestError
	switch {
	case errors.As(err, &ae):
		return &APIError{StatusCode: ae.HTTPStatusCode, RetryAfter: rec.retryAfter, Message: ae.Message}
	case errors.As(err, &re):
		msg := strings.TrimSpace(string(re.Body))
		if len(msg) > 200 {
			msg = msg[:200] + "…"
		}
		return &APIError{StatusCode: re.HTTPStatusCode, RetryAfter: rec.retryAfter, Message: msg}
	}
	return err
}

// redact keeps the API key out of err, for servers that quote it in
// their error messages: the message of a 401 is dropped, and the key is
// cut out of any other. err is not changed: after a cancellation, other
// requests' errors may wrap it.
func redact(err error, key string) error {
	ae, ok := err.(*APIError)
	if !ok {
		if key != "" && strings.Contains(err.Error(), key) {
			return errors.New(strings.ReplaceAll(err.Error(), key, "[API key]"))
		}
		return err
	}
	c := *ae
	if c.StatusCode == http.StatusUnauthorized {
		c.Message = "the server refused the API key"
	} else if key != "" {
		c.Message = strings.ReplaceAll(c.Message, key, "[API key]")
	}
	return &c
}

// recordKey is the context key of the *recorded of one request.
type recordKey struct{}

// recorded is what headerRecorder saw of a response that go-openai does
// not pass on.
type recorded struct {
	retryAfter time.Duration
}

// headerRecorder is the HTTP client under go-openai: it notes the
// Retry-After header of each response in the request's *recorded, since
// go-openai's errors do not carry response headers.
type headerRecorder struct{ c *http.Client }

func (h headerRecorder) Do(req *http.Request) (*http.Response, error) {
	resp, err := h.c.Do(req)
	if resp != nil {
		if rec, ok := req.Context().Value(recordKey{}).(*recorded); ok {
			rec.retryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
		}
	}
	return resp, err
}

// parseRetryAfter reads a Retry-After value (RFC 9110, 10.2.3): a number
// of seconds or an HTTP date. It returns 0 when v is empty or invalid, or
// asks for more than a day.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if s <= 0 || math.IsNaN(s) || s > 24*3600 {
			return 0
		}
		return time.Duration(s * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) && t.Sub(now) <= 24*time.Hour {
		return t.Sub(now)
	}
	return 0
}

var _ Model = (*OpenAI)(nil)

// errString describes err for a report: its message, with what context
// adds for timeouts and cancellation.
func errString(err error, timeout time.Duration) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		if timeout > 0 {
			return fmt.Sprintf("the request timed out after %v", timeout)
		}
		return "the request timed out"
	case errors.Is(err, context.Canceled):
		return "the request was cancelled"
	}
	return err.Error()
}
