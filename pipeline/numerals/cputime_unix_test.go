//go:build unix

package numerals

import "syscall"

// processCPU returns the CPU time (user and system) the process has used
// so far, in nanoseconds: benchmarks report it beside wall time, which
// other jobs on a shared machine inflate.
func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
