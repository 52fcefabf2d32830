package queue

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/testcorpus"
)

// TestWorkerStats runs a worker over 30 documents, one of them not a document, and checks its
// counters, the queue's lag before and after, and the metrics text.
func TestWorkerStats(t *testing.T) {
	t.Parallel()
	q := fresh(t, 1, 5*time.Second)
	db := openDB(t)
	ctx := context.Background()
	for _, d := range testcorpus.Generate(29, 31) {
		if err := q.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := q.js.Publish(ctx, q.cfg.docSubject(), []byte("not json")); err != nil {
		t.Fatal(err)
	}
	if lag, err := q.Lag(ctx); err != nil || lag.Pending != 30 {
		t.Fatalf("lag before the worker: %+v %v; want 30 pending", lag, err)
	}
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	stats := &Stats{}
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		(&Worker{Queue: q, Store: db, Extractor: extract.New(lx), Batch: 8, Stats: stats}).Run(wctx)
	}()
	drain(t, q, db, func(st Status) bool { return st.Dead == 1 })
	cancel()
	<-done
	s := stats.Snapshot()
	if s.Stored != 29 || s.Dead != 1 || s.Batches == 0 || s.Bytes == 0 {
		t.Errorf("stats %+v; want 29 stored, 1 dead, some batches and bytes", s)
	}
	lag, err := q.Lag(ctx)
	if err != nil || lag.Pending != 0 || lag.InFlight != 0 {
		t.Errorf("lag after: %+v %v", lag, err)
	}
	var b strings.Builder
	if err := s.WriteMetrics(&b, &lag); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# TYPE alboran_worker_documents_total counter\n",
		"alboran_worker_documents_total{outcome=\"stored\"} 29\n",
		"alboran_worker_documents_total{outcome=\"dead\"} 1\n",
		"alboran_queue_pending_documents 0\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("metrics lack %q:\n%s", want, b.String())
		}
	}
}
