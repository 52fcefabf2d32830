//go:build unix

package syntax

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time (user and system) the process has used so far, so that
// a benchmark can report throughput per second of CPU: on a machine shared with other jobs,
// wall time also counts the time the process waited for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
