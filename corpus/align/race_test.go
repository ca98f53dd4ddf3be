//go:build race

package align

// raceEnabled is true when the tests run under the race detector, which
// makes the evaluation over the shared data too slow to be worth it.
const raceEnabled = true
