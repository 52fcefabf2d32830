package queue

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/ingest"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/store/postgres"
	"github.com/alboran/alboran/internal/store/postgres/pgtest"
	"github.com/alboran/alboran/internal/store/sqlite"
	"github.com/alboran/alboran/internal/testcorpus"
)

// benchDocs returns n real-sized reports: the unlabeled reports beside the project, each
// with a URL of its own, or generated ones when they are missing.
func benchDocs(b *testing.B, n int) []record.Document {
	paths, _ := filepath.Glob("../../../shared/eval/unlabeled/*.txt")
	if len(paths) == 0 {
		return testcorpus.Generate(n, 5)
	}
	out := make([]record.Document, n)
	for i := range out {
		raw, _ := os.ReadFile(paths[i%len(paths)])
		it := source.Report(paths[i%len(paths)], raw)
		it.Doc.URL = fmt.Sprintf("https://example.org/%d", i)
		out[i] = it.Doc
	}
	return out
}

// BenchmarkWorkers measures documents per second from the queue into PostgreSQL with one and
// with two workers, and from a file into SQLite with one process, on the same 2,000 reports.
func BenchmarkWorkers(b *testing.B) {
	docs := benchDocs(b, 2000)
	lx, _ := lexicon.Default()
	for _, c := range []struct{ workers, jobs int }{{1, 0}, {2, 0}, {1, 1}, {2, 1}} {
		workers := c.workers
		name := fmt.Sprintf("postgres-%d-workers", workers)
		if c.jobs > 0 {
			name += fmt.Sprintf("-%d-job", c.jobs) // each worker extracts one document at a time
		}
		b.Run(name, func(b *testing.B) {
			var total time.Duration
			for i := 0; i < b.N; i++ {
				q := fresh(b, 3, 0)
				ctx, cancel := context.WithCancel(context.Background())
				dsn := pgtest.Fresh(b)
				for _, d := range docs {
					if err := q.Publish(ctx, d); err != nil {
						b.Fatal(err)
					}
				}
				start := time.Now()
				var wg sync.WaitGroup
				for k := 0; k < workers; k++ {
					db, err := postgres.Open(ctx, dsn) // a pool per worker, as separate processes have
					if err != nil {
						b.Fatal(err)
					}
					defer db.Close()
					wg.Add(1)
					go func() {
						defer wg.Done()
						(&Worker{Queue: q, Store: db, Extractor: extract.New(lx), Batch: 64, Jobs: c.jobs}).Run(ctx)
					}()
				}
				for {
					st, err := q.Status(ctx, nil)
					if err == nil && st.Pending == 0 && st.InFlight == 0 {
						break
					}
					time.Sleep(250 * time.Millisecond) // status costs a few requests: polled often, it would take CPU from the workers it measures
				}
				total += time.Since(start)
				cancel()
				wg.Wait()
			}
			b.ReportMetric(float64(len(docs)*b.N)/total.Seconds(), "docs/s")
		})
	}
	b.Run("sqlite-1-process", func(b *testing.B) {
		p := filepath.Join(b.TempDir(), "in.jsonl")
		f, _ := os.Create(p)
		for _, d := range docs {
			fmt.Fprintf(f, "{\"url\":%q,\"title\":%q,\"published\":%q,\"text\":%q}\n", d.URL, d.Title, *d.Published, d.Text)
		}
		f.Close()
		var total time.Duration
		for i := 0; i < b.N; i++ {
			db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "s.db"))
			if err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			if _, err := ingest.Run(context.Background(), extract.New(lx), db, ingest.Options{Inputs: []string{p}}); err != nil {
				b.Fatal(err)
			}
			total += time.Since(start)
			db.Close()
		}
		b.ReportMetric(float64(len(docs)*b.N)/total.Seconds(), "docs/s")
	})
}
