//go:build race

package numerals

// underRace is true when the tests run with the race detector, which
// makes the checks on the shared data many times slower and adds nothing
// to them: they skip.
const underRace = true
