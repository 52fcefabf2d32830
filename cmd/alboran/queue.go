package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/alboran/alboran/internal/metrics"
	"github.com/alboran/alboran/internal/queue"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/postgres"
)

// queueFlags adds --queue (env ALBORAN_QUEUE), the NATS credentials and TLS options, and the
// settings of the streams and the workers' consumer.
type queueFlags struct {
	url, creds, ca, cert, key, name string
	maxDeliver, replicas            int
	ackWait                         time.Duration
}

func addQueueFlags(fs *flag.FlagSet) *queueFlags {
	q := &queueFlags{}
	fs.StringVar(&q.url, "queue", os.Getenv("ALBORAN_QUEUE"), "the NATS server, nats://host:port, or several separated by commas (env ALBORAN_QUEUE)")
	fs.StringVar(&q.creds, "queue-creds", os.Getenv("ALBORAN_QUEUE_CREDS"), "a NATS credentials file (env ALBORAN_QUEUE_CREDS)")
	fs.StringVar(&q.ca, "queue-ca", os.Getenv("ALBORAN_QUEUE_CA"), "a CA certificate for TLS to NATS (env ALBORAN_QUEUE_CA)")
	fs.StringVar(&q.cert, "queue-cert", os.Getenv("ALBORAN_QUEUE_CERT"), "a client certificate for TLS to NATS (env ALBORAN_QUEUE_CERT)")
	fs.StringVar(&q.key, "queue-key", os.Getenv("ALBORAN_QUEUE_KEY"), "the client certificate's key (env ALBORAN_QUEUE_KEY)")
	fs.StringVar(&q.name, "queue-name", envOr("ALBORAN_QUEUE_NAME", "ALBORAN"), "the stream name prefix (env ALBORAN_QUEUE_NAME)")
	replicas, _ := strconv.Atoi(os.Getenv("ALBORAN_QUEUE_REPLICAS"))
	fs.IntVar(&q.replicas, "queue-replicas", replicas, "copies of each stream in a NATS cluster; changes existing streams (env ALBORAN_QUEUE_REPLICAS; 1 when created)")
	fs.IntVar(&q.maxDeliver, "max-deliver", 0, fmt.Sprintf("deliveries before a failing document goes to the dead-letter stream; changes the existing consumer (%d when created)", queue.DefaultMaxDeliver))
	fs.DurationVar(&q.ackWait, "ack-wait", 0, fmt.Sprintf("how long a worker may hold a document without a sign of life before it goes to another; changes the existing consumer (%s when created)", queue.DefaultAckWait))
	return q
}

func (q *queueFlags) connect(ctx context.Context) (*queue.Queue, error) {
	if q.url == "" {
		return nil, usageError{"--queue (or ALBORAN_QUEUE) is required: nats://host:port"}
	}
	if q.replicas < 0 || q.maxDeliver < 0 || q.ackWait < 0 {
		return nil, usageError{"--queue-replicas, --max-deliver and --ack-wait cannot be negative"}
	}
	var opts []nats.Option
	if q.creds != "" {
		opts = append(opts, nats.UserCredentials(q.creds))
	}
	if q.ca != "" {
		opts = append(opts, nats.RootCAs(q.ca))
	}
	if q.cert != "" {
		opts = append(opts, nats.ClientCert(q.cert, q.key))
	}
	qu, err := queue.Connect(ctx, queue.Config{URL: q.url, Name: q.name, MaxDeliver: q.maxDeliver, AckWait: q.ackWait, Replicas: q.replicas, Options: opts})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", redactURL(q.url), err)
	}
	return qu, nil
}

// publish sends every input document to the queue, counting one as sent when the stream
// acknowledged it. A document the queue cannot take is skipped with the reason, like a bad
// input; the queue being unreachable for two minutes stops the run.
func publish(ctx context.Context, fs *flag.FlagSet, qf *queueFlags, language string, inputs []string, stdin io.Reader, stdout, stderr io.Writer, quiet bool) error {
	q, err := qf.connect(ctx)
	if err != nil {
		return err
	}
	defer q.Close()
	sent, skipped := 0, 0
	meter := newMeter(fs, stderr, quiet, "publish", 0, nil)
	logw := logLines(fs, stderr, slog.LevelWarn)
	err = source.Options{Client: httpClient(), Language: language}.Read(ctx, inputs, stdin, func(it source.Item) error {
		for _, w := range it.Warnings {
			if !strings.HasPrefix(w, it.Doc.Source) {
				w = it.Doc.Source + ": " + w
			}
			fmt.Fprintf(logw, "alboran: warning: %s\n", w)
		}
		if it.Err != nil {
			skipped++
			fmt.Fprintf(logw, "alboran: skipped %s: %v\n", it.Doc.Source, it.Err)
			return nil
		}
		if err := q.Publish(ctx, it.Doc); errors.Is(err, queue.ErrTooLarge) {
			skipped++
			fmt.Fprintf(logw, "alboran: skipped %s: %v\n", it.Doc.Source, err)
			return nil
		} else if err != nil {
			return fmt.Errorf("publishing %s: %w; %d documents were published: run the same command again "+
				"(the stream drops what it took in the last ten minutes, and workers skip what is stored)", it.Doc.Source, err, sent)
		}
		sent++
		meter.Add(1, 0)
		return nil
	})
	meter.Done()
	fmt.Fprintf(stdout, "published %d, skipped %d\n", sent, skipped)
	if err != nil {
		return err
	}
	if skipped > 0 {
		return fmt.Errorf("%d inputs skipped: %w", skipped, errPartial)
	}
	return nil
}

const workerHelp = `Usage: alboran worker --queue nats://HOST:PORT --db postgres://... [options]

Pulls documents from the queue, extracts them and stores each batch in one transaction,
acknowledging the messages only after the commit. Run as many workers as you like, on as many
machines: a message is handed to one worker at a time, and writes are idempotent. A worker
extracts on every core while it has documents; with several workers on one machine, give each
--jobs 1 so that they take turns on the cores instead of crowding them.

While it works, a worker tells the server it is alive every quarter of the ack wait; a worker
that dies leaves its documents to another within one ack wait (10 s by default). While the
database is unavailable, a worker keeps its documents, fetches no more and tries again with
growing pauses, so an outage uses up no deliveries. A document that fails (it cannot be read
or extracted, or the database refuses what it holds) fails alone and is tried again; after
--max-deliver deliveries it goes to the dead-letter stream with the reason (see alboran queue
dead). Text that a database cannot store (NUL characters) is replaced by U+FFFD with a warning.

--max-deliver and --ack-wait change the workers' consumer for every worker. Ctrl-C or SIGTERM
stops the worker at once; the documents it has not stored go back to the queue.
`

func cmdWorker(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("worker", workerHelp, stdout)
	db := dbFlag(fs)
	qf := addQueueFlags(fs)
	batch := fs.Int("batch", 64, "documents per fetch and per transaction")
	jobs := fs.Int("jobs", 0, "documents extracted at once; every core when 0. With several workers on one machine, give each --jobs 1 (or cores/workers)")
	metricsAddr := fs.String("metrics", os.Getenv("ALBORAN_METRICS"), "serve Prometheus metrics at http://ADDR/metrics, e.g. 127.0.0.1:9090 (env ALBORAN_METRICS)")
	every := fs.Duration("log-every", time.Minute, "log the throughput, failures and queue lag this often; 0 never")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	logger := newLogger(fs, stderr).With("cmd", "worker")
	// A worker outlives the services' restarts: it waits for the queue and the database.
	var q *queue.Queue
	for wait := 500 * time.Millisecond; ; wait = min(2*wait, 10*time.Second) {
		var err error
		if q, err = qf.connect(ctx); err == nil {
			break
		} else if _, usage := err.(usageError); usage || ctx.Err() != nil {
			return err
		}
		logger.Warn("waiting for the queue", "err", err)
		sleepCtx(ctx, wait)
	}
	defer q.Close()
	var st store.Store
	for wait := 500 * time.Millisecond; ; wait = min(2*wait, 10*time.Second) {
		var err error
		if st, err = openStore(ctx, *db); err == nil {
			break
		} else if !postgres.Unavailable(err) || ctx.Err() != nil {
			return err
		}
		logger.Warn("waiting for the database", "err", err)
		sleepCtx(ctx, wait)
	}
	defer st.Close()
	x, err := newExtractor()
	if err != nil {
		return err
	}
	set, err := q.Settings(ctx)
	if err != nil {
		return err
	}
	logger.Info("started", "queue", redactURL(qf.url), "db", redactURL(*db), "max_deliver", set.MaxDeliver,
		"ack_wait", set.AckWait.String(), "replicas", set.Replicas)
	stats := &queue.Stats{}
	if *metricsAddr != "" {
		stop, err := serveWorkerMetrics(ctx, *metricsAddr, q, stats, logger)
		if err != nil {
			return err
		}
		defer stop()
	}
	if *every > 0 {
		stop := logWorkerThroughput(ctx, *every, q, stats, logger)
		defer stop()
	}
	w := &queue.Worker{Queue: q, Store: st, Extractor: x, Batch: *batch, Jobs: *jobs, Stats: stats,
		Log: slog.NewLogLogger(logger.Handler(), slog.LevelInfo)}
	err = w.Run(ctx)
	if errors.Is(err, context.Canceled) {
		logger.Info("stopped")
		return nil
	}
	return err
}

// serveWorkerMetrics serves the worker's counters and the queue's lag at http://addr/metrics
// until ctx ends or stop is called.
func serveWorkerMetrics(ctx context.Context, addr string, q *queue.Queue, stats *queue.Stats, logger *slog.Logger) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("worker --metrics: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		var lag *queue.Lag
		lctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if l, err := q.Lag(lctx); err == nil {
			lag = &l
		}
		// The process's, the runtime's and the build's metrics first, as the server writes them.
		metrics.WriteProcess(w, version)
		stats.Snapshot().WriteMetrics(w, lag)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("metrics server", "err", err)
		}
	}()
	logger.Info("serving metrics", "url", "http://"+ln.Addr().String()+"/metrics")
	return func() { srv.Close() }, nil
}

// logWorkerThroughput logs, every interval, the documents stored and failed in it, the rate,
// and the queue's lag, until ctx ends or stop is called.
func logWorkerThroughput(ctx context.Context, every time.Duration, q *queue.Queue, stats *queue.Stats, logger *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		last, lastAt := stats.Snapshot(), time.Now()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-t.C:
				s := stats.Snapshot()
				attrs := []any{"stored", s.Stored - last.Stored, "failed", s.Failed - last.Failed, "dead", s.Dead - last.Dead,
					"docs_per_s", float64(s.Stored-last.Stored) / now.Sub(lastAt).Seconds(), "stored_total", s.Stored}
				lctx, lcancel := context.WithTimeout(ctx, 5*time.Second)
				if lag, err := q.Lag(lctx); err == nil {
					attrs = append(attrs, "pending", lag.Pending, "in_flight", lag.InFlight)
				}
				lcancel()
				logger.Info("throughput", attrs...)
				last, lastAt = s, now
			}
		}
	}()
	return func() { cancel(); <-done }
}

func sleepCtx(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

const queueHelp = `Usage: alboran queue status|dead|requeue --queue nats://HOST:PORT [--db postgres://...] [options]

status counts the documents published, pending (not yet delivered), in flight (held by a
worker or waiting to be delivered again), dead (in the dead-letter stream) and stranded (in
the stream but delivered --max-deliver times without a result, so never delivered again).
With --db (or ALBORAN_DB) it also counts the documents stored, tells stranded documents from
stored ones whose acknowledgements a server restart lost (leftover), and says when
stored differs from published − dead − pending − in flight − stranded. The exit code is 1
when something does not add up.

dead lists the dead documents with the reason they failed.

requeue sends the stranded documents back to the workers with all their deliveries again, and
with --db removes leftover ones from the stream; with --dead it also sends back the dead
documents (fix what made them fail first). A stranded document cannot be told from one a
worker holds, so requeue sends them back only when nothing is in flight.
`

func cmdQueue(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("queue", queueHelp, stdout)
	qf := addQueueFlags(fs)
	db := fs.String("db", os.Getenv("ALBORAN_DB"), "the PostgreSQL database the workers store into, postgres://... (env ALBORAN_DB)")
	format := formatFlag(fs, formatTable, formatTable, formatJSON)
	dead := fs.Bool("dead", false, "requeue: also send back the dead documents")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cmd := fs.Arg(0)
	if fs.NArg() != 1 || cmd != "status" && cmd != "dead" && cmd != "requeue" {
		return usageError{"queue: say status, dead or requeue (see alboran queue --help)"}
	}
	if err := checkFormat("queue", *format, formatTable, formatJSON); err != nil {
		return err
	}
	var ledger queue.Ledger
	isPG := strings.HasPrefix(*db, "postgres://") || strings.HasPrefix(*db, "postgresql://")
	if !isPG && flagSet(fs, "db") {
		return usageError{"queue: --db must be the workers' PostgreSQL database, postgres://..."}
	}
	if isPG && cmd != "dead" {
		pg, err := postgres.Open(ctx, *db)
		if err != nil {
			return err
		}
		defer pg.Close()
		ledger = pg
	}
	q, err := qf.connect(ctx)
	if err != nil {
		return err
	}
	defer q.Close()
	switch cmd {
	case "status":
		st, err := q.Status(ctx, ledger)
		if err != nil {
			return err
		}
		if *format == "json" {
			err = writeJSON(stdout, st)
		} else {
			printStatus(stdout, st)
		}
		if err == nil && len(st.Differences) > 0 {
			return fmt.Errorf("the queue and the database do not add up: %w", errPartial)
		}
		return err
	case "requeue":
		r, err := q.Requeue(ctx, ledger, *dead)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(stdout, r)
		}
		fmt.Fprintf(stdout, "sent back %d stranded and %d dead documents; removed %d stored ones from the stream\n", r.Stranded, r.Dead, r.Leftover)
		if r.Waiting > 0 {
			fmt.Fprintf(stdout, "%d delivered documents are not stored but were left alone while others are in flight: run requeue again when in flight is 0\n", r.Waiting)
		}
		return nil
	}
	dl, err := q.Dead(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(stdout, dl)
	}
	if len(dl) == 0 {
		fmt.Fprintln(stdout, "no dead documents")
	}
	for _, d := range dl {
		fmt.Fprintf(stdout, "%d  %s  after %s deliveries: %s\n", d.Seq, d.Source, d.Deliveries, d.Reason)
	}
	return nil
}

// printStatus writes the status as a few lines.
func printStatus(w io.Writer, st queue.Status) {
	stored := "unknown (give --db)"
	if st.Stored != nil {
		stored = strconv.FormatInt(*st.Stored, 10)
	}
	fmt.Fprintf(w, "published %d, stored %s, dead %d\n", st.Published, stored, st.Dead)
	fmt.Fprintf(w, "pending %d, in flight %d, stranded %d", st.Pending, st.InFlight, st.Stranded)
	if st.Leftover > 0 {
		fmt.Fprintf(w, ", leftover %d (stored, still in the stream: alboran queue requeue removes them)", st.Leftover)
	}
	fmt.Fprintln(w)
	if st.Requeued > 0 {
		fmt.Fprintf(w, "sent back by requeue %d\n", st.Requeued)
	}
	for _, d := range st.Differences {
		fmt.Fprintf(w, "DIFFERENCE: %s\n", d)
	}
	for _, n := range st.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	if st.Stored != nil && len(st.Differences) == 0 {
		fmt.Fprintln(w, "everything adds up: stored = published − dead − pending − in flight − stranded")
	}
}

const migrateHelp = `Usage: alboran migrate --db postgres://...|FILE

Brings the database's schema up to date (every command does this on opening; run it once
before starting many workers) and prints the schema version.
`

func cmdMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("migrate", migrateHelp, stdout)
	db := dbFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	type versioned interface {
		SchemaVersion(context.Context) (int, error)
	}
	v, err := st.(versioned).SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: schema version %d\n", redactURL(*db), v)
	return nil
}
