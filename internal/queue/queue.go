// Package queue carries documents to workers through a NATS JetStream work-queue stream. The
// publisher counts a document as sent only when the stream has acknowledged it; workers pull
// batches, store each batch in one transaction and acknowledge its messages only after the
// commit. A failed message is redelivered with back-off; after MaxDeliver deliveries it goes
// to a dead-letter stream with the reason. Stores write idempotently, so redelivery is harmless.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"runtime"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/store"
)

// Config names the streams and sets the delivery policy.
type Config struct {
	URL        string        // nats://host:port
	Name       string        // stream name prefix; "ALBORAN" by default
	MaxDeliver int           // deliveries before a message is dead; 5 by default
	AckWait    time.Duration // how long a worker may hold a message; 2 min by default
	Options    []nats.Option // credentials, TLS
}

func (c *Config) defaults() {
	if c.Name == "" {
		c.Name = "ALBORAN"
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 5
	}
	if c.AckWait <= 0 {
		c.AckWait = 2 * time.Minute
	}
}

func (c Config) docs() string       { return c.Name + "_DOCS" }
func (c Config) dead() string       { return c.Name + "_DEAD" }
func (c Config) docSubject() string { return "alboran." + c.Name + ".docs" }
func (c Config) deadSubject() string {
	return "alboran." + c.Name + ".dead"
}

// Queue is a connection to the streams.
type Queue struct {
	cfg Config
	nc  *nats.Conn
	js  jetstream.JetStream
}

// Connect connects to NATS and creates the streams and the workers' consumer when missing.
func Connect(ctx context.Context, cfg Config) (*Queue, error) {
	cfg.defaults()
	opts := append([]nats.Option{nats.Name("alboran"), nats.MaxReconnects(-1), nats.ReconnectWait(500 * time.Millisecond)}, cfg.Options...)
	nc, err := nats.Connect(cfg.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("queue %s: %w", cfg.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	q := &Queue{cfg: cfg, nc: nc, js: js}
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: cfg.docs(), Subjects: []string{cfg.docSubject()},
		Retention: jetstream.WorkQueuePolicy, Storage: jetstream.FileStorage, Duplicates: 10 * time.Minute}); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: stream %s: %w", cfg.docs(), err)
	}
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: cfg.dead(), Subjects: []string{cfg.deadSubject()},
		Storage: jetstream.FileStorage}); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: stream %s: %w", cfg.dead(), err)
	}
	if _, err := js.CreateOrUpdateConsumer(ctx, cfg.docs(), jetstream.ConsumerConfig{Durable: "workers", AckPolicy: jetstream.AckExplicitPolicy,
		AckWait: cfg.AckWait, MaxDeliver: cfg.MaxDeliver + 1, MaxAckPending: 4096}); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: consumer: %w", err)
	}
	return q, nil
}

// Close closes the connection.
func (q *Queue) Close() { q.nc.Close() }

// Publish sends one document and waits for the stream's acknowledgement. The message id is
// the document's key, so that a resend within ten minutes is dropped by the stream.
func (q *Queue) Publish(ctx context.Context, d record.Document) error {
	b, err := json.Marshal(wireDoc{d, d.Text})
	if err != nil {
		return err
	}
	hash, u := store.Key(d)
	_, err = q.js.Publish(ctx, q.cfg.docSubject(), b, jetstream.WithMsgID(hash+"|"+u))
	return err
}

// wireDoc is a document on the queue: record.Document leaves its text out of JSON.
type wireDoc struct {
	record.Document
	Text string `json:"text"`
}

// Worker stores the documents it pulls.
type Worker struct {
	Queue     *Queue
	Store     store.Store
	Extractor *extract.Extractor
	Batch     int // messages per fetch and per transaction; 64 by default
	Log       *log.Logger
}

// Run pulls and stores batches until ctx is done.
func (w *Worker) Run(ctx context.Context) error {
	if w.Batch <= 0 {
		w.Batch = 64
	}
	if w.Log == nil {
		w.Log = log.New(io.Discard, "", 0)
	}
	cons, err := w.Queue.js.Consumer(ctx, w.Queue.cfg.docs(), "workers")
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	for ctx.Err() == nil {
		msgs, err := cons.Fetch(w.Batch, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			w.Log.Printf("fetch: %v", err)
			time.Sleep(500 * time.Millisecond)
			continue
		}
		var batch []jetstream.Msg
		for m := range msgs.Messages() {
			batch = append(batch, m)
		}
		if err := msgs.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && ctx.Err() == nil {
			w.Log.Printf("fetch: %v", err)
		}
		if len(batch) > 0 {
			w.handle(ctx, batch)
		}
	}
	return nil
}

// handle extracts and stores a batch. Messages are acknowledged only after the commit; a
// message that cannot be read or extracted is handled alone, and dead after MaxDeliver tries.
func (w *Worker) handle(ctx context.Context, batch []jetstream.Msg) {
	// Extraction runs on every core; the batch keeps its order.
	results := make([]store.Entry, len(batch))
	errs := make([]error, len(batch))
	var wg sync.WaitGroup
	next := make(chan int)
	for k := 0; k < runtime.GOMAXPROCS(0); k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = w.entry(batch[i])
			}
		}()
	}
	for i := range batch {
		next <- i
	}
	close(next)
	wg.Wait()
	var entries []store.Entry
	var ok []jetstream.Msg
	for i, m := range batch {
		if errs[i] != nil {
			w.fail(ctx, m, errs[i])
			continue
		}
		entries = append(entries, results[i])
		ok = append(ok, m)
	}
	if len(entries) == 0 {
		return
	}
	// A store that is down is not the documents' fault: retry while keeping the messages, and
	// never count it toward the dead letter.
	var err error
	for wait := 200 * time.Millisecond; ; wait = min(2*wait, 5*time.Second) {
		if _, err = w.Store.Put(ctx, entries); err == nil || ctx.Err() != nil || wait >= 5*time.Second {
			break
		}
		w.Log.Printf("store: %v; retrying in %s", err, wait)
		for _, m := range ok {
			m.InProgress()
		}
		time.Sleep(wait)
	}
	if err != nil {
		w.Log.Printf("store: %v; the batch will be delivered again", err)
		for _, m := range ok {
			m.NakWithDelay(2 * time.Second)
		}
		return
	}
	for _, m := range ok {
		if err := m.Ack(); err != nil {
			w.Log.Printf("ack: %v (the message will come again and be found stored)", err)
		}
	}
}

// entry decodes and extracts one message; a panic in extraction is an error of that message.
func (w *Worker) entry(m jetstream.Msg) (e store.Entry, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("extraction failed: %v", v)
		}
	}()
	var wd wireDoc
	if err := json.Unmarshal(m.Data(), &wd); err != nil {
		return e, fmt.Errorf("not a document: %w", err)
	}
	d := wd.Document
	d.Text = wd.Text
	if d.Text == "" {
		return e, errors.New("the document has no text")
	}
	return store.Entry{Doc: d, Extraction: w.Extractor.Extract(d), Version: extract.Version}, nil
}

// fail naks a message that could not be read or extracted, with back-off, or moves it to the
// dead-letter stream after MaxDeliver deliveries.
func (w *Worker) fail(ctx context.Context, m jetstream.Msg, reason error) {
	n := uint64(1)
	if md, err := m.Metadata(); err == nil {
		n = md.NumDelivered
	}
	if n < uint64(w.Queue.cfg.MaxDeliver) {
		delay := time.Duration(1<<min(n, 6)) * 100 * time.Millisecond
		if err := m.NakWithDelay(delay); err != nil {
			w.Log.Printf("nak: %v", err)
		}
		return
	}
	dead := nats.NewMsg(w.Queue.cfg.deadSubject())
	dead.Data = m.Data()
	dead.Header.Set("Alboran-Reason", reason.Error())
	dead.Header.Set("Alboran-Deliveries", fmt.Sprint(n))
	if _, err := w.Queue.js.PublishMsg(ctx, dead); err != nil {
		w.Log.Printf("dead letter: %v", err)
		m.NakWithDelay(time.Second)
		return
	}
	w.Log.Printf("dead after %d deliveries: %v", n, reason)
	m.Term()
}

// Status is the state of the queue.
type Status struct {
	Pending  uint64 `json:"pending"`   // not yet delivered
	InFlight int    `json:"in_flight"` // delivered, not yet acknowledged
	Done     uint64 `json:"done"`      // acknowledged and removed
	Dead     uint64 `json:"dead"`      // in the dead-letter stream
}

// Status reads the streams and the consumer.
func (q *Queue) Status(ctx context.Context) (Status, error) {
	var st Status
	docs, err := q.js.Stream(ctx, q.cfg.docs())
	if err != nil {
		return st, err
	}
	info, err := docs.Info(ctx)
	if err != nil {
		return st, err
	}
	cons, err := q.js.Consumer(ctx, q.cfg.docs(), "workers")
	if err != nil {
		return st, err
	}
	ci, err := cons.Info(ctx)
	if err != nil {
		return st, err
	}
	st.Pending, st.InFlight = ci.NumPending, ci.NumAckPending
	if info.State.LastSeq >= info.State.Msgs {
		st.Done = info.State.LastSeq - info.State.Msgs
	}
	dead, err := q.js.Stream(ctx, q.cfg.dead())
	if err != nil {
		return st, err
	}
	di, err := dead.Info(ctx)
	if err != nil {
		return st, err
	}
	st.Dead = di.State.Msgs
	return st, nil
}

// DeadLetter is one dead document and why it died.
type DeadLetter struct {
	Seq        uint64 `json:"seq"`
	Source     string `json:"source"`
	Reason     string `json:"reason"`
	Deliveries string `json:"deliveries"`
}

// Dead lists the dead-letter stream.
func (q *Queue) Dead(ctx context.Context) ([]DeadLetter, error) {
	s, err := q.js.Stream(ctx, q.cfg.dead())
	if err != nil {
		return nil, err
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, err
	}
	var out []DeadLetter
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && seq > 0; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			continue
		}
		var wd wireDoc
		json.Unmarshal(m.Data, &wd)
		src := wd.Source
		if src == "" {
			src = fmt.Sprintf("(%d bytes that are not a document)", len(m.Data))
		}
		out = append(out, DeadLetter{Seq: seq, Source: src, Reason: m.Header.Get("Alboran-Reason"), Deliveries: m.Header.Get("Alboran-Deliveries")})
	}
	return out, nil
}

// PublishRaw sends bytes as they are, for tests of bad input.
func (q *Queue) PublishRaw(ctx context.Context, b []byte) error {
	_, err := q.js.Publish(ctx, q.cfg.docSubject(), b)
	return err
}
