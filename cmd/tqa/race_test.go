//go:build race

package main

// underRace is true when the tests run with the race detector, which
// makes the runs over large generated inputs many times slower and adds
// nothing to them: they skip.
const underRace = true
