// Package metrics writes the metrics every Alboran process shares in the Prometheus text
// format (version 0.0.4): the process's (CPU, memory, file descriptors, start time), the Go
// runtime's (goroutines, heap, collections) and the build's (alboran_build_info). The server's
// /metrics and the worker's --metrics endpoint both start with them, so that one dashboard
// reads every process by the same names. Names follow Prometheus's conventions: process_* and
// go_* as the official client libraries write them, alboran_* for our own, a unit suffix
// (_seconds, _bytes) and _total on counters.
package metrics

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	rtm "runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ContentType is the media type of the text format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

// started is when the process started, as near as a package variable can tell.
var started = processStart()

// Version is the binary's version as the build gave it, else as Go recorded it, else "(devel)";
// revision the VCS commit when the build recorded one.
func Version(given string) (version, revision string) {
	version = "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				revision = s.Value
			}
		}
	}
	if given != "" {
		version = given
	}
	return version, revision
}

// WriteProcess writes the build, process and Go runtime metrics. version is the binary's
// (main.version; "" takes what Go recorded).
func WriteProcess(w io.Writer, version string) error {
	b := bufio.NewWriter(w)
	v, rev := Version(version)
	help(b, "alboran_build_info", "gauge", "The binary's version, VCS revision and Go version; always 1.")
	fmt.Fprintf(b, "alboran_build_info{version=%q,revision=%q,goversion=%q} 1\n", v, rev, runtime.Version())
	writeProc(b)
	writeRuntime(b)
	return b.Flush()
}

func help(w io.Writer, name, typ, text string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, text, name, typ)
}

// writeProc writes what /proc says of the process; where there is no /proc, only its start.
func writeProc(w io.Writer) {
	help(w, "process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch in seconds.")
	fmt.Fprintf(w, "process_start_time_seconds %g\n", float64(started.UnixNano())/1e9)
	st, ok := readStat()
	if !ok {
		return
	}
	help(w, "process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.")
	fmt.Fprintf(w, "process_cpu_seconds_total %g\n", st.cpu)
	help(w, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.")
	fmt.Fprintf(w, "process_resident_memory_bytes %d\n", st.rss)
	help(w, "process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.")
	fmt.Fprintf(w, "process_virtual_memory_bytes %d\n", st.vsize)
	if fds, err := os.ReadDir("/proc/self/fd"); err == nil {
		help(w, "process_open_fds", "gauge", "Number of open file descriptors.")
		fmt.Fprintf(w, "process_open_fds %d\n", len(fds))
	}
}

// clockTicks is USER_HZ, which Linux fixes at 100 for every architecture it runs Go on.
const clockTicks = 100

type stat struct {
	cpu        float64
	rss, vsize int64
	start      float64 // in clock ticks after boot
}

// readStat reads /proc/self/stat: fields after the command's name, which may hold spaces and
// is closed by the last ')'.
func readStat() (stat, bool) {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return stat{}, false
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return stat{}, false
	}
	f := strings.Fields(string(b[i+1:]))
	// f[0] is field 3 (state): utime 14, stime 15, starttime 22, vsize 23, rss 24.
	if len(f) < 22 {
		return stat{}, false
	}
	num := func(k int) float64 { v, _ := strconv.ParseFloat(f[k-3], 64); return v }
	return stat{
		cpu:   (num(14) + num(15)) / clockTicks,
		start: num(22),
		vsize: int64(num(23)),
		rss:   int64(num(24)) * int64(os.Getpagesize()),
	}, true
}

// processStart is the process's start from /proc (boot time plus its start in ticks), else now.
func processStart() time.Time {
	st, ok := readStat()
	if b, err := os.ReadFile("/proc/stat"); ok && err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, found := strings.CutPrefix(line, "btime "); found {
				if boot, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
					return time.Unix(boot, 0).Add(time.Duration(st.start / clockTicks * float64(time.Second)))
				}
			}
		}
	}
	return time.Now()
}

// runtimeMetrics are the Go runtime's samples written, with their Prometheus names.
var runtimeMetrics = []struct{ name, typ, help, sample string }{
	{"go_goroutines", "gauge", "Number of goroutines that currently exist.", "/sched/goroutines:goroutines"},
	{"go_threads", "gauge", "Number of OS threads the runtime holds.", "/sched/threads/total:threads"},
	{"go_sched_gomaxprocs_threads", "gauge", "The current runtime.GOMAXPROCS setting.", "/sched/gomaxprocs:threads"},
	{"go_memstats_heap_alloc_bytes", "gauge", "Bytes of allocated heap objects.", "/memory/classes/heap/objects:bytes"},
	{"go_memstats_sys_bytes", "gauge", "Bytes of memory obtained from the OS.", "/memory/classes/total:bytes"},
	{"go_memstats_alloc_bytes_total", "counter", "Total bytes allocated on the heap.", "/gc/heap/allocs:bytes"},
	{"go_gc_cycles_total", "counter", "Completed GC cycles.", "/gc/cycles/total:gc-cycles"},
	{"go_gc_heap_goal_bytes", "gauge", "Heap size target for the end of the GC cycle.", "/gc/heap/goal:bytes"},
}

var samplesOnce = sync.OnceValue(func() []rtm.Sample {
	known := map[string]bool{}
	for _, d := range rtm.All() {
		known[d.Name] = true
	}
	var s []rtm.Sample
	for _, m := range runtimeMetrics {
		if known[m.sample] {
			s = append(s, rtm.Sample{Name: m.sample})
		}
	}
	return s
})

func writeRuntime(w io.Writer) {
	help(w, "go_info", "gauge", "Information about the Go environment.")
	fmt.Fprintf(w, "go_info{version=%q} 1\n", runtime.Version())
	samples := append([]rtm.Sample(nil), samplesOnce()...)
	rtm.Read(samples)
	byName := map[string]rtm.Value{}
	for _, s := range samples {
		byName[s.Name] = s.Value
	}
	for _, m := range runtimeMetrics {
		v, ok := byName[m.sample]
		if !ok {
			continue
		}
		var x float64
		switch v.Kind() {
		case rtm.KindUint64:
			x = float64(v.Uint64())
		case rtm.KindFloat64:
			x = v.Float64()
		default:
			continue
		}
		help(w, m.name, m.typ, m.help)
		fmt.Fprintf(w, "%s %g\n", m.name, x)
	}
}
