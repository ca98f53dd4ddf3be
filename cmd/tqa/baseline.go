package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/tqa-project/tqa/config"
)

// newBaselineCmd is tqa baseline: its one subcommand, update, is tqa
// check with the same flags and configuration, writing the baseline
// instead of a report.
func newBaselineCmd(stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "baseline",
		Short: "Accept today's findings, so that tqa check reports only new ones",
		Args:  cobra.NoArgs,
	}
	upd := newCheckCmd(stdout, stderr)
	upd.Use = "update --baseline FILE [flags] PATH..."
	upd.Short = "Record the findings of a check run in a baseline file"
	upd.Long = `Update runs the checks as tqa check does, with the same flags and
configuration file, and writes every finding to the baseline file (JSON,
schema tqa.baseline/v1), replacing what it held. tqa check --baseline FILE
then reports, and fails on, only the findings that the file does not hold.

Findings are recorded by check, file path (relative to the baseline file),
segment ID, side and flagged text: not by line, so that moving text does
not make old findings new. N identical findings are N entries; an N+1th
is new. Findings dropped by allow lists or suppression comments are not
recorded.

Exit status: 0 when the baseline was written, 2 when it was not (a usage
or configuration error, or an input that could not be read).`
	upd.Example = `  tqa baseline update --baseline .tqa-baseline.json docs/
  tqa check --baseline .tqa-baseline.json docs/`
	upd.Annotations = map[string]string{modeAnnotation: "baseline-update"}
	for _, name := range []string{"format", "fail-on", "color", "report", "max-score"} {
		if upd.Flags().Lookup(name) != nil {
			_ = upd.Flags().MarkHidden(name) // they shape a report, which update does not write
		}
	}
	upd.Flags().Lookup("baseline").Usage = "the baseline file to write (default: baseline: in " + config.Name + ")"
	cmd.AddCommand(upd)
	return cmd
}
