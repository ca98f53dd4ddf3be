package main

import (
	"os"

	"github.com/tqa-project/tqa/glossary/cedict"
)

// dictEnv names the environment variable that points tqa check at a
// CC-CEDICT dictionary when --dict is not given.
const dictEnv = "TQA_DICT"

// loadDict reads the dictionary named by --dict (path), or else by
// TQA_DICT; nil when neither names one. A file that cannot be read or
// parsed is an error naming it (and the line).
func loadDict(path string) (*cedict.Dict, error) {
	if path == "" {
		path = os.Getenv(dictEnv)
	}
	if path == "" {
		return nil, nil
	}
	return cedict.LoadFile(path)
}
