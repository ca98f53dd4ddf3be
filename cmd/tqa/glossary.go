package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tqa-project/tqa/glossary"
)

func newGlossaryCmd(stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "glossary",
		Short: "Look up terms and validate glossary files",
	}
	var files []string
	var noBuiltin bool
	lookup := &cobra.Command{
		Use:   "lookup [flags] TERM",
		Short: "Show the concepts that have TERM, with all their terms",
		Long: `Lookup shows every concept that has TERM in any language, in the
built-in NATO glossary and in the glossaries given with --glossary, with
each term's language, status and type, and the concept's source.`,
		Example: `  tqa glossary lookup "Article V"
  tqa glossary lookup 北约
  tqa glossary lookup --glossary ours.tbx --no-builtin-glossary MBT`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var gs []*glossary.Glossary
			for _, path := range files {
				g, err := glossary.LoadFile(path)
				if err != nil {
					return err
				}
				gs = append(gs, g)
			}
			if !noBuiltin {
				gs = append(gs, glossary.NATO())
			}
			found := 0
			for _, g := range gs {
				for _, c := range g.Lookup(args[0]) {
					if found > 0 {
						fmt.Fprintln(stdout)
					}
					found++
					printConcept(stdout, g, c)
				}
			}
			if found == 0 {
				fmt.Fprintf(stderr, "tqa: no concept has the term %q\n", args[0])
				return exitStatus(exitFindings)
			}
			return nil
		},
	}
	lookup.Flags().StringArrayVar(&files, "glossary", nil, "glossary file (TBX or CSV); repeatable")
	lookup.Flags().BoolVar(&noBuiltin, "no-builtin-glossary", false, "do not search the built-in NATO glossary")

	validate := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Report problems in glossary files",
		Long: `Validate loads each glossary file and reports what its author must fix:
syntax errors (with line and column), unknown statuses, concepts without
an allowed term in a language they have, duplicate terms, and the same
term preferred in two concepts.

Exit status: 0 when every file is clean, 1 when a file has problems, 2
when a file cannot be read or parsed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			status := exitOK
			for _, path := range args {
				g, err := glossary.LoadFile(path)
				if err != nil {
					fmt.Fprintf(stderr, "tqa: %v\n", err)
					status = exitError
					continue
				}
				problems := g.Validate()
				for _, p := range problems {
					fmt.Fprintf(stdout, "%s: %v\n", path, p)
				}
				terms := 0
				for i := range g.Concepts {
					terms += len(g.Concepts[i].Terms)
				}
				verdict := "ok"
				if len(problems) > 0 {
					verdict = fmt.Sprintf("%d problems", len(problems))
					status = max(status, exitFindings)
				}
				fmt.Fprintf(stdout, "%s: %d concepts, %d terms: %s\n", path, len(g.Concepts), terms, verdict)
			}
			if status != exitOK {
				return exitStatus(status)
			}
			return nil
		},
	}
	cmd.AddCommand(lookup, validate)
	return cmd
}

func printConcept(w io.Writer, g *glossary.Glossary, c *glossary.Concept) {
	name := g.Name
	if name == "nato" {
		name = "NATO glossary"
	}
	fmt.Fprintf(w, "%s: concept %s", name, c.ID)
	if c.Subject != "" {
		fmt.Fprintf(w, " (%s)", c.Subject)
	}
	fmt.Fprintln(w)
	if c.Definition != "" {
		fmt.Fprintf(w, "  definition: %s\n", c.Definition)
	}
	for _, t := range c.Terms {
		line := fmt.Sprintf("  %-8s %-10s %-12s %s", t.Lang, t.Status, t.Type, t.Text)
		if t.CaseSensitive {
			line += "  [case-sensitive]"
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
		if t.Note != "" {
			fmt.Fprintf(w, "           note: %s\n", t.Note)
		}
	}
	if c.Note != "" {
		fmt.Fprintf(w, "  note: %s\n", c.Note)
	}
	if c.Source != "" {
		fmt.Fprintf(w, "  source: %s\n", c.Source)
	}
}
