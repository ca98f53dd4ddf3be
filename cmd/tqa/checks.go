package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tqa-project/tqa/pipeline/checks"
)

func newChecksCmd(stdout io.Writer) *cobra.Command {
	var long bool
	cmd := &cobra.Command{
		Use:   "checks",
		Short: "List the checks with their categories and default severities",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if long {
				for i, c := range checks.All() {
					if i > 0 {
						fmt.Fprintln(stdout)
					}
					fmt.Fprintf(stdout, "%s (%s, %s)\n\n", c.Name, c.Category, c.Severity)
					for _, line := range strings.Split(c.Doc, "\n") {
						fmt.Fprintf(stdout, "    %s\n", line)
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CHECK\tCATEGORY\tSEVERITY\tFINDS")
			for _, c := range checks.All() {
				first, _, _ := strings.Cut(c.Doc, "\n")
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.Name, c.Category, c.Severity, first)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVarP(&long, "long", "l", false, "print each check's full documentation")
	return cmd
}
