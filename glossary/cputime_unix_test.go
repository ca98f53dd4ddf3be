//go:build unix

package glossary

import (
	"syscall"
	"time"
)

// processCPUTime returns the CPU time (user and system) the process has
// used, so that benchmarks can report it beside wall time on a shared
// machine.
func processCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
