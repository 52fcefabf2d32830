package queue

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"
)

// Stats counts what a worker did since it started, for its log lines and its metrics. The
// zero value is ready; a Worker makes one when it is given none.
type Stats struct {
	mu       sync.Mutex
	stored   int64   // documents stored (or found stored) and acknowledged
	failed   int64   // deliveries that failed and were handed back for another try
	dead     int64   // documents moved to the dead-letter stream
	bytes    int64   // text of the documents stored
	batches  int64   // batches handled
	batchSec float64 // seconds spent handling them
}

// StatsSnapshot is a copy of the counters.
type StatsSnapshot struct {
	Stored, Failed, Dead, Bytes, Batches int64
	BatchSeconds                         float64
}

func (s *Stats) add(f func(*Stats)) {
	s.mu.Lock()
	f(s)
	s.mu.Unlock()
}

// Snapshot returns the counters as they are now.
func (s *Stats) Snapshot() StatsSnapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	return StatsSnapshot{s.stored, s.failed, s.dead, s.bytes, s.batches, s.batchSec}
}

// Lag is how far the workers are behind: the documents published and not yet delivered, and
// those delivered and not yet settled.
type Lag struct {
	Pending  uint64 `json:"pending"`
	InFlight int    `json:"in_flight"`
}

// Lag reads the workers' consumer: one request to the server, cheap enough for every scrape.
func (q *Queue) Lag(ctx context.Context) (Lag, error) {
	c, err := q.js.Consumer(ctx, q.cfg.docs(), consumerName)
	if err != nil {
		return Lag{}, fmt.Errorf("queue lag: %w", err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		return Lag{}, fmt.Errorf("queue lag: %w", err)
	}
	return Lag{Pending: info.NumPending, InFlight: info.NumAckPending}, nil
}

// WriteMetrics writes the counters and the lag in the Prometheus text format, under the names
// the server uses for its own ingest (alboran_*_documents_total by outcome, _bytes_total, a
// unit suffix). lag is left out when it is nil (the queue did not answer).
func (s StatsSnapshot) WriteMetrics(w io.Writer, lag *Lag) error {
	b := &errWriter{w: w}
	b.printf("# HELP alboran_worker_documents_total Documents the worker settled, by outcome (stored; failed: handed back for another try; dead: moved to the dead-letter stream).\n# TYPE alboran_worker_documents_total counter\n")
	b.printf("alboran_worker_documents_total{outcome=\"stored\"} %d\n", s.Stored)
	b.printf("alboran_worker_documents_total{outcome=\"failed\"} %d\n", s.Failed)
	b.printf("alboran_worker_documents_total{outcome=\"dead\"} %d\n", s.Dead)
	b.printf("# HELP alboran_worker_bytes_total Bytes of report text the worker stored.\n# TYPE alboran_worker_bytes_total counter\n")
	b.printf("alboran_worker_bytes_total %d\n", s.Bytes)
	b.printf("# HELP alboran_worker_batch_duration_seconds Time to extract and store a batch.\n# TYPE alboran_worker_batch_duration_seconds summary\n")
	b.printf("alboran_worker_batch_duration_seconds_sum %g\n", s.BatchSeconds)
	b.printf("alboran_worker_batch_duration_seconds_count %d\n", s.Batches)
	if lag != nil {
		b.printf("# HELP alboran_queue_pending_documents Documents published and not yet delivered to a worker.\n# TYPE alboran_queue_pending_documents gauge\n")
		b.printf("alboran_queue_pending_documents %d\n", lag.Pending)
		b.printf("# HELP alboran_queue_in_flight_documents Documents delivered to a worker and not yet settled.\n# TYPE alboran_queue_in_flight_documents gauge\n")
		b.printf("alboran_queue_in_flight_documents %d\n", lag.InFlight)
	}
	return b.err
}

// errWriter keeps the first write error, so that a run of prints is checked once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// since is the seconds from t, for a batch's duration.
func since(t time.Time) float64 { return time.Since(t).Seconds() }
