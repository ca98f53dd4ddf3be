//go:build !race

package langid

const underRace = false
