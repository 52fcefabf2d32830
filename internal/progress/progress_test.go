package progress

import (
	"bytes"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestCount(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567"} {
		if got := count(n); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestModes(t *testing.T) {
	var read atomic.Int64
	tests := []struct {
		mode  Mode
		check func(string) bool
	}{
		{Quiet, func(s string) bool { return s == "" }},
		{Lines, func(s string) bool {
			return strings.HasPrefix(s, "ingest: 10 reports") && strings.Contains(s, "25 records") && strings.HasSuffix(s, "\n")
		}},
		{Bar, func(s string) bool {
			return strings.HasPrefix(s, "\ringest [") && strings.Contains(s, "50%") && strings.Contains(s, "ETA") && strings.HasSuffix(s, "\n")
		}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		m := New(&buf, tt.mode, "ingest", 1000, &read)
		m.every = 0
		m.start = time.Now().Add(-time.Second)
		read.Store(500)
		m.last = time.Time{}
		m.Add(10, 25)
		if tt.mode == Bar {
			m.mu.Lock()
			m.draw(time.Now(), false) // the state before Done, with its ETA
			m.mu.Unlock()
		}
		m.Done()
		if !tt.check(buf.String()) {
			t.Errorf("mode %d wrote %q", tt.mode, buf.String())
		}
	}
	var nilMeter *Meter
	nilMeter.Add(1, 1) // a nil meter is a no-op
	nilMeter.Done()
}
