// Package progress reports long work: a bar redrawn in place on a terminal, plain log lines
// every few seconds elsewhere, nothing when quiet.
package progress

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Mode says how progress is shown.
type Mode int

const (
	Quiet Mode = iota // nothing
	Lines             // a log line every Every
	Bar               // a bar redrawn in place
)

// Meter counts reports and records and shows the rate, and an ETA when the input size is
// known. It is safe for concurrent use.
type Meter struct {
	w     io.Writer
	mode  Mode
	label string
	total int64         // input bytes, 0 when unknown
	read  *atomic.Int64 // input bytes read so far
	every time.Duration

	mu      sync.Mutex
	start   time.Time
	last    time.Time
	reports int64
	records int64
	drawn   bool
}

// New returns a meter that writes to w. total is the input size in bytes (0 when unknown) and
// read counts the bytes consumed so far (nil when unknown).
func New(w io.Writer, mode Mode, label string, total int64, read *atomic.Int64) *Meter {
	now := time.Now()
	return &Meter{w: w, mode: mode, label: label, total: total, read: read, every: 5 * time.Second, start: now, last: now}
}

// Add counts reports and the records found in them, and redraws when it is time.
func (m *Meter) Add(reports, records int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.reports += int64(reports)
	m.records += int64(records)
	now := time.Now()
	gap := m.every
	if m.mode == Bar {
		gap = 100 * time.Millisecond
	}
	if now.Sub(m.last) < gap {
		return
	}
	m.last = now
	m.draw(now, false)
}

// Done draws the final state and ends the bar's line.
func (m *Meter) Done() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.mode == Bar && m.drawn {
		m.draw(time.Now(), true)
		fmt.Fprintln(m.w)
	}
}

func (m *Meter) draw(now time.Time, final bool) {
	if m.mode == Quiet {
		return
	}
	secs := now.Sub(m.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(m.reports) / secs
	}
	frac := -1.0
	if m.total > 0 && m.read != nil {
		frac = float64(m.read.Load()) / float64(m.total)
		if frac > 1 {
			frac = 1
		}
	}
	if final {
		frac = 1
	}
	eta := ""
	if frac > 0.01 && frac < 1 {
		eta = " ETA " + clock(time.Duration(secs*(1-frac)/frac*float64(time.Second)))
	}
	stats := fmt.Sprintf("%s reports  %s/s  %s records%s", count(m.reports), count(int64(rate)), count(m.records), eta)
	if m.mode == Lines {
		fmt.Fprintf(m.w, "%s: %s\n", m.label, stats)
		return
	}
	bar := ""
	if frac >= 0 {
		const width = 24
		n := int(frac * width)
		bar = fmt.Sprintf("[%s%s] %3.0f%%  ", strings.Repeat("=", n), strings.Repeat(" ", width-n), frac*100)
	}
	fmt.Fprintf(m.w, "\r%s %s%s\033[K", m.label, bar, stats)
	m.drawn = true
}

// count writes n with thousands separators.
func count(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func clock(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}
