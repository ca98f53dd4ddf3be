// Package cputime reads the CPU time the running process has used, so
// that benchmarks can report it beside wall time: on a machine shared
// with other work, wall time grows with the load while CPU time mostly
// does not.
//
// A benchmark takes Process before and after its loop and reports the
// difference per operation:
//
//	start := cputime.Process()
//	for b.Loop() {
//		work()
//	}
//	if used := cputime.Process() - start; used > 0 {
//		b.ReportMetric(float64(used)/float64(b.N), "cpu-ns/op")
//	}
//
// Where the platform gives no such figure Process returns 0, and the
// guard above leaves the metric out.
package cputime
