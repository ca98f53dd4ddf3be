// Package checks holds tqa's checks, one file each, and All, the registry
// that lists them.
//
// A check is a *pipeline.Check value: a stable name, a documentation
// string, an MQM category, a default severity and a Run function that
// reports findings through a *pipeline.Pass. Checks only report; what
// fails a CI run is decided by the command line.
//
// Each check has scenarios under testdata/<check name>/, txtar archives
// holding a configuration, the segments, and the findings expected (see
// the package tests; go test -update rewrites the expectations).
package checks
