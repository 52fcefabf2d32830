package metrics

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// sampleLine is one sample of the text format: a name, labels, a value.
var sampleLine = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$`)

// parse reads the text format into samples by name and labels, failing on a malformed line or
// a sample whose family has no TYPE before it.
func parse(t *testing.T, text string) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	typed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if f, ok := strings.CutPrefix(line, "# TYPE "); ok {
			typed[strings.Fields(f)[0]] = true
			continue
		}
		if strings.HasPrefix(line, "# HELP ") {
			continue
		}
		m := sampleLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("malformed line %q", line)
		}
		if !typed[m[1]] {
			t.Errorf("%s has no TYPE", m[1])
		}
		v, err := strconv.ParseFloat(m[3], 64)
		if err != nil {
			t.Fatalf("%q: value %v", line, err)
		}
		out[m[1]+m[2]] = v
	}
	return out
}

func TestWriteProcess(t *testing.T) {
	var b bytes.Buffer
	if err := WriteProcess(&b, "v9.9.9"); err != nil {
		t.Fatal(err)
	}
	got := parse(t, b.String())
	positive := []string{"process_start_time_seconds", "process_resident_memory_bytes", "process_open_fds",
		"go_goroutines", "go_memstats_heap_alloc_bytes", "go_memstats_sys_bytes"}
	for _, name := range positive {
		if got[name] <= 0 {
			t.Errorf("%s = %v, want > 0\n%s", name, got[name], b.String())
		}
	}
	if _, ok := got["process_cpu_seconds_total"]; !ok {
		t.Errorf("no process_cpu_seconds_total")
	}
	if !strings.Contains(b.String(), `alboran_build_info{version="v9.9.9",`) {
		t.Errorf("the build's version is missing:\n%s", b.String())
	}
}
