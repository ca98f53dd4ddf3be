//go:build !race

package main

// underRace is true when the tests run with the race detector.
const underRace = false
