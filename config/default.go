package config

import _ "embed"

//go:embed default.tqa.yaml
var defaultFile []byte

// Default returns the commented configuration file that "tqa init"
// writes: every key, set to what tqa does without a configuration file,
// with examples in comments.
func Default() []byte { return append([]byte(nil), defaultFile...) }
