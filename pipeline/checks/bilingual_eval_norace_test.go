//go:build !race

package checks

// underRace is true when the tests run with the race detector (see
// bilingual_eval_race_test.go).
const underRace = false
