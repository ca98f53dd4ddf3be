package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/tqa-project/tqa/config"
)

// newInitCmd is tqa init: it writes the commented default configuration.
func newInitCmd(stdout io.Writer) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented default " + config.Name,
		Long: `Init writes a configuration file (default ` + config.Name + ` in the working
directory) that lists every setting with tqa's defaults and commented
examples. It does not overwrite a file that exists, unless --force.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := config.Name
			if len(args) == 1 {
				path = args[0]
			}
			if err := writeDefaultConfig(path, force); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %s\n", filepath.ToSlash(path))
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the file if it exists")
	return cmd
}

func writeDefaultConfig(path string, force bool) error {
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if !force {
		flag |= os.O_EXCL
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("init: %s exists (--force overwrites it)", filepath.ToSlash(path))
	}
	if err != nil {
		return fmt.Errorf("init: %w", err)
	}
	if _, err := f.Write(config.Default()); err != nil {
		f.Close()
		return fmt.Errorf("init: write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("init: write %s: %w", path, err)
	}
	return nil
}
