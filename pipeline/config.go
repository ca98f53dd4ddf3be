package pipeline

import (
	"sync"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary"
	"github.com/tqa-project/tqa/glossary/cedict"
	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/pipeline/langid"
)

// Config is the typed configuration of a run. The zero value checks
// English targets with no glossary and no spelling profile.
type Config struct {
	// SourceLang and TargetLang apply to segments and documents whose
	// language the input does not give.
	SourceLang, TargetLang language.Tag

	// Glossaries are matched in this order; the first is the most
	// authoritative.
	Glossaries []*glossary.Glossary

	// Spelling is the spelling profile for English targets.
	Spelling spelling.Profile

	// Severity overrides checks' default severities, by check name.
	Severity map[string]Severity

	// Languages are the candidate languages of language identification
	// (checks wrong-language and foreign-fragment): the languages a text
	// may be found to be in. Empty means each segment's source and target
	// languages and langid.DefaultLanguages (French, German, Spanish,
	// Italian, Portuguese and Dutch).
	Languages []language.Tag
	// Allowed, when set, accepts findings: Run drops those it returns
	// true for (the allow lists of the configuration file).
	Allowed func(*Finding) bool

	// Dict is a Chinese–English dictionary in the CC-CEDICT format, from
	// which mixed-script gives the meaning of Chinese fragments; nil for
	// none.
	Dict *cedict.Dict

	// PinyinNames makes the pinyin check report capitalised pinyin words
	// (names such as Xi Jinping or Zhongnanhai) as neutral findings; by
	// default they are allowed and not reported.
	PinyinNames bool

	// Jobs limits how many documents are checked at once; 0 means
	// GOMAXPROCS.
	Jobs int

	// Cache, when set, keeps the findings of document-scoped checks
	// between runs: Run takes a document's findings from Load instead of
	// checking it, and gives Store the findings of each document it
	// checks, as soon as it has checked it. Run-scoped checks always run.
	Cache DocumentCache

	// DocumentFailed, when set, receives the error of a document-scoped
	// check that fails or panics on a document, and the run goes on: that
	// document's findings are left out of the run's (those of run-scoped
	// checks included) and the other documents are checked. Without it,
	// such an error stops the run.
	DocumentFailed func(doc int, err error)

	// DocumentDone, when set, is called once a document's
	// document-scoped checks have run (or its findings were loaded from
	// Cache), from the goroutine that checked it: for progress displays.
	DocumentDone func(doc int, d *Document)

	// OfficialNameThreshold is the similarity, above 0 and at most 1, from
	// which the official-name check reports a name close to an official
	// one; 0 means the check's default. Higher values report fewer, surer
	// near misses.
	OfficialNameThreshold float64

	matchers sync.Map // base language tag (langid.BaseOf) -> *glossary.Matcher
	runMemo  sync.Map // key -> *memoEntry
}

// Memo returns the value stored under key for the whole run, computing it
// with compute the first time (concurrent callers wait for it). Checks use
// it for what depends only on the configuration, such as an index of the
// glossaries; Pass.Memo is the per-document counterpart. Keys should be
// values of an unexported type of the calling package.
func (c *Config) Memo(key any, compute func() any) any {
	v, _ := c.runMemo.LoadOrStore(key, &memoEntry{})
	e := v.(*memoEntry)
	e.once.Do(func() { e.v = compute() })
	return e.v
}

// Matcher returns the glossary matcher for lang, built once per run.
func (c *Config) Matcher(lang language.Tag) *glossary.Matcher {
	base, _ := langid.BaseOf(lang) // cached: Tag.Base costs more than the lookup
	if m, ok := c.matchers.Load(base); ok {
		return m.(*glossary.Matcher)
	}
	m, _ := c.matchers.LoadOrStore(base, glossary.NewMatcher(base, c.Glossaries...))
	return m.(*glossary.Matcher)
}

// DocumentCache holds the findings of document-scoped checks by document
// (see Config.Cache). Implementations must be safe for concurrent use.
type DocumentCache interface {
	// Load returns the findings stored for d, and false when there are
	// none. Run sets each finding's Doc and Path to d's.
	Load(d *Document) ([]Finding, bool)
	// Store records the findings of d's document-scoped checks.
	Store(d *Document, fs []Finding)
}
