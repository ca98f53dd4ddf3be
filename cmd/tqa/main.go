package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// version is the tqa version; release builds set it with
// -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK       = 0 // nothing at or above the threshold
	exitFindings = 1 // findings at or above the threshold
	exitError    = 2 // usage, configuration, input or internal error
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// exitStatus is an error that carries an exit code and has already been
// reported (or needs no message).
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// run executes tqa with args and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return runIn(args, os.Stdin, stdout, stderr)
}

// runIn is run with the given stdin.
func runIn(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetIn(stdin)
	root.SetArgs(args)
	err := root.Execute()
	var st exitStatus
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &st):
		return int(st)
	default:
		fmt.Fprintf(stderr, "tqa: %v\n", err)
		return exitError
	}
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "tqa",
		Short: "Translation QA: mixed-language fragments, terminology, punctuation and spelling",
		Long: `tqa checks translations and reports what is wrong with them: text left in
another language or script, deprecated or inconsistent terminology (with a
built-in NATO glossary), spelling against a profile, and punctuation that
does not belong to the target language.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(
		newCheckCmd(stdout, stderr),
		newChecksCmd(stdout),
		newGlossaryCmd(stdout, stderr),
		newBaselineCmd(stdout, stderr),
		newInitCmd(stdout),
		newApplyCmd(stdout, stderr),
		&cobra.Command{
			Use:   "version",
			Short: "Print the tqa version",
			Args:  cobra.NoArgs,
			RunE: func(*cobra.Command, []string) error {
				fmt.Fprintf(stdout, "tqa %s\n", version)
				return nil
			},
		},
	)
	return root
}
