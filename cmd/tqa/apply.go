package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/tqa-project/tqa/corpus"
	"github.com/tqa-project/tqa/reports"
)

// applyFlags holds the flags of tqa apply.
type applyFlags struct {
	dryRun   bool
	encoding string
}

func newApplyCmd(stdout, stderr io.Writer) *cobra.Command {
	var fl applyFlags
	cmd := &cobra.Command{
		Use:   "apply [flags] REPORT.json",
		Short: "Write the accepted proposals of a JSON report into the files",
		Long: `Apply reads a JSON report of tqa check --retranslate and writes each
accepted proposal into its file, as the segment's new target: plain text,
Markdown, XLIFF, PO, TMX, TSV/CSV and JSONL keep every other byte as it
was. Run it from the directory tqa check ran in: the report's paths are
relative to it.

Nothing is written unless every file to change still has the content the
report was made from (its SHA-256) and the targets the proposals replace;
each file is written whole through a temporary file. With --dry-run the
changes are printed as a unified diff and nothing is written.`,
		Example: `  tqa check --retranslate --llm-model gpt-4o-mini --format json docs/ > report.json
  tqa apply --dry-run report.json
  tqa apply report.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runApply(&fl, args[0], stdout, stderr)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&fl.dryRun, "dry-run", false, "print the changes as a unified diff and write nothing")
	f.StringVar(&fl.encoding, "encoding", "", "input encoding, as given to tqa check (default: detected)")
	return cmd
}

// pendingFile is a file to write: its new content and what it gets.
type pendingFile struct {
	path     string
	old, new []byte
	segments int
}

func runApply(fl *applyFlags, reportPath string, stdout, stderr io.Writer) error {
	rf, err := os.Open(reportPath)
	if err != nil {
		return fmt.Errorf("apply: %w", err)
	}
	jr, err := reports.ReadJSON(rf)
	rf.Close()
	if err != nil {
		return fmt.Errorf("apply: %s: %w", reportPath, err)
	}
	accepted := map[string][]reports.JSONProposal{}
	for _, p := range jr.Proposals {
		if p.Status == string(reports.Accepted) {
			accepted[p.Path] = append(accepted[p.Path], p)
		}
	}
	var pending []pendingFile
	for _, d := range jr.Documents {
		props := accepted[d.Path]
		if len(props) == 0 {
			continue
		}
		pf, err := prepareApply(d, props, fl.encoding)
		if err != nil {
			return fmt.Errorf("apply: %w", err)
		}
		pending = append(pending, pf)
		delete(accepted, d.Path)
	}
	for path := range accepted {
		return fmt.Errorf("apply: %s: proposals for a file the report does not list", path)
	}
	if len(pending) == 0 {
		fmt.Fprintln(stderr, "tqa: apply: the report has no accepted proposal")
		return nil
	}
	if fl.dryRun {
		rep := &reports.Report{}
		for _, p := range pending {
			rep.Changes = append(rep.Changes, reports.FileChange{Path: p.path, Old: p.old, New: p.new})
		}
		return reports.WritePatch(stdout, rep)
	}
	for _, p := range pending {
		if err := corpus.WriteFileAtomic(filepath.FromSlash(p.path), p.new); err != nil {
			return fmt.Errorf("apply: %w", err)
		}
		fmt.Fprintf(stderr, "tqa: apply: %s: %d segments written\n", p.path, p.segments)
	}
	return nil
}

// prepareApply reads the file of document d, refuses it when it changed
// since the report, and returns it with the proposals written in.
func prepareApply(d reports.JSONDocument, props []reports.JSONProposal, encoding string) (pendingFile, error) {
	path := filepath.FromSlash(d.Path)
	if d.SHA256 == "" {
		return pendingFile{}, fmt.Errorf("%s: the report has no sha256 for it, so its changes since cannot be told: check it again with this tqa", d.Path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return pendingFile{}, err
	}
	if got := digest(data); got != d.SHA256 {
		return pendingFile{}, fmt.Errorf("%s: the file changed since the report (%s, the report has %s): check it again", d.Path, got, d.SHA256)
	}
	opt := corpus.Options{Encoding: encoding}
	if t, err := language.Parse(d.SourceLang); err == nil {
		opt.SourceLang = t
	}
	if t, err := language.Parse(d.TargetLang); err == nil {
		opt.TargetLang = t
	}
	f, err := openForApply(path, d.Format, data, opt)
	if err != nil {
		return pendingFile{}, err
	}
	index := map[string]int{}
	for i, s := range f.Doc.Segments {
		index[s.ID] = i
	}
	targets := map[int]string{}
	for _, p := range props {
		i, ok := index[p.Segment]
		if !ok {
			return pendingFile{}, fmt.Errorf("%s: segment %s: not in the file", d.Path, p.Segment)
		}
		if cur := f.Doc.Segments[i].Target; cur != p.Original {
			return pendingFile{}, fmt.Errorf("%s: segment %s: its target is %q, not %q as in the report", d.Path, p.Segment, cur, p.Original)
		}
		targets[i] = p.Proposal
	}
	out, err := f.Bytes(targets)
	if err != nil {
		return pendingFile{}, err
	}
	return pendingFile{path: d.Path, old: data, new: out, segments: len(targets)}, nil
}

// openForApply reads the file at path as tqa check did: as the target of
// an aligned pair when a file beside it pairs with it, else on its own.
func openForApply(path, format string, data []byte, opt corpus.Options) (*corpus.File, error) {
	if format == "text" || format == "markdown" {
		siblings, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*"+filepath.Ext(path)))
		pairs, _ := corpus.Pairs(siblings, language.Und, opt.TargetLang)
		for _, p := range pairs {
			if filepath.Clean(p.Target) == filepath.Clean(path) {
				return corpus.OpenPair(p, opt)
			}
		}
	}
	return corpus.Parse(filepath.ToSlash(path), data, format, opt)
}
