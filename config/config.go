package config

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/glossary/spelling"
	"github.com/tqa-project/tqa/pipeline"
)

// Name is the file name that Find looks for.
const Name = ".tqa.yaml"

// File is a configuration file, decoded and validated. A field left out
// of the file has its zero value (nil for the pointers), which means "not
// set": the command line's default applies.
//
// Relative paths in the file (glossaries, baseline, the LLM cache
// directory, report outputs) are relative to the file's directory; Parse
// and Load join them to Dir, so that they can be opened from the working
// directory as they are.
type File struct {
	// Path is the file as it was loaded and Dir its directory. Include
	// and Exclude globs are matched against paths relative to Dir.
	Path string `yaml:"-"`
	Dir  string `yaml:"-"`

	// SourceLang and TargetLang are the languages (BCP 47) of documents
	// and segments whose input does not give them; language.Und when not
	// set.
	SourceLang language.Tag `yaml:"source-lang"`
	TargetLang language.Tag `yaml:"target-lang"`

	// Glossaries are TBX or CSV files, the first the most authoritative.
	Glossaries []string `yaml:"glossaries"`
	// BuiltinGlossary turns the built-in NATO glossary on or off.
	BuiltinGlossary *bool `yaml:"builtin-glossary"`
	// Spelling is the spelling profile: nato, en-US, en-GB or off.
	Spelling *spelling.Profile `yaml:"spelling"`

	// FailOn is the severity at or above which a finding makes the exit
	// status 1, or "never"; empty when not set.
	FailOn string `yaml:"fail-on"`

	// Baseline is a baseline file (see package baseline): findings
	// recorded in it are not reported.
	Baseline string `yaml:"baseline"`

	Checks Checks `yaml:"checks"`

	// Include and Exclude select the files that tqa checks among those
	// named or found in directories (see Selects).
	Include []Glob `yaml:"include"`
	Exclude []Glob `yaml:"exclude"`

	Allow Allow `yaml:"allow"`

	LLM LLM `yaml:"llm"`

	Report Report `yaml:"report"`
}

// Checks chooses the checks that run and their severities.
type Checks struct {
	// Enable, when not empty, runs only the checks named; Disable leaves
	// out the checks named.
	Enable  []string `yaml:"enable"`
	Disable []string `yaml:"disable"`
	// Severity overrides checks' default severities, by check name.
	Severity map[string]pipeline.Severity `yaml:"severity"`
}

// LLM configures the optional retranslation stage, which asks an
// OpenAI-compatible service for corrected translations. The API key is
// never part of the file: the service reads it from the environment
// (OPENAI_API_KEY or TQA_LLM_API_KEY), and a key field in the file is an
// error.
type LLM struct {
	// BaseURL is the service's API root, e.g. http://localhost:11434/v1
	// for Ollama; empty means the OpenAI API.
	BaseURL string `yaml:"base-url"`
	// Model is the model name the service knows.
	Model string `yaml:"model"`
	// Concurrency limits requests in flight; 0 when not set.
	Concurrency int `yaml:"concurrency"`
	// Timeout limits one request, written as a Go duration ("30s",
	// "2m"); 0 when not set.
	Timeout time.Duration `yaml:"timeout"`
	// MaxRequests limits the requests of one run; 0 when not set.
	MaxRequests int `yaml:"max-requests"`
	// CacheDir holds the cache of answers.
	CacheDir string `yaml:"cache-dir"`
	// RetranslateMin is the least severe finding that asks for a new
	// translation of its segment; nil when not set.
	RetranslateMin *pipeline.Severity `yaml:"retranslate-min"`
}

// Report chooses the report formats written by default.
type Report struct {
	// Format is the format written on standard output; empty when not
	// set.
	Format string `yaml:"format"`
	// Outputs are further reports written to files, each as
	// FORMAT=FILE.
	Outputs []Output `yaml:"outputs"`
}

// Output is one report written to a file.
type Output struct {
	Format string
	File   string
}

// String returns the output as FORMAT=FILE, the form of the --report flag.
func (o Output) String() string { return o.Format + "=" + o.File }

// UnmarshalText reads FORMAT=FILE. The format is checked against the
// report formats when the file is validated.
func (o *Output) UnmarshalText(b []byte) error {
	format, file, ok := strings.Cut(string(b), "=")
	format, file = strings.TrimSpace(format), strings.TrimSpace(file)
	if !ok || format == "" || file == "" {
		return fmt.Errorf("report output %q: want FORMAT=FILE, e.g. sarif=tqa.sarif", string(b))
	}
	*o = Output{Format: format, File: file}
	return nil
}

// MarshalText writes FORMAT=FILE.
func (o Output) MarshalText() ([]byte, error) { return []byte(o.String()), nil }
