package retranslate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/reports"
)

// Options configure a retranslation run.
type Options struct {
	// Model answers the requests; ModelName is the model asked for (sent
	// in each request, recorded in each proposal and in cache keys).
	Model     Model
	ModelName string
	// Endpoint is the server's base URL; its host is part of cache keys.
	Endpoint string

	// Checks and Config are the run's: the prompt takes the glossary and
	// the spelling profile from Config, and proposals are verified with
	// Checks. Reread is Verifier.Reread.
	Checks []*pipeline.Check
	Config *pipeline.Config
	Reread func(doc *pipeline.Document, seg int, target string) (pipeline.Segment, error)

	// MinSeverity selects the segments to retranslate: those with a
	// finding at or above it (default major).
	MinSeverity pipeline.Severity
	// Concurrency is the number of requests in flight at once (default 4).
	Concurrency int
	// Timeout bounds each request (0: no bound but the context's).
	Timeout time.Duration
	// MaxRequests is the budget of requests for the run, retries included
	// (0: no budget). Segments that the budget leaves out are counted in
	// Stats.Skipped and get no proposal.
	MaxRequests int
	// MaxAttempts is how often a request that fails with 429 or 5xx is
	// sent in all (default 4).
	MaxAttempts int
	// Seed is sent with every request, for servers that sample with one.
	Seed int

	// Cache, when set, keeps replies across runs.
	Cache *Cache
	// GlossaryHash is GlossaryHash(Config.Glossaries), part of cache keys;
	// Run computes it when empty.
	GlossaryHash string

	// DryRun, when set, receives the prompts, and nothing is sent.
	DryRun io.Writer

	// Sleep waits between attempts; nil means a timer that the context
	// cancels. Tests replace it to run without waiting.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Stats count what a run did.
type Stats struct {
	Segments  int // segments selected for retranslation
	Requests  int // requests sent, retries included
	Retries   int // requests sent again after 429 or 5xx
	CacheHits int // replies taken from the cache
	Skipped   int // segments not sent: the request budget was spent
	Failed    int // segments without a usable reply
	Accepted  int
	Rejected  int // rejected proposals, the failed segments included

	PromptTokens, CompletionTokens int
}

func (s Stats) String() string {
	return fmt.Sprintf("%d segments: %d accepted, %d rejected (%d without a usable reply), %d not sent (request budget); %d requests (%d retries), %d from the cache; %d prompt and %d completion tokens",
		s.Segments, s.Accepted, s.Rejected, s.Failed, s.Skipped, s.Requests, s.Retries, s.CacheHits, s.PromptTokens, s.CompletionTokens)
}

// Backoff between attempts: exponential from backoffBase, with jitter, at
// most backoffMax; a Retry-After from the server is waited as given, up to
// retryAfterMax.
const (
	backoffBase   = time.Second
	backoffMax    = 30 * time.Second
	retryAfterMax = 5 * time.Minute
)

// errBudget is returned when the request budget is spent.
var errBudget = errors.New("the request budget is spent")

// job is one segment to retranslate.
type job struct {
	doc   *pipeline.Document
	di    int // index of doc in the run
	seg   int
	fixes []pipeline.Finding
	msgs  []Message
	key   string
}

// flagged is a segment to retranslate and the findings to fix.
type flagged struct {
	doc, seg int
	fixes    []pipeline.Finding
}

// selectSegments returns, in report order, the segments of docs that have
// a finding at or above min, each with its findings at minor or above:
// the problems a new target must fix. findings must be in report order
// (pipeline.SortFindings), where each segment's findings are together.
func selectSegments(docs []*pipeline.Document, findings []pipeline.Finding, min pipeline.Severity) []flagged {
	var out []flagged
	for i := 0; i < len(findings); {
		f := findings[i]
		j := i
		worst := pipeline.Severity(0)
		var fixes []pipeline.Finding
		for ; j < len(findings) && findings[j].Doc == f.Doc && findings[j].Segment == f.Segment; j++ {
			worst = max(worst, findings[j].Severity)
			if findings[j].Severity >= pipeline.Minor {
				fixes = append(fixes, findings[j])
			}
		}
		i = j
		if worst < min || f.Doc < 0 || f.Doc >= len(docs) || f.Segment < 0 || f.Segment >= len(docs[f.Doc].Segments) {
			continue
		}
		if s := &docs[f.Doc].Segments[f.Segment]; s.Bilingual() || s.Target != "" {
			out = append(out, flagged{f.Doc, f.Segment, fixes})
		}
	}
	return out
}

// Run asks opt.Model for a new target for every segment of docs that has
// a finding at or above opt.MinSeverity, verifies each reply with
// Verifier.Verify and returns the proposals in report order with the
// run's counts. A segment whose request fails (after retries) or whose
// reply cannot be read gets a rejected proposal with no text and the
// reason. Run fails when the server refuses the key, denies access or
// does not know the model (401, 403, 404: every request would fail so),
// when ctx is cancelled, the cache cannot be written, or a check fails.
func Run(ctx context.Context, docs []*pipeline.Document, findings []pipeline.Finding, opt Options) ([]reports.Proposal, Stats, error) {
	r, err := newRunner(opt)
	if err != nil {
		return nil, Stats{}, err
	}
	var jobs []*job
	for _, fl := range selectSegments(docs, findings, r.opt.MinSeverity) {
		msgs := buildPrompt(docs[fl.doc], fl.seg, fl.fixes, r.opt.Config)
		jobs = append(jobs, &job{doc: docs[fl.doc], di: fl.doc, seg: fl.seg, fixes: fl.fixes, msgs: msgs,
			key: cacheKey(r.opt.ModelName, r.host, r.opt.GlossaryHash, msgs)})
	}
	r.stats.Segments = len(jobs)
	if opt.DryRun != nil {
		return nil, r.stats, writePrompts(opt.DryRun, jobs, r.opt.ModelName)
	}
	results := make([]*reports.Proposal, len(jobs))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(r.opt.Concurrency)
	for i, j := range jobs {
		g.Go(func() error {
			p, err := r.do(gctx, j)
			results[i] = p
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, r.stats, err
	}
	var out []reports.Proposal
	for _, p := range results {
		if p == nil {
			continue
		}
		if p.Status == reports.Accepted {
			r.stats.Accepted++
		} else {
			r.stats.Rejected++
		}
		out = append(out, *p)
	}
	return out, r.stats, nil
}

// runner holds the state of one Run.
type runner struct {
	opt      Options
	host     string
	verifier *Verifier
	sent     atomic.Int64 // requests taken from the budget
	noSchema atomic.Bool  // the server refused json_schema: use json_object

	mu    sync.Mutex
	stats Stats
}

func newRunner(opt Options) (*runner, error) {
	if opt.Model == nil && opt.DryRun == nil {
		return nil, errors.New("retranslate: no model")
	}
	if opt.Config == nil {
		opt.Config = &pipeline.Config{}
	}
	if opt.MinSeverity == 0 {
		opt.MinSeverity = pipeline.Major
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = 4
	}
	if opt.MaxAttempts <= 0 {
		opt.MaxAttempts = 4
	}
	if opt.Sleep == nil {
		opt.Sleep = sleep
	}
	if opt.GlossaryHash == "" {
		h, err := GlossaryHash(opt.Config.Glossaries)
		if err != nil {
			return nil, err
		}
		opt.GlossaryHash = h
	}
	endpoint := opt.Endpoint
	if endpoint == "" {
		endpoint = DefaultBaseURL
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("retranslate: endpoint %q is not a URL with a host", endpoint)
	}
	return &runner{
		opt:      opt,
		host:     u.Host,
		verifier: &Verifier{Checks: opt.Checks, Config: opt.Config, Reread: opt.Reread},
	}, nil
}

// do retranslates one segment. It returns nil when the budget left the
// segment out.
func (r *runner) do(ctx context.Context, j *job) (*reports.Proposal, error) {
	var reply Reply
	hit := false
	if r.opt.Cache != nil {
		var err error
		if reply, hit, err = r.opt.Cache.get(j.key); err != nil {
			return nil, err
		}
	}
	if hit {
		r.count(func(s *Stats) { s.CacheHits++ })
	} else {
		var err error
		reply, err = r.ask(ctx, j)
		var ae *APIError
		switch {
		case errors.As(err, &ae) && ae.fatal():
			return nil, fmt.Errorf("retranslate: %s: %w", r.host, err)
		case errors.Is(err, errBudget):
			r.count(func(s *Stats) { s.Skipped++ })
			return nil, nil
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case err != nil:
			r.count(func(s *Stats) { s.Failed++ })
			s := &j.doc.Segments[j.seg]
			return &reports.Proposal{
				Doc: j.di, Path: j.doc.Path, Segment: j.seg, ID: s.ID,
				Original: s.Target, Status: reports.Rejected,
				Reasons: []string{"no proposal: " + errString(err, r.opt.Timeout)},
				Model:   r.opt.ModelName, Fixes: j.fixes,
			}, nil
		}
		if r.opt.Cache != nil {
			if err := r.opt.Cache.put(j.key, r.opt.ModelName, reply); err != nil {
				return nil, err
			}
		}
	}
	p, err := r.verifier.Verify(ctx, j.doc, j.di, j.seg, j.fixes, reply.Translation)
	if err != nil {
		return nil, err
	}
	p.Model = r.opt.ModelName
	p.Notes = reply.Notes
	return &p, nil
}

// ask sends the request of j until it succeeds, fails for good, or the
// attempts or the budget run out, and reads the reply.
func (r *runner) ask(ctx context.Context, j *job) (Reply, error) {
	fellBack := false
	for attempt := 0; ; {
		if max := r.opt.MaxRequests; max > 0 && r.sent.Add(1) > int64(max) {
			return Reply{}, errBudget
		}
		format := JSONSchema
		if r.noSchema.Load() {
			format = JSONObject
		}
		actx, cancel := ctx, context.CancelFunc(func() {})
		if r.opt.Timeout > 0 {
			actx, cancel = context.WithTimeout(ctx, r.opt.Timeout)
		}
		resp, err := r.opt.Model.Complete(actx, Request{Model: r.opt.ModelName, Messages: j.msgs, Format: format, Seed: r.opt.Seed})
		cancel()
		r.count(func(s *Stats) { s.Requests++ })
		if err == nil {
			r.count(func(s *Stats) {
				s.PromptTokens += resp.Usage.PromptTokens
				s.CompletionTokens += resp.Usage.CompletionTokens
			})
			return readResponse(resp)
		}
		var ae *APIError
		if !errors.As(err, &ae) {
			return Reply{}, err
		}
		if format == JSONSchema && !fellBack && (ae.StatusCode == 400 || ae.StatusCode == 422) {
			// The server may not know json_schema: ask again with
			// json_object, and keep to it for the rest of the run.
			fellBack = true
			r.noSchema.Store(true)
			continue
		}
		attempt++
		if !ae.retryable() || attempt >= r.opt.MaxAttempts {
			return Reply{}, err
		}
		if err := r.opt.Sleep(ctx, backoff(attempt, ae.RetryAfter)); err != nil {
			return Reply{}, err
		}
		r.count(func(s *Stats) { s.Retries++ })
	}
}

// readResponse reads a reply, or says why there is none.
func readResponse(resp *Response) (Reply, error) {
	if resp.Refusal != "" {
		return Reply{}, fmt.Errorf("the model refused: %s", resp.Refusal)
	}
	if resp.FinishReason == "content_filter" {
		return Reply{}, errors.New("the server's content filter stopped the reply")
	}
	reply, err := ParseReply(resp.Content)
	if err != nil {
		snippet := strings.Join(strings.Fields(resp.Content), " ")
		if snippet == "" {
			return Reply{}, errors.New("the reply is empty")
		}
		return Reply{}, fmt.Errorf("%w: %q", err, firstChars(snippet, 160))
	}
	return reply, nil
}

// backoff returns the wait before attempt (1 for the first retry): the
// server's Retry-After when it gave one, else an exponential backoff with
// "equal jitter" (half fixed, half random).
func backoff(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, retryAfterMax)
	}
	d := backoffBase << (attempt - 1)
	if d > backoffMax || d <= 0 {
		d = backoffMax
	}
	return d/2 + rand.N(d/2+1)
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (r *runner) count(f func(*Stats)) {
	r.mu.Lock()
	f(&r.stats)
	r.mu.Unlock()
}

// writePrompts writes the prompts of a dry run: the system prompt once,
// then each segment's user message.
func writePrompts(w io.Writer, jobs []*job, model string) error {
	if len(jobs) == 0 {
		_, err := fmt.Fprintln(w, "retranslate: no segment to send")
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "=== system prompt (model %s, %s)\n%s\n", model, PromptVersion, systemPrompt)
	for _, j := range jobs {
		fmt.Fprintf(&b, "\n=== %s segment %s\n%s\n", j.doc.Path, j.doc.Segments[j.seg].ID, j.msgs[1].Content)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
