package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/alboran/alboran/internal/queue"
	"github.com/alboran/alboran/internal/source"
)

// queueFlags adds --queue (env ALBORAN_QUEUE) and the NATS credentials and TLS options.
type queueFlags struct {
	url, creds, ca, cert, key, name string
	maxDeliver                      int
	ackWait                         time.Duration
}

func addQueueFlags(fs *flag.FlagSet) *queueFlags {
	q := &queueFlags{}
	fs.StringVar(&q.url, "queue", os.Getenv("ALBORAN_QUEUE"), "the NATS server, nats://host:port (env ALBORAN_QUEUE)")
	fs.StringVar(&q.creds, "queue-creds", os.Getenv("ALBORAN_QUEUE_CREDS"), "a NATS credentials file (env ALBORAN_QUEUE_CREDS)")
	fs.StringVar(&q.ca, "queue-ca", os.Getenv("ALBORAN_QUEUE_CA"), "a CA certificate for TLS to NATS (env ALBORAN_QUEUE_CA)")
	fs.StringVar(&q.cert, "queue-cert", os.Getenv("ALBORAN_QUEUE_CERT"), "a client certificate for TLS to NATS")
	fs.StringVar(&q.key, "queue-key", os.Getenv("ALBORAN_QUEUE_KEY"), "the client certificate's key")
	fs.StringVar(&q.name, "queue-name", "ALBORAN", "the stream name prefix")
	fs.IntVar(&q.maxDeliver, "max-deliver", 5, "deliveries before a document goes to the dead-letter stream")
	fs.DurationVar(&q.ackWait, "ack-wait", 2*time.Minute, "how long a worker may hold a document before it is delivered again")
	return q
}

func (q *queueFlags) connect(ctx context.Context) (*queue.Queue, error) {
	if q.url == "" {
		return nil, usageError{"--queue (or ALBORAN_QUEUE) is required: nats://host:port"}
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
	return queue.Connect(ctx, queue.Config{URL: q.url, Name: q.name, MaxDeliver: q.maxDeliver, AckWait: q.ackWait, Options: opts})
}

// publish sends every input document to the queue, counting one as sent when the stream
// acknowledged it.
func publish(ctx context.Context, qf *queueFlags, inputs []string, stdin io.Reader, stdout, stderr io.Writer, quiet bool) error {
	q, err := qf.connect(ctx)
	if err != nil {
		return err
	}
	defer q.Close()
	sent, skipped := 0, 0
	meter := newMeter(stderr, quiet, "publish", 0, nil)
	err = source.Options{Client: httpClient()}.Read(ctx, inputs, stdin, func(it source.Item) error {
		if it.Err != nil {
			skipped++
			fmt.Fprintf(stderr, "alboran: skipped %s: %v\n", it.Doc.Source, it.Err)
			return nil
		}
		if err := q.Publish(ctx, it.Doc); err != nil {
			return fmt.Errorf("publishing %s: %w", it.Doc.Source, err)
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
machines: a message is handed to one worker at a time, a worker that dies leaves its messages
to be delivered again, and writes are idempotent. A document that fails --max-deliver times
goes to the dead-letter stream with the reason (see alboran queue dead). Stop with Ctrl-C.
`

func cmdWorker(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("worker", workerHelp, stderr)
	db := dbFlag(fs)
	qf := addQueueFlags(fs)
	batch := fs.Int("batch", 64, "documents per fetch and per transaction")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	// A worker outlives the services' restarts: it waits for the queue to come up.
	var q *queue.Queue
	for wait := 500 * time.Millisecond; ; wait = min(2*wait, 10*time.Second) {
		var err error
		if q, err = qf.connect(ctx); err == nil {
			break
		} else if _, usage := err.(usageError); usage {
			return err
		}
		fmt.Fprintf(stderr, "worker: waiting for the queue: %v\n", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
	defer q.Close()
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	x, err := newExtractor()
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "worker: %s -> %s\n", qf.url, *db)
	w := &queue.Worker{Queue: q, Store: st, Extractor: x, Batch: *batch, Log: log.New(stderr, "worker: ", log.LstdFlags)}
	return w.Run(ctx)
}

const queueHelp = `Usage: alboran queue status|dead --queue nats://HOST:PORT [--format table|json]

status shows the documents pending, in flight (delivered, not yet acknowledged), done and
dead. dead lists the dead documents with the reason they failed.
`

func cmdQueue(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("queue", queueHelp, stderr)
	qf := addQueueFlags(fs)
	format := fs.String("format", "table", "output: table or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || fs.Arg(0) != "status" && fs.Arg(0) != "dead" {
		return usageError{"queue: say status or dead (see alboran queue --help)"}
	}
	if err := checkFormat("queue", *format); err != nil {
		return err
	}
	q, err := qf.connect(ctx)
	if err != nil {
		return err
	}
	defer q.Close()
	if fs.Arg(0) == "status" {
		st, err := q.Status(ctx)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(stdout, st)
		}
		fmt.Fprintf(stdout, "pending %d, in flight %d, done %d, dead %d\n", st.Pending, st.InFlight, st.Done, st.Dead)
		return nil
	}
	dead, err := q.Dead(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		if dead == nil {
			dead = []queue.DeadLetter{}
		}
		return writeJSON(stdout, dead)
	}
	if len(dead) == 0 {
		fmt.Fprintln(stdout, "no dead documents")
	}
	for _, d := range dead {
		fmt.Fprintf(stdout, "%d  %s  after %s deliveries: %s\n", d.Seq, d.Source, d.Deliveries, d.Reason)
	}
	return nil
}

const migrateHelp = `Usage: alboran migrate --db postgres://...|FILE

Brings the database's schema up to date (every command does this on opening; run it once
before starting many workers) and prints the schema version.
`

func cmdMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("migrate", migrateHelp, stderr)
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
	fmt.Fprintf(stdout, "%s: schema version %d\n", *db, v)
	return nil
}
