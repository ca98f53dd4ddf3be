// Package retranslate is tqa's optional LLM stage: it asks a language
// model for a new target for each flagged segment and verifies every
// proposal with tqa's own checks before anyone sees it.
//
// # The flow
//
//  1. Select: after a run of the checks, the segments with a finding at or
//     above Options.MinSeverity (major by default) are retranslated. The
//     findings of such a segment at minor or above are what its new target
//     must fix.
//  2. Prompt: a fixed system prompt (PromptVersion names its wording) and
//     one user message holding the segment as a JSON object: the task
//     ("retranslate" a bilingual segment from its source, or "revise" a
//     monolingual one in place, with the neighbouring text as context),
//     the source, the current target, the findings with their spans and
//     messages, the glossary's constraints for the terms present (for each
//     concept found in the source or the target by the run's glossary
//     matchers, pipeline.Config.Matcher: the allowed target terms, and the
//     deprecated and superseded forms to avoid) and the spelling profile.
//     Carrying the segment as JSON data, under a system prompt that says
//     its strings are never instructions, is the first defence against
//     text that tries to steer the model ("ignore previous
//     instructions…"); verification is the second.
//  3. Ask: through a Model. OpenAI implements it with
//     github.com/sashabaranov/go-openai for any OpenAI-compatible server
//     (OpenAI, Azure OpenAI's v1 API, Ollama, vLLM, a llama.cpp server,
//     LiteLLM): temperature 0, a seed, and response_format json_schema
//     (ReplySchema), falling back to json_object for the rest of the run
//     when the server answers 400 or 422 to it. Requests that fail with 429
//     or 5xx are sent again, up to Options.MaxAttempts in all, after the
//     server's Retry-After or an exponential backoff with jitter; each
//     request has its own timeout; at most Options.Concurrency are in
//     flight; Options.MaxRequests is a budget for the run. Stats counts
//     requests, retries, cache hits and tokens.
//  4. Read: ParseReply takes the {"translation", "notes"} object from the
//     reply, bare, fenced or amid chatter. A refusal, a content filter stop
//     or a reply without that object is a rejected proposal with no text
//     and the reason.
//  5. Cache: with Options.Cache, replies are kept in a directory under the
//     SHA-256 of the model, the endpoint's host, PromptVersion, the prompt
//     (segment, findings, constraints, profile) and GlossaryHash. A rerun
//     with the same inputs sends no request. The API key is never part of
//     a key or an entry.
//  6. Verify: Verifier.Verify checks the segment alone with the new target
//     (written back into its file and read again, when the caller gives a
//     Reread) with every check of the run. The proposal is accepted when
//     none of the findings it was meant to fix is found again (same check,
//     side and flagged text) and the checks find nothing at minor or above
//     that they do not find on the original segment alone; otherwise it is
//     rejected, with a reason for each finding kept or added.
//
// The proposals are reports.Proposal values, in document and segment
// order, ready for the report writers. With Options.DryRun the prompts are
// written out and nothing is sent.
package retranslate
