//go:build race

package langid

// underRace is true when the tests run with the race detector, which makes
// the tests that load lingua's large models many times slower: they skip.
const underRace = true
