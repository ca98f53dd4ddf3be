package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/internal/links"
	"github.com/tqa-project/tqa/pipeline"
	"github.com/tqa-project/tqa/pipeline/retranslate"
	"github.com/tqa-project/tqa/reports"
)

// apiKeyVars are the environment variables that may hold the model
// server's API key, the first set wins. The key is never taken from a
// flag, so that it stays out of shell histories and process lists.
var apiKeyVars = []string{"TQA_LLM_API_KEY", "OPENAI_API_KEY"}

// llmFlags are the flags of tqa check's retranslation stage.
type llmFlags struct {
	retranslate bool
	baseURL     string
	model       string
	concurrency int
	timeout     time.Duration
	maxRequests int
	cacheDir    string
	dryRun      bool
	min         string
}

func addLLMFlags(cmd *cobra.Command, fl *llmFlags) {
	f := cmd.Flags()
	f.BoolVar(&fl.retranslate, "retranslate", false, "ask a language model for new targets of flagged segments and verify them with the checks (key from TQA_LLM_API_KEY or OPENAI_API_KEY)")
	f.StringVar(&fl.baseURL, "llm-base-url", retranslate.DefaultBaseURL, "base URL of an OpenAI-compatible API (OpenAI, Azure OpenAI v1, Ollama, vLLM, llama.cpp, LiteLLM)")
	f.StringVar(&fl.model, "llm-model", "", "model (or Azure deployment) to ask; required with --retranslate")
	f.IntVar(&fl.concurrency, "llm-concurrency", 4, "requests in flight at once")
	f.DurationVar(&fl.timeout, "llm-timeout", 60*time.Second, "time limit of each request")
	f.IntVar(&fl.maxRequests, "llm-max-requests", 0, "at most this many requests in the run, retries included (0: no limit)")
	f.StringVar(&fl.cacheDir, "llm-cache", "", "directory that keeps the model's replies; a rerun with the same inputs sends no request")
	f.BoolVar(&fl.dryRun, "llm-dry-run", false, "print the prompts on stderr and send nothing")
	f.StringVar(&fl.min, "retranslate-min", "major", "retranslate segments with a finding at or above this severity")
}

// checkLLMFlags refuses --llm-* flags given without --retranslate. It
// runs before the command, on the command line alone.
func checkLLMFlags(cmd *cobra.Command, fl *llmFlags) error {
	if fl.retranslate {
		return nil
	}
	for _, name := range []string{"llm-base-url", "llm-model", "llm-concurrency", "llm-timeout", "llm-max-requests", "llm-cache", "llm-dry-run", "retranslate-min"} {
		if cmd.Flags().Changed(name) {
			return usageError("--%s needs --retranslate", name)
		}
	}
	return nil
}

// validateLLM checks the settings of the retranslation stage, wherever
// they came from, against the report format.
func validateLLM(fl *llmFlags, format string) error {
	if !fl.retranslate {
		if format == "patch" {
			return usageError("--format patch needs --retranslate")
		}
		return nil
	}
	if format == "jsonl" {
		return usageError("--format jsonl streams its findings: --retranslate needs a whole report (use --format json)")
	}
	if fl.model == "" {
		return usageError("--retranslate needs --llm-model")
	}
	if _, err := pipeline.ParseSeverity(fl.min); err != nil {
		return usageError("--retranslate-min: %v", err)
	}
	if fl.concurrency < 1 {
		return usageError("--llm-concurrency: want at least 1, got %d", fl.concurrency)
	}
	if fl.maxRequests < 0 || fl.timeout < 0 {
		return usageError("--llm-max-requests and --llm-timeout cannot be negative")
	}
	return nil
}

// apiKey returns the API key from the environment.
func apiKey() string {
	for _, v := range apiKeyVars {
		if k := os.Getenv(v); k != "" {
			return k
		}
	}
	return ""
}

// runRetranslate runs the retranslation stage on rep and records its
// proposals and the files they change. files are the files of
// rep.Documents, in the same order; opt is how they were read.
func runRetranslate(ctx context.Context, fl *llmFlags, rep *reports.Report, files []*corpus.File, opt corpus.Options, list []*pipeline.Check, cfg *pipeline.Config, stderr io.Writer) error {
	min, _ := pipeline.ParseSeverity(fl.min)
	key := apiKey()
	if key == "" && !fl.dryRun && fl.baseURL == retranslate.DefaultBaseURL {
		return usageError("--retranslate: set TQA_LLM_API_KEY or OPENAI_API_KEY to the API key (or point --llm-base-url at a server that needs none)")
	}
	ropt := retranslate.Options{
		ModelName:   fl.model,
		Endpoint:    fl.baseURL,
		Checks:      list,
		Config:      cfg,
		Reread:      rereader(files, opt),
		MinSeverity: min,
		Concurrency: fl.concurrency,
		Timeout:     fl.timeout,
		MaxRequests: fl.maxRequests,
	}
	if fl.dryRun {
		ropt.DryRun = stderr
	} else {
		ropt.Model = retranslate.NewOpenAI(retranslate.OpenAIConfig{BaseURL: fl.baseURL, APIKey: key})
	}
	if fl.cacheDir != "" {
		c, err := retranslate.OpenCache(fl.cacheDir)
		if err != nil {
			return err
		}
		ropt.Cache = c
	}
	props, stats, err := retranslate.Run(ctx, rep.Documents, rep.Findings, ropt)
	if err != nil {
		return err
	}
	rep.Proposals = props
	if !fl.dryRun {
		fmt.Fprintf(stderr, "tqa: retranslate: %s\n", stats)
	}
	rep.Changes, err = fileChanges(files, props)
	return err
}

// rereader returns a retranslate.Verifier.Reread that writes the new
// target into its file and reads the file again.
func rereader(files []*corpus.File, opt corpus.Options) func(*pipeline.Document, int, string) (pipeline.Segment, error) {
	byDoc := map[*pipeline.Document]*corpus.File{}
	for _, f := range files {
		byDoc[f.Doc] = f
	}
	return func(doc *pipeline.Document, seg int, target string) (pipeline.Segment, error) {
		f, ok := byDoc[doc]
		if !ok {
			return pipeline.Segment{}, fmt.Errorf("%s is not a file of this run", doc.Path)
		}
		out, err := f.Bytes(map[int]string{seg: target})
		if err != nil {
			return pipeline.Segment{}, err
		}
		if f.Source != "" {
			// An aligned pair reads back into new beads: the segment is
			// the old one with the new target.
			s := doc.Segments[seg]
			s.Target, s.TargetSkip = target, links.Find(target)
			s.TargetLoc = pipeline.At(s.Locate(pipeline.Target, 0))
			return s, nil
		}
		o := opt
		o.Encoding = f.Encoding.Name
		g, err := corpus.Parse(doc.Path, out, doc.Format, o)
		if err != nil {
			return pipeline.Segment{}, err
		}
		if seg >= len(g.Doc.Segments) {
			return pipeline.Segment{}, fmt.Errorf("%s reads back with %d segments", doc.Path, len(g.Doc.Segments))
		}
		return g.Doc.Segments[seg], nil
	}
}

// fileChanges writes the accepted proposals into their files, in memory.
func fileChanges(files []*corpus.File, props []reports.Proposal) ([]reports.FileChange, error) {
	targets := map[int]map[int]string{}
	for _, p := range props {
		if p.Status != reports.Accepted {
			continue
		}
		if targets[p.Doc] == nil {
			targets[p.Doc] = map[int]string{}
		}
		targets[p.Doc][p.Segment] = p.Proposed
	}
	docs := make([]int, 0, len(targets))
	for d := range targets {
		docs = append(docs, d)
	}
	sort.Ints(docs)
	var out []reports.FileChange
	for _, d := range docs {
		f := files[d]
		old, err := f.Bytes(nil)
		if err != nil {
			return nil, err
		}
		next, err := f.Bytes(targets[d])
		if err != nil {
			return nil, err
		}
		out = append(out, reports.FileChange{Path: f.Doc.Path, Old: old, New: next})
	}
	return out, nil
}

// digests returns "sha256:<hex>" of each file as read.
func digests(files []*corpus.File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = digestOf(f.SHA256())
	}
	return out
}

func digest(data []byte) string { return digestOf(sha256.Sum256(data)) }

func digestOf(sum [sha256.Size]byte) string { return "sha256:" + hex.EncodeToString(sum[:]) }

// writeProposalsText lists the proposals after a text report: where, the
// verdict and its reasons, and the old and new text.
func writeProposalsText(w io.Writer, rep *reports.Report) error {
	if len(rep.Proposals) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%d proposals:\n", len(rep.Proposals))
	for _, p := range rep.Proposals {
		seg := &rep.Documents[p.Doc].Segments[p.Segment]
		pos := seg.Locate(pipeline.Target, 0)
		fmt.Fprintf(&b, "%s:%d: %s", p.Path, pos.Line, p.Status)
		if p.Model != "" {
			fmt.Fprintf(&b, " (%s)", p.Model)
		}
		b.WriteString("\n")
		for _, r := range p.Reasons {
			fmt.Fprintf(&b, "  %s\n", r)
		}
		fmt.Fprintf(&b, "  - %s\n", oneLine(p.Original))
		if p.Proposed != "" {
			fmt.Fprintf(&b, "  + %s\n", oneLine(p.Proposed))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// oneLine shows line breaks of s as ⏎.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "⏎") }
