//go:build race

package checks

// underRace is true when the tests run with the race detector, which
// makes the evaluations on the shared data twenty times slower and adds
// nothing to them: they skip.
const underRace = true
